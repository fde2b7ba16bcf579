"""人民调解当事人权利义务告知书, with the personal-information notice.

Before mediating, the room tells the parties their rights and duties (People's Mediation Law
Arts 23–24, MOJ 2002 Art 30) and each party signs. The statutory lists are printed in full and
in the Law's own words, never abridged: a party who later says "nobody told me I could refuse"
is answered by this sheet. The other things a party must know before agreeing to mediate are
added in plain words: no fee (Art 4), mediation does not close the road to a court (Art 3), an
agreement binds and may be confirmed by a court within 30 days (Arts 31, 33), and what happens
when mediation fails (Art 26).

The same signature covers the personal-information notice PIPL Art 17 requires before
processing: who processes, for what purpose, which data (and that sensitive data is processed
only as far as needed, with separate consent, PIPL Arts 28–31), how long it is kept (the case's
retention period), to whom it may go, the person's rights (access, copy, correct, delete,
withdraw consent, PIPL Arts 44–47) and whom to contact.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from mediation_desk.documents.data import CaseFile
from mediation_desk.documents.form_parts import names_with_sides
from mediation_desk.documents.text import FormSpec, cn_date, missing, ordered_parties
from mediation_desk.errors import Problem

if TYPE_CHECKING:
    from mediation_desk.documents.layout import Kit

TITLE = "人民调解当事人权利义务告知书"
LAW = "《中华人民共和国人民调解法》"
PIPL = "《中华人民共和国个人信息保护法》"

#: Art 23, verbatim.
RIGHTS = ("选择或者接受人民调解员；", "接受调解、拒绝调解或者要求终止调解；",
          "要求调解公开进行或者不公开进行；", "自主表达意愿、自愿达成调解协议。")
#: Art 24, verbatim.
DUTIES = ("如实陈述纠纷事实；", "遵守调解现场秩序，尊重人民调解员；", "尊重对方当事人行使权利。")
_ORDINALS = "一二三四五六七八九十"


def problems(case: CaseFile) -> list[Problem]:
    """Parties to sign, and what the personal-information notice must state: the retention
    period and a way to reach the room."""
    out: list[Problem] = []
    if not case.parties:
        out.append(missing(TITLE, "当事人", "没有当事人"))
    out += [missing(TITLE, f"{p.side_label} 姓名或名称") for p in case.parties
            if not p.name.strip()]
    if not case.retention.strip():
        out.append(missing(TITLE, "保管期限", "未设置，个人信息告知须写明保存期限"))
    return out


def _listed(items: tuple[str, ...]) -> list[str]:
    return [f"（{_ORDINALS[i]}）{text}" for i, text in enumerate(items)]


def other_notes(case: CaseFile) -> list[str]:
    notes = [
        f"调解不收取任何费用（{LAW}第四条，下同）。调解遵循自愿、平等原则，当事人一方明确拒绝调解的，"
        "不得调解（第十七条）；调解不妨碍当事人依法通过仲裁、行政、司法等途径维护自己的权利（第三条）。",
        "经人民调解委员会调解达成的调解协议，具有法律约束力，当事人应当按照约定履行（第三十一条）；"
        "双方当事人可以自调解协议生效之日起三十日内共同向人民法院申请司法确认（第三十三条）。",
        "调解不成的，终止调解，并告知当事人可以依法通过仲裁、行政、司法等途径维护自己的权利"
        "（第二十六条）。",
        "人民调解员对调解中知悉的个人隐私、商业秘密负有保密义务（第十五条）。",
    ]
    if case.deadline_on:
        notes.append(f"本纠纷于{cn_date(case.received_on)}受理，调解一般应于一个月内即"
                     f"{cn_date(case.deadline_on)}前完成；经各方当事人同意，可以延长。")
    return notes


def contact(case: CaseFile) -> str:
    """How to reach the room; without a configured address or phone, the lead mediator on
    this case (printed after the room's name, so the notice names a contact either way)."""
    room = case.room
    found = "，".join(x for x in (f"地址：{room.address}" if room.address else "",
                                 f"电话：{room.phone}" if room.phone else "") if x)
    return found or (f"承办调解员：{case.lead_mediator}" if case.lead_mediator else "")


def privacy_notes(case: CaseFile) -> list[str]:
    room = case.room
    where = contact(case)
    return [
        f"处理者和联系方式：{room.committee_name}（{room.room_name}" + (f"，{where}" if where else "")
        + "）。行使下列权利或者有疑问、投诉的，请与我们联系，我们将及时处理并答复。",
        "处理目的：受理和调解本纠纷，制作调解文书，回访协议履行，协助申请司法确认，立卷归档，"
        "以及报送不含个人身份信息的统计数据，不作他用。",
        "处理的个人信息：姓名、性别、民族、出生日期、身份证件号码、联系电话、住址或工作单位、职业，"
        "以及与纠纷有关的情况。涉及医疗健康、金融账户、不满十四周岁未成年人等敏感个人信息的，仅在调解"
        "所必需的范围内处理，并取得单独同意（未成年人由其监护人同意）。",
        "安全措施：纸质卷宗入柜保管；电子信息加密存储，仅经授权的调解人员可以查阅，查阅和修改留有记录。",
        f"保存期限：本案卷宗保管期限为{case.retention.strip()}，自立卷归档之日起计算；期限届满后删除"
        "或者匿名化处理，法律、行政法规另有规定的除外。",
        "向他人提供：除向人民法院提交司法确认材料、依照人民调解法第二十五条向公安机关等部门报告可能激化"
        "的纠纷，以及法律、行政法规规定的其他情形外，不向他人提供或者公开。",
        f"您的权利：依照{PIPL}第四十四条至第四十八条，您有权查阅、复制、更正、补充您的个人信息，"
        "在法定情形下要求删除，撤回同意（不影响撤回前已进行的处理），并要求我们解释说明处理规则。",
    ]


def story(case: CaseFile, kit: Kit) -> list[Any]:
    from mediation_desk.documents.form_blocks import dated_signatures

    parties = ordered_parties(case)
    seal_w = 62 * _mm()
    left = kit.width - seal_w
    style = note_style(kit)
    out: list[Any] = [*kit.title(TITLE, f"编号：{case.number}")]
    out.append(kit.labelled("当事人", names_with_sides(case)))
    out.append(kit.para(f"根据{LAW}第二十三条、第二十四条的规定，现将当事人在人民调解活动中的"
                        "权利和义务告知如下："))
    out.append(kit.heading("一、当事人在人民调解活动中享有下列权利："))
    out += [kit.para(text) for text in _listed(RIGHTS)]
    out.append(kit.heading("二、当事人在人民调解活动中履行下列义务："))
    out += [kit.para(text) for text in _listed(DUTIES)]
    out.append(kit.heading("三、其他告知事项："))
    out += [kit.para(f"{i}. {text}", style) for i, text in enumerate(other_notes(case), 1)]
    out.append(kit.heading("四、个人信息处理告知："))
    out.append(kit.para(f"依照{PIPL}第十七条，现将处理您个人信息的有关事项告知如下：", style))
    notes = [kit.para(f"{i}. {text}", style) for i, text in enumerate(privacy_notes(case), 1)]
    out += notes[:-1]
    # The last note, the acknowledgement and every signature stay together; each party dates
    # their own signature, the notifying mediator signs beside the committee's seal.
    out.append(kit.keep([
        notes[-1],
        kit.space(2),
        kit.para("以上告知事项，本人已阅读（或已听取人民调解员宣读），知悉在人民调解活动中的权利和义务，"
                 "同意在上述范围内处理本人的个人信息。"),
        kit.para("当事人（签名或按指印）：", "plain"),
        kit.beside([dated_signatures(kit, [f"{p.side_label} {p.name}" for p in parties], left),
                    kit.space(4), kit.rich(kit.markup("告知人（人民调解员）：") + "_" * 10, "cell")],
                   kit.seal(cn_date(case.notified_on)), seal_w),
    ]))
    return out


def note_style(kit: Kit) -> str:
    """The body style (first line indented, as official documents are) in 12 pt for the
    longer notes: still clear to read (PIPL Art 17 asks for a conspicuous, plain notice), and
    a two-party notice stays on two pages."""
    from reportlab.lib.styles import ParagraphStyle

    if "form_note" not in kit.styles:
        kit.styles["form_note"] = ParagraphStyle(
            "form_note", parent=kit.styles["body"], fontSize=12, leading=19)
    return "form_note"


def _mm() -> float:
    from reportlab.lib.units import mm

    return float(mm)


FORM = FormSpec("notice", TITLE, problems, story, fit_one_page=True)
