"""``backup``, ``restore``, ``verify`` and ``audit verify``: knowing the register is whole."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from mediation_desk.cli.context import Cli, Parser
from mediation_desk.errors import CheckFailed


def register(sub: Any) -> None:
    s = sub.add_parser("backup", help="在线备份")
    s.add_argument("--out", type=Path, required=True)
    s.set_defaults(handler=cmd_backup)

    s = sub.add_parser("restore", help="从备份恢复到 --db 指定的位置")
    s.add_argument("file", type=Path)
    s.add_argument("--force", action="store_true", help="替换已有的数据库（原文件保留在旁边）")
    s.set_defaults(handler=cmd_restore)

    sub.add_parser("verify", help="检查数据库完整性与操作记录链").set_defaults(handler=cmd_verify)

    s = sub.add_parser("audit", help="操作记录")
    au = s.add_subparsers(dest="audit_command", required=True, parser_class=Parser)
    au.add_parser("verify").set_defaults(handler=cmd_audit_verify)


def cmd_backup(cli: Cli) -> None:
    from mediation_desk.services.safety.backups import backup_to

    store, actor = cli.open()
    try:
        out = backup_to(store, actor, cli.args.out)
    finally:
        store.close()
    cli.emit({"out": str(out)}, f"已备份到 {out}")


def cmd_restore(cli: Cli) -> None:
    from mediation_desk.services.safety.backups import restore_backup

    restored = restore_backup(cli.args.file, cli.db_path, cli.username, cli.password(),
                              force=cli.args.force)
    replaced = str(restored.replaced) if restored.replaced else None
    cli.emit({"restored": str(restored.path), "replaced": replaced},
             f"已从 {cli.args.file} 恢复到 {restored.path}"
             + (f"\n原数据库已保留为 {replaced}" if replaced else ""))


def _verify(cli: Cli, integrity: bool) -> None:
    from mediation_desk.services.safety.backups import verify_register

    store, _actor = cli.open()
    try:
        problems = verify_register(store, integrity=integrity)
    finally:
        store.close()
    cli.emit({"ok": not problems, "problems": problems},
             "检查通过" if not problems else "\n".join(problems))
    if problems:
        raise CheckFailed("；".join(problems))


def cmd_verify(cli: Cli) -> None:
    _verify(cli, integrity=True)


def cmd_audit_verify(cli: Cli) -> None:
    _verify(cli, integrity=False)
