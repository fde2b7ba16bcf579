"""The 统计 page's charts (QtCharts, PySide6-Addons): cases received per month by dispute type,
the success rate over twelve months, and patrol coverage per village as a calendar-like grid.

Each chart sits in a :class:`ChartPanel` with an 导出图片 button writing a PNG, because the
director pastes them into the month's written report. Animations are off: a chart that is
still moving when grabbed exports half-drawn.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCharts import (
    QBarCategoryAxis,
    QBarSet,
    QCategoryAxis,
    QChart,
    QChartView,
    QLineSeries,
    QScatterSeries,
    QStackedBarSeries,
    QValueAxis,
)
from PySide6.QtCore import QMargins, QPointF, Qt
from PySide6.QtGui import QColor, QPainter, QPen
from PySide6.QtWidgets import (
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from mediation_desk.services.statistics.types import Coverage, MonthSeries
from ui.i18n import translate
from ui.icons import icon

#: Colours of the stacked bars, in type order (distinguishable, also in grey print).
PALETTE = ("#1565c0", "#2e7d32", "#ef6c00", "#6a1b9a", "#00838f", "#c62828", "#9e9e9e")
VISITED, FOUND, EMPTY = "#43a047", "#ef6c00", "#e0e0e0"


def month_label(year: int, month: int) -> str:
    return f"{year}年{month}月" if month == 1 else f"{month}月"


def _chart(title: str) -> QChart:
    chart = QChart()
    chart.setTitle(title)
    chart.setAnimationOptions(QChart.AnimationOption.NoAnimation)
    chart.legend().setAlignment(Qt.AlignmentFlag.AlignBottom)
    chart.setMargins(QMargins(4, 4, 4, 4))
    return chart


def type_chart(series: MonthSeries) -> QChart:
    """Stacked bars: cases received in each of the twelve months, split by dispute type."""
    chart = _chart(translate("StatisticsView", "Cases received per month, by dispute type"))
    bars = QStackedBarSeries()
    for i, (label, counts) in enumerate(series.by_type.items()):
        bar_set = QBarSet(label)
        bar_set.append([float(n) for n in counts])
        bar_set.setColor(QColor(PALETTE[i % len(PALETTE)]))
        bars.append(bar_set)
    chart.addSeries(bars)
    x = QBarCategoryAxis()
    x.append([month_label(y, m) for y, m in series.months])
    y_axis = QValueAxis()
    totals = [sum(c[i] for c in series.by_type.values()) for i in range(len(series.months))]
    _whole_number_ticks(y_axis, max(totals, default=0))
    y_axis.setLabelFormat("%d")
    y_axis.setTitleText(translate("StatisticsView", "Cases"))
    chart.addAxis(x, Qt.AlignmentFlag.AlignBottom)
    chart.addAxis(y_axis, Qt.AlignmentFlag.AlignLeft)
    bars.attachAxis(x)
    bars.attachAxis(y_axis)
    return chart


def rate_chart(series: MonthSeries) -> QChart:
    """The success rate of each month (succeeded / concluded); a month with nothing
    concluded has no point, and the line does not pretend otherwise."""
    chart = _chart(translate("StatisticsView", "Success rate over twelve months"))
    line = QLineSeries()
    line.setName(translate("StatisticsView", "Success rate"))
    dots = QScatterSeries()
    dots.setName(translate("StatisticsView", "Months with concluded cases"))
    dots.setMarkerSize(9)
    dots.setPointLabelsVisible(True)
    dots.setPointLabelsFormat("@yPoint%")
    dots.setPointLabelsClipping(False)
    for i, rate in enumerate(series.success_rate):
        if rate is not None:
            point = QPointF(i, round(rate * 100, 1))
            line.append(point)
            dots.append(point)
    pen = QPen(QColor(PALETTE[0]))
    pen.setWidth(3)
    line.setPen(pen)
    dots.setColor(QColor(PALETTE[0]))
    chart.addSeries(line)
    chart.addSeries(dots)
    x = QBarCategoryAxis()
    x.append([month_label(y, m) for y, m in series.months])
    y_axis = QValueAxis()
    y_axis.setRange(0, 100)  # ticks at 0, 20 … 100 %, not 21 %, 42 % …
    y_axis.setTickCount(6)
    y_axis.setLabelFormat("%d%%")
    chart.addAxis(x, Qt.AlignmentFlag.AlignBottom)
    chart.addAxis(y_axis, Qt.AlignmentFlag.AlignLeft)
    for s in (line, dots):
        s.attachAxis(x)
        s.attachAxis(y_axis)
    chart.legend().setVisible(False)
    return chart


def coverage_chart(coverage: Coverage) -> QChart:
    """Villages down, days (or months) across; a green square where a patrol was held, orange
    where it found disputes, grey where nobody went."""
    chart = _chart(translate("StatisticsView", "Patrol coverage by village"))
    n_rows, n_cols = len(coverage.villages), len(coverage.columns)
    groups = {
        "empty": (translate("StatisticsView", "No patrol"), EMPTY),
        "visited": (translate("StatisticsView", "Patrolled, nothing found"), VISITED),
        "found": (translate("StatisticsView", "Patrolled, disputes found"), FOUND),
    }
    series: dict[str, QScatterSeries] = {}
    for key, (name, color) in groups.items():
        s = QScatterSeries()
        s.setName(name)
        s.setMarkerShape(QScatterSeries.MarkerShape.MarkerShapeRectangle)
        s.setMarkerSize(11 if n_cols > 15 else 16)
        s.setColor(QColor(color))
        s.setBorderColor(QColor(color))
        series[key] = s
    for r in range(n_rows):
        for c in range(n_cols):
            visits, found = coverage.cells.get((r, c), (0, 0))
            key = "found" if found else ("visited" if visits else "empty")
            series[key].append(QPointF(c + 1, n_rows - r))
    for s in series.values():
        chart.addSeries(s)
    x = QCategoryAxis()
    x.setLabelsPosition(QCategoryAxis.AxisLabelsPosition.AxisLabelsPositionOnValue)
    for c, label in enumerate(coverage.columns, start=1):
        x.append(label, c)
    x.setRange(0.5, n_cols + 0.5)
    x.setGridLineVisible(False)
    y = QCategoryAxis()
    y.setLabelsPosition(QCategoryAxis.AxisLabelsPosition.AxisLabelsPositionOnValue)
    for r in range(n_rows - 1, -1, -1):  # end values must rise: bottom village first
        y.append(coverage.villages[r], n_rows - r)
    y.setRange(0.5, max(n_rows, 1) + 0.5)
    y.setGridLineVisible(False)
    y.setTruncateLabels(False)  # else village names are cut to "…"
    chart.addAxis(x, Qt.AlignmentFlag.AlignTop)
    chart.addAxis(y, Qt.AlignmentFlag.AlignLeft)
    for s in series.values():
        s.attachAxis(x)
        s.attachAxis(y)
    return chart


def coverage_height(coverage: Coverage, line_height: int) -> int:
    """The height the grid needs for every village name to show (QtCharts hides axis
    labels that would overlap): a line and a half per village, plus title, axis and legend."""
    return int(len(coverage.villages) * line_height * 1.25 + line_height * 9)


class ChartPanel(QWidget):
    """A chart with a note under it and a button that saves it as PNG. A chart taller than
    the page (the coverage grid of many villages) scrolls; the PNG holds all of it."""

    def __init__(self, name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.name = name
        self.view = QChartView()
        self.view.setRenderHint(QPainter.RenderHint.Antialiasing)
        self.view.setAccessibleName(name)
        self.view.setMinimumHeight(200)
        self.scroll = QScrollArea()
        self.scroll.setWidgetResizable(True)
        self.scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        self.scroll.setWidget(self.view)
        self.note = QLabel()
        self.note.setWordWrap(True)
        self.export_button = QPushButton(icon("save"), translate("StatisticsView",
                                                                 "Export picture…"))
        self.export_button.clicked.connect(self.export_clicked)
        bottom = QHBoxLayout()
        bottom.addWidget(self.note, 1)
        bottom.addWidget(self.export_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.scroll, 1)
        layout.addLayout(bottom)

    def set_chart(self, chart: QChart, note: str = "", min_height: int = 200) -> None:
        old = self.view.chart()
        self.view.setMinimumHeight(min_height)
        self.view.setChart(chart)
        if old is not None and old is not chart:
            old.deleteLater()
        self.note.setText(note)

    def export_png(self, path: Path) -> Path:
        """Write the chart as it is shown to ``path`` (PNG); returns the path written."""
        if path.suffix.lower() != ".png":
            path = path.with_suffix(".png")
        if not self.view.grab().save(str(path), "PNG"):
            raise OSError(translate("StatisticsView", "Could not write %1").replace(
                "%1", str(path)))
        return path

    def export_clicked(self) -> None:
        path, _ = QFileDialog.getSaveFileName(
            self, translate("StatisticsView", "Export picture"), f"{self.name}.png",
            translate("StatisticsView", "PNG pictures (*.png)"))
        if path:
            try:
                written = self.export_png(Path(path))
            except OSError as exc:
                self.note.setText(str(exc))
            else:
                self.note.setText(translate("StatisticsView", "Saved to %1").replace(
                    "%1", str(written)))


def _whole_number_ticks(axis: QValueAxis, highest: int) -> None:
    """Ticks on whole numbers of cases (1, 2, 5, 10 … apart), the top one above the highest
    bar. Why: a range of 0–5 split into Qt's default five intervals put ticks at 1.25, 2.5 …
    printed as "1", "2" — a bar of 2 then stood between the labels 1 and 2."""
    step = next(s for s in (1, 2, 5, 10, 20, 50, 100, 200, 500, 1000, 2000, 5000, 10_000)
                if max(highest, 4) / s <= 8) if highest < 80_000 else highest // 8 + 1
    top = step * (max(highest, 4) // step + 1)
    axis.setRange(0, top)
    axis.setTickCount(top // step + 1)
