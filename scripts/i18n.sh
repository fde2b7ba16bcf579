#!/usr/bin/env bash
# Qt Linguist flow: extract every translate("Context", "text") from ui/ into the zh_CN .ts file
# (new entries arrive as "unfinished"; translate them, e.g. with Qt Linguist), then compile the
# .qm the app loads. tests/ui/test_translations.py fails while any entry is unfinished or the
# .qm is stale.
set -euo pipefail
cd "$(dirname "$0")/.."
TS=resources/i18n/mediation_desk_zh_CN.ts
# Our own extractor (Python's parser), not pyside6-lupdate: see scripts/i18n_extract.py.
.venv/bin/python scripts/i18n_extract.py "$TS"
.venv/bin/pyside6-lrelease "$TS" -qm "${TS%.ts}.qm"
