"""文书设置 on the settings page: saved, refused beside the field, read-only for a mediator, and
what it saves reaches the printed agreement.

Which font printing will use depends on the machine's fonts, so these tests say what the
machine has: none (``bare``: the bundled LXGW WenKai prints) or one generated face."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication, QLineEdit
from pytestqt.qtbot import QtBot

from mediation_desk.documents.fonts import FontSource, use_discovery
from mediation_desk.paths import resources_dir
from mediation_desk.services.printing.document_settings import DocumentSettings
from mediation_desk.services.shared.actor import Actor
from tests.documents import fontgen
from tests.documents.conftest import pdf_text
from tests.ui.conftest import save_shot, type_text
from tests.ui.test_printing import agreed_case
from tests.ui.test_settings_view import own_settings  # noqa: F401 (autouse: QSettings kept apart)
from ui.context import AppContext
from ui.main_window import PAGE_SETTINGS, MainWindow
from ui.views.settings.document_settings_view import DocumentSettingsPanel

pytestmark = pytest.mark.qt_log_ignore("does not support propagateSizeHints")

BUNDLED = str(resources_dir() / "fonts" / "LXGWWenKai-Regular.ttf")


@pytest.fixture
def bare() -> Iterator[None]:
    """A machine with no Chinese font of its own."""
    with use_discovery(lambda role: []):
        yield


def _panel(ctx: AppContext, qtbot: QtBot) -> DocumentSettingsPanel:
    panel = DocumentSettingsPanel(ctx)
    qtbot.addWidget(panel)
    panel.resize(600, 420)
    panel.show()
    QApplication.processEvents()
    return panel


def _retype(edit: QLineEdit, text: str) -> None:
    edit.clear()
    type_text(edit, text)


def _fill(panel: DocumentSettingsPanel, phone: str = "0595-23001234") -> None:
    _retype(panel.edits["header"], "安溪县湖头镇")
    _retype(panel.edits["address"], "安溪县湖头镇湖头街88号")
    _retype(panel.edits["phone"], phone)
    _retype(panel.edits["court"], "安溪县人民法院")


def test_typed_values_are_saved(ctx: AppContext, qtbot: QtBot, bare: None) -> None:
    panel = _panel(ctx, qtbot)
    qtbot.waitUntil(lambda: panel.font_in_use.text() != "")  # computed once shown
    assert "LXGW WenKai" in panel.font_in_use.text()
    _fill(panel)
    panel.use_font(BUNDLED)  # what the file dialog's answer goes to
    assert "LXGW WenKai" in panel.font_in_use.text()
    assert not panel.errors["font_path"].isVisibleTo(panel)
    assert panel.save()
    assert panel.message.isVisibleTo(panel)
    stored = ctx.document_settings.get()
    assert (stored.header, stored.address, stored.phone, stored.court, stored.font_path) == (
        "安溪县湖头镇", "安溪县湖头镇湖头街88号", "0595-23001234", "安溪县人民法院", BUNDLED)


def test_a_bad_phone_is_refused_beside_it_and_nothing_is_stored(ctx: AppContext,
                                                                 qtbot: QtBot) -> None:
    panel = _panel(ctx, qtbot)
    _fill(panel, phone="12345")
    assert not panel.save()
    assert panel.errors["phone"].isVisibleTo(panel)
    assert panel.errors["phone"].text()
    for name in ("header", "address", "court", "font_path"):
        assert not panel.errors[name].isVisibleTo(panel)
    assert ctx.document_settings.get().court == ""  # nothing half saved
    type_text(panel.edits["phone"], "6")  # the next edit clears the message
    assert not panel.errors["phone"].isVisibleTo(panel)


def test_a_font_reportlab_cannot_embed_is_refused(ctx: AppContext, qtbot: QtBot,
                                                  tmp_path: Path, bare: None) -> None:
    broken = tmp_path / "broken.ttf"
    broken.write_bytes(b"not a font at all" * 10)
    panel = _panel(ctx, qtbot)
    panel.use_font(str(broken))
    assert "不是 TrueType 或 OpenType 字体文件" in panel.errors["font_path"].text()
    assert "LXGW WenKai" in panel.font_in_use.text()  # printing falls back, and says so
    assert not panel.save()
    assert "不是 TrueType 或 OpenType 字体文件" in panel.errors["font_path"].text()
    assert ctx.document_settings.get().font_path == ""
    cff = fontgen.box_font(tmp_path / "NotoSerifCJK-Regular.ttc", "Box CFF", cff=True)
    panel.use_font(str(cff))  # Noto CJK: a .ttc, but CFF outlines
    assert "PostScript（CFF）" in panel.errors["font_path"].text()
    assert not panel.save() and ctx.document_settings.get().font_path == ""


def test_the_system_font_printing_will_use_is_named(ctx: AppContext, qtbot: QtBot,
                                                   tmp_path: Path) -> None:
    song = fontgen.box_font(tmp_path / "song.ttf", "Box Song", fontgen.COMMON + "张㛃")
    with use_discovery(lambda role: [FontSource(str(song))]):
        panel = _panel(ctx, qtbot)
        qtbot.waitUntil(lambda: panel.font_in_use.text() != "")
        assert "Box Song" in panel.font_in_use.text()
        assert "系统字体" in panel.font_in_use.text()


def test_a_mediator_sees_them_read_only(ctx: AppContext, qtbot: QtBot) -> None:
    ctx.document_settings.update(DocumentSettings(court="安溪县人民法院"))
    account = ctx.accounts.add("lincm", "mediator", "mediator-pass-1", "林春梅")
    mediator = AppContext.build(ctx.store, Actor(account.id, account.username, account.role,
                                                 account.display_name))
    panel = _panel(mediator, qtbot)
    assert panel.edits["court"].text() == "安溪县人民法院"
    assert panel.permission.isVisibleTo(panel)
    assert not any(edit.isEnabled() for edit in panel.edits.values())
    assert not panel.choose_button.isEnabled() and not panel.save_button.isEnabled()
    assert not panel.save()  # the service refuses too
    assert "只有调委会主任或管理员" in panel.message.text()


def test_the_saved_court_is_printed_on_the_agreement(ctx: AppContext, qtbot: QtBot) -> None:
    case_id = agreed_case(ctx)  # stores 安溪县人民法院
    panel = _panel(ctx, qtbot)
    assert panel.edits["court"].text() == "安溪县人民法院"  # reloaded on the change set
    _retype(panel.edits["court"], "永春县人民法院")
    assert panel.save()
    assert ctx.printing.case_file(case_id).room.court == "永春县人民法院"
    text = re.sub(r"\s", "", pdf_text(ctx.printing.render(case_id, "agreement").pdf, False))
    assert "共同向永春县人民法院申请司法确认" in text


def test_screenshot_of_the_settings_page(ctx: AppContext, qtbot: QtBot) -> None:
    window = MainWindow(ctx)
    qtbot.addWidget(window)
    window.resize(1366, 768)
    window.show()
    qtbot.waitExposed(window)
    window.show_page(PAGE_SETTINGS)
    panel = window.settings_view.documents
    _fill(panel, phone="12345")
    assert not panel.save()
    qtbot.waitUntil(lambda: panel.font_in_use.text() != "")
    qtbot.wait(20)
    assert save_shot(window, "settings_documents").stat().st_size > 10_000
