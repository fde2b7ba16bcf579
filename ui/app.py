"""``mediation-desk``: the composition root — open the register, build services, show the window.

Start-up order: Qt and translations → one instance per register (a second start asks the
first to come forward) → set-up wizard on first start, or login → main window. ``--demo``
opens a separate demo register with sample data and no password; ``--self-test`` proves a
build works without a screen.
"""

from __future__ import annotations

import argparse
import logging
import os
import sys
import tempfile
import traceback
from pathlib import Path
from types import TracebackType
from typing import TYPE_CHECKING

from PySide6.QtCore import (
    QEventLoop,
    QLockFile,
    QMessageLogContext,
    QSettings,
    QTimer,
    QtMsgType,
    qInstallMessageHandler,
)
from PySide6.QtNetwork import QLocalServer, QLocalSocket
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget

from mediation_desk import __version__
from mediation_desk.errors import StoreUnavailable
from mediation_desk.instance_lock import lock_path, server_name
from mediation_desk.paths import data_dir, default_register, demo_register
from mediation_desk.services.cases.search import warm_up as warm_up_search
from mediation_desk.services.safety.accounts import RoomSettings, create_register, open_register
from mediation_desk.services.shared.actor import Actor
from mediation_desk.store.database import Store
from mediation_desk.store.sqlite_errors import environment_message
from ui.context import AppContext
from ui.fonts import SETTINGS_SCALE, apply_ui_font
from ui.i18n import install_translators, translate

if TYPE_CHECKING:
    from ui.backup_jobs import DailyBackup
    from ui.main_window import MainWindow

log = logging.getLogger("mediation_desk.ui")

DEMO_USER = "demo"
DEMO_PASSWORD = "demo-register"
DEMO_CASES = 400
#: Milliseconds after the window appears before the pinyin dictionary is loaded.
WARM_UP_AFTER_MS = 1500


def parse_args(argv: list[str]) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="mediation-desk", description="调解工作台")
    parser.add_argument("--db", type=Path, help="数据库文件")
    parser.add_argument("--demo", action="store_true", help="打开演示数据库（样例数据，无需密码）")
    parser.add_argument("--self-test", action="store_true", help="自检后退出")
    parser.add_argument("--version", action="version", version=f"mediation-desk {__version__}")
    return parser.parse_args(argv)


def make_application(argv: list[str]) -> QApplication:
    app = QApplication.instance() or QApplication(argv)
    assert isinstance(app, QApplication)
    app.setApplicationName("MediationDesk")
    app.setOrganizationName("MediationDesk")
    app.setApplicationDisplayName("调解工作台")
    app._translators = install_translators(app)  # type: ignore[attr-defined]
    scale = float(QSettings().value(SETTINGS_SCALE, 1.0) or 1.0)
    apply_ui_font(app, scale)
    return app


# -- one instance per register ------------------------------------------------------------
class SingleInstance:
    """A lock file beside the register and a local socket the second start knocks on.

    QLockFile is the cross-platform part: an flock()ed file on Linux, a file held open without
    delete sharing on Windows (no fcntl there); a lock left by a crashed window is stale and
    taken over. The command line reads the same file (mediation_desk/instance_lock.py) before
    it replaces a register. The socket's name folds case on Windows (one register, one name).
    """

    def __init__(self, path: Path, platform: str | None = None) -> None:
        self.path = path
        self.name = server_name(path, platform)
        self.lock = QLockFile(str(lock_path(path)))
        self.lock.setStaleLockTime(0)
        self.server: QLocalServer | None = None

    def acquire(self) -> bool:
        return bool(self.lock.tryLock(200))

    def holder(self) -> str:
        info = tuple(self.lock.getLockInfo())  # PySide6: (pid, host, app); older: (ok, …)
        if len(info) == 4:
            info = info[1:] if info[0] else ()
        return f"{info[0]}@{info[1]}" if len(info) >= 2 else "?"

    def knock(self) -> bool:
        """Ask the running instance to show its window; True if it answered."""
        socket = QLocalSocket()
        socket.connectToServer(self.name)
        if not socket.waitForConnected(500):
            return False
        socket.write(b"show\n")
        socket.waitForBytesWritten(500)
        socket.disconnectFromServer()
        return True

    def listen(self, window: QWidget) -> None:
        QLocalServer.removeServer(self.name)
        self.server = QLocalServer()
        self.server.listen(self.name)

        def bring_forward() -> None:
            assert self.server is not None
            connection = self.server.nextPendingConnection()
            if connection is not None:
                connection.deleteLater()
            window.showNormal()
            window.raise_()
            window.activateWindow()

        self.server.newConnection.connect(bring_forward)

    def release(self) -> None:
        if self.server is not None:
            self.server.close()
        self.lock.unlock()


# -- errors -------------------------------------------------------------------------------
def log_file() -> Path:
    folder = data_dir() / "logs"
    folder.mkdir(parents=True, exist_ok=True)
    return folder / "mediation-desk.log"


def install_error_handler() -> None:
    """The environment's failures get a plain message; bugs a crash dialog and a log entry."""

    def handle(kind: type[BaseException], value: BaseException,
               tb: TracebackType | None) -> None:
        message = environment_message(value)
        if message is not None:
            # Disk full, locked, read error: the environment's problem, not a bug.
            QMessageBox.warning(None, translate("App", "Register unavailable"), message)
            return
        text = "".join(traceback.format_exception(kind, value, tb))
        log.error("unhandled error\n%s", text)
        try:
            with open(log_file(), "a", encoding="utf-8") as fh:
                fh.write(text + "\n")
        except OSError:
            pass
        QMessageBox.critical(None, translate("App", "Program error"), translate(
            "App", "An internal error occurred. What you saved is safe; unsaved typing is "
            "kept as a draft. Details were written to %1").replace("%1", str(log_file())))

    sys.excepthook = handle


# -- start-up paths -----------------------------------------------------------------------
def open_demo(app: QApplication) -> tuple[Store, Actor]:
    """The demo register, opened without a password: built on first use off the GUI thread,
    all or nothing (``services/demo/register.py``). One an older version left incomplete —
    it lacks the mark of a fill that ended — is set aside and built again, never opened."""
    from mediation_desk.services.demo import build_demo_register, demo_filled, set_aside
    from ui.workers import run_in_background

    path = demo_register()
    title = translate("App", "Creating demo data…")
    if path.exists():
        store, actor = open_register(path, DEMO_USER, DEMO_PASSWORD)
        if demo_filled(store) is not None:
            return store, actor
        store.close()
        aside = set_aside(path)
        log.warning("the demo register was incomplete; kept as %s, building it again", aside)
        title = translate("App", "The demo data was incomplete; creating it again…")
    failure: list[BaseException] = []
    loop = QEventLoop()

    def failed(exc: BaseException) -> None:
        failure.append(exc)
        loop.quit()

    run_in_background(None, lambda report: build_demo_register(
                          path, RoomSettings("问房调解室（演示）", "湖头镇人民调解委员会", "湖头"),
                          DEMO_USER, DEMO_PASSWORD, cases=DEMO_CASES, seed=1, progress=report),
                      title=title, on_done=lambda _summary: loop.quit(), on_error=failed,
                      cancellable=False, show_after_ms=0)
    loop.exec()  # the progress dialog stays responsive while the demo is written
    if failure:
        raise failure[0]
    return open_register(path, DEMO_USER, DEMO_PASSWORD)


def open_room(path: Path) -> tuple[Store, Actor] | None:
    from ui.dialogs.safety.login_dialog import LoginDialog
    from ui.dialogs.safety.setup_wizard import SetupWizard

    if not path.exists():
        return SetupWizard.ask(None, path)
    return LoginDialog.ask(None, path)


#: What the offscreen platform says about window-manager requests it cannot honour: true of
#: every window there, nothing a self-test should print.
OFFSCREEN_NOISE = ("does not support propagateSizeHints", "does not support raise",
                   "does not support grabbing the keyboard")


def _quiet_offscreen(kind: QtMsgType, _context: QMessageLogContext, message: str) -> None:
    if not any(noise in message for noise in OFFSCREEN_NOISE):
        print(f"qt: {message}", file=sys.stderr)


def self_test() -> int:
    """Open a temporary register, build the window offscreen, exercise it, print one
    agreement to a temporary PDF (ui/print_self_test.py), exit 0."""
    from ui.main_window import MainWindow

    with tempfile.TemporaryDirectory() as tmp:
        store, actor, _ = create_register(
            Path(tmp) / "self-test.db", RoomSettings("问房调解室", "湖头镇人民调解委员会", "湖头"),
            "admin", "self-test-password")
        try:
            from mediation_desk.services.demo.fill import fill_demo

            fill_demo(store, actor, cases=5, seed=7)
            ctx = AppContext.build(store, actor)
            window = MainWindow(ctx)
            window.show()
            case_id = ctx.pages.page(limit=1)[0].id
            window.open_case(case_id)
            QApplication.processEvents()
            image = window.grab()
            if image.isNull() or image.width() < 800:
                print("self-test: the window did not render", file=sys.stderr)
                return 1
            from ui.print_self_test import check_agreement_printing

            try:
                failure = check_agreement_printing(ctx, Path(tmp))
            except Exception as exc:  # any failure is the answer here, named
                failure = f"{type(exc).__name__}: {exc}"
            if failure:
                print(f"self-test: printing an agreement failed: {failure}", file=sys.stderr)
                return 1
            window.close()
        finally:
            store.close()
    print("self-test ok")
    return 0


def start_daily_backup(window: MainWindow, ctx: AppContext) -> DailyBackup:
    """Today's automatic backup soon after the window shows, then checked hourly; off the
    GUI thread, failures in the status bar. Paused while a restore has the register closed."""
    from ui.backup_jobs import DailyBackup

    daily = DailyBackup(window, ctx)
    window.restore_running.connect(daily.set_suspended)
    daily.start(first_after_ms=3000)
    return daily


def main(argv: list[str] | None = None) -> int:
    args = parse_args(sys.argv[1:] if argv is None else argv)
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(levelname)s %(name)s: %(message)s")
    if args.self_test:
        # The self-test needs no screen (a CI machine, `./run.sh --self-test` over ssh); a
        # platform the caller chose still wins.
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    app = make_application(sys.argv[:1])
    if args.self_test:
        if app.platformName() == "offscreen":
            qInstallMessageHandler(_quiet_offscreen)
        return self_test()
    install_error_handler()
    from ui.main_window import MainWindow

    path = demo_register() if args.demo else (args.db or default_register())
    path.parent.mkdir(parents=True, exist_ok=True)
    instance = SingleInstance(path)
    if not instance.acquire():
        if not instance.knock():
            QMessageBox.information(None, translate("App", "Already running"), translate(
                "App", "This register is already open in another window (process %1).")
                .replace("%1", instance.holder()))
        return 0
    try:
        try:
            opened = open_demo(app) if args.demo else open_room(path)
        except StoreUnavailable as exc:
            QMessageBox.critical(None, translate("App", "Register unavailable"), str(exc))
            return 4
        if opened is None:
            return 0
        store, actor = opened
        ctx = AppContext.build(store, actor, demo=args.demo)
        window = MainWindow(ctx)
        instance.listen(window)
        window.show()  # 工作台 loads its agenda when shown
        QTimer.singleShot(0, window.show_reminders)  # today's and tomorrow's, over it
        # The pinyin dictionary, off the start's critical path but before anyone searches.
        QTimer.singleShot(WARM_UP_AFTER_MS, warm_up_search)
        if not args.demo:
            start_daily_backup(window, ctx)
        code = app.exec()
        store.close()
        return int(code)
    finally:
        instance.release()


if __name__ == "__main__":
    raise SystemExit(main())
