"""Structured garbage into the command line (issue 11, item 5), by Hypothesis.

Import files (JSON shaped like case documents with hostile values, raw bytes, ``.xlsx``
workbooks with hostile cells, broken zips, a zip bomb) and random arguments to every command
must end in exit 0–4 — never 5, never an exception — and a refusal must write nothing.

Why in-process: each example runs ``mediation_desk.cli.main.main(argv)``, the very function
the installed ``mediation-desk-cli`` script calls (checked below), so hundreds of examples fit
in a minute; starting a Python process per example would take ten times as long. The named
hostile inputs of the issue also run through the installed script (test_hostile_input.py).
The register's account has a cheap key slot (tests/safety_support.py) for the same reason.
"""

from __future__ import annotations

import io
import json
import math
import os
import shutil
import zipfile
from collections.abc import Iterator
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from mediation_desk.cli.main import main
from mediation_desk.services.safety.accounts import open_register
from mediation_desk.store.keys import keyfile_path
from mediation_desk.store.models import Agreement, AuditEvent, Case, Party, PatrolPlan, Record
from tests.conftest import PASSWORD
from tests.safety_support import CLI, make_register

FUZZ = settings(max_examples=40, deadline=None, database=None, derandomize=True,
                suppress_health_check=[HealthCheck.function_scoped_fixture,
                                       HealthCheck.too_slow])
NUMBER = "（2026）湖头人调字第1号"


@pytest.fixture(scope="module")
def pristine(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("fuzz-pristine") / "register.db"
    make_register(path, cases=2, users=(("chen", "mediator"),))
    return path


@pytest.fixture(scope="module")
def room(pristine: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A working copy the fuzzing may change through commands that succeed."""
    folder = tmp_path_factory.mktemp("fuzz")
    db = folder / "register.db"
    shutil.copyfile(pristine, db)
    shutil.copyfile(keyfile_path(pristine), keyfile_path(db))
    (folder / "out").mkdir()
    (folder / "a-folder").mkdir()
    # A device as --out, reached through a link: a regression replaces the link, never the
    # machine's /dev/null (an earlier version of the fuzz list named /dev/null itself).
    (folder / "null").symlink_to(os.devnull)
    return db


@pytest.fixture(autouse=True)
def secrets_in_env(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    monkeypatch.setenv("MEDIATION_DESK_PASSWORD", PASSWORD)
    monkeypatch.setenv("MEDIATION_DESK_NEW_PASSWORD", "fuzz-new-pass-1")
    monkeypatch.setenv("MEDIATION_DESK_RECOVERY_KEY", "AAAA-BBBB")
    monkeypatch.delenv("MEDIATION_DESK_USER", raising=False)
    yield


def fingerprint(db: Path) -> tuple[Any, ...]:
    """What a refused command must leave unchanged: the rows that matter, every audit event
    other than logins, the key slots and the files beside the register."""
    store, _ = open_register(db, "admin", PASSWORD)
    try:
        counts = tuple(m.select().count() for m in (Case, Party, Record, Agreement, PatrolPlan))
        events = AuditEvent.select().where(AuditEvent.action != "login").count()
    finally:
        store.close()
    files = sorted(p.name for p in db.parent.iterdir() if p.name != "out")
    return counts, events, keyfile_path(db).read_bytes(), files


def run(db: Path, argv: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str]:
    before = fingerprint(db)
    code = main(["--db", str(db), *argv])
    err = capsys.readouterr().err
    assert code in (0, 1, 2, 3, 4), (argv, code, err)
    assert "Traceback" not in err, (argv, err)
    if code != 0:
        assert fingerprint(db) == before, (argv, code, err)
    return code, err


# -- hostile values ---------------------------------------------------------------------------
HOSTILE_TEXT = st.one_of(
    st.text(max_size=30),
    st.sampled_from(["", " ", "张\u202e三", "\x1b[31m红\x1b[0m", "\ud800", "a\x00b", "湖" * 600,
                     "第9223372036854775807号", "0001-01-01", "9999-12-31", "NaN", "-1",
                     "1e309", "9" * 60, "../../etc/passwd", "\u2066隔离\u2069", "𠮷"]),
)
HOSTILE_NUMBER = st.one_of(
    st.integers(min_value=-10**6, max_value=10**6), st.integers(), st.floats(),
    st.sampled_from([10**30, -(10**30), 9223372036854775807, 2**63]))
DATES = st.one_of(st.dates(min_value=date(1, 1, 1), max_value=date(9999, 12, 31)).map(str),
                  HOSTILE_TEXT)


def _scalar() -> st.SearchStrategy[Any]:
    return st.one_of(st.none(), st.booleans(), HOSTILE_NUMBER, HOSTILE_TEXT)


PARTY = st.fixed_dictionaries({}, optional={
    "side": st.sampled_from(["applicant", "respondent", "third_party", "x"]),
    "kind": st.sampled_from(["person", "organization", "robot"]),
    "name": HOSTILE_TEXT, "id_number": HOSTILE_TEXT, "phone": HOSTILE_TEXT,
    "birth_date": DATES, "gender": HOSTILE_TEXT, "address": HOSTILE_TEXT})
CASE_DOC = st.fixed_dictionaries({
    "received_on": st.one_of(st.just("2026-11-02"), DATES),
    "dispute_type": st.one_of(st.just("邻里纠纷"), HOSTILE_TEXT),
    "parties": st.one_of(
        st.just([{"side": "applicant", "name": "张喆"}, {"side": "respondent", "name": "李明"}]),
        st.lists(PARTY, max_size=3), _scalar()),
}, optional={
    "number": HOSTILE_TEXT, "village": HOSTILE_TEXT, "summary": HOSTILE_TEXT,
    "amount_involved": st.one_of(HOSTILE_TEXT, HOSTILE_NUMBER),
    "people_involved": st.one_of(HOSTILE_NUMBER, HOSTILE_TEXT),
    "risk_level": HOSTILE_TEXT, "procedure": HOSTILE_TEXT, "requests": st.lists(_scalar(),
                                                                                max_size=3),
    "records": st.lists(st.fixed_dictionaries({"kind": HOSTILE_TEXT, "at": DATES,
                                               "body": HOSTILE_TEXT}), max_size=2),
    "agreement": st.one_of(_scalar(), st.fixed_dictionaries({
        "form": HOSTILE_TEXT, "reached_on": DATES,
        "terms": st.lists(st.fixed_dictionaries({
            "text": HOSTILE_TEXT, "obligor": HOSTILE_TEXT,
            "amount": st.one_of(HOSTILE_TEXT, HOSTILE_NUMBER), "due_on": DATES}),
            max_size=2)})),
})
JSON_TREE = st.recursive(_scalar(), lambda inner: st.one_of(
    st.lists(inner, max_size=4), st.dictionaries(HOSTILE_TEXT, inner, max_size=4)), max_leaves=12)


def _json_text(value: Any) -> str:
    try:
        return json.dumps(value, ensure_ascii=False, allow_nan=True)
    except (UnicodeEncodeError, ValueError):
        return json.dumps(value, ensure_ascii=True, allow_nan=True)


def _write_text(path: Path, text: str) -> None:
    path.write_bytes(text.encode("utf-8", "surrogatepass"))


# -- import: JSON --------------------------------------------------------------------------------
@FUZZ
@given(doc=st.one_of(st.lists(CASE_DOC, min_size=1, max_size=3), CASE_DOC, JSON_TREE),
       wrapper=st.sampled_from(["plain", "nested", "raw"]))
def test_import_json_garbage(room: Path, capsys: pytest.CaptureFixture[str], doc: Any,
                             wrapper: str) -> None:
    path = room.parent / "out" / "fuzz.json"
    if wrapper == "nested":
        doc = {"a": [doc] * 2, "b": [[[[doc]]]]}
    text = _json_text(doc)
    if wrapper == "raw":
        text = text[: len(text) // 2] + "\ud800" + text[len(text) // 2:]
    _write_text(path, text)
    run(room, ["import", str(path)], capsys)


@FUZZ
@given(data=st.binary(max_size=300))
def test_import_raw_bytes(room: Path, capsys: pytest.CaptureFixture[str], data: bytes) -> None:
    for suffix in (".json", ".xlsx"):
        path = room.parent / "out" / f"bytes{suffix}"
        path.write_bytes(data)
        run(room, ["import", str(path)], capsys)


# -- import: Excel -------------------------------------------------------------------------------
HEADERS = ["受理日期", "纠纷类型", "申请人", "被申请人", "涉及金额", "涉及人数", "案件编号", "村（社区）"]
CELL = st.one_of(st.none(), HOSTILE_NUMBER, HOSTILE_TEXT.map(lambda t: t[:200]),
                 st.dates(min_value=date(1900, 1, 1), max_value=date(9999, 12, 31)))


def _xlsx(rows: list[list[Any]]) -> bytes:
    from openpyxl import Workbook

    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.append(HEADERS)
    for row in rows:
        cells = []
        for value in row:
            if isinstance(value, str):  # what an .xlsx can hold at all
                value = "".join(c for c in value if c.isprintable() and
                                not 0xD800 <= ord(c) <= 0xDFFF)
            if isinstance(value, float) and not math.isfinite(value):
                value = str(value)
            if isinstance(value, int) and abs(value) > 10**15:
                value = str(value)
            cells.append(value)
        sheet.append(cells)
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


@FUZZ
@given(rows=st.lists(st.lists(CELL, min_size=len(HEADERS), max_size=len(HEADERS)),
                     min_size=1, max_size=4),
       damage=st.sampled_from(["none", "truncate", "flip"]))
def test_import_xlsx_garbage(room: Path, capsys: pytest.CaptureFixture[str],
                             rows: list[list[Any]], damage: str) -> None:
    data = _xlsx(rows)
    if damage == "truncate":
        data = data[: len(data) // 2]
    elif damage == "flip":
        middle = len(data) // 2
        data = data[:middle] + bytes(b ^ 0xFF for b in data[middle:middle + 64]) \
            + data[middle + 64:]
    path = room.parent / "out" / "fuzz.xlsx"
    path.write_bytes(data)
    run(room, ["import", str(path)], capsys)


def test_import_a_zip_bomb(room: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """A sheet that unpacks from about half a megabyte to 600 MB is refused before any of
    it is unpacked (the limit is 200 MB), quickly and within memory."""
    import time
    import tracemalloc

    path = room.parent / "out" / "bomb.xlsx"
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        with archive.open("xl/worksheets/sheet1.xml", "w", force_zip64=True) as sheet:
            block = b"<row>" + b" " * (1 << 20) + b"</row>"
            for _ in range(600):
                sheet.write(block)
    assert path.stat().st_size < 5 * 1024 * 1024
    tracemalloc.start()
    started = time.perf_counter()
    code, err = run(room, ["import", str(path)], capsys)
    seconds = time.perf_counter() - started
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    assert code == 1 and "压缩炸弹" in err
    assert seconds < 30 and peak < 100 * 1024 * 1024, (seconds, peak)


# -- every command -------------------------------------------------------------------------------
def _paths(room: Path) -> st.SearchStrategy[str]:
    folder = room.parent
    return st.sampled_from([str(folder / "out" / "x.json"), str(folder / "missing" / "x.pdf"),
                            str(folder / "a-folder"), str(room), str(folder / "out"),
                            str(folder / "out" / "b.db"), str(folder / "null"), ""])


def _commands(room: Path) -> st.SearchStrategy[list[str]]:
    path, text, when = _paths(room), HOSTILE_TEXT, DATES
    number = st.one_of(st.just(NUMBER), text)
    small = st.one_of(st.sampled_from(["-1", "0", "1", "2", "99999999999", "x", "1e3"]),
                      st.integers(min_value=-5, max_value=3).map(str))

    def cmd(*parts: st.SearchStrategy[str] | str) -> st.SearchStrategy[list[str]]:
        return st.tuples(*(st.just(p) if isinstance(p, str) else p for p in parts)).map(list)

    return st.one_of(
        cmd("cases"), cmd("cases", "--year", small), cmd("cases", "--year", text),
        cmd("cases", "--status", text), cmd("cases", "--village", text),
        cmd("show", number), cmd("search", text), cmd("export", "--out", path),
        cmd("export", "--out", path, number), cmd("import", path),
        cmd("print", st.sampled_from(["notice", "cover", "dossier", "x"]), number, "--out", path),
        cmd("patrol", "schedule", "--from", when, "--to", when),
        cmd("patrol", "export-ics", "--from", when, "--to", when, "--out", path),
        cmd("patrol", "print", "--month", text, "--out", path),
        cmd("patrol", "counts", "--month", st.one_of(text, st.just("0000-01"))),
        cmd("patrol", "plan-add", path), cmd("patrol", "visit-add", path),
        cmd("patrol", "to-case", text), cmd("patrol", "findings", "--risk", text),
        cmd("backup", "--out", path), cmd("backups", "list"),
        cmd("backups", "keep", "--daily", small, "--import", small),
        cmd("restore", path), cmd("restore", "--force", path),
        cmd("verify"), cmd("audit", "verify"), cmd("retention", "due"),
        cmd("retention", "anonymise", number),
        cmd("users", "list"), cmd("users", "add", text, "--role",
                                  st.sampled_from(["mediator", "admin", "boss"])),
        cmd("users", "disable", st.one_of(text, st.just("admin"))),
        cmd("users", "enable", text),
        cmd("settings", "documents", "--phone", text), cmd("settings", "documents", "--font", path),
        cmd("demo", "--cases", small), cmd("demo", "--cases", "1", "--seed", small),
        cmd("init", "--room", text, "--committee", text, "--number-prefix", text,
            "--admin", text),
        cmd("sync", "enroll", text, "--out", path),
        cmd("sync", "enroll", text, "--out", path, "--block", small),
        cmd("sync", "export", "--to", path), cmd("sync", "import", path),
        cmd("sync", "conflicts"), cmd("sync", "status"),
        cmd("sync", "resolve", text, "--keep", st.sampled_from(["mine", "theirs", "merged", "x"]),
            "--value", text),
        cmd(text), cmd("--json", "cases", "--type", text),
        cmd("edit", number, st.one_of(text, st.sampled_from(
            ["amount_involved=1e400", "people_involved=-3", "title=", "risk_level=x",
             "group_dispute=maybe", "x=1", "="]))),
        cmd("history", number), cmd("attach", number, path), cmd("attachments", number),
        cmd("attachment", "get", text, "--out", path),
        cmd("attachment", "limit", small),
        cmd("review", "list"), cmd("review", "done", number),
        cmd("report", "monthly", "--month", st.one_of(text, st.sampled_from(
            ["0000-01", "9999-12", "2026-13", "2026-00"]))),
        cmd("report", "monthly", "--year", st.one_of(text, small, st.just("0000"))),
        cmd("report", "monthly", "--quarter", st.one_of(text, st.just("2026-Q5"))),
        cmd("report", "monthly", "--from", when, "--to", when),
        cmd("report", "monthly", "--month", "2026-11", "--xlsx", path, "--pdf", path),
        cmd("report", "cases", text, "--month", "2026-11"), cmd("report", "brief", number, "--out", path),
        cmd("report", "disclosure", "--month", text, "--out", path),
        cmd("petition", "add", path), cmd("petition", "list", "--status", text),
        cmd("petition", "list", "--overdue", "--department", text, "--category", text),
        cmd("petition", "show", text), cmd("petition", "to-case", text),
        cmd("petition", "assess", text, "--route", text, "--note", text, "--risk", text),
        cmd("petition", "assign", text, "--to", text, "--due", when),
        cmd("petition", "extend", text, "--days", small, "--reason", text),
        cmd("petition", "reply", text, "--text", text, "--on", when),
        cmd("petition", "close", text, "--satisfaction", text),
        cmd("petition", "print", st.sampled_from(["registration", "supervision", "answer", "x"]),
            text, "--out", path),
    )


@pytest.fixture(scope="module")
def commands(room: Path) -> st.SearchStrategy[list[str]]:
    return _commands(room)


@settings(max_examples=120, deadline=None, database=None, derandomize=True,
          suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
@given(data=st.data())
def test_every_command_with_hostile_arguments(room: Path, commands: st.SearchStrategy[list[str]],
                                              capsys: pytest.CaptureFixture[str],
                                              data: st.DataObject) -> None:
    argv = data.draw(commands)
    run(room, argv, capsys)


@pytest.mark.slow
@settings(max_examples=600, deadline=None, database=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
@given(data=st.data())
def test_every_command_longer(room: Path, commands: st.SearchStrategy[list[str]],
                              capsys: pytest.CaptureFixture[str], data: st.DataObject) -> None:
    run(room, data.draw(commands), capsys)


def test_the_installed_script_runs_this_main() -> None:
    """The in-process runs above test what the installed command runs."""
    text = Path(CLI).read_text(encoding="utf-8")
    assert "from mediation_desk.cli.main import main" in text
