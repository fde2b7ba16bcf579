"""Key slots: one random database key, sealed once per account and once for recovery.

Why slots (architecture.md §6, as disk encryption does it): the database is encrypted with a
random 32-byte key; each account can recover it with its password, and a printed recovery
key for the director's safe can too. The slots live in a small JSON file beside the database
(``<db>.keys``), because they must be readable before the database can be opened. Without
that file an encrypted database cannot be opened, so every backup carries its own copy.

Why each slot holds a key *pair* (format 2): when an account is disabled, or a password may
have leaked, the database is re-keyed (``PRAGMA rekey``) so that an old copy of ``.keys`` and
an old password no longer open it. The new key must then reach every remaining account
without knowing their passwords. So each slot keeps an X25519 private key wrapped
(AES-256-GCM) by a key derived from the password (argon2id), and the database key *sealed* to
its public key: re-keying reseals the new key to every public key, no password needed.
Slots of the first format (the database key wrapped directly) still open; they are upgraded
when their owner logs in.

Unknown account names cost the same argon2id work as a wrong password (a dummy slot), so the
time of an answer does not tell which accounts exist.
"""

from __future__ import annotations

import base64
import binascii
import contextlib
import hashlib
import hmac
import json
import os
import secrets
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from argon2.low_level import Type, hash_secret_raw
from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey, X25519PublicKey
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.kdf.hkdf import HKDF

from mediation_desk.errors import StoreUnavailable, WrongPassword

FORMATS = ("mediation-desk/keyslots@1", "mediation-desk/keyslots@2")
FORMAT = FORMATS[-1]
RECOVERY_SLOT = "__recovery__"
KEY_BYTES = 32
#: Largest key-slot file read (a few hundred accounts fit in a few hundred KB).
MAX_KEYFILE_BYTES = 1 << 20
_RAW = serialization.Encoding.Raw
_WRONG = "用户名或密码不正确"


@dataclass(frozen=True)
class KdfParams:
    """argon2id cost: RFC 9106's second recommended setting (t=3, 64 MiB, 2 lanes)."""

    time_cost: int = 3
    memory_kib: int = 65536
    parallelism: int = 2

    def derive(self, secret: bytes, salt: bytes) -> bytes:
        return hash_secret_raw(
            secret, salt, self.time_cost, self.memory_kib, self.parallelism, KEY_BYTES, Type.ID
        )

    @classmethod
    def of(cls, slot: dict[str, Any]) -> KdfParams:
        """The cost stored in a slot, within bounds: a tampered file must not make the
        program allocate gigabytes or spin for hours."""
        params = cls(int(slot["t"]), int(slot["m"]), int(slot["p"]))
        if not (1 <= params.time_cost <= 10 and 8 <= params.memory_kib <= 1 << 20
                and 1 <= params.parallelism <= 16):
            raise ValueError("kdf parameters out of range")
        return params


def keyfile_path(db_path: Path) -> Path:
    return db_path.with_name(db_path.name + ".keys")


def new_database_key() -> bytes:
    return secrets.token_bytes(KEY_BYTES)


def new_recovery_key() -> str:
    """A recovery key a person can copy from paper: 8 groups of 4 base32 characters."""
    raw = base64.b32encode(secrets.token_bytes(20)).decode("ascii")
    return "-".join(raw[i : i + 4] for i in range(0, len(raw), 4))


def _normalize_recovery(text: str) -> bytes:
    return text.replace("-", "").replace(" ", "").upper().encode("ascii", "ignore")


def _b64(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii")


def _unb64(text: str) -> bytes:
    return base64.b64decode(text.encode("ascii"), validate=True)


def _wrap(kek: bytes, secret: bytes, label: str) -> dict[str, str]:
    nonce = secrets.token_bytes(12)
    return {"nonce": _b64(nonce), "wrapped": _b64(AESGCM(kek).encrypt(nonce, secret, label.encode()))}


def _unwrap(kek: bytes, slot: dict[str, Any], label: str) -> bytes:
    try:
        return AESGCM(kek).decrypt(_unb64(slot["nonce"]), _unb64(slot["wrapped"]), label.encode())
    except InvalidTag as exc:
        raise WrongPassword(_WRONG) from exc


def _seal_kek(shared: bytes, label: str, ephemeral: bytes, public: bytes) -> bytes:
    info = b"mediation-desk/seal|" + label.encode() + b"|" + ephemeral + public
    return HKDF(hashes.SHA256(), KEY_BYTES, salt=None, info=info).derive(shared)


def _seal(public: bytes, db_key: bytes, label: str) -> dict[str, str]:
    """The database key encrypted to ``public`` (ephemeral X25519, HKDF, AES-GCM)."""
    ephemeral = X25519PrivateKey.generate()
    eph_public = ephemeral.public_key().public_bytes(_RAW, serialization.PublicFormat.Raw)
    shared = ephemeral.exchange(X25519PublicKey.from_public_bytes(public))
    nonce = secrets.token_bytes(12)
    sealed = AESGCM(_seal_kek(shared, label, eph_public, public)).encrypt(
        nonce, db_key, label.encode())
    return {"eph": _b64(eph_public), "nonce": _b64(nonce), "ct": _b64(sealed)}


def _unseal(private_raw: bytes, slot: dict[str, Any], label: str) -> bytes:
    private = X25519PrivateKey.from_private_bytes(private_raw)
    public = private.public_key().public_bytes(_RAW, serialization.PublicFormat.Raw)
    box = slot["sealed"]
    eph_public = _unb64(box["eph"])
    shared = private.exchange(X25519PublicKey.from_public_bytes(eph_public))
    try:
        return AESGCM(_seal_kek(shared, label, eph_public, public)).decrypt(
            _unb64(box["nonce"]), _unb64(box["ct"]), label.encode())
    except InvalidTag as exc:
        raise StoreUnavailable("密钥文件已损坏：密钥槽内容对不上") from exc


def _key_pair_slot(kek: bytes, db_key: bytes, label: str) -> dict[str, Any]:
    private = X25519PrivateKey.generate()
    private_raw = private.private_bytes(_RAW, serialization.PrivateFormat.Raw,
                                        serialization.NoEncryption())
    public = private.public_key().public_bytes(_RAW, serialization.PublicFormat.Raw)
    slot: dict[str, Any] = {"v": 2, "public": _b64(public), "sealed": _seal(public, db_key, label)}
    slot.update(_wrap(kek, private_raw, label))
    return slot


def _open_slot(kek: bytes, slot: dict[str, Any], label: str) -> bytes:
    """The database key from a slot whose key-encryption key is ``kek``."""
    secret = _unwrap(kek, slot, label)
    return _unseal(secret, slot, label) if slot.get("v") == 2 else secret


def _recovery_kek(recovery_key: str, salt: bytes) -> bytes:
    """The recovery key has 160 random bits, so a plain HKDF-style hash is enough."""
    return hmac.new(salt, _normalize_recovery(recovery_key), hashlib.sha256).digest()


def is_reserved_name(username: str) -> bool:
    """Names the slots file uses for itself (``__recovery__``) and any like them."""
    return username.startswith("__") or username.endswith("__")


class KeyFile:
    """The slots file of one database; every change is written atomically, owner-only."""

    def __init__(self, path: Path, data: dict[str, Any]) -> None:
        self.path = path
        self.data = data

    @classmethod
    def load(cls, path: Path) -> KeyFile:
        damaged = f"密钥文件 {path} 已损坏或无法读取"
        try:
            if path.stat().st_size > MAX_KEYFILE_BYTES:
                raise StoreUnavailable(f"{damaged}：文件过大")
            data = json.loads(path.read_text(encoding="utf-8"))
        except FileNotFoundError as exc:
            raise StoreUnavailable(f"找不到密钥文件 {path}：加密的数据库没有它无法打开") from exc
        except IsADirectoryError as exc:
            raise StoreUnavailable(f"{damaged}：这是一个文件夹") from exc
        except (OSError, ValueError, RecursionError) as exc:
            raise StoreUnavailable(f"{damaged}：{exc}") from exc
        if not isinstance(data, dict) or data.get("format") not in FORMATS:
            raise StoreUnavailable(f"密钥文件 {path} 的格式无法识别")
        slots = data.get("slots")
        if not isinstance(slots, dict) or RECOVERY_SLOT not in slots or not all(
                isinstance(name, str) and _slot_shape_ok(name, slot)
                for name, slot in slots.items()):
            raise StoreUnavailable(f"{damaged}：密钥槽不完整")
        return cls(path, data)

    @classmethod
    def create(cls, path: Path, db_key: bytes, recovery_key: str) -> KeyFile:
        kf = cls(path, {"format": FORMAT, "slots": {}})
        kf.set_recovery(recovery_key, db_key)
        return kf

    @property
    def slots(self) -> dict[str, dict[str, Any]]:
        slots: dict[str, dict[str, Any]] = self.data["slots"]
        return slots

    def usernames(self) -> list[str]:
        return sorted(name for name in self.slots if name != RECOVERY_SLOT)

    def set_password(
        self, username: str, password: str, db_key: bytes, kdf: KdfParams | None = None
    ) -> None:
        """Add or rewrap the slot of one account (a password change touches only this)."""
        if is_reserved_name(username):
            raise ValueError(f"reserved slot name {username!r}")
        kdf = kdf or KdfParams()
        salt = secrets.token_bytes(16)
        slot: dict[str, Any] = {"salt": _b64(salt), "kdf": "argon2id", "t": kdf.time_cost,
                                "m": kdf.memory_kib, "p": kdf.parallelism}
        slot.update(_key_pair_slot(kdf.derive(password.encode("utf-8", "surrogatepass"), salt),
                                    db_key, username))
        self.slots[username] = slot

    def set_recovery(self, recovery_key: str, db_key: bytes) -> None:
        salt = secrets.token_bytes(16)
        slot: dict[str, Any] = {"salt": _b64(salt), "kdf": "hmac-sha256"}
        slot.update(_key_pair_slot(_recovery_kek(recovery_key, salt), db_key, RECOVERY_SLOT))
        self.slots[RECOVERY_SLOT] = slot

    def remove(self, username: str) -> None:
        if username != RECOVERY_SLOT:
            self.slots.pop(username, None)

    def needs_upgrade(self, username: str) -> bool:
        """A slot of the first format (it cannot take a new database key without its
        password); rewritten by :meth:`set_password` at its owner's next login."""
        slot = self.slots.get(username)
        return slot is not None and slot.get("v") != 2

    def kdf_of(self, username: str) -> KdfParams:
        return KdfParams.of(self.slots[username])

    def unlock(self, username: str, password: str) -> bytes:
        """The database key, if this account's password opens its slot."""
        slot = self.slots.get(username)
        if slot is None or is_reserved_name(username):
            self._dummy_derive(password)
            raise WrongPassword(_WRONG)  # same words and cost: which accounts exist is secret
        try:
            kek = KdfParams.of(slot).derive(password.encode("utf-8", "surrogatepass"),
                                            _unb64(slot["salt"]))
            return _open_slot(kek, slot, username)
        except (KeyError, ValueError, TypeError, binascii.Error) as exc:
            raise StoreUnavailable(f"密钥文件 {self.path} 已损坏：账户“{username}”的密钥槽不完整") \
                from exc

    def _dummy_derive(self, password: str) -> None:
        """The argon2id work a real slot of this file would cost, on a throwaway salt."""
        params = KdfParams()
        for name in self.usernames():
            with contextlib.suppress(KeyError, ValueError, TypeError):
                params = KdfParams.of(self.slots[name])
                break
        params.derive(password.encode("utf-8", "surrogatepass"), secrets.token_bytes(16))

    def unlock_with_recovery(self, recovery_key: str) -> bytes:
        slot = self.slots[RECOVERY_SLOT]
        try:
            kek = _recovery_kek(recovery_key, _unb64(slot["salt"]))
            return _open_slot(kek, slot, RECOVERY_SLOT)
        except WrongPassword as exc:
            raise WrongPassword("恢复密钥不正确") from exc
        except (KeyError, ValueError, TypeError, binascii.Error) as exc:
            raise StoreUnavailable(f"密钥文件 {self.path} 已损坏：恢复密钥槽不完整") from exc

    def resealed(self, path: Path, new_key: bytes, drop: set[str]) -> tuple[KeyFile, list[str]]:
        """A copy of these slots for ``new_key`` (a re-key), without the accounts in
        ``drop``. Returns it and the accounts whose first-format slot could not take the
        new key (they need a new password); the recovery slot must be of format 2."""
        slots: dict[str, dict[str, Any]] = {}
        lost: list[str] = []
        for name, slot in self.slots.items():
            if name in drop:
                continue
            if slot.get("v") != 2:
                lost.append(name)
                continue
            copy = dict(slot)
            copy["sealed"] = _seal(_unb64(slot["public"]), new_key, name)
            slots[name] = copy
        return KeyFile(path, {"format": FORMAT, "slots": slots}), lost

    def save(self, path: Path | None = None) -> None:
        """Write to a temporary file (owner-only), flush it, rename over the old one and
        flush the folder: a crash leaves the old file or the new, never half of one."""
        target = path or self.path
        tmp = target.with_name(target.name + ".tmp")
        tmp.unlink(missing_ok=True)  # a leftover from a crash, perhaps with other rights
        fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0),
                     0o600)
        with os.fdopen(fd, "w", encoding="utf-8") as fh:
            json.dump(self.data, fh, ensure_ascii=False, indent=1)
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, target)
        if os.name != "nt":
            dir_fd = os.open(target.parent, os.O_RDONLY)
            try:
                os.fsync(dir_fd)
            finally:
                os.close(dir_fd)


def _slot_shape_ok(name: str, slot: Any) -> bool:
    if not isinstance(slot, dict):
        return False
    needed = {"salt", "nonce", "wrapped"}
    if name != RECOVERY_SLOT:
        needed |= {"t", "m", "p"}
    if slot.get("v") == 2:
        needed |= {"public", "sealed"}
        if not isinstance(slot.get("sealed"), dict):
            return False
    return needed <= set(slot)


def key_pragma(db_key: bytes) -> str:
    """The value for ``PRAGMA key``: a quoted raw-key hex literal, never user text."""
    if len(db_key) != KEY_BYTES:
        raise ValueError("database key must be 32 bytes")
    return "\"x'" + db_key.hex() + "'\""
