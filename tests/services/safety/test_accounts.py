"""Accounts and key slots: every account opens the same encrypted file; only admins manage."""

from __future__ import annotations

from pathlib import Path

import pytest

from mediation_desk.errors import PermissionDenied, StoreUnavailable, ValidationError
from mediation_desk.services.safety.accounts import (
    AccountService,
    RoomSettings,
    create_register,
    open_register,
)
from mediation_desk.services.shared.audit import verify_chain
from mediation_desk.store.keys import KeyFile, keyfile_path
from mediation_desk.store.models import AuditEvent
from tests.conftest import PASSWORD, ROOM, Register


def test_each_account_opens_the_register_with_its_own_password(register: Register) -> None:
    AccountService(register.store, register.actor).add("linchm", "mediator", "chunmei-2026",
                                                       "林春梅")
    register.store.close()
    assert KeyFile.load(keyfile_path(register.path)).usernames() == ["admin", "linchm"]
    store, actor = open_register(register.path, "linchm", "chunmei-2026")
    assert (actor.role, actor.name) == ("mediator", "林春梅")
    with pytest.raises(PermissionDenied, match="只有管理员"):
        AccountService(store, actor).add("other", "admin", "password-9")
    with pytest.raises(PermissionDenied):
        AccountService(store, actor).accounts()
    store.close()


def test_account_input_is_checked(register: Register) -> None:
    accounts = AccountService(register.store, register.actor)
    with pytest.raises(ValidationError, match="密码 至少8个字符"):
        accounts.add("short", "mediator", "1234")
    with pytest.raises(ValidationError, match="角色"):
        accounts.add("x", "boss", "password-1")
    with pytest.raises(ValidationError, match="“admin”已存在"):
        accounts.add("admin", "mediator", "password-1")
    assert [a.username for a in accounts.accounts()] == ["admin"]


def test_room_settings_are_checked(tmp_path: Path) -> None:
    with pytest.raises(ValidationError) as exc:
        create_register(tmp_path / "r.db", RoomSettings("", "委员会", "湖头", "第{seq}号"),
                        "admin", PASSWORD)
    text = str(exc.value)
    assert "调解室名称 不能为空" in text and "编号格式" in text
    assert not (tmp_path / "r.db").exists()


def test_create_refuses_to_overwrite(register: Register) -> None:
    with pytest.raises(StoreUnavailable, match="不会覆盖"):
        create_register(register.path, ROOM, "admin", PASSWORD)


def test_login_is_audited_and_chain_verifies(register: Register) -> None:
    register.store.close()
    store, _ = open_register(register.path, "admin", PASSWORD)
    assert AuditEvent.select().where(AuditEvent.action == "login").count() == 1
    assert verify_chain() is None
    # An event altered behind the app's back breaks the chain at that event.
    event = AuditEvent.select().order_by(AuditEvent.seq).first()
    store.execute("UPDATE audit_event SET detail = 'forged' WHERE id = ?", (event.id,))
    broken = verify_chain()
    assert broken is not None and f"第{event.seq}条" in broken
    store.close()


def test_audit_verify_finds_rows_edited_and_events_removed(register: Register) -> None:
    from mediation_desk.services.cases.intake import IntakeService
    from mediation_desk.services.safety.audit_check import verify_audit
    from tests.conftest import neighbour_draft

    IntakeService(register.store, register.actor).register(neighbour_draft())
    assert verify_audit(register.store) == []
    # A party renamed with a plain SQLite tool, behind the app's back.
    register.store.execute("UPDATE party SET name = '张三' WHERE name = '李明'")
    problems = verify_audit(register.store)
    assert any("当事人“张三”在程序之外被修改过" in p for p in problems)
    register.store.execute("UPDATE party SET name = '李明' WHERE name = '张三'")
    assert verify_audit(register.store) == []
    # The newest events deleted: noticed even after the next login appends to the chain.
    last = AuditEvent.select(AuditEvent.seq).order_by(AuditEvent.seq.desc()).first().seq
    register.store.execute("DELETE FROM audit_event WHERE seq > ?", (last - 2,))
    assert verify_audit(register.store)
    register.store.close()
    store, _ = open_register(register.path, "admin", PASSWORD)
    assert any("缺失" in p or "改动" in p for p in verify_audit(store))
    store.close()
