"""Preview of a report (统计表, 月度公示): print, save as PDF or open, as for a case's forms —
but filed to the audit trail as a report of its period rather than to a case.
"""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

from mediation_desk.domain.periods import Period
from mediation_desk.errors import StoreUnavailable, ValidationError
from mediation_desk.services.printing.service import RenderedDocument
from ui.context import AppContext
from ui.dialogs.preview_dialog import PreviewDialog, problems_text


class ReportPreviewDialog(PreviewDialog):
    def __init__(self, ctx: AppContext, document: RenderedDocument, period: Period,
                 parent: QWidget | None = None) -> None:
        super().__init__(ctx, document, parent=parent)
        self.period = period

    def _file(self, action: str, copies: int = 1) -> bool:
        try:
            self.ctx.reports.file_report(self.document.title, self.period, self.document.pdf,
                                         action)
        except ValidationError as exc:
            self.show_message(problems_text(exc), error=True)
            return False
        except StoreUnavailable as exc:
            self.show_message(str(exc), error=True)
            return False
        self.filed_actions.append(action)
        self.filed.emit(action)
        return True

    @classmethod
    def ask(cls, parent: QWidget | None, ctx: AppContext,  # type: ignore[override]
            document: RenderedDocument,
            period: Period) -> list[str]:
        """Show the report; what was done with it ("print", "save"), in order."""
        dialog = cls(ctx, document, period, parent=parent)
        dialog.exec()
        return list(dialog.filed_actions)
