"""What every command module shares: one invocation's options, the register, and I/O.

Why one module: command groups must not import each other (that is how the old CLI grew an
import circle); each imports only this, and :mod:`mediation_desk.cli.main` imports them all.
"""

from __future__ import annotations

import argparse
import errno
import getpass
import json
import os
import re
import sys
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any, NoReturn

from mediation_desk.domain.limits import (
    DATE_MAX,
    EVENT_DATE_MIN,
    MAX_ARGUMENT_CHARS,
    MAX_IMPORT_BYTES,
    date_problem,
    escape_for_terminal,
    parse_json,
    span_problem,
    text_problem,
    year_problem,
)
from mediation_desk.errors import DomainError, Problem, StoreUnavailable, ValidationError
from mediation_desk.paths import default_register

PASSWORD_ENV = "MEDIATION_DESK_PASSWORD"
NEW_PASSWORD_ENV = "MEDIATION_DESK_NEW_PASSWORD"
RECOVERY_KEY_ENV = "MEDIATION_DESK_RECOVERY_KEY"
USER_ENV = "MEDIATION_DESK_USER"
#: Characters JSON output leaves raw that a terminal would act on: direction controls, C1
#: controls and broken (surrogate) characters. Written as \uXXXX, still valid JSON.
_JSON_UNSAFE = re.compile(r"[\x7f-\x9f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069\ud800-\udfff]")

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
        """The command's one result: JSON with ``--json``, else text, on stdout. Stored text
        never reaches the terminal raw: control and direction characters are escaped."""
        if self.args.json:
            out = json.dumps(data, ensure_ascii=False, indent=1)
            sys.stdout.write(_JSON_UNSAFE.sub(lambda m: f"\\u{ord(m.group()):04x}", out) + "\n")
        else:
            shown = (text() if callable(text) else text).rstrip("\n")
            sys.stdout.write(escape_for_terminal(shown) + "\n")
        sys.stdout.flush()

    def say(self, message: str) -> None:
        """A message for the person at the terminal (stderr, never mixed into JSON)."""
        print(escape_for_terminal(message), file=sys.stderr)

    def password(self) -> str:
        return read_secret(PASSWORD_ENV, f"{self.username} 的密码：")

    def open(self) -> tuple[Any, Any]:
        """The register opened as ``--user``: ``(store, actor)``."""
        from mediation_desk.services.safety.accounts import open_register
        from mediation_desk.store.database import PATIENT_TIMEOUT_MS

        return open_register(self.db_path, self.username, self.password(),
                             busy_ms=PATIENT_TIMEOUT_MS)


# -- files written by commands: whole or not at all --------------------------------------
#: Companions of a register that an output must never replace.
_COMPANIONS = (".keys", "-wal", "-shm", "-journal", ".inuse", ".lock", ".restore-journal")


def _is_a_database(path: Path) -> bool:
    """A register, a backup or one of their companion files: never overwritten by an output
    (``export --out register.db`` would have replaced the register with JSON)."""
    if not path.is_file():
        return False
    if Path(str(path) + ".keys").exists():
        return True
    for suffix in _COMPANIONS:
        if path.name.endswith(suffix) and Path(str(path)[: -len(suffix)]).exists():
            return True
    try:
        with open(path, "rb") as fh:
            return fh.read(16) == b"SQLite format 3\x00"
    except OSError:
        return False


def check_out(path: Path, option: str = "--out") -> None:
    """Refuse an output name that cannot be written, before any work is done."""
    if not path.name:
        raise ValidationError(Problem("", option, "应为文件名"))
    if path.is_dir():
        raise ValidationError(Problem("", option, f"“{path}”是一个文件夹，应为文件名"))
    if path.exists() and not path.is_file():
        # A device or pipe (/dev/null): the whole-or-nothing rename would replace the device
        # node itself with a plain file.
        raise ValidationError(Problem("", option, f"“{path}”不是普通文件，不能作为输出文件"))
    if _is_a_database(path):
        raise ValidationError(Problem("", option, f"“{path}”是数据库或其附属文件，不会覆盖它"))
    parent = path.parent
    if not parent.is_dir():
        raise ValidationError(Problem("", option, f"文件夹“{parent}”不存在，请先建立它"))


def write_failure(exc: OSError, path: Path, option: str = "--out") -> Exception:
    """A Chinese reason for a file that could not be written: exit 4 when the disk is full
    or read-only, exit 1 when the name itself is wrong."""
    if exc.errno in (errno.ENOSPC, errno.EDQUOT):
        return StoreUnavailable(f"磁盘已满，“{path}”没有写入：请腾出空间或换一个位置")
    if exc.errno in (errno.EROFS, errno.EACCES, errno.EPERM):
        return StoreUnavailable(f"没有权限写入“{path}”（{exc.strerror}）")
    return ValidationError(Problem("", option, f"无法写入“{path}”（{exc.strerror or exc}）"))


def write_bytes(path: Path, data: bytes, option: str = "--out") -> None:
    """Write to ``path.part`` (owner-only, flushed) and rename, so a crash or a full disk
    never leaves a file that looks done."""
    check_out(path, option)
    tmp = path.with_name(path.name + ".part")
    try:
        tmp.unlink(missing_ok=True)
        fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0),
                     0o600)
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
        tmp.replace(path)
    except OSError as exc:
        tmp.unlink(missing_ok=True)
        raise write_failure(exc, path, option) from exc


def write_json(path: Path, data: Any) -> None:
    write_bytes(path, (json.dumps(data, ensure_ascii=False, indent=1) + "\n").encode("utf-8"))


def check_in(path: Path, limit: int = MAX_IMPORT_BYTES) -> None:
    """A file given to read must be a file, readable, and at most ``limit`` bytes."""
    name = str(path)
    if path.is_dir():
        raise ValidationError(Problem(name, "", "这是一个文件夹，应为文件"))
    try:
        size = path.stat().st_size
    except FileNotFoundError:
        raise ValidationError(Problem(name, "", "文件不存在")) from None
    except OSError as exc:
        raise ValidationError(Problem(name, "", f"无法读取（{exc.strerror}）")) from None
    if size > limit:
        raise ValidationError(Problem(name, "", f"文件太大，最多{limit // 1024 // 1024} MB"))


def read_json(path: Path) -> Any:
    """A JSON document given on the command line, within the limits of domain/limits.py;
    unreadable or out of bounds → input refused (exit 1)."""
    check_in(path)
    try:
        return parse_json(path.read_text(encoding="utf-8-sig"))
    except UnicodeDecodeError:
        raise ValidationError(Problem(str(path), "", "不是UTF-8编码的文本文件")) from None
    except OSError as exc:
        raise ValidationError(Problem(str(path), "", f"无法读取（{exc.strerror}）")) from None
    except DomainError as exc:
        raise ValidationError(Problem(str(path), "", exc.reason)) from None


def check_arguments(args: argparse.Namespace) -> None:
    """Every text given on the command line within the limits, every number sane: refused
    here (exit 1) rather than deep inside a command (exit 5)."""
    problems = []
    for name, value in sorted(vars(args).items()):
        option = "--" + name.replace("_", "-")
        values = value if isinstance(value, list) else [value]
        for item in values:
            if isinstance(item, str):
                reason = text_problem(item, "short") if len(item) <= MAX_ARGUMENT_CHARS \
                    else f"太长：最多{MAX_ARGUMENT_CHARS}个字"
            elif isinstance(item, Path):
                reason = text_problem(str(item), "short")
            elif isinstance(item, int) and not isinstance(item, bool):
                reason = None if abs(item) < 10**12 else "数字太大"
            else:
                reason = None
            if reason:
                problems.append(Problem("", option, reason))
    year = getattr(args, "year", None)
    if isinstance(year, int):  # report's --year is text, checked where it is parsed
        reason = year_problem(year)
        if reason:
            problems.append(Problem("", "--year", reason))
    if problems:
        raise ValidationError(problems)


# -- option values ------------------------------------------------------------------------
def parse_day(text: str, option: str) -> date:
    try:
        day = date.fromisoformat(text)
    except ValueError:
        raise ValidationError(Problem("", option, f"日期格式应为 YYYY-MM-DD，实际为“{text}”")) from None
    reason = date_problem(day, EVENT_DATE_MIN, DATE_MAX)
    if reason:
        raise ValidationError(Problem("", option, reason))
    return day


def parse_month(text: str, option: str = "--month") -> tuple[int, int]:
    match = re.fullmatch(r"(\d{4})-(\d{1,2})", text.strip())
    if not match or not 1 <= int(match.group(2)) <= 12:
        raise ValidationError(Problem("", option, f"格式应为 YYYY-MM，实际为“{text}”"))
    reason = year_problem(int(match.group(1)))
    if reason:
        raise ValidationError(Problem("", option, reason))
    return int(match.group(1)), int(match.group(2))


def parse_range(start: str, end: str) -> tuple[date, date]:
    first, last = parse_day(start, "--from"), parse_day(end, "--to")
    if last < first:
        raise ValidationError(Problem("", "--to", f"早于 --from（{first.isoformat()}）"))
    reason = span_problem(first, last)
    if reason:
        raise ValidationError(Problem("", "--to", reason))
    return first, last
