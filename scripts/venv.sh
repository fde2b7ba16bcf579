#!/usr/bin/env bash
# Make (or reuse) .venv with Python >= 3.11 and install the app with the pinned versions.
#
# Installs only when it must. Why: a patrol laptop starts the app for days with no network, and
# even a pip run that finds everything installed needs the index (the editable install builds in
# an isolated environment that downloads setuptools). So a successful install leaves a stamp in
# .venv holding the hash of pyproject.toml and constraints.txt and which set it installed
# ("app", or "test" = the app plus the test tools, a superset). While the hash matches, nothing
# runs; when either file changes, the next start installs again.
#
# Usage: scripts/venv.sh [test]           install if needed ("test" adds the test tools)
#        scripts/venv.sh --check [test]   exit 0 when nothing needs installing, 1 otherwise
#        scripts/venv.sh --stamp [test]   print the stamp an install would write now
set -euo pipefail
cd "$(dirname "$0")/.."
STAMP=.venv/.mediation-desk-installed

mode=install
case "${1:-}" in
  --check | --stamp) mode=${1#--}; shift ;;
esac
want=app
case "${1:-}" in
  "") ;;
  test) want=test ;;
  *) echo "venv.sh: unknown set '$1' (use: test)" >&2; exit 2 ;;
esac

digest() {
  if command -v sha256sum >/dev/null 2>&1; then sha256sum "$@"; else shasum -a 256 "$@"; fi
}
hash=$(cat pyproject.toml constraints.txt | digest | cut -c1-64)
stamp="$hash $want"

if [ "$mode" = stamp ]; then
  echo "$stamp"
  exit 0
fi

# The stamp counts only while the venv's interpreter is there (a dangling symlink after the
# system Python was removed is rebuilt). A venv broken by hand: delete the stamp or .venv.
installed() {
  [ -x .venv/bin/python ] && [ -f "$STAMP" ] || return 1
  local h e
  read -r h e < "$STAMP" || return 1
  [ "$h" = "$hash" ] && { [ "$want" = app ] || [ "$e" = test ]; }
}

if installed; then
  exit 0
fi
if [ "$mode" = check ]; then
  echo "venv.sh: .venv needs installing ($want): no stamp, or pyproject.toml / constraints.txt changed" >&2
  exit 1
fi

if [ ! -x .venv/bin/python ]; then
  PY=${PYTHON:-}
  if [ -z "$PY" ]; then
    for c in python3.13 python3.12 python3.11 python3; do
      if command -v "$c" >/dev/null 2>&1 && "$c" -c 'import sys; sys.exit(sys.version_info < (3, 11))' 2>/dev/null; then PY=$c; break; fi
    done
  fi
  [ -n "$PY" ] || { echo "venv.sh: Python 3.11 or newer is needed" >&2; exit 1; }
  # --clear: a venv whose interpreter vanished is rebuilt, not patched.
  "$PY" -m venv --clear .venv
fi

echo "venv.sh: installing the pinned packages ($want) into .venv — this needs the network" >&2
rm -f "$STAMP"
spec="."
[ "$want" = test ] && spec=".[test]"
.venv/bin/python -m pip install -q --disable-pip-version-check -c constraints.txt -e "$spec"
# An older install had QtPdf from the separate pyside6-pdf wheel (PySide6 6.12); the pinned
# PySide6 ships it in Addons again. Uninstalling the stray wheel deletes files Addons also
# owns, so Addons is put back whole afterwards.
if .venv/bin/python -m pip show -q PySide6-Pdf >/dev/null 2>&1; then
  .venv/bin/python -m pip uninstall -q -y PySide6-Pdf
  .venv/bin/python -m pip install -q --disable-pip-version-check --force-reinstall --no-deps \
    -c constraints.txt PySide6-Addons
fi
echo "$stamp" > "$STAMP"
