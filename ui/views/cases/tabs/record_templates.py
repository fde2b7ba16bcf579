"""Common passages of mediation records, so a mediator inserts them instead of typing them.

Why constants in Chinese: they are the text that goes into the record and onto paper, not
interface wording; the room may later edit them in settings. ``{committee}`` is replaced with
the committee's name when inserted.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Template:
    key: str
    title: str
    text: str


RIGHTS_NOTICE = (
    "调解员向双方当事人告知权利义务：根据《中华人民共和国人民调解法》第二十三条、第二十四条的"
    "规定，当事人在人民调解活动中享有下列权利：（一）选择或者接受人民调解员；（二）接受调解、"
    "拒绝调解或者要求终止调解；（三）要求调解公开进行或者不公开进行；（四）自主表达意愿、自愿"
    "达成调解协议。当事人在人民调解活动中履行下列义务：（一）如实陈述纠纷事实；（二）遵守调解"
    "现场秩序，尊重人民调解员；（三）尊重对方当事人行使权利。人民调解不收取任何费用，也不影响"
    "当事人依法通过仲裁、行政、司法等途径维护自己的权利。双方当事人表示已清楚上述权利义务，"
    "同意由{committee}进行调解。"
)

SHANDE_MEDIATION = (
    "调解员秉持李光地善德文化“以德立政、以和动人”的理念开展调解：一是释法说理，依据相关法律"
    "法规向双方讲明各自的权利义务及可能承担的法律后果；二是以情动人，引导双方换位思考、互谅"
    "互让，珍惜乡邻亲情，以和为贵、化解矛盾；三是尊重双方意愿，在平等、自愿的基础上协商解决"
    "纠纷。"
)

RISK_NOTICE = (
    "调解员向双方当事人作风险提示：调解协议经各方当事人签名、盖章或者按指印，人民调解员签名并"
    "加盖人民调解委员会印章后生效，具有法律约束力，当事人应当按照约定履行。双方当事人可以自"
    "调解协议生效之日起三十日内共同向人民法院申请司法确认。一方不履行协议的，另一方可以依法"
    "向人民法院提起诉讼。当事人应当如实陈述，因隐瞒事实或者提供虚假情况造成的后果由其自行承担。"
)

READ_BACK = (
    "以上记录已向当事人宣读（或经当事人阅看），当事人确认记录内容与其陈述一致，无异议，"
    "签名（按指印）确认。"
)

TERMINATION_ROUTES = (
    "经调解，双方当事人未能达成调解协议，{committee}决定终止调解，并已告知当事人可以依法通过"
    "仲裁、行政、司法等途径维护自己的权利。"
)

TEMPLATES: tuple[Template, ...] = (
    Template("rights", "权利义务告知", RIGHTS_NOTICE),
    Template("shande", "善德调解（释法说理、以情动人）", SHANDE_MEDIATION),
    Template("risk", "风险告知", RISK_NOTICE),
    Template("read_back", "宣读确认", READ_BACK),
    Template("termination", "终止调解告知", TERMINATION_ROUTES),
)


def fill(text: str, committee: str) -> str:
    """The passage with the committee's name in place (plain replace: no format surprises)."""
    return text.replace("{committee}", committee or "本调解委员会")
