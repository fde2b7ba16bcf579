"""The idle lock: after some minutes without keyboard or mouse input, cover every window.

Why covers and not hiding: a modal dialog that is hidden ends its ``exec()`` as if cancelled,
and the case being typed into it would be lost. So every visible window — the main window and
any open dialog — gets an opaque cover over its content (and a neutral title), and nothing
underneath is touched: open tabs, half-typed dialogs and their autosave timers carry on as
they were. The unlock panel sits in the window that receives input: the open modal dialog if
there is one (it blocks the others), otherwise the main window. While locked, keys, shortcuts
and clicks meant for anything but the panel are swallowed, so nothing can be changed blind.

Lock and unlock are not written to the audit trail: the services have no event for them yet.
"""

from __future__ import annotations

import contextlib
import time

from PySide6.QtCore import QEvent, QObject, QSize, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QColor, QKeySequence, QPalette
from PySide6.QtWidgets import (
    QApplication,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMainWindow,
    QPushButton,
    QToolTip,
    QVBoxLayout,
    QWidget,
)
from shiboken6 import isValid

from mediation_desk.errors import StoreUnavailable
from mediation_desk.store.changes import ChangeSet
from ui.context import AppContext
from ui.i18n import translate
from ui.icons import icon
from ui.widgets.field_error import FieldError

CHECK_MS = 15_000
COVER_COLOR = QColor("#37474f")
T = QEvent.Type
INPUT_EVENTS = frozenset({T.KeyPress, T.KeyRelease, T.ShortcutOverride, T.InputMethod,
                          T.MouseButtonPress, T.MouseButtonRelease, T.MouseButtonDblClick,
                          T.MouseMove, T.Wheel, T.TouchBegin, T.TabletPress})
KEY_EVENTS = frozenset({T.KeyPress, T.KeyRelease, T.ShortcutOverride, T.InputMethod})


class UnlockPanel(QFrame):
    """Who is logged in, a password field, and Unlock."""

    def __init__(self, name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("unlock-panel")
        self.setStyleSheet("#unlock-panel{background:white;border-radius:8px;}")
        self.setFixedWidth(400)
        heading = QLabel(translate("IdleLock", "Mediation Desk is locked"))
        font = heading.font()
        font.setPointSizeF(font.pointSizeF() * 1.3)
        font.setBold(True)
        heading.setFont(font)
        lock = QLabel()
        lock.setPixmap(icon("lock").pixmap(QSize(40, 40)))
        top = QHBoxLayout()
        top.addWidget(lock)
        top.addWidget(heading, 1)
        self.name_label = QLabel(translate(
            "IdleLock", "%1 is logged in. Type your password to continue; everything is "
            "as you left it.").replace("%1", name))
        self.name_label.setWordWrap(True)
        self.password_edit = QLineEdit()
        self.password_edit.setEchoMode(QLineEdit.EchoMode.Password)
        self.password_edit.setAccessibleName(translate("IdleLock", "Password"))
        self.password_edit.setPlaceholderText(translate("IdleLock", "Password"))
        self.error_label = FieldError()
        self.unlock_button = QPushButton(icon("unlock"), translate("IdleLock", "&Unlock"))
        self.unlock_button.setDefault(True)
        row = QHBoxLayout()
        row.addWidget(self.password_edit, 1)
        row.addWidget(self.unlock_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(20, 18, 20, 18)
        layout.addLayout(top)
        layout.addWidget(self.name_label)
        layout.addLayout(row)
        layout.addWidget(self.error_label)
        self.password_edit.textEdited.connect(lambda _t: self.error_label.clear())


class LockCover(QWidget):
    """An opaque cover over all of one window's content, following its size."""

    def __init__(self, host: QWidget) -> None:
        super().__init__(host)
        self.host = host
        self.setAutoFillBackground(True)
        palette = QPalette(self.palette())
        palette.setColor(QPalette.ColorRole.Window, COVER_COLOR)
        self.setPalette(palette)
        self.layout_ = QVBoxLayout(self)
        self.layout_.setAlignment(Qt.AlignmentFlag.AlignCenter)
        host.installEventFilter(self)
        self.cover()

    def cover(self) -> None:
        self.setGeometry(self.host.rect())
        self.raise_()
        self.show()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.host and not self.isHidden() \
                and event.type() in (T.Resize, T.ChildAdded):
            self.setGeometry(self.host.rect())
            self.raise_()
        return False

    def place(self, panel: UnlockPanel) -> None:
        panel.setParent(self)
        self.layout_.addWidget(panel, 0, Qt.AlignmentFlag.AlignCenter)
        panel.show()


class IdleLock(QObject):
    locked_changed = Signal(bool)

    def __init__(self, window: QMainWindow, ctx: AppContext, minutes: int,
                 check_ms: int = CHECK_MS) -> None:
        super().__init__(window)
        self.window = window
        self.ctx = ctx
        self.minutes = minutes
        self.locked = False
        self.suspended = False
        self.last_input = time.monotonic()
        self.covers: list[LockCover] = []
        self.titles: dict[int, tuple[QWidget, str]] = {}
        self.sizes: dict[int, tuple[QWidget, QSize]] = {}
        self.focus_before: QWidget | None = None
        self.panel_host: QWidget | None = None
        self._refresh_pending = False
        self.panel = UnlockPanel(ctx.actor.name, window)
        self.panel.hide()
        self.panel.unlock_button.clicked.connect(self._unlock_clicked)
        self.panel.password_edit.returnPressed.connect(self._unlock_clicked)
        self.lock_action = QAction(icon("lock"), translate("IdleLock", "&Lock screen"), window)
        self.lock_action.setShortcut(QKeySequence("Ctrl+L"))
        self.lock_action.setShortcutContext(Qt.ShortcutContext.ApplicationShortcut)
        self.lock_action.setToolTip(translate("IdleLock", "Lock the screen now (Ctrl+L)"))
        self.lock_action.triggered.connect(self.lock_now)
        window.addAction(self.lock_action)
        self.timer = QTimer(self)
        self.timer.setInterval(check_ms)
        self.timer.timeout.connect(self.check)
        self.timer.start()
        app = QApplication.instance()
        if app is not None:
            app.installEventFilter(self)
        ctx.bus.changes_committed.connect(self._on_changes)

    @property
    def active_covers(self) -> list[LockCover]:
        """The covers showing now (each window keeps its cover, hidden, between locks)."""
        return [c for c in self.covers if isValid(c) and not c.isHidden()]

    @property
    def overlay(self) -> LockCover | None:
        """The main window's cover while locked."""
        return next((c for c in self.active_covers if c.host is self.window), None)

    # -- when to lock -----------------------------------------------------------------------
    def set_minutes(self, minutes: int) -> None:
        self.minutes = minutes

    def set_suspended(self, suspended: bool) -> None:
        """No automatic lock while set (a restore has the register closed)."""
        self.suspended = suspended
        self.last_input = time.monotonic()

    def check(self) -> None:
        if self.locked or self.suspended or self.minutes <= 0 or not self.window.isVisible():
            return
        if time.monotonic() - self.last_input >= self.minutes * 60:
            self.lock_now()

    def _on_changes(self, changes: ChangeSet) -> None:
        if "settings" in changes.kinds:
            with contextlib.suppress(StoreUnavailable):
                self.minutes = self.ctx.settings.safety().idle_lock_minutes

    # -- locking ----------------------------------------------------------------------------
    def lock_now(self) -> None:
        if self.locked:
            return
        self.focus_before = QApplication.focusWidget()
        for _ in range(10):  # menus and pick-list pop-ups close first
            popup = QApplication.activePopupWidget()
            if popup is None:
                break
            popup.close()
        QToolTip.hideText()
        self.locked = True
        self._refresh_covers()
        self.panel.password_edit.clear()
        self.panel.error_label.clear()
        self.panel.password_edit.setFocus(Qt.FocusReason.OtherFocusReason)
        self._note("lock")
        self.locked_changed.emit(True)

    def _windows(self) -> list[QWidget]:
        found: list[QWidget] = [self.window]
        for widget in QApplication.topLevelWidgets():
            kind = widget.windowType()
            if widget is self.window or not widget.isVisible() or isinstance(widget, LockCover) \
                    or kind in (Qt.WindowType.Popup, Qt.WindowType.ToolTip):
                continue
            found.append(widget)
        return found

    def _refresh_covers(self) -> None:
        """Cover every visible window; the panel goes where input can reach it."""
        self._refresh_pending = False
        if not self.locked:
            return
        self.covers = [c for c in self.covers if isValid(c)]  # a window's cover dies with it
        locked_title = translate("IdleLock", "Mediation Desk — locked")
        for host in self._windows():
            cover = next((c for c in self.covers if c.host is host), None)
            if cover is not None and not cover.isHidden():
                continue
            self.titles[id(host)] = (host, host.windowTitle())
            host.setWindowTitle(locked_title)
            if cover is None:
                self.covers.append(LockCover(host))
            else:
                cover.cover()
        modal = QApplication.activeModalWidget()
        host = modal if modal is not None and modal.isVisible() else self.window
        self._place_panel(host)

    def _place_panel(self, host: QWidget) -> None:
        cover = next((c for c in self.active_covers if c.host is host), None)
        if cover is None:
            return
        self.panel_host = host
        cover.place(self.panel)
        hint = self.panel.sizeHint()
        needed = QSize(max(hint.width(), self.panel.minimumWidth()) + 40, hint.height() + 40)
        if host is not self.window and (host.width() < needed.width()
                                        or host.height() < needed.height()):
            self.sizes.setdefault(id(host), (host, host.size()))
            host.resize(max(host.width(), needed.width()), max(host.height(), needed.height()))
        self.panel.password_edit.setFocus(Qt.FocusReason.OtherFocusReason)

    def _schedule_refresh(self) -> None:
        if not self._refresh_pending:
            self._refresh_pending = True
            QTimer.singleShot(0, self._refresh_covers)

    # -- unlocking --------------------------------------------------------------------------
    def _unlock_clicked(self) -> None:
        self.unlock(self.panel.password_edit.text())

    def unlock(self, password: str) -> bool:
        """Unlock with the logged-in user's password; False (and a message) when wrong."""
        if not self.locked:
            return True
        QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            ok = bool(password) and self.ctx.accounts.verify_password(password)
            problem = translate("IdleLock", "Wrong password. Please try again.")
        except StoreUnavailable as exc:
            ok, problem = False, str(exc)
        finally:
            QApplication.restoreOverrideCursor()
        self.panel.password_edit.clear()
        self._note("unlock" if ok else "unlock_failed")
        if not ok:
            self.panel.error_label.show_error(problem)
            self.panel.password_edit.setFocus(Qt.FocusReason.OtherFocusReason)
            return False
        self._uncover()
        return True

    def _note(self, action: str) -> None:
        """Audit the lock; a register that cannot be written must not stop the lock."""
        with contextlib.suppress(StoreUnavailable):
            self.ctx.accounts.note_lock(action)

    def _uncover(self) -> None:
        self.locked = False
        self.panel.error_label.clear()
        self.panel.hide()
        self.panel.setParent(self.window)
        self.panel_host = None
        # Covers are hidden, not deleted: deleting them from inside a dialog's exec() loop
        # left a deferred delete that crashed once the window went.
        for cover in self.active_covers:
            cover.hide()
        for host, title in self.titles.values():
            if isValid(host):
                host.setWindowTitle(title)
        for host, size in self.sizes.values():
            if isValid(host):
                host.resize(size)
        self.titles.clear()
        self.sizes.clear()
        focus = self.focus_before
        self.focus_before = None
        if focus is not None and isValid(focus) and focus.isVisible():
            focus.setFocus(Qt.FocusReason.OtherFocusReason)
        self.last_input = time.monotonic()
        self.locked_changed.emit(False)

    # -- watching input ---------------------------------------------------------------------
    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        kind = event.type()
        if kind in INPUT_EVENTS:
            self.last_input = time.monotonic()
            return self.locked and self._blocked(watched, kind)
        if not self.locked:
            return False
        if kind == T.Shortcut:
            return not self._in_panel(watched)
        if watched is self.panel_host and kind in (T.Hide, T.Close, T.DeferredDelete):
            # Take the panel out before its window goes (it would be deleted with it).
            self._place_panel(self.window)
            self._schedule_refresh()
        elif kind in (T.Show, T.Hide) and isinstance(watched, QWidget) and watched.isWindow() \
                and not isinstance(watched, LockCover):
            self._schedule_refresh()
        return False

    def _in_panel(self, watched: QObject) -> bool:
        return isinstance(watched, QWidget) and (
            watched is self.panel or self.panel.isAncestorOf(watched))

    def _blocked(self, watched: QObject, kind: QEvent.Type) -> bool:
        """While locked: only the panel takes keys, only the covers take clicks."""
        if not isinstance(watched, QWidget):
            return False  # the platform window: Qt passes the event on to a widget next
        if kind in KEY_EVENTS:
            if self._in_panel(watched):
                return False
            if kind == T.KeyPress:
                self.panel.password_edit.setFocus(Qt.FocusReason.OtherFocusReason)
            return True
        return not any(c is watched or c.isAncestorOf(watched) for c in self.active_covers)
