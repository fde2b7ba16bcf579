"""概况: the facts of the case, the next legal step as buttons, and the planned sessions.

The buttons are exactly the steps the lifecycle allows now (``detail.next_steps``), the usual
next one first and highlighted, so a mediator never has to know the state machine.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtWidgets import (
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from mediation_desk.domain.dictionaries import MEDIATOR_ROLES
from mediation_desk.domain.lifecycle import STEP_LABELS, CaseStatus, Step
from mediation_desk.services.cases.detail import CaseDetail
from ui.i18n import translate
from ui.icons import icon
from ui.views.cases.tabs.common import show_amount, show_date, show_time

RECORD_FOLLOWUP = "record_followup"
#: Width of the steps column in characters (330 pixels at 100 % text).
SIDE_CHARACTERS = 22
#: Where mediation has ended, so a 以案释法 brief can be written (closed and archived cases
#: without an agreement or termination are refused by the service, which says why).
CONCLUDED = {CaseStatus.AGREED, CaseStatus.FOLLOWING_UP, CaseStatus.TERMINATED,
             CaseStatus.CLOSED, CaseStatus.ARCHIVED}
DEFAULT_STYLE = ("QPushButton{background:#1565c0;color:white;font-weight:bold;"
                 "border-radius:3px;padding:6px 10px;}QPushButton:focus{border:2px solid "
                 "#0d47a1;}")


def step_text(step: Step) -> str:
    return {
        Step.NOTIFY_RIGHTS: translate("CaseView", "Notify rights and duties"),
        Step.INVESTIGATE: translate("CaseView", "Add investigation record…"),
        Step.MEDIATE: translate("CaseView", "Add session record…"),
        Step.AGREE: translate("CaseView", "Record agreement…"),
        Step.TERMINATE: translate("CaseView", "Terminate mediation…"),
        Step.REFUSE: translate("CaseView", "Record refusal…"),
        Step.EXTEND: translate("CaseView", "Extend time limit…"),
        Step.FOLLOW_UP: translate("CaseView", "Schedule follow-up…"),
        Step.CLOSE: translate("CaseView", "Close case"),
        Step.ARCHIVE: translate("CaseView", "Archive"),
    }[step]


STEP_ICONS = {Step.NOTIFY_RIGHTS: "notify", Step.INVESTIGATE: "search",
              Step.MEDIATE: "session", Step.AGREE: "agreement", Step.TERMINATE: "terminate",
              Step.REFUSE: "refuse", Step.EXTEND: "overdue", Step.FOLLOW_UP: "followup",
              Step.CLOSE: "done", Step.ARCHIVE: "archive"}


def _value_label() -> QLabel:
    label = QLabel()
    label.setWordWrap(True)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    return label


class OverviewTab(QWidget):
    step_requested = Signal(object)  # a Step
    record_followup_requested = Signal(str)  # follow-up id
    plan_session_requested = Signal()
    session_held = Signal(str)  # appointment id
    edit_requested = Signal()  # correct the case's own details
    report_facts_requested = Signal()
    brief_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.values: dict[str, QLabel] = {}
        self.facts = QFormLayout()
        self.facts.setRowWrapPolicy(QFormLayout.RowWrapPolicy.DontWrapRows)
        for key, caption in (
                ("dispute_type", translate("CaseView", "Dispute type")),
                ("source", translate("CaseView", "Source")),
                ("village", translate("CaseView", "Village")),
                ("received", translate("CaseView", "Received on")),
                ("mediators", translate("CaseView", "Mediators")),
                ("amount", translate("CaseView", "Amount involved")),
                ("people", translate("CaseView", "People involved")),
                ("summary", translate("CaseView", "Facts")),
                ("requests", translate("CaseView", "Requests")),
                ("extension", translate("CaseView", "Extended")),
                ("refusal", translate("CaseView", "Refusal reason")),
                ("termination", translate("CaseView", "Termination reason")),
                ("closing", translate("CaseView", "Reason for closing"))):
            self.values[key] = _value_label()
            self.facts.addRow(caption, self.values[key])
        self.edit_button = QPushButton(icon("edit"), translate("CaseView", "Edit &details…"))
        self.edit_button.setObjectName("edit_case")
        self.edit_button.setToolTip(translate(
            "CaseView", "Correct the title, facts, village, type, source, risk, amount or "
            "people involved"))
        self.edit_button.clicked.connect(self.edit_requested)
        edit_row = QHBoxLayout()
        edit_row.addStretch(1)
        edit_row.addWidget(self.edit_button)
        facts_box = QGroupBox(translate("CaseView", "Case"))
        facts_column = QVBoxLayout(facts_box)
        facts_column.addLayout(edit_row)
        facts_column.addLayout(self.facts)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(facts_box)

        self.steps_box = QGroupBox(translate("CaseView", "Next step"))
        self.steps_layout = QVBoxLayout(self.steps_box)
        self.step_buttons: dict[str, QPushButton] = {}
        self.no_steps = QLabel(translate("CaseView", "Nothing more to do: the case is archived."))
        self.no_steps.setWordWrap(True)

        sessions_box = QGroupBox(translate("CaseView", "Planned sessions"))
        self.sessions = QListWidget()
        self.sessions.setAccessibleName(translate("CaseView", "Planned sessions"))
        self.plan_button = QPushButton(icon("session"), translate("CaseView", "Plan a session…"))
        self.held_button = QPushButton(icon("done"), translate("CaseView", "Mark as held"))
        self.plan_button.clicked.connect(self.plan_session_requested)
        self.held_button.clicked.connect(self._held)
        self.sessions.currentRowChanged.connect(
            lambda row: self.held_button.setEnabled(row >= 0))
        session_buttons = QHBoxLayout()
        session_buttons.addWidget(self.plan_button)
        session_buttons.addWidget(self.held_button)
        sessions_layout = QVBoxLayout(sessions_box)
        sessions_layout.addWidget(self.sessions, 1)
        sessions_layout.addLayout(session_buttons)

        # What the monthly report counts beyond intake (prevention, confirmation), and the
        # 以案释法 brief of a concluded case (issue 14).
        report_box = QGroupBox(translate("CaseView", "Reports"))
        self.facts_button = QPushButton(icon("statistics"),
                                        translate("CaseView", "Report facts…"))
        self.facts_button.setToolTip(translate("CaseView", "Group dispute, prevention, judicial "
                                                           "confirmation"))
        self.brief_button = QPushButton(icon("documents"), translate("CaseView", "Case brief…"))
        self.brief_button.setToolTip(translate("CaseView", "An anonymised account of the case "
                                                           "for teaching the law"))
        self.facts_button.clicked.connect(self.report_facts_requested)
        self.brief_button.clicked.connect(self.brief_requested)
        report_row = QHBoxLayout(report_box)
        report_row.addWidget(self.facts_button)
        report_row.addWidget(self.brief_button)

        side = QVBoxLayout()
        side.addWidget(self.steps_box)
        side.addWidget(report_box)
        side.addWidget(sessions_box, 1)
        side_widget = QWidget()
        side_widget.setLayout(side)
        # The steps scroll rather than make the window taller than a laptop's screen when a
        # new case offers six of them at 150 % text; the column widens with the text.
        self.side = QScrollArea()
        self.side.setWidgetResizable(True)
        self.side.setFrameShape(QScrollArea.Shape.NoFrame)
        self.side.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.side.setWidget(side_widget)
        self._fit_side()
        layout = QHBoxLayout(self)
        layout.addWidget(scroll, 1)
        layout.addWidget(self.side)

    def _fit_side(self) -> None:
        """The step column as wide as SIDE_CHARACTERS characters of the current text."""
        em = self.fontMetrics().horizontalAdvance("中")
        self.side.setFixedWidth(SIDE_CHARACTERS * em
                                + self.side.verticalScrollBar().sizeHint().width())

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.FontChange:
            self._fit_side()

    # -- showing ----------------------------------------------------------------------------
    def show_detail(self, detail: CaseDetail) -> None:
        v = self.values
        v["dispute_type"].setText(detail.dispute_type)
        # A case registered from a patrol finding names it: the link back (issue 4).
        v["source"].setText(f"{detail.source}（{detail.from_finding}）" if detail.from_finding
                            else detail.source)
        v["village"].setText("　".join(filter(None, (detail.village, detail.compound))) or "—")
        v["received"].setText(show_date(detail.received_on))
        v["mediators"].setText("、".join(f"{name}（{MEDIATOR_ROLES.get(role, role)}）"
                                        for name, role in detail.mediators) or "—")
        v["amount"].setText(show_amount(detail.amount_fen))
        v["people"].setText(str(detail.people_involved) if detail.people_involved else "—")
        v["summary"].setText(detail.summary or "—")
        v["requests"].setText("\n".join(f"{i}. {r}" for i, r in
                                        enumerate(detail.requests, start=1)) or "—")
        v["extension"].setText(translate("CaseView", "%n day(s), with the parties' consent",
                                         None, detail.extension_days))
        v["refusal"].setText(detail.refusal_reason)
        v["termination"].setText(detail.termination_reason)
        v["closing"].setText(detail.close_reason)
        for key, shown in (("extension", detail.extension_days > 0),
                           ("refusal", bool(detail.refusal_reason)),
                           ("termination", bool(detail.termination_reason)),
                           ("closing", bool(detail.close_reason))):
            self.facts.setRowVisible(v[key], shown)
        self.edit_button.setEnabled(detail.status.value != "archived" and not detail.anonymised)
        self._show_steps(detail)
        self._show_sessions(detail)
        self.brief_button.setEnabled(detail.status in CONCLUDED)

    def _show_steps(self, detail: CaseDetail) -> None:
        for button in self.step_buttons.values():
            self.steps_layout.removeWidget(button)
            button.hide()  # at once: deleteLater waits for the event loop
            button.deleteLater()
        self.step_buttons = {}
        self.steps_layout.removeWidget(self.no_steps)
        pending = [f for f in detail.followups if f.done_on is None]
        entries: list[tuple[str, str, str, object]] = []
        for step, _label in detail.next_steps:
            if step is Step.FOLLOW_UP and pending:
                entries.append((RECORD_FOLLOWUP, translate("CaseView", "Record follow-up visit…"),
                                "followup", pending[0].id))
            text = step_text(step)
            if step is Step.CLOSE and detail.close_needs_reason:
                text = translate("CaseView", "Close case…")  # asks why: a term is unperformed
            entries.append((step.value, text, STEP_ICONS[step], step))
        if detail.closed and pending and not any(k == RECORD_FOLLOWUP for k, *_ in entries):
            entries.append((RECORD_FOLLOWUP, translate("CaseView", "Record follow-up visit…"),
                            "followup", pending[0].id))
        for position, (key, text, icon_name, payload) in enumerate(entries):
            button = QPushButton(icon(icon_name, "white" if position == 0 else "default"), text)
            button.setMinimumHeight(34)
            if isinstance(payload, Step):
                button.setToolTip(STEP_LABELS[payload])
                button.clicked.connect(lambda _=False, s=payload: self.step_requested.emit(s))
            else:
                button.clicked.connect(
                    lambda _=False, f=payload: self.record_followup_requested.emit(f))
            if position == 0:
                button.setDefault(True)
                button.setStyleSheet(DEFAULT_STYLE)
            self.steps_layout.addWidget(button)
            self.step_buttons[key] = button
        self.no_steps.setVisible(not entries)
        if not entries:
            self.steps_layout.addWidget(self.no_steps)

    def _show_sessions(self, detail: CaseDetail) -> None:
        self.sessions.clear()
        for appointment_id, at, place, note in detail.appointments:
            text = show_time(at) + (f"　{place}" if place else "") + (f"\n{note}" if note else "")
            item = QListWidgetItem(icon("session"), text)
            item.setData(Qt.ItemDataRole.UserRole, appointment_id)
            self.sessions.addItem(item)
        if not detail.appointments:
            empty = QListWidgetItem(translate("CaseView", "No session planned."))
            empty.setFlags(Qt.ItemFlag.NoItemFlags)
            self.sessions.addItem(empty)
        self.plan_button.setEnabled(not detail.closed)
        self.held_button.setEnabled(False)

    def _held(self) -> None:
        item = self.sessions.currentItem()
        appointment_id = item.data(Qt.ItemDataRole.UserRole) if item else None
        if appointment_id:
            self.session_held.emit(appointment_id)

    def default_step(self) -> QPushButton | None:
        return next(iter(self.step_buttons.values()), None)
