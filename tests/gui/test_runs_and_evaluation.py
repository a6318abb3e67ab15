"""The runs table, run comparison, the regularisation queue, resume and the evaluation view."""

from __future__ import annotations

import json
import shutil

import numpy as np
import pytest
from PySide6.QtCore import Qt

from cifar_gui.chance import chance_note
from cifar_gui.run_store.listing import list_runs
from cifar_gui.run_store.record import RunRecord

from .recorder import SignalRecorder

pytestmark = pytest.mark.slow


def _row_of(tab, path) -> int:
    for row in range(tab.table.rowCount()):
        if tab.table.item(row, 0).data(Qt.ItemDataRole.UserRole) == str(path):
            return row
    raise AssertionError(f"{path} is not listed")


def _cell(tab, path, column: int) -> str:
    return tab.table.item(_row_of(tab, path), column).text()


def test_the_runs_table_lists_runs_and_survives_a_damaged_one(ready_window, trained_run):
    window = ready_window
    damaged = trained_run.parent / "20990101-000000-damaged-0000"
    shutil.copytree(trained_run, damaged)
    (damaged / "summary.json").write_text("{ truncated")
    (damaged / "model.keras").write_bytes(b"PK\x03\x04 half a zip")
    (trained_run.parent / "notes").mkdir()  # a folder that is not a run is not listed

    window.tabs.setCurrentWidget(window.runs_tab)
    tab = window.runs_tab
    assert tab.table.rowCount() == 2
    summary = RunRecord(trained_run).read_summary()
    assert _cell(tab, trained_run, 3) == "dropout"
    assert _cell(tab, trained_run, 5) == "2/2"
    # A tiny 2-epoch run may have learned nothing: its figure then says so (cifar_gui.chance).
    [info] = [run for run in list_runs(trained_run.parent) if run.path == trained_run]
    chance = " (chance)" if chance_note(info.summary, None, info.num_classes) else ""
    assert _cell(tab, trained_run, 6) == f"{summary['best_val_acc']:.4f}{chance}"
    assert _cell(tab, trained_run, 7) == f"{summary['test_acc']:.4f}{chance}"
    assert _cell(tab, trained_run, 9) == "CPU" and _cell(tab, trained_run, 10) == "completed"
    status = _cell(tab, damaged, 10)
    assert status.startswith("damaged") and "summary.json unreadable" in status
    assert "model.keras is damaged" in status


def test_rename_and_delete(ready_window, trained_run, tmp_path):
    tab = ready_window.runs_tab
    other = trained_run.parent / "20990101-000000-other-0000"
    shutil.copytree(trained_run, other)
    tab.refresh()
    assert tab.rename(trained_run, "my best model")
    assert _cell(tab, trained_run, 0) == "my best model"
    assert trained_run.is_dir()  # the folder keeps its name
    assert not tab.rename(trained_run, "   ") and "empty" in tab.message.text()

    assert tab.delete([str(other), str(tmp_path)]) == 1
    assert not other.exists() and tmp_path.exists()
    assert "not a run folder" in tab.message.text()
    assert tab.table.rowCount() == 1


def test_selected_runs_are_overlaid_with_a_legend(ready_window, trained_run):
    tab = ready_window.runs_tab
    second = trained_run.parent / "20990101-000000-second-0000"
    shutil.copytree(trained_run, second)
    RunRecord(second).update_summary(name="second run")
    tab.refresh()
    tab.select_paths([trained_run, second])
    plot = tab.comparison
    assert len(plot.curves["loss"]) == len(plot.curves["acc"]) == 2
    names = {item.name() for item in plot.curves["acc"]}
    assert names == {"second run", "template"}  # the name given at training (run_name)
    x, y = plot.curves["loss"][0].getData()
    history = RunRecord(trained_run).read_history()
    assert list(x) == [1, 2]
    assert sorted(y) == pytest.approx(sorted(r["val_loss"] for r in history), rel=1e-4)
    assert plot.curves["acc"][0].opts["pen"].color() != plot.curves["acc"][1].opts["pen"].color()
    plot.show_train.setChecked(True)
    assert len(plot.curves["loss"]) == 4


def test_the_evaluation_view_filters_the_gallery_and_opens_images(ready_window, trained_run, qtbot):
    window = ready_window
    view = window.evaluation_view
    window.show_evaluation(str(trained_run))
    qtbot.waitUntil(lambda: view.stored is not None, timeout=30_000)
    confusion = np.array(RunRecord(trained_run).read_summary()["evaluation"]["confusion_matrix"])
    shown = [[int(view.matrix.item(i, j).text()) for j in range(10)] for i in range(10)]
    assert shown == confusion.tolist()
    assert "test accuracy" in view.title.text()
    mistakes = int(confusion.sum() - np.trace(confusion))
    assert view.gallery.count() == min(mistakes, 300)

    off_diagonal = np.argwhere(confusion * (1 - np.eye(10, dtype=int)) > 0)
    true, predicted = (int(v) for v in off_diagonal[0])
    view.matrix.cellClicked.emit(true, predicted)
    assert view.gallery.count() == confusion[true, predicted]
    for index in view.shown_indices:
        assert view.stored.labels[index] == true
        assert view.stored.probabilities[index].argmax() == predicted

    item = view.gallery.item(0)
    view.gallery.itemClicked.emit(item)
    tab = window.classify_tab
    assert window.tabs.currentWidget() is tab
    qtbot.waitUntil(lambda: tab.analysis is not None, timeout=30_000)
    assert tab.analysis.image.true_index == true
    assert tab.analysis.top_index == predicted  # the same model, the same mistake


def test_evaluate_on_demand_stores_the_figures(ready_window, trained_run, qtbot):
    record = RunRecord(trained_run)
    expected = record.read_summary()["evaluation"]["confusion_matrix"]
    record.update_summary(evaluation=None, test_acc=None)
    (trained_run / "test_predictions.npy").unlink()
    view = ready_window.evaluation_view
    ready_window.show_evaluation(str(trained_run))
    qtbot.waitUntil(lambda: "not been evaluated" in view.title.text(), timeout=30_000)
    view.evaluate_button.click()
    qtbot.waitUntil(lambda: view.stored is not None, timeout=60_000)
    summary = record.read_summary()
    assert summary["evaluation"]["confusion_matrix"] == expected
    assert summary["test_acc"] is not None and view.gallery.count() > 0


def test_export_from_the_runs_tab(ready_window, trained_run, tmp_path, qtbot):
    tab = ready_window.runs_tab
    target = tmp_path / "shared" / "run.zip"
    tab.export(trained_run, target)
    qtbot.waitUntil(lambda: "Exported" in tab.message.text(), timeout=30_000)
    assert target.is_file()
    tab.export(trained_run, tmp_path / "missing-folder" / "x" / "run.zip")
    qtbot.waitUntil(lambda: "Exported" in tab.message.text() and "x" in tab.message.text())


def test_resume_from_the_runs_tab_appends_epochs_live(ready_window, trained_run, qtbot):
    window = ready_window
    window.runs_tab.refresh()
    window.runs_tab.resumeRequested.emit(str(trained_run), 1)
    assert window.worker is not None and window.tabs.currentIndex() == 0
    with qtbot.waitSignal(window.worker.finished, timeout=120_000) as finished:
        pass
    assert finished.args[0].status == "completed"
    qtbot.waitUntil(lambda: window.worker is None)
    window.plots.redraw()
    x, _ = window.plots.loss.val_curve.getData()
    assert list(x) == [1, 2, 3]  # the earlier epochs, then the new one
    assert [r["epoch"] for r in RunRecord(trained_run).read_history()] == [1, 2, 3]


def test_compare_regularisation_trains_three_presets_and_overlays_them(ready_window, qtbot):
    window = ready_window
    window.settings_panel.fields["epochs"].editor.setText("1")
    window.settings_panel.fields["limit_train"].editor.setText("200")
    finished = SignalRecorder()
    window.queue.finished.connect(finished.record)
    window.compare_button.click()
    assert window.queue_panel.isVisible()
    assert [i.state for i in window.queue.items] == ["running", "pending", "pending"]
    assert "pending" in window.queue_panel.list.item(1).text()
    qtbot.waitUntil(lambda: bool(finished), timeout=300_000)

    items = finished.values[0]
    assert [i.state for i in items] == ["completed"] * 3
    presets = [json.loads((RunRecord(i.run_dir).path / "config.json").read_text())["settings"]
               for i in items]  # fmt: skip
    assert [p["preset"] for p in presets] == ["plain", "l2", "dropout"]
    assert len({json.dumps({k: v for k, v in p.items() if k not in ("preset", "run_name")})
                for p in presets}) == 1  # otherwise identical  # fmt: skip
    assert window.tabs.currentWidget() is window.runs_tab
    assert sorted(window.runs_tab.selected_paths()) == sorted(i.run_dir for i in items)
    assert len(window.runs_tab.comparison.curves["loss"]) == 3


def test_the_queue_can_be_cancelled(ready_window, qtbot):
    window = ready_window
    window.settings_panel.fields["epochs"].editor.setText("1")
    window.settings_panel.fields["limit_train"].editor.setText("200")
    window.compare_button.click()
    window.queue_panel.cancel_button.click()
    assert [i.state for i in window.queue.items] == ["running", "cancelled", "cancelled"]
    qtbot.waitUntil(lambda: not window.queue.active and window.worker is None, timeout=120_000)
    assert window.queue.items[0].state == "completed"
    assert len([p for p in window.runs_dir().iterdir() if not p.name.startswith(".")]) == 1
