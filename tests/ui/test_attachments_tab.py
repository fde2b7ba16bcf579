"""附件 on the case view, through its real widgets on a real encrypted register: files added
through the picker and by dropping them, pictures and PDFs previewed, saved out, removed, the
signed scan marking the agreement, the dossier listing them, and a backup carrying them."""

from __future__ import annotations

import warnings
from collections.abc import Callable
from datetime import date, datetime
from pathlib import Path
from typing import Any

import pytest
from PIL import Image
from PySide6.QtCore import QMimeData, QPoint, QPointF, Qt, QUrl
from PySide6.QtGui import QDragEnterEvent, QDropEvent
from PySide6.QtPdf import QPdfDocument
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QFileDialog, QMessageBox
from pytestqt.qtbot import QtBot

from mediation_desk.domain.lifecycle import Step
from mediation_desk.services.cases.drafts import AgreementDraft, RecordDraft, TermDraft
from mediation_desk.services.patrols.types import FindingDraft, VisitDraft
from mediation_desk.services.safety.accounts import open_register
from mediation_desk.services.safety.backups import backup_to
from mediation_desk.services.safety.restore import restore_backup
from tests.conftest import PASSWORD, Register, neighbour_draft
from tests.documents.conftest import pdf_text
from tests.ui.conftest import save_shot, type_text
from ui.context import AppContext
from ui.dialogs.attachments.attach_dialog import AttachDialog
from ui.fonts import apply_ui_font
from ui.views.cases.case_view import TAB_AGREEMENT, TAB_ATTACHMENTS, TAB_HISTORY, CaseView
from ui.views.patrol.patrol_view import PatrolView

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")

WINDOW = (1366, 768)


def photo(path: Path, colour: str = "seagreen", size: tuple[int, int] = (900, 600)) -> Path:
    Image.new("RGB", size, colour).save(path)
    return path


def drive(monkeypatch: pytest.MonkeyPatch, fill: Callable[[AttachDialog], None],
          press: str = "ok") -> list[AttachDialog]:
    """Make AttachDialog.exec fill the real dialog and press OK; the dialogs opened."""
    opened: list[AttachDialog] = []

    def fake_exec(self: Any) -> int:
        opened.append(self)
        self.show()
        fill(self)
        if press == "ok":
            self.ok_button.click()
        else:
            self.reject()
        result = self.result()
        self.hide()
        return int(result)

    monkeypatch.setattr(AttachDialog, "exec", fake_exec)
    return opened


def pick(monkeypatch: pytest.MonkeyPatch, *paths: Path) -> None:
    """The system file picker answers with ``paths`` (Qt's dialog, not ours, is replaced)."""
    monkeypatch.setattr(QFileDialog, "getOpenFileNames",
                        lambda *args, **kw: ([str(p) for p in paths], ""))


@pytest.fixture
def view(ctx: AppContext, qtbot: QtBot) -> CaseView:
    draft = neighbour_draft()
    draft.parties[1].address = "安溪县湖头镇湖二村3组47号"
    case_id = ctx.intake.register(draft).cases[0].case_id
    case_view = CaseView(ctx, case_id)
    qtbot.addWidget(case_view)
    case_view.resize(*WINDOW)
    case_view.show()
    return case_view


def wait_idle(qtbot: QtBot, view: CaseView) -> None:
    qtbot.waitUntil(lambda: not view.attachments_tab.busy, timeout=30_000)
    QApplication.processEvents()


def test_add_through_the_picker_preview_and_the_dossier(
        view: CaseView, ctx: AppContext, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch,
        tmp_path: Path) -> None:
    tab = view.attachments_tab
    view.tabs.setCurrentIndex(TAB_ATTACHMENTS)
    picture = photo(tmp_path / "IMG_20261203.png")
    pick(monkeypatch, picture)

    def fill(dialog: AttachDialog) -> None:
        [row] = dialog.rows
        assert row.kind.currentData() == "photo" and row.title.text() == "IMG_20261203"
        row.title.clear()
        type_text(row.title, "院墙裂缝照片")
        row.kind.setCurrentIndex(row.kind.findData("evidence"))

    opened = drive(monkeypatch, fill)
    tab.add_button.click()
    wait_idle(qtbot, view)
    assert len(opened) == 1 and tab.table.rowCount() == 1
    assert tab.table.item(0, 0).text() == "院墙裂缝照片"
    assert tab.table.item(0, 1).text() == "证据材料"
    assert "已添加 1 个附件" in view.message_label.text()
    qtbot.waitUntil(lambda: tab.preview.showing() == "image", timeout=10_000)
    assert not tab.preview.image.pixmap().isNull()
    assert "院墙裂缝照片" in tab.preview.caption.text()
    QTest.qWait(50)
    save_shot(view, "attachments_tab_photo")

    # The dossier's contents lists it, with its date; the checklist counts the evidence.
    ctx.casework.take_step(view.case_id, Step.NOTIFY_RIGHTS)
    ctx.casework.add_record(view.case_id, RecordDraft(
        "mediation", datetime(2026, 11, 3, 9, 30), place="问房调解室", body="双方陈述。"))
    contents = pdf_text(ctx.printing.render(view.case_id, "contents").pdf)
    assert "证据材料：院墙裂缝照片" in contents.replace(" ", "")
    items = {i.number: i for i in ctx.dossier.items(view.case_id)}
    assert items[6].present
    # The history names it.
    view.tabs.setCurrentIndex(TAB_HISTORY)
    assert any(text.startswith("添加附件") for text in view.history_tab.texts())


def test_a_dropped_pdf_is_filed_and_shown_page_by_page(
        view: CaseView, ctx: AppContext, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch,
        tmp_path: Path) -> None:
    tab = view.attachments_tab
    view.tabs.setCurrentIndex(TAB_ATTACHMENTS)
    scan = tmp_path / "告知书扫描件.pdf"
    scan.write_bytes(ctx.printing.render(view.case_id, "notice").pdf)
    drive(monkeypatch, lambda d: None)
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(scan))])
    # As a file manager drags it in: Qt delivers the drop only after an accepted enter.
    with warnings.catch_warnings():  # PySide6 6.12 flags QDragEnterEvent's only constructor
        warnings.simplefilter("ignore", DeprecationWarning)
        enter = QDragEnterEvent(QPoint(200, 200), Qt.DropAction.CopyAction, mime,
                                Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier)
    QApplication.sendEvent(tab, enter)
    assert enter.isAccepted()
    drop = QDropEvent(QPointF(200, 200), Qt.DropAction.CopyAction, mime,
                      Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier)
    QApplication.sendEvent(tab, drop)
    assert drop.isAccepted()
    wait_idle(qtbot, view)
    assert tab.table.rowCount() == 1 and tab.table.item(0, 0).text() == "告知书扫描件"
    qtbot.waitUntil(lambda: tab.preview.showing() == "pdf", timeout=10_000)
    pdf = tab.preview.pdf
    assert pdf.status() == QPdfDocument.Status.Ready
    assert pdf.pageCount() >= 1
    QTest.qWait(300)  # QPdfView paints asynchronously
    save_shot(view, "attachments_tab_pdf")

    # A copy out, byte for byte (Qt's save dialog answers with a path).
    out = tmp_path / "copy.pdf"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **kw: (str(out), ""))
    tab.save_button.click()
    wait_idle(qtbot, view)
    assert out.read_bytes() == scan.read_bytes()

    # Removing asks first, then takes it off the case (soft, in the history).
    monkeypatch.setattr(QMessageBox, "question",
                        lambda *a, **kw: QMessageBox.StandardButton.Yes)
    tab.remove_button.click()
    assert tab.table.rowCount() == 0
    assert any(text.startswith("删除附件") for text in view.history_tab.texts())
    assert any(text.startswith("另存附件") for text in view.history_tab.texts())


def test_a_file_over_the_limit_is_refused_beside_its_name(
        view: CaseView, ctx: AppContext, monkeypatch: pytest.MonkeyPatch,
        tmp_path: Path) -> None:
    ctx.attachments.set_limit_mb(1)
    big = tmp_path / "现场视频.mp4"
    big.write_bytes(bytes(1024 * 1024 + 10))
    small = photo(tmp_path / "照片.png")
    pick(monkeypatch, small, big)
    seen: list[str] = []

    def fill(dialog: AttachDialog) -> None:
        dialog.ok_button.click()  # refused: the dialog stays open
        seen.extend(row.error.text() for row in dialog.rows)

    drive(monkeypatch, fill, press="cancel")
    view.attachments_tab.add_button.click()
    assert seen[0] == "" and "超过附件大小上限 1 MB" in seen[1]
    assert ctx.attachments.for_case(view.case_id) == []


def test_the_signed_scan_marks_the_agreement_signed(
        view: CaseView, ctx: AppContext, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch,
        tmp_path: Path) -> None:
    work = ctx.casework
    work.take_step(view.case_id, Step.NOTIFY_RIGHTS)
    work.add_record(view.case_id, RecordDraft("mediation", datetime(2026, 11, 3, 9, 30),
                                              place="问房调解室", body="双方陈述。"))
    work.record_agreement(view.case_id, AgreementDraft(
        reached_on=date(2026, 11, 5), facts="滴水", issues="排水", responsibilities="李明",
        terms=[TermDraft("李明改建屋檐排水", obligor="李明", due_on=date(2026, 12, 1))]))
    view.tabs.setCurrentIndex(TAB_AGREEMENT)
    tab = view.agreement_tab
    assert "尚未归档签字协议" in tab.signed_label.text()
    pick(monkeypatch, photo(tmp_path / "协议签字页.png", "white", (1240, 1754)))

    def fill(dialog: AttachDialog) -> None:
        assert dialog.owner_box.currentText() == "调解协议"
        assert dialog.rows[0].kind.currentData() == "signed_agreement"

    drive(monkeypatch, fill)
    tab.signed_button.click()
    wait_idle(qtbot, view)
    assert view.tabs.currentIndex() == TAB_ATTACHMENTS
    assert "已签署" in tab.signed_label.text() and "协议签字页" in tab.signed_label.text()
    view.tabs.setCurrentIndex(TAB_AGREEMENT)
    QTest.qWait(20)
    save_shot(view, "agreement_tab_signed")


def test_a_record_s_photos_and_a_backup_that_carries_them(
        view: CaseView, ctx: AppContext, register: Register, qtbot: QtBot,
        monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    ctx.casework.take_step(view.case_id, Step.NOTIFY_RIGHTS)
    ctx.casework.add_record(view.case_id, RecordDraft(
        "investigation", datetime(2026, 11, 3, 9, 30), place="湖二村", body="现场查看。"))
    picture = photo(tmp_path / "现场.png", "tan")
    pick(monkeypatch, picture)
    drive(monkeypatch, lambda d: None)
    view.records_tab.table.setCurrentCell(0, 0)
    view.records_tab.attach_button.click()
    wait_idle(qtbot, view)
    [filed] = ctx.attachments.for_case(view.case_id)
    assert filed.owner_kind == "record" and filed.owner_label.startswith("调查记录")
    assert view.attachments_tab.table.item(0, 2).text().startswith("调查记录")

    backup = backup_to(register.store, register.actor, tmp_path / "backup" / "register.db")
    restored = restore_backup(backup, tmp_path / "restored.db", "admin", PASSWORD)
    view.close()
    store, actor = open_register(restored.path, "admin", PASSWORD)
    try:
        other = AppContext.build(store, actor)
        again = CaseView(other, view.case_id)
        qtbot.addWidget(again)
        again.resize(*WINDOW)
        again.show()
        again.tabs.setCurrentIndex(TAB_ATTACHMENTS)
        again.attachments_tab.table.setCurrentCell(0, 0)
        qtbot.waitUntil(lambda: again.attachments_tab.preview.showing() == "image",
                        timeout=10_000)
        out = tmp_path / "back.png"
        other.attachments.save_copy(filed.id, out)
        assert out.read_bytes() == picture.read_bytes()
        again.close()
    finally:
        store.close()


@pytest.mark.parametrize("scale", [1.0, 1.5])
def test_render_the_attachments_tab(view: CaseView, ctx: AppContext, qtbot: QtBot,
                                    monkeypatch: pytest.MonkeyPatch, tmp_path: Path,
                                    scale: float) -> None:
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    apply_ui_font(app, scale)
    try:
        for name, colour in (("院墙东侧裂缝", "lightsteelblue"), ("收条（李明付修复费）", "ivory")):
            ctx.attachments.add("case", view.case_id, photo(tmp_path / f"{name}.png", colour),
                                kind="photo" if "裂缝" in name else "receipt")
        view.tabs.setCurrentIndex(TAB_ATTACHMENTS)
        view.attachments_tab.table.setCurrentCell(0, 0)
        qtbot.waitUntil(lambda: view.attachments_tab.preview.showing() == "image",
                        timeout=10_000)
        QTest.qWait(50)
        assert view.size().width() <= WINDOW[0] and view.size().height() <= WINDOW[1]
        save_shot(view, f"attachments_tab_{int(scale * 100)}")
    finally:
        apply_ui_font(app, 1.0)


def test_photos_filed_to_a_patrol_finding_from_the_patrol_page(
        ctx: AppContext, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    visit = ctx.patrols.record_visit(VisitDraft(
        None, None, date(2026, 11, 20), "湖二村", ["林春梅"], ad_hoc=True, findings=[
            FindingDraft("两户因宅基地界址争执", parties="王五与赵六", risk_level="orange")]))
    finding_id = visit.finding_ids[0]
    page = PatrolView(ctx)
    qtbot.addWidget(page)
    page.resize(1248, 690)
    page.show()
    page.reload_findings()
    assert page.findings.select(finding_id)
    pick(monkeypatch, photo(tmp_path / "界址现场.png"))

    def fill(dialog: AttachDialog) -> None:
        assert [dialog.owner_box.itemText(i) for i in range(dialog.owner_box.count())] == [
            "排查发现 2026-11-20 两户因宅基地界址争执"]

    drive(monkeypatch, fill)
    page.findings.attach_button.click()
    qtbot.waitUntil(lambda: bool(ctx.attachments.for_owner("finding", finding_id)),
                    timeout=30_000)
    qtbot.waitUntil(lambda: "归入这条排查发现" in page.status.text(), timeout=10_000)
