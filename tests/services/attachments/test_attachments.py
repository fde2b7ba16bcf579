"""Attachments against a real encrypted register: filed once by hash, read back byte for
byte, refused by name when too big, a signed scan marking the agreement, kept by backups."""

from __future__ import annotations

import hashlib
import os
import subprocess
import tracemalloc
from datetime import date, datetime
from pathlib import Path

import pytest
from PIL import Image

from mediation_desk.domain.lifecycle import Step
from mediation_desk.errors import NotFound, PermissionDenied, ValidationError
from mediation_desk.services.attachments.service import AttachmentService
from mediation_desk.services.cases.casework import CaseworkService
from mediation_desk.services.cases.detail import CaseDetailService
from mediation_desk.services.cases.drafts import AgreementDraft, RecordDraft, TermDraft
from mediation_desk.services.cases.intake import IntakeService
from mediation_desk.services.patrols.service import PatrolService
from mediation_desk.services.patrols.types import FindingDraft, VisitDraft
from mediation_desk.services.printing.dossier import DossierService
from mediation_desk.services.printing.service import PrintingService
from mediation_desk.services.safety.accounts import AccountService, open_register
from mediation_desk.services.safety.audit_check import verify_audit
from mediation_desk.services.safety.backups import backup_to
from mediation_desk.services.safety.restore import restore_backup
from mediation_desk.services.safety.retention import REMOVED, RetentionService
from mediation_desk.store.attachment_content import CHUNK_SIZE
from mediation_desk.store.models import (
    Attachment,
    AttachmentChunk,
    AttachmentContent,
    AuditEvent,
    Party,
)
from tests.conftest import PASSWORD, Register, neighbour_draft
from tests.documents.conftest import pdf_text


def _case(register: Register) -> str:
    return IntakeService(register.store, register.actor).register(
        neighbour_draft()).cases[0].case_id


def _photo(path: Path, colour: str = "red", size: tuple[int, int] = (120, 80)) -> Path:
    Image.new("RGB", size, colour).save(path, "PNG")
    return path


def _blob(path: Path, megabytes: float, seed: int = 1) -> Path:
    """A file of incompressible bytes (a scan's size without a scanner)."""
    size = int(megabytes * 1024 * 1024)
    path.write_bytes(hashlib.shake_256(str(seed).encode()).digest(size))
    return path


def _agreed(register: Register, case_id: str) -> None:
    work = CaseworkService(register.store, register.actor)
    work.take_step(case_id, Step.NOTIFY_RIGHTS)
    work.add_record(case_id, RecordDraft("mediation", datetime(2026, 11, 3, 9, 30),
                                         place="问房调解室", body="双方陈述。"))
    respondent = Party.get(Party.case == case_id, Party.side == "respondent")
    draft = work.party_draft(respondent.id)
    draft.address = "安溪县湖头镇湖二村3组47号"
    work.update_party(respondent.id, draft)
    work.record_agreement(case_id, AgreementDraft(
        reached_on=date(2026, 11, 5), facts="滴水", issues="排水", responsibilities="李明",
        terms=[TermDraft("李明改建屋檐排水", obligor="李明", due_on=date(2026, 12, 1))]))


def test_a_photo_is_filed_listed_and_read_back_byte_for_byte(register: Register,
                                                             tmp_path: Path) -> None:
    case_id = _case(register)
    files = AttachmentService(register.store, register.actor)
    photo = _photo(tmp_path / "院墙照片.png")
    result = files.add("case", case_id, photo)
    assert result.stored and result.size == photo.stat().st_size
    assert result.sha256 == hashlib.sha256(photo.read_bytes()).hexdigest()
    assert {"attachment"} <= result.changes.kinds and result.changes.case_ids == {case_id}

    [view] = files.for_case(case_id)
    assert (view.title, view.kind, view.kind_label, view.mime_type, view.file_name) == (
        "院墙照片", "photo", "照片", "image/png", "院墙照片.png")
    assert view.added_by == register.actor.name and view.owner_label == "案件"
    event = AuditEvent.select().where(AuditEvent.entity == "attachment").get()
    assert (event.action, event.entity_id) == ("create", result.id)
    assert event.detail.startswith("照片：院墙照片（")

    out = tmp_path / "copy.png"
    assert files.save_copy(result.id, out) == photo.stat().st_size
    assert out.read_bytes() == photo.read_bytes()
    assert not (tmp_path / "copy.png.part").exists()
    assert AuditEvent.select().where(AuditEvent.action == "export",
                                     AuditEvent.entity == "attachment").count() == 1
    assert verify_audit(register.store) == []
    # The case view sees it too, with the history naming what was done.
    detail = CaseDetailService(register.store, register.actor).load(case_id)
    assert [a.id for a in detail.attachments] == [result.id]
    assert any(line.action == "添加附件" for line in detail.history)
    assert any(line.action == "另存附件" for line in detail.history)


def test_the_same_file_is_stored_once_and_a_big_one_in_chunks(register: Register,
                                                              tmp_path: Path) -> None:
    case_id = _case(register)
    work = CaseworkService(register.store, register.actor)
    work.take_step(case_id, Step.NOTIFY_RIGHTS)
    work.add_record(case_id, RecordDraft("investigation", datetime(2026, 11, 3, 9, 30),
                                         body="现场查看。"))
    record_id = work.records(case_id)[0].id
    files = AttachmentService(register.store, register.actor)
    scan = _blob(tmp_path / "scan.pdf", 2.5)
    first = files.add("case", case_id, scan, title="现场勘查图", kind="evidence")
    again = files.add("record", record_id, scan, title="同一份勘查图")
    assert first.stored and not again.stored and first.sha256 == again.sha256
    assert AttachmentContent.select().count() == 1
    assert AttachmentChunk.select().count() == 3  # 1 MB + 1 MB + 0.5 MB
    assert max(len(c.data) for c in AttachmentChunk.select()) == CHUNK_SIZE
    views = files.for_case(case_id)
    assert [v.owner_kind for v in views] == ["case", "record"]
    assert views[1].owner_label.startswith("调查记录 2026-11-03")
    assert views[1].kind == "other"  # not an image, nothing said: 其他材料
    assert [v.id for v in files.for_owner("record", record_id)] == [again.id]
    out = tmp_path / "out.pdf"
    files.save_copy(again.id, out)
    assert out.read_bytes() == scan.read_bytes()


def test_filing_never_holds_the_whole_file_in_memory(register: Register,
                                                     tmp_path: Path) -> None:
    case_id = _case(register)
    files = AttachmentService(register.store, register.actor)
    scan = _blob(tmp_path / "big.tif", 12)
    tracemalloc.start()
    try:
        files.add("case", case_id, scan, kind="evidence")
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert peak < 4 * CHUNK_SIZE, f"peak {peak / 1e6:.1f} MB while filing a 12 MB file"


def test_a_file_over_the_limit_or_empty_is_refused_by_name(register: Register,
                                                          tmp_path: Path) -> None:
    case_id = _case(register)
    files = AttachmentService(register.store, register.actor)
    assert files.limit_mb() == 50
    files.set_limit_mb(2)
    big = _blob(tmp_path / "手机视频.mp4", 2.2)
    events = AuditEvent.select().count()
    with pytest.raises(ValidationError) as refused:
        files.add("case", case_id, big)
    [problem] = refused.value.problems
    assert (problem.record, problem.field) == ("手机视频.mp4", "文件大小")
    assert "2.2 MB" in problem.reason and "2 MB" in problem.reason
    empty = tmp_path / "空.jpg"
    empty.write_bytes(b"")
    with pytest.raises(ValidationError, match=r"空\.jpg 文件大小 文件是空的"):
        files.add("case", case_id, empty)
    with pytest.raises(ValidationError, match="类型"):
        files.add("case", case_id, _photo(tmp_path / "a.png"), kind="selfie")
    with pytest.raises(ValidationError, match="不存在"):
        files.add("case", case_id, tmp_path / "missing.pdf")
    with pytest.raises(NotFound):
        files.add("record", "no-such-record", _photo(tmp_path / "b.png"))
    assert AuditEvent.select().count() == events and Attachment.select().count() == 0
    assert AttachmentChunk.select().count() == 0
    with pytest.raises(ValidationError, match="附件大小上限"):
        files.set_limit_mb(0)
    accounts = AccountService(register.store, register.actor)
    accounts.add("linchm", "mediator", "chunmei-2026")
    register.store.close()
    store, mediator = open_register(register.path, "linchm", "chunmei-2026")
    try:
        with pytest.raises(PermissionDenied):
            AttachmentService(store, mediator).set_limit_mb(100)
    finally:
        store.close()


def test_a_file_changed_while_it_is_filed_is_refused_and_nothing_written(
        register: Register, tmp_path: Path) -> None:
    case_id = _case(register)
    files = AttachmentService(register.store, register.actor)
    scan = _blob(tmp_path / "scan.pdf", 2.5)
    size = scan.stat().st_size

    def meddle(done: int, total: int) -> None:
        if size < done < total:  # storing has begun: someone saves over the file
            with scan.open("r+b") as f:
                f.seek(size - 10)
                f.write(b"0123456789")

    with pytest.raises(ValidationError, match="在读取时被改动"):
        files.add("case", case_id, scan, progress=meddle)
    assert Attachment.select().count() == 0 and AttachmentChunk.select().count() == 0


def test_a_signed_scan_marks_the_agreement_signed(register: Register, tmp_path: Path) -> None:
    case_id = _case(register)
    files = AttachmentService(register.store, register.actor)
    scan = _photo(tmp_path / "协议书签字页.jpg", "white", (600, 800))
    with pytest.raises(ValidationError, match="还没有调解协议"):
        files.add("case", case_id, scan, kind="signed_agreement")
    _agreed(register, case_id)
    detail = CaseDetailService(register.store, register.actor)
    agreement = detail.load(case_id).agreement
    assert agreement is not None and agreement.signed_on is None
    result = files.add("agreement", agreement.id, scan, title="调解协议书（签字）",
                       kind="signed_agreement")
    assert "agreement" in result.changes.kinds
    signed = detail.load(case_id).agreement
    assert signed is not None and signed.signed_title == "调解协议书（签字）"
    assert signed.signed_on is not None
    files.remove(result.id, reason="扫描不清，重扫")
    assert detail.load(case_id).agreement.signed_on is None  # type: ignore[union-attr]
    event = AuditEvent.select().where(AuditEvent.action == "delete").get()
    assert event.detail == "签字协议书扫描件：调解协议书（签字）（扫描不清，重扫）"
    assert files.for_case(case_id) == [] and Attachment.select().count() == 1  # soft


def test_attachments_survive_a_backup_and_restore(register: Register, tmp_path: Path) -> None:
    case_id = _case(register)
    files = AttachmentService(register.store, register.actor)
    scan = _blob(tmp_path / "收条.pdf", 1.5, seed=7)
    result = files.add("case", case_id, scan, kind="receipt")
    backup = backup_to(register.store, register.actor, tmp_path / "backup" / "register.db")
    register.store.close()
    restored = restore_backup(backup, tmp_path / "restored.db", "admin", PASSWORD)
    store, actor = open_register(restored.path, "admin", PASSWORD)
    try:
        out = tmp_path / "back.pdf"
        AttachmentService(store, actor).save_copy(result.id, out)
        assert out.read_bytes() == scan.read_bytes()
    finally:
        store.close()


def test_a_private_notes_files_are_hidden_from_other_mediators(register: Register,
                                                               tmp_path: Path) -> None:
    case_id = _case(register)
    work = CaseworkService(register.store, register.actor)
    work.add_record(case_id, RecordDraft("note", datetime(2026, 11, 3, 9, 30), body="私下"))
    note = work.records(case_id)[0]
    files = AttachmentService(register.store, register.actor)
    files.add("record", note.id, _photo(tmp_path / "n.png"))
    assert len(files.for_case(case_id)) == 1
    AccountService(register.store, register.actor).add("chen", "mediator", "chen-pass-1")
    register.store.close()
    store, other = open_register(register.path, "chen", "chen-pass-1")
    try:
        others = AttachmentService(store, other)
        assert others.for_case(case_id) == []
        with pytest.raises(NotFound):
            others.add("record", note.id, _photo(tmp_path / "m.png"))
    finally:
        store.close()


def test_content_altered_behind_the_apps_back_is_refused_on_reading(
        register: Register, tmp_path: Path) -> None:
    case_id = _case(register)
    files = AttachmentService(register.store, register.actor)
    result = files.add("case", case_id, _blob(tmp_path / "s.pdf", 1.2))
    register.store.execute("UPDATE attachment_chunk SET data = zeroblob(10) WHERE seq = 1")
    out = tmp_path / "out.pdf"
    with pytest.raises(ValidationError, match="校验值不符"):
        files.save_copy(result.id, out)
    assert not [n for n in os.listdir(tmp_path) if n.startswith("out.pdf")]  # nor a .part


def test_the_dossier_lists_every_file_and_prints_the_photos(register: Register,
                                                            tmp_path: Path) -> None:
    case_id = _case(register)
    _agreed(register, case_id)
    files = AttachmentService(register.store, register.actor)
    files.add("case", case_id, _photo(tmp_path / "院墙照片.png", "grey", (800, 600)),
              kind="evidence")
    files.add("case", case_id, _blob(tmp_path / "收条.pdf", 0.1), kind="receipt")
    items = {i.number: i for i in DossierService(register.store, register.actor).items(case_id)}
    assert (items[6].present, items[6].note) == (True, "已归档电子文件1份")
    assert (items[9].present, items[9].note) == (True, "已归档电子文件1份")
    printing = PrintingService(register.store, register.actor)
    assert printing.case_file(case_id).attachments[0].image is None  # listing reads no bytes
    dossier = printing.render(case_id, "dossier")
    text = pdf_text(dossier.pdf, layout=False)
    assert "证据材料：院墙照片" in text.replace("\n", "") and "履行凭证：收条" in text
    contents = pdf_text(printing.render(case_id, "contents").pdf, layout=False)
    assert "院墙照片" in contents and "收条" in contents and "电子文件" in contents
    path = tmp_path / "dossier.pdf"
    path.write_bytes(dossier.pdf)
    listed = subprocess.run(["pdfimages", "-list", str(path)], capture_output=True, text=True,
                            check=True).stdout.splitlines()[2:]
    assert len(listed) == 1  # the photo; the PDF receipt is listed, kept electronically


def test_retention_purges_the_files_of_an_anonymised_case(register: Register,
                                                           tmp_path: Path) -> None:
    case_id = _case(register)
    other = _case(register)
    files = AttachmentService(register.store, register.actor)
    shared = _photo(tmp_path / "张喆身份证.png", "khaki")
    files.add("case", case_id, shared, kind="evidence")
    files.add("case", case_id, _blob(tmp_path / "only.pdf", 0.2), kind="receipt")
    kept = files.add("case", other, shared, kind="evidence")  # the same bytes, another case
    work = CaseworkService(register.store, register.actor)
    work.take_step(case_id, Step.REFUSE, "被申请人拒绝调解")
    work.take_step(case_id, Step.CLOSE)
    work.take_step(case_id, Step.ARCHIVE)
    RetentionService(register.store, register.actor).anonymise([case_id], date(2040, 1, 1))
    assert files.for_case(case_id) == []
    rows = list(Attachment.select().where(Attachment.case == case_id))
    assert {(r.title, r.file_name) for r in rows} == {(REMOVED, "")}
    assert AttachmentContent.select().count() == 1  # the other case still uses the photo
    out = tmp_path / "still.png"
    files.save_copy(kept.id, out)
    assert out.read_bytes() == shared.read_bytes()
    assert verify_audit(register.store) == []


def test_a_findings_photos_follow_it_into_its_case(register: Register, tmp_path: Path) -> None:
    patrols = PatrolService(register.store, register.actor)
    visit = patrols.record_visit(VisitDraft(
        None, None, date(2026, 11, 20), "湖二村", ["林春梅"], findings=[FindingDraft(
            "两户因宅基地界址争执，一方准备砌墙", parties="王五与赵六",
            dispute_type="房屋宅基地纠纷", risk_level="orange")], ad_hoc=True))
    finding_id = visit.finding_ids[0]
    files = AttachmentService(register.store, register.actor)
    owner = files.owner("finding", finding_id)
    assert owner.case_id is None and owner.label.startswith("排查发现 2026-11-20")
    result = files.add("finding", finding_id, _photo(tmp_path / "界址现场.png"))
    assert [v.id for v in files.for_owner("finding", finding_id)] == [result.id]
    case_id = patrols.finding_to_case(finding_id).id
    [view] = files.for_case(case_id)
    assert (view.id, view.case_id, view.owner_kind) == (result.id, case_id, "finding")
    case_file = PrintingService(register.store, register.actor).case_file(case_id)
    assert [a.title for a in case_file.attachments] == ["界址现场"]
    assert verify_audit(register.store) == []
