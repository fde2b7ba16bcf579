"""``patrol …``: screening patrol plans, visits and findings from the command line.

Contract commands (contract.md): ``plan-add``, ``schedule``, ``visit-add``, ``to-case``,
``export-ics``, ``print``; extras: ``plans``, ``findings``, ``counts``. Each one calls
:class:`mediation_desk.services.patrols.service.PatrolService` only; refused input exits 1
with the reasons in Chinese and nothing written (the service's transaction guarantees it).
"""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

from mediation_desk.cli.context import (
    Cli,
    Parser,
    check_out,
    parse_month,
    parse_range,
    read_json,
    write_bytes,
)
from mediation_desk.errors import Problem, ValidationError

if TYPE_CHECKING:
    from mediation_desk.services.patrols.service import FindingView, Occurrence, PatrolService


def register(sub: Any) -> None:
    s = sub.add_parser("patrol", help="排查计划与排查记录")
    ps = s.add_subparsers(dest="patrol_command", required=True, parser_class=Parser)
    p = ps.add_parser("plan-add", help="新增排查计划（patrol-plan@1 JSON 文件）")
    p.add_argument("file", type=Path)
    ps.add_parser("plans", help="列出排查计划")
    p = ps.add_parser("schedule", help="某段时间的排查安排")
    p.add_argument("--from", dest="start", required=True, help="YYYY-MM-DD")
    p.add_argument("--to", dest="end", required=True, help="YYYY-MM-DD")
    p = ps.add_parser("visit-add", help="录入一次排查记录（patrol-visit@1 JSON 文件）")
    p.add_argument("file", type=Path)
    p = ps.add_parser("to-case", help="把排查发现登记为案件")
    p.add_argument("finding_id")
    p = ps.add_parser("export-ics", help="把排查安排导出为 iCalendar 日历")
    p.add_argument("--from", dest="start", required=True, help="YYYY-MM-DD")
    p.add_argument("--to", dest="end", required=True, help="YYYY-MM-DD")
    p.add_argument("--out", type=Path, required=True)
    p = ps.add_parser("print", help="打印某月排查安排表（PDF）")
    p.add_argument("--month", required=True, help="YYYY-MM")
    p.add_argument("--out", type=Path, required=True)
    p = ps.add_parser("findings", help="排查发现列表")
    p.add_argument("--risk", default="", help="red / orange / yellow / blue")
    p.add_argument("--village", default="")
    p.add_argument("--status", default="", help="open / resolved / closed")
    p.add_argument("--text", default="")
    p = ps.add_parser("counts", help="某月排查统计")
    p.add_argument("--month", required=True, help="YYYY-MM")
    s.set_defaults(handler=cmd_patrol)







def _occurrence_row(o: Occurrence) -> dict[str, Any]:
    return {"date": o.on.isoformat(), "time": o.time, "plan": o.plan_title,
            "villages": list(o.villages), "team": list(o.team), "lead": o.lead,
            "kind": o.kind, "mark": o.mark,
            "original_date": o.original_on.isoformat() if o.original_on else None}


def _finding_row(f: FindingView) -> dict[str, Any]:
    return {"id": f.id, "found_on": f.found_on.isoformat(), "village": f.village,
            "summary": f.summary, "parties": f.parties, "dispute_type": f.dispute_type,
            "risk_level": f.risk_level, "measure": f.measure, "responsible": f.responsible,
            "due_on": f.due_on.isoformat() if f.due_on else None, "overdue": f.overdue,
            "status": f.status, "case_number": f.case_number or None,
            "escalated_to": [e.target for e in f.escalations]}


def cmd_patrol(cli: Cli) -> None:
    from mediation_desk.services.patrols.service import PatrolService

    command = cli.args.patrol_command
    # Check options and files before asking for the password or opening the database.
    doc = read_json(cli.args.file) if command in ("plan-add", "visit-add") else None
    span = parse_range(cli.args.start, cli.args.end) if command in ("schedule", "export-ics") else None
    month = parse_month(cli.args.month) if command in ("print", "counts") else None
    if command in ("export-ics", "print"):
        check_out(cli.args.out)
    store, actor = cli.open()
    try:
        service = PatrolService(store, actor)
        _HANDLERS[command](cli, service, doc, span, month)
    finally:
        store.close()


def _say_warnings(cli: Cli, warnings: list[str]) -> None:
    for warning in warnings:
        cli.say(f"提醒：{warning}")


def _plan_add(cli: Cli, service: PatrolService, doc: Any, *_: Any) -> None:
    result = service.import_plan(doc)
    _say_warnings(cli, result.warnings)
    view = service.plan(result.id)
    cli.emit({"id": result.id, "title": view.title, "rule_text": view.rule_text,
              "warnings": result.warnings},
             f"已新增排查计划“{view.title}”（{view.rule_text}）")


def _plans(cli: Cli, service: PatrolService, *_: Any) -> None:
    views = service.plans(active_only=False)
    rows = [{"id": v.id, "title": v.title, "villages": list(v.villages), "lead": v.lead,
             "team": [m.name for m in v.team], "starts_on": v.starts_on.isoformat(),
             "until": v.until.isoformat() if v.until else None, "time": v.time,
             "rule": v.rule, "rule_text": v.rule_text, "active": v.active} for v in views]
    cli.emit(rows, lambda: "\n".join(
        [f"{v.title}\t{v.rule_text}\t{v.time}\t{'、'.join(v.villages)}\t{v.lead}"
         + ("" if v.active else "\t（已结束）") for v in views]
        + [f"共 {len(rows)} 个计划"]))


def _schedule(cli: Cli, service: PatrolService, _doc: Any, span: tuple[date, date],
              *_: Any) -> None:
    occs = [o for o in service.schedule(*span) if o.mark != "cancelled"]
    rows = [_occurrence_row(o) for o in occs]
    cli.emit(rows, lambda: "\n".join(
        [f"{o.on.isoformat()} {o.time}\t{o.plan_title}\t{'、'.join(o.villages)}"
         f"\t{'、'.join(o.team)}\t{o.mark_label}" for o in occs] + [f"共 {len(rows)} 次"]))


def _visit_add(cli: Cli, service: PatrolService, doc: Any, *_: Any) -> None:
    result = service.import_visit(doc)
    _say_warnings(cli, result.warnings)
    findings = [{"id": i} for i in result.finding_ids]
    text = "已录入零报告" if not findings else f"已录入排查记录，发现 {len(findings)} 条"
    cli.emit({"id": result.id, "findings": findings, "warnings": result.warnings},
             "\n".join([text, *(f"发现 {f['id']}" for f in findings)]))


def _to_case(cli: Cli, service: PatrolService, *_: Any) -> None:
    result = service.finding_to_case(cli.args.finding_id)
    _say_warnings(cli, result.warnings)
    number = service.finding(cli.args.finding_id).case_number
    cli.emit({"id": result.id, "number": number}, number)


def _export_ics(cli: Cli, service: PatrolService, _doc: Any, span: tuple[date, date],
                *_: Any) -> None:
    data = service.export_ics(*span)
    write_bytes(cli.args.out, data)
    count = data.count(b"BEGIN:VEVENT")
    cli.emit({"out": str(cli.args.out), "events": count},
             f"已导出 {count} 次排查到 {cli.args.out}")


def _print(cli: Cli, service: PatrolService, _doc: Any, _span: Any,
           month: tuple[int, int]) -> None:
    from mediation_desk.documents import page_count, patrol_timetable

    pdf = patrol_timetable(service.month_sheet(*month))
    write_bytes(cli.args.out, pdf)
    cli.emit({"out": str(cli.args.out), "pages": page_count(pdf)},
             f"已生成 {month[0]}年{month[1]}月排查安排表：{cli.args.out}")


def _findings(cli: Cli, service: PatrolService, *_: Any) -> None:
    from mediation_desk.services.patrols.service import FindingFilter

    a = cli.args
    if a.risk and a.risk not in ("red", "orange", "yellow", "blue"):
        raise ValidationError(Problem("", "--risk", "应为 red / orange / yellow / blue 之一"))
    views = service.findings(FindingFilter(risk_level=a.risk, village=a.village,
                                           status=a.status, text=a.text))
    rows = [_finding_row(f) for f in views]
    cli.emit(rows, lambda: "\n".join(
        [f"{f.id}\t{f.found_on.isoformat()}\t{f.village}\t{f.risk_label}\t{f.status_label}"
         f"{'（逾期）' if f.overdue else ''}\t{f.summary}"
         + (f"\t{f.case_number}" if f.case_number else "") for f in views]
        + [f"共 {len(rows)} 条"]))


def _counts(cli: Cli, service: PatrolService, _doc: Any, _span: Any,
            month: tuple[int, int]) -> None:
    c = service.month_counts(*month)
    data = {"year": c.year, "month": c.month, "patrols_held": c.patrols_held,
            "findings": c.findings, "resolved_on_site": c.resolved_on_site,
            "became_cases": c.became_cases, "zero_reports": c.zero_reports,
            "escalated": c.escalated}
    cli.emit(data, f"{c.year}年{c.month}月：排查 {c.patrols_held} 次，发现纠纷 {c.findings} 件，"
                   f"当场化解 {c.resolved_on_site} 件，登记立案 {c.became_cases} 件，"
                   f"零报告 {c.zero_reports} 次，上报 {c.escalated} 件")


_HANDLERS: dict[str, Any] = {
    "plan-add": _plan_add, "plans": _plans, "schedule": _schedule, "visit-add": _visit_add,
    "to-case": _to_case, "export-ics": _export_ics, "print": _print, "findings": _findings,
    "counts": _counts,
}
