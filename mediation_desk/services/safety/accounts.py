"""Creating a register, logging in, and managing accounts.

Why the password is checked by unlocking a key slot: for an encrypted register the only proof
that matters is that the password opens the database key; for an unencrypted one (demo, tests
of old files) the account's argon2 hash is checked instead. Either way a wrong password gives
the same message, which never says whether the account exists — nor does the time it takes:
an unknown name costs the same key derivation as a wrong password.

Why disabling an account, or a password change after a suspected leak, re-keys the register
(services/safety/rekey.py): a removed slot alone leaves an old copy of ``.keys`` opening the
file with the old password. The recovery key (the director's paper) opens a slot of its own:
``recover_account`` uses it to give a locked-out account a new password.
"""

from __future__ import annotations

import contextlib
import json
from dataclasses import dataclass
from pathlib import Path

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError

from mediation_desk.domain.case_number import DEFAULT_PATTERN, validate_pattern
from mediation_desk.domain.limits import text_problem
from mediation_desk.errors import (
    DomainError,
    Problem,
    StoreUnavailable,
    ValidationError,
    WrongPassword,
)
from mediation_desk.services.safety.rekey import Rekeyed, pending_path, rekey, settle_pending
from mediation_desk.services.settings.dictionaries import seed_defaults
from mediation_desk.services.shared import audit, field_history
from mediation_desk.services.shared.actor import ROLE_LABELS, ROLES, Actor
from mediation_desk.services.shared.permissions import require
from mediation_desk.store.database import BUSY_TIMEOUT_MS, Store
from mediation_desk.store.files import refuse_odd_file
from mediation_desk.store.keys import (
    KeyFile,
    is_reserved_name,
    keyfile_path,
    new_database_key,
    new_recovery_key,
)
from mediation_desk.store.models import Account, Setting
from mediation_desk.store.swap import needs_settling, open_use

MIN_PASSWORD = 8
MAX_PASSWORD = 256
#: Screen-lock events on the audit trail, with the words the trail shows.
LOCK_ACTIONS = {"lock": "空闲锁定屏幕", "unlock": "解锁屏幕", "unlock_failed": "解锁失败：密码错误"}
_hasher = PasswordHasher()


@dataclass(frozen=True)
class RoomSettings:
    room: str
    committee: str
    number_prefix: str
    number_pattern: str = DEFAULT_PATTERN


#: What an unknown name is checked against in an unencrypted register: an argon2 hash made
#: once with PasswordHasher()'s parameters, so verifying it costs what a real one costs. Kept
#: as text, not hashed at import: that cost ~0.2 s on every start and every command-line run.
_DUMMY_HASH = "$argon2id$v=19$m=65536,t=3,p=4$sDdkbb1TbTpvfrRxc8zXDg$e+zsyZBqgUEob582DguHjxQXu9CpdBvWkI2C0cU6AyY"


def check_password(password: str, field: str = "密码") -> None:
    if len(password) < MIN_PASSWORD:
        raise ValidationError(Problem("", field, f"至少{MIN_PASSWORD}个字符"))
    if len(password) > MAX_PASSWORD:
        raise ValidationError(Problem("", field, f"最多{MAX_PASSWORD}个字符"))
    if any(0xD800 <= ord(c) <= 0xDFFF or ord(c) < 0x20 or ord(c) == 0x7F for c in password):
        raise ValidationError(Problem("", field, "含有无法保存的控制字符或不完整的字符"))


def check_username(username: str) -> None:
    if not username.strip() or any(c.isspace() for c in username) or len(username) > 40:
        raise ValidationError(Problem("", "用户名", "不能为空、不能含空格，最多40个字符"))
    if is_reserved_name(username):
        raise ValidationError(Problem("", "用户名", f"“{username}”是程序保留的名称，请换一个"))
    reason = text_problem(username, "name")
    if reason:
        raise ValidationError(Problem("", "用户名", reason))


def _actor(account: Account) -> Actor:
    return Actor(account.id, account.username, account.role, account.display_name)


def create_register(path: Path | str, settings: RoomSettings, admin: str, password: str, *,
                    encrypted: bool = True) -> tuple[Store, Actor, str | None]:
    """A new register with room settings and its administrator; returns the recovery key."""
    path = Path(path)
    problems = []
    for value, label in ((settings.room, "调解室名称"), (settings.committee, "调委会名称"),
                         (settings.number_prefix, "编号前缀")):
        if not value.strip():
            problems.append(Problem("", label, "不能为空"))
    try:
        validate_pattern(settings.number_pattern)
    except DomainError as exc:
        problems.append(Problem("", "编号格式", exc.reason))
    if problems:
        raise ValidationError(problems)
    check_username(admin)
    check_password(password)
    if path.exists():
        raise StoreUnavailable(f"数据库文件已存在，不会覆盖：{path}")
    path.parent.mkdir(parents=True, exist_ok=True)

    db_key = new_database_key() if encrypted else None
    recovery = new_recovery_key() if encrypted else None
    keyfile = None
    if db_key is not None and recovery is not None:
        keyfile = KeyFile.create(keyfile_path(path), db_key, recovery)
        keyfile.set_password(admin, password, db_key)
        # The slots first: a register file never exists without the keys that open it.
        keyfile.save()
    try:
        store = Store.open(path, db_key, create=True)
    except BaseException:
        keyfile_path(path).unlink(missing_ok=True)
        raise
    try:
        with store.write() as changes:
            account = Account.create(username=admin, display_name=admin, role="admin",
                                     password_hash=_hasher.hash(password))
            actor = _actor(account)
            room_settings: tuple[tuple[str, object], ...] = (
                ("room_name", settings.room),
                ("committee_name", settings.committee),
                ("number_prefix", settings.number_prefix),
                ("number_pattern", settings.number_pattern),
                ("mediation_days", 30),
            )
            for key, setting_value in room_settings:
                row = Setting.create(key=key,
                                     value=json.dumps(setting_value, ensure_ascii=False))
                audit.record(actor, "create", row, detail=key)
            audit.record(actor, "create", account, detail="管理员")
            seed_defaults(actor)
            changes.touch("settings")
    except BaseException:
        store.close()
        for leftover in (path, Path(str(path) + "-wal"), Path(str(path) + "-shm"),
                         keyfile_path(path)):
            leftover.unlink(missing_ok=True)
        raise
    return store, actor, recovery


def is_encrypted(path: Path | str) -> bool:
    return keyfile_path(Path(path)).exists()


def _unlock(path: Path, username: str, password: str) -> bytes:
    """The database key this account's password gives, settling a re-key a kill cut short
    (a ``.keys.pending`` beside the slots) and upgrading a first-format slot."""
    slots = KeyFile.load(keyfile_path(path))
    pending = pending_path(path)
    if pending.exists():
        db_key = pending_key = None
        with contextlib.suppress(WrongPassword):
            db_key = slots.unlock(username, password)
        with contextlib.suppress(WrongPassword, StoreUnavailable):
            pending_key = KeyFile.load(pending).unlock(username, password)
        return settle_pending(path, db_key, pending_key)
    db_key = slots.unlock(username, password)
    if slots.needs_upgrade(username):
        slots.set_password(username, password, db_key, slots.kdf_of(username))
        slots.save()
    return db_key


def open_register(path: Path | str, username: str, password: str, *,
                  busy_ms: int = BUSY_TIMEOUT_MS) -> tuple[Store, Actor]:
    """Open the register as ``username``; :class:`WrongPassword` if the password is wrong.
    ``busy_ms``: how long a write waits for another process's to end."""
    path = Path(path)
    if not path.exists() and not needs_settling(path):
        raise StoreUnavailable(f"数据库文件不存在：{path}")
    refuse_odd_file(path)
    # Held while the slots are read: no restore or re-key can change them meanwhile, and a
    # restore killed half-way is finished first.
    use = open_use(path)
    try:
        if not path.exists():
            raise StoreUnavailable(f"数据库文件不存在：{path}")
        db_key = _unlock(path, username, password) if is_encrypted(path) else None
        store = Store.open(path, db_key, busy_ms=busy_ms)
    except StoreUnavailable:
        use.discard()  # not a register: leave nothing beside it
        raise
    finally:
        use.close()
    try:
        account = Account.live().where(Account.username == username).first()
        if db_key is None:
            try:
                _hasher.verify(account.password_hash if account else _DUMMY_HASH, password)
            except (VerificationError, InvalidHashError) as exc:
                raise WrongPassword("用户名或密码不正确") from exc
        if account is None or not account.active:
            raise WrongPassword("用户名或密码不正确")
        actor = _actor(account)
        with store.write():
            audit.record(actor, "login", account)
    except BaseException:
        store.close()
        raise
    return store, actor


def recover_account(path: Path | str, username: str, recovery_key: str,
                    new_password: str) -> tuple[Store, Actor]:
    """Every password forgotten: the recovery key (the director's paper) opens the register,
    and ``username`` gets ``new_password``; audited. Returns the register opened as them."""
    path = Path(path)
    check_password(new_password, "新密码")
    if not path.exists() and not needs_settling(path):
        raise StoreUnavailable(f"数据库文件不存在：{path}")
    use = open_use(path)
    try:
        if not is_encrypted(path):
            raise ValidationError(Problem("", "恢复密钥", "这个数据库没有加密，没有恢复密钥"))
        slots = KeyFile.load(keyfile_path(path))
        db_key = slots.unlock_with_recovery(recovery_key)
        if pending_path(path).exists():
            pending_key = None
            with contextlib.suppress(WrongPassword, StoreUnavailable):
                pending_key = KeyFile.load(pending_path(path)).unlock_with_recovery(recovery_key)
            db_key = settle_pending(path, db_key, pending_key)
            slots = KeyFile.load(keyfile_path(path))
        store = Store.open(path, db_key)
    finally:
        use.close()
    try:
        account = Account.live().where(Account.username == username).first()
        if account is None:
            raise ValidationError(Problem("", "用户名", f"没有账户“{username}”"))
        if not account.active:
            raise ValidationError(Problem("", "用户名", f"账户“{username}”已停用，请先由管理员启用"))
        actor = _actor(account)
        with store.write() as changes:
            account.password_hash = _hasher.hash(new_password)
            account.save()
            audit.record(actor, "recover", account, detail="用恢复密钥重设密码")
            slots.set_password(username, new_password, db_key)
            slots.save()
            changes.touch("account")
    except BaseException:
        store.close()
        raise
    return store, actor


class AccountService:
    """Accounts of one register; only an administrator may change them."""

    def __init__(self, store: Store, actor: Actor) -> None:
        self.store = store
        self.actor = actor
        #: What the last re-key asked of people (a new recovery key to print, accounts that
        #: need a new password); the window shows it after its dialog closes.
        self.last_rekey: Rekeyed | None = None

    def _require_admin(self) -> None:
        require(self.actor, "accounts")

    def add(self, username: str, role: str, password: str, display_name: str = "") -> Account:
        self._require_admin()
        check_username(username)
        if role not in ROLES:
            raise ValidationError(Problem("", "角色", "应为 " + " / ".join(ROLES) + " 之一"))
        check_password(password)
        if Account.select().where(Account.username == username).exists():
            raise ValidationError(Problem("", "用户名", f"“{username}”已存在"))
        with self.store.write() as changes:
            account = Account.create(username=username, display_name=display_name or username,
                                     role=role, password_hash=_hasher.hash(password))
            audit.record(self.actor, "create", account, detail=ROLE_LABELS[role])
            if self.store.db_key is not None:
                keyfile = KeyFile.load(keyfile_path(self.store.path))
                keyfile.set_password(username, password, self.store.db_key)
                keyfile.save()
            changes.touch("account")
        return account

    def accounts(self) -> list[AccountView]:
        """Every account as a plain row (for `users list` and the window's user list)."""
        self._require_admin()
        return [AccountView(a.username, a.display_name, a.role, a.active)
                for a in Account.live().order_by(Account.username)]

    def change_password(self, username: str, new_password: str,
                        old_password: str | None = None, *, rekey_register: bool = False
                        ) -> Rekeyed | None:
        """A user changes their own password (old one required), or an administrator resets
        another's. Only that account's key slot is rewrapped — unless ``rekey_register``
        (the old password may be known to someone): then the register gets a new key, so an
        old ``.keys`` copy with the old password no longer opens it."""
        own = username == self.actor.username
        if not own:
            self._require_admin()
        elif old_password is None or not self.verify_password(old_password):
            raise WrongPassword("原密码不正确")
        check_password(new_password, "新密码")
        account = Account.live().where(Account.username == username).first()
        if account is None:
            raise ValidationError(Problem("", "用户名", f"没有账户“{username}”"))
        rekeyed = None
        if rekey_register:
            rekeyed = rekey(self.store, new_password=(username, new_password))
        with self.store.write() as changes:
            account.password_hash = _hasher.hash(new_password)
            account.save()
            audit.record(self.actor, "update", account,
                         detail="修改密码" + ("，数据库已更换密钥" if rekeyed else ""))
            if self.store.db_key is not None and rekeyed is None:
                keyfile = KeyFile.load(keyfile_path(self.store.path))
                keyfile.set_password(username, new_password, self.store.db_key)
                keyfile.save()
            changes.touch("account")
        self.last_rekey = rekeyed
        return rekeyed

    def set_active(self, username: str, active: bool) -> Rekeyed | None:
        """Disable an account — its slot is removed and the register re-keyed, so neither its
        password nor an old copy of ``.keys`` opens the file — or enable it again (it then
        needs a new password, see change_password)."""
        self._require_admin()
        if username == self.actor.username:
            raise ValidationError(Problem("", "用户名", "不能停用自己的账户"))
        account = Account.live().where(Account.username == username).first()
        if account is None:
            raise ValidationError(Problem("", "用户名", f"没有账户“{username}”"))
        if not active and account.role == "admin" and Account.live().where(
                Account.role == "admin", Account.active == True).count() <= 1:  # noqa: E712
            raise ValidationError(Problem("", "用户名", "至少要保留一个管理员账户"))
        rekeyed = None
        if not active and self.store.db_key is not None:
            rekeyed = rekey(self.store, drop={username})
        with self.store.write() as changes:
            before = field_history.snapshot(account)
            account.active = active
            account.save()
            field_history.record_edit(
                self.actor, account, field_history.diff(before, account, {"active": "启用"}),
                case_id=None, record=f"账户 {account.username}",
                detail="启用" if active else "停用，数据库已更换密钥")
            changes.touch("account")
        self.last_rekey = rekeyed
        return rekeyed

    def note_lock(self, action: str) -> None:
        """Put a screen lock, an unlock or a failed unlock on the audit trail: who left the
        register open, when, and whether someone tried passwords at the locked screen."""
        if action not in LOCK_ACTIONS:
            raise ValueError(action)
        with self.store.write():
            audit.record(self.actor, action, entity="account", entity_id=self.actor.account_id,
                         detail=LOCK_ACTIONS[action])

    def verify_password(self, password: str) -> bool:
        """Whether ``password`` is the current user's (unlocking after an idle lock)."""
        account = Account.get_or_none(Account.id == self.actor.account_id)
        if account is None:
            return False
        try:
            return bool(_hasher.verify(account.password_hash, password))
        except (VerificationError, InvalidHashError):
            return False


@dataclass(frozen=True)
class AccountView:
    username: str
    display_name: str
    role: str
    active: bool
