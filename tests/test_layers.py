"""The layer rule (architecture.md §1): the core never imports Qt or the UI; the UI never
touches SQL or peewee's query API. Walks every module's syntax tree."""

from __future__ import annotations

import ast
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def _imports(path: Path) -> set[str]:
    names: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            names |= {a.name for a in node.names}
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names.add(node.module)
    return names


def test_core_never_imports_qt_or_ui() -> None:
    offenders = []
    for path in (ROOT / "mediation_desk").rglob("*.py"):
        for name in _imports(path):
            top = name.split(".")[0]
            if top in {"PySide6", "shiboken6", "qtawesome", "qtpy", "ui"}:
                offenders.append(f"{path.relative_to(ROOT)} imports {name}")
    assert offenders == []


def test_ui_never_runs_sql_or_touches_models() -> None:
    offenders = []
    for path in (ROOT / "ui").rglob("*.py"):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for name in _imports(path):
            if name.startswith(("mediation_desk.store.models", "peewee", "playhouse", "apsw",
                                "sqlite3")):
                offenders.append(f"{path.relative_to(ROOT)} imports {name}")
        for node in ast.walk(tree):
            if isinstance(node, ast.Constant) and isinstance(node.value, str):
                # SQL is written in capitals here; English UI text ("Update…") is not.
                text = node.value.lstrip()
                if text.startswith(("SELECT ", "INSERT ", "UPDATE ", "DELETE ", "PRAGMA ")):
                    offenders.append(f"{path.relative_to(ROOT)}:{node.lineno} SQL text")
    assert offenders == []


def test_documents_depend_on_domain_only() -> None:
    offenders = []
    for path in (ROOT / "mediation_desk" / "documents").rglob("*.py"):
        for name in _imports(path):
            if name.startswith(("mediation_desk.store", "mediation_desk.services", "peewee")):
                offenders.append(f"{path.relative_to(ROOT)} imports {name}")
    assert offenders == []
