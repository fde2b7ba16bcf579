"""Filing files to a case, listing them, reading them back, removing them.

Why the checks come first and the file is read twice: a file over the room's limit is refused
by name before a byte is read, and hashing first (outside the transaction) tells whether the
same file is already stored — a scan filed twice is kept once. Then one transaction writes the
content (if new), the attachment row and its audit event; the content store checks that the
bytes written are those hashed (a file changed in between is refused, nothing written).
Memory stays at a chunk or two whatever the file's size (store/attachment_content.py).

Saving a copy out of the register is audited (the file leaves the encrypted store); viewing
inside the window is not, as reading a case is not. Removing is a soft delete, audited; the
bytes stay until retention purges the case's personal data.
"""

from __future__ import annotations

import contextlib
import os
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from mediation_desk import clock
from mediation_desk.domain.attachments import (
    DEFAULT_LIMIT_MB,
    KINDS,
    MAX_LIMIT_MB,
    MB,
    default_kind,
    default_title,
    format_size,
    guess_mime,
)
from mediation_desk.errors import NotFound, PermissionDenied, Problem, ValidationError
from mediation_desk.services.attachments import owners
from mediation_desk.services.attachments.owners import Owner
from mediation_desk.services.shared import audit
from mediation_desk.services.shared.actor import Actor
from mediation_desk.services.shared.setting_rows import write_setting
from mediation_desk.store import attachment_content as content
from mediation_desk.store.changes import ChangeSet
from mediation_desk.store.database import Store
from mediation_desk.store.models import Agreement, Attachment, Finding

LIMIT_KEY = "attachment_limit_mb"
TITLE_MAX = 100
#: ``progress(done, total)``: bytes handled so far of the two passes (hash, then store).
Progress = Callable[[int, int], None]


@dataclass(frozen=True)
class AttachmentView:
    id: str
    case_id: str | None
    owner_kind: str
    owner_id: str
    owner_label: str
    title: str
    kind: str
    kind_label: str
    file_name: str
    mime_type: str
    size: int
    sha256: str
    added_at: datetime
    added_by: str

    @property
    def size_text(self) -> str:
        return format_size(self.size)


@dataclass(frozen=True)
class AttachResult:
    id: str
    sha256: str
    size: int
    stored: bool  # False: the same file was already in the register (kept once)
    changes: ChangeSet


def _view(row: Attachment, owner_label: str = "") -> AttachmentView:
    return AttachmentView(
        row.id, row.case_id, row.owner_kind, row.owner_id, owner_label, row.title, row.kind,
        KINDS.get(row.kind, row.kind), row.file_name, row.mime_type, int(row.size), row.sha256,
        row.added_at, row.added_by_name)


class AttachmentService:
    def __init__(self, store: Store, actor: Actor) -> None:
        self.store = store
        self.actor = actor

    # -- the room's limit -------------------------------------------------------------------
    def limit_mb(self) -> int:
        return int(self.store.setting(LIMIT_KEY, DEFAULT_LIMIT_MB))

    def set_limit_mb(self, megabytes: int) -> ChangeSet:
        """The largest file that may be filed (director or administrator)."""
        if self.actor.role not in ("director", "admin"):
            raise PermissionDenied("只有调委会主任或管理员可以修改附件大小上限")
        if not 1 <= megabytes <= MAX_LIMIT_MB:
            raise ValidationError(Problem("", "附件大小上限", f"应在1至{MAX_LIMIT_MB} MB之间"))
        with self.store.write() as changes:
            if write_setting(self.actor, LIMIT_KEY, str(megabytes), f"{megabytes} MB"):
                changes.touch("settings")
        return changes

    # -- filing -----------------------------------------------------------------------------
    def check_file(self, path: Path) -> int:
        """The file's size if it may be filed; ValidationError naming the file otherwise."""
        name = path.name
        try:
            stat = path.stat()
        except OSError:
            raise ValidationError(Problem(name, "文件", "不存在或无法读取")) from None
        if not path.is_file():
            raise ValidationError(Problem(name, "文件", "不是文件"))
        limit = self.limit_mb()
        if stat.st_size == 0:
            raise ValidationError(Problem(name, "文件大小", "文件是空的"))
        if stat.st_size > limit * MB:
            raise ValidationError(Problem(
                name, "文件大小", f"{format_size(stat.st_size)}，超过附件大小上限 {limit} MB"))
        return int(stat.st_size)

    def add(self, owner_kind: str, owner_id: str, path: Path | str, *, title: str = "",
            kind: str = "", progress: Progress | None = None) -> AttachResult:
        """File ``path`` to the owner; all or nothing. ``kind`` and ``title`` default from
        the file (a photo is a photo; the title is the file name without extension)."""
        path = Path(path)
        title = (title or default_title(path.name)).strip()
        problems = []
        if kind and kind not in KINDS:
            problems.append(Problem(path.name, "类型", "应为 " + " / ".join(KINDS) + " 之一"))
        if not title:
            problems.append(Problem(path.name, "标题", "不能为空"))
        elif len(title) > TITLE_MAX:
            problems.append(Problem(path.name, "标题", f"不能超过{TITLE_MAX}个字"))
        if problems:
            raise ValidationError(problems)
        owner = owners.resolve(owner_kind, owner_id, self.actor)
        if kind == "signed_agreement":
            self._check_signed(owner, path.name)
        size = self.check_file(path)
        total = 2 * size
        with path.open("rb") as source:
            sha256, size, head = content.hash_file(
                source, (lambda done: progress(done, total)) if progress else None)
        if size > self.limit_mb() * MB or size == 0:
            self.check_file(path)  # it changed while it was read: say so by name
        mime = guess_mime(path.name, head)
        kind = kind or default_kind(mime)
        with self.store.write() as changes, path.open("rb") as source:
            try:
                stored = content.write_content(
                    source, sha256, size,
                    (lambda done: progress(size + done, total)) if progress else None)
            except content.ContentChanged:
                raise ValidationError(Problem(path.name, "文件", "在读取时被改动，请重新添加"))\
                    from None
            row = Attachment.create(
                case=owner.case_id, owner_kind=owner.kind, owner_id=owner.id, title=title,
                kind=kind, file_name=path.name, mime_type=mime, size=size, sha256=sha256,
                added_at=clock.now().replace(microsecond=0),
                added_by=self.actor.account_id or None, added_by_name=self.actor.name)
            audit.record(self.actor, "create", row,
                         detail=f"{KINDS[kind]}：{title}（{format_size(size)}）")
            changes.touch("attachment", owner.case_id)
            if kind == "signed_agreement":
                changes.touch("agreement", owner.case_id)
        return AttachResult(row.id, sha256, size, stored, changes)

    def _check_signed(self, owner: owners.Owner, name: str) -> None:
        """A signed agreement's scan needs an agreement to have been signed."""
        if owner.case_id is None or not Agreement.live().where(
                Agreement.case == owner.case_id).exists():
            raise ValidationError(Problem(name, "类型", "本案还没有调解协议，不能作为签字协议书归档"))

    # -- reading ----------------------------------------------------------------------------
    def owner_choices(self, case_id: str) -> list[Owner]:
        """What of the case a file may be filed to: the case, its records, agreement, …"""
        return owners.choices(case_id, self.actor)

    def owner(self, owner_kind: str, owner_id: str) -> Owner:
        """One thing a file may be filed to (a patrol finding, say), named for the screen."""
        return owners.resolve(owner_kind, owner_id, self.actor)

    def get(self, attachment_id: str) -> AttachmentView:
        row = Attachment.get_live(attachment_id)
        if row is None:
            raise NotFound(f"找不到附件 {attachment_id}")
        label = ""
        with contextlib.suppress(NotFound):
            label = owners.resolve(row.owner_kind, row.owner_id, self.actor).label
        return _view(row, label)

    def for_case(self, case_id: str) -> list[AttachmentView]:
        """The case's files, oldest first: its own, its parts', and its findings'."""
        findings = [f.id for f in Finding.select(Finding.id).where(Finding.case == case_id)]
        query = Attachment.live().where(
            (Attachment.case == case_id)
            | ((Attachment.owner_kind == "finding") & Attachment.owner_id.in_(findings)))
        names = owners.labels(case_id, self.actor)
        hidden = owners.hidden_records(case_id, self.actor)
        return [_view(row, names.get((row.owner_kind, row.owner_id), "（已删除）"))
                for row in query.order_by(Attachment.added_at, Attachment.created_at)
                if not (row.owner_kind == "record" and row.owner_id in hidden)]

    def for_owner(self, owner_kind: str, owner_id: str) -> list[AttachmentView]:
        owner = owners.resolve(owner_kind, owner_id, self.actor)
        return [_view(row, owner.label) for row in Attachment.live().where(
            Attachment.owner_kind == owner_kind, Attachment.owner_id == owner_id)
            .order_by(Attachment.added_at, Attachment.created_at)]

    def signed_scan(self, case_id: str) -> AttachmentView | None:
        """The newest scan of the signed agreement, if one is filed (the agreement is signed)."""
        row = (Attachment.live().where(Attachment.case == case_id,
                                       Attachment.kind == "signed_agreement")
               .order_by(Attachment.added_at.desc()).first())
        return _view(row, "调解协议") if row is not None else None

    def chunks(self, attachment_id: str) -> Iterator[bytes]:
        """The file's bytes, a chunk at a time (for a preview in the window)."""
        view = self.get(attachment_id)
        return self._chunks(view)

    def _chunks(self, view: AttachmentView) -> Iterator[bytes]:
        try:
            yield from content.iter_content(view.sha256)
        except KeyError:
            raise NotFound(f"附件“{view.title}”的内容不在本机（尚未同步）") from None
        except content.ContentChanged:
            raise ValidationError(Problem(view.title, "内容", "与登记的校验值不符：数据库可能已损坏，"
                                          "请运行“检查数据库”并从备份恢复")) from None

    def save_copy(self, attachment_id: str, target: Path | str,
                  progress: Progress | None = None) -> int:
        """Write the file out byte for byte (whole or not at all); audited. Returns its size."""
        target = Path(target)
        view = self.get(attachment_id)
        part = target.with_name(target.name + ".part")
        written = 0
        try:
            with part.open("wb") as out:
                for chunk in self._chunks(view):
                    out.write(chunk)
                    written += len(chunk)
                    if progress is not None:
                        progress(written, view.size)
                out.flush()
                os.fsync(out.fileno())
            part.replace(target)
        except BaseException:
            part.unlink(missing_ok=True)
            raise
        with self.store.write() as changes:
            audit.record(self.actor, "export", Attachment.get_by_id(view.id),
                         detail=f"{view.title} 另存为 {target.name}")
            changes.touch("audit", view.case_id)
        return written

    # -- removing ---------------------------------------------------------------------------
    def remove(self, attachment_id: str, reason: str = "") -> ChangeSet:
        """Take a file off the case (soft delete, audited with its title and the reason)."""
        with self.store.write() as changes:
            row = Attachment.get_live(attachment_id)
            if row is None:
                raise NotFound(f"找不到附件 {attachment_id}")
            row.soft_delete()
            detail = f"{KINDS.get(row.kind, row.kind)}：{row.title}"
            audit.record(self.actor, "delete", row,
                         detail=f"{detail}（{reason.strip()}）" if reason.strip() else detail)
            changes.touch("attachment", row.case_id)
            if row.kind == "signed_agreement":
                changes.touch("agreement", row.case_id)
        return changes


def purge_case_files(actor: Actor, case_id: str, removed: str) -> None:
    """Retention (PIPL Arts 19, 47), inside the caller's transaction: every file of the case
    is taken off it, its title and name replaced by ``removed``, and the bytes no other live
    attachment uses are deleted for good — a scan of an ID card is personal data too."""
    rows = list(Attachment.select().where(Attachment.case == case_id))
    for row in rows:
        row.title, row.file_name = removed, ""
        if row.deleted_at is None:
            row.deleted_at = clock.utc_now()
        row.save()
        audit.record(actor, "anonymise", row)
    for sha256 in {row.sha256 for row in rows}:
        if not Attachment.live().where(Attachment.sha256 == sha256).exists():
            content.delete_content(sha256)


def follow_finding(actor: Actor, finding_id: str, case_id: str) -> None:
    """A finding became (or joined) a case, inside the caller's transaction: the photos filed
    to it in the village now belong to that case's file too (its 附件 and its dossier)."""
    for row in Attachment.live().where(Attachment.owner_kind == "finding",
                                       Attachment.owner_id == finding_id):
        row.case_id = case_id
        row.save()
        audit.record(actor, "update", row, detail=f"随排查发现归入案件：{row.title}")
