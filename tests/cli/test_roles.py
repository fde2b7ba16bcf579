"""The roles table (docs/roles.md, services/shared/permissions.py) walked through the installed
command line: every action, by the roles on each side of its boundary.

Before (issue 11): a mediator could run ``demo``, ``backup``, ``restore --force`` and
``retention due``. Each run gets a fresh copy of the register, so an allowed command (a
restore, an anonymisation attempt, a disabled account) cannot change what the next one sees.
"""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path

import pytest

from mediation_desk.services.shared.actor import ROLES
from mediation_desk.services.shared.permissions import ACTIONS
from mediation_desk.store.keys import keyfile_path
from tests.safety_support import make_register, run_cli, run_cli_json

DOCS = Path(__file__).resolve().parents[2] / "docs" / "roles.md"
NUMBER = "（2026）湖头人调字第1号"
CASE = {"received_on": "2026-11-02", "dispute_type": "邻里纠纷", "village": "湖二村",
        "parties": [{"side": "applicant", "name": "张喆"}, {"side": "respondent", "name": "李明"}]}

#: action → the command lines that do it ({tmp}: a scratch folder; {backup}: a backup pair).
COMMANDS: dict[str, list[list[str]]] = {
    "cases.read": [["cases"], ["show", NUMBER], ["search", "张喆"]],
    "print": [["print", "notice", NUMBER, "--out", "{tmp}/notice.pdf"]],
    "patrols": [["patrol", "schedule", "--from", "2026-12-01", "--to", "2026-12-31"]],
    "import": [["import", "{tmp}/cases.json"]],
    "export": [["export", "--out", "{tmp}/export.json"]],
    "backup": [["backup", "--out", "{tmp}/b/backup.db"], ["backups", "list"]],
    "backup.settings": [["backups", "keep", "--daily", "7"]],
    "restore": [["restore", "--force", "{backup}"]],
    "verify": [["verify"], ["audit", "verify"]],
    "settings": [["settings", "documents", "--phone", "0595-23456789"]],
    "retention.review": [["retention", "due"]],
    "retention.anonymise": [["retention", "anonymise", NUMBER]],
    "accounts": [["users", "list"], ["users", "disable", "chen"],
                 ["users", "add", "newbie", "--role", "mediator"]],
    "demo": [["demo", "--cases", "1"]],
    "sync.enroll": [["sync", "enroll", "巡查一号", "--out", "{tmp}/laptop.db"]],
    "sync.exchange": [["sync", "export", "--to", "{tmp}/stick"], ["sync", "import", "{tmp}"],
                      ["sync", "status"]],
    "sync.conflicts": [["sync", "conflicts"]],
}
PASSWORDS = {"admin": "secret-pass-1", "zhu": "zhu-pass-1", "lin": "lin-pass-1"}
USER_OF_ROLE = {"admin": "admin", "director": "zhu", "mediator": "lin"}


@pytest.fixture(scope="module")
def pristine(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    base = tmp_path_factory.mktemp("roles")
    db = base / "register.db"
    make_register(db, cases=1, users=(("zhu", "director"), ("lin", "mediator"),
                                      ("chen", "mediator")))
    backup = base / "backup.db"
    run_cli_json(db, "backup", "--out", str(backup))
    return db, backup


def _copy(pristine: Path, folder: Path) -> Path:
    folder.mkdir(parents=True)
    db = folder / "register.db"
    shutil.copyfile(pristine, db)
    shutil.copyfile(keyfile_path(pristine), keyfile_path(db))
    (folder / "cases.json").write_text(json.dumps([CASE], ensure_ascii=False), encoding="utf-8")
    return db


def _roles_to_walk(allowed: frozenset[str]) -> list[str]:
    """Every role refused, and the least role allowed (the boundary on both sides)."""
    refused = [r for r in ROLES if r not in allowed]
    least = next(r for r in ROLES if r in allowed)
    return [*refused, least]


def test_the_docs_table_is_the_permissions_table() -> None:
    rows = re.findall(r"^\| `([a-z.]+)` \| ([^|]+) \| ([✓✗]) \| ([✓✗]) \| ([✓✗]) \|",
                      DOCS.read_text(encoding="utf-8"), flags=re.M)
    documented = {key: (label.strip(), frozenset(r for r, mark in zip(ROLES, marks, strict=True)
                                                 if mark == "✓"))
                  for key, label, *marks in rows}
    assert documented == ACTIONS


def test_every_command_is_allowed_or_refused_by_role(pristine: tuple[Path, Path],
                                                     tmp_path: Path) -> None:
    assert set(COMMANDS) | {"cases.write"} == set(ACTIONS)  # cases.write: the window's
    db0, backup = pristine
    walked: list[str] = []
    for action, commands in COMMANDS.items():
        allowed = ACTIONS[action][1]
        for role in _roles_to_walk(allowed):
            for n, command in enumerate(commands):
                folder = tmp_path / f"{action}-{role}-{n}"
                db = _copy(db0, folder)
                args = [a.replace("{tmp}", str(folder)).replace("{backup}", str(backup))
                        for a in command]
                user = USER_OF_ROLE[role]
                result = run_cli(db, *args, user=user, password=PASSWORDS[user],
                                 env={"MEDIATION_DESK_NEW_PASSWORD": "new-pass-2026"})
                if role in allowed:
                    assert result.returncode != 3, (action, role, args, result.stderr)
                    assert result.returncode in (0, 1), (action, role, args, result.stderr)
                else:
                    assert result.returncode == 3, (action, role, args, result.stderr)
                    assert "只有" in result.stderr, result.stderr
                walked.append(f"{action}:{role}:{result.returncode}")
    print("\n" + " ".join(walked))
    refused = {w.split(":")[0] for w in walked if w.endswith(":3")}
    assert {"demo", "backup", "restore", "retention.review"} <= refused


def test_own_password_and_recovery_need_no_role(pristine: tuple[Path, Path],
                                                tmp_path: Path) -> None:
    db = _copy(pristine[0], tmp_path / "own")
    done = run_cli_json(db, "users", "passwd", "lin", user="lin", password="lin-pass-1",
                        env={"MEDIATION_DESK_NEW_PASSWORD": "lin-new-pass"})
    assert done["rekeyed"] is False
    other = run_cli(db, "users", "passwd", "zhu", user="lin", password="lin-new-pass",
                    env={"MEDIATION_DESK_NEW_PASSWORD": "hijacked-pass"})
    assert other.returncode == 3
