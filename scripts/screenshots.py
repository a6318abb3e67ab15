"""Render screenshots of each tab into docs/screenshots/ (offscreen, no display needed).

    QT_QPA_PLATFORM=offscreen .venv/bin/python scripts/screenshots.py [--data PATH] [--epochs 5]

The training tab and the runs tab (plain / L2 / dropout overlaid by "Compare regularisation")
show real runs on --data (the shared real CIFAR-10 sample when given): curves only. The tabs
that show images (data, evaluation gallery, classification) use the built-in demo set, so no
CIFAR-10 image ends up in the repository.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


def open_window(out: Path):
    """A main window on the reference settings with TensorFlow loaded, its own settings file
    and data folder; returns (application, window, wait(predicate, timeout))."""
    out.mkdir(parents=True, exist_ok=True)
    os.environ.setdefault("CIFAR_GUI_DATA_DIR", tempfile.mkdtemp(prefix="cifar-gui-shots-"))

    from PySide6.QtCore import QSettings

    from cifar_gui.gui.app import create_application

    # Its own settings file: the screenshots show the reference settings, and the user's
    # saved settings stay untouched.
    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, tempfile.mkdtemp())
    app = create_application(sys.argv[:1])
    from cifar_gui.gui.main_window import MainWindow

    window = MainWindow()
    window.resize(1400, 860)
    window.show()

    def wait(predicate, timeout=3600.0):
        deadline = time.monotonic() + timeout
        while not predicate() and time.monotonic() < deadline:
            app.processEvents()
            time.sleep(0.01)

    wait(lambda: window.tensorflow is not None)
    window.reset_to_reference()
    return app, window, wait


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", default="demo")
    parser.add_argument("--epochs", type=int, default=5)
    parser.add_argument("--limit-train", type=int, default=3000)
    parser.add_argument("--compare-epochs", type=int, default=10)
    parser.add_argument(
        "--image-tabs-only", action="store_true", help="only the data, evaluation, classify tabs"
    )
    parser.add_argument("--out", default=str(ROOT / "docs" / "screenshots"))
    args = parser.parse_args()
    out = Path(args.out)
    app, window, wait = open_window(out)
    fields = window.settings_panel.fields
    if not args.image_tabs_only:
        fields["data"].write(args.data)
        fields["epochs"].editor.setText(str(args.epochs))
        fields["limit_train"].editor.setText(str(args.limit_train))
        window.start_training()
        wait(lambda: window.worker is None)
        window.plots.redraw()
        app.processEvents()
        window.grab().save(str(out / "training.png"))

        fields["epochs"].editor.setText(str(args.compare_epochs))
        window.compare_regularisation()
        wait(lambda: not window.queue.active and window.worker is None)
        window.runs_tab.comparison.redraw()
        app.processEvents()
        window.grab().save(str(out / "runs.png"))

    fields["data"].write("demo")
    window.tabs.setCurrentWidget(window.explorer)
    wait(lambda: window.explorer.dataset is not None, 60)
    app.processEvents()
    window.grab().save(str(out / "data.png"))

    window.tabs.setCurrentIndex(0)
    fields["preset"].write("modern")
    fields["learning_rate"].editor.setText("0.001")
    fields["epochs"].editor.setText("4")
    window.start_training()
    wait(lambda: window.worker is None)
    run_dir = str(window.last_result.run_dir)
    window.show_evaluation(run_dir)
    view = window.evaluation_view
    wait(lambda: view.stored is not None and str(view.stored.run_dir) == run_dir, 120)
    assert view.stored.figures["data_source"] == "demo", "image tabs must show demo images only"
    confusion = view.stored.confusion.copy()
    confusion[range(len(confusion)), range(len(confusion))] = 0
    true, predicted = divmod(int(confusion.argmax()), len(confusion))
    view.matrix.setCurrentCell(true, predicted)
    view.filter_by_cell(true, predicted)  # the most frequent confusion
    app.processEvents()
    window.grab().save(str(out / "evaluation.png"))

    view.gallery.itemClicked.emit(view.gallery.item(0))
    tab = window.classify_tab
    wait(lambda: tab.analysis is not None and str(tab.loaded.run_dir) == run_dir, 120)
    app.processEvents()
    window.grab().save(str(out / "classify.png"))
    print(f"screenshots written to {out}")
    window.close()


if __name__ == "__main__":
    main()
