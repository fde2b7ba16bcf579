"""Key slots: one random database key, wrapped once per account and once for recovery.

Why slots (architecture.md §6, as disk encryption does it): the database is encrypted with a
random 32-byte key that never changes; each account holds a copy of it wrapped (AES-256-GCM)
by a key derived from that account's password with argon2id. Changing a password rewraps one
slot; removing an account removes its slot; a printed recovery key for the director's safe
unwraps its own slot. The slots live in a small JSON file beside the database
(``<db>.keys``), because they must be readable before the database can be opened. Without
that file an encrypted database cannot be opened, so backups carry it too.
"""

from __future__ import annotations

import base64
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
from cryptography.hazmat.primitives.ciphers.aead import AESGCM

from mediation_desk.errors import StoreUnavailable, WrongPassword

FORMAT = "mediation-desk/keyslots@1"
RECOVERY_SLOT = "__recovery__"
KEY_BYTES = 32


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
    return base64.b64decode(text.encode("ascii"))


def _wrap(kek: bytes, db_key: bytes, label: str) -> dict[str, str]:
    nonce = secrets.token_bytes(12)
    return {"nonce": _b64(nonce), "wrapped": _b64(AESGCM(kek).encrypt(nonce, db_key, label.encode()))}


def _unwrap(kek: bytes, slot: dict[str, Any], label: str) -> bytes:
    try:
        return AESGCM(kek).decrypt(_unb64(slot["nonce"]), _unb64(slot["wrapped"]), label.encode())
    except (InvalidTag, KeyError, ValueError) as exc:
        raise WrongPassword("用户名或密码不正确") from exc


def _recovery_kek(recovery_key: str, salt: bytes) -> bytes:
    """The recovery key has 160 random bits, so a plain HKDF-style hash is enough."""
    return hmac.new(salt, _normalize_recovery(recovery_key), hashlib.sha256).digest()


class KeyFile:
    """The slots file of one database; every change is written atomically."""

    def __init__(self, path: Path, data: dict[str, Any]) -> None:
        self.path = path
        self.data = data

    @classmethod
    def load(cls, path: Path) -> KeyFile:
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
        except FileNotFoundError as exc:
            raise StoreUnavailable(f"找不到密钥文件 {path}：加密的数据库没有它无法打开") from exc
        except (OSError, ValueError) as exc:
            raise StoreUnavailable(f"密钥文件 {path} 已损坏或无法读取：{exc}") from exc
        if data.get("format") != FORMAT:
            raise StoreUnavailable(f"密钥文件 {path} 的格式无法识别")
        return cls(path, data)

    @classmethod
    def create(cls, path: Path, db_key: bytes, recovery_key: str) -> KeyFile:
        salt = secrets.token_bytes(16)
        recovery = {"salt": _b64(salt), "kdf": "hmac-sha256"}
        recovery.update(_wrap(_recovery_kek(recovery_key, salt), db_key, RECOVERY_SLOT))
        kf = cls(path, {"format": FORMAT, "slots": {RECOVERY_SLOT: recovery}})
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
        kdf = kdf or KdfParams()
        salt = secrets.token_bytes(16)
        slot: dict[str, Any] = {
            "salt": _b64(salt),
            "kdf": "argon2id",
            "t": kdf.time_cost,
            "m": kdf.memory_kib,
            "p": kdf.parallelism,
        }
        slot.update(_wrap(kdf.derive(password.encode("utf-8"), salt), db_key, username))
        self.slots[username] = slot

    def remove(self, username: str) -> None:
        self.slots.pop(username, None)

    def unlock(self, username: str, password: str) -> bytes:
        """The database key, if this account's password opens its slot."""
        slot = self.slots.get(username)
        if slot is None or username == RECOVERY_SLOT:
            # Same message as a wrong password: do not tell which accounts exist.
            raise WrongPassword("用户名或密码不正确")
        kdf = KdfParams(int(slot["t"]), int(slot["m"]), int(slot["p"]))
        kek = kdf.derive(password.encode("utf-8"), _unb64(slot["salt"]))
        return _unwrap(kek, slot, username)

    def unlock_with_recovery(self, recovery_key: str) -> bytes:
        slot = self.slots[RECOVERY_SLOT]
        kek = _recovery_kek(recovery_key, _unb64(slot["salt"]))
        try:
            return _unwrap(kek, slot, RECOVERY_SLOT)
        except WrongPassword as exc:
            raise WrongPassword("恢复密钥不正确") from exc

    def save(self) -> None:
        """Write to a temporary file, flush it to disk, then rename over the old one."""
        tmp = self.path.with_name(self.path.name + ".tmp")
        with open(tmp, "w", encoding="utf-8") as fh:
            json.dump(self.data, fh, ensure_ascii=False, indent=1)
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, self.path)


def key_pragma(db_key: bytes) -> str:
    """The value for ``PRAGMA key``: a quoted raw-key hex literal, never user text."""
    if len(db_key) != KEY_BYTES:
        raise ValueError("database key must be 32 bytes")
    return "\"x'" + db_key.hex() + "'\""
