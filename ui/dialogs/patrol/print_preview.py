"""Print preview for patrol documents (the wall timetable, a patrol record form).

Why a subclass of the case preview: printing, saving and the system viewer are the same, but a
patrol document belongs to no case, so there is nothing to file it to — the case preview would
report a failed filing after every printout. Here "filing" only remembers what was done.
"""

from __future__ import annotations

from ui.dialogs.preview_dialog import PreviewDialog


class PatrolPreviewDialog(PreviewDialog):
    def _file(self, action: str, copies: int = 1) -> bool:
        self.filed_actions.append(action)
        self.filed.emit(action)
        return True
