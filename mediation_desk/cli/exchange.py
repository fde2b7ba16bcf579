"""``import``, ``export`` and ``review``: cases in and out of the register as files (JSON,
Excel), and the imported cases the import could not tell (导入待核对)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from mediation_desk.cli.context import Cli, Parser, check_out, parse_day, write_json


def register(sub: Any) -> None:
    s = sub.add_parser("import", help="导入案件（.json 或 .xlsx）")
    s.add_argument("file", type=Path)
    s.set_defaults(handler=cmd_import)

    s = sub.add_parser("export", help="导出案件")
    s.add_argument("--out", type=Path, required=True)
    s.add_argument("--include-private", action="store_true",
                   help="连同不公开的工作笔记一并导出（仅调委会主任）")
    s.add_argument("numbers", nargs="*")
    s.set_defaults(handler=cmd_export)

    s = sub.add_parser("review", help="导入待核对的案件")
    rs = s.add_subparsers(dest="review_command", required=True, parser_class=Parser)
    rs.add_parser("list", help="列出待核对的导入案件")
    p = rs.add_parser("done", help="核对完毕；可补记结案方式和结案日期")
    p.add_argument("number")
    p.add_argument("--ending", choices=("success", "failure", "terminated", "refused"),
                   help="实际结果：调解成功 / 调解不成功 / 终止调解 / 拒绝调解")
    p.add_argument("--closed-on", help="结案日期 YYYY-MM-DD（与 --ending 同用）")
    p.add_argument("--note", default="", help="核对说明")
    s.set_defaults(handler=cmd_review)


def cmd_import(cli: Cli) -> None:
    from mediation_desk.services.cases.intake import IntakeService
    from mediation_desk.services.exchange import report
    from mediation_desk.services.exchange.importer import check_import_file, import_cases

    check_import_file(cli.args.file)  # before the password is asked for
    store, actor = cli.open()
    try:
        result = import_cases(IntakeService(store, actor), cli.args.file)
    finally:
        store.close()
    for reg in result.cases:
        for note in reg.notices + reg.warnings:
            cli.say(f"{reg.number}：{note}")
    lines = report.report_lines(result.cases)
    for line in lines[1:]:
        cli.say(line)
    created = [{"id": r.case_id, "number": r.number, "status": r.status,
                "outcome": r.outcome or None, "review": r.review} for r in result.cases]
    cli.emit({"created": created, "inferred": report.grouped_inferences(result.cases),
              "to_review": len(report.to_review(result.cases))}, lines[0])


def cmd_export(cli: Cli) -> None:
    from mediation_desk.services.cases.register import RegisterService

    check_out(cli.args.out)
    store, actor = cli.open()
    try:
        service = RegisterService(store, actor)
        docs = service.export(cli.args.numbers or None,
                              include_private=cli.args.include_private,
                              deliver=lambda docs: write_json(cli.args.out, docs))
    finally:
        store.close()
    omitted = RegisterService.omitted_private(docs)
    if omitted:
        cli.say(f"未导出 {omitted} 条不公开的工作笔记或记录" + (
            "（您的账户无权查看）" if cli.args.include_private else
            "（调委会主任可加 --include-private 一并导出）"))
    included = sum(1 for d in docs for r in d["records"] if r["private"])
    cli.emit({"exported": len(docs), "out": str(cli.args.out),
              "private_records": {"included": included, "omitted": omitted}},
             f"已导出 {len(docs)} 件案件到 {cli.args.out}")


def cmd_review(cli: Cli) -> None:
    from mediation_desk.services.cases.register import RegisterService
    from mediation_desk.services.exchange.review import ImportReviewService

    store, actor = cli.open()
    try:
        service = ImportReviewService(store, actor)
        if cli.args.review_command == "list":
            items = service.pending()
            cli.emit([{"number": i.number, "title": i.title, "status": i.status,
                       "received_on": i.received_on.isoformat(), "source": i.source,
                       "reasons": i.reasons} for i in items],
                     lambda: "\n".join(f"{i.number}　{i.title}　{i.status_label}　{i.source}\n"
                                       f"　　{'；'.join(i.reasons)}" for i in items)
                     or "没有待核对的导入案件")
            return
        case = RegisterService(store, actor).by_number(cli.args.number)
        closed_on = parse_day(cli.args.closed_on, "--closed-on") if cli.args.closed_on else None
        result = service.resolve(case.id, ending=cli.args.ending or "", closed_on=closed_on,
                                 note=cli.args.note)
    finally:
        store.close()
    cli.emit({"number": cli.args.number, "status": result.status},
             f"{cli.args.number} 已核对")
