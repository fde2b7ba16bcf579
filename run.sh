#!/usr/bin/env bash
# Install (first time) and start Mediation Desk. `./run.sh --demo` opens the demo register.
# After the first run this needs no network: system packages are installed only when missing,
# Python packages only when pyproject.toml or constraints.txt changed (scripts/venv.sh).
set -euo pipefail
cd "$(dirname "$0")"
scripts/system-deps.sh
scripts/venv.sh
exec .venv/bin/mediation-desk "$@"
