"""The visitor-request forms: 来访登记表 (the record of a visit, 信访工作条例 Art 19: oral
requests written down faithfully), 督办单 (an assignment sent to a department with its
deadline, and room for the department's answer), 信访处理意见书 (the written answer to the
person, Arts 31–32: the request, facts and reasons, the decision and its basis, and where to
ask for a review, Art 35).

Laid out with the same kit as every other form (A4, GB/T 9704 margins, per-character font
fallback, page numbers); plain data in (:mod:`mediation_desk.documents.petition_data`), PDF
bytes out. A form refuses to print (ValidationError naming the fields) rather than print
without what it exists to say.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from reportlab.lib.units import mm

from mediation_desk.documents import page_count
from mediation_desk.documents.data import RoomInfo
from mediation_desk.documents.layout import Kit
from mediation_desk.documents.petition_data import AssignmentInfo, PetitionSheet, SupervisionSheet
from mediation_desk.documents.text import BLANK_DATE, cn_date, missing
from mediation_desk.errors import Problem, ValidationError

REGISTRATION = "来访登记表"
SUPERVISION = "信访事项督办单"
ANSWER = "信访处理意见书"
REVIEW_NOTICE = ("如对本处理意见不服，可以自收到本意见书之日起30日内，向原办理机关的上一级行政机关"
                 "请求复查（《信访工作条例》第三十五条）。")
WRITE_IN = 18  # mm left for what is written by hand
SHORT_LAST_PAGE = 0.4  # share of a last page so little that the compact size is tried


def _when(sheet: PetitionSheet) -> str:
    at = sheet.received_at
    return f"{cn_date(at.date())} {at:%H:%M}"


def _people(sheet: PetitionSheet) -> str:
    if not sheet.people_involved:
        return ""
    group = "（集体访）" if sheet.people_involved >= 5 else ""
    return f"{sheet.people_involved}人{group}"


def _assignment_rows(items: tuple[AssignmentInfo, ...]) -> list[list[str]]:
    rows = []
    for i, a in enumerate(items, start=1):
        due = cn_date(a.due_on) + (f"\n{a.extension}" if a.extension else "")
        result = a.result + (f"\n（{cn_date(a.result_on)}）" if a.result_on else "")
        rows.append([str(i), a.department, f"{a.task}\n{a.request}".strip(), a.responsible,
                     due, result])
    return rows


# -- 来访登记表 ----------------------------------------------------------------------------------
def registration_problems(sheet: PetitionSheet) -> list[Problem]:
    out = []
    for label, value in (("来访人", sheet.person.name), ("诉求内容", sheet.content),
                         ("事项类别", sheet.category)):
        if not value.strip():
            out.append(missing(REGISTRATION, label))
    return out


def registration(sheet: PetitionSheet) -> bytes:
    _refuse(registration_problems(sheet))
    return _render(sheet.room, REGISTRATION, lambda kit: _registration_story(sheet, kit),
                   f"{REGISTRATION} {sheet.number}")


def _registration_story(sheet: PetitionSheet, kit: Kit) -> list[Any]:
    p = sheet.person
    story: list[Any] = [*kit.title(REGISTRATION, f"编号：{sheet.number}")]
    rows: list[Any] = [
        (("来访时间", _when(sheet)), ("来访方式", sheet.channel)),
        (("来访人", p.name), ("性别", p.gender)),
        (("身份证号码", p.id_number), ("联系电话", p.phone)),
        (("住址", p.address),),
        (("所在村（社区）", sheet.village), ("小区", sheet.compound)),
        (("事项类别", sheet.category), ("涉及人数", _people(sheet))),
    ]
    if sheet.representatives:
        rows.append((("推选代表", "、".join(sheet.representatives)),))
    rows += [(("被反映人或单位", sheet.respondent),), (("接待人", sheet.received_by),)]
    story.append(kit.fields(rows, label_width=30 * mm))
    story += [kit.space(2), kit.heading("诉求内容及主要事实、理由："), *kit.paras(sheet.content)]
    if sheet.earlier:
        story.append(kit.heading("此前来访或调解记录："))
        story += [kit.para(line, "small") for line in sheet.earlier]
    story.append(kit.heading("研判意见："))
    if sheet.route:
        story.append(kit.para(f"处理方式：{sheet.route}；风险等级：{sheet.risk}。"
                              f"{sheet.assessment}（{sheet.assessed_by}，"
                              f"{cn_date(sheet.assessed_on)}）"))
    else:
        story.append(kit.fields([(("研判意见", "", WRITE_IN),)], label_width=30 * mm))
    if sheet.assignments:
        story.append(kit.heading("交办督办情况："))
        story.append(kit.grid(["序号", "承办部门", "交办事项", "责任人", "办理期限", "办理结果"],
                              _assignment_rows(sheet.assignments), [7, 24, 34, 14, 22, 30],
                              center=(0,), small=True))
    story += [kit.space(6), kit.keep([
        kit.sign_lines(["来访人（签名或按指印）", "接待人（签名）"]),
        kit.para(f"登记日期：{cn_date(sheet.received_at.date())}", "right")])]
    return story


# -- 督办单 -------------------------------------------------------------------------------------
def supervision_problems(sheet: SupervisionSheet) -> list[Problem]:
    out = registration_problems(sheet.petition)
    if not sheet.assignment.department.strip():
        out.append(missing(SUPERVISION, "承办部门"))
    return out


def supervision(sheet: SupervisionSheet) -> bytes:
    _refuse(supervision_problems(sheet))
    s = sheet.petition
    return _render(s.room, SUPERVISION, lambda kit: _supervision_story(sheet, kit),
                   f"{SUPERVISION} {s.number}-督{sheet.sequence}")


def _supervision_story(sheet: SupervisionSheet, kit: Kit) -> list[Any]:
    s, a = sheet.petition, sheet.assignment
    story: list[Any] = [*kit.title(SUPERVISION, f"编号：{s.number}-督{sheet.sequence}")]
    story.append(kit.para(f"{a.department}：", "plain"))
    story.append(kit.para(
        f"{s.person.name}于{cn_date(s.received_at.date())}反映的{s.category}事项，经研判，"
        f"现交由你单位{a.task}。请于{cn_date(a.due_on)}前将办理结果书面报送"
        f"{s.room.committee_name}（{s.room.room_name}），逾期未报送的予以督办通报。"))
    story.append(kit.fields([
        (("来访人", s.person.name), ("联系电话", s.person.phone)),
        (("住址", s.person.address),),
        (("事项类别", s.category), ("来访日期", cn_date(s.received_at.date()))),
        (("交办日期", cn_date(a.assigned_on)), ("办理期限", cn_date(a.due_on))),
        (("责任人", a.responsible), ("延长期限", a.extension or "无")),
    ], label_width=26 * mm))
    story += [kit.space(2), kit.heading("来访人诉求："), *kit.paras(s.content)]
    if a.request.strip():
        story += [kit.heading("交办要求："), *kit.paras(a.request)]
    if s.assessment.strip():
        story += [kit.heading("研判意见："), *kit.paras(s.assessment)]
    story.append(kit.keep([kit.space(2), kit.beside(
        [kit.sign_lines(["督办人（签名）"]), kit.para(f"督办日期：{cn_date(a.assigned_on)}",
                                                    "plain")],
        kit.seal(cn_date(a.assigned_on)), 60 * mm)]))
    result = a.result + (f"（{cn_date(a.result_on)}）" if a.result_on else "")
    story.append(kit.keep([
        kit.space(2), kit.heading("承办部门办理情况（请填写后连同相关材料报回）："),
        kit.fields([
            (("办理情况", result, 28),),
            (("承办人（签名）", "", 8), ("负责人（签名）", "", 8)),
            (("办结日期", cn_date(a.result_on) if a.result_on else BLANK_DATE),
             ("单位（盖章）", "")),
        ], label_width=30 * mm)]))
    return story


# -- 信访处理意见书 -------------------------------------------------------------------------------
def answer_problems(sheet: PetitionSheet) -> list[Problem]:
    out = registration_problems(sheet)
    for label, value in (("处理意见", sheet.decision), ("答复内容", sheet.answer),
                         ("事实和理由", sheet.facts_reasons), ("法律政策依据", sheet.legal_basis)):
        if not value.strip():
            out.append(missing(ANSWER, label))
    return out


def answer(sheet: PetitionSheet) -> bytes:
    _refuse(answer_problems(sheet))
    return _render(sheet.room, ANSWER, lambda kit: _answer_story(sheet, kit),
                   f"{ANSWER} {sheet.number}", pages=2)


def _answer_story(sheet: PetitionSheet, kit: Kit) -> list[Any]:
    issued = sheet.answered_on or sheet.printed_on
    story: list[Any] = [*kit.title(ANSWER, f"编号：{sheet.number}")]
    story.append(kit.para(f"{sheet.person.name}：", "plain"))
    story.append(kit.para(
        f"你于{cn_date(sheet.received_at.date())}以{sheet.channel}方式反映的{sheet.category}"
        f"事项，本委员会已依法受理。经调查核实，现将处理意见告知如下："))
    story += [kit.heading("一、信访事项"), *kit.paras(sheet.content)]
    story += [kit.heading("二、事实和理由"), *kit.paras(sheet.facts_reasons)]
    story += [kit.heading("三、处理意见"),
              kit.para(f"经研究，对你反映的事项{sheet.decision}。{sheet.answer}".replace("。。", "。"))]
    story += [kit.heading("四、依据"), *kit.paras(sheet.legal_basis)]
    story.append(kit.para(REVIEW_NOTICE))
    story.append(kit.keep([
        kit.para("特此告知。"), kit.space(4),
        kit.beside([kit.sign_lines(["承办人（签名）"]),
                    kit.para(f"联系电话：{sheet.room.phone}" if sheet.room.phone else "",
                             "plain")],
                   kit.seal(cn_date(issued)), 70 * mm)]))
    story += [kit.page_break(), kit.bold("送达回执", "title"), kit.space(4)]
    story.append(kit.fields([
        (("送达文书", f"《{ANSWER}》（编号：{sheet.number}）"),),
        (("受送达人", sheet.person.name), ("送达方式", sheet.answer_method)),
        (("送达人", sheet.answered_by), ("送达日期", cn_date(issued))),
        (("签名或指印", "", WRITE_IN),),
    ], label_width=26 * mm))
    story += [kit.space(4), kit.para("本人已收到上述处理意见书，知悉可在30日内请求复查。"),
              kit.para(f"签收日期：{BLANK_DATE}", "right")]
    return story


def _render(room: RoomInfo, title: str, story: Callable[[Kit], list[Any]], name: str,
            pages: int = 1) -> bytes:
    """Lay the form out; when it runs just over its ``pages`` (a signature block alone on a
    last sheet invites disputes), lay it out again in the compact size and keep that if it
    fits — as the case forms do (``FormSpec.fit_one_page``)."""
    kit = Kit(room, title)
    pdf = kit.render(story(kit), name)
    if page_count(pdf) == pages + 1 and kit.last_page_fill < SHORT_LAST_PAGE:
        compact = Kit(room, title, compact=True)
        small = compact.render(story(compact), name)
        if page_count(small) == pages:
            return small
    return pdf


def _refuse(problems: list[Problem]) -> None:
    if problems:
        raise ValidationError(problems)
