"""Prove every pinned dependency installs on 64-bit Windows, from Linux (a step of .ci/run).

Why not just ``pip download --platform win_amd64``: pip picks Windows wheels then, but it
evaluates environment markers for the machine it runs on, so a dependency declared
``; sys_platform == "win32"`` (pytest's colorama, PyInstaller's pefile and pywin32-ctypes) is
silently left out — exactly the packages a Windows build needs and Linux never sees. So this
resolves with pip (``--dry-run --report``, binary wheels only, Windows tags, the pins in
constraints.txt), re-reads every resolved package's requirements with Windows' markers, adds
what pip left out and resolves again until nothing is missing. It fails naming

- a package with no Windows wheel at its pinned version (pip's own error), and
- a package Windows needs that constraints.txt does not pin (the Windows build would float).

Needs the package index, so it is no unit test. Usage:
    .venv/bin/python scripts/windows_wheels.py [--extra test] [--python-version 3.11]
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
import tomllib
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from packaging.markers import default_environment
from packaging.requirements import Requirement
from packaging.utils import canonicalize_name

ROOT = Path(__file__).resolve().parent.parent
PLATFORM = "win_amd64"


def windows_environment(python_version: str) -> dict[str, str]:
    """PEP 508 marker values of CPython on 64-bit Windows."""
    env = dict(default_environment())
    env.update(os_name="nt", sys_platform="win32", platform_system="Windows",
               platform_machine="AMD64", platform_release="10", platform_version="10.0.19045",
               implementation_name="cpython", platform_python_implementation="CPython",
               python_version=python_version, python_full_version=python_version + ".9",
               implementation_version=python_version + ".9")
    return env


def project_requirements(extras: Iterable[str]) -> list[str]:
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    wanted = list(project["dependencies"])
    for extra in extras:
        wanted += project["optional-dependencies"][extra]
    return wanted


def pins(constraints: Path) -> dict[str, str]:
    out = {}
    for line in constraints.read_text(encoding="utf-8").splitlines():
        line = line.split("#", 1)[0].strip()
        if "==" in line:
            name, version = line.split("==", 1)
            out[canonicalize_name(name)] = version.strip()
    return out


def left_out(installs: list[dict[str, Any]], env: dict[str, str]) -> set[str]:
    """Requirements Windows needs (by its markers) that a resolution did not include.

    ``installs`` is pip's report "install" list. A requirement carries extras of its own
    (``foo[bar]``); those are kept so the next resolution brings their dependencies too."""
    resolved = {canonicalize_name(item["metadata"]["name"]) for item in installs}
    missing: set[str] = set()
    for item in installs:
        extras = item.get("requested_extras") or []
        for text in item["metadata"].get("requires_dist") or []:
            req = Requirement(text)
            contexts = [dict(env, extra=e) for e in extras] + [dict(env, extra="")]
            if req.marker is not None and not any(req.marker.evaluate(c) for c in contexts):
                continue
            if canonicalize_name(req.name) not in resolved:
                missing.add(f"{req.name}[{','.join(sorted(req.extras))}]" if req.extras
                            else req.name)
    return missing


def resolve(requirements: list[str], python_version: str, constraints: Path,
            work: Path) -> list[dict[str, Any]]:
    report = work / "report.json"
    cmd = [sys.executable, "-m", "pip", "install", "--dry-run", "--ignore-installed",
           "--disable-pip-version-check", "--quiet", "--only-binary=:all:",
           "--platform", PLATFORM, "--python-version", python_version,
           "--implementation", "cp", "--abi", "cp" + python_version.replace(".", ""),
           "--abi", "abi3", "--abi", "none", "--target", str(work / "target"),
           "--report", str(report), "-c", str(constraints), *requirements]
    done = subprocess.run(cmd, capture_output=True, text=True)
    if done.returncode != 0:
        errors = [line for line in done.stderr.splitlines() if "is ignored:" not in line]
        raise SystemExit("windows-wheels: pip cannot install these on Windows "
                         f"({PLATFORM}, Python {python_version}):\n" + "\n".join(errors))
    installs: list[dict[str, Any]] = json.loads(report.read_text(encoding="utf-8"))["install"]
    return installs


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--extra", action="append", default=[], help="also an extra (test)")
    parser.add_argument("--python-version", default="3.11")
    parser.add_argument("--constraints", type=Path, default=ROOT / "constraints.txt")
    args = parser.parse_args(argv)
    env = windows_environment(args.python_version)
    requirements = project_requirements(args.extra)
    with tempfile.TemporaryDirectory() as tmp:
        for _ in range(10):
            installs = resolve(requirements, args.python_version, args.constraints, Path(tmp))
            missing = left_out(installs, env)
            if not missing:
                break
            print("windows-wheels: Windows also needs " + ", ".join(sorted(missing)),
                  file=sys.stderr)
            requirements += sorted(missing)
        else:
            raise SystemExit("windows-wheels: the Windows requirements did not settle")
    pinned = pins(args.constraints)
    unpinned = sorted(f"{i['metadata']['name']}=={i['metadata']['version']}" for i in installs
                      if canonicalize_name(i["metadata"]["name"]) not in pinned)
    for item in sorted(installs, key=lambda i: canonicalize_name(i["metadata"]["name"])):
        print(f"{item['metadata']['name']}=={item['metadata']['version']}  "
              f"{item['download_info']['url'].rsplit('/', 1)[-1]}")
    if unpinned:
        print("windows-wheels: not pinned in constraints.txt (add them): " + " ".join(unpinned),
              file=sys.stderr)
        return 1
    print(f"windows-wheels: all {len(installs)} packages have {PLATFORM} wheels for Python "
          f"{args.python_version} at their pinned versions", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
