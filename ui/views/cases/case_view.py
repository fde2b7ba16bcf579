"""One case, in its own tab: a header with where it stands, and eight tabs of its file.

The view reloads itself only when a committed change set names this case (architecture.md
§3); every change goes through a service, called from :mod:`ui.views.cases.tabs.case_actions`.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from mediation_desk.domain.dictionaries import RISK_LEVELS
from mediation_desk.domain.lifecycle import CaseStatus
from mediation_desk.errors import NotFound, StoreUnavailable, ValidationError
from mediation_desk.services.cases.detail import CaseDetail
from mediation_desk.store.changes import ChangeSet
from ui.context import AppContext
from ui.dialogs.briefs.brief_dialog import BriefDialog
from ui.dialogs.cases.review_dialog import ReviewDialog
from ui.dialogs.statistics.case_facts_dialog import CaseFactsDialog
from ui.i18n import translate
from ui.icons import icon
from ui.views.cases.tabs.agreement_tab import AgreementTab
from ui.views.cases.tabs.attachments_tab import AttachmentsTab
from ui.views.cases.tabs.case_actions import ERROR, INFO, WARNING, CaseActions
from ui.views.cases.tabs.common import MUTED, OVERDUE, RISK_COLOURS
from ui.views.cases.tabs.documents_tab import DocumentsTab
from ui.views.cases.tabs.followups_tab import FollowupsTab
from ui.views.cases.tabs.history_tab import HistoryTab
from ui.views.cases.tabs.overview_tab import OverviewTab
from ui.views.cases.tabs.parties_tab import PartiesTab
from ui.views.cases.tabs.records_tab import RecordsTab

SHORT_TITLE_CHARS = 12
DUE_SOON_DAYS = 5
DUE_SOON = "#e65100"
MESSAGE_STYLES = {
    INFO: "background:#e8f5e9;color:#1b5e20;border:1px solid #a5d6a7;",
    WARNING: "background:#fff3e0;color:#bf360c;border:1px solid #ef6c00;",
    ERROR: "background:#ffebee;color:#b71c1c;border:1px solid #c62828;",
}
TAB_OVERVIEW, TAB_PARTIES, TAB_RECORDS, TAB_AGREEMENT, TAB_FOLLOWUPS, TAB_DOCUMENTS, \
    TAB_ATTACHMENTS, TAB_HISTORY = range(8)


def _chip(background: str, foreground: str = "white") -> str:
    return (f"background:{background};color:{foreground};padding:2px 8px;border-radius:3px;"
            "font-weight:bold;")


class CaseView(QWidget):
    title_changed = Signal(str)

    def __init__(self, ctx: AppContext, case_id: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.case_id = case_id
        self.detail: CaseDetail | None = None
        self._short_title = ""
        self.actions = CaseActions(self)

        self.number_label = QLabel()
        self.title_label = QLabel()
        self.status_label = QLabel()
        self.risk_label = QLabel()
        self.deadline_label = QLabel()
        self.procedure_label = QLabel()
        for label in (self.number_label, self.title_label):
            label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        font = self.title_label.font()
        font.setPointSizeF(font.pointSizeF() * 1.25)
        font.setBold(True)
        self.title_label.setFont(font)
        self.number_label.setStyleSheet(f"color:{MUTED};")
        self.message_label = QLabel()
        self.message_label.setWordWrap(True)
        self.message_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.message_label.hide()
        self.review_bar = self._review_bar()

        top = QHBoxLayout()
        top.addWidget(self.title_label)
        top.addWidget(self.status_label)
        top.addWidget(self.risk_label)
        top.addStretch(1)
        top.addWidget(self.number_label)
        second = QHBoxLayout()
        second.addWidget(self.deadline_label)
        second.addSpacing(24)
        second.addWidget(self.procedure_label)
        second.addStretch(1)

        self.overview = OverviewTab()
        self.parties_tab = PartiesTab()
        self.records_tab = RecordsTab()
        self.agreement_tab = AgreementTab()
        self.followups_tab = FollowupsTab()
        self.documents_tab = DocumentsTab(ctx)
        self.attachments_tab = AttachmentsTab(ctx)
        self.history_tab = HistoryTab()
        self.tabs = QTabWidget()
        self.tabs.setDocumentMode(True)
        for widget, icon_name, text in (
                (self.overview, "cases", translate("CaseView", "Overview")),
                (self.parties_tab, "party", translate("CaseView", "Parties")),
                (self.records_tab, "record", translate("CaseView", "Records")),
                (self.agreement_tab, "agreement", translate("CaseView", "Agreement")),
                (self.followups_tab, "followup", translate("CaseView", "Follow-ups")),
                (self.documents_tab, "documents", translate("CaseView", "Documents")),
                (self.attachments_tab, "attach", translate("CaseView", "Attachments")),
                (self.history_tab, "history", translate("CaseView", "History"))):
            self.tabs.addTab(widget, icon(icon_name), text)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(10, 8, 10, 6)
        layout.addLayout(top)
        layout.addLayout(second)
        layout.addWidget(self.review_bar)
        layout.addWidget(self.message_label)
        layout.addWidget(self.tabs, 1)

        a = self.actions
        self.overview.step_requested.connect(a.take_step)
        self.overview.record_followup_requested.connect(a.record_followup)
        self.overview.plan_session_requested.connect(a.plan_session)
        self.overview.session_held.connect(a.session_held)
        self.overview.report_facts_requested.connect(self.edit_report_facts)
        self.overview.brief_requested.connect(self.edit_brief)
        self.parties_tab.add_requested.connect(a.add_party)
        self.parties_tab.edit_requested.connect(a.edit_party)
        self.parties_tab.reveal_requested.connect(a.reveal_party)
        self.records_tab.add_requested.connect(a.add_record)
        self.agreement_tab.record_requested.connect(a.record_agreement)
        self.agreement_tab.edit_requested.connect(a.edit_agreement)
        self.followups_tab.schedule_requested.connect(a.schedule_followup)
        self.followups_tab.record_requested.connect(a.record_followup)
        self.overview.edit_requested.connect(a.edit_case)
        self.records_tab.attach_requested.connect(lambda rid: self.attach_to("record", rid))
        self.followups_tab.attach_requested.connect(
            lambda fid: self.attach_to("followup", fid))
        self.agreement_tab.attach_signed_requested.connect(
            lambda aid: self.attach_to("agreement", aid, "signed_agreement"))
        self.attachments_tab.message.connect(self.show_message)
        a.message.connect(self.show_message)
        ctx.bus.changes_committed.connect(self._on_changes)
        self.reload()

    def _review_bar(self) -> QFrame:
        """导入待核对: why this imported case waits to be checked, and the button to check it."""
        bar = QFrame()
        bar.setObjectName("review-bar")
        bar.setStyleSheet("#review-bar{background:#fff8e1;border:1px solid #ffb300;"
                          "border-radius:3px;}")
        self.review_label = QLabel()
        self.review_label.setWordWrap(True)
        self.review_button = QPushButton(icon("import_review"), translate("CaseView", "Check…"))
        self.review_button.setAccessibleName(translate("CaseView", "Check this imported case"))
        self.review_button.clicked.connect(self.check_import)
        row = QHBoxLayout(bar)
        row.setContentsMargins(8, 4, 8, 4)
        row.addWidget(self.review_label, 1)
        row.addWidget(self.review_button, 0, Qt.AlignmentFlag.AlignVCenter)
        bar.hide()
        return bar

    def check_import(self) -> None:
        if self.detail is None or not self.detail.to_review:
            return
        result = ReviewDialog.ask(self, self.ctx, self.detail)
        if result is not None:
            self.show_message(translate("CaseView", "Imported case checked."), INFO)

    # -- data -------------------------------------------------------------------------------
    def _on_changes(self, changes: ChangeSet) -> None:
        if self.case_id in changes.case_ids:
            self.reload()

    def reload(self) -> None:
        try:
            detail = self.ctx.case_detail.load(self.case_id)
        except NotFound:
            self.show_message(translate("CaseView", "This case no longer exists."), ERROR)
            self.tabs.setEnabled(False)
            return
        except StoreUnavailable as exc:
            self.show_message(str(exc), ERROR)
            return
        self.detail = detail
        self._show_header(detail)
        self.overview.show_detail(detail)
        self.parties_tab.show_detail(detail)
        self.records_tab.show_detail(detail)
        self.agreement_tab.show_detail(detail)
        self.followups_tab.show_detail(detail)
        self.documents_tab.show_detail(detail)
        self.attachments_tab.show_detail(detail)
        self.history_tab.show_detail(detail)
        short = self._make_short_title(detail)
        if short != self._short_title:
            self._short_title = short
            self.title_changed.emit(short)

    @staticmethod
    def _make_short_title(detail: CaseDetail) -> str:
        title = detail.title or detail.number
        return title if len(title) <= SHORT_TITLE_CHARS else title[:SHORT_TITLE_CHARS] + "…"

    def short_title(self) -> str:
        return self._short_title

    # -- header -----------------------------------------------------------------------------
    def _show_header(self, d: CaseDetail) -> None:
        self.number_label.setText(d.number)
        self.title_label.setText(d.title)
        self.title_label.setToolTip(d.title)
        self.status_label.setText(d.status_label)
        self.status_label.setStyleSheet(_chip("#455a64"))
        risk = RISK_LEVELS.get(d.risk_level, d.risk_level)
        self.risk_label.setText(translate("CaseView", "Risk: %1").replace("%1", risk))
        colour = RISK_COLOURS.get(d.risk_level, MUTED)
        self.risk_label.setStyleSheet(
            _chip(colour, "#212121" if d.risk_level == "yellow" else "white"))
        self.deadline_label.setText(self._deadline_text(d))
        self.review_bar.setVisible(bool(d.to_review))
        self.review_label.setText(
            translate("CaseView", "Imported, to be checked (no time limit counted until then):")
            + "；".join(d.to_review))
        style = ""
        if d.days_left is not None and d.days_left < 0:
            style = f"color:{OVERDUE};font-weight:bold;"
        elif d.days_left is not None and d.days_left <= DUE_SOON_DAYS:
            style = f"color:{DUE_SOON};font-weight:bold;"
        self.deadline_label.setStyleSheet(style)
        self.procedure_label.setText(
            translate("CaseView", "Simple procedure") if d.procedure == "simple"
            else translate("CaseView", "Normal procedure"))

    @staticmethod
    def _deadline_text(d: CaseDetail) -> str:
        text = translate("CaseView", "Time limit %1").replace("%1", d.deadline_on.isoformat())
        if d.to_review and d.days_left is None and d.status not in (
                CaseStatus.CLOSED, CaseStatus.ARCHIVED):
            return text + " — " + translate("CaseView", "imported, to be checked")
        if d.days_left is None:
            return text + " — " + translate("CaseView", "mediation has ended")
        if d.days_left > 0:
            return text + " — " + translate("CaseView", "%n day(s) left", None, d.days_left)
        if d.days_left == 0:
            return text + " — " + translate("CaseView", "due today")
        return text + " — " + translate("CaseView", "%n day(s) overdue", None, -d.days_left)

    def attach_to(self, owner_kind: str, owner_id: str, kind: str = "") -> None:
        """Files for a part of the case (a record, a visit, the signed agreement): pick them,
        then show them on the 附件 tab."""
        self.tabs.setCurrentIndex(TAB_ATTACHMENTS)
        self.attachments_tab.pick_files(owner=(owner_kind, owner_id), kind=kind)

    def print_documents(self) -> list[str]:
        """Ctrl+P: the 文书 tab, with the case's main document in preview."""
        self.tabs.setCurrentIndex(TAB_DOCUMENTS)
        return self.documents_tab.print_default()

    def show_message(self, text: str, level: str = INFO) -> None:
        self.message_label.setText(text)
        self.message_label.setStyleSheet(MESSAGE_STYLES.get(level, MESSAGE_STYLES[INFO])
                                         + "padding:6px;border-radius:3px;")
        self.message_label.setVisible(bool(text))

    # -- reports (issue 14) -----------------------------------------------------------------
    def edit_report_facts(self) -> None:
        """统计事项: group dispute, prevention and judicial confirmation of this case."""
        result = CaseFactsDialog.ask(self, self.ctx, self.case_id)
        if result is not None:
            warnings = "；".join(result.warnings)
            self.show_message(translate("CaseView", "Report facts saved.")
                              + (f" {warnings}" if warnings else ""),
                              WARNING if warnings else INFO)

    def edit_brief(self) -> None:
        """以案释法: review, edit and save the anonymised brief of this case."""
        try:
            saved = BriefDialog.ask(self, self.ctx, self.case_id)
        except ValidationError as exc:  # not concluded, or its personal data already removed
            self.show_message("；".join(p.reason for p in exc.problems), ERROR)
            return
        if saved:
            self.show_message(translate("CaseView", "Case brief saved with the case."), INFO)
