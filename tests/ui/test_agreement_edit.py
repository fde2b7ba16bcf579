"""Correcting a recorded agreement through the case view's real widgets.

As in test_case_view, dialogs are never exec()'d: ``drive`` replaces ``exec`` so that the
tab's own button builds the real dialog, the test types into it (Chinese as an input method
commits it) and presses OK or Cancel, and the dialog's own code calls the service.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime
from typing import Any

import pytest
from PySide6.QtTest import QTest
from pytestqt.qtbot import QtBot

from mediation_desk.domain.lifecycle import Step
from mediation_desk.services.cases.drafts import AgreementDraft, RecordDraft, TermDraft
from tests.conftest import neighbour_draft
from tests.ui.conftest import save_shot, type_text
from ui.context import AppContext
from ui.dialogs.cases.agreement_dialog import AgreementDialog
from ui.views.cases.case_view import TAB_AGREEMENT, CaseView

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")

DRAIN = "李明于2026年12月1日前改建屋檐排水"
REPAIR = "李明赔偿张喆院墙修复费5000元"


def drive(monkeypatch: pytest.MonkeyPatch, fill: Callable[[AgreementDialog], None],
          press: str = "ok") -> list[AgreementDialog]:
    """Make the dialog's ``exec`` fill it and press OK (or Cancel); the dialogs opened."""
    opened: list[AgreementDialog] = []

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

    monkeypatch.setattr(AgreementDialog, "exec", fake_exec)
    return opened


@pytest.fixture
def view(ctx: AppContext, qtbot: QtBot) -> CaseView:
    """An agreed case whose agreement was typed without 争议事项 and 各方责任."""
    draft = neighbour_draft()
    draft.parties[1].address = "安溪县湖头镇湖二村3组47号"
    case_id = ctx.intake.register(draft).cases[0].case_id
    ctx.casework.take_step(case_id, Step.NOTIFY_RIGHTS)
    ctx.casework.add_record(case_id, RecordDraft("mediation", datetime(2026, 11, 5, 9, 30),
                                                 body="双方陈述，调解员释法说理。"))
    ctx.casework.record_agreement(case_id, AgreementDraft(
        reached_on=date(2026, 11, 5), facts="屋檐滴水落入申请人院内",
        terms=[TermDraft(DRAIN, obligor="李明", obligee="张喆", due_on=date(2026, 12, 1)),
               TermDraft(REPAIR, obligor="李明", obligee="张喆", amount_fen=500000,
                         due_on=date(2026, 11, 20), method="现金")]))
    case_view = CaseView(ctx, case_id)
    qtbot.addWidget(case_view)
    case_view.resize(1240, 650)
    case_view.show()
    case_view.tabs.setCurrentIndex(TAB_AGREEMENT)
    return case_view


def test_edit_agreement_fills_in_the_responsibilities(view: CaseView, ctx: AppContext,
                                                      monkeypatch: pytest.MonkeyPatch) -> None:
    tab = view.agreement_tab
    assert tab.edit_button.isVisibleTo(tab) and tab.edit_button.objectName() == "edit_agreement"

    def correct(dialog: AgreementDialog) -> None:
        assert dialog.editing
        assert [row.text.text() for row in dialog.terms.rows] == [DRAIN, REPAIR]
        assert [row.obligor.currentData() for row in dialog.terms.rows] == ["李明", "李明"]
        assert dialog.terms.rows[1].capital.text() == "伍仟元整"
        assert dialog.facts_edit.toPlainText() == "屋檐滴水落入申请人院内"
        assert dialog.issues_edit.toPlainText() == ""
        assert dialog.notice_label.isHidden()  # never printed, no follow-up yet
        type_text(dialog.issues_edit, "屋檐排水及院墙修复费用")
        type_text(dialog.responsibilities_edit, "被申请人李明负主要责任")
        dialog.resize(1180, 680)
        QTest.qWait(20)
        save_shot(dialog, "agreement_edit_dialog")

    opened = drive(monkeypatch, correct)
    tab.edit_button.click()
    assert len(opened) == 1
    agreement = ctx.case_detail.load(view.case_id).agreement
    assert agreement is not None and agreement.responsibilities == "被申请人李明负主要责任"
    assert "被申请人李明负主要责任" in tab.texts.toPlainText()
    assert "屋檐排水及院墙修复费用" in tab.texts.toPlainText()
    assert tab.terms.rowCount() == 2
    assert not view.message_label.isHidden()
    assert ctx.autosave.pending("agreement_edit", case_ref=view.case_id) == []
    assert next(f for f in ctx.printing.forms(view.case_id) if f.kind == "agreement").available
    QTest.qWait(20)
    save_shot(view, "case_agreement_edited")


def test_printed_agreement_warns_before_and_after(view: CaseView, ctx: AppContext,
                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    ctx.casework.update_agreement(view.case_id, AgreementDraft(
        reached_on=date(2026, 11, 5), facts="屋檐滴水落入申请人院内", issues="排水",
        responsibilities="李明负责",
        terms=[TermDraft(DRAIN, obligor="李明", obligee="张喆", due_on=date(2026, 12, 1))]))
    document = ctx.printing.render(view.case_id, "agreement")
    ctx.printing.file_printed(document, copies=3)

    def correct(dialog: AgreementDialog) -> None:
        assert dialog.notice_label.isVisibleTo(dialog)
        assert "1" in dialog.notice_label.text()
        dialog.responsibilities_edit.clear()
        type_text(dialog.responsibilities_edit, "李明负全部责任")
        save_shot(dialog, "agreement_edit_dialog_printed")

    drive(monkeypatch, correct)
    view.agreement_tab.edit_button.click()
    assert "协议已打印过（1次），修改后请重新打印并由各方重新签名" in view.message_label.text()


def test_a_cancelled_correction_is_kept_apart_from_new_agreement_drafts(
        view: CaseView, ctx: AppContext, monkeypatch: pytest.MonkeyPatch) -> None:
    drive(monkeypatch, lambda dialog: None, press="cancel")  # opened and left unchanged
    view.agreement_tab.edit_button.click()
    assert ctx.autosave.pending(case_ref=view.case_id) == []

    drive(monkeypatch, lambda dialog: type_text(dialog.issues_edit, "排水"), press="cancel")
    view.agreement_tab.edit_button.click()
    drafts = ctx.autosave.pending(case_ref=view.case_id)
    assert [d.kind for d in drafts] == ["agreement_edit"]

    def resumed(dialog: AgreementDialog) -> None:
        assert dialog.issues_edit.toPlainText() == "排水"
        assert [row.text.text() for row in dialog.terms.rows] == [DRAIN, REPAIR]

    drive(monkeypatch, resumed)
    view.agreement_tab.edit_button.click()
    assert ctx.case_detail.load(view.case_id).agreement.issues == "排水"  # type: ignore[union-attr]
    assert ctx.autosave.pending(case_ref=view.case_id) == []


def test_archived_case_offers_no_correction(view: CaseView, ctx: AppContext) -> None:
    ctx.casework.take_step(view.case_id, Step.CLOSE, "当事人已另行起诉")
    assert view.agreement_tab.edit_button.isVisibleTo(view.agreement_tab)
    ctx.casework.take_step(view.case_id, Step.ARCHIVE)
    assert not view.agreement_tab.edit_button.isVisibleTo(view.agreement_tab)


def test_the_court_limits_are_ticked_in_the_dialog(view: CaseView, ctx: AppContext,
                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    """涉及身份关系: a word in the terms only suggests it; the box sets it, the warning and
    the printed agreement follow it (no judicial-confirmation clause)."""

    def mark(dialog: AgreementDialog) -> None:
        assert not dialog.identity_box.isChecked() and dialog.flags_hint.isHidden()
        type_text(dialog.terms.rows[0].text, "，双方自愿离婚")
        assert dialog.flags_hint.isVisibleTo(dialog)  # a hint, not a warning
        assert "法院不受理涉及身份关系的协议的司法确认" not in dialog.warning_label.text()
        dialog.identity_box.click()
        assert dialog.flags_hint.isHidden()
        assert "法院不受理涉及身份关系的协议的司法确认" in dialog.warning_label.text()
        type_text(dialog.issues_edit, "婚姻关系")
        type_text(dialog.responsibilities_edit, "双方均有责任")
        save_shot(dialog, "agreement_dialog_identity")

    drive(monkeypatch, mark)
    view.agreement_tab.edit_button.click()
    agreement = ctx.case_detail.load(view.case_id).agreement
    assert agreement is not None and agreement.identity_relation
    assert agreement.confirmation_until is None
    assert "法院不受理涉及身份关系的协议的司法确认" in view.agreement_tab.warning_label.text()
    text = ctx.printing.render(view.case_id, "agreement")
    assert "法院不受理涉及身份关系的协议的司法确认" in text.warnings
