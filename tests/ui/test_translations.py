"""The Chinese translation is complete and compiled (architecture.md §5).

Fails on any unfinished or missing entry: a new English string in ui/ must be translated in
resources/i18n/mediation_desk_zh_CN.ts (run scripts/i18n.sh, then translate) before it lands.
"""

from __future__ import annotations

import importlib.util
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent.parent
TS = ROOT / "resources" / "i18n" / "mediation_desk_zh_CN.ts"
QM = TS.with_suffix(".qm")
BIN = Path(sys.executable).parent


def _tool(name: str) -> str:
    found = shutil.which(name, path=str(BIN)) or shutil.which(name)
    assert found, f"{name} not found (it comes with PySide6-Essentials)"
    return found


def _entries(ts: Path) -> dict[tuple[str, str], ET.Element]:
    tree = ET.parse(ts)
    return {(ctx.findtext("name") or "", msg.findtext("source") or ""): msg
            for ctx in tree.getroot().iter("context") for msg in ctx.iter("message")}


def test_every_entry_is_translated() -> None:
    unfinished = []
    for (context, source), message in _entries(TS).items():
        translation = message.find("translation")
        assert translation is not None
        forms = [f.text for f in translation.iter("numerusform")] or [translation.text]
        if translation.get("type") in ("unfinished", "vanished", "obsolete") or not all(forms):
            unfinished.append(f"{context}: {source}")
    assert unfinished == []


def _extractor():  # type: ignore[no-untyped-def]
    spec = importlib.util.spec_from_file_location("i18n_extract",
                                                  ROOT / "scripts" / "i18n_extract.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    sys.modules["i18n_extract"] = module
    spec.loader.exec_module(module)
    return module


def test_every_ui_string_is_in_the_ts_file() -> None:
    """Every translate() call of ui/ has its entry, a count-taking one as a plural entry."""
    extract = _extractor()
    entries = _entries(TS)
    missing = [f"{m.context}: {m.source}" for m in extract.messages(ROOT)
               if (m.context, m.source) not in entries]
    assert missing == [], "run scripts/i18n.sh and translate: " + repr(missing[:10])
    singular = [f"{m.context}: {m.source}" for m in extract.messages(ROOT)
                if m.numerus and entries[(m.context, m.source)].get("numerus") != "yes"]
    assert singular == []


def test_the_extractor_sees_calls_lupdate_missed(tmp_path: Path) -> None:
    """A count given by a call, and a call over several lines (pyside6-lupdate 6.11 lost
    the first and wrote every count as a plain message)."""
    source = tmp_path / "view.py"
    source.write_text('translate("V", "%n file(s) added.", None,\n          len(ids))\n'
                      'translate("V",\n          "Plain")\n', encoding="utf-8")
    found = _extractor().messages_in(source)
    assert [(m.context, m.source, m.numerus) for m in found] == [
        ("V", "%n file(s) added.", True), ("V", "Plain", False)]


def test_qm_is_compiled_from_the_ts_file(tmp_path: Path) -> None:
    fresh = tmp_path / "fresh.qm"
    subprocess.run([_tool("pyside6-lrelease"), str(TS), "-qm", str(fresh)], check=True,
                   capture_output=True)
    assert QM.read_bytes() == fresh.read_bytes(), "run scripts/i18n.sh to recompile the .qm"


def test_the_window_speaks_chinese(qapp: object) -> None:
    from ui.i18n import translate

    assert translate("Actions", "&New case…") != "&New case…"
    assert translate("MainWindow", "Register") != "Register"


#: Contexts whose strings sit on different pages or dialogs, where a letter may repeat.
MULTI_PAGE_CONTEXTS = {"SetupWizard"}


def test_no_two_chinese_shortcuts_share_a_letter_in_one_window() -> None:
    """Alt+letter must reach one field: a mediator working by keyboard otherwise lands in
    the wrong box. One context is (nearly always) one window or page."""
    import re
    from collections import defaultdict

    clashes = []
    for context in ET.parse(TS).getroot().iter("context"):
        name = context.findtext("name") or ""
        if name in MULTI_PAGE_CONTEXTS:
            continue
        by_letter: dict[str, list[str]] = defaultdict(list)
        for message in context.iter("message"):
            translation = message.find("translation")
            assert translation is not None
            text = "".join(translation.itertext())
            for letter in re.findall(r"\(&(\w)\)", text):
                by_letter[letter.upper()].append(text)
        clashes += [f"{name} Alt+{k}: {v}" for k, v in by_letter.items() if len(set(v)) > 1]
    assert not clashes, "\n".join(clashes)
