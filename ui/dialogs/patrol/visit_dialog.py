"""排查记录: record a patrol just held — where, who, how many households, and what was found.

Why it is built for a small laptop in a village office: everything sits in one scrolling column
that fits 1366×768 with its taskbar, every field is reached with Tab in reading order, Enter
moves on (so a name typed with the pinyin IME is never saved half-way), Ctrl+Enter saves.
Typing is saved as a draft within a second (no network, old batteries: a laptop that dies
loses nothing); 工作台 lists the draft until the visit is saved.

A zero report (零报告) hides the findings area: "nothing found" is itself the record. Findings
typed before ticking it stay in the draft, but are not saved with a zero report, and the form
says so.

The same form corrects a recorded visit (``visit_id``, :meth:`VisitDialog.ask_edit`): its date
and plan stay as recorded, what was done about its findings stays (see
:mod:`ui.dialogs.patrol.visit_edit`), and nothing is autosaved — the record itself is safe in the
register, and a correction's draft must not turn up on 工作台 as a new visit.
"""

from __future__ import annotations

import itertools
import re
from datetime import date
from typing import Any

from PySide6.QtCore import QDate, QEvent, QObject, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLayout,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QScrollArea,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from mediation_desk import clock
from mediation_desk.errors import Problem, StoreUnavailable, ValidationError
from mediation_desk.services.patrols import risk_levels as patrol_settings
from mediation_desk.services.patrols.service import Occurrence, PatrolResult, VisitDraft
from ui import dates
from ui.context import AppContext
from ui.dialogs.patrol.finding_fields import FindingChoices, FindingEditor
from ui.dialogs.patrol.visit_edit import lock_recorded, payload_of
from ui.i18n import translate
from ui.icons import icon
from ui.views.patrol.month_calendar import describe
from ui.views.patrol.style import long_day_text
from ui.widgets.case_fields import DateEdit
from ui.widgets.draft_keeper import DraftKeeper
from ui.widgets.field_error import FieldError, with_message
from ui.widgets.screen_fit import open_at

DRAFT_KIND = "patrol_visit"
PAYLOAD_VERSION = 1
_FINDING_RECORD = re.compile(r"发现\[(\d+)\]")
_NAMES = re.compile(r"[、，,；;\s]+")
#: Offered besides the targets configured per risk level (the usual three of Art 25).
DEFAULT_TARGETS = patrol_settings.USUAL_TARGETS


def finding_choices(ctx: AppContext, team: list[str]) -> FindingChoices:
    """Pick lists and the room's risk rules (response times, escalation targets)."""
    levels = ctx.patrol_settings.risk_levels()
    target_of = {level.code: level.escalation_target for level in levels
                 if level.escalation_target}
    targets = ctx.patrol_settings.escalation_targets()  # the alliance's members too
    people = list(dict.fromkeys([*team, *ctx.register.mediator_names()]))
    return FindingChoices(
        dispute_types=[e.label for e in ctx.settings.entries("dispute_type") if e.active],
        people=people, targets=targets,
        response_hours={level.code: level.response_hours for level in levels},
        target_of=target_of)


class VisitDialog(QDialog):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None,
                 occurrence: Occurrence | None = None, *, ad_hoc: bool = False,
                 day: date | None = None, draft_id: str | None = None,
                 visit_id: str | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.occurrence = occurrence
        self.visit_id = visit_id
        recorded = ctx.patrols.visit_draft(visit_id) if visit_id else None
        self.plan_id: str | None = occurrence.plan_id if occurrence else None
        self.occurrence_on: date | None = occurrence.key if occurrence else None
        self.extra_id = occurrence.extra_id if occurrence else ""
        self.ad_hoc = ad_hoc or occurrence is None
        self.result_value: PatrolResult | None = None
        self._restoring = True
        self.editors: list[FindingEditor] = []
        self.setWindowTitle(translate("VisitDialog", "Correct a patrol record") if visit_id
                            else translate("VisitDialog", "Record a patrol"))
        self.setWindowIcon(icon("record_visit"))
        self.drafts = DraftKeeper(ctx, DRAFT_KIND, self, payload=self.payload,
                                  title=self._draft_title, draft_id=draft_id,
                                  worth_saving=self._worth_saving)
        on = day or (occurrence.on if occurrence else clock.today())
        team = list(occurrence.team) if occurrence else (
            [ctx.actor.name] if ctx.actor.name in ctx.register.mediator_names() else [])
        if recorded is not None:
            on, team = recorded.on, recorded.team
        self.choices = finding_choices(ctx, team)
        self._build(on, team)
        payload = payload_of(recorded) if recorded is not None else self.drafts.load()
        if payload:
            self.restore(payload)
        elif not self.editors:
            self.add_finding(focus=False)
        self._restoring = False
        self._zero_toggled()
        self._set_tab_order()
        if visit_id is not None:
            self._start_correcting(visit_id)
        else:
            self.date_edit.setFocus(Qt.FocusReason.OtherFocusReason)

    @classmethod
    def ask(cls, parent: QWidget | None, ctx: AppContext, occurrence: Occurrence | None = None,
            *, ad_hoc: bool = False, day: date | None = None,
            draft_id: str | None = None) -> PatrolResult | None:
        """Record a visit for ``occurrence`` (or an ad-hoc one); the service's result or None.
        ``draft_id`` resumes an autosaved form (its payload knows the occurrence)."""
        dialog = cls(ctx, parent, occurrence, ad_hoc=ad_hoc, day=day, draft_id=draft_id)
        try:
            if dialog.exec() == QDialog.DialogCode.Accepted:
                return dialog.result_value
            return None
        finally:
            dialog.deleteLater()

    @classmethod
    def ask_edit(cls, parent: QWidget | None, ctx: AppContext,
                 visit_id: str) -> PatrolResult | None:
        """Correct the recorded visit ``visit_id``; the service's result or None."""
        dialog = cls(ctx, parent, visit_id=visit_id)
        try:
            if dialog.exec() == QDialog.DialogCode.Accepted:
                return dialog.result_value
            return None
        finally:
            dialog.deleteLater()

    def _start_correcting(self, visit_id: str) -> None:
        """The date and plan are what was recorded; kept parts of the findings are locked."""
        self.date_edit.setEnabled(False)
        self.date_edit.setToolTip(translate(
            "VisitDialog", "The date cannot be corrected: a patrol held on another day is "
                           "recorded again."))
        lock_recorded(self.editors, self.ctx.patrols.visit(visit_id).findings)
        self.village_box.setFocus(Qt.FocusReason.OtherFocusReason)

    # -- building ---------------------------------------------------------------------------
    def _build(self, on: date, team: list[str]) -> None:
        self.about_label = QLabel(self)
        self.about_label.setWordWrap(True)
        self.about_label.setObjectName("visit-about")
        self.date_edit = DateEdit(QDate(on.year, on.month, on.day), self)
        self.date_edit.setCalendarPopup(True)
        self.date_edit.setDisplayFormat("yyyy-MM-dd")
        self.date_edit.setMaximumDate(dates.today())
        self.village_box = QComboBox(self)
        self.village_box.setEditable(True)
        self.village_box.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        known = [v.label for v in self.ctx.settings.villages()]
        self.known_villages = known
        planned = list(self.occurrence.villages) if self.occurrence else []
        self.village_box.addItems(list(dict.fromkeys([*planned, *known])))
        # A patrol of several villages is recorded village by village: offer the next one.
        visited = {self.ctx.patrols.visit(v).village
                   for v in (self.occurrence.visit_ids if self.occurrence else ())}
        waiting = [v for v in planned if v not in visited]
        self.village_box.setCurrentText((waiting or planned or [""])[0])
        self.team_edit = QLineEdit("、".join(team), self)
        self.team_edit.setPlaceholderText(translate("VisitDialog", "Lead first, e.g. 林春梅、陈志强"))
        self.places_edit = QLineEdit(self)
        self.places_edit.setPlaceholderText(translate(
            "VisitDialog", "e.g. 村委会、3组、5组、集贸市场"))
        self.households_spin = QSpinBox(self)
        self.households_spin.setRange(0, 100000)
        self.households_spin.setSuffix(translate("VisitDialog", " households"))
        self.zero_check = QCheckBox(translate(
            "VisitDialog", "&Zero report — no dispute or risk found"), self)
        self.zero_check.setObjectName("zero-report")
        self.note_edit = QLineEdit(self)

        self.messages: dict[str, FieldError] = {}
        self.widgets: dict[str, QWidget] = {}
        top = QGroupBox(translate("VisitDialog", "Patrol"), self)
        grid = QGridLayout(top)
        grid.setHorizontalSpacing(8)
        grid.setVerticalSpacing(4)
        for key, text, field, row, column, span in (
                ("on", translate("VisitDialog", "&Date"), self.date_edit, 0, 0, 1),
                ("village", translate("VisitDialog", "&Village"), self.village_box, 0, 2, 1),
                ("team", translate("VisitDialog", "&Team"), self.team_edit, 1, 0, 3),
                ("places", translate("VisitDialog", "&Places visited"), self.places_edit,
                 2, 0, 1),
                ("households", translate("VisitDialog", "&Households"), self.households_spin,
                 2, 2, 1),
                ("note", translate("VisitDialog", "N&ote"), self.note_edit, 3, 0, 3)):
            label = QLabel(text, self)
            label.setBuddy(field)
            label.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignTop)
            label.setContentsMargins(0, 4, 0, 0)
            field.setAccessibleName(text.replace("&", ""))
            cell, self.messages[key] = with_message(field, self)
            grid.addWidget(label, row, column)
            grid.addWidget(cell, row, column + 1, 1, span)
            self.widgets[key] = field
        grid.addWidget(self.zero_check, 4, 1, 1, 3)
        grid.setColumnStretch(1, 3)
        grid.setColumnStretch(3, 2)

        self.findings_box = QWidget(self)
        findings_layout = QVBoxLayout(self.findings_box)
        findings_layout.setContentsMargins(0, 0, 0, 0)
        self.findings_layout = QVBoxLayout()
        findings_layout.addLayout(self.findings_layout)
        self.add_button = QPushButton(icon("add"), translate("VisitDialog", "&Add a finding"),
                                      self)
        add_row = QHBoxLayout()
        add_row.addWidget(self.add_button)
        add_row.addStretch(1)
        findings_layout.addLayout(add_row)
        self.zero_note = FieldError(self)
        self.zero_note.setObjectName("zero-note")

        content = QWidget(self)
        stack = QVBoxLayout(content)
        stack.setContentsMargins(0, 0, 0, 0)
        # Never squeezed below its natural height: with several findings the form scrolls.
        stack.setSizeConstraint(QLayout.SizeConstraint.SetMinimumSize)
        stack.addWidget(self.about_label)
        stack.addWidget(top)
        stack.addWidget(self.zero_note)
        stack.addWidget(self.findings_box)
        stack.addStretch(1)
        self.scroll_area = QScrollArea(self)
        self.scroll_area.setWidgetResizable(True)
        self.scroll_area.setFrameShape(QScrollArea.Shape.NoFrame)
        self.scroll_area.setWidget(content)

        self.general_message = FieldError(self)
        self.buttons = QDialogButtonBox(self)
        self.save_button = QPushButton(icon("save", "accent"), translate("VisitDialog", "Save"),
                                       self)
        self.save_button.setToolTip(translate("VisitDialog", "Save the record (Ctrl+Enter)"))
        self.save_button.setDefault(True)
        self.buttons.addButton(self.save_button, QDialogButtonBox.ButtonRole.AcceptRole)
        self.cancel_button = self.buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        bottom = QHBoxLayout()
        bottom.addWidget(self.drafts.label, 1)
        bottom.addWidget(self.buttons)
        layout = QVBoxLayout(self)
        layout.addWidget(self.scroll_area, 1)
        layout.addWidget(self.general_message)
        layout.addLayout(bottom)
        self._update_about()

        self.add_button.clicked.connect(lambda: self.add_finding())
        self.zero_check.toggled.connect(lambda _on: self._zero_toggled())
        self.date_edit.dateChanged.connect(self._date_changed)
        for key, signal in (("village", self.village_box.editTextChanged),
                            ("team", self.team_edit.textChanged),
                            ("places", self.places_edit.textChanged),
                            ("households", self.households_spin.valueChanged),
                            ("note", self.note_edit.textChanged),
                            ("zero", self.zero_check.toggled)):
            signal.connect(lambda *_a, k=key: self._changed(k))
        for edit in (self.places_edit, self.note_edit, self.team_edit):
            edit.installEventFilter(self)
        open_at(self, 980, 680)  # pixels at 100 % text; grows with it

    def _update_about(self) -> None:
        if self.visit_id is not None:
            self.about_label.setText(translate(
                "VisitDialog", "Correcting the record of the patrol of %1. The date and the "
                               "plan stay as recorded.").replace(
                "%1", long_day_text(self.visit_date())))
        elif self.occurrence is not None:
            self.about_label.setText(translate("VisitDialog", "Planned patrol: %1").replace(
                "%1", long_day_text(self.occurrence.on) + "　" + describe(self.occurrence)))
        elif self.plan_id and self.occurrence_on:
            self.about_label.setText(translate("VisitDialog", "Planned patrol of %1").replace(
                "%1", long_day_text(self.occurrence_on)))
        else:
            self.about_label.setText(translate(
                "VisitDialog", "Ad-hoc patrol (not in a plan): recorded on its own."))

    def _set_tab_order(self) -> None:
        chain: list[QWidget] = [self.date_edit, self.village_box, self.team_edit,
                                self.places_edit, self.households_spin, self.note_edit,
                                self.zero_check]
        for editor in self.editors:
            chain += editor.focus_chain()
        chain += [self.add_button, self.save_button, self.cancel_button]
        for first, after in itertools.pairwise(chain):
            QWidget.setTabOrder(first, after)
        self.tab_chain = chain

    # -- findings ---------------------------------------------------------------------------
    def add_finding(self, focus: bool = True) -> FindingEditor:
        editor = FindingEditor(self.choices, self.visit_date(), self.findings_box)
        self.editors.append(editor)
        self.findings_layout.addWidget(editor)
        editor.changed.connect(lambda: self._changed("finding"))
        editor.remove_requested.connect(self.remove_finding)
        editor.summary_edit.installEventFilter(self)
        self._renumber()
        if not self._restoring:
            self._set_tab_order()
            self.drafts.touch()
        if focus:
            editor.risk_box.setFocus(Qt.FocusReason.OtherFocusReason)
            self.scroll_area.ensureWidgetVisible(editor)
        return editor

    def remove_finding(self, editor: QWidget) -> None:
        if not isinstance(editor, FindingEditor) or editor not in self.editors:
            return
        index = self.editors.index(editor)
        self.editors.remove(editor)
        editor.hide()
        editor.deleteLater()
        self._renumber()
        self._set_tab_order()
        self.drafts.touch()
        target = self.editors[min(index, len(self.editors) - 1)].risk_box if self.editors \
            else self.add_button
        target.setFocus(Qt.FocusReason.OtherFocusReason)

    def _renumber(self) -> None:
        for number, editor in enumerate(self.editors, 1):
            editor.set_number(number)

    def _zero_toggled(self) -> None:
        zero = self.zero_check.isChecked()
        self.findings_box.setVisible(not zero)
        typed = sum(1 for e in self.editors if not e.is_blank())
        if zero and typed:
            self.zero_note.show_info(translate(
                "VisitDialog", "A zero report has no findings: the %1 finding(s) typed below "
                "will not be saved (untick to keep them).").replace("%1", str(typed)))
        else:
            self.zero_note.clear()

    def _date_changed(self) -> None:
        for editor in self.editors:
            editor.set_found_on(self.visit_date())
        self._changed("on")

    # -- the form as data -------------------------------------------------------------------
    def visit_date(self) -> date:
        value = self.date_edit.date()
        return date(value.year(), value.month(), value.day())

    def team(self) -> list[str]:
        return [n for n in _NAMES.split(self.team_edit.text().strip()) if n]

    def filled_editors(self) -> list[FindingEditor]:
        return [e for e in self.editors if not e.is_blank()]

    def build_draft(self) -> VisitDraft:
        zero = self.zero_check.isChecked()
        return VisitDraft(
            plan_id=None if self.ad_hoc else self.plan_id,
            occurrence_on=None if self.ad_hoc else self.occurrence_on,
            on=self.visit_date(), village=self.village_box.currentText().strip(),
            team=self.team(), places=self.places_edit.text().strip(),
            households_visited=self.households_spin.value(), zero_report=zero,
            note=self.note_edit.text().strip(),
            findings=[] if zero else [e.draft() for e in self.filled_editors()],
            ad_hoc=self.ad_hoc, extra_id="" if self.ad_hoc else self.extra_id)

    def payload(self) -> dict[str, Any]:
        return {"version": PAYLOAD_VERSION, "plan_id": self.plan_id,
                "occurrence_on": self.occurrence_on.isoformat() if self.occurrence_on else "",
                "extra_id": self.extra_id, "ad_hoc": self.ad_hoc, "on": self.visit_date().isoformat(),
                "village": self.village_box.currentText(), "team": self.team_edit.text(),
                "places": self.places_edit.text(), "households": self.households_spin.value(),
                "zero_report": self.zero_check.isChecked(), "note": self.note_edit.text(),
                "findings": [e.payload() for e in self.editors]}

    def restore(self, data: dict[str, Any]) -> None:
        was, self._restoring = self._restoring, True
        try:
            self.plan_id = data.get("plan_id") or self.plan_id
            occurrence_on = str(data.get("occurrence_on", "") or "")
            if occurrence_on:
                self.occurrence_on = date.fromisoformat(occurrence_on)
            self.extra_id = str(data.get("extra_id", "") or self.extra_id)
            self.ad_hoc = bool(data.get("ad_hoc", self.ad_hoc))
            on = QDate.fromString(str(data.get("on", "")), "yyyy-MM-dd")
            if on.isValid():
                self.date_edit.setDate(on)
            self.village_box.setCurrentText(str(data.get("village", "") or ""))
            self.team_edit.setText(str(data.get("team", "") or ""))
            self.places_edit.setText(str(data.get("places", "") or ""))
            self.households_spin.setValue(int(data.get("households", 0) or 0))
            self.note_edit.setText(str(data.get("note", "") or ""))
            for editor in list(self.editors):
                self.remove_finding(editor)
            for item in data.get("findings", []) or []:
                if isinstance(item, dict):
                    self.add_finding(focus=False).restore(item)
            if not self.editors:
                self.add_finding(focus=False)
            self.zero_check.setChecked(bool(data.get("zero_report")))
        finally:
            self._restoring = was
        self._update_about()

    # -- autosave ---------------------------------------------------------------------------
    def _worth_saving(self) -> bool:
        if self.visit_id is not None:
            return False  # corrections are not autosaved (see the module's docstring)
        return bool(self.places_edit.text().strip() or self.note_edit.text().strip()
                    or self.households_spin.value() or self.filled_editors()
                    or self.zero_check.isChecked())

    def _draft_title(self) -> str:
        village = self.village_box.currentText().strip()
        return f"{self.visit_date():%m月%d日}{village}排查记录"

    def _changed(self, key: str) -> None:
        if key in self.messages and self.messages[key].is_error:
            self.messages[key].clear()
        if key == "finding" and self.zero_check.isChecked():
            self._zero_toggled()
        if not self._restoring:
            self.drafts.touch()

    @property
    def draft_id(self) -> str | None:
        return self.drafts.draft_id

    # -- reasons ----------------------------------------------------------------------------
    def clear_problems(self) -> None:
        for message in self.messages.values():
            message.clear()
        for editor in self.editors:
            editor.clear_problems()
        self.general_message.clear()

    def show_problems(self, problems: list[Problem]) -> None:
        """Each refusal beside its field; the first refused field gets the focus.

        The service names a finding's problems by record ("发现[2]") and field ("风险等级");
        findings are numbered as sent, i.e. among the editors that were filled in."""
        visit_words = (("日期", "on"), ("村", "village"), ("排查组", "team"), ("人员", "team"),
                       ("地点", "places"), ("户数", "households"), ("备注", "note"))
        filled = self.filled_editors()
        rest: list[str] = []
        first: QWidget | None = None
        for problem in problems:
            shown: QWidget | None = None
            match = _FINDING_RECORD.search(problem.record)
            if match:
                index = int(match[1]) - 1
                if 0 <= index < len(filled):
                    shown = filled[index].show_problem(problem.field, problem.reason)
            else:
                key = next((k for word, k in visit_words if word in problem.field), None)
                if key is not None:
                    self.messages[key].show_error(problem.reason)
                    shown = self.widgets[key]
            if shown is None:
                rest.append(str(problem))
            first = first or shown
        if rest:
            self.general_message.show_error("\n".join(rest))
        if first is not None:
            first.setFocus(Qt.FocusReason.OtherFocusReason)
            self.scroll_area.ensureWidgetVisible(first)

    # -- accepting and leaving --------------------------------------------------------------
    def accept(self) -> None:
        self.clear_problems()
        draft = self.build_draft()
        try:
            result = (self.ctx.patrols.update_visit(self.visit_id, draft) if self.visit_id
                      else self.ctx.patrols.record_visit(draft))
        except ValidationError as exc:
            self.show_problems(exc.problems)
            return
        except StoreUnavailable as exc:
            self.general_message.show_error(translate(
                "VisitDialog", "The record could not be saved: %1 Nothing was written and "
                "everything you typed is still here; try again.").replace("%1", str(exc)))
            return
        self.drafts.discard()
        self.result_value = result
        super().accept()

    def reject(self) -> None:
        self.drafts.flush()
        if self.draft_id:
            answer = self._ask_keep()
            if answer == QMessageBox.StandardButton.Cancel:
                return
            if answer == QMessageBox.StandardButton.No:
                self.drafts.discard()
        super().reject()

    def _ask_keep(self) -> QMessageBox.StandardButton:
        return QMessageBox.question(
            self, translate("VisitDialog", "Keep the draft?"),
            translate("VisitDialog", "Keep what you typed as a draft for later? It is listed "
                                     "on the Today page."),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No
            | QMessageBox.StandardButton.Cancel, QMessageBox.StandardButton.Yes)

    # -- keyboard ---------------------------------------------------------------------------
    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            if event.modifiers() & Qt.KeyboardModifier.ControlModifier:
                self.accept()
            elif isinstance(self.focusWidget(), QPushButton):
                super().keyPressEvent(event)
            else:
                self.focusNextChild()
            return
        super().keyPressEvent(event)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (event.type() == QEvent.Type.KeyPress and isinstance(event, QKeyEvent)
                and event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter)):
            if event.modifiers() & Qt.KeyboardModifier.ControlModifier:
                self.accept()
                return True
            if isinstance(watched, QLineEdit):  # Enter in a line moves on, never saves
                self.focusNextChild()
                return True
        return super().eventFilter(watched, event)
