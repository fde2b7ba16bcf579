#!/usr/bin/env bash
# Install (first time) and start Mediation Desk. `./run.sh --demo` opens the demo register.
set -euo pipefail
cd "$(dirname "$0")"
scripts/system-deps.sh
scripts/venv.sh
exec .venv/bin/mediation-desk "$@"
