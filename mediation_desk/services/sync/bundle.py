"""Bundles: the files that carry changes between the desk and a laptop on a stick.

Layout: ``<stick>/mediation-desk-sync/<sender device id>/<bundle name>/`` holding
``manifest.json``, ``changes.bin`` and, when attachments were filed, ``blobs/<sha256>``
(their bytes, one file each). Each device writes only its own folder, and a name is
never written twice (it carries the receiver, the sequence range and a random part).

Why so careful: a stick is pulled out mid-write, fills up, or carries a file someone edited
or a folder someone crafted. A bundle is therefore written to ``<name>.part``, flushed to
the stick (fsync of every file and of the folder), read back and checked, and only then
renamed to its final name — so a reader sees a whole bundle or none. Reading trusts
nothing: names must match fixed patterns (no path in a manifest can reach outside the
bundle), sizes are capped before anything is read, each member's SHA-256 must match, and
the manifest's HMAC (keyed from the room's bundle secret) proves a device of this room wrote it.
The changes are AES-GCM encrypted: a lost stick does not give away parties' ID numbers.
"""

from __future__ import annotations

import contextlib
import hashlib
import hmac
import json
import os
import re
import secrets
import shutil
import uuid
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.kdf.hkdf import HKDF

from mediation_desk.errors import StoreUnavailable

FORMAT = "mediation-desk/sync-bundle@1"
ROOT = "mediation-desk-sync"
MANIFEST = "manifest.json"
CHANGES = "changes.bin"
MEMBERS = (CHANGES,)  # always there; besides it only blobs
#: Attachment bytes travel as files named by their SHA-256 (``blobs/<sha256>``), outside the
#: changeset: content rows are immutable and keyed by hash, so they never conflict.
BLOBS = "blobs"
MAX_MANIFEST_BYTES = 8 * 1024 * 1024
MAX_MEMBER_BYTES = 512 * 1024 * 1024
PART = ".part"

_DEVICE = re.compile(r"^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$")
_NAME = re.compile(r"^[0-9a-f]{8}-[0-9]{10}-[0-9]{10}-[0-9a-f]{8}$")
_BLOB = re.compile(r"^blobs/[0-9a-f]{64}$")


class BundleRefused(Exception):
    """This bundle must not be applied; the message (Chinese) says why."""


@dataclass
class Entry:
    """One captured transaction of the sender: its sequence number, whose work it is,
    and the changeset."""

    seq: int
    origin: str
    changeset: bytes
    changes: int = 0
    tables: dict[str, int] = field(default_factory=dict)


@dataclass
class Bundle:
    """A bundle read from disk and checked (hashes, MAC, names); its changes decrypted.
    Its blobs were checked too, but are read again one at a time when applied
    (:meth:`blob`), so a bundle with many scans is never held in memory whole."""

    path: Path
    manifest: dict[str, Any]
    entries: list[Entry]
    keys: tuple[bytes, bytes] | None = None

    @property
    def blobs(self) -> list[str]:
        """The SHA-256 of every attachment content the bundle carries."""
        return sorted(name.split("/", 1)[1] for name in self.manifest["members"]
                      if name != CHANGES)

    def blob(self, sha256: str) -> bytes:
        """One attachment's bytes, checked again against the manifest and their name."""
        return _read_blob(self.path, self.manifest, f"{BLOBS}/{sha256}", self.keys)

    @property
    def id(self) -> str:
        return str(self.manifest["bundle"])

    @property
    def sender(self) -> str:
        return str(self.manifest["from"])

    @property
    def label(self) -> str:
        return f"交换包 {self.path.parent.name[:8]}/{self.path.name}"


# -- keys -------------------------------------------------------------------------------------
def bundle_keys(secret: bytes | None) -> tuple[bytes, bytes] | None:
    """(encryption key, MAC key) derived from the room's bundle secret
    (``state.bundle_secret``); ``None`` for a register kept unencrypted (demo and test
    files), whose bundles are then plain too."""
    if secret is None:
        return None
    material = HKDF(algorithm=hashes.SHA256(), length=64, salt=None,
                    info=b"mediation-desk/sync-bundle@1").derive(secret)
    return material[:32], material[32:]


def _canonical(manifest: dict[str, Any]) -> bytes:
    body = {k: v for k, v in manifest.items() if k != "mac"}
    return json.dumps(body, sort_keys=True, ensure_ascii=False, separators=(",", ":")).encode()


def _seal(key: bytes, data: bytes, aad: bytes) -> bytes:
    nonce = secrets.token_bytes(12)
    return nonce + AESGCM(key).encrypt(nonce, data, aad)


def _open(key: bytes, blob: bytes, aad: bytes) -> bytes:
    try:
        return AESGCM(key).decrypt(blob[:12], blob[12:], aad)
    except (InvalidTag, ValueError) as exc:
        raise BundleRefused("内容无法解密：已损坏或不是本调解室的设备写的") from exc


# -- writing ----------------------------------------------------------------------------------
def sender_folder(root: Path, sender: str) -> Path:
    return sync_root(root) / sender


def sync_root(root: Path) -> Path:
    """``root`` may be the stick (or shared folder) itself or its sync folder."""
    return root if root.name == ROOT else root / ROOT


def _fsync_dir(path: Path) -> None:
    if os.name == "nt":  # Windows cannot open a folder to flush it; its rename is durable
        return
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def _write_file(path: Path, data: bytes) -> None:
    with open(path, "wb") as fh:
        fh.write(data)
        fh.flush()
        os.fsync(fh.fileno())


def write_bundle(root: Path, manifest: dict[str, Any], entries: list[Entry],
                 keys: tuple[bytes, bytes] | None,
                 blobs: Iterable[tuple[str, Callable[[], bytes]]] = ()) -> Path:
    """Write one bundle under ``root`` (see the module docstring); returns its folder.

    ``manifest`` holds the sender's facts (from, to, acked, schema, …); the entries, the
    counts, the member hashes and the MAC are added here. ``blobs``: (SHA-256, a function
    reading those bytes) of each attachment content to carry, read one at a time.
    """
    bundle_id = str(uuid.uuid4())
    first = entries[0].seq if entries else 0
    last = entries[-1].seq if entries else 0
    name = f"{manifest['to'][:8]}-{first:010d}-{last:010d}-{bundle_id[:8]}"
    folder = sender_folder(root, manifest["from"])
    final = folder / name
    part = folder / (name + PART)
    payload = b"".join(e.changeset for e in entries)
    tables: dict[str, int] = {}
    listed = []
    offset = 0
    for e in entries:
        listed.append({"seq": e.seq, "origin": e.origin, "offset": offset,
                       "length": len(e.changeset), "changes": e.changes})
        offset += len(e.changeset)
        for table, count in e.tables.items():
            tables[table] = tables.get(table, 0) + count
    body = _seal(keys[0], payload, bundle_id.encode()) if keys else payload
    members = {CHANGES: {"bytes": len(body), "sha256": hashlib.sha256(body).hexdigest()}}
    full = dict(manifest, format=FORMAT, bundle=bundle_id, seq_first=first, seq_last=last,
                entries=listed, tables=tables, changes=sum(tables.values()),
                encrypted=keys is not None, members=members)
    try:
        folder.mkdir(parents=True, exist_ok=True)
        if final.exists():
            raise StoreUnavailable(f"交换包 {final} 已存在，不会覆盖")
        if part.exists():
            shutil.rmtree(part)
        part.mkdir()
        _write_file(part / CHANGES, body)
        for sha256, read in blobs:
            name = f"{BLOBS}/{sha256}"
            if name in members or not _BLOB.match(name):
                continue
            data = read()
            sealed = _seal(keys[0], data, _blob_aad(bundle_id, name)) if keys else data
            del data
            (part / BLOBS).mkdir(exist_ok=True)
            _write_file(part / name, sealed)
            members[name] = {"bytes": len(sealed), "sha256": hashlib.sha256(sealed).hexdigest()}
            del sealed
        if (part / BLOBS).exists():
            _fsync_dir(part / BLOBS)
        if keys:
            full["mac"] = hmac.new(keys[1], _canonical(full), hashlib.sha256).hexdigest()
        manifest_bytes = json.dumps(full, ensure_ascii=False, indent=1).encode("utf-8")
        _write_file(part / MANIFEST, manifest_bytes)
        _fsync_dir(part)
        read_bundle(part, keys, expect_name=False)  # what is on the stick, not in memory
        os.rename(part, final)
        _fsync_dir(folder)
    except OSError as exc:
        with contextlib.suppress(OSError):
            shutil.rmtree(part)
        raise StoreUnavailable(f"无法写入交换包到 {folder}：{_os_reason(exc)}") from exc
    except BundleRefused as exc:
        with contextlib.suppress(OSError):
            shutil.rmtree(part)
        raise StoreUnavailable(f"写入 {folder} 的交换包读回校验未通过（{exc}），U盘可能有故障") from exc
    except BaseException:  # e.g. an attachment's content found damaged while read
        with contextlib.suppress(OSError):
            shutil.rmtree(part)
        raise
    return final


def _os_reason(exc: OSError) -> str:
    import errno

    if exc.errno == errno.ENOSPC:
        return "U盘或磁盘已满，请腾出空间后重试"
    if exc.errno in (errno.EACCES, errno.EPERM, errno.EROFS):
        return "没有写入权限或U盘为只读"
    return f"读写出错（{exc.strerror or exc}），请检查U盘"


# -- reading ----------------------------------------------------------------------------------
@dataclass
class Found:
    """Bundle folders found under a stick, and what was passed over (with reasons)."""

    bundles: list[Path] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)


def find_bundles(root: Path, me: str) -> Found:
    """Whole bundle folders of other devices under ``root``; partial ones are noted."""
    found = Found()
    base = sync_root(root)
    if not base.is_dir():
        return found
    for sender in sorted(base.iterdir()):
        if sender.name == me or not sender.is_dir() or sender.is_symlink():
            continue
        if not _DEVICE.match(sender.name):
            found.notes.append(f"忽略不认识的文件夹 {sender.name}")
            continue
        for item in sorted(sender.iterdir()):
            if item.name.endswith(PART):
                found.notes.append(f"忽略未写完的交换包 {sender.name[:8]}/{item.name}"
                                   "（可能是写入时拔出了U盘）")
            elif _NAME.match(item.name) and item.is_dir() and not item.is_symlink():
                found.bundles.append(item)
            else:
                found.notes.append(f"忽略不认识的文件 {sender.name[:8]}/{item.name}")
    return found


def read_manifest(folder: Path) -> dict[str, Any]:
    """The manifest alone (to see whom a bundle is for), size-capped and parsed."""
    path = folder / MANIFEST
    if path.is_symlink() or not path.is_file():
        raise BundleRefused("缺少清单文件 manifest.json")
    if path.stat().st_size > MAX_MANIFEST_BYTES:
        raise BundleRefused("清单文件过大")
    try:
        data = json.loads(path.read_bytes().decode("utf-8"))
    except (OSError, UnicodeDecodeError, ValueError) as exc:
        raise BundleRefused(f"清单文件无法读取（{exc}）") from exc
    if not isinstance(data, dict):
        raise BundleRefused("清单文件格式不对")
    return data


def _need(manifest: dict[str, Any], key: str, kind: type | tuple[type, ...]) -> Any:
    value = manifest.get(key)
    if not isinstance(value, kind) or (isinstance(value, bool) and kind is int):
        raise BundleRefused(f"清单缺少或写错了“{key}”")
    return value


def read_bundle(folder: Path, keys: tuple[bytes, bytes] | None, *,
                expect_name: bool = True) -> Bundle:
    """Read and check one bundle (everything that needs no register); decrypt its changes."""
    manifest = read_manifest(folder)
    if manifest.get("format") != FORMAT:
        raise BundleRefused(f"格式“{manifest.get('format')}”无法识别（需要 {FORMAT}）")
    for key in ("bundle", "from", "to"):
        _need(manifest, key, str)
    for key in ("schema", "seq_first", "seq_last", "acked", "changes"):
        _need(manifest, key, int)
    if not _DEVICE.match(manifest["from"]) or not _DEVICE.match(manifest["to"]):
        raise BundleRefused("清单中的设备编号格式不对")
    if expect_name and folder.parent.name != manifest["from"]:
        raise BundleRefused("交换包所在的文件夹与清单中的发送设备不符")
    members = _need(manifest, "members", dict)
    odd = sorted(n for n in set(members) ^ set(MEMBERS)
                 if n not in MEMBERS and not _BLOB.match(str(n)))
    if CHANGES not in members or odd:
        raise BundleRefused(f"清单列出的文件不对：{'、'.join(odd or [CHANGES])[:80]}")
    if bool(manifest.get("encrypted")) != (keys is not None):
        raise BundleRefused("加密方式与本数据库不符：不是本调解室的设备写的")
    if keys is not None:
        mac = hmac.new(keys[1], _canonical(manifest), hashlib.sha256).hexdigest()
        if not hmac.compare_digest(mac, str(manifest.get("mac", ""))):
            raise BundleRefused("清单的校验码不符：被改动过，或不是本调解室的设备写的")
    info = members[CHANGES]
    if not isinstance(info, dict):
        raise BundleRefused("清单中的文件信息格式不对")
    path = folder / CHANGES
    if path.is_symlink() or not path.is_file():
        raise BundleRefused(f"缺少文件 {CHANGES}")
    size = path.stat().st_size
    if size > MAX_MEMBER_BYTES:
        raise BundleRefused(f"文件 {CHANGES} 过大（{size} 字节）")
    if size != info.get("bytes"):
        raise BundleRefused(f"文件 {CHANGES} 的大小与清单不符（{size}，清单为 {info.get('bytes')}）"
                            "：文件不完整或被改动过")
    body = path.read_bytes()
    if hashlib.sha256(body).hexdigest() != info.get("sha256"):
        raise BundleRefused(f"文件 {CHANGES} 的校验值（SHA-256）与清单不符：已损坏或被改动过")
    payload = _open(keys[0], body, manifest["bundle"].encode()) if keys else body
    for name in members:
        if name != CHANGES:
            _read_blob(folder, manifest, name, keys)  # checked now, applied later
    return Bundle(folder, manifest, _entries(manifest, payload), keys)


def _blob_aad(bundle_id: str, name: str) -> bytes:
    return f"{bundle_id}/{name}".encode()


def _read_blob(folder: Path, manifest: dict[str, Any], name: str,
               keys: tuple[bytes, bytes] | None) -> bytes:
    """A blob member: size and hash as the manifest says, decrypted, and its bytes' SHA-256
    equal to its name (a receiver can check every byte of an attachment it got)."""
    info = manifest["members"].get(name)
    if not isinstance(info, dict):
        raise BundleRefused("清单中的文件信息格式不对")
    path = folder / name
    if path.is_symlink() or path.parent.is_symlink() or not path.is_file():
        raise BundleRefused(f"缺少附件文件 {name[:20]}…")
    size = path.stat().st_size
    if size > MAX_MEMBER_BYTES or size != info.get("bytes"):
        raise BundleRefused(f"附件文件 {name[:20]}… 的大小与清单不符：文件不完整或被改动过")
    sealed = path.read_bytes()
    if hashlib.sha256(sealed).hexdigest() != info.get("sha256"):
        raise BundleRefused(f"附件文件 {name[:20]}… 的校验值与清单不符：已损坏或被改动过")
    data = _open(keys[0], sealed, _blob_aad(manifest["bundle"], name)) if keys else sealed
    if hashlib.sha256(data).hexdigest() != name.split("/", 1)[1]:
        raise BundleRefused(f"附件文件 {name[:20]}… 的内容与它的校验值不符")
    return data


def _entries(manifest: dict[str, Any], payload: bytes) -> list[Entry]:
    listed = _need(manifest, "entries", list)
    entries: list[Entry] = []
    previous = 0
    for item in listed:
        if not isinstance(item, dict):
            raise BundleRefused("清单中的条目格式不对")
        seq, offset, length = (_need(item, k, int) for k in ("seq", "offset", "length"))
        origin = _need(item, "origin", str)
        changes = _need(item, "changes", int)
        if seq <= previous or offset < 0 or length <= 0 or offset + length > len(payload):
            raise BundleRefused(f"清单中第{seq}号条目的序号或位置不对")
        previous = seq
        entries.append(Entry(seq, origin, payload[offset:offset + length], changes))
    first = entries[0].seq if entries else 0
    last = entries[-1].seq if entries else 0
    if (first, last) != (manifest["seq_first"], manifest["seq_last"]):
        raise BundleRefused("清单中的序号范围与条目不符")
    return entries
