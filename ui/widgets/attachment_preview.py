"""A look at an attachment without leaving the case: images scaled to fit, PDFs page by page.

Why in memory and never through a temporary file: the register is encrypted because laptops
get lost; a decrypted copy in a temp folder would undo that. The bytes come from the register
(off the GUI thread, by the caller) into a QByteArray that lives as long as the preview. Other
files (Word, Excel, sound) are named with a hint to save a copy and open it in their program.
"""

from __future__ import annotations

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QSize, Qt
from PySide6.QtGui import QColor, QImage, QPixmap, QResizeEvent
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPdfWidgets import QPdfView
from PySide6.QtWidgets import QLabel, QStackedWidget, QVBoxLayout, QWidget

from mediation_desk.domain.attachments import is_pdf
from mediation_desk.services.attachments.service import AttachmentView
from ui.i18n import translate
from ui.widgets.field_error import set_text_colour

PAGE_MESSAGE, PAGE_IMAGE, PAGE_PDF = range(3)
MUTED = "#607d8b"
#: The longest side kept for showing: a 48-megapixel photo is not kept whole in memory.
MAX_SHOWN = 2400


class ScaledImage(QLabel):
    """An image drawn as large as the label allows, keeping its proportions."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.image = QImage()
        self.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.setMinimumSize(QSize(80, 80))

    def set_image(self, image: QImage) -> None:
        if max(image.width(), image.height()) > MAX_SHOWN:
            image = image.scaled(MAX_SHOWN, MAX_SHOWN, Qt.AspectRatioMode.KeepAspectRatio,
                                 Qt.TransformationMode.SmoothTransformation)
        self.image = image
        self._rescale()

    def _rescale(self) -> None:
        if self.image.isNull():
            self.clear()
            return
        size = self.contentsRect().size()
        self.setPixmap(QPixmap.fromImage(self.image.scaled(
            size, Qt.AspectRatioMode.KeepAspectRatio,
            Qt.TransformationMode.SmoothTransformation)))

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._rescale()

    def sizeHint(self) -> QSize:
        return QSize(320, 240)  # never ask for the picture's own size: scroll, don't grow


class AttachmentPreview(QWidget):
    """The preview pane: a caption, then the picture, the PDF or a message."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.caption = QLabel()
        self.caption.setWordWrap(True)
        self.caption.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.message.setAlignment(Qt.AlignmentFlag.AlignCenter)
        set_text_colour(self.message, QColor(MUTED))  # palette: larger text still applies
        self.image = ScaledImage()
        self.image.setAccessibleName(translate("AttachmentPreview", "Picture"))
        self.pdf_view = QPdfView()
        self.pdf_view.setAccessibleName(translate("AttachmentPreview", "PDF pages"))
        self.pdf_view.setPageMode(QPdfView.PageMode.MultiPage)
        self.pdf_view.setZoomMode(QPdfView.ZoomMode.FitToWidth)
        self.stack = QStackedWidget()
        self.stack.addWidget(self.message)
        self.stack.addWidget(self.image)
        self.stack.addWidget(self.pdf_view)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.caption)
        layout.addWidget(self.stack, 1)
        self._bytes = QByteArray()
        self._buffer: QBuffer | None = None
        # One document for the pane's life, reloaded per file (the view keeps pointing at it).
        self.pdf = QPdfDocument(self)
        self.pdf_view.setDocument(self.pdf)
        self.shown_id = ""
        self.show_message(translate("AttachmentPreview", "Choose a file to see it here."))

    def _release(self) -> None:
        """Forget the file shown: the PDF closed before the buffer it reads goes."""
        self.pdf.close()
        if self._buffer is not None:
            self._buffer.close()
            self._buffer.deleteLater()
            self._buffer = None
        self._bytes = QByteArray()
        self.image.set_image(QImage())

    def show_message(self, text: str, caption: str = "") -> None:
        self._release()
        self.shown_id = ""
        self.caption.setText(caption)
        self.message.setText(text)
        self.stack.setCurrentIndex(PAGE_MESSAGE)

    def show_loading(self, view: AttachmentView) -> None:
        self.show_message(translate("AttachmentPreview", "Opening…"), self._caption(view))

    @staticmethod
    def _caption(view: AttachmentView) -> str:
        return f"{view.title}　{view.kind_label}　{view.size_text}　{view.file_name}"

    def show_content(self, view: AttachmentView, data: bytes) -> None:
        """Show the file's bytes as a picture, as PDF pages, or say it cannot be shown."""
        self._release()
        self.caption.setText(self._caption(view))
        self.shown_id = view.id
        if view.mime_type.startswith("image/"):
            image = QImage.fromData(data)
            if not image.isNull():
                self.image.set_image(image)
                self.stack.setCurrentIndex(PAGE_IMAGE)
                return
        elif is_pdf(view.mime_type):
            self._bytes = QByteArray(data)
            self._buffer = QBuffer(self._bytes, self)
            self._buffer.open(QIODevice.OpenModeFlag.ReadOnly)
            self.pdf.load(self._buffer)
            if self.pdf.status() == QPdfDocument.Status.Ready and self.pdf.pageCount() > 0:
                self.stack.setCurrentIndex(PAGE_PDF)
                return
        self.message.setText(translate(
            "AttachmentPreview", "This kind of file cannot be shown here. Save a copy and "
            "open it in its own program (Word, Excel, a media player …)."))
        self.stack.setCurrentIndex(PAGE_MESSAGE)

    def showing(self) -> str:
        """"image", "pdf" or "message": what the pane shows now (tests, screen readers)."""
        return {PAGE_IMAGE: "image", PAGE_PDF: "pdf"}.get(self.stack.currentIndex(), "message")
