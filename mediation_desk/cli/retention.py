"""``retention due | anonymise``: files past their retention period (PIPL Arts 19, 47)."""

from __future__ import annotations

from typing import Any

from mediation_desk.cli.context import Cli, Parser


def register(sub: Any) -> None:
    s = sub.add_parser("retention", help="保存期限到期的卷宗（管理员）")
    rs = s.add_subparsers(dest="retention_command", required=True, parser_class=Parser)
    rs.add_parser("due", help="列出已过保存期限、仍含个人信息的卷宗").set_defaults(
        handler=cmd_due)
    r = rs.add_parser("anonymise", help="对到期卷宗做匿名化处理（不可撤销）")
    r.add_argument("numbers", nargs="+")
    r.set_defaults(handler=cmd_anonymise)


def cmd_due(cli: Cli) -> None:
    from mediation_desk.services.safety.retention import RetentionService

    store, actor = cli.open()
    try:
        rows = [{"number": f.number, "dispute_type": f.dispute_type,
                 "archived_on": f.archived_on.isoformat(), "due_on": f.due_on.isoformat()}
                for f in RetentionService(store, actor).due()]
    finally:
        store.close()
    cli.emit(rows, lambda: "\n".join(
        [f"{r['number']}\t{r['dispute_type']}\t归档 {r['archived_on']}\t到期 {r['due_on']}"
         for r in rows] + [f"共 {len(rows)} 件到期"]))


def cmd_anonymise(cli: Cli) -> None:
    from mediation_desk.services.cases.register import RegisterService
    from mediation_desk.services.safety.retention import RetentionService

    store, actor = cli.open()
    try:
        register = RegisterService(store, actor)
        ids = [register.by_number(n).id for n in cli.args.numbers]
        RetentionService(store, actor).anonymise(ids)
    finally:
        store.close()
    cli.emit({"anonymised": cli.args.numbers}, f"已对 {len(ids)} 件卷宗做匿名化处理")
