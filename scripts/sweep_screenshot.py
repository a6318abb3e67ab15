"""Render the Sweeps tab after a real 2x2 sweep into docs/screenshots/sweep.png (offscreen).

    QT_QPA_PLATFORM=offscreen .venv/bin/python scripts/sweep_screenshot.py [--data demo] [--epochs 4]

The sweep (learning rate 1e-3, 3e-4 by dropout 0.2, 0.5) is started from the settings panel
exactly as a user would, trained one run after the other, and shown when the queue ends: its
table, the validation curves coloured by learning rate, and learning rate against accuracy.
Curves and figures only, so no image of the data set ends up in the repository.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", default="demo")
    parser.add_argument("--epochs", type=int, default=4)
    parser.add_argument("--limit-train", type=int, default=1500)
    parser.add_argument("--out", default=str(ROOT / "docs" / "screenshots" / "sweep.png"))
    args = parser.parse_args()
    os.environ["CIFAR_GUI_DATA_DIR"] = tempfile.mkdtemp(prefix="cifar-gui-sweep-shot-")
    from screenshots import open_window  # scripts/ is on the path when this script runs

    app, window, wait = open_window()
    fields = window.settings_panel.fields
    fields["data"].write(args.data)
    for name, text in (("epochs", str(args.epochs)), ("limit_train", str(args.limit_train)),
                       ("learning_rate", "1e-3, 3e-4"), ("dropout_rate", "0.2, 0.5")):  # fmt: skip
        fields[name].editor.setText(text)
    window.start_training()
    wait(lambda: window.queue.items and not window.queue.active and window.worker is None)
    view = window.sweep_view
    view.colour_by.setCurrentIndex(view.colour_by.findData("learning_rate"))
    app.processEvents()
    window.grab().save(args.out)
    print(f"screenshot written to {args.out}")
    window.close()


if __name__ == "__main__":
    main()
