"""The 文书 tab and the print preview, driven through their real widgets on a real register.

Qt's own modal dialogs (QPrintDialog, QFileDialog) cannot be answered in a test; where the
window would open one, the test hands over what the user would have chosen (a QPrinter that
writes a PDF file, a path) to the same method the dialog's answer goes to.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QImage
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPrintSupport import QPrinter
from PySide6.QtTest import QTest
from pytestqt.qtbot import QtBot

from mediation_desk.documents import KINDS
from mediation_desk.domain.lifecycle import Step
from mediation_desk.services.printing.dossier import gaps
from tests.conftest import neighbour_draft
from tests.ui.conftest import save_shot
from tests.ui.test_printing import agreed_case, identify
from ui.context import AppContext
from ui.dialogs.preview_dialog import PreviewDialog
from ui.main_window import MainWindow
from ui.printing import make_printer, page_count
from ui.views.cases.case_view import TAB_DOCUMENTS, TAB_HISTORY, CaseView
from ui.views.cases.tabs.batch_print import BatchOutcome, BatchPrint
from ui.views.cases.tabs.common import MUTED
from ui.views.cases.tabs.documents_tab import COL_FORM, COL_STATE, DocumentsTab

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")

SCREEN = (1366, 768)
VIEW_SIZE = (1240, 650)  # what a case tab gets inside the 1366×768 main window


def has_ink(image: QImage) -> bool:
    """Whether a grab shows rendered page content (dark pixels), not an empty grey view."""
    small = image.scaled(200, 200).convertToFormat(QImage.Format.Format_Grayscale8)
    raw, stride = bytes(small.constBits()), small.bytesPerLine()
    return any(raw[row * stride + col] < 100 for row in range(small.height())
               for col in range(small.width()))


def wait_painted(qtbot: QtBot, dialog: PreviewDialog) -> None:
    """QPdfView renders pages on a thread: wait for the document, then for ink on screen."""
    qtbot.waitUntil(lambda: dialog.pdf.status() == QPdfDocument.Status.Ready, timeout=5000)
    qtbot.waitUntil(lambda: has_ink(dialog.view.viewport().grab().toImage()), timeout=10000)


def pdf_printer(path: Path, pdf: bytes | None, copies: int) -> QPrinter:
    printer = make_printer(pdf, copies=copies)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(path))
    return printer


def row_of(tab: DocumentsTab, kind: str) -> int:
    for row in range(tab.forms_table.rowCount()):
        if tab.forms_table.item(row, COL_FORM).data(Qt.ItemDataRole.UserRole) == kind:
            return row
    raise AssertionError(kind)


@pytest.fixture
def window(ctx: AppContext, qtbot: QtBot) -> MainWindow:
    main = MainWindow(ctx)
    qtbot.addWidget(main)
    main.resize(*SCREEN)
    main.show()
    return main


def open_documents(opener: MainWindow | QtBot, ctx: AppContext, case_id: str) -> CaseView:
    """The case on its 文书 tab: in the main window (1366×768), or alone at the size a case
    tab gets there."""
    if isinstance(opener, MainWindow):
        view = opener.open_case(case_id)
    else:
        view = CaseView(ctx, case_id)
        opener.addWidget(view)
        view.resize(*VIEW_SIZE)
        view.show()
    view.tabs.setCurrentIndex(TAB_DOCUMENTS)
    QTest.qWait(20)
    return view


# -- the tab --------------------------------------------------------------------------------
def test_the_tab_lists_every_form_and_the_file_checklist(window: MainWindow,
                                                         ctx: AppContext) -> None:
    view = open_documents(window, ctx, agreed_case(ctx))
    tab = view.documents_tab
    assert [c.kind for c in tab.choices] == list(KINDS)
    assert tab.forms_table.rowCount() == len(KINDS)
    agreement = tab.forms_table.item(row_of(tab, "agreement"), COL_FORM)
    assert agreement.flags() & Qt.ItemFlag.ItemIsUserCheckable
    assert tab.choice("agreement").available and tab.choice("agreement").applies
    assert not tab.choice("investigation").applies  # no investigation record in this case

    tab.select_kind("agreement")
    assert tab.preview_button.isEnabled() and tab.print_button.isEnabled()
    # The file checklist: 13 items, complete for an agreed case (it is not closed yet).
    assert tab.dossier_table.rowCount() == 13 and tab.missing == []
    assert "#2e7d32" in tab.completeness_label.styleSheet()
    save_shot(window, "documents_tab_agreed_case")


def test_a_form_lacking_data_is_disabled_and_names_the_fields(qtbot: QtBot,
                                                             ctx: AppContext) -> None:
    """李明 was registered without an address: the agreement cannot be printed, its row
    says which field to fill, and asking anyway prints nothing."""
    view = open_documents(qtbot, ctx, agreed_case(ctx, respondent_address=""))
    tab = view.documents_tab
    choice = tab.choice("agreement")
    assert choice is not None and choice.applies and not choice.available
    assert any("李明" in line and "住址" in line for line in choice.missing), choice.missing
    row = row_of(tab, "agreement")
    name = tab.forms_table.item(row, COL_FORM)
    state = tab.forms_table.item(row, COL_STATE)
    assert not name.flags() & Qt.ItemFlag.ItemIsUserCheckable
    assert all(line in state.text() and line in state.toolTip() for line in choice.missing)
    tab.select_kind("agreement")
    assert not tab.preview_button.isEnabled() and not tab.print_button.isEnabled()
    assert choice.missing[0] in tab.preview_button.toolTip()
    save_shot(view, "documents_tab_missing_address")

    assert tab.preview("agreement") == []
    assert not tab.message_label.isHidden()
    assert "人民调解协议书" in tab.message_label.text() and "住址" in tab.message_label.text()
    assert ctx.printing.printed(view.case_id) == []


def test_forms_that_are_not_part_of_the_case_are_not_offered(qtbot: QtBot,
                                                            ctx: AppContext) -> None:
    """A case just registered: no agreement yet, so neither the agreement nor the
    confirmation application can be ticked or previewed; the file cover can."""
    view = open_documents(qtbot, ctx, ctx.intake.register(neighbour_draft()).cases[0].case_id)
    tab = view.documents_tab
    for kind in ("agreement", "confirmation", "termination"):
        choice = tab.choice(kind)
        assert choice is not None and not choice.applies
        row = row_of(tab, kind)
        assert not tab.forms_table.item(row, COL_FORM).flags() & Qt.ItemFlag.ItemIsUserCheckable
        assert tab.forms_table.item(row, COL_STATE).foreground().color().name() == MUTED
        tab.select_kind(kind)
        assert not tab.preview_button.isEnabled()
    tab.select_kind("cover")
    assert tab.preview_button.isEnabled()


# -- preview, save and print ----------------------------------------------------------------
def test_preview_shows_the_agreement_and_saving_files_it(
        ctx: AppContext, qtbot: QtBot, tmp_path: Path,
        monkeypatch: pytest.MonkeyPatch) -> None:
    case_id = agreed_case(ctx)
    view = open_documents(qtbot, ctx, case_id)
    tab = view.documents_tab
    tab.select_kind("agreement")
    seen: list[PreviewDialog] = []
    target = tmp_path / "协议书.pdf"

    def fake_exec(dialog: PreviewDialog) -> int:
        seen.append(dialog)
        dialog.resize(*SCREEN)
        dialog.show()
        wait_painted(qtbot, dialog)
        assert dialog.pdf.pageCount() == dialog.document.pages >= 1
        assert dialog.pages_label.text().endswith(str(dialog.document.pages)) or str(
            dialog.document.pages) in dialog.pages_label.text()
        save_shot(dialog, "preview_agreement")
        dialog.zoom_box.setCurrentIndex(1)  # fit width
        assert dialog.view.zoomMode() == dialog.view.ZoomMode.FitToWidth
        dialog.save_to(target)
        dialog.hide()
        return 0

    monkeypatch.setattr(PreviewDialog, "exec", fake_exec)
    tab.preview_button.click()

    [dialog] = seen
    document = dialog.document
    assert document.kind == "agreement" and document.default_copies == 3
    assert target.read_bytes() == document.pdf
    assert dialog.filed_actions == ["save"]
    # Filed to the case: the 文书 list and the 操作记录 show it.
    qtbot.waitUntil(lambda: tab.printed_table.rowCount() == 1)
    [printed] = ctx.printing.printed(case_id)
    assert (printed.kind, printed.action, printed.sha256) == ("agreement", "save",
                                                              document.sha256)
    assert tab.printed_table.item(0, 6).text() == document.sha256[:12]
    save_shot(view, "documents_tab_after_save")
    view.tabs.setCurrentIndex(TAB_HISTORY)
    assert any("人民调解协议书" in text and "打印" in text for text in view.history_tab.texts())


def test_printing_from_the_preview_makes_n_plus_one_copies_and_files_them(
        ctx: AppContext, qtbot: QtBot, tmp_path: Path) -> None:
    case_id = agreed_case(ctx, third_party=True)
    document = ctx.printing.render(case_id, "agreement")
    assert document.default_copies == 4  # three parties and the room
    dialog = PreviewDialog(ctx, document, number="（2026）湖头人调字第1号")
    qtbot.addWidget(dialog)
    out = tmp_path / "printed.pdf"
    finished: list[Any] = []
    dialog.print_on(pdf_printer(out, document.pdf, document.default_copies),
                    on_finished=finished.append)
    qtbot.waitUntil(lambda: bool(finished), timeout=60000)
    assert finished[0] is not None and finished[0].copies == 4
    assert identify(out.read_bytes(), document.pdf) == list(
        range(1, document.pages + 1)) * 4
    [printed] = ctx.printing.printed(case_id)
    assert (printed.action, printed.copies, printed.pages) == ("print", 4, document.pages)
    assert not dialog.message_label.isHidden() and dialog.print_button.isEnabled()


def test_warnings_are_shown_above_the_preview(ctx: AppContext, qtbot: QtBot) -> None:
    case_id = agreed_case(ctx)
    document = ctx.printing.render(case_id, "agreement")
    vague = document.__class__(**{**document.__dict__,
                                  "warnings": ("第1条 没有写明履行期限",)})
    dialog = PreviewDialog(ctx, vague)
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.warning_label.isVisible()
    assert "第1条 没有写明履行期限" in dialog.warning_label.text()
    clear = PreviewDialog(ctx, document)
    qtbot.addWidget(clear)
    clear.show()
    assert document.warnings == () and not clear.warning_label.isVisible()


def test_ctrl_p_on_a_case_opens_the_preview_of_its_agreement(
        window: MainWindow, ctx: AppContext, qtbot: QtBot,
        monkeypatch: pytest.MonkeyPatch) -> None:
    assert not window.actions.print.isEnabled()  # no case open
    case_id = agreed_case(ctx)
    view = window.open_case(case_id)
    assert window.actions.print.isEnabled()
    opened: list[str] = []

    def fake_exec(dialog: PreviewDialog) -> int:
        opened.append(dialog.document.kind)
        return 0

    monkeypatch.setattr(PreviewDialog, "exec", fake_exec)
    window.activateWindow()
    QTest.keyClick(window, Qt.Key.Key_P, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: bool(opened))
    assert opened == ["agreement"]
    assert view.tabs.currentIndex() == TAB_DOCUMENTS


# -- batch printing --------------------------------------------------------------------------
def test_batch_printing_the_ticked_forms_runs_on_a_worker_and_files_each(
        ctx: AppContext, qtbot: QtBot, tmp_path: Path,
        monkeypatch: pytest.MonkeyPatch) -> None:
    case_id = agreed_case(ctx)
    view = open_documents(qtbot, ctx, case_id)  # keep the view: it owns the tab
    tab = view.documents_tab
    out = tmp_path / "batch.pdf"
    monkeypatch.setattr(BatchPrint, "choose_printer", lambda self: pdf_printer(out, None, 1))
    tab.set_checked(["intake", "agreement"])
    assert tab.checked_kinds() == ["intake", "agreement"]
    tab.batch_box.setCurrentIndex(1)  # the ticked forms
    with qtbot.waitSignal(tab.batch.finished, timeout=60000) as signal:
        tab.batch_button.click()
        assert not tab.batch_button.isEnabled()  # one run at a time
    outcome = signal.args[0]
    assert isinstance(outcome, BatchOutcome)
    assert [d.kind for d in outcome.documents] == ["intake", "agreement"]
    assert page_count(out.read_bytes()) == sum(d.pages for d in outcome.documents)
    assert {p.kind for p in ctx.printing.printed(case_id)} == {"intake", "agreement"}
    qtbot.waitUntil(lambda: tab.printed_table.rowCount() == 2)
    assert tab.batch_button.isEnabled()


def test_batch_printing_the_dossier_can_be_cancelled(
        ctx: AppContext, qtbot: QtBot, tmp_path: Path) -> None:
    case_id = agreed_case(ctx)
    view = open_documents(qtbot, ctx, case_id)  # keep the view: it owns the tab
    tab = view.documents_tab
    out = tmp_path / "dossier.pdf"
    with qtbot.waitSignal(tab.batch.finished, timeout=60000) as signal:
        assert tab.batch.start(["dossier"], printer=pdf_printer(out, None, 1))
        tab.batch.job.cancel_event.set()  # the progress dialog's Cancel
    assert signal.args[0] is None
    assert not out.exists()
    assert ctx.printing.printed(case_id) == []
    assert not tab.message_label.isHidden() and "#b71c1c" in tab.message_label.styleSheet()


# -- completeness before archiving ----------------------------------------------------------
def test_the_archive_refusal_and_the_checklist_say_the_same(
        ctx: AppContext, qtbot: QtBot) -> None:
    """A case closed without a mediation record cannot be archived: the refusal in the case
    view and the documents tab's checklist name the same missing items."""
    case_id = ctx.intake.register(neighbour_draft()).cases[0].case_id
    ctx.casework.take_step(case_id, Step.NOTIFY_RIGHTS)
    ctx.casework.take_step(case_id, Step.TERMINATE, "双方分歧过大")
    ctx.casework.take_step(case_id, Step.CLOSE)
    view = open_documents(qtbot, ctx, case_id)
    missing = gaps(ctx.dossier.items(case_id))
    assert missing, "the case should lack its mediation record"

    view.actions.take_step(Step.ARCHIVE)
    refusal = view.message_label.text()
    assert view.message_label.isVisible()
    tab = view.documents_tab
    assert tab.missing == missing
    for item in missing:
        assert item in refusal and item in tab.completeness_label.text()
    assert "、".join(missing) in refusal and "、".join(missing) in tab.completeness_label.text()
    rows = {tab.dossier_table.item(r, 1).text(): tab.dossier_table.item(r, 3).text()
            for r in range(tab.dossier_table.rowCount())}
    assert any((title in rows and "MISSING" in rows[title]) or "缺" in rows[title]
               for title in (m.split("（")[0] for m in missing))
    save_shot(view, "documents_tab_archive_refused")


@pytest.mark.parametrize("scale", [1.0, 1.25, 1.5], ids=["100%", "125%", "150%"])
def test_preview_opens_readable_and_on_a_small_screen(ctx: AppContext, qtbot: QtBot,
                                                      scale: float) -> None:
    """Issue 16: the preview opened at whole page (body text ~9 px) in a 900×720 dialog
    whose buttons fell under the taskbar of a 1366×768 laptop. Now: fit width, and the
    dialog with its title bar within 1366×728 at every text size."""
    from PySide6.QtWidgets import QApplication

    from ui.fonts import apply_ui_font, bundled_ui_font
    from ui.widgets.screen_fit import SMALLEST_SCREEN, TITLE_BAR

    app = QApplication.instance()
    assert isinstance(app, QApplication)
    before = app.font()
    apply_ui_font(app, scale, bundled_ui_font())
    try:
        document = ctx.printing.render(agreed_case(ctx), "agreement")
        dialog = PreviewDialog(ctx, document, number="（2026）湖头人调字第1号")
        qtbot.addWidget(dialog)
        assert dialog.view.zoomMode() == dialog.view.ZoomMode.FitToWidth
        assert dialog.zoom_box.currentText() == "适合宽度"
        assert dialog.width() <= SMALLEST_SCREEN.width()
        assert dialog.height() + TITLE_BAR <= SMALLEST_SCREEN.height()
        dialog.show()
        wait_painted(qtbot, dialog)
        # An A4 sheet is 794 px wide at 96 dpi; fit width draws it at least 90 % of that here,
        # so 16 pt body text is about 19 px or more (it was ~9 at whole page).
        assert dialog.view.viewport().width() >= 0.9 * 794
        save_shot(dialog, f"preview_fit_width_{round(scale * 100)}")
    finally:
        app.setFont(before)
