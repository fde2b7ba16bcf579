"""The layer rules (architecture.md §1, docs/architecture.md), checked on every module's syntax
tree: the core never imports Qt or the UI; the UI never touches SQL or peewee's query API;
``domain`` imports nothing of ours but itself; documents depend on domain only; services never
import ``ui`` or the command line; and no two modules import each other, directly or round a
circle (imports only a type checker reads, under ``if TYPE_CHECKING:``, do not count)."""

from __future__ import annotations

import ast
from collections.abc import Iterator
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PACKAGES = ("mediation_desk", "ui")


def _module_name(path: Path) -> str:
    parts = list(path.relative_to(ROOT).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def _modules() -> dict[str, Path]:
    return {_module_name(p): p for pkg in PACKAGES for p in (ROOT / pkg).rglob("*.py")}


MODULES = _modules()


def _is_type_checking(node: ast.If) -> bool:
    test = node.test
    return (isinstance(test, ast.Name) and test.id == "TYPE_CHECKING") or (
        isinstance(test, ast.Attribute) and test.attr == "TYPE_CHECKING")


def _runtime_nodes(tree: ast.AST) -> Iterator[ast.AST]:
    """Every node except those under ``if TYPE_CHECKING:``."""
    stack: list[ast.AST] = [tree]
    while stack:
        node = stack.pop()
        yield node
        for child in ast.iter_child_nodes(node):
            if isinstance(child, ast.If) and _is_type_checking(child):
                stack.extend(child.orelse)
            else:
                stack.append(child)


def _imported(path: Path, *, runtime_only: bool) -> set[str]:
    """Names of the modules ``path`` imports (``from a import b`` names ``a.b`` when ``b`` is
    one of our modules, else ``a``)."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    here = _module_name(path)
    package = here if path.name == "__init__.py" else here.rpartition(".")[0]
    names: set[str] = set()
    nodes = _runtime_nodes(tree) if runtime_only else ast.walk(tree)
    for node in nodes:
        if isinstance(node, ast.Import):
            names |= {a.name for a in node.names}
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                anchor = package.split(".")
                anchor = anchor[: len(anchor) - node.level + 1]
                base = ".".join([*anchor, base] if base else anchor)
            for alias in node.names:
                candidate = f"{base}.{alias.name}"
                names.add(candidate if candidate in MODULES else base)
    return names


def _ours(name: str) -> bool:
    return name.split(".")[0] in PACKAGES


def _graph() -> dict[str, set[str]]:
    """Module → our modules it runs at import or call time, with the packages Python runs on
    the way (importing ``a.b.c`` runs ``a`` and ``a.b`` too), except the importer's own."""
    graph: dict[str, set[str]] = {}
    for name, path in MODULES.items():
        own = {".".join(name.split(".")[:i]) for i in range(1, name.count(".") + 1)}
        edges: set[str] = set()
        for target in _imported(path, runtime_only=True):
            if not _ours(target):
                continue
            parts = target.split(".")
            for i in range(1, len(parts) + 1):
                step = ".".join(parts[:i])
                if step in MODULES and step not in own and step != name:
                    edges.add(step)
        graph[name] = edges
    return graph


def _cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    """Strongly connected components with more than one module (Tarjan)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    found: list[list[str]] = []
    counter = 0

    def visit(node: str) -> None:
        nonlocal counter
        index[node] = low[node] = counter
        counter += 1
        stack.append(node)
        on_stack.add(node)
        for nxt in sorted(graph.get(node, ())):
            if nxt not in index:
                visit(nxt)
                low[node] = min(low[node], low[nxt])
            elif nxt in on_stack:
                low[node] = min(low[node], index[nxt])
        if low[node] == index[node]:
            component = []
            while True:
                top = stack.pop()
                on_stack.discard(top)
                component.append(top)
                if top == node:
                    break
            if len(component) > 1:
                found.append(sorted(component))

    for node in sorted(graph):
        if node not in index:
            visit(node)
    return found


def _offenders(prefix: str, forbidden: tuple[str, ...], allowed: tuple[str, ...] = ()) -> list[str]:
    out = []
    for name, path in MODULES.items():
        if name != prefix and not name.startswith(prefix + "."):
            continue
        for target in _imported(path, runtime_only=False):
            if target.startswith(forbidden) and not target.startswith(allowed):
                out.append(f"{name} imports {target}")
    return sorted(out)


def test_core_never_imports_qt_or_ui() -> None:
    assert _offenders("mediation_desk",
                      ("PySide6", "shiboken6", "qtawesome", "qtpy", "ui.", "ui")) == []


def test_domain_imports_nothing_of_ours_but_itself() -> None:
    assert _offenders("mediation_desk.domain", PACKAGES, ("mediation_desk.domain",)) == []


def test_documents_depend_on_domain_only() -> None:
    assert _offenders("mediation_desk.documents",
                      ("mediation_desk.store", "mediation_desk.services", "mediation_desk.cli",
                       "peewee", "playhouse", "apsw")) == []


def test_store_never_imports_services_or_the_command_line() -> None:
    assert _offenders("mediation_desk.store",
                      ("mediation_desk.services", "mediation_desk.cli",
                       "mediation_desk.documents")) == []


def test_services_never_import_ui_or_the_command_line() -> None:
    assert _offenders("mediation_desk.services", ("ui", "mediation_desk.cli")) == []


def test_command_modules_share_only_the_context() -> None:
    """Each command group imports, of the command line, only ``cli.context``; only ``main``
    gathers the groups (so adding a group never makes a circle)."""
    out = []
    for name, path in MODULES.items():
        if not name.startswith("mediation_desk.cli.") or name.endswith((".main", ".__main__")):
            continue
        for target in _imported(path, runtime_only=False):
            if target.startswith("mediation_desk.cli") and target != "mediation_desk.cli.context":
                out.append(f"{name} imports {target}")
    assert out == []


def test_ui_never_runs_sql_or_touches_models() -> None:
    offenders = []
    for path in (ROOT / "ui").rglob("*.py"):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for name in _imported(path, runtime_only=False):
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


def test_no_import_cycles() -> None:
    assert _cycles(_graph()) == []


def test_the_cycle_check_finds_a_circle() -> None:
    """The check itself bites: a made-up circle of three modules is reported."""
    graph = {"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}}
    assert _cycles(graph) == [["a", "b", "c"]]
