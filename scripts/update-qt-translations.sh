#!/usr/bin/env bash
# The window's catalogue: collect every self.tr / QCoreApplication.translate string of
# cifar_gui/gui/ into resources/translations/cifar_gui_ko.ts (translations kept, gone strings
# dropped; no line numbers, so edits elsewhere in a file leave it alone), then compile the
# .qm the app loads. Translate new entries with
# .venv/bin/pyside6-linguist (or by editing the .ts) and run this again.
set -euo pipefail
cd "$(dirname "$0")/.."
BIN=${BIN:-.venv/bin}
"$BIN/pyside6-lupdate" cifar_gui/gui/*.py -no-obsolete -locations none -target-language ko_KR \
    -ts resources/translations/cifar_gui_ko.ts
"$BIN/pyside6-lrelease" resources/translations/cifar_gui_ko.ts \
    -qm resources/translations/cifar_gui_ko.qm
