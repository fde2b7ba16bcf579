#!/usr/bin/env bash
# Make (or reuse) .venv with Python >= 3.11 and install the app with pinned versions.
# Usage: scripts/venv.sh [extra]   (extra = "test" adds the test tools)
set -euo pipefail
cd "$(dirname "$0")/.."
PY=${PYTHON:-}
if [ -z "$PY" ] && [ ! -x .venv/bin/python ]; then
  for c in python3.13 python3.12 python3.11 python3; do
    if command -v "$c" >/dev/null 2>&1 && "$c" -c 'import sys; sys.exit(sys.version_info < (3, 11))' 2>/dev/null; then PY=$c; break; fi
  done
fi
if [ ! -x .venv/bin/python ]; then
  [ -n "$PY" ] || { echo "Python 3.11 or newer is needed" >&2; exit 1; }
  "$PY" -m venv .venv
fi
spec="."
[ "${1:-}" = "test" ] && spec=".[test]"
.venv/bin/python -m pip install -q --disable-pip-version-check -c constraints.txt -e "$spec"
