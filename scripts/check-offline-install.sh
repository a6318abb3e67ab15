#!/usr/bin/env bash
# The offline installation, end to end: build a wheelhouse, install from it into a fresh
# virtual environment with no package index, and run the installed commands with the network
# blocked. Called by .ci/run after the test suite.
set -euo pipefail
cd "$(dirname "$0")/.."
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT
PYTHON=${PYTHON:-.venv/bin/python} bash scripts/build-wheelhouse.sh "$WORK/wheelhouse"
python3 -m venv "$WORK/env"
"$WORK/env/bin/pip" install --quiet --no-index --find-links "$WORK/wheelhouse" cifar-gui
export PYTHONPATH="$PWD/tests/network_guard"   # every Python process: no network
cd "$WORK"                                     # nothing from the checkout on the path
"$WORK/env/bin/cifar-gui" --version
"$WORK/env/bin/cifar-gui" data info demo >/dev/null
"$WORK/env/bin/python" -c "
from cifar_gui.paths import resources_dir
assert (resources_dir() / 'cifar-gui.desktop').is_file() and (resources_dir() / 'icons').is_dir(), resources_dir()
print('resources installed in', resources_dir())"
test -x "$WORK/env/bin/cifar-gui-app"
HOME="$WORK/home" XDG_DATA_HOME="$WORK/home/share" "$WORK/env/bin/cifar-gui" train --data demo \
    --epochs 1 --limit-train 200 --runs-dir "$WORK/runs" --json | tail -1
echo "offline install: OK"
