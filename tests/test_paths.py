"""Where the register lives on each platform, tested here by passing the platform: Windows'
%APPDATA%, macOS, XDG — and one spelling per file where Windows ignores case."""

from __future__ import annotations

import os
import sys
from pathlib import Path, PurePosixPath, PureWindowsPath

from mediation_desk.paths import REGISTER_FILE, data_dir, same_file_key


def test_windows_keeps_the_register_under_appdata() -> None:
    env = {"APPDATA": r"C:\Users\林春梅\AppData\Roaming", "XDG_DATA_HOME": "/ignored"}
    folder = data_dir("win32", env, PureWindowsPath(r"C:\Users\林春梅"))
    assert str(folder) == r"C:\Users\林春梅\AppData\Roaming\MediationDesk"


def test_windows_without_appdata_uses_the_profiles_roaming_folder() -> None:
    folder = data_dir("win32", {}, PureWindowsPath(r"D:\Profiles\room"))
    assert str(folder) == r"D:\Profiles\room\AppData\Roaming\MediationDesk"


def test_macos_and_linux_folders() -> None:
    home = PurePosixPath("/home/lin")
    assert str(data_dir("darwin", {}, PurePosixPath("/Users/lin"))) == \
        "/Users/lin/Library/Application Support/MediationDesk"
    assert str(data_dir("linux", {}, home)) == "/home/lin/.local/share/MediationDesk"
    assert str(data_dir("linux", {"XDG_DATA_HOME": "/data/lin"}, home)) == \
        "/data/lin/MediationDesk"
    # APPDATA means nothing outside Windows (Wine and Cygwin users set it).
    assert str(data_dir("linux", {"APPDATA": r"C:\x"}, home)) == \
        "/home/lin/.local/share/MediationDesk"


def test_override_wins_on_every_platform() -> None:
    for platform in ("win32", "darwin", "linux"):
        env = {"MEDIATION_DESK_HOME": "/srv/room", "APPDATA": r"C:\x"}
        assert str(data_dir(platform, env, PurePosixPath("/home/lin"))) == "/srv/room"


def test_default_is_this_machines_platform() -> None:
    assert data_dir() == data_dir(sys.platform, os.environ, Path.home())
    assert (data_dir() / REGISTER_FILE).name == "register.db"


def test_one_spelling_per_file_on_windows_only() -> None:
    a = r"C:\Users\Lin\AppData\Roaming\MediationDesk\register.db"
    b = "c:/users/lin/appdata/roaming/mediationdesk/REGISTER.DB"
    assert same_file_key(a, "win32") == same_file_key(b, "win32")
    # On Linux case matters: two spellings are two files.
    assert same_file_key("/home/Lin/register.db", "linux") != \
        same_file_key("/home/lin/register.db", "linux")
