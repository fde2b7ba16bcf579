"""设置 → 巡查笔记本: which device this is, the devices it exchanges with, and the commands.

On the desk: every enrolled laptop with its last exchange, the changes waiting for it and
the leased case numbers it has left; "Enrol a laptop…" for the director or administrator.
On a laptop: the desk it exchanges with, and what is waiting to go there.
"""

from __future__ import annotations

from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from mediation_desk.services.shared.permissions import may
from mediation_desk.services.sync.status import SyncStatus
from mediation_desk.store.changes import ChangeSet
from ui.context import AppContext
from ui.dialogs.sync.conflicts_dialog import ConflictsDialog
from ui.dialogs.sync.enrol_dialog import EnrolDialog
from ui.dialogs.sync.exchange_dialog import ExchangeDialog
from ui.i18n import translate
from ui.icons import icon
from ui.widgets.field_error import STATUS_DONE, STATUS_NOTE, status_label
from ui.widgets.tables import read_only_table

COL_NAME, COL_IN, COL_OUT, COL_WAITING, COL_NUMBERS, COL_CLOCK = range(6)
WATCHED = frozenset({"sync", "case"})


def _when(text: str | None) -> str:
    return text.replace("T", " ")[:16] if text else translate("LaptopsView", "never")


class LaptopsView(QWidget):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.status: SyncStatus | None = None
        self.can_enrol = may(ctx.actor, "sync.enroll")

        self.role_label = QLabel()
        self.role_label.setWordWrap(True)
        self.enrol_button = QPushButton(icon("enrol"), translate("LaptopsView",
                                                                 "&Enrol a laptop…"))
        self.exchange_button = QPushButton(icon("exchange"), translate("LaptopsView",
                                                                       "E&xchange…"))
        self.conflicts_button = QPushButton(icon("conflict"), "")  # text: reload()
        actions = QHBoxLayout()
        for button in (self.enrol_button, self.exchange_button, self.conflicts_button):
            actions.addWidget(button)
        actions.addStretch(1)
        self.table = read_only_table(
            [translate("LaptopsView", "Device"), translate("LaptopsView", "Last import"),
             translate("LaptopsView", "Last export"), translate("LaptopsView", "Waiting to go"),
             translate("LaptopsView", "Case numbers left"), translate("LaptopsView", "Clock")],
            COL_CLOCK, translate("LaptopsView", "Devices this one exchanges with"))
        header = self.table.horizontalHeader()
        for column in range(COL_CLOCK):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        self.empty_label = status_label(STATUS_NOTE)
        self.message = status_label(STATUS_DONE)
        note = status_label(STATUS_NOTE, translate(
            "LaptopsView", "Patrol laptops carry a copy of the register into the villages. "
            "Exchange on a USB stick when a laptop leaves and when it comes back: the desk "
            "merges every laptop's work field by field, relays it to the others, and keeps any "
            "value two devices changed differently as a conflict for review."))

        layout = QVBoxLayout(self)
        layout.addWidget(self.role_label)
        layout.addLayout(actions)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.empty_label)
        layout.addWidget(self.message)
        layout.addWidget(note)

        self.enrol_button.clicked.connect(self.enrol)
        self.exchange_button.clicked.connect(self.exchange)
        self.conflicts_button.clicked.connect(self.review)
        ctx.bus.changes_committed.connect(self._on_changes)
        self.reload()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self.reload()

    def reload(self) -> None:
        status = self.status = self.ctx.sync.status()
        desk = status.role == "desk"
        self.role_label.setText(
            translate("LaptopsView", "This computer is the room's desk (%1).") if desk else
            translate("LaptopsView", "This computer is the patrol laptop “%1”; it exchanges "
                                     "with the room's desk."))
        self.role_label.setText(self.role_label.text().replace("%1", status.device_name))
        self.enrol_button.setVisible(desk)
        self.enrol_button.setEnabled(self.can_enrol)
        if desk and not self.can_enrol:
            self.enrol_button.setToolTip(translate(
                "LaptopsView", "Only the director or administrator can enrol laptops."))
        self.exchange_button.setEnabled(bool(status.peers))
        self.conflicts_button.setText(translate("LaptopsView", "&Conflicts (%1)…")
                                      .replace("%1", str(status.open_conflicts)))
        self.table.setRowCount(len(status.peers))
        for row, peer in enumerate(status.peers):
            numbers = (str(peer.numbers_left) if peer.kind == "laptop" or not desk else "—")
            cells = (peer.name, _when(peer.last_in_at), _when(peer.last_out_at),
                     translate("LaptopsView", "%1 batch(es)").replace("%1", str(peer.waiting)),
                     numbers, peer.clock_note or translate("LaptopsView", "fine"))
            for column, text in enumerate(cells):
                self.table.setItem(row, column, QTableWidgetItem(text))
        self.empty_label.setText(translate(
            "LaptopsView", "No laptop is enrolled yet.") if not status.peers else "")
        self.empty_label.setVisible(not status.peers)

    def _on_changes(self, changes: ChangeSet) -> None:
        if changes.kinds & WATCHED and self.isVisible():
            self.reload()

    def enrol(self) -> None:
        done = EnrolDialog.ask(self, self.ctx)
        if done is not None:
            first, last = done.numbers
            self.message.setText(translate(
                "LaptopsView", "Enrolled “%1”: copy %2 and its .keys file onto the laptop. "
                "Case numbers %3 to %4 of %5 are leased to it.")
                .replace("%1", done.name).replace("%2", str(done.path))
                .replace("%3", str(first)).replace("%4", str(last))
                .replace("%5", str(done.year)))
            self.message.show()
        self.reload()

    def exchange(self) -> None:
        ExchangeDialog.ask(self, self.ctx)
        self.reload()

    def review(self) -> None:
        ConflictsDialog.ask(self, self.ctx)
        self.reload()
