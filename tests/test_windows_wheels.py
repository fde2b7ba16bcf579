"""The offline half of scripts/windows_wheels.py (.ci/run): reading pip's resolution with
Windows' markers. pip evaluates markers for the machine it runs on, so Windows-only
dependencies must be found here or a Windows install would miss them."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from types import ModuleType

import pytest

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="module")
def ww() -> ModuleType:
    spec = importlib.util.spec_from_file_location("windows_wheels",
                                                  ROOT / "scripts" / "windows_wheels.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules["windows_wheels"] = module
    spec.loader.exec_module(module)
    return module


def item(name: str, *requires: str, extras: list[str] | None = None) -> dict[str, object]:
    """One entry of pip's ``--report`` "install" list, as pip writes it."""
    entry: dict[str, object] = {"metadata": {"name": name, "version": "1",
                                             "requires_dist": list(requires)}}
    if extras:
        entry["requested_extras"] = extras
    return entry


def test_windows_only_requirements_are_found(ww: ModuleType) -> None:
    env = ww.windows_environment("3.11")
    installs = [
        item("pytest", "iniconfig>=1", 'colorama>=0.4; sys_platform == "win32"',
             'exceptiongroup>=1; python_version < "3.11"'),
        item("pyinstaller", "setuptools>=42", "pefile>=2022.5.30; sys_platform == 'win32'",
             "macholib>=1.8; sys_platform == 'darwin'", "psutil; extra == 'hook-testing'"),
        item("iniconfig"), item("setuptools"),
    ]
    assert ww.left_out(installs, env) == {"colorama", "pefile"}
    # Once pip resolved them too, nothing is left out.
    assert ww.left_out([*installs, item("colorama"), item("pefile")], env) == set()


def test_requested_extras_and_names_are_compared_canonically(ww: ModuleType) -> None:
    env = ww.windows_environment("3.11")
    installs = [item("PySide6_Essentials", "shiboken6==6.12.0", "Typing.Extensions>=4"),
                item("shiboken6"), item("typing_extensions"),
                item("hypothesis", "sortedcontainers", "pytz; extra == 'pytz'",
                     "black; extra == 'cli'", extras=["pytz"]),
                item("sortedcontainers")]
    assert ww.left_out(installs, env) == {"pytz"}


def test_the_project_pins_every_windows_only_dependency(ww: ModuleType) -> None:
    pinned = ww.pins(ROOT / "constraints.txt")
    for name in ("colorama", "pefile", "pywin32-ctypes", "setuptools", "pyside6-essentials"):
        assert name in pinned
    assert "apsw-sqlite3mc>=3.53.4,!=3.54.0.0,<3.56" in ww.project_requirements([])
    assert any(r.startswith("pyinstaller") for r in ww.project_requirements(["test"]))
