#!/usr/bin/env bash
# Build a folder of wheels with everything cifar-gui needs, on a machine with internet, to
# install it on lab workstations that have none:
#
#   bash scripts/build-wheelhouse.sh wheelhouse                        # this machine's platform
#   bash scripts/build-wheelhouse.sh wheelhouse manylinux2014_x86_64 3.11   # another target
#
# Then, on the offline machine (Python 3.11+ with venv), from a copy of this folder:
#
#   python3 -m venv ~/cifar-gui-env
#   ~/cifar-gui-env/bin/pip install --no-index --find-links wheelhouse cifar-gui
#   ~/cifar-gui-env/bin/cifar-gui install-desktop      # menu launcher; or run cifar-gui-app
set -euo pipefail
OUT=${1:-wheelhouse}
PLATFORM=${2:-}
PYVER=${3:-}
PYTHON=${PYTHON:-python3}
cd "$(dirname "$0")/.."
mkdir -p "$OUT"
"$PYTHON" -m pip wheel --quiet --no-deps --wheel-dir "$OUT" .
if [ -n "$PLATFORM" ]; then
    "$PYTHON" -m pip download --quiet --dest "$OUT" --only-binary=:all: \
        --platform "$PLATFORM" ${PYVER:+--python-version "$PYVER"} "$OUT"/cifar_gui-*.whl
else
    "$PYTHON" -m pip download --quiet --dest "$OUT" "$OUT"/cifar_gui-*.whl
fi
echo "wheelhouse ready: $OUT ($(ls "$OUT" | wc -l) files, $(du -sh "$OUT" | cut -f1))"
