#!/usr/bin/env bash
# Brings both translation catalogues up to date with the sources, then compiles them:
#   core + CLI (gettext, Babel): cifar_gui/**.py except cifar_gui/gui
#       -> resources/translations/cifar_gui.pot
#       -> resources/translations/locale/<lang>/LC_MESSAGES/cifar_gui.po (merged) -> .mo
#   widgets (Qt): cifar_gui/gui/**.py -> resources/translations/cifar_gui_<lang>.ts -> .qm
# New messages arrive untranslated; translate them in the .po / .ts (see the glossary in
# resources/translations/README.md), run this script again, and commit sources, catalogues and
# compiled files together (tests/test_translations_core.py fails until they agree).
# Usage: scripts/update-translations.sh [--core-only]   (VENV=path selects the environment)
set -euo pipefail
cd "$(dirname "$0")/.."
BIN=${VENV:-.venv}/bin
TR=resources/translations
LANGS=(ko)

# ---- core and command line: gettext --------------------------------------------------------
# Keep these options in step with tests/test_translations_core.py (it extracts the same way).
"$BIN/pybabel" extract -F babel.cfg --no-default-keywords -k _ -k N_ -k ngettext:1,2 \
    --ignore-dirs='gui .* _*' --no-location --sort-output --no-wrap \
    --project=cifar-gui --copyright-holder="cifar-gui contributors" \
    -o "$TR/cifar_gui.pot" cifar_gui
sed -i '/^"POT-Creation-Date: /d' "$TR/cifar_gui.pot"   # no churn in git when nothing changed
for lang in "${LANGS[@]}"; do
    po="$TR/locale/$lang/LC_MESSAGES/cifar_gui.po"
    if [ -f "$po" ]; then
        "$BIN/pybabel" update -i "$TR/cifar_gui.pot" -o "$po" -l "$lang" \
            --no-fuzzy-matching --ignore-obsolete --no-wrap --ignore-pot-creation-date
    else
        "$BIN/pybabel" init -i "$TR/cifar_gui.pot" -o "$po" -l "$lang" --no-wrap
    fi
    "$BIN/pybabel" compile -i "$po" -o "${po%.po}.mo" -D cifar_gui -l "$lang" --statistics
done

[ "${1:-}" = "--core-only" ] && exit 0

# ---- widgets: Qt Linguist -------------------------------------------------------------------
BIN="$BIN" bash scripts/update-qt-translations.sh
