"""Render the "inside the network" views into docs/screenshots/ (offscreen, demo data only).

    QT_QPA_PLATFORM=offscreen .venv/bin/python scripts/screenshots_inside.py [--epochs 6]

model.png (the preset's layer table beside the settings), inside.png (what each layer sees,
Classify tab), confusion-epochs.png (the confusion over epochs) and lesson.png (the overfitting
numbers of a regularisation comparison, Runs tab). Demo images only: no CIFAR-10 image ends up
in the repository.
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from screenshots import open_window  # noqa: E402 - the same window set-up as every screenshot


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--epochs", type=int, default=6)
    parser.add_argument("--compare-epochs", type=int, default=5)
    parser.add_argument("--limit-train", type=int, default=1500)
    parser.add_argument("--out", default=str(ROOT / "docs" / "screenshots"))
    args = parser.parse_args()
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    app, window, wait = open_window()

    def shot(name: str) -> None:
        app.processEvents()
        window.grab().save(str(out / name))

    fields = window.settings_panel.fields
    fields["data"].write("demo")
    fields["limit_train"].editor.setText(str(args.limit_train))
    fields["learning_rate"].editor.setText("0.001")
    fields["epochs"].editor.setText(str(args.epochs))
    wait(lambda: window.preset_table.summary is not None, 60)
    shot("model.png")

    window.start_training()
    wait(lambda: window.worker is None)
    run_dir = str(window.last_result.run_dir)
    window.tabs.setCurrentWidget(window.confusion_page)
    view = window.confusion_page.view
    view.slider.setValue(max(2, len(view.series) // 2))
    shot("confusion-epochs.png")

    tab = window.classify_tab
    window.tabs.setCurrentWidget(tab)
    tab.refresh_models(select=run_dir)
    wait(lambda: tab.loaded is not None and str(tab.loaded.run_dir) == run_dir, 120)
    tab.random_test_image()
    wait(lambda: tab.analysis is not None, 120)
    tab.pages.setCurrentWidget(tab.layer_view)
    wait(lambda: tab.layer_view.activations is not None, 120)
    tab.layer_view.maps.enlarge(5)
    shot("inside.png")

    window.tabs.setCurrentIndex(0)
    fields["epochs"].editor.setText(str(args.compare_epochs))
    window.compare_regularisation()
    wait(lambda: not window.queue.active and window.worker is None)
    window.runs_tab.comparison.redraw()
    shot("lesson.png")
    print(f"screenshots written to {out}")
    window.close()


if __name__ == "__main__":
    main()
