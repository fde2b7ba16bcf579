"""Where the room's register lives by default: the per-user data folder of each platform.

The window and the command line must agree on it, or an administrator's scheduled backup
would quietly back up a different (empty) file.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

APP_DIR = "MediationDesk"
REGISTER_FILE = "register.db"


def data_dir() -> Path:
    override = os.environ.get("MEDIATION_DESK_HOME")
    if override:
        return Path(override)
    if sys.platform == "win32":
        base = Path(os.environ.get("APPDATA") or Path.home() / "AppData" / "Roaming")
    elif sys.platform == "darwin":
        base = Path.home() / "Library" / "Application Support"
    else:
        base = Path(os.environ.get("XDG_DATA_HOME") or Path.home() / ".local" / "share")
    return base / APP_DIR


def default_register() -> Path:
    return data_dir() / REGISTER_FILE


def demo_register() -> Path:
    """The demo database: a separate file, so sample data never mixes with real cases."""
    return data_dir() / "demo" / REGISTER_FILE


def resources_dir() -> Path:
    """The bundled fonts, translations and icons: beside the package in a source checkout,
    under PyInstaller's extraction folder in a frozen build."""
    frozen = getattr(sys, "_MEIPASS", None)
    if frozen:
        return Path(frozen) / "resources"
    return Path(__file__).resolve().parent.parent / "resources"
