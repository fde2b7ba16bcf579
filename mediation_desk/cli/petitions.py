"""``petition …``: the visitor-request loop from the command line (contract.md v2).

Contract commands: ``add``, ``assess``, ``assign``, ``reply``, ``close``, ``list``,
``to-case``; extras: ``show``, ``result`` (a department's result), ``extend`` (the one
extension of an assignment), ``print`` (来访登记表, 督办单, 信访处理意见书). A request is named
by its id, its number, or a short number ("3", "2026-3"). Each command calls the petitions
services only; refused input exits 1 naming field and reason, and nothing is written.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

from mediation_desk.cli.context import Cli, Parser, parse_day, read_json, write_bytes
from mediation_desk.errors import Problem, ValidationError

if TYPE_CHECKING:
    from mediation_desk.services.petitions.service import PetitionService
    from mediation_desk.services.petitions.types import PetitionRow

ROUTES = ("mediate", "refer", "joint", "answer")
SATISFACTION = ("satisfied", "basic", "unsatisfied")
STATUSES = ("registered", "assessed", "supervising", "mediating", "answered", "closed")


def register(sub: Any) -> None:
    s = sub.add_parser("petition", help="接访：来访登记、研判、督办、反馈")
    ps = s.add_subparsers(dest="petition_command", required=True, parser_class=Parser)
    p = ps.add_parser("add", help="登记来访（petition@1 JSON 文件）")
    p.add_argument("file", type=Path)
    p = ps.add_parser("assess", help="研判：确定处理方式")
    p.add_argument("id", help="编号、简短编号或 ID")
    p.add_argument("--route", required=True, help=" / ".join(ROUTES))
    p.add_argument("--note", required=True, help="研判意见")
    p.add_argument("--risk", default=None, help="风险等级 red / orange / yellow / blue")
    p = ps.add_parser("assign", help="督办：交办部门并设定办理期限")
    p.add_argument("id")
    p.add_argument("--to", dest="department", required=True, help="承办部门（须在部门名单中）")
    p.add_argument("--due", default=None,
                   help="办理期限 YYYY-MM-DD（不填：办理60日、转送15日，自来访之日起算）")
    p.add_argument("--task", default="handle", help="handle（办理）/ forward（转送或告知去向）")
    p.add_argument("--responsible", default="", help="责任人")
    p.add_argument("--request", default="", help="交办要求")
    p = ps.add_parser("result", help="登记承办部门的办理结果")
    p.add_argument("assignment_id")
    p.add_argument("--text", required=True)
    p.add_argument("--on", default=None, help="办结日期 YYYY-MM-DD（默认今天）")
    p = ps.add_parser("extend", help="延长一次办理期限（不超过30日，须写明理由）")
    p.add_argument("assignment_id")
    p.add_argument("--days", type=int, required=True)
    p.add_argument("--reason", required=True)
    p = ps.add_parser("reply", help="反馈：答复来访人")
    p.add_argument("id")
    p.add_argument("--text", required=True, help="答复内容")
    p.add_argument("--method", default="in_person", help="in_person / phone / written / online")
    p.add_argument("--decision", default="", help="support / explain / not_supported")
    p.add_argument("--facts", default="", help="事实和理由（处理意见书）")
    p.add_argument("--basis", default="", help="法律政策依据（处理意见书）")
    p.add_argument("--on", default=None, help="答复日期 YYYY-MM-DD（默认今天）")
    p = ps.add_parser("close", help="办结，记录来访人满意度")
    p.add_argument("id")
    p.add_argument("--satisfaction", required=True, help=" / ".join(SATISFACTION))
    p = ps.add_parser("list", help="信访事项列表")
    p.add_argument("--status", default="", help=" / ".join(STATUSES))
    p.add_argument("--overdue", action="store_true", help="只列出逾期未回复的")
    p.add_argument("--department", default="")
    p.add_argument("--category", default="")
    p.add_argument("--village", default="")
    p = ps.add_parser("show", help="一件信访事项的全部情况")
    p.add_argument("id")
    p = ps.add_parser("to-case", help="转为调解案件（来源：来访）")
    p.add_argument("id")
    p = ps.add_parser("print", help="打印 registration（来访登记表）/ supervision（督办单）/ "
                                    "answer（信访处理意见书）")
    p.add_argument("kind", help="registration / supervision / answer")
    p.add_argument("id")
    p.add_argument("--assignment", default="", help="督办单：交办记录 ID（默认第一份）")
    p.add_argument("--out", type=Path, required=True)
    s.set_defaults(handler=cmd_petition)


def _row(r: PetitionRow) -> dict[str, Any]:
    """``petition list --json``: exactly the contract's fields."""
    return {"id": r.id, "number": r.number,
            "received_at": r.received_at.strftime("%Y-%m-%dT%H:%M"), "person": r.person,
            "category": r.category, "status": r.status,
            "assigned_to": "、".join(r.assigned_to) or None,
            "due_on": r.due_on.isoformat() if r.due_on else None, "overdue": r.overdue}


def cmd_petition(cli: Cli) -> None:
    from mediation_desk.services.petitions.service import PetitionService

    command = cli.args.petition_command
    # Files and options are checked before the password is asked or the register opened.
    doc = read_json(cli.args.file) if command == "add" else None
    if command == "list" and cli.args.status and cli.args.status not in STATUSES:
        raise ValidationError(Problem("", "--status", "应为 " + " / ".join(STATUSES) + " 之一"))
    store, actor = cli.open()
    try:
        _HANDLERS[command](cli, PetitionService(store, actor), doc)
    finally:
        store.close()


def _say(cli: Cli, warnings: list[str]) -> None:
    for warning in warnings:
        cli.say(f"提醒：{warning}")


def _state(cli: Cli, service: PetitionService, petition_id: str, text: str,
           **extra: Any) -> None:
    d = service.detail(petition_id)
    cli.emit({"id": d.id, "number": d.number, "status": d.status, **extra},
             f"{d.number}：{text}（{d.status_label}）")


def _add(cli: Cli, service: PetitionService, doc: Any) -> None:
    result = service.import_doc(doc)
    _say(cli, result.warnings)
    cli.emit({"id": result.id, "number": result.number}, result.number)


def _assess(cli: Cli, service: PetitionService, _doc: Any) -> None:
    pid = service.find(cli.args.id)
    service.assess(pid, cli.args.route, cli.args.note, cli.args.risk)
    _state(cli, service, pid, "已研判")


def _assign(cli: Cli, service: PetitionService, _doc: Any) -> None:
    a = cli.args
    pid = service.find(a.id)
    due = parse_day(a.due, "--due") if a.due else None
    result = service.assign(pid, a.department, due, task=a.task, responsible=a.responsible,
                            request=a.request)
    view = next(x for x in service.detail(pid).assignments if x.id == result.id)
    _state(cli, service, pid, f"已交办{view.department}，{view.due_on.isoformat()}前回复",
           assignment_id=view.id, department=view.department, due_on=view.due_on.isoformat())


def _result(cli: Cli, service: PetitionService, _doc: Any) -> None:
    on = parse_day(cli.args.on, "--on") if cli.args.on else None
    result = service.record_result(cli.args.assignment_id, cli.args.text, on)
    cli.emit({"assignment_id": result.id}, "已登记办理结果")


def _extend(cli: Cli, service: PetitionService, _doc: Any) -> None:
    result = service.extend(cli.args.assignment_id, cli.args.days, cli.args.reason)
    due = service.assignment(result.id).due_on.isoformat()
    cli.emit({"assignment_id": result.id, "due_on": due}, f"办理期限延长至 {due}")


def _reply(cli: Cli, service: PetitionService, _doc: Any) -> None:
    from mediation_desk.services.petitions.types import AnswerDraft

    a = cli.args
    pid = service.find(a.id)
    on = parse_day(a.on, "--on") if a.on else None
    service.reply(pid, AnswerDraft(a.text, a.method, on, "", a.decision, a.facts, a.basis))
    _state(cli, service, pid, "已答复来访人")


def _close(cli: Cli, service: PetitionService, _doc: Any) -> None:
    pid = service.find(cli.args.id)
    result = service.close(pid, cli.args.satisfaction)
    _say(cli, result.warnings)
    _state(cli, service, pid, "已办结", satisfaction=cli.args.satisfaction)


def _list(cli: Cli, service: PetitionService, _doc: Any) -> None:
    from mediation_desk.services.petitions.types import PetitionFilter

    a = cli.args
    rows = service.requests(PetitionFilter(status=a.status, overdue=a.overdue,
                                           department=a.department, category=a.category,
                                           village=a.village))
    cli.emit([_row(r) for r in rows], lambda: "\n".join(
        [f"{r.number}\t{r.received_at:%Y-%m-%d %H:%M}\t{r.person}\t{r.category}\t"
         f"{r.status_label}\t{'、'.join(r.assigned_to)}\t"
         f"{r.due_on.isoformat() if r.due_on else ''}{'（逾期）' if r.overdue else ''}"
         for r in rows] + [f"共 {len(rows)} 件"]))


def _show(cli: Cli, service: PetitionService, _doc: Any) -> None:
    d = service.detail(service.find(cli.args.id))
    data = {
        "id": d.id, "number": d.number, "received_at": d.received_at.strftime("%Y-%m-%dT%H:%M"),
        "channel": d.channel, "received_by": d.received_by,
        "person": {"name": d.person_name, "phone": d.person_phone,
                   "id_number": d.person_id_number, "address": d.person_address},
        "village": d.village, "compound": d.compound, "category": d.category,
        "content": d.content, "respondent": d.respondent, "people_involved": d.people_involved,
        "representatives": list(d.representatives), "status": d.status, "route": d.route,
        "assessment": d.assessment, "risk_level": d.risk_level,
        "forward_due": d.forward_due.isoformat(), "handle_due": d.handle_due.isoformat(),
        "assignments": [{"id": x.id, "department": x.department, "task": x.task,
                         "responsible": x.responsible, "due_on": x.due_on.isoformat(),
                         "extension_days": x.extension_days, "result": x.result,
                         "overdue": x.overdue} for x in d.assignments],
        "meetings": [{"id": m.id, "held_on": m.held_on.isoformat(),
                      "departments": list(m.departments), "decisions": m.decisions}
                     for m in d.meetings],
        "answer": d.answer, "answer_method": d.answer_method,
        "answered_on": d.answered_on.isoformat() if d.answered_on else None,
        "decision": d.decision, "satisfaction": d.satisfaction,
        "closed_on": d.closed_on.isoformat() if d.closed_on else None,
        "case_number": d.case_number or None, "earlier": list(d.earlier)}
    cli.emit(data, lambda: "\n".join(
        [f"{d.number}　{d.status_label}　{d.person_name}（{d.person_phone}）",
         f"{d.received_at:%Y-%m-%d %H:%M} {d.channel_label} {d.category} {d.village}",
         d.content] + [f"交办{x.department} {x.due_on.isoformat()}前"
                       + ("（逾期）" if x.overdue else "") + (f"：{x.result}" if x.result else "")
                       for x in d.assignments]
        + ([f"答复：{d.answer}"] if d.answer else [])))


def _to_case(cli: Cli, service: PetitionService, _doc: Any) -> None:
    result = service.to_case(service.find(cli.args.id))
    _say(cli, result.warnings)
    cli.emit({"id": result.id, "number": result.number}, result.number)


def _print(cli: Cli, service: PetitionService, _doc: Any) -> None:
    from mediation_desk.services.petitions.printing import PetitionPrintingService

    printing = PetitionPrintingService(service.store, service.actor)
    document = printing.render(service.find(cli.args.id), cli.args.kind, cli.args.assignment)
    write_bytes(cli.args.out, document.pdf)
    printing.file_printed(document, action="save")
    cli.emit({"out": str(cli.args.out), "pages": document.pages, "sha256": document.sha256},
             f"已生成{document.title}：{cli.args.out}")


_HANDLERS: dict[str, Any] = {
    "add": _add, "assess": _assess, "assign": _assign, "result": _result, "extend": _extend,
    "reply": _reply, "close": _close, "list": _list, "show": _show, "to-case": _to_case,
    "print": _print,
}
