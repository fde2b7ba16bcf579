"""The README's two commands on a machine with no network: scripts/venv.sh installs only when
pyproject.toml or constraints.txt changed, scripts/system-deps.sh runs no apt-get when nothing is
missing and stops loudly when apt-get fails, and ./run.sh --self-test starts inside a network
namespace with none (``unshare -n``) without running pip."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
STAMP = ".venv/.mediation-desk-installed"
#: A package only the tests use: ./run.sh must not install it, ./test.sh must.
TEST_ONLY = "faketime"


def sh(*args: str | Path, cwd: Path = ROOT, env: dict[str, str] | None = None,
       timeout: float = 120) -> subprocess.CompletedProcess[str]:
    return subprocess.run([str(a) for a in args], cwd=cwd, capture_output=True, text=True,
                          env={**os.environ, **(env or {})}, stdin=subprocess.DEVNULL,
                          timeout=timeout)


# -- scripts/venv.sh: the install stamp ------------------------------------------------------
@pytest.fixture
def sandbox(tmp_path: Path) -> Path:
    """A checkout's install inputs beside a real venv that has no pip: any pip run there fails
    with "No module named pip", so whether venv.sh installs is seen, not inferred."""
    (tmp_path / "scripts").mkdir()
    shutil.copy2(ROOT / "scripts" / "venv.sh", tmp_path / "scripts" / "venv.sh")
    for name in ("pyproject.toml", "constraints.txt"):
        shutil.copy2(ROOT / name, tmp_path / name)
    subprocess.run([sys.executable, "-m", "venv", "--without-pip", str(tmp_path / ".venv")],
                   check=True, timeout=120)
    return tmp_path


def venv_sh(sandbox: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return sh(sandbox / "scripts" / "venv.sh", *args, cwd=sandbox)


def tried_pip(result: subprocess.CompletedProcess[str]) -> bool:
    return result.returncode != 0 and "No module named pip" in result.stderr


def stamp_as_installed(sandbox: Path, *args: str) -> None:
    stamp = venv_sh(sandbox, "--stamp", *args)
    assert stamp.returncode == 0, stamp.stderr
    (sandbox / STAMP).write_text(stamp.stdout)


def test_venv_installs_until_an_install_succeeded(sandbox: Path) -> None:
    assert venv_sh(sandbox, "--check").returncode == 1
    first = venv_sh(sandbox)
    assert tried_pip(first), first.stderr
    assert "needs the network" in first.stderr
    assert not (sandbox / STAMP).exists()  # a failed install leaves no stamp behind


def test_venv_skips_pip_while_pyproject_and_constraints_are_unchanged(sandbox: Path) -> None:
    stamp_as_installed(sandbox, "test")
    for args in ((), ("test",)):  # a venv made by ./test.sh also serves ./run.sh
        assert venv_sh(sandbox, "--check", *args).returncode == 0
        done = venv_sh(sandbox, *args)
        assert done.returncode == 0 and done.stderr == "", done.stderr
    with open(sandbox / "constraints.txt", "a", encoding="utf-8") as fh:
        fh.write("# a pin changed\n")
    changed = venv_sh(sandbox)
    assert tried_pip(changed), changed.stderr
    assert not (sandbox / STAMP).exists()


def test_venv_app_install_does_not_count_for_the_tests(sandbox: Path) -> None:
    stamp_as_installed(sandbox)  # what ./run.sh installed: the app alone
    assert venv_sh(sandbox).returncode == 0
    assert tried_pip(venv_sh(sandbox, "test"))
    stamp_as_installed(sandbox)
    (sandbox / "pyproject.toml").write_text(
        (sandbox / "pyproject.toml").read_text(encoding="utf-8") + "\n", encoding="utf-8")
    assert tried_pip(venv_sh(sandbox))
    assert venv_sh(sandbox, "nonsense").returncode == 2


# -- scripts/system-deps.sh ------------------------------------------------------------------
needs_dpkg = pytest.mark.skipif(shutil.which("dpkg-query") is None,
                                reason="scripts/system-deps.sh installs with apt on Debian only")


@pytest.fixture
def bare_machine(tmp_path: Path) -> dict[str, str]:
    """dpkg's database of a machine with nothing installed (DPKG_ADMINDIR is dpkg's own)."""
    admin = tmp_path / "dpkg"
    for folder in ("info", "updates"):
        (admin / folder).mkdir(parents=True)
    (admin / "status").write_text("")
    return {"DPKG_ADMINDIR": str(admin)}


def system_deps(env: dict[str, str], *args: str) -> subprocess.CompletedProcess[str]:
    return sh(ROOT / "scripts" / "system-deps.sh", *args, env=env)


@needs_dpkg
def test_system_deps_prints_the_line_when_it_cannot_install(
        bare_machine: dict[str, str]) -> None:
    env = {**bare_machine, "APT_GET": "no-such-apt-get"}
    app = system_deps(env)
    assert app.returncode == 0
    assert "sudo apt-get install" in app.stderr and "libxcb-cursor0" in app.stderr
    assert TEST_ONLY not in app.stderr and "fonts-noto-cjk" not in app.stderr
    full = system_deps(env, "test")
    assert full.returncode == 0
    for package in (TEST_ONLY, "fonts-noto-cjk", "qpdf", "xvfb", "libreoffice-writer-nogui",
                    "libxcb-cursor0"):
        assert package in full.stderr


@needs_dpkg
@pytest.mark.skipif(os.geteuid() != 0, reason="apt-get runs only as root; otherwise the "
                    "script prints the line (tested above)")
def test_system_deps_stops_when_apt_get_fails(bare_machine: dict[str, str],
                                              tmp_path: Path) -> None:
    update_fails = system_deps({**bare_machine, "APT_GET": "false"})
    assert update_fails.returncode == 1
    assert "'apt-get update' failed" in update_fails.stderr
    assert "libxcb-cursor0" in update_fails.stderr  # names what is still missing
    # apt-get update works, the install does not (a package gone from the mirror).
    apt = tmp_path / "apt-get"
    apt.write_text('#!/bin/sh\n[ "$1" = update ] && exit 0\n'
                   'echo "E: Unable to locate package libxcb-cursor0" >&2\nexit 100\n')
    apt.chmod(0o755)
    install_fails = system_deps({**bare_machine, "APT_GET": str(apt)}, "test")
    assert install_fails.returncode == 1
    assert "E: Unable to locate package" in install_fails.stderr
    assert "'apt-get install" in install_fails.stderr and TEST_ONLY in install_fails.stderr


# -- ./run.sh offline --------------------------------------------------------------------------
def _unshare_refusal() -> str | None:
    if shutil.which("unshare") is None:
        return "unshare (util-linux) is not installed"
    probe = sh("unshare", "-n", "true", timeout=30)
    if probe.returncode != 0:
        return f"unshare -n is not permitted here (needs root): {probe.stderr.strip()}"
    return None


@pytest.mark.slow
def test_run_sh_starts_with_no_network_and_no_pip(tmp_path: Path) -> None:
    refusal = _unshare_refusal()
    if refusal:
        pytest.skip(refusal)
    if not (ROOT / STAMP).exists():
        pytest.skip("this checkout's .venv was not made by scripts/venv.sh (no install stamp)")
    check = sh(ROOT / "scripts" / "venv.sh", "--check")
    assert check.returncode == 0, f"run scripts/venv.sh first: {check.stderr}"
    pip_log = tmp_path / "pip.log"
    # No screen either: the self-test must choose offscreen by itself.
    env = {k: v for k, v in os.environ.items()
           if k not in {"QT_QPA_PLATFORM", "DISPLAY", "WAYLAND_DISPLAY"}}
    env.update(PIP_LOG=str(pip_log), MEDIATION_DESK_HOME=str(tmp_path / "home"),
               XDG_CONFIG_HOME=str(tmp_path / "config"))
    no_network = ("import socket, sys; names = [n for _, n in socket.if_nameindex()]; "
                  "sys.exit(0 if names == ['lo'] else f'network interfaces: {names}')")
    started = subprocess.run(
        ["unshare", "-n", "bash", "-c", '"$0" -c "$1" && exec ./run.sh --self-test',
         sys.executable, no_network],
        cwd=ROOT, capture_output=True, text=True, stdin=subprocess.DEVNULL, timeout=300,
        env=env)
    assert started.returncode == 0, started.stderr[-3000:]
    assert "self-test ok" in started.stdout
    assert not pip_log.exists(), pip_log.read_text(encoding="utf-8")[:2000]
    # The observation itself works: a pip run does write that log.
    control = sh(ROOT / ".venv" / "bin" / "python", "-m", "pip", "list",
                 env={"PIP_LOG": str(pip_log)})
    assert control.returncode == 0 and pip_log.exists()
