"""One clock (``mediation_desk/clock.py``): nothing else in the program, its benchmarks, scripts
or tests reads the system's date or time.

Why a syntax-tree test: a single ``date.today()`` in a dialog is enough for the window to
disagree with the services about what day it is, or for a test to pass only in the month it
was written. The walk resolves each module's imports (``from datetime import date as d`` makes
``d.today`` a read), and catches references as well as calls (``default_factory=date.today``).
Durations are fine (``time.monotonic``, ``time.perf_counter``); so is converting a file time
(``datetime.fromtimestamp(st_mtime)``). SQLite's own clock (``CURRENT_TIMESTAMP``,
``date('now')``) counts as a read too.
"""

from __future__ import annotations

import ast
import re
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SCANNED = ("mediation_desk", "ui", "bench", "tests", "scripts", "packaging")
THE_CLOCK = ROOT / "mediation_desk" / "clock.py"

#: Fully qualified names whose use reads the system clock.
READS = frozenset({
    "datetime.date.today", "datetime.datetime.today", "datetime.datetime.now",
    "datetime.datetime.utcnow",
    "time.time", "time.time_ns", "time.localtime", "time.gmtime", "time.ctime",
    "time.asctime", "time.strftime",
    "PySide6.QtCore.QDate.currentDate", "PySide6.QtCore.QDateTime.currentDateTime",
    "PySide6.QtCore.QDateTime.currentDateTimeUtc",
    "PySide6.QtCore.QDateTime.currentSecsSinceEpoch",
    "PySide6.QtCore.QDateTime.currentMSecsSinceEpoch", "PySide6.QtCore.QTime.currentTime",
})
#: SQLite reading its own clock inside SQL text.
SQL_CLOCK = re.compile(r"\bCURRENT_(TIMESTAMP|DATE|TIME)\b|['\"]now['\"]", re.IGNORECASE)
SQL_WORDS = re.compile(r"\b(SELECT|INSERT|UPDATE|DELETE|DEFAULT|WHERE|VALUES)\b", re.IGNORECASE)


def _aliases(tree: ast.AST) -> dict[str, str]:
    """Local name → what it stands for (``dt`` → ``datetime.datetime``)."""
    names: dict[str, str] = {}
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            for a in node.names:
                if a.asname:
                    names[a.asname] = a.name
                else:
                    top = a.name.split(".")[0]
                    names[top] = top
        elif isinstance(node, ast.ImportFrom) and node.module and not node.level:
            for a in node.names:
                names[a.asname or a.name] = f"{node.module}.{a.name}"
    return names


def _qualified(node: ast.expr, aliases: dict[str, str]) -> str | None:
    if isinstance(node, ast.Name):
        return aliases.get(node.id)
    if isinstance(node, ast.Attribute):
        base = _qualified(node.value, aliases)
        return f"{base}.{node.attr}" if base else None
    return None


def clock_reads(source: str) -> list[tuple[int, str]]:
    """(line, what) for every read of the system clock in ``source``."""
    tree = ast.parse(source)
    aliases = _aliases(tree)
    found: set[tuple[int, str]] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Name | ast.Attribute) and isinstance(node.ctx, ast.Load):
            name = _qualified(node, aliases)
            if name in READS:
                found.add((node.lineno, name))
        elif (isinstance(node, ast.Constant) and isinstance(node.value, str)
              and SQL_WORDS.search(node.value) and SQL_CLOCK.search(node.value)):
            found.add((node.lineno, f"SQL: {SQL_CLOCK.search(node.value).group(0)}"))
    return sorted(found)


def _files() -> list[Path]:
    files = [p for folder in SCANNED for p in (ROOT / folder).rglob("*.py")]
    return [*files, ROOT / "build.spec"]


def test_the_checker_sees_every_kind_of_read() -> None:
    source = '''
import datetime
import time as t
from datetime import date as d, datetime as dt
from dataclasses import field
from PySide6.QtCore import QDate, QDateTime
a = d.today()
b = dt.now()
c = datetime.datetime.utcnow()
e = field(default_factory=d.today)
f = t.time()
g = QDate.currentDate()
h = QDateTime.currentDateTime().date()
i = "SELECT * FROM x WHERE at < {sqlite_now}"
j = t.monotonic() + t.perf_counter()
k = dt.fromtimestamp(0)
'''.replace("{sqlite_now}", "CURRENT_" + "TIMESTAMP")
    assert clock_reads(source) == [
        (7, "datetime.date.today"), (8, "datetime.datetime.now"),
        (9, "datetime.datetime.utcnow"), (10, "datetime.date.today"), (11, "time.time"),
        (12, "PySide6.QtCore.QDate.currentDate"), (13, "PySide6.QtCore.QDateTime.currentDateTime"),
        (14, "SQL: CURRENT_TIMESTAMP")]


def test_only_the_clock_module_reads_the_system_clock() -> None:
    offenders = [f"{path.relative_to(ROOT)}:{line}: {what}"
                 for path in _files() if path != THE_CLOCK
                 for line, what in clock_reads(path.read_text(encoding="utf-8"))]
    assert offenders == [], "read the time through mediation_desk.clock:\n" + "\n".join(
        offenders)
