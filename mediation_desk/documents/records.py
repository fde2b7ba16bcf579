"""人民调解调查记录 and 人民调解记录: the written record of each investigation and each
mediation session (Art 27: mediators record every mediation; the dossier keeps the records).

One record per page group, in time order, each starting on a new page and numbering its own
pages, because each is signed on its own day by the people who were there. A record states
when, where, about what and who took part (parties, invited helpers per Art 20, the room's
people, the recorder), then the questions and answers or the course of the session; a
mediation record also states that the parties were told their rights and, on the last session,
how the mediation ended. It closes with the read-back statement and the signatures of everyone
present — a record nobody signed proves little.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from mediation_desk.documents.data import CaseFile, RecordInfo
from mediation_desk.documents.form_parts import (
    cn_time,
    dispute_words,
    is_terminated,
    present,
    record_body,
    records_of,
)
from mediation_desk.documents.text import FormSpec, cn_date, missing
from mediation_desk.errors import Problem

if TYPE_CHECKING:
    from mediation_desk.documents.layout import Kit

INVESTIGATION_TITLE = "人民调解调查记录"
MEDIATION_TITLE = "人民调解记录"
READ_BACK = "以上笔录已向我宣读/我已看过，与我说的相符。"
_NOUN = {"investigation": "调查记录", "mediation": "调解记录"}


def _problems(kind: str, title: str) -> Callable[[CaseFile], list[Problem]]:
    def check(case: CaseFile) -> list[Problem]:
        records = records_of(case, kind)
        if not records:
            return [missing(title, _NOUN[kind], f"本案还没有{_NOUN[kind]}，请先填写")]
        out = []
        for r in records:
            where = f"{cn_time(r.at)}的{_NOUN[kind]}"
            for label, value in (("地点", r.place), ("记录人", r.author),
                                 ("内容", record_body(r))):
                if not value.strip():
                    out.append(missing(title, f"{where} {label}"))
        return out

    return check


def _tail(items: list[Any]) -> int:
    """Where the closing block starts: the last paragraph and any headings just before it
    (a heading followed by a KeepTogether is not kept with it by reportlab)."""
    i = max(len(items) - 1, 0)
    while i > 0 and getattr(items[i - 1], "keepWithNext", False):
        i -= 1
    return i


def _closing(kit: Kit, last: list[Any], record: RecordInfo, people: list[str],
             staff_label: str, staff: list[str]) -> Any:
    """The last paragraph(s), the read-back statement and every signature, kept on one page:
    nobody should sign under a page that carries none of the record."""
    from mediation_desk.documents.form_blocks import signature_grid

    labels = [*people, *(f"{staff_label} {name}" for name in staff), f"记录人 {record.author}"]
    return kit.keep([
        *last, kit.space(2), kit.para(READ_BACK, "body"),
        kit.para("签名（或按指印）：", "plain"), signature_grid(kit, labels),
        kit.space(2), kit.para(cn_date(record.at.date()), "right"),
    ])


def investigation_story(case: CaseFile, kit: Kit) -> list[Any]:
    out: list[Any] = []
    for i, record in enumerate(records_of(case, "investigation")):
        if i:
            out += [kit.page_break(), kit.section(f"investigation-{i}")]
        who = present(case, record)
        investigated = [*who.parties, *who.others]
        investigators = list(who.mediators) or [case.lead_mediator]
        out += kit.title(INVESTIGATION_TITLE, f"编号：{case.number}")
        if record.addendum:
            out.append(kit.para("（结案后补充记录）", "right"))
        out.append(kit.fields([
            (("调查时间", cn_time(record.at)),),
            (("调查地点", record.place),),
            (("调查事项", f"{case.title}（{dispute_words(case)}）" if case.title
              else dispute_words(case)),),
            (("被调查人", "、".join(investigated)),),
            (("调查人", "、".join(investigators)), ("记录人", record.author)),
        ]))
        body = kit.paras(record_body(record), "plain")
        out += [kit.space(2), kit.heading("调查内容："), *body[:_tail(body)]]
        out.append(_closing(kit, body[_tail(body):], record, [*who.signers, *who.others], "调查人",
                            investigators))
    return out


def outcome_lines(case: CaseFile, record: RecordInfo) -> list[str]:
    """How the mediation ended, printed on the last session's record only."""
    sessions = records_of(case, "mediation")
    if not sessions or record is not sessions[-1]:
        return []
    a = case.agreement
    if a is not None and a.reached_on >= record.at.date():
        paper = "《人民调解协议书》" if a.form == "written" else "《口头调解协议登记表》"
        kind = "书面" if a.form == "written" else "口头"
        return [f"经调解，各方当事人于{cn_date(a.reached_on)}自愿达成{kind}调解协议，"
                f"协议内容见{paper}（编号：{case.number}）。"]
    if is_terminated(case):
        reason = case.termination_reason.strip().rstrip("。") or "调解不成"
        return [f"调解未能达成协议，本委员会终止调解。终止原因：{reason}。",
                "已告知当事人可以依法通过仲裁、行政、司法等途径维护自己的权利。"]
    return []


def mediation_story(case: CaseFile, kit: Kit) -> list[Any]:
    out: list[Any] = []
    for i, record in enumerate(records_of(case, "mediation")):
        if i:
            out += [kit.page_break(), kit.section(f"mediation-{i}")]
        who = present(case, record)
        mediators = list(who.mediators) or [case.lead_mediator]
        out += kit.title(MEDIATION_TITLE, f"编号：{case.number}")
        if record.addendum:
            out.append(kit.para("（结案后补充记录）", "right"))
        out.append(kit.fields([
            (("调解时间", cn_time(record.at)),),
            (("调解地点", record.place),),
            (("调解事项", f"{case.title}（{dispute_words(case)}）" if case.title
              else dispute_words(case)),),
            (("当事人", "、".join(who.parties) or "（见记录）"),),
            (("邀请参加人", "、".join(who.others) or "无"),),
            (("人民调解员", "、".join(mediators)), ("记录人", record.author)),
        ], label_width=_mm(28)))
        out += [kit.space(2), kit.heading("调解情况：")]
        if case.notified_on and case.notified_on <= record.at.date():
            out.append(kit.para(f"当事人在人民调解活动中享有的权利和承担的义务，已于"
                                f"{cn_date(case.notified_on)}以《人民调解当事人权利义务告知书》"
                                "告知。", "body"))
        body = kit.paras(record_body(record), "body")
        result = outcome_lines(case, record)
        if result:
            body += [kit.heading("调解结果："), *kit.paras("\n".join(result), "body")]
        out += body[:_tail(body)]
        out.append(_closing(kit, body[_tail(body):], record, [*who.signers, *who.others], "调解员",
                            mediators))
    return out


def _mm(n: float) -> float:
    from reportlab.lib.units import mm

    return float(n * mm)


INVESTIGATION = FormSpec("investigation", INVESTIGATION_TITLE,
                         _problems("investigation", INVESTIGATION_TITLE), investigation_story)
MEDIATION = FormSpec("record", MEDIATION_TITLE, _problems("mediation", MEDIATION_TITLE),
                     mediation_story)
