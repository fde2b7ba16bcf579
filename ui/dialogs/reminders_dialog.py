"""The reminders at start: what falls due today and tomorrow — sessions, follow-up visits,
patrols, the last day to apply for judicial confirmation, the last day of mediation — the
user's own (a director or administrator who mediates nothing gets the whole room's).

Not modal: the window is usable behind it, and Enter (or a double click) on a line opens its
case (today's patrol: its visit form) and closes the list.
"""

from __future__ import annotations

from datetime import date, timedelta

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QBrush, QFont
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from mediation_desk import clock
from mediation_desk.services.agenda.week import WeekItem
from ui.context import AppContext
from ui.i18n import translate
from ui.icons import icon
from ui.views.today_view import SECTION_BACKGROUND
from ui.widgets.column_fit import fit_columns
from ui.widgets.screen_fit import open_at

COL_WHEN, COL_NUMBER, COL_TITLE, COL_WHAT = range(4)
ITEM_ROLE = Qt.ItemDataRole.UserRole


class RemindersDialog(QDialog):
    activated = Signal(object)  # the WeekItem of the line opened

    def __init__(self, items: list[WeekItem], today: date, mine: bool,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(translate("RemindersDialog", "Reminders"))
        self.setWindowIcon(icon("reminder"))
        self.items = items
        intro = QLabel(translate("RemindersDialog", "Due today and tomorrow — mine:") if mine
                       else translate("RemindersDialog", "Due today and tomorrow — the room:"))
        intro.setWordWrap(True)
        self.tree = QTreeWidget()
        self.tree.setAccessibleName(translate("RemindersDialog", "Reminders"))
        self.tree.setColumnCount(4)
        self.tree.setHeaderLabels([translate("RemindersDialog", "When"),
                                   translate("RemindersDialog", "Case number"),
                                   translate("RemindersDialog", "Case or patrol"),
                                   translate("RemindersDialog", "What")])
        self.tree.setRootIsDecorated(False)
        self.tree.setIndentation(0)  # the day's heading spans the row; no step in
        self.tree.setUniformRowHeights(True)
        self.tree.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.tree.header().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.tree.header().setStretchLastSection(True)
        self.columns = fit_columns(self.tree, {
            COL_WHEN: "今天 15:00", COL_NUMBER: "（2026）湖头人调字第123号", COL_TITLE: 220})
        bold = QFont()
        bold.setBold(True)
        for day, heading in ((today, translate("RemindersDialog", "Today")),
                             (today + timedelta(days=1), translate("RemindersDialog",
                                                                   "Tomorrow"))):
            lines = [i for i in items if i.on == day]
            if not lines:
                continue
            section = QTreeWidgetItem(self.tree, [f"{heading}（{day:%m月%d日}）"])
            section.setFirstColumnSpanned(True)
            section.setFont(COL_WHEN, bold)
            section.setFlags(Qt.ItemFlag.ItemIsEnabled)
            for column in range(4):
                section.setBackground(column, QBrush(SECTION_BACKGROUND))
            for item in lines:
                row = QTreeWidgetItem(section, [
                    f"{heading} {item.time}".strip(), item.number, item.title,
                    f"{item.kind_label}　{item.text}"])
                row.setData(COL_WHEN, ITEM_ROLE, item)
                row.setToolTip(COL_WHAT, item.text)
            section.setExpanded(True)
        # Enter or a double click (as the platform activates an item).
        self.tree.itemActivated.connect(self._open)
        first = self.tree.topLevelItem(0)
        if first is not None and first.childCount():
            self.tree.setCurrentItem(first.child(0))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.tree, 1)
        layout.addWidget(buttons)
        open_at(self, 820, 360)  # pixels at 100 % text; grows with it

    @classmethod
    def show_for(cls, parent: QWidget, ctx: AppContext) -> RemindersDialog | None:
        """Show the list, not modal, if anything falls due today or tomorrow."""
        mine = ctx.week.mediates()
        items = ctx.week.reminders(mine=mine)
        if not items:
            return None
        dialog = cls(items, clock.today(), mine, parent)
        dialog.show()
        return dialog

    def lines(self) -> list[QTreeWidgetItem]:
        return [section.child(i) for section in (self.tree.topLevelItem(s) for s in
                                                 range(self.tree.topLevelItemCount()))
                if section is not None for i in range(section.childCount())]

    def _open(self, row: QTreeWidgetItem | None, _column: int = 0) -> None:
        item = row.data(COL_WHEN, ITEM_ROLE) if row is not None else None
        if isinstance(item, WeekItem):
            self.activated.emit(item)
            self.accept()
