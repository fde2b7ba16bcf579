"""What every command module shares: one invocation's options, the register, and I/O.

Why one module: command groups must not import each other (that is how the old CLI grew an
import circle); each imports only this, and :mod:`mediation_desk.cli.main` imports them all.
"""

from __future__ import annotations

import argparse
import getpass
import json
import os
import re
import sys
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any, NoReturn

from mediation_desk.errors import Problem, ValidationError
from mediation_desk.paths import default_register

PASSWORD_ENV = "MEDIATION_DESK_PASSWORD"
NEW_PASSWORD_ENV = "MEDIATION_DESK_NEW_PASSWORD"
USER_ENV = "MEDIATION_DESK_USER"

#: A command's handler: takes the invocation, raises the core's errors on refusal.
Handler = Callable[["Cli"], None]


class UsageError(Exception):
    """The command line itself is wrong (exit 2)."""

    exit_code = 2


class Parser(argparse.ArgumentParser):
    """argparse with Chinese usage errors and exit code 2."""

    def error(self, message: str) -> NoReturn:
        self.print_usage(sys.stderr)
        print(f"用法错误：{message}", file=sys.stderr)
        raise SystemExit(2)


def read_secret(env: str, prompt: str) -> str:
    """A password from ``env`` or, on a terminal, a prompt — never from an argument."""
    value = os.environ.get(env)
    if value is not None:
        return value
    if sys.stdin is not None and sys.stdin.isatty():
        return getpass.getpass(prompt)
    raise UsageError(f"需要密码：请设置环境变量 {env}，或在终端中运行以便输入")


class Cli:
    """One invocation: parsed options, the open register, and output helpers."""

    def __init__(self, args: argparse.Namespace) -> None:
        self.args = args
        self.db_path: Path = args.db or default_register()
        self.username: str = args.user or os.environ.get(USER_ENV) or "admin"

    def emit(self, data: Any, text: str | Callable[[], str]) -> None:
        """The command's one result: JSON with ``--json``, else text, on stdout."""
        if self.args.json:
            json.dump(data, sys.stdout, ensure_ascii=False, indent=1)
            sys.stdout.write("\n")
        else:
            sys.stdout.write((text() if callable(text) else text).rstrip("\n") + "\n")

    def say(self, message: str) -> None:
        """A message for the person at the terminal (stderr, never mixed into JSON)."""
        print(message, file=sys.stderr)

    def password(self) -> str:
        return read_secret(PASSWORD_ENV, f"{self.username} 的密码：")

    def open(self) -> tuple[Any, Any]:
        """The register opened as ``--user``: ``(store, actor)``."""
        from mediation_desk.services.safety.accounts import open_register

        return open_register(self.db_path, self.username, self.password())


# -- files written by commands: whole or not at all --------------------------------------
def write_bytes(path: Path, data: bytes) -> None:
    """Write to ``path.part`` and rename, so a crash never leaves a file that looks done."""
    tmp = path.with_name(path.name + ".part")
    tmp.write_bytes(data)
    tmp.replace(path)


def write_json(path: Path, data: Any) -> None:
    write_bytes(path, (json.dumps(data, ensure_ascii=False, indent=1) + "\n").encode("utf-8"))


def read_json(path: Path) -> Any:
    """A JSON document given on the command line; unreadable → input refused (exit 1)."""
    try:
        return json.loads(path.read_text(encoding="utf-8-sig"))
    except FileNotFoundError:
        raise ValidationError(Problem(str(path), "", "文件不存在")) from None
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise ValidationError(Problem(str(path), "", f"不是有效的 JSON 文件（{exc}）")) from None


# -- option values ------------------------------------------------------------------------
def parse_day(text: str, option: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise ValidationError(Problem("", option, f"日期格式应为 YYYY-MM-DD，实际为“{text}”")) from None


def parse_month(text: str, option: str = "--month") -> tuple[int, int]:
    match = re.fullmatch(r"(\d{4})-(\d{1,2})", text.strip())
    if not match or not 1 <= int(match.group(2)) <= 12:
        raise ValidationError(Problem("", option, f"格式应为 YYYY-MM，实际为“{text}”"))
    return int(match.group(1)), int(match.group(2))


def parse_range(start: str, end: str) -> tuple[date, date]:
    first, last = parse_day(start, "--from"), parse_day(end, "--to")
    if last < first:
        raise ValidationError(Problem("", "--to", f"早于 --from（{first.isoformat()}）"))
    return first, last
