"""The layer rules (data -> ml -> gui, no arrow back up) are part of ``ruff check``: an import
across a layer is refused with the rule's reason, in the folder where it is written."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]


def _lint(path: str, source: str) -> list[str]:
    """The layer-rule codes ruff reports for ``source`` as if it were the file ``path``."""
    out = subprocess.run(
        [sys.executable, "-m", "ruff", "check", "--select", "TID251,TID253", "--no-cache",
         "--output-format", "concise", "--stdin-filename", path, "-"],
        input=source, capture_output=True, text=True, cwd=ROOT, timeout=60,
    )  # fmt: skip
    assert out.returncode in (0, 1), out.stderr
    return [
        line.split(": ", 1)[1].split()[0] for line in out.stdout.splitlines() if ": TID" in line
    ]


@pytest.mark.parametrize(
    ("path", "source", "codes"),
    [
        ("cifar_gui/data/x.py", "import tensorflow as tf\n", ["TID251"]),
        ("cifar_gui/data/x.py", "def f():\n    import keras\n", ["TID251"]),
        ("cifar_gui/data/x.py", "from cifar_gui.ml.models import build_model\n", ["TID251"]),
        ("cifar_gui/data/x.py", "from PySide6.QtGui import QImage\n", ["TID251"]),
        ("cifar_gui/ml/x.py", "import pyqtgraph\n", ["TID251"]),
        ("cifar_gui/ml/x.py", "from cifar_gui.gui.workers import FunctionWorker\n", ["TID251"]),
        ("cifar_gui/gui/x.py", "import tensorflow as tf\n", ["TID253"]),
        ("cifar_gui/gui/x.py", "from cifar_gui.ml.training import train\n", ["TID253"]),
        ("cifar_gui/cli.py", "from PySide6.QtWidgets import QApplication\n", ["TID253"]),
        ("cifar_gui/runs.py", "import keras\n", ["TID253"]),
    ],
)
def test_an_import_across_a_layer_is_refused(path, source, codes):
    assert _lint(path, source) == codes


@pytest.mark.parametrize(
    ("path", "source"),
    [
        ("cifar_gui/ml/x.py", "import keras\nimport tensorflow as tf\nimport numpy as np\n"),
        ("cifar_gui/gui/x.py", "from PySide6.QtCore import QObject\nimport pyqtgraph\n"),
        ("cifar_gui/gui/x.py", "def run():\n    from cifar_gui.ml.training import train\n"),
        ("cifar_gui/cli.py", "def launch():\n    from cifar_gui.gui.app import run_app\n"),
        ("cifar_gui/data/x.py", "import numpy as np\nfrom cifar_gui.paths import keras_home\n"),
    ],
)
def test_the_imports_each_layer_may_make_pass(path, source):
    assert _lint(path, source) == []
