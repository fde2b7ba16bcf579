"""A real print queue for tests: a private CUPS scheduler with a cups-pdf printer.

Why private: the test must not depend on (or change) the machine's own printing set-up. The
fixture starts ``/usr/sbin/cupsd -f`` with its own configuration, spool and state in a
temporary folder, listening only on a Unix socket there — so it never competes for port 631
or /run/cups/cups.sock with a cupsd that may already run. This process (Qt's CUPS plugin,
through libcups) and the ``lp*`` tools are pointed at that socket with ``CUPS_SERVER`` and
``cupsSetServer`` (libcups caches the server per thread once asked, so setting the variable
alone is not enough if an earlier test created a QPrinter).

The queue ``CUPS_PDF`` uses the cups-pdf backend with its PPD (found with ``lpinfo -m``).
cups-pdf writes each job as one PDF into the ``Out`` folder of /etc/cups/cups-pdf.conf,
``${HOME}/PDF`` of the user who printed (here the test's user: cups-pdf accepts root and
writes to /root/PDF). The fixture notes the files already there and the test removes what
it created.

Needs: cups, printer-driver-cups-pdf (scripts/system-deps.sh installs them) and root — the
cups-pdf backend is mode 0700 root, so only a root cupsd can run it. Otherwise the tests that
use the fixture are skipped with the reason.
"""

from __future__ import annotations

import contextlib
import ctypes
import ctypes.util
import os
import pwd
import re
import shutil
import subprocess
import tempfile
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

import pytest

CUPSD = Path("/usr/sbin/cupsd")
BACKEND = Path("/usr/lib/cups/backend/cups-pdf")
CUPS_PDF_CONF = Path("/etc/cups/cups-pdf.conf")
QUEUE = "CUPS_PDF"
START_TIMEOUT = 20.0

CUPS_FILES_CONF = """\
ServerRoot {root}/etc
StateDir {root}/state
CacheDir {root}/cache
RequestRoot {root}/spool
TempDir {root}/spool/tmp
AccessLog {root}/log/access_log
ErrorLog {root}/log/error_log
PageLog {root}/log/page_log
User lp
Group lp
SystemGroup root
FileDevice No
"""

CUPSD_CONF = """\
LogLevel info
Listen {root}/cups.sock
Browsing No
WebInterface No
DefaultAuthType None
MaxJobs 0
PreserveJobHistory Yes
<Location />
  Order allow,deny
  Allow all
</Location>
<Location /admin>
  Order allow,deny
  Allow all
</Location>
<Policy default>
  <Limit All>
    Order deny,allow
  </Limit>
</Policy>
"""


def _libcups() -> ctypes.CDLL | None:
    name = ctypes.util.find_library("cups")
    if not name:
        return None
    try:
        lib = ctypes.CDLL(name)
    except OSError:
        return None
    lib.cupsSetServer.argtypes = [ctypes.c_char_p]
    lib.cupsSetServer.restype = None
    return lib


def cups_pdf_out_dir() -> Path:
    """Where cups-pdf writes this user's jobs (the ``Out`` line of cups-pdf.conf)."""
    home = pwd.getpwuid(os.geteuid()).pw_dir
    out = "${HOME}/PDF"
    if CUPS_PDF_CONF.is_file():
        for line in CUPS_PDF_CONF.read_text(errors="replace").splitlines():
            match = re.match(r"\s*Out\s+(\S.*)$", line)
            if match:
                out = match.group(1).strip()
    return Path(out.replace("${HOME}", home).replace("$HOME", home))


@dataclass
class CupsQueue:
    """The running private scheduler and its cups-pdf queue."""

    name: str
    root: Path
    env: dict[str, str]
    out_dir: Path
    existing: set[Path] = field(default_factory=set)
    created: list[Path] = field(default_factory=list)

    def run(self, *args: str, check: bool = True) -> subprocess.CompletedProcess[str]:
        return subprocess.run(list(args), env=self.env, capture_output=True, text=True,
                              check=check, timeout=30)

    def pending_jobs(self) -> str:
        return self.run("lpstat", "-o", self.name, check=False).stdout.strip()

    def error_log(self) -> str:
        path = self.root / "log" / "error_log"
        return path.read_text(errors="replace")[-3000:] if path.exists() else ""

    def wait_for_pdfs(self, count: int = 1, timeout: float = 90.0) -> list[Path]:
        """The new PDFs cups-pdf wrote, once every job is done and the files are complete."""
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            new = sorted(p for p in self.out_dir.glob("*.pdf") if p not in self.existing)
            if not self.pending_jobs() and len(new) >= count:
                sizes = [p.stat().st_size for p in new]
                time.sleep(0.5)
                if sizes == [p.stat().st_size for p in new]:
                    self.created.extend(p for p in new if p not in self.created)
                    return new
            time.sleep(0.3)
        raise AssertionError(f"cups-pdf wrote no file into {self.out_dir} within {timeout}s; "
                             f"jobs: {self.pending_jobs()!r}\n{self.error_log()}")


def _skip_reason() -> str:
    if not CUPSD.exists():
        return ("cupsd is not installed: apt-get install cups printer-driver-cups-pdf "
                "(scripts/system-deps.sh)")
    if not BACKEND.exists():
        return "the cups-pdf backend is not installed: apt-get install printer-driver-cups-pdf"
    if os.geteuid() != 0:
        return "a private cupsd can run the cups-pdf backend (mode 0700 root) only as root"
    if shutil.which("lpadmin") is None or shutil.which("lpstat") is None:
        return "the CUPS client tools (lpadmin, lpstat) are not installed"
    return ""


def _find_ppd(env: dict[str, str]) -> str:
    models = subprocess.run(["lpinfo", "-m"], env=env, capture_output=True, text=True,
                            timeout=60).stdout.splitlines()
    names = [line.split(" ", 1)[0] for line in models if "cups-pdf" in line.lower()]
    for wanted in ("CUPS-PDF_opt.ppd", "CUPS-PDF_noopt.ppd"):
        for name in names:
            if name.endswith(wanted):
                return name
    if names:
        return names[0]
    pytest.fail("lpinfo -m lists no cups-pdf PPD although the backend is installed:\n"
                + "\n".join(models[:20]))


@pytest.fixture
def cups_pdf_queue() -> Iterator[CupsQueue]:
    reason = _skip_reason()
    if reason:
        pytest.skip(reason)
    # A short path: a Unix socket path may not exceed ~107 bytes.
    root = Path(tempfile.mkdtemp(prefix="md-cups-"))
    for sub in ("etc", "state", "cache", "spool/tmp", "log"):
        (root / sub).mkdir(parents=True)
    for folder in [root, *root.rglob("*")]:
        folder.chmod(0o755)  # filters run as lp and must reach the spool
    (root / "cups-files.conf").write_text(CUPS_FILES_CONF.format(root=root))
    (root / "etc" / "cupsd.conf").write_text(CUPSD_CONF.format(root=root))
    socket = root / "cups.sock"
    env = dict(os.environ, CUPS_SERVER=str(socket))
    daemon = subprocess.Popen(
        [str(CUPSD), "-f", "-c", str(root / "etc" / "cupsd.conf"),
         "-s", str(root / "cups-files.conf")],
        stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    libcups = _libcups()
    previous = os.environ.get("CUPS_SERVER")
    queue = CupsQueue(QUEUE, root, env, cups_pdf_out_dir())
    try:
        deadline = time.monotonic() + START_TIMEOUT
        while time.monotonic() < deadline and daemon.poll() is None:
            if socket.exists() and subprocess.run(
                    ["lpstat", "-r"], env=env, capture_output=True, text=True,
                    timeout=10).returncode == 0:
                break
            time.sleep(0.2)
        else:
            err = daemon.stderr.read() if daemon.poll() is not None and daemon.stderr else ""
            pytest.fail(f"the private cupsd did not start: {err}\n{queue.error_log()}")
        ppd = _find_ppd(env)
        queue.run("lpadmin", "-p", QUEUE, "-v", "cups-pdf:/", "-m", ppd, "-E")
        queue.out_dir.mkdir(parents=True, exist_ok=True)
        queue.existing = set(queue.out_dir.glob("*.pdf"))
        os.environ["CUPS_SERVER"] = str(socket)
        if libcups is not None:
            libcups.cupsSetServer(str(socket).encode())
        yield queue
    finally:
        if previous is None:
            os.environ.pop("CUPS_SERVER", None)
        else:
            os.environ["CUPS_SERVER"] = previous
        if libcups is not None:
            libcups.cupsSetServer(None)  # back to the default server for later tests
        daemon.terminate()
        try:
            daemon.wait(timeout=15)
        except subprocess.TimeoutExpired:
            daemon.kill()
            daemon.wait(timeout=5)
        if daemon.stderr is not None:
            daemon.stderr.close()
        for path in queue.created:
            with contextlib.suppress(OSError):
                path.unlink()
        shutil.rmtree(root, ignore_errors=True)
