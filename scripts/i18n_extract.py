#!/usr/bin/env python3
"""Extract every ``translate("Context", "text"[, disambiguation[, n]])`` call of ``ui/`` into
the zh_CN .ts file, keeping the translations already made.

Why our own extractor instead of ``pyside6-lupdate``: the lupdate of PySide6 6.11 skips a call
whose count is itself a call (``translate(c, "%n file(s)", None, len(ids))``) and writes
every ``%n`` message as a plain one, so strings silently fell out of the catalogue. Python's
own parser sees every call exactly. New entries arrive "unfinished" (the test fails until
someone translates them); entries no longer in the code are dropped.

Usage: scripts/i18n_extract.py [TS]   (then pyside6-lrelease compiles the .qm; scripts/i18n.sh)
"""

from __future__ import annotations

import ast
import sys
import xml.etree.ElementTree as ET
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TS = ROOT / "resources" / "i18n" / "mediation_desk_zh_CN.ts"


@dataclass(frozen=True)
class Message:
    context: str
    source: str
    comment: str
    numerus: bool


def _text(node: ast.expr) -> str | None:
    return node.value if isinstance(node, ast.Constant) and isinstance(node.value, str) else None


def _is_translate(func: ast.expr) -> bool:
    return (isinstance(func, ast.Name) and func.id == "translate") or (
        isinstance(func, ast.Attribute) and func.attr == "translate"
        and isinstance(func.value, ast.Name) and func.value.id == "QCoreApplication")


def messages_in(path: Path) -> list[Message]:
    """The translatable calls of one module, in source order."""
    found = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if not (isinstance(node, ast.Call) and _is_translate(node.func)) or len(node.args) < 2:
            continue
        context, source = _text(node.args[0]), _text(node.args[1])
        if context is None or source is None:
            continue
        comment = _text(node.args[2]) if len(node.args) > 2 else None
        numerus = len(node.args) > 3 or any(k.arg == "n" for k in node.keywords)
        found.append(Message(context, source, comment or "", numerus))
    return found


def messages(root: Path = ROOT) -> list[Message]:
    """Every translatable call under ``ui/``: one entry per (context, source, comment)."""
    seen: dict[tuple[str, str, str], Message] = {}
    for path in sorted((root / "ui").rglob("*.py")):
        for m in messages_in(path):
            key = (m.context, m.source, m.comment)
            if key not in seen or m.numerus:
                seen[key] = m
    return list(seen.values())


def _existing(ts: Path) -> dict[tuple[str, str, str], str]:
    """Translations already made: (context, source, comment) → Chinese text."""
    if not ts.exists():
        return {}
    out = {}
    for ctx in ET.parse(ts).getroot().iter("context"):
        name = ctx.findtext("name") or ""
        for msg in ctx.iter("message"):
            tr = msg.find("translation")
            if tr is None or tr.get("type") in ("unfinished", "vanished", "obsolete"):
                continue
            forms = [f.text or "" for f in tr.iter("numerusform")]
            text = forms[0] if forms else (tr.text or "")
            if text:
                out[(name, msg.findtext("source") or "", msg.findtext("comment") or "")] = text
    return out


def write_ts(ts: Path, found: list[Message]) -> tuple[int, int]:
    """Write the catalogue; returns (entries, unfinished)."""
    done = _existing(ts)
    root = ET.Element("TS", version="2.1", language="zh_CN")
    by_context: dict[str, list[Message]] = {}
    for m in found:
        by_context.setdefault(m.context, []).append(m)
    unfinished = 0
    for name in sorted(by_context):
        ctx = ET.SubElement(root, "context")
        ET.SubElement(ctx, "name").text = name
        for m in sorted(by_context[name], key=lambda m: (m.source, m.comment)):
            msg = ET.SubElement(ctx, "message", numerus="yes") if m.numerus \
                else ET.SubElement(ctx, "message")
            ET.SubElement(msg, "source").text = m.source
            if m.comment:
                ET.SubElement(msg, "comment").text = m.comment
            text = done.get((m.context, m.source, m.comment))
            tr = ET.SubElement(msg, "translation")
            if text is None:
                tr.set("type", "unfinished")
                unfinished += 1
            if m.numerus:
                ET.SubElement(tr, "numerusform").text = text or ""
            else:
                tr.text = text or ""
    tree = ET.ElementTree(root)
    ET.indent(tree, space="    ")
    with ts.open("wb") as f:
        f.write(b'<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE TS>\n')
        tree.write(f, encoding="utf-8", xml_declaration=False)
        f.write(b"\n")
    return len(found), unfinished


if __name__ == "__main__":
    target = Path(sys.argv[1]) if len(sys.argv) > 1 else TS
    total, open_ = write_ts(target, messages())
    print(f"i18n: {total} entries, {open_} to translate in {target}", file=sys.stderr)
