"""Cells whose matched words are shown in bold: the search list's titles and snippets.

The cell keeps its plain text for display roles (accessibility, copying, tests); the spans to
mark ride in :data:`MARKS_ROLE` as ``((start, end), …)`` and are painted here as rich text.
"""

from __future__ import annotations

import html
from collections.abc import Iterable

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QRectF, Qt
from PySide6.QtGui import QAbstractTextDocumentLayout, QPainter, QPalette, QTextDocument
from PySide6.QtWidgets import QApplication, QStyle, QStyledItemDelegate, QStyleOptionViewItem

MARKS_ROLE = Qt.ItemDataRole.UserRole + 1

Index = QModelIndex | QPersistentModelIndex


#: The matched words' colour on an unselected row; on a selected one they are underlined (bold
#: alone hardly shows in a Chinese face without a bold weight, where Qt only smears it).
MARK_COLOUR = "#c62828"


def marked_html(text: str, spans: Iterable[tuple[int, int]], style: str = "") -> str:
    """``text`` escaped, with each span in bold (and in ``style``, a CSS declaration list)."""
    parts: list[str] = []
    at = 0
    opening = f"<b style='{style}'>" if style else "<b>"
    for start, end in spans:
        parts.append(html.escape(text[at:start]))
        parts.append(opening + html.escape(text[start:end]) + "</b>")
        at = end
    parts.append(html.escape(text[at:]))
    return "".join(parts)


class MarkedTextDelegate(QStyledItemDelegate):
    """Paints a cell's text with its :data:`MARKS_ROLE` spans in bold, on one line, clipped."""

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: Index) -> None:
        spans = index.data(MARKS_ROLE)
        if not spans:
            super().paint(painter, option, index)
            return
        opt = QStyleOptionViewItem(option)
        self.initStyleOption(opt, index)
        text = opt.text  # type: ignore[attr-defined]
        opt.text = ""  # type: ignore[attr-defined]
        widget = opt.widget  # type: ignore[attr-defined]
        style = widget.style() if widget is not None else QApplication.style()
        style.drawControl(QStyle.ControlElement.CE_ItemViewItem, opt, painter, widget)
        rect = style.subElementRect(QStyle.SubElement.SE_ItemViewItemText, opt, widget)
        doc = QTextDocument()
        doc.setDocumentMargin(0)
        doc.setDefaultFont(opt.font)  # type: ignore[attr-defined]
        selected = bool(opt.state & QStyle.StateFlag.State_Selected)  # type: ignore[attr-defined]
        style_css = "text-decoration: underline" if selected else f"color: {MARK_COLOUR}"
        doc.setHtml(marked_html(" ".join(text.split()), spans, style_css))
        context = QAbstractTextDocumentLayout.PaintContext()
        role = QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.Text
        context.palette.setColor(QPalette.ColorRole.Text,
                                 opt.palette.color(role))  # type: ignore[attr-defined]
        painter.save()
        painter.setClipRect(rect)
        top = rect.top() + max(0.0, (rect.height() - doc.size().height()) / 2)
        painter.translate(rect.left() + 2, top)
        context.clip = QRectF(0, 0, rect.width(), rect.height())
        doc.documentLayout().draw(painter, context)
        painter.restore()
