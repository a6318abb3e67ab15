"""Issue 10, items 3 and 15 in the window: the evaluation says which epoch's model it measured,
and runs are shown by the name the user gave them, in any script."""

from __future__ import annotations

import pytest

from cifar_gui.run_store.listing import rename_run
from cifar_gui.run_store.record import RunRecord

pytestmark = pytest.mark.slow


def test_the_evaluation_names_the_run_and_the_epoch_of_its_model(make_window, trained_run, qtbot):
    summary = RunRecord(trained_run).read_summary()
    assert summary["model_epoch"] == summary["evaluation"]["model_epoch"] == 2
    rename_run(trained_run, "첫 실험")
    window = make_window(load_tensorflow_now=False)
    view = window.evaluation_view
    window.show_evaluation(str(trained_run))
    qtbot.waitUntil(lambda: view.stored is not None, timeout=30_000)
    title = view.title.text()
    assert title.startswith("첫 실험: test accuracy") and "(model of epoch 2)" in title
    window.runs_tab.refresh()
    names = [
        window.runs_tab.table.item(r, 0).text() for r in range(window.runs_tab.table.rowCount())
    ]
    assert "첫 실험" in names
