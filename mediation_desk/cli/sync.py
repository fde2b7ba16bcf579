"""``sync …``: patrol laptops — enrol, export, import, conflicts, status (contract.md v2).

Each command calls :mod:`mediation_desk.services.sync` only. A damaged, foreign or
newer-schema bundle is refused with exit 1 naming the bundle and the reason, and nothing
from it is applied; a full stick or an unusable register exits 4.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from mediation_desk.cli.context import Cli, Parser


def register(sub: Any) -> None:
    s = sub.add_parser("sync", help="巡查笔记本同步：登记、导出、导入、冲突、状态")
    ss = s.add_subparsers(dest="sync_command", required=True, parser_class=Parser)
    p = ss.add_parser("enroll", help="（调解室主机）登记一台巡查笔记本，写出它的数据库")
    p.add_argument("name", help="笔记本的名称，如“巡查一号”")
    p.add_argument("--out", type=Path, required=True, help="笔记本数据库文件（*.db）")
    p.add_argument("--block", type=int, default=20, help="每次租给笔记本的案件编号个数")
    p = ss.add_parser("export", help="把对方还没有的修改写成交换包")
    p.add_argument("--to", dest="folder", type=Path, required=True, help="U盘或共享文件夹")
    p = ss.add_parser("import", help="导入文件夹中发给本机的交换包")
    p.add_argument("folder", type=Path)
    ss.add_parser("conflicts", help="待处理的同步冲突")
    p = ss.add_parser("resolve", help="处理一处同步冲突")
    p.add_argument("id")
    p.add_argument("--keep", required=True, choices=("mine", "theirs", "merged"))
    p.add_argument("--value", help="--keep merged 时合并后的文字")
    ss.add_parser("status", help="各设备最近一次交换和待发送的修改")
    s.set_defaults(handler=cmd_sync)


def cmd_sync(cli: Cli) -> None:
    store, actor = cli.open()
    try:
        {"enroll": _enroll, "export": _export, "import": _import, "conflicts": _conflicts,
         "resolve": _resolve, "status": _status}[cli.args.sync_command](cli, store, actor)
    finally:
        store.close()


def _enroll(cli: Cli, store: Any, actor: Any) -> None:
    from mediation_desk.services.sync.service import SyncService

    done = SyncService(store, actor).enroll(cli.args.name, cli.args.out, cli.args.block)
    first, last = done.numbers
    cli.emit({"device": done.device_id, "name": done.name, "db": str(done.path),
              "year": done.year, "numbers": [first, last]},
             f"已登记巡查笔记本“{done.name}”：数据库 {done.path}\n"
             f"租给它的{done.year}年案件编号：第{first}至{last}号\n"
             "把数据库文件和同名的 .keys 文件一起复制到笔记本上。")


def _export(cli: Cli, store: Any, actor: Any) -> None:
    from mediation_desk.services.sync.service import SyncService

    done = SyncService(store, actor).export(cli.args.folder)
    lines = [f"给“{b.to_name}”的交换包：{b.path}（{b.changes}处修改）" for b in done.bundles]
    lines += [f"续租案件编号：{text}" for text in done.leased]
    cli.emit({"bundles": [{"path": str(b.path), "to": b.to, "to_name": b.to_name,
                           "changes": b.changes} for b in done.bundles],
              "leased": done.leased}, "\n".join(lines))


def _import(cli: Cli, store: Any, actor: Any) -> None:
    from mediation_desk.services.sync.service import SyncService

    done = SyncService(store, actor).import_(cli.args.folder)
    for message in done.notes + done.warnings:
        cli.say(message)
    text = f"导入{done.applied}个交换包（{done.changes}处修改），跳过{done.skipped}个"
    if done.conflicts:
        text += f"；{done.conflicts}处冲突待处理（sync conflicts）"
    cli.emit({"applied": done.applied, "skipped": done.skipped, "conflicts": done.conflicts,
              "changes": done.changes, "notes": done.notes, "warnings": done.warnings,
              "backup": str(done.backup) if done.backup else None}, text)


def _conflicts(cli: Cli, store: Any, actor: Any) -> None:
    from mediation_desk.services.sync.conflicts import ConflictService

    views = ConflictService(store, actor).open_conflicts()
    cli.emit([{"id": v.id, "number": v.number, "table": v.table, "field": v.column,
               "kind": v.kind, "mine": v.mine, "theirs": v.theirs, "base": v.base,
               "current": v.current} for v in views],
             "\n".join(f"{v.id[:8]} {v.number or '-'} {v.table_label} {v.field_label}："
                       f"本机“{v.mine}” 对方“{v.theirs}” 原为“{v.base}”（{v.kind_label}）"
                       for v in views) or "没有待处理的同步冲突")


def _resolve(cli: Cli, store: Any, actor: Any) -> None:
    from mediation_desk.services.sync.conflicts import ConflictService

    done = ConflictService(store, actor).resolve(cli.args.id, cli.args.keep, cli.args.value)
    cli.emit({"id": done.conflict_id, "kept": done.kept}, "已处理")


def _status(cli: Cli, store: Any, actor: Any) -> None:
    from mediation_desk.services.sync.service import SyncService

    st = SyncService(store, actor).status()
    devices = [{"device": p.device_id, "name": p.name, "kind": p.kind,
                "last_import": p.last_in_at, "last_export": p.last_out_at,
                "pending": p.waiting, "numbers_left": p.numbers_left,
                "leases": [list(x) for x in p.leased], "clock": p.clock_note}
               for p in st.peers]
    lines = [f"本机：{st.device_name}（{'调解室主机' if st.role == 'desk' else '巡查笔记本'}）"]
    lines += [f"  {p.name}：上次导入 {p.last_in_at or '从未'}，上次导出 {p.last_out_at or '从未'}，"
              f"待发送 {p.waiting} 批修改，本年剩余编号 {p.numbers_left} 个" for p in st.peers]
    lines.append(f"待处理冲突 {st.open_conflicts} 处；临时编号案件 {st.provisional_cases} 件")
    cli.emit({"role": st.role, "device": st.device_id, "name": st.device_name,
              "devices": devices, "open_conflicts": st.open_conflicts,
              "provisional_cases": st.provisional_cases}, "\n".join(lines))
