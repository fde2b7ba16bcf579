"""``attach``, ``attachments`` and ``attachment get|limit``: files filed to a case.

The file is streamed into the encrypted register (never read whole into memory) and written
back byte for byte; a file over the room's limit is refused by name, nothing written.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from mediation_desk.cli.context import Cli, Parser

KINDS = ("signed_agreement", "evidence", "receipt", "photo", "other")


def register(sub: Any) -> None:
    s = sub.add_parser("attach", help="把扫描件、照片或文档归入案件（加密存入数据库）")
    s.add_argument("number", help="案件编号（也可写 82 或 2026-82）")
    s.add_argument("file", type=Path)
    s.add_argument("--title", default="", help="标题（默认取文件名）")
    s.add_argument("--kind", default="", help=" | ".join(KINDS)
                   + "（默认：图片为 photo，其他为 other）")
    s.set_defaults(handler=cmd_attach)

    s = sub.add_parser("attachments", help="案件的附件")
    s.add_argument("number", help="案件编号（也可写 82 或 2026-82）")
    s.set_defaults(handler=cmd_attachments)

    s = sub.add_parser("attachment", help="取出附件，或设置附件大小上限")
    inner = s.add_subparsers(dest="attachment_command", required=True,
                             parser_class=Parser)
    g = inner.add_parser("get", help="把附件原样写到文件")
    g.add_argument("id")
    g.add_argument("--out", type=Path, required=True)
    g.set_defaults(handler=cmd_get)
    m = inner.add_parser("limit", help="查看或设置每个附件的大小上限（MB）")
    m.add_argument("--mb", type=int, help="新的上限（调委会主任或管理员）")
    m.set_defaults(handler=cmd_limit)


def _row(view: Any) -> dict[str, Any]:
    return {"id": view.id, "title": view.title, "kind": view.kind, "bytes": view.size,
            "sha256": view.sha256, "added_at": view.added_at.isoformat(timespec="seconds"),
            "file_name": view.file_name, "mime_type": view.mime_type,
            "owner": view.owner_label, "added_by": view.added_by}


def cmd_attach(cli: Cli) -> None:
    from mediation_desk.services.attachments.service import AttachmentService
    from mediation_desk.services.cases.number_lookup import find_case

    a = cli.args
    store, actor = cli.open()
    try:
        case = find_case(a.number)
        result = AttachmentService(store, actor).add("case", case.id, a.file, title=a.title,
                                                     kind=a.kind)
    finally:
        store.close()
    if not result.stored:
        cli.say("同一文件已在数据库中，只保存了一份内容")
    cli.emit({"id": result.id, "sha256": result.sha256, "bytes": result.size,
              "number": case.number, "stored": result.stored},
             f"已归入 {case.number}：{a.file.name}（{result.size} 字节）附件编号 {result.id}")


def cmd_attachments(cli: Cli) -> None:
    from mediation_desk.services.attachments.service import AttachmentService
    from mediation_desk.services.cases.number_lookup import find_case

    store, actor = cli.open()
    try:
        case = find_case(cli.args.number)
        views = AttachmentService(store, actor).for_case(case.id)
    finally:
        store.close()
    rows = [_row(v) for v in views]
    cli.emit(rows, lambda: "\n".join(
        [f"{v.id}\t{v.added_at:%Y-%m-%d}\t{v.kind_label}\t{v.size_text}\t{v.title}"
         for v in views] + [f"{case.number} 共 {len(views)} 个附件"]))


def cmd_get(cli: Cli) -> None:
    from mediation_desk.services.attachments.service import AttachmentService

    store, actor = cli.open()
    try:
        service = AttachmentService(store, actor)
        view = service.get(cli.args.id)
        written = service.save_copy(view.id, cli.args.out)
    finally:
        store.close()
    cli.emit({"id": view.id, "out": str(cli.args.out), "bytes": written,
              "sha256": view.sha256}, f"已写出“{view.title}”：{cli.args.out}（{written} 字节）")


def cmd_limit(cli: Cli) -> None:
    from mediation_desk.services.attachments.service import AttachmentService

    store, actor = cli.open()
    try:
        service = AttachmentService(store, actor)
        if cli.args.mb is not None:
            service.set_limit_mb(cli.args.mb)
        limit = service.limit_mb()
    finally:
        store.close()
    cli.emit({"limit_mb": limit}, f"每个附件最大 {limit} MB")
