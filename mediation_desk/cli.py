"""``mediation-desk-cli``: the scriptable twin of the window (contract.md).

Exit codes: 0 done · 1 input refused (nothing written) · 2 usage · 3 wrong password or not
permitted · 4 database unusable (nothing lost) · 5 a bug. With ``--json`` exactly one JSON
document goes to stdout; every message goes to stderr, in Chinese.
"""

from __future__ import annotations

import argparse
import getpass
import json
import logging
import os
import sys
import traceback
from collections.abc import Callable
from pathlib import Path
from typing import Any, NoReturn

from mediation_desk import __version__
from mediation_desk.errors import (
    CheckFailed,
    NotFound,
    PermissionDenied,
    StoreUnavailable,
    ValidationError,
)
from mediation_desk.paths import default_register
from mediation_desk.store.database import environment_message

PASSWORD_ENV = "MEDIATION_DESK_PASSWORD"
NEW_PASSWORD_ENV = "MEDIATION_DESK_NEW_PASSWORD"
USER_ENV = "MEDIATION_DESK_USER"

log = logging.getLogger("mediation_desk.cli")


class UsageError(Exception):
    exit_code = 2


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> NoReturn:
        self.print_usage(sys.stderr)
        print(f"用法错误：{message}", file=sys.stderr)
        raise SystemExit(2)


def _read_secret(env: str, prompt: str) -> str:
    value = os.environ.get(env)
    if value is not None:
        return value
    if sys.stdin is not None and sys.stdin.isatty():
        return getpass.getpass(prompt)
    raise UsageError(f"需要密码：请设置环境变量 {env}，或在终端中运行以便输入")


def _document_options(parser: argparse.ArgumentParser) -> None:
    """What printed forms need beyond the room's name: shared by ``init`` and ``settings``."""
    parser.add_argument("--header", help="文书标题上方的一行，如“安溪县湖头镇”")
    parser.add_argument("--address", help="调解室地址（告知书、默认履行地点）")
    parser.add_argument("--phone", help="调解室电话")
    parser.add_argument("--court", help="申请司法确认的基层人民法院，如“安溪县人民法院”")
    parser.add_argument("--font", help="打印用字体文件（.ttf/.ttc），不填则自动选择")


def build_parser() -> argparse.ArgumentParser:
    p = _Parser(prog="mediation-desk-cli",
                description="调解工作台命令行：备份、导入导出、查询、演示数据。")
    p.add_argument("--db", type=Path, help="数据库文件（默认与窗口程序相同）")
    p.add_argument("--user", help=f"账户名（默认取环境变量 {USER_ENV}，否则 admin）")
    p.add_argument("--json", action="store_true", help="在标准输出打印一个 JSON 文档")
    p.add_argument("--version", action="version", version=f"mediation-desk {__version__}")
    sub = p.add_subparsers(dest="command", required=True, parser_class=_Parser)

    s = sub.add_parser("init", help="新建数据库")
    s.add_argument("--room", required=True)
    s.add_argument("--committee", required=True)
    s.add_argument("--number-prefix", required=True)
    s.add_argument("--number-pattern")
    s.add_argument("--admin", required=True)
    s.add_argument("--unencrypted", action="store_true")
    _document_options(s)

    s = sub.add_parser("import", help="导入案件（.json 或 .xlsx）")
    s.add_argument("file", type=Path)

    s = sub.add_parser("export", help="导出案件")
    s.add_argument("--out", type=Path, required=True)
    s.add_argument("numbers", nargs="*")

    s = sub.add_parser("cases", help="案件登记簿")
    s.add_argument("--status")
    s.add_argument("--year", type=int)
    s.add_argument("--type", dest="dispute_type")
    s.add_argument("--village")
    s.add_argument("--mediator")

    s = sub.add_parser("show", help="显示一件案件")
    s.add_argument("number")

    s = sub.add_parser("search", help="全文检索")
    s.add_argument("query")

    s = sub.add_parser("users", help="账户管理")
    us = s.add_subparsers(dest="users_command", required=True, parser_class=_Parser)
    a = us.add_parser("add")
    a.add_argument("name")
    a.add_argument("--role", required=True, choices=["mediator", "director", "admin"])
    a.add_argument("--display-name", default="")
    us.add_parser("list")

    s = sub.add_parser("demo", help="填入演示数据")
    s.add_argument("--cases", type=int, required=True)
    s.add_argument("--seed", type=int, default=1)

    s = sub.add_parser("backup", help="在线备份")
    s.add_argument("--out", type=Path, required=True)

    s = sub.add_parser("restore", help="从备份恢复到 --db 指定的位置")
    s.add_argument("file", type=Path)
    s.add_argument("--force", action="store_true", help="替换已有的数据库（原文件保留在旁边）")

    s = sub.add_parser("retention", help="保存期限到期的卷宗（管理员）")
    rs = s.add_subparsers(dest="retention_command", required=True, parser_class=_Parser)
    rs.add_parser("due", help="列出已过保存期限、仍含个人信息的卷宗")
    r = rs.add_parser("anonymise", help="对到期卷宗做匿名化处理（不可撤销）")
    r.add_argument("numbers", nargs="+")

    sub.add_parser("verify", help="检查数据库完整性与操作记录链")

    s = sub.add_parser("settings", help="调解室设置（调委会主任或管理员）")
    ss = s.add_subparsers(dest="settings_command", required=True, parser_class=_Parser)
    d = ss.add_parser("documents", help="文书设置：不带选项时显示当前值")
    _document_options(d)

    s = sub.add_parser("audit", help="操作记录")
    au = s.add_subparsers(dest="audit_command", required=True, parser_class=_Parser)
    au.add_parser("verify")

    from mediation_desk import cli_patrol, cli_print

    cli_print.add_parser(sub)
    cli_patrol.add_parser(sub, _Parser)
    return p


class Cli:
    """One invocation: parsed options, the open register, and output helpers."""

    def __init__(self, args: argparse.Namespace) -> None:
        self.args = args
        self.db_path: Path = args.db or default_register()
        self.username: str = args.user or os.environ.get(USER_ENV) or "admin"

    def emit(self, data: Any, text: str | Callable[[], str]) -> None:
        if self.args.json:
            json.dump(data, sys.stdout, ensure_ascii=False, indent=1)
            sys.stdout.write("\n")
        else:
            sys.stdout.write((text() if callable(text) else text).rstrip("\n") + "\n")

    def say(self, message: str) -> None:
        print(message, file=sys.stderr)

    def open(self) -> tuple[Any, Any]:
        from mediation_desk.services.safety.accounts import open_register

        password = _read_secret(PASSWORD_ENV, f"{self.username} 的密码：")
        return open_register(self.db_path, self.username, password)


def main(argv: list[str] | None = None) -> int:
    for stream in (sys.stdout, sys.stderr):
        # Chinese and rare characters on any console or pipe (Windows defaults to cp936).
        if hasattr(stream, "reconfigure"):
            stream.reconfigure(encoding="utf-8")
    logging.basicConfig(level=logging.WARNING, format="%(levelname)s %(name)s: %(message)s")
    try:
        args = build_parser().parse_args(argv)
    except SystemExit as exc:
        return int(exc.code or 0)
    cli = Cli(args)
    from mediation_desk import cli_commands

    handler = cli_commands.HANDLERS[args.command]
    try:
        handler(cli)
        return 0
    except ValidationError as exc:
        cli.say("输入有误，未写入任何数据：")
        for problem in exc.problems:
            cli.say(f"  {problem}")
        return 1
    except CheckFailed as exc:
        cli.say(f"检查未通过：{exc}")
        return 1
    except NotFound as exc:
        cli.say(str(exc))
        return 1
    except UsageError as exc:
        cli.say(f"用法错误：{exc}")
        return 2
    except PermissionDenied as exc:
        cli.say(f"拒绝：{exc}")
        return 3
    except StoreUnavailable as exc:
        cli.say(f"数据库不可用：{exc}")
        return 4
    except KeyboardInterrupt:
        cli.say("已中断，未完成的操作没有写入。")
        return 130
    except Exception as exc:
        message = environment_message(exc)
        if message is not None:  # a damaged or locked file met outside a write
            cli.say(f"数据库不可用：{message}")
            return 4
        cli.say("内部错误（程序缺陷），请把以下信息交给维护人员：")
        traceback.print_exc(file=sys.stderr)
        return 5


if __name__ == "__main__":
    raise SystemExit(main())
