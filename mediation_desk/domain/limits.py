"""The documented limits of every value that comes in, and the checks of them (docs/limits.md).

Why limits at all: a value no room would ever type still arrives — from an old spreadsheet,
a damaged file, a script with a bug, or someone probing. One historical number
第9223372036854775807号 made every later registration of that year crash; NaN amounts,
5000-digit integers, JSON nested ten thousand deep, lone surrogates (half a character, which
SQLite and the terminal cannot encode), years 0001 and 9999 each ended in a crash. Each limit
below is far beyond any real case and small enough that nothing downstream overflows.

Why refuse control characters and direction overrides: a name with U+202E (right-to-left
override) prints reversed — "张三\u202e元0005" shows as a different amount — and raw escape
sequences in stored text would drive the terminal of whoever lists the register. Such text is
refused on the way in (the field and the character named) and escaped on the way out.

Pure functions, no I/O: the command line, the import and the window all call these.
"""

from __future__ import annotations

import json
import math
import re
from datetime import date
from typing import Any

from mediation_desk.domain.errors import DomainError

#: Characters allowed in text, by kind: (longest, whether line breaks and tabs are allowed)
TEXT_KINDS: dict[str, tuple[int, bool]] = {
    "name": (100, False),  # a person's, organisation's, village's or account's name; labels
    "short": (500, False),  # titles, addresses, places, one-line answers, search queries
    "long": (50_000, True),  # summaries, records, agreement texts, notes
}
DATE_MIN = date(1800, 1, 1)  # birth dates: what GB 11643 numbers can carry (18xx–20xx)
EVENT_DATE_MIN = date(1949, 10, 1)  # cases, records, patrols: nothing older is a register's
DATE_MAX = date(2099, 12, 31)
YEAR_MIN, YEAR_MAX = EVENT_DATE_MIN.year, DATE_MAX.year
MAX_SPAN_DAYS = 3 * 366 + 1  # a schedule or calendar asked for at once
MAX_CASE_SEQ = 99_999  # 第99999号: a township registers hundreds a year
MAX_PEOPLE = 100_000  # people involved in one dispute
MAX_COUNT = 100_000  # households visited, and any other count a form asks for
MAX_DEMO_CASES = 200_000
MAX_SEED = 2**31 - 1
MAX_IMPORT_BYTES = 50 * 1024 * 1024  # a JSON or Excel file to import
MAX_XLSX_UNPACKED = 200 * 1024 * 1024  # what an .xlsx (a zip) may unpack to
MAX_XLSX_RATIO = 100  # unpacked : packed, per entry (Excel's XML packs about 10:1)
MAX_IMPORT_CASES = 20_000
MAX_JSON_DEPTH = 32
MAX_JSON_NUMBER_DIGITS = 20
MAX_ARGUMENT_CHARS = 2_000  # one value on the command line

#: Unicode's explicit direction controls: embeddings, overrides, isolates, marks.
BIDI_CONTROLS = frozenset("\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"
                          "\u200e\u200f\u061c")
_OTHER_SUSPECTS = r"\x7f-\x9f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069\ud800-\udfff"
#: Any character a one-line text may not hold (a quick scan before the exact reason).
_SUSPECT_ONE_LINE = re.compile(r"[\x00-\x1f" + _OTHER_SUSPECTS + "]")
#: The same for long text, which may hold line breaks and tabs.
_SUSPECT_MULTILINE = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f" + _OTHER_SUSPECTS + "]")


def _bad_character(ch: str, multiline: bool) -> str | None:
    code = ord(ch)
    if 0xD800 <= code <= 0xDFFF:
        return f"含有不完整的字符（U+{code:04X}），可能是文件编码损坏"
    if ch in BIDI_CONTROLS:
        return f"含有改变文字方向的隐藏字符（U+{code:04X}），请删除后重新输入"
    if code < 0x20 or 0x7F <= code < 0xA0:
        if multiline and ch in "\n\r\t":
            return None
        return f"含有控制字符（U+{code:04X}），请删除后重新输入"
    return None


def text_problem(value: str, kind: str = "short") -> str | None:
    """Why ``value`` may not be stored as text of ``kind`` (see :data:`TEXT_KINDS`), else
    None."""
    longest, multiline = TEXT_KINDS[kind]
    if len(value) > longest:
        return f"太长：最多{longest}个字，实际{len(value)}个字"
    found = (_SUSPECT_MULTILINE if multiline else _SUSPECT_ONE_LINE).search(value)
    return _bad_character(found.group(), multiline) if found else None


def check_text(value: str, kind: str = "short") -> str:
    reason = text_problem(value, kind)
    if reason:
        raise DomainError(reason)
    return value


def count_problem(value: int, largest: int = MAX_COUNT, smallest: int = 0) -> str | None:
    if isinstance(value, bool) or not isinstance(value, int):
        return "应为整数"
    if not smallest <= value <= largest:
        return f"应在{smallest}至{largest}之间，实际为{_short_number(value)}"
    return None


def date_problem(day: date, earliest: date = EVENT_DATE_MIN, latest: date = DATE_MAX) -> str | None:
    if not earliest <= day <= latest:
        return f"应在{earliest.isoformat()}至{latest.isoformat()}之间，实际为{day.isoformat()}"
    return None


def year_problem(year: int) -> str | None:
    if not YEAR_MIN <= year <= YEAR_MAX:
        return f"年份应在{YEAR_MIN}至{YEAR_MAX}之间，实际为{_short_number(year)}"
    return None


def span_problem(first: date, last: date) -> str | None:
    if (last - first).days + 1 > MAX_SPAN_DAYS:
        return f"日期范围太长：一次最多{MAX_SPAN_DAYS}天"
    return None


def _short_number(value: int) -> str:
    text = str(value) if abs(value) < 10**30 else f"{str(value)[:12]}…（{len(str(abs(value)))}位数）"
    return text


# -- JSON from outside ---------------------------------------------------------------------------
def _parse_int(text: str) -> int:
    if len(text.lstrip("-")) > MAX_JSON_NUMBER_DIGITS:
        raise DomainError(f"数字位数太多（{len(text)}位），最多{MAX_JSON_NUMBER_DIGITS}位")
    return int(text)


def _parse_float(text: str) -> float:
    if len(text) > MAX_JSON_NUMBER_DIGITS + 10:
        raise DomainError(f"数字太长（{len(text)}个字符）")
    value = float(text)
    if not math.isfinite(value):
        raise DomainError(f"数字超出范围：{text[:20]}")
    return value


def _refuse_constant(name: str) -> Any:
    raise DomainError(f"不允许 {name}（不是有效的数字）")


def json_depth(value: Any) -> int:
    """How deep lists and objects nest (1 for a flat list), without recursion."""
    deepest = 0
    stack: list[tuple[Any, int]] = [(value, 1)]
    while stack:
        item, depth = stack.pop()
        if isinstance(item, dict | list):
            deepest = max(deepest, depth)
            children = item.values() if isinstance(item, dict) else item
            stack.extend((child, depth + 1) for child in children)
    return deepest


def parse_json(text: str) -> Any:
    """JSON from a file given to the program, within limits: no NaN or Infinity, no number
    longer than :data:`MAX_JSON_NUMBER_DIGITS` digits, nesting at most
    :data:`MAX_JSON_DEPTH`, and every string and key free of broken characters, control
    characters (line breaks and tabs allowed) and direction overrides. DomainError names
    the reason (and where, for strings)."""
    try:
        data = json.loads(text, parse_int=_parse_int, parse_float=_parse_float,
                          parse_constant=_refuse_constant)
    except DomainError:
        raise
    except RecursionError:
        raise DomainError(f"嵌套层数太多（最多{MAX_JSON_DEPTH}层）") from None
    except json.JSONDecodeError as exc:
        raise DomainError(f"不是有效的JSON（第{exc.lineno}行第{exc.colno}列：{exc.msg}）") from None
    except ValueError as exc:  # int() of too many digits, before our hook saw it
        raise DomainError(f"不是有效的JSON（{exc}）") from None
    if json_depth(data) > MAX_JSON_DEPTH:
        raise DomainError(f"嵌套层数太多（最多{MAX_JSON_DEPTH}层）")
    _check_strings(data)
    return data


def _check_strings(data: Any) -> None:
    stack: list[tuple[Any, str]] = [(data, "")]
    while stack:
        item, where = stack.pop()
        if isinstance(item, str):
            reason = text_problem(item, "long")
            if reason:
                raise DomainError(f"{where or '文字'}：{reason}")
        elif isinstance(item, dict):
            for key, child in item.items():
                reason = text_problem(key, "short")
                if reason:
                    raise DomainError(f"字段名：{reason}")
                stack.append((child, f"{where}.{key}" if where else key))
        elif isinstance(item, list):
            stack.extend((child, f"{where}[{i + 1}]") for i, child in enumerate(item))


# -- text going out to a terminal --------------------------------------------------------------
def escape_for_terminal(text: str) -> str:
    """``text`` with every control character (except line breaks and tabs), direction
    control and broken character shown as a visible ``\\uXXXX``, so stored text can never
    drive or reorder the terminal of whoever reads it."""
    return _SUSPECT_MULTILINE.sub(lambda m: f"\\u{ord(m.group()):04x}", text)
