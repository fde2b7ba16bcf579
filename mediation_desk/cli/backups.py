"""``backup``, ``restore``, ``backups``, ``verify`` and ``audit verify``: knowing the register is
whole, and getting it back."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from mediation_desk.cli.context import Cli, Parser, check_out
from mediation_desk.errors import CheckFailed


def register(sub: Any) -> None:
    s = sub.add_parser("backup", help="在线备份（数据库与密钥文件成对写出）")
    s.add_argument("--out", type=Path, required=True)
    s.set_defaults(handler=cmd_backup)

    s = sub.add_parser("restore", help="从备份恢复到 --db 指定的位置")
    s.add_argument("file", type=Path)
    s.add_argument("--force", action="store_true", help="替换已有的数据库（原文件保留在旁边）")
    s.set_defaults(handler=cmd_restore)

    s = sub.add_parser("backups", help="自动备份：列出、设置保留份数")
    bs = s.add_subparsers(dest="backups_command", required=True, parser_class=Parser)
    bs.add_parser("list", help="列出可恢复的自动备份").set_defaults(handler=cmd_backups_list)
    k = bs.add_parser("keep", help="设置各类自动备份保留的份数（不带选项时显示当前值）")
    k.add_argument("--daily", type=int, help="每日自动备份")
    k.add_argument("--import", dest="before_import", type=int, help="导入前的备份")
    k.add_argument("--migration", type=int, help="升级前的备份")
    k.set_defaults(handler=cmd_backups_keep)

    sub.add_parser("verify", help="检查数据库完整性与操作记录链").set_defaults(handler=cmd_verify)

    s = sub.add_parser("audit", help="操作记录")
    au = s.add_subparsers(dest="audit_command", required=True, parser_class=Parser)
    au.add_parser("verify").set_defaults(handler=cmd_audit_verify)


def cmd_backup(cli: Cli) -> None:
    from mediation_desk.services.safety.backups import backup_to

    out: Path = cli.args.out
    if out.is_dir():
        check_out(out)  # a folder is refused here; a missing folder is made by the backup
    store, actor = cli.open()
    try:
        backup_to(store, actor, out)
    finally:
        store.close()
    cli.emit({"out": str(out), "keys": str(out) + ".keys" if Path(str(out) + ".keys").exists()
              else None}, f"已备份到 {out}")


def cmd_restore(cli: Cli) -> None:
    from mediation_desk.services.safety.restore import restore_backup

    restored = restore_backup(cli.args.file, cli.db_path, cli.username, cli.password(),
                              force=cli.args.force)
    replaced = str(restored.replaced) if restored.replaced else None
    cli.emit({"restored": str(restored.path), "replaced": replaced},
             f"已从 {cli.args.file} 恢复到 {restored.path}"
             + (f"\n原数据库已保留为 {replaced}" if replaced else ""))


def cmd_backups_list(cli: Cli) -> None:
    from mediation_desk.services.safety.backups import automatic_backups

    store, actor = cli.open()
    try:
        kinds = automatic_backups(store, actor)
    finally:
        store.close()
    rows = [{"kind": kind, "path": str(b.path), "made_at": b.made_at.isoformat(timespec="seconds"),
             "bytes": b.size} for kind, b in kinds]
    labels = {"daily": "每日", "before_import": "导入前"}
    cli.emit(rows, lambda: "\n".join(
        [f"{r['made_at']}\t{labels[r['kind']]}\t{r['path']}" for r in rows]
        + [f"共 {len(rows)} 份"]))


def cmd_backups_keep(cli: Cli) -> None:
    from mediation_desk.services.safety.backups import keep_counts, set_keep_counts

    a = cli.args
    wanted = {key: value for key, value in (("backup_keep", a.daily),
                                             ("backup_keep_import", a.before_import),
                                             ("backup_keep_migration", a.migration))
              if value is not None}
    store, actor = cli.open()
    try:
        if wanted:
            set_keep_counts(store, actor, wanted)
        counts = keep_counts(store)
    finally:
        store.close()
    data = {"daily": counts["backup_keep"], "import": counts["backup_keep_import"],
            "migration": counts["backup_keep_migration"]}
    cli.emit(data, f"保留：每日备份 {data['daily']} 份，导入前备份 {data['import']} 份，"
                   f"升级前备份 {data['migration']} 份")


def _verify(cli: Cli, integrity: bool) -> None:
    from mediation_desk.services.safety.backups import verify_register

    store, actor = cli.open()
    try:
        problems = verify_register(store, actor, integrity=integrity)
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
