"""``import`` and ``export``: cases in and out of the register as files (JSON, Excel)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from mediation_desk.cli.context import Cli, check_out, write_json


def register(sub: Any) -> None:
    s = sub.add_parser("import", help="导入案件（.json 或 .xlsx）")
    s.add_argument("file", type=Path)
    s.set_defaults(handler=cmd_import)

    s = sub.add_parser("export", help="导出案件")
    s.add_argument("--out", type=Path, required=True)
    s.add_argument("numbers", nargs="*")
    s.set_defaults(handler=cmd_export)


def cmd_import(cli: Cli) -> None:
    from mediation_desk.services.cases.intake import IntakeService
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
    created = [{"id": r.case_id, "number": r.number} for r in result.cases]
    cli.emit({"created": created}, f"已导入 {len(created)} 件案件")


def cmd_export(cli: Cli) -> None:
    from mediation_desk.services.cases.register import RegisterService

    check_out(cli.args.out)
    store, actor = cli.open()
    try:
        docs = RegisterService(store, actor).export(
            cli.args.numbers or None, deliver=lambda docs: write_json(cli.args.out, docs))
    finally:
        store.close()
    cli.emit({"exported": len(docs), "out": str(cli.args.out)},
             f"已导出 {len(docs)} 件案件到 {cli.args.out}")
