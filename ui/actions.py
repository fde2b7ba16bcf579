"""Every window-level command as one QAction, with its text, icon and shortcut.

Why a registry: the menu, the toolbar and keyboard shortcuts must agree, and a test can find
"new case" without knowing which widget shows it.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QWidget

from ui.i18n import translate
from ui.icons import icon


@dataclass(frozen=True)
class Actions:
    new_case: QAction
    find: QAction
    print: QAction
    refresh: QAction
    exchange: QAction
    show_today: QAction
    show_cases: QAction
    show_patrols: QAction
    show_petitions: QAction
    show_statistics: QAction
    show_settings: QAction
    close_tab: QAction
    quit: QAction


def _make(parent: QWidget, text: str, icon_name: str | None, shortcut: str | QKeySequence
          | QKeySequence.StandardKey | None = None, tip: str = "") -> QAction:
    action = QAction(text, parent)
    if icon_name:
        action.setIcon(icon(icon_name))
    if shortcut is not None:
        action.setShortcut(QKeySequence(shortcut))
    if tip:
        action.setToolTip(tip)
        action.setStatusTip(tip)
    parent.addAction(action)
    return action


def build_actions(parent: QWidget) -> Actions:
    return Actions(
        new_case=_make(parent, translate("Actions", "&New case…"), "new_case", "Ctrl+N",
                       translate("Actions", "Register a new dispute (Ctrl+N)")),
        find=_make(parent, translate("Actions", "&Search"), "search", "Ctrl+F",
                   translate("Actions", "Search cases, parties and records (Ctrl+F)")),
        print=_make(parent, translate("Actions", "&Print…"), "print", "Ctrl+P",
                    translate("Actions", "Print a document of the open case (Ctrl+P)")),
        refresh=_make(parent, translate("Actions", "Re&fresh"), "refresh", "F5"),
        exchange=_make(parent, translate("Actions", "Exc&hange…"), "exchange", "Ctrl+E",
                       translate("Actions", "Exchange data with the patrol laptops or the "
                                            "room's desk on a USB stick (Ctrl+E)")),
        show_today=_make(parent, translate("Actions", "Today"), "today", "Ctrl+1"),
        show_cases=_make(parent, translate("Actions", "Cases"), "cases", "Ctrl+2"),
        show_patrols=_make(parent, translate("Actions", "Patrols"), "patrols", "Ctrl+3"),
        show_petitions=_make(parent, translate("Actions", "Visitors"), "petitions", "Ctrl+4",
                             translate("Actions", "Visitor requests: receive, assess, assign, "
                                       "answer (Ctrl+4)")),
        show_statistics=_make(parent, translate("Actions", "Statistics"), "statistics",
                              "Ctrl+5"),
        show_settings=_make(parent, translate("Actions", "Settings"), "settings", "Ctrl+6"),
        close_tab=_make(parent, translate("Actions", "Close case tab"), "close", "Ctrl+W"),
        quit=_make(parent, translate("Actions", "E&xit"), "quit", "Ctrl+Q"),
    )
