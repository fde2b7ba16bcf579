"""Print preview for a request's forms (来访登记表, 督办单, 信访处理意见书).

Why a subclass of the case preview: printing, saving and the system viewer are the same, but a
request's form is filed back to the request (its number, the PDF's SHA-256, who and when),
not to a case."""

from __future__ import annotations

from mediation_desk.errors import NotFound, StoreUnavailable, ValidationError
from mediation_desk.services.petitions.printing import PetitionRendered
from ui.dialogs.preview_dialog import PreviewDialog, problems_text
from ui.i18n import translate


class PetitionPreviewDialog(PreviewDialog):
    def _file(self, action: str, copies: int = 1) -> bool:
        assert isinstance(self.document, PetitionRendered)
        try:
            self.ctx.petition_printing.file_printed(self.document, action=action,
                                                    copies=copies)
        except ValidationError as exc:
            self.show_message(problems_text(exc), error=True)
            return False
        except (StoreUnavailable, NotFound) as exc:
            self.show_message(translate(
                "PetitionPreviewDialog", "Done, but it could not be filed to the request: %1")
                .replace("%1", str(exc)), error=True)
            return False
        self.filed_actions.append(action)
        self.filed.emit(action)
        return True
