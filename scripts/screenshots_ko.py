"""Render every tab of the Korean window into docs/screenshots/ko/ (offscreen, demo data only).

    QT_QPA_PLATFORM=offscreen .venv/bin/python scripts/screenshots_ko.py [--epochs 4]

The window opens as a Korean desktop would open it (LANG=ko_KR.UTF-8), at its default size,
trains a short run on the built-in demo set, evaluates it and classifies one of its test images,
then saves one picture per tab. It needs a font that covers Hangul (fonts-noto-cjk) and says so
otherwise. Only demo images appear: no CIFAR-10 image ends up in the repository.
"""

from __future__ import annotations

import argparse
import logging
import os
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
os.environ["LANG"] = "ko_KR.UTF-8"
for name in ("LANGUAGE", "LC_ALL", "LC_MESSAGES"):
    os.environ.pop(name, None)

log = logging.getLogger("screenshots_ko")

TABS = ("training", "data", "classify", "evaluation", "confusion", "runs", "sweeps")


def train_and_inspect(window, wait, epochs: int) -> None:
    """A sweep of two runs, then a short demo run, its evaluation, and one of its test images
    classified."""
    fields = window.settings_panel.fields
    fields["data"].write("demo")
    sweep_of_two(window, wait)  # first: the view of the run trained last is the one shown
    fields["limit_train"].editor.setText("1500")
    fields["learning_rate"].editor.setText("0.001")
    fields["epochs"].editor.setText(str(epochs))
    window.start_training()
    wait(lambda: window.worker is None)
    run_dir = str(window.last_result.run_dir)
    window.show_evaluation(run_dir)
    view = window.evaluation_view
    wait(lambda: view.stored is not None and str(view.stored.run_dir) == run_dir, 120)
    assert view.stored.figures["data_source"] == "demo", "image tabs must show demo images only"
    view.gallery.itemClicked.emit(view.gallery.item(0))
    tab = window.classify_tab
    wait(lambda: tab.analysis is not None, 120)
    window.runs_tab.refresh()
    window.runs_tab.select_paths([run_dir])


def sweep_of_two(window, wait) -> None:
    """Two learning rates, two epochs each: the Sweeps tab with a table and curves."""
    fields = window.settings_panel.fields
    fields["epochs"].editor.setText("2")
    fields["limit_train"].editor.setText("600")
    fields["learning_rate"].editor.setText("1e-3, 3e-4")
    window.start_training()
    wait(lambda: window.queue.active or window.worker is not None, 60)
    wait(lambda: not window.queue.active and window.worker is None)
    window.sweep_view.refresh()
    fields["learning_rate"].editor.setText("0.001")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--epochs", type=int, default=4)
    parser.add_argument("--out", default=str(ROOT / "docs" / "screenshots" / "ko"))
    args = parser.parse_args()
    logging.basicConfig(level=logging.INFO)
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    from screenshots import open_window

    from cifar_gui.gui.language import font_warning

    app, window, wait = open_window()
    if warning := font_warning("ko"):
        log.warning("%s", warning)
    window.resize(1280, 800)  # the window's default size: nothing may be clipped there
    train_and_inspect(window, wait, args.epochs)
    for index, name in enumerate(TABS):
        window.tabs.setCurrentIndex(index)
        for _ in range(5):
            app.processEvents()
        window.grab().save(str(out / f"{name}.png"))
    pages = window.classify_tab.pages  # the Classify tab's own pages: folder, inside the network
    window.tabs.setCurrentIndex(TABS.index("classify"))
    for index, name in ((1, "classify-folder"), (2, "classify-inside")):
        pages.setCurrentIndex(index)
        wait(lambda: False, 3 if index == 2 else 0.2)  # the layer view fills in on a worker
        window.grab().save(str(out / f"{name}.png"))
    log.info("screenshots written to %s", out)
    window.close()


if __name__ == "__main__":
    sys.path.insert(0, str(ROOT / "scripts"))
    main()
