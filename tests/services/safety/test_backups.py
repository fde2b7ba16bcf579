"""Accounts' passwords and slots, automatic backups with rotation, restore of a backup."""

from __future__ import annotations

import os
from datetime import datetime, timedelta
from pathlib import Path

import pytest

from mediation_desk.errors import PermissionDenied, ValidationError, WrongPassword
from mediation_desk.services.cases.intake import IntakeService
from mediation_desk.services.safety.accounts import AccountService, open_register
from mediation_desk.services.safety.backups import auto_backup, list_backups
from mediation_desk.services.safety.restore import restore_backup
from mediation_desk.store.keys import KeyFile, keyfile_path
from mediation_desk.store.models import Case, Setting
from tests.conftest import PASSWORD, Register, neighbour_draft


def test_password_change_rewraps_only_that_slot(register: Register) -> None:
    accounts = AccountService(register.store, register.actor)
    accounts.add("linchm", "mediator", "chunmei-2026")
    before = KeyFile.load(keyfile_path(register.path)).slots["admin"]
    accounts.change_password("linchm", "new-chunmei-1")
    after = KeyFile.load(keyfile_path(register.path)).slots
    assert after["admin"] == before
    register.store.close()
    with pytest.raises(WrongPassword):
        open_register(register.path, "linchm", "chunmei-2026")
    store, actor = open_register(register.path, "linchm", "new-chunmei-1")
    own = AccountService(store, actor)
    with pytest.raises(WrongPassword, match="原密码不正确"):
        own.change_password("linchm", "another-pass", old_password="wrong")
    own.change_password("linchm", "another-pass", old_password="new-chunmei-1")
    with pytest.raises(PermissionDenied):
        own.change_password("admin", "hijacked-pass")
    assert own.verify_password("another-pass") and not own.verify_password("x")
    store.close()


def test_disabling_an_account_removes_its_slot(register: Register) -> None:
    accounts = AccountService(register.store, register.actor)
    accounts.add("chen", "mediator", "chen-pass-1")
    accounts.set_active("chen", False)
    assert "chen" not in KeyFile.load(keyfile_path(register.path)).usernames()
    with pytest.raises(ValidationError, match="不能停用自己的账户"):
        accounts.set_active("admin", False)
    register.store.close()
    with pytest.raises(WrongPassword):
        open_register(register.path, "chen", "chen-pass-1")


def test_daily_backup_rotates_and_restores(register: Register, tmp_path: Path) -> None:
    IntakeService(register.store, register.actor).register(neighbour_draft())
    folder = tmp_path / "usb"
    with register.store.write():  # point the daily backups at a USB stick, keep three
        Setting.create(key="backup_dir", value=f'"{folder}"')
        Setting.create(key="backup_keep", value="3")
    start = datetime(2026, 11, 1, 9, 0)
    for day in range(5):
        made = auto_backup(register.store, register.actor, start + timedelta(days=day))
        assert made is not None
        # list_backups orders by file time: make each look a day older than the next.
        stamp = (start + timedelta(days=day)).timestamp()
        os.utime(made, (stamp, stamp))
    assert auto_backup(register.store, register.actor, start + timedelta(days=4)) is None
    kept = list_backups(folder)
    assert [b.path.name for b in kept] == ["自动备份-20261105.db", "自动备份-20261104.db",
                                           "自动备份-20261103.db"]
    assert all(keyfile_path(b.path).exists() for b in kept)
    restored = restore_backup(kept[0].path, tmp_path / "restored.db", "admin", PASSWORD)
    store, _ = open_register(restored.path, "admin", PASSWORD)
    assert Case.select().count() == 1
    store.close()
