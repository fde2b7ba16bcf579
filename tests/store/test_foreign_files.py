"""Never write to what is not ours (issue 11, item 4): a file that is not a register — another
program's SQLite database (rollback journal or WAL), a zero-byte file, a text file, a folder —
is refused with exit 4 and a clear message, and left byte for byte as it was: no schema, no
switch to WAL, no -wal/-shm left behind.

Before: opening any SQLite file wrote the app's schema into it and switched it to WAL."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from mediation_desk.errors import StoreUnavailable
from mediation_desk.services.safety.accounts import open_register
from mediation_desk.store.database import Store
from tests.conftest import PASSWORD
from tests.safety_support import file_state, run_cli


def _other_apps_database(path: Path, wal: bool) -> None:
    conn = sqlite3.connect(path)
    if wal:
        conn.execute("PRAGMA journal_mode=wal")
    conn.execute("CREATE TABLE contacts (name TEXT, phone TEXT)")
    conn.execute("INSERT INTO contacts VALUES ('张三', '13912345678')")
    conn.commit()
    conn.close()


def _make(kind: str, folder: Path) -> Path:
    path = folder / "register.db"
    if kind == "sqlite":
        _other_apps_database(path, wal=False)
    elif kind == "sqlite-wal":
        _other_apps_database(path, wal=True)
    elif kind == "empty":
        path.write_bytes(b"")
    elif kind == "text":
        path.write_text("调解室联系人\n张三 13912345678\n", encoding="utf-8")
    elif kind == "ours-in-name-only":  # an SQLite file with a table called "case" only
        conn = sqlite3.connect(path)
        conn.execute('CREATE TABLE "case" (id TEXT)')
        conn.commit()
        conn.close()
    return path


KINDS = ["sqlite", "sqlite-wal", "empty", "text", "ours-in-name-only"]


@pytest.mark.parametrize("kind", KINDS)
def test_the_store_refuses_and_leaves_the_file_as_it_was(kind: str, tmp_path: Path) -> None:
    path = _make(kind, tmp_path)
    before = file_state(tmp_path)
    with pytest.raises(StoreUnavailable, match="不是调解工作台的数据库"):
        Store.open(path, None)
    with pytest.raises(StoreUnavailable):
        open_register(path, "admin", PASSWORD)
    assert file_state(tmp_path) == before


@pytest.mark.parametrize("kind", ["sqlite", "empty", "text"])
def test_the_command_line_exits_4_and_writes_nothing(kind: str, tmp_path: Path) -> None:
    path = _make(kind, tmp_path)
    before = file_state(tmp_path)
    for command in (["cases"], ["verify"], ["backup", "--out", str(tmp_path / "b" / "x.db")]):
        result = run_cli(path, *command)
        assert result.returncode == 4, (command, result.stderr)
        assert "不是调解工作台的数据库" in result.stderr
    assert file_state(tmp_path) == before
    assert not (tmp_path / "b" / "x.db").exists()


def test_a_folder_given_as_the_register_is_refused(tmp_path: Path) -> None:
    folder = tmp_path / "register.db"
    folder.mkdir()
    result = run_cli(folder, "cases")
    assert result.returncode == 4 and "文件夹" in result.stderr
    assert list(folder.iterdir()) == []


def test_a_register_beside_keys_that_are_not_its_own_is_refused(tmp_path: Path) -> None:
    """An unencrypted SQLite file with a ``.keys`` beside it: refused, untouched."""
    path = _make("sqlite", tmp_path)
    (tmp_path / "register.db.keys").write_text("{}", encoding="utf-8")
    before = file_state(tmp_path)
    result = run_cli(path, "cases")
    assert result.returncode == 4
    assert file_state(tmp_path) == before


HOT_JOURNAL = """
import os, signal, sys
import apsw
from mediation_desk.store.keys import key_pragma
conn = apsw.Connection(sys.argv[1])
conn.execute("PRAGMA key = " + key_pragma(bytes.fromhex(sys.argv[2])))
conn.execute("PRAGMA journal_mode=delete")
conn.execute("PRAGMA cache_size=1")  # spill pages: the journal is written before commit
conn.execute("BEGIN IMMEDIATE")
conn.execute("CREATE TABLE filler(x)")
conn.execute("INSERT INTO filler SELECT randomblob(1000) FROM (WITH RECURSIVE r(i) AS "
             "(SELECT 1 UNION ALL SELECT i + 1 FROM r WHERE i < 2000) SELECT i FROM r)")
os.kill(os.getpid(), signal.SIGKILL)
"""


def test_our_register_with_a_hot_journal_still_opens(tmp_path: Path) -> None:
    """Found by the restore kill test: a write killed in rollback-journal mode (the first
    switch to WAL after a restore) leaves a hot journal a read-only look cannot roll back.
    The register must still open — rolled back to its last commit, as SQLite does."""
    import subprocess
    import sys

    from mediation_desk.store.keys import KeyFile, keyfile_path
    from mediation_desk.store.models import Case
    from tests.safety_support import make_register

    path = tmp_path / "register.db"
    make_register(path, cases=1)
    key = KeyFile.load(keyfile_path(path)).unlock("admin", PASSWORD)
    subprocess.run([sys.executable, "-c", HOT_JOURNAL, str(path), key.hex()], check=False,
                   timeout=120)
    assert Path(str(path) + "-journal").exists()
    store, _ = open_register(path, "admin", PASSWORD)
    try:
        assert Case.select().count() == 1
        assert "filler" not in store.db.get_tables()
    finally:
        store.close()
