"""坐班接访 and 预约接访 on the 接访 page: the duty days of the next four weeks (who receives,
where, when), and one day's appointment slots — free or booked — with booking, cancelling and
receiving a booked visitor (the request form opens with their name and phone, channel 预约接访,
and registering it marks the appointment done)."""

from __future__ import annotations

from datetime import date, timedelta

from PySide6.QtCore import QDate, Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSplitter,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from mediation_desk import clock
from mediation_desk.errors import NotFound, StoreUnavailable, ValidationError
from mediation_desk.services.petitions.rota import RotaView, SlotView
from ui.context import AppContext
from ui.dialogs.petitions.appointment_dialog import AppointmentDialog
from ui.dialogs.petitions.petition_form import date_field
from ui.dialogs.petitions.request_dialog import RequestDialog
from ui.dialogs.petitions.rota_dialog import RotaDialog
from ui.dialogs.petitions.rota_end_dialog import RotaEndDialog
from ui.i18n import translate
from ui.icons import icon
from ui.widgets.column_fit import fit_columns
from ui.widgets.field_error import STATUS_DONE, STATUS_ERROR, set_text_colour, status_label
from ui.widgets.flow_layout import FlowLayout
from ui.widgets.tables import read_only_table

#: How far ahead the duty list reaches.
DUTY_DAYS = 28
WEEKDAY_NAMES = "一二三四五六日"


def _item(text: str, key: str = "") -> QTableWidgetItem:
    item = QTableWidgetItem(text)
    item.setData(Qt.ItemDataRole.UserRole, key)
    item.setToolTip(text)
    return item


class RotaTab(QWidget):
    """``received(petition_id)`` after a booked visitor's request is registered."""

    received = Signal(str)

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.slots: list[SlotView] = []
        self.rotas: dict[str, RotaView] = {}
        self.rota_button = QPushButton(icon("duty_rota"), translate("RotaTab", "New &rota…"))
        self.rota_box = QComboBox()
        self.rota_box.setAccessibleName(translate("RotaTab", "Rota"))
        self.edit_rota_button = QPushButton(icon("edit"), translate("RotaTab", "&Edit rota…"))
        self.end_rota_button = QPushButton(icon("close"), translate("RotaTab", "E&nd rota…"))
        self.day_edit = date_field()
        self.day_edit.setAccessibleName(translate("RotaTab", "Day"))
        self.book_button = QPushButton(icon("add"), translate("RotaTab", "&Book…"))
        self.cancel_button = QPushButton(icon("close"),
                                         translate("RotaTab", "Cancel the appointment"))
        self.receive_button = QPushButton(icon("new_request", "accent"),
                                          translate("RotaTab", "Recei&ve this visitor…"))
        self.message = status_label(STATUS_DONE)
        commands = FlowLayout()
        commands.add_widgets(self.rota_button, self.rota_box, self.edit_rota_button,
                             self.end_rota_button, QLabel(translate("RotaTab", "Slots on")),
                             self.day_edit, self.book_button, self.cancel_button,
                             self.receive_button)

        self.duty = read_only_table(
            [translate("RotaTab", "Day"), translate("RotaTab", "Time"),
             translate("RotaTab", "Receivers"), translate("RotaTab", "Place")], 3,
            translate("RotaTab", "Duty days"))
        self.duty_columns = fit_columns(self.duty, {0: "2026-12-31 周日", 1: "09:00–12:00",
                                                    2: "陈镇长、林春梅、王建国"})
        self.slot_table = read_only_table(
            [translate("RotaTab", "Time"), translate("RotaTab", "Receiver"),
             translate("RotaTab", "Booked")], 2, translate("RotaTab", "Appointment slots"))
        self.slot_columns = fit_columns(self.slot_table, {0: "09:30", 1: "欧阳秀琴"})
        splitter = QSplitter(Qt.Orientation.Horizontal, self)
        splitter.setChildrenCollapsible(False)
        splitter.addWidget(self.duty)
        splitter.addWidget(self.slot_table)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addLayout(commands)
        layout.addWidget(self.message)
        row = QHBoxLayout()
        row.addWidget(splitter)
        layout.addLayout(row, 1)

        self.rota_button.clicked.connect(self.new_rota)
        self.edit_rota_button.clicked.connect(self.edit_rota)
        self.end_rota_button.clicked.connect(self.end_rota)
        self.book_button.clicked.connect(self.book)
        self.cancel_button.clicked.connect(self.cancel)
        self.receive_button.clicked.connect(self.receive)
        self.day_edit.dateChanged.connect(lambda _d: self._show_slots())
        self.duty.cellClicked.connect(self._duty_clicked)
        self.slot_table.currentCellChanged.connect(lambda *_: self._update_buttons())

    def refresh(self) -> None:
        today = clock.today()
        keep = self.rota_box.currentData()
        self.rotas = {r.id: r for r in self.ctx.rota.rotas(today=today)}
        self.rota_box.clear()
        for rota in self.rotas.values():
            self.rota_box.addItem(f"{rota.title}（{rota.rule_text}）", rota.id)
        self.rota_box.setCurrentIndex(max(0, self.rota_box.findData(keep)))
        for button in (self.edit_rota_button, self.end_rota_button):
            button.setEnabled(bool(self.rotas))
        self.duty.setRowCount(0)
        for day in self.ctx.rota.duty(today, today + timedelta(days=DUTY_DAYS)):
            row = self.duty.rowCount()
            self.duty.insertRow(row)
            for column, text in enumerate((
                    f"{day.on:%Y-%m-%d} 周{WEEKDAY_NAMES[day.on.weekday()]}",
                    f"{day.start_time}–{day.end_time}", "、".join(day.receivers), day.place)):
                self.duty.setItem(row, column, _item(text, day.on.isoformat()))
        self._show_slots()

    def _duty_clicked(self, row: int, _column: int) -> None:
        item = self.duty.item(row, 0)
        if item is not None:
            on = date.fromisoformat(str(item.data(Qt.ItemDataRole.UserRole)))
            self.day_edit.setDate(QDate(on.year, on.month, on.day))

    def day(self) -> date:
        picked: date = self.day_edit.date().toPython()  # type: ignore[assignment]
        return picked

    def _show_slots(self) -> None:
        self.slots = self.ctx.rota.slots(self.day())
        self.slot_table.setRowCount(0)
        for slot in self.slots:
            row = self.slot_table.rowCount()
            self.slot_table.insertRow(row)
            for column, text in enumerate((f"{slot.at:%H:%M}", slot.receiver,
                                           slot.person or translate("RotaTab", "free"))):
                self.slot_table.setItem(row, column, _item(text, slot.appointment_id))
        self._update_buttons()

    def current_slot(self) -> SlotView | None:
        row = self.slot_table.currentRow()
        return self.slots[row] if 0 <= row < len(self.slots) else None

    def _update_buttons(self) -> None:
        slot = self.current_slot()
        booked = slot is not None and bool(slot.appointment_id)
        self.book_button.setEnabled(any(not s.appointment_id for s in self.slots))
        self.cancel_button.setEnabled(booked)
        self.receive_button.setEnabled(booked)

    def _say(self, text: str, error: bool = False) -> None:
        set_text_colour(self.message, STATUS_ERROR if error else STATUS_DONE)
        self.message.setText(text)
        self.message.setVisible(bool(text))

    def new_rota(self) -> None:
        if RotaDialog.ask(self, self.ctx) is not None:
            self._say(translate("RotaTab", "Rota saved."))

    def current_rota(self) -> RotaView | None:
        return self.rotas.get(str(self.rota_box.currentData()))

    def edit_rota(self) -> None:
        rota = self.current_rota()
        if rota is not None and RotaDialog.ask(self, self.ctx, rota) is not None:
            self._say(translate("RotaTab", "Rota saved."))

    def end_rota(self) -> None:
        rota = self.current_rota()
        if rota is not None and RotaEndDialog.ask(self, self.ctx, rota) is not None:
            self._say(translate("RotaTab", "Rota ended."))

    def book(self) -> None:
        slot = self.current_slot()
        if AppointmentDialog.ask(self, self.ctx, self.slots,
                                 slot.at if slot and not slot.appointment_id else None):
            self._say(translate("RotaTab", "Appointment booked."))

    def cancel(self) -> None:
        slot = self.current_slot()
        if slot is None or not slot.appointment_id:
            return
        try:
            self.ctx.rota.cancel(slot.appointment_id)
        except (ValidationError, NotFound, StoreUnavailable) as exc:
            self._say(str(exc), error=True)
            return
        self._say(translate("RotaTab", "Appointment cancelled."))

    def receive(self) -> None:
        slot = self.current_slot()
        if slot is None or not slot.appointment_id:
            return
        try:
            name, phone = self.ctx.rota.appointment_person(slot.appointment_id)
        except (NotFound, StoreUnavailable) as exc:
            self._say(str(exc), error=True)
            return
        result = RequestDialog.ask(self, self.ctx,
                                   appointment=(slot.appointment_id, name, phone))
        if result is not None:
            self._say(translate("RotaTab", "Registered %1.").replace("%1", result.number))
            self.received.emit(result.id)
