"""``init`` (a new register with its room and administrator) and ``settings documents``
(what printed forms need beyond the room's name)."""

from __future__ import annotations

import argparse
import dataclasses
from typing import Any

from mediation_desk.cli.context import PASSWORD_ENV, Cli, Parser, read_secret

_DOCUMENT_OPTIONS = {"header": "header", "address": "address", "phone": "phone",
                     "court": "court", "font": "font_path"}


def _document_options(parser: argparse.ArgumentParser) -> None:
    """Shared by ``init`` and ``settings documents``."""
    parser.add_argument("--header", help="文书标题上方的一行，如“安溪县湖头镇”")
    parser.add_argument("--address", help="调解室地址（告知书、默认履行地点）")
    parser.add_argument("--phone", help="调解室电话")
    parser.add_argument("--court", help="申请司法确认的基层人民法院，如“安溪县人民法院”")
    parser.add_argument("--font", help="打印用字体文件（.ttf/.ttc），不填则自动选择")


def register(sub: Any) -> None:
    s = sub.add_parser("init", help="新建数据库")
    s.add_argument("--room", required=True)
    s.add_argument("--committee", required=True)
    s.add_argument("--number-prefix", required=True)
    s.add_argument("--number-pattern")
    s.add_argument("--admin", required=True)
    s.add_argument("--unencrypted", action="store_true")
    _document_options(s)
    s.set_defaults(handler=cmd_init)

    s = sub.add_parser("settings", help="调解室设置（调委会主任或管理员）")
    ss = s.add_subparsers(dest="settings_command", required=True, parser_class=Parser)
    d = ss.add_parser("documents", help="文书设置：不带选项时显示当前值")
    _document_options(d)
    d.set_defaults(handler=cmd_settings)


def _document_changes(args: Any) -> dict[str, str]:
    return {field: getattr(args, option) for option, field in _DOCUMENT_OPTIONS.items()
            if getattr(args, option, None) is not None}


def _update_documents(store: Any, actor: Any, args: Any) -> Any:
    from mediation_desk.services.printing.document_settings import DocumentSettingsService

    service = DocumentSettingsService(store, actor)
    config = dataclasses.replace(service.get(), **_document_changes(args))
    service.update(config)
    return config


def cmd_init(cli: Cli) -> None:
    from mediation_desk.domain.case_number import DEFAULT_PATTERN
    from mediation_desk.services.safety.accounts import RoomSettings, create_register

    a = cli.args
    if _document_changes(a):  # refuse bad options before anything is created
        from mediation_desk.services.printing.document_settings import (
            DocumentSettings,
            check_document_settings,
        )

        check_document_settings(DocumentSettings(**_document_changes(a)))
    password = read_secret(PASSWORD_ENV, f"{a.admin} 的新密码：")
    settings = RoomSettings(a.room, a.committee, a.number_prefix,
                            a.number_pattern or DEFAULT_PATTERN)
    store, actor, recovery = create_register(cli.db_path, settings, a.admin, password,
                                             encrypted=not a.unencrypted)
    try:
        if _document_changes(a):
            _update_documents(store, actor, a)
    finally:
        store.close()
    if recovery:
        cli.say("请把恢复密钥抄写或打印后交调委会主任保管；忘记所有密码时只能用它打开数据库。")
    cli.emit({"db": str(cli.db_path), "encrypted": recovery is not None,
              "recovery_key": recovery},
             f"已创建数据库 {cli.db_path}\n恢复密钥：{recovery}" if recovery
             else f"已创建未加密的数据库 {cli.db_path}")


def cmd_settings(cli: Cli) -> None:
    """``settings documents``: the room's address, phone, court and print font."""
    from mediation_desk.services.printing.document_settings import DocumentSettingsService

    store, actor = cli.open()
    try:
        if _document_changes(cli.args):
            config = _update_documents(store, actor, cli.args)
            cli.say("文书设置已保存。")
        else:
            config = DocumentSettingsService(store, actor).get()
    finally:
        store.close()
    values = dataclasses.asdict(config)
    cli.emit(values, lambda: "\n".join(f"{k}: {v}" for k, v in values.items()))
