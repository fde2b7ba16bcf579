"""Visitor requests (信访 / 接访): the words, the clock and the order of the town's loop
接访 → 研判 → 督办 → 反馈.

The clock is the 信访工作条例's (in force since 2022-05-01): a body that receives a request
forwards it, assigns it or tells the person in writing where it goes within **15 days**
(Arts 22–23); a complaint is handled within **60 days** of acceptance, extended once by at
most **30 days** with a reason (Art 34); a group chooses at most **5 representatives**
(Art 20). Counting follows :mod:`mediation_desk.domain.deadlines` (the starting day is not
counted). Everything here is pure: ``today`` is always a parameter.

Codes (English) are what the register stores and the command line takes; labels are what
people read and print.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date, timedelta
from types import MappingProxyType

from mediation_desk.domain.errors import DomainError

CHANNELS: Mapping[str, str] = MappingProxyType({
    "walk_in": "来访", "appointment": "预约接访", "phone": "来电", "online": "网上信访",
    "letter": "来信"})

ROUTES: Mapping[str, str] = MappingProxyType({
    "mediate": "调解处理", "refer": "转交部门办理", "joint": "联席处置", "answer": "直接答复"})

STATUSES: Mapping[str, str] = MappingProxyType({
    "registered": "待研判", "assessed": "已研判", "supervising": "督办中", "mediating": "调解中",
    "answered": "已答复", "closed": "已办结"})

SATISFACTION: Mapping[str, str] = MappingProxyType({
    "satisfied": "满意", "basic": "基本满意", "unsatisfied": "不满意"})

#: What an assignment asks of a department, and so its default deadline.
TASKS: Mapping[str, str] = MappingProxyType({"handle": "办理", "forward": "转送或告知去向"})

#: The decision of a 信访处理意见书 (Arts 31–32).
DECISIONS: Mapping[str, str] = MappingProxyType({
    "support": "予以支持", "explain": "解释说明", "not_supported": "不予支持"})

ANSWER_METHODS: Mapping[str, str] = MappingProxyType({
    "in_person": "当面答复", "phone": "电话答复", "written": "书面答复", "online": "网上答复"})

#: Local practice: the categories a new register starts with (an editable dictionary).
DEFAULT_CATEGORIES: tuple[str, ...] = (
    "农村建房", "土地确权", "物业管理", "劳动报酬", "邻里", "征地拆迁", "婚姻家庭", "环境污染",
    "社会保障", "涉法涉诉", "其他")
#: The town's departments a request can be handed to (an editable dictionary).
DEFAULT_DEPARTMENTS: tuple[str, ...] = (
    "镇综治中心", "镇司法所", "镇自然资源所", "镇规划建设办", "镇农业农村办", "镇人社所",
    "镇市场监管所", "湖头派出所", "镇信访办")
#: Members of the 物业管理司法联盟: an escalation target for compound disputes.
DEFAULT_ALLIANCE: tuple[str, ...] = (
    "湖头人民法庭", "湖头派出所", "镇司法所", "镇规划建设办", "县住建局物业管理股")

FORWARD_DAYS = 15
HANDLE_DAYS = 60
MAX_EXTENSION_DAYS = 30
MAX_REPRESENTATIVES = 5
#: From this many people a visit is a group visit (集体访), which chooses representatives.
GROUP_SIZE = 5
#: How soon before its deadline an assignment shows on 工作台 as "reply due soon".
REMIND_DAYS = 3
#: A return visit (回访) after an unsatisfied answer, this many days after closing.
RETURN_VISIT_DAYS = 7

#: The dispute type a request of a category becomes when it is mediated as a case.
CATEGORY_DISPUTE_TYPES: Mapping[str, str] = MappingProxyType({
    "农村建房": "房屋宅基地纠纷", "土地确权": "山林土地纠纷", "物业管理": "物业纠纷",
    "劳动报酬": "劳动争议纠纷", "邻里": "邻里纠纷", "征地拆迁": "征地拆迁纠纷",
    "婚姻家庭": "婚姻家庭纠纷", "环境污染": "环境污染纠纷"})
OTHER_DISPUTE_TYPE = "其他纠纷"
#: A named other side ending in one of these is an organisation (a company, a committee …).
_ORGANISATION_ENDINGS = ("公司", "委员会", "村委会", "居委会", "局", "所", "中心", "厂", "社",
                         "学校", "医院", "合作社", "协会", "店", "部")

DEFAULT_NUMBER_PATTERN = "（{year}）{prefix}访字第{seq}号"

# -- the steps of the loop ---------------------------------------------------------------------
ASSESS, TO_CASE, ASSIGN, MEETING, RESULT, EXTEND, REPLY, CLOSE, RETURN_VISIT = (
    "assess", "to_case", "assign", "meeting", "result", "extend", "reply", "close",
    "return_visit")

STEP_LABELS: Mapping[str, str] = MappingProxyType({
    ASSESS: "研判", TO_CASE: "转为调解案件", ASSIGN: "交办督办", MEETING: "联席会议",
    RESULT: "登记办理结果", EXTEND: "延长办理期限", REPLY: "答复来访人", CLOSE: "办结",
    RETURN_VISIT: "回访"})

#: The steps a route offers once the request has been assessed, the usual one first.
_ROUTE_STEPS: Mapping[str, tuple[str, ...]] = MappingProxyType({
    "mediate": (TO_CASE, REPLY),
    "refer": (ASSIGN, REPLY),
    "joint": (MEETING, ASSIGN, REPLY),
    "answer": (REPLY, ASSIGN),
})


def next_steps(status: str, route: str, *, has_open_assignments: bool = False,
               has_case: bool = False, return_visit_due: bool = False) -> tuple[str, ...]:
    """The steps the loop allows now, the usual next one first (the window's buttons)."""
    if status == "registered":
        return (ASSESS,)
    if status == "assessed":
        steps = [s for s in _ROUTE_STEPS.get(route, (REPLY,)) if not (s == TO_CASE and has_case)]
        return (*steps, ASSESS)
    if status == "supervising":
        steps = [RESULT] if has_open_assignments else []
        steps += [REPLY, ASSIGN]
        if route == "joint":
            steps.append(MEETING)
        if has_open_assignments:
            steps.append(EXTEND)
        return tuple(steps)
    if status == "mediating":
        return (REPLY,)
    if status == "answered":
        return (CLOSE, REPLY) + ((RESULT,) if has_open_assignments else ())
    if status == "closed":
        return (RETURN_VISIT,) if return_visit_due else ()
    raise DomainError(f"未知的信访事项状态“{status}”")


def step_problem(step: str, status: str, route: str, **facts: bool) -> str | None:
    """Why ``step`` cannot be taken now (Chinese), or ``None`` when it can."""
    if step in next_steps(status, route, **facts):
        return None
    if step == CLOSE and status != "answered":
        return "尚未答复来访人，不能办结（办结须先答复）"
    if step == ASSESS and status not in ("registered", "assessed"):
        return f"事项已{STATUSES.get(status, status)}，不能再研判"
    if status == "registered":
        return "请先研判，确定处理方式"
    if status == "closed":
        return "事项已办结"
    return f"事项{STATUSES.get(status, status)}，不能{STEP_LABELS.get(step, step)}"


# -- the clock ---------------------------------------------------------------------------------
def forward_due(received_on: date) -> date:
    """The day by which a request must be forwarded, assigned or the person told where it
    goes (Arts 22–23)."""
    return received_on + timedelta(days=FORWARD_DAYS)


def handle_due(accepted_on: date) -> date:
    """The day by which a complaint must be handled (Art 34)."""
    return accepted_on + timedelta(days=HANDLE_DAYS)


def default_due(received_on: date, task: str) -> date:
    """An assignment's deadline when none is typed: what is asked decides it."""
    if task not in TASKS:
        raise DomainError("应为 " + " / ".join(TASKS) + " 之一")
    return forward_due(received_on) if task == "forward" else handle_due(received_on)


def extension_problems(days: int, reason: str, already_extended: bool) -> list[str]:
    """Why an extension of ``days`` is refused (Art 34: once, at most 30 days, with the
    reason the person is told); empty when it may be granted."""
    problems = []
    if already_extended:
        problems.append("已延长过一次，依规定只能延长一次")
    if not 1 <= days <= MAX_EXTENSION_DAYS:
        problems.append(f"延长天数应在1至{MAX_EXTENSION_DAYS}天之间")
    if not reason.strip():
        problems.append("延长须写明理由（并告知来访人）")
    return problems


def is_overdue(due_on: date, today: date, replied: bool) -> bool:
    """An assignment past its due date with no reply: neither the department's result nor the
    answer to the person has been given (the due day itself is still in time)."""
    return not replied and today > due_on


def due_soon(due_on: date, today: date, replied: bool) -> bool:
    """Not yet late, but due within :data:`REMIND_DAYS` (工作台's reminder)."""
    return not replied and today <= due_on <= today + timedelta(days=REMIND_DAYS)


def representatives_problem(people_involved: int | None, representatives: list[str]) -> str | None:
    """Art 20: a group chooses at most five representatives."""
    if len(representatives) > MAX_REPRESENTATIVES:
        return f"集体来访推选的代表不得超过{MAX_REPRESENTATIVES}人，实际为{len(representatives)}人"
    if people_involved is not None and representatives and len(representatives) > people_involved:
        return "代表人数多于涉及人数"
    return None


def is_group(people_involved: int | None) -> bool:
    return (people_involved or 0) >= GROUP_SIZE


def dispute_type_for(category: str) -> str:
    """The dispute type of the case a request of ``category`` becomes (其他纠纷 if none)."""
    label = category.strip()
    if label in CATEGORY_DISPUTE_TYPES:
        return CATEGORY_DISPUTE_TYPES[label]
    return label if label.endswith("纠纷") else OTHER_DISPUTE_TYPE


def looks_like_organisation(name: str) -> bool:
    """Whether the other side a visitor names is an organisation rather than a person."""
    return name.strip().endswith(_ORGANISATION_ENDINGS)
