"""Where the room's register lives by default: the per-user data folder of each platform.

The window and the command line must agree on it, or an administrator's scheduled backup
would quietly back up a different (empty) file. The platform, environment and home folder are
parameters (defaulting to this machine's) so the Windows and macOS branches are tested on Linux
without pretending the whole interpreter runs elsewhere.
"""

from __future__ import annotations

import ntpath
import os
import sys
from collections.abc import Mapping
from pathlib import Path, PurePath, PurePosixPath, PureWindowsPath

APP_DIR = "MediationDesk"
REGISTER_FILE = "register.db"


def data_dir(platform: str | None = None, environ: Mapping[str, str] | None = None,
             home: PurePath | None = None) -> Path:
    """``%APPDATA%\\MediationDesk`` on Windows (the roaming profile folder, where Windows
    programs keep per-user data; ``AppData\\Roaming`` under the profile when APPDATA is unset),
    ``~/Library/Application Support/MediationDesk`` on macOS, ``$XDG_DATA_HOME/MediationDesk``
    (default ``~/.local/share``) elsewhere. ``MEDIATION_DESK_HOME`` overrides all of them."""
    platform = sys.platform if platform is None else platform
    env = os.environ if environ is None else environ
    override = env.get("MEDIATION_DESK_HOME")
    if override:
        return Path(override)
    if platform == "win32":
        # Joined as a Windows path whatever the host, so a test on Linux sees the real text.
        profile = PureWindowsPath(home if home is not None else Path.home())
        base: PurePath = PureWindowsPath(env.get("APPDATA") or profile / "AppData" / "Roaming")
    else:
        user_home = PurePosixPath(home if home is not None else Path.home())
        if platform == "darwin":
            base = user_home / "Library" / "Application Support"
        else:
            base = PurePosixPath(env.get("XDG_DATA_HOME") or user_home / ".local" / "share")
    return Path(str(base / APP_DIR))


def default_register() -> Path:
    return data_dir() / REGISTER_FILE


def demo_register() -> Path:
    """The demo database: a separate file, so sample data never mixes with real cases."""
    return data_dir() / "demo" / REGISTER_FILE


def same_file_key(path: str, platform: str | None = None) -> str:
    """One spelling per file, for names derived from a register's path (the window's local
    server). Windows file names ignore case and accept ``/`` for ``\\``: ``C:\\Users\\Lin``
    and ``c:/users/lin`` are one folder there, and two spellings must not make two names."""
    platform = sys.platform if platform is None else platform
    return ntpath.normcase(path) if platform == "win32" else path


def resources_dir() -> Path:
    """The bundled fonts, translations and icons: beside the package in a source checkout,
    under PyInstaller's extraction folder in a frozen build."""
    frozen = getattr(sys, "_MEIPASS", None)
    if frozen:
        return Path(frozen) / "resources"
    return Path(__file__).resolve().parent.parent / "resources"
