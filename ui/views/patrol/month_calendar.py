"""The month calendar of the 排查 page: six weeks of days, each listing its patrols.

Why a table view with a painted cell and not QCalendarWidget: a day must show several lines
("湖二村 09:00 林春梅") with their marks, and a click on a line must pick that patrol; the
model (:class:`MonthModel`) holds the month's occurrences and is tested without widgets, the
delegate only paints. Arrow keys walk the days; Enter opens the day's patrol.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QPersistentModelIndex,
    QPoint,
    QRect,
    QSize,
    Qt,
    Signal,
)
from PySide6.QtGui import QColor, QFont, QFontMetrics, QKeyEvent, QMouseEvent, QPainter, QPen
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTableView,
    QWidget,
)

from mediation_desk import clock
from mediation_desk.services.patrols.service import Occurrence
from ui.i18n import translate
from ui.views.patrol.style import (
    OTHER_MONTH_TEXT,
    TODAY_BACKGROUND,
    TODAY_BORDER,
    WEEKDAYS,
    mark_color,
    mark_icon,
    place_then_time,
    villages_text,
)

DATE_ROLE = Qt.ItemDataRole.UserRole
OCCURRENCES_ROLE = Qt.ItemDataRole.UserRole + 1
IN_MONTH_ROLE = Qt.ItemDataRole.UserRole + 2
TODAY_ROLE = Qt.ItemDataRole.UserRole + 3
WEEKS = 6
PADDING = 2
ICON_SIZE = 11
LINE_FONT_SCALE = 0.9  # the lines a little smaller than the body text; the day number bold

Index = QModelIndex | QPersistentModelIndex


def first_shown_day(year: int, month: int) -> date:
    """The Monday on or before the 1st: weeks start on Monday in China."""
    first = date(year, month, 1)
    return first - timedelta(days=first.weekday())


def line_text(occurrence: Occurrence) -> str:
    """"湖二村 09:00 林春梅": where, when, who leads — the order the room reads a timetable."""
    return f"{short_text(occurrence)} {occurrence.lead}".strip()


def short_text(occurrence: Occurrence) -> str:
    """"湖二村 09:00": the line when the lead's name does not fit beside it."""
    return f"{villages_text(occurrence.villages, 1)} {occurrence.time}"


def describe(occurrence: Occurrence) -> str:
    """One occurrence for tooltips and screen readers, mark and exceptions included."""
    parts = [f"{occurrence.time} {'、'.join(occurrence.villages)}",
             translate("PatrolCalendar", "lead: %1").replace("%1", occurrence.lead)]
    if occurrence.mark_label:
        parts.append(occurrence.mark_label)
    if occurrence.kind == "moved" and occurrence.original_on:
        parts.append(translate("PatrolCalendar", "moved from %1").replace(
            "%1", f"{occurrence.original_on:%m-%d}"))
    elif occurrence.kind == "extra":
        parts.append(translate("PatrolCalendar", "extra visit"))
    return "，".join(parts) + f"（{occurrence.plan_title}）"


class MonthModel(QAbstractTableModel):
    """Six weeks × seven days around one month; each cell holds that day's occurrences."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        today = clock.today()
        self.year, self.month, self.today = today.year, today.month, today
        self.first = first_shown_day(self.year, self.month)
        self.by_day: dict[date, list[Occurrence]] = {}

    # -- the month --------------------------------------------------------------------------
    def set_month(self, year: int, month: int, occurrences: list[Occurrence],
                  today: date) -> None:
        self.beginResetModel()
        self.year, self.month, self.today = year, month, today
        self.first = first_shown_day(year, month)
        self.by_day = {}
        for occurrence in sorted(occurrences, key=lambda o: (o.on, o.time, o.plan_title)):
            self.by_day.setdefault(occurrence.on, []).append(occurrence)
        self.endResetModel()

    def day_of(self, index: Index) -> date:
        return self.first + timedelta(days=index.row() * 7 + index.column())

    def index_of(self, day: date) -> QModelIndex:
        offset = (day - self.first).days
        if not 0 <= offset < WEEKS * 7:
            return QModelIndex()
        return self.index(offset // 7, offset % 7)

    def occurrences_on(self, day: date) -> list[Occurrence]:
        return list(self.by_day.get(day, []))

    def all_occurrences(self) -> list[Occurrence]:
        return [o for day in sorted(self.by_day) for o in self.by_day[day]]

    # -- Qt ---------------------------------------------------------------------------------
    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else WEEKS

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else 7

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        day = self.day_of(index)
        if role == Qt.ItemDataRole.DisplayRole:
            return str(day.day)
        if role == DATE_ROLE:
            return day
        if role == OCCURRENCES_ROLE:
            return self.by_day.get(day, [])
        if role == IN_MONTH_ROLE:
            return day.month == self.month and day.year == self.year
        if role == TODAY_ROLE:
            return day == self.today
        if role in (Qt.ItemDataRole.ToolTipRole, Qt.ItemDataRole.AccessibleTextRole):
            heading = f"{day.month}月{day.day}日 周{WEEKDAYS[day.weekday()]}"
            lines = [describe(o) for o in self.by_day.get(day, [])]
            if not lines and role == Qt.ItemDataRole.ToolTipRole:
                return None
            return "\n".join([heading, *lines]) if lines else heading
        return None

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return f"周{WEEKDAYS[section]}"
        return None


def line_font(base: QFont) -> QFont:
    font = QFont(base)
    font.setPointSizeF(base.pointSizeF() * LINE_FONT_SCALE)
    return font


@dataclass
class DayLayout:
    """Where things go in one day's cell: the day number, each patrol shown (its area and
    whether the lead's name gets a line of its own), and the "还有N项" line if some did not
    fit."""

    number: QRect
    entries: list[tuple[Occurrence, QRect, bool]]
    more: QRect | None
    hidden: int


def day_layout(cell: QRect, base: QFont, occurrences: list[Occurrence]) -> DayLayout:
    """Lay out a day: one line per patrol when "湖二村 09:00 林春梅" fits the width, two lines
    (time and lead under the village) when it does not but there is height, else one shortened
    line each; the painter and the mouse both use this, so a click hits what was drawn."""
    number_height = QFontMetrics(base).height()
    metrics = QFontMetrics(line_font(base))
    line_height = metrics.height() + 1
    inner = cell.adjusted(PADDING, PADDING, -PADDING, -PADDING)
    number = QRect(inner.left(), inner.top(), inner.width(), number_height)
    top = number.bottom() + 2
    room = max(0, (inner.bottom() - top + 1) // line_height)
    text_width = inner.width() - ICON_SIZE - 4
    fits = all(metrics.horizontalAdvance(line_text(o)) <= text_width for o in occurrences)
    per = 2 if not fits and 2 * len(occurrences) <= room else 1
    shown = len(occurrences) if len(occurrences) * per <= room else max(0, room - 1)
    entries = [(o, QRect(inner.left(), top + i * per * line_height, inner.width(),
                         per * line_height), per == 2)
               for i, o in enumerate(occurrences[:shown])]
    more = None
    if shown < len(occurrences) and room > 0:
        more = QRect(inner.left(), top + shown * line_height, inner.width(), line_height)
    return DayLayout(number, entries, more, len(occurrences) - shown)


SELECTED_BACKGROUND = QColor("#e3f2fd")
SELECTED_BORDER = QColor("#1e88e5")


class DayDelegate(QStyledItemDelegate):
    """Paints a day: its number (today highlighted) and a line or two per patrol with its
    mark."""

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: Index) -> None:
        painter.save()
        rect: QRect = option.rect
        palette = option.palette
        state = option.state
        selected = bool(state & QStyle.StateFlag.State_Selected)
        in_month = bool(index.data(IN_MONTH_ROLE))
        is_today = bool(index.data(TODAY_ROLE))
        if selected:
            painter.fillRect(rect, SELECTED_BACKGROUND)
        elif is_today:
            painter.fillRect(rect, TODAY_BACKGROUND)
        if is_today or selected:
            painter.setPen(QPen(TODAY_BORDER if is_today else SELECTED_BORDER, 2))
            painter.drawRect(rect.adjusted(1, 1, -1, -1))
        occurrences: list[Occurrence] = index.data(OCCURRENCES_ROLE) or []
        base = QFont(option.font)
        layout = day_layout(rect, base, occurrences)

        number_font = QFont(base)
        number_font.setBold(True)
        painter.setFont(number_font)
        painter.setPen(palette.text().color() if in_month else OTHER_MONTH_TEXT)
        text = index.data(Qt.ItemDataRole.DisplayRole)
        if is_today:
            text += "  " + translate("PatrolCalendar", "today")
        painter.drawText(layout.number, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop,
                         text)

        font = line_font(base)
        for occurrence, area, two_lines in layout.entries:
            self._paint_entry(painter, area, occurrence, font, two_lines, in_month)
        if layout.more is not None:
            painter.setFont(font)
            painter.setPen(OTHER_MONTH_TEXT)
            more = translate("PatrolCalendar", "%1 more…").replace("%1", str(layout.hidden))
            painter.drawText(layout.more,
                             Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
                             QFontMetrics(font).elidedText(more, Qt.TextElideMode.ElideRight,
                                                           layout.more.width()))
        painter.restore()

    @staticmethod
    def _paint_entry(painter: QPainter, area: QRect, occurrence: Occurrence, font: QFont,
                     two_lines: bool, in_month: bool) -> None:
        mark = occurrence.mark
        color = mark_color(mark) if in_month else OTHER_MONTH_TEXT
        metrics = QFontMetrics(font)
        line = QRect(area.left(), area.top(), area.width(),
                     area.height() // 2 if two_lines else area.height())
        marker = QRect(line.left(), line.top() + (line.height() - ICON_SIZE) // 2,
                       ICON_SIZE, ICON_SIZE)
        if mark == "zero":
            small = QFont(font)
            small.setBold(True)
            painter.setFont(small)
            painter.setPen(color)
            painter.drawText(QRect(line.left() - 1, line.top(), ICON_SIZE + 4, line.height()),
                             Qt.AlignmentFlag.AlignCenter, "零")
        else:
            mark_icon(mark).paint(painter, marker)
        text_font = QFont(font)
        text_font.setStrikeOut(mark == "cancelled")
        text_font.setItalic(occurrence.kind == "moved")
        text_font.setBold(mark == "due")
        painter.setFont(text_font)
        painter.setPen(color)
        text_rect = line.adjusted(ICON_SIZE + 4, 0, 0, 0)
        prefix = "+" if occurrence.kind == "extra" else ""
        full = prefix + line_text(occurrence)
        place = prefix + villages_text(occurrence.villages, 1)
        # The whole line if it fits; on two lines the place, then time and lead; otherwise
        # place and time, the lead left out. A narrow day (larger text) shortens the place,
        # never the time.
        if two_lines:
            first = place
        elif metrics.horizontalAdvance(full) <= text_rect.width():
            first = full
        else:
            first = place_then_time(metrics, place, occurrence.time, text_rect.width())
        painter.drawText(text_rect, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
                         metrics.elidedText(first, Qt.TextElideMode.ElideRight,
                                            text_rect.width()))
        if two_lines:
            lead_rect = text_rect.translated(0, line.height())
            painter.setFont(text_font)
            second = f"{occurrence.time} {occurrence.lead}".strip()
            painter.drawText(lead_rect,
                             Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
                             metrics.elidedText(second, Qt.TextElideMode.ElideRight,
                                                lead_rect.width()))

    def sizeHint(self, option: QStyleOptionViewItem, index: Index) -> QSize:
        metrics = QFontMetrics(option.font)
        return QSize(metrics.horizontalAdvance("湖二村 09:00 林春梅"), metrics.height() * 4)


class MonthCalendar(QTableView):
    """The calendar widget: picks a day, and the patrol under the mouse when a line is hit.

    ``day_chosen(date)`` when the current day changes (a day of the previous or next month
    too: the page then turns to it); ``occurrence_clicked(Occurrence)`` when a line is
    clicked; ``occurrence_activated(Occurrence)`` on a double click on a line or Enter on a
    day with a patrol; ``month_step(int)`` on PgUp / PgDown.
    """

    day_chosen = Signal(object)
    occurrence_clicked = Signal(object)
    occurrence_activated = Signal(object)
    month_step = Signal(int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.month_model = MonthModel(self)
        self.setModel(self.month_model)
        self.setItemDelegate(DayDelegate(self))
        self.setAccessibleName(translate("PatrolCalendar", "Patrol calendar"))
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectItems)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setShowGrid(True)
        self.setGridStyle(Qt.PenStyle.SolidLine)
        self.setWordWrap(False)
        self.setCornerButtonEnabled(False)
        self.verticalHeader().setVisible(False)
        self.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.horizontalHeader().setHighlightSections(False)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setMinimumSize(7 * 80, 6 * 56)
        self.selectionModel().currentChanged.connect(self._current_changed)
        self.doubleClicked.connect(self._double_clicked)

    # -- days -------------------------------------------------------------------------------
    def current_day(self) -> date | None:
        index = self.currentIndex()
        return self.month_model.day_of(index) if index.isValid() else None

    def select_day(self, day: date) -> None:
        index = self.month_model.index_of(day)
        if index.isValid():
            self.setCurrentIndex(index)

    def _current_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        if current.isValid():
            self.day_chosen.emit(self.month_model.day_of(current))

    # -- lines ------------------------------------------------------------------------------
    def occurrence_at(self, pos: QPoint) -> Occurrence | None:
        """The patrol whose line(s) are under ``pos`` (viewport coordinates), if any."""
        index = self.indexAt(pos)
        if not index.isValid():
            return None
        layout = day_layout(self.visualRect(index), self.font(),
                            index.data(OCCURRENCES_ROLE) or [])
        return next((o for o, area, _two in layout.entries if area.contains(pos)), None)

    def line_position(self, occurrence: Occurrence) -> QPoint:
        """The centre of an occurrence's line (tests click there, as a user would)."""
        index = self.month_model.index_of(occurrence.on)
        layout = day_layout(self.visualRect(index), self.font(),
                            index.data(OCCURRENCES_ROLE) or [])
        return next(area.center() for o, area, _two in layout.entries if o == occurrence)

    def mousePressEvent(self, event: QMouseEvent) -> None:
        super().mousePressEvent(event)
        occurrence = self.occurrence_at(event.position().toPoint())
        if occurrence is not None:
            self.occurrence_clicked.emit(occurrence)

    def _double_clicked(self, index: QModelIndex) -> None:
        """A double click beside the lines of a day with one patrol opens that patrol."""
        occurrences: list[Occurrence] = index.data(OCCURRENCES_ROLE) or []
        if len(occurrences) == 1:
            self.occurrence_activated.emit(occurrences[0])

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            occurrences: list[Occurrence] = self.currentIndex().data(OCCURRENCES_ROLE) or []
            open_ones = [o for o in occurrences if o.mark in ("due", "missed", "upcoming")]
            if occurrences:
                self.occurrence_activated.emit((open_ones or occurrences)[0])
            return
        if event.key() == Qt.Key.Key_PageUp:
            self.month_step.emit(-1)
            return
        if event.key() == Qt.Key.Key_PageDown:
            self.month_step.emit(1)
            return
        super().keyPressEvent(event)

    def mouseDoubleClickEvent(self, event: QMouseEvent) -> None:
        occurrence = self.occurrence_at(event.position().toPoint())
        if occurrence is not None:
            self.occurrence_activated.emit(occurrence)
            return
        super().mouseDoubleClickEvent(event)


def month_title(year: int, month: int) -> str:
    return f"{year}年{month}月"
