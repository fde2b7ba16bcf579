#!/usr/bin/env bash
# Qt Linguist flow: extract every translate("Context", "text") from ui/ into the zh_CN .ts file
# (new entries arrive as "unfinished"; translate them, e.g. with Qt Linguist), then compile the
# .qm the app loads. tests/ui/test_translations.py fails while any entry is unfinished or the
# .qm is stale.
set -euo pipefail
cd "$(dirname "$0")/.."
TS=resources/i18n/mediation_desk_zh_CN.ts
mapfile -t sources < <(find ui -name '*.py' | sort)
.venv/bin/pyside6-lupdate -no-obsolete -locations none "${sources[@]}" -ts "$TS"
.venv/bin/pyside6-lrelease "$TS" -qm "${TS%.ts}.qm"
