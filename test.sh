#!/usr/bin/env bash
# Install everything and run the whole test suite: lint, types, then pytest (slow tests too).
# Extra arguments go to pytest, e.g. `./test.sh -m "not slow" -x`.
set -euo pipefail
cd "$(dirname "$0")"
scripts/system-deps.sh test
scripts/venv.sh test
.venv/bin/ruff check .
.venv/bin/mypy
QT_QPA_PLATFORM=offscreen .venv/bin/python -m pytest -p no:cacheprovider "$@"
