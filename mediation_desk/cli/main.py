"""``mediation-desk-cli``: parsing, running one command, exit codes, output.

Exit codes: 0 done · 1 input refused (nothing written) · 2 usage · 3 wrong password or not
permitted · 4 database unusable (nothing lost) · 5 a bug. With ``--json`` exactly one JSON
document goes to stdout; every message goes to stderr, in Chinese.
"""

from __future__ import annotations

import argparse
import logging
import os
import sys
import traceback
from pathlib import Path
from types import ModuleType

from mediation_desk import __version__
from mediation_desk.cli import (
    accounts,
    attachments,
    backups,
    cases,
    corrections,
    demo,
    exchange,
    patrols,
    petitions,
    printing,
    reports,
    retention,
    room,
    sync,
)
from mediation_desk.cli.context import USER_ENV, Cli, Parser, UsageError, check_arguments
from mediation_desk.errors import (
    CheckFailed,
    NotFound,
    PermissionDenied,
    StoreUnavailable,
    ValidationError,
)
from mediation_desk.store.sqlite_errors import environment_message

#: Command groups in the order ``--help`` lists them; each has ``register(subparsers)``.
GROUPS: tuple[ModuleType, ...] = (
    room, exchange, cases, corrections, attachments, printing, patrols, petitions, reports,
    accounts, backups, retention, demo, sync,
)


def build_parser() -> argparse.ArgumentParser:
    p = Parser(prog="mediation-desk-cli",
               description="调解工作台命令行：备份、导入导出、查询、打印、排查、演示数据。")
    p.add_argument("--db", type=Path, help="数据库文件（默认与窗口程序相同）")
    p.add_argument("--user", help=f"账户名（默认取环境变量 {USER_ENV}，否则 admin）")
    p.add_argument("--json", action="store_true", help="在标准输出打印一个 JSON 文档")
    p.add_argument("--version", action="version", version=f"mediation-desk {__version__}")
    sub = p.add_subparsers(dest="command", required=True, parser_class=Parser)
    for group in GROUPS:
        group.register(sub)
    return p


def main(argv: list[str] | None = None) -> int:
    for stream in (sys.stdout, sys.stderr):
        # Chinese and rare characters on any console or pipe (Windows defaults to cp936).
        # A broken character given on the command line is shown escaped, never a crash.
        if hasattr(stream, "reconfigure"):
            stream.reconfigure(encoding="utf-8", errors="backslashreplace")
    logging.basicConfig(level=logging.WARNING, format="%(levelname)s %(name)s: %(message)s")
    try:
        args = build_parser().parse_args(argv)
    except SystemExit as exc:
        return int(exc.code or 0)
    except BrokenPipeError:  # --help into a closed pipe
        return _reader_gone()
    cli = Cli(args)
    try:
        check_arguments(args)
        args.handler(cli)
        return 0
    except BrokenPipeError:
        return _reader_gone()
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
    except RecursionError:
        cli.say("输入有误：内容嵌套太深，未写入任何数据")
        return 1
    except Exception as exc:
        message = environment_message(exc)
        if message is not None:  # a damaged or locked file met outside a write
            cli.say(f"数据库不可用：{message}")
            return 4
        cli.say("内部错误（程序缺陷），请把以下信息交给维护人员：")
        traceback.print_exc(file=sys.stderr)
        return 5


def _reader_gone() -> int:
    """Whoever read our output stopped (``cases --json | head -c1``): the command's work is
    done, the rest of its output has nowhere to go. End quietly — and point stdout at the
    null device so the interpreter's own last flush cannot fail again."""
    try:
        null = os.open(os.devnull, os.O_WRONLY)
        os.dup2(null, sys.stdout.fileno())
        os.close(null)
    except (OSError, ValueError):
        pass
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
