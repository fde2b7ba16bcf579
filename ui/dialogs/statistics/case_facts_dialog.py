"""统计事项: what a case counts for in the monthly report beyond its intake and agreement —
group dispute, what the mediation prevented (cases and people), and the judicial confirmation
of its agreement (applied for, court, ruling).

Opened from the case's 概况 tab. The service saves everything in one transaction; refusals
show inline under the fields they concern.
"""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QDate
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from mediation_desk import clock
from mediation_desk.services.statistics.case_facts import (
    CONFIRMATION_RESULTS,
    MAX_PEOPLE,
    CaseFacts,
    Confirmation,
    FactsResult,
)
from ui.context import AppContext
from ui.dialogs.cases.case_form import CaseDialog, ErrorLabel
from ui.i18n import translate


def _date_edit(value: date) -> QDateEdit:
    edit = QDateEdit(QDate(value.year, value.month, value.day))
    edit.setCalendarPopup(True)
    edit.setDisplayFormat("yyyy-MM-dd")
    return edit


def _to_date(edit: QDateEdit) -> date:
    d = edit.date()
    return date(d.year(), d.month(), d.day())


class CaseFactsDialog(CaseDialog):
    def __init__(self, ctx: AppContext, case_id: str, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.case_id = case_id
        self.setWindowTitle(translate("CaseFactsDialog", "Report facts of the case"))
        facts = ctx.case_facts.facts(case_id)
        self.group_box = QCheckBox(translate("CaseFactsDialog",
                                             "Group dispute (five people or more)"))
        self.group_box.setChecked(facts.group_dispute)
        form = QFormLayout()
        form.addRow(self.group_box)
        self.prevention: dict[str, tuple[QCheckBox, QSpinBox | None]] = {}
        for flag, people, text in (
                ("prevented_criminal", "prevented_criminal_people",
                 translate("CaseFactsDialog", "Prevented a criminal case")),
                ("prevented_group_petition", "prevented_group_petition_people",
                 translate("CaseFactsDialog", "Prevented a group petition")),
                ("prevented_group_fight", "prevented_group_fight_people",
                 translate("CaseFactsDialog", "Prevented a group fight")),
                ("prevented_suicide", "", translate("CaseFactsDialog", "Prevented a suicide"))):
            box = QCheckBox(text)
            box.setChecked(bool(getattr(facts, flag)))
            spin: QSpinBox | None = None
            row = QHBoxLayout()
            row.addWidget(box, 1)
            if people:
                spin = QSpinBox()
                spin.setRange(0, MAX_PEOPLE)
                spin.setSuffix(translate("CaseFactsDialog", " people"))
                spin.setAccessibleName(text + translate("CaseFactsDialog", " — people"))
                spin.setValue(int(getattr(facts, people)))
                spin.setEnabled(box.isChecked())
                box.toggled.connect(spin.setEnabled)
                row.addWidget(spin)
            form.addRow(row)
            self.prevention[flag] = (box, spin)
        self.facts_error = ErrorLabel()
        form.addRow(self.facts_error)
        facts_group = QGroupBox(translate("CaseFactsDialog", "Group dispute and prevention"))
        facts_group.setLayout(form)

        self.confirmation = ctx.case_facts.confirmation(case_id)
        confirm_group = QGroupBox(translate("CaseFactsDialog", "Judicial confirmation"))
        confirm_form = QFormLayout(confirm_group)
        c = self.confirmation or Confirmation()
        today = clock.today()
        self.applied_box = QCheckBox(translate("CaseFactsDialog", "The parties applied"))
        self.applied_box.setChecked(c.applied_on is not None)
        self.applied_edit = _date_edit(c.applied_on or today)
        self.court_edit = QLineEdit(c.court or ctx.document_settings.get().court)
        self.result_box = QComboBox()
        for code, label in CONFIRMATION_RESULTS.items():
            self.result_box.addItem(label, code)
        self.result_box.setCurrentIndex(list(CONFIRMATION_RESULTS).index(c.result))
        self.ruled_edit = _date_edit(c.ruled_on or today)
        applied_row = QHBoxLayout()
        applied_row.addWidget(self.applied_box, 1)
        applied_row.addWidget(self.applied_edit)
        confirm_form.addRow(applied_row)
        confirm_form.addRow(translate("CaseFactsDialog", "Court"), self.court_edit)
        confirm_form.addRow(translate("CaseFactsDialog", "Ruling"), self.result_box)
        confirm_form.addRow(translate("CaseFactsDialog", "Ruled on"), self.ruled_edit)
        self.confirm_error = ErrorLabel()
        confirm_form.addRow(self.confirm_error)
        if self.confirmation is None:
            confirm_group.setEnabled(False)
            confirm_form.addRow(QLabel(translate("CaseFactsDialog",
                                                 "The case has no agreement to confirm.")))
        self.applied_box.toggled.connect(self._sync)
        self.result_box.currentIndexChanged.connect(self._sync)
        self._sync()
        self.error_map = [("人数", self.facts_error), ("申请", self.confirm_error),
                          ("法院", self.confirm_error), ("裁定", self.confirm_error),
                          ("司法确认", self.confirm_error)]
        layout = QVBoxLayout(self)
        layout.addWidget(facts_group)
        layout.addWidget(confirm_group)
        self.finish_layout(layout)
        self.resize(520, 480)

    def _sync(self) -> None:
        applied = self.applied_box.isChecked()
        self.applied_edit.setEnabled(applied)
        self.court_edit.setEnabled(applied)
        self.result_box.setEnabled(applied)
        self.ruled_edit.setEnabled(applied and bool(self.result_box.currentData()))

    def facts(self) -> CaseFacts:
        values: dict[str, object] = {"group_dispute": self.group_box.isChecked()}
        for flag, (box, spin) in self.prevention.items():
            values[flag] = box.isChecked()
            if spin is not None:
                values[f"{flag}_people"] = spin.value() if box.isChecked() else 0
        return CaseFacts(**values)  # type: ignore[arg-type]

    def confirmation_input(self) -> Confirmation | None:
        if self.confirmation is None:
            return None
        if not self.applied_box.isChecked():
            return Confirmation()
        result = str(self.result_box.currentData())
        return Confirmation(_to_date(self.applied_edit), self.court_edit.text().strip(), result,
                            _to_date(self.ruled_edit) if result else None)

    def accept(self) -> None:
        self.clear_errors()
        facts, confirmation = self.facts(), self.confirmation_input()
        result = self.call_service(
            lambda: self.ctx.case_facts.save(self.case_id, facts, confirmation))
        if result is not None:
            self.done_with(result)

    @classmethod
    def ask(cls, parent: QWidget | None, ctx: AppContext, case_id: str) -> FactsResult | None:
        """The saved result (its warnings to show), or None when cancelled."""
        dialog = cls(ctx, case_id, parent)
        if dialog.exec() == QDialog.DialogCode.Accepted:
            assert isinstance(dialog.result_value, FactsResult)
            return dialog.result_value
        return None
