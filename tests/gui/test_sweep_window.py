"""Sweeps in the window (issue 16): lists in the settings, Start's count, the persisted queue."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from cifar_gui.config import TrainConfig
from cifar_gui.run_store.record import RunRecord
from cifar_gui.sweep import SweepSpec, expand, parse_axis
from cifar_gui.sweep.queue import SweepQueue, unfinished_sweeps


def _type(window, **texts):
    for name, text in texts.items():
        window.settings_panel.fields[name].editor.setText(text)


def test_lists_make_start_count_runs_and_the_panel_lists_them(make_window):
    window = make_window(load_tensorflow_now=False)
    panel = window.settings_panel
    assert window.start_button.text() == "Start"
    _type(window, learning_rate="1e-3, 3e-4, 1e-4", dropout_rate="0.2, 0.5")
    assert window.start_button.text() == "Start 6 runs"
    assert panel.count_label.text() == "6 runs:"
    assert [panel.preview.item(i).text() for i in (0, 1, 5)] == [
        "1. Dropout rate = 0.2, Learning rate = 0.001",
        "2. Dropout rate = 0.2, Learning rate = 0.0003",
        "6. Dropout rate = 0.5, Learning rate = 0.0001",
    ]
    assert panel.config().learning_rate == 1e-3  # one run's settings: the first values
    panel.choice_boxes["preset"]["plain"].setChecked(True)
    panel.choice_boxes["preset"]["l2"].setChecked(True)
    assert window.start_button.text() == "Start 12 runs"
    assert not panel.fields["preset"].editor.isEnabled()  # the ticks decide the preset
    panel.random_check.setChecked(True)
    panel.random_count.setValue(5)
    assert window.start_button.text() == "Start 5 runs"


def test_a_bad_list_says_why_beside_its_field(make_window):
    window = make_window(load_tensorflow_now=False)
    panel = window.settings_panel
    _type(window, learning_rate="1e-3, fast")
    assert panel.problems() == {"learning_rate": "'fast' is not a number"}
    assert panel.fields["learning_rate"].error.text() == "'fast' is not a number"
    assert window.start_button.text() == "Start"
    _type(window, learning_rate="1e-4..1e-2")
    assert panel.problems() == {"learning_rate": "a range (low..high) needs random search"}
    panel.random_check.setChecked(True)
    assert panel.problems() == {} and window.start_button.text() == "Start 8 runs"


def _fake_trainer(window, monkeypatch):
    started = []
    monkeypatch.setattr(
        window.controller, "start_run", lambda config, **kw: started.append((config, kw))
    )
    return started


def test_a_closed_window_offers_the_sweeps_runs_left(make_window, monkeypatch, tmp_path):
    runs_dir = tmp_path / "runs"
    first = make_window(load_tensorflow_now=False)
    monkeypatch.setattr(type(first), "runs_dir", lambda self: runs_dir)
    started = _fake_trainer(first, monkeypatch)
    _type(first, learning_rate="1e-3, 1e-4", dropout_rate="0.2, 0.5")
    first.start_sweep()
    assert [i.state for i in first.queue.items] == ["running", "pending", "pending", "pending"]
    assert started[0][0].learning_rate == 1e-3 and started[0][1] == {"resume_dir": None}
    first.queue.mark_finished("completed", None)
    first.close()  # the window closes with three runs left
    [left] = unfinished_sweeps(runs_dir)
    assert [i.state for i in left.items] == ["completed", "pending", "pending", "pending"]

    second = make_window(load_tensorflow_now=False)
    started = _fake_trainer(second, monkeypatch)
    second.offer_interrupted_runs()
    assert "has 3 of its 4 runs still to train" in second.sweep_offer.text()
    second.sweep_offer_button.click()
    assert [i.state for i in second.queue.items] == ["completed", "running", "pending", "pending"]
    config = started[0][0]
    assert (config.dropout_rate, config.learning_rate, config.sweep_id) == (
        0.2, 1e-4, left.sweep_id)  # fmt: skip
    assert ": 2 runs left" in second.queue_panel.title.text()


def _fake_sweep_runs(runs_dir, figures):
    """A finished 2x2 sweep on disk: queue file, run folders, summaries and histories."""
    spec = SweepSpec((parse_axis("learning_rate", "1e-3, 1e-4"), parse_axis("preset", "plain, l2")))
    runs = expand(TrainConfig(data="demo", runs_dir=str(runs_dir)), spec.combinations(), "sweep-g")
    queue = SweepQueue.create(runs_dir, runs, spec.fields, "grid")
    for item, (val, test, seconds) in zip(queue.items, figures, strict=True):
        record = RunRecord.create(runs_dir, item.settings["run_name"])
        record.write_config({"settings": item.settings})
        record.write_history([{"epoch": 1, "val_acc": val / 2}, {"epoch": 2, "val_acc": val}])
        record.write_summary({"status": "completed", "best_val_acc": val, "test_acc": test,
                              "duration_seconds": seconds})  # fmt: skip
        queue.mark_finished(item, "completed", str(record.path))
    return queue


def test_the_sweep_table_and_plots_show_each_runs_summary(make_window, tmp_path):
    window = make_window(load_tensorflow_now=False)
    runs_dir = window.runs_dir()
    figures = [(0.31, 0.30, 61.0), (0.52, 0.50, 75.0), (0.44, 0.41, 59.0), (0.12, 0.10, 80.0)]
    _fake_sweep_runs(runs_dir, figures)
    window.tabs.setCurrentWidget(window.sweep_view)
    view = window.sweep_view
    assert view.chooser.currentData() == "sweep-g"
    rows = view.row_values()
    assert [(r["#"], r["Preset"], r["Learning rate"]) for r in rows] == [
        ("1", "plain", "0.001"), ("2", "plain", "0.0001"), ("3", "l2", "0.001"), ("4", "l2", "0.0001")]  # fmt: skip
    for r in range(4):
        run_dir = Path(view.table.item(r, 0).data(Qt.ItemDataRole.UserRole))
        summary = json.loads((run_dir / "summary.json").read_text())
        assert rows[r]["Best val acc"] == f"{summary['best_val_acc']:.4f}"
        assert rows[r]["Test acc"] == f"{summary['test_acc']:.4f}"
    assert [r["Time"] for r in rows] == ["1:01", "1:15", "0:59", "1:20"]
    assert view.table.item(1, 0).font().bold() and not view.table.item(0, 0).font().bold()

    view.table.sortItems(4, order=Qt.SortOrder.DescendingOrder)
    assert [(r["#"], r["Best val acc"]) for r in view.row_values()] == [
        ("2", "0.5200"), ("3", "0.4400"), ("1", "0.3100"), ("4", "0.1200")]  # rows kept whole  # fmt: skip

    assert view.colour_by.currentData() == "preset"
    plots = view.plots
    assert sorted(plots.points) == sorted([(0.0, 0.31), (0.0, 0.52), (1.0, 0.44), (1.0, 0.12)])
    assert list(plots.curves[2].getData()[1]) == [0.26, 0.52]  # run 2's history.csv
    assert plots.colours["plain"] != plots.colours["l2"]
    view.colour_by.setCurrentIndex(view.colour_by.findData("learning_rate"))
    assert sorted(plots.points) == sorted([(1e-3, 0.31), (1e-4, 0.52), (1e-3, 0.44), (1e-4, 0.12)])
    assert plots.scatter.getPlotItem().ctrl.logXCheck.isChecked()  # rates on a log axis

    # Parallel coordinates: preset (plain bottom, l2 top), learning rate (log), best accuracy.
    assert plots.views.currentWidget() is plots.parallel  # two settings swept: all at once
    lines = plots.parallel.lines
    assert lines[1] == pytest.approx([0.0, 1.0, (0.31 - 0.12) / 0.40])
    assert lines[2] == pytest.approx([0.0, 0.0, 1.0])
    assert lines[4] == pytest.approx([1.0, 0.0, 0.0])

    csv_path = tmp_path / "sweep.csv"
    assert view.export_csv(csv_path)
    lines = csv_path.read_text().splitlines()
    assert (
        lines[0] == "run,preset,learning_rate,status,best_val_acc,test_acc,duration_seconds,run_dir"
    )
    assert lines[2].startswith("2,plain,0.0001,completed,0.52,0.5,75.0,")

    window.tabs.setCurrentWidget(window.runs_tab)
    runs_tab = window.runs_tab
    other = RunRecord.create(runs_dir, "single")
    other.write_config({"settings": {"preset": "dropout"}})
    other.write_summary({"status": "completed"})
    runs_tab.refresh()
    table = runs_tab.table

    def visible():
        rows = range(table.rowCount())
        return sorted(table.item(r, 0).text() for r in rows if not table.isRowHidden(r))

    assert len(visible()) == 5
    runs_tab.sweep_filter.setCurrentIndex(runs_tab.sweep_filter.findData("sweep-g"))
    assert len(visible()) == 4 and not any("single" in name for name in visible())


def test_the_queue_pauses_extends_and_cancels(make_window, monkeypatch):
    window = make_window(load_tensorflow_now=False)
    started = _fake_trainer(window, monkeypatch)
    _type(window, learning_rate="1e-3, 1e-4")
    window.start_sweep()
    queue, panel = window.queue, window.queue_panel
    panel.pause_button.click()  # the first run goes on; the second must wait
    assert queue.paused and panel.pause_button.text() == "Resume queue"
    assert "paused, 1 run left" in panel.title.text()
    queue.mark_finished("completed", None)
    window.controller.start_next_queued()  # what happens when a run's thread ends
    assert len(started) == 1 and [i.state for i in queue.items] == ["completed", "pending"]

    _type(window, learning_rate="3e-5", dropout_rate="0.1, 0.3")
    panel.extend_button.click()  # adds what the settings now describe
    on_disk = SweepQueue.load(queue.persisted.folder)
    assert [i.index for i in on_disk.items] == [1, 2, 3, 4]
    assert [i.combination for i in on_disk.items[2:]] == [
        {"dropout_rate": 0.1}, {"dropout_rate": 0.3}]  # fmt: skip
    assert on_disk.items[2].config().learning_rate == 3e-5
    assert on_disk.swept == ["learning_rate", "dropout_rate"]

    panel.pause_button.click()  # resume: the next run starts at once
    assert len(started) == 2 and started[1][0].learning_rate == 1e-4
    panel.cancel_button.click()
    assert [i.state for i in SweepQueue.load(queue.persisted.folder).items] == [
        "completed", "running", "cancelled", "cancelled"]  # fmt: skip
    assert panel.title.text().endswith(": the last run is training")  # not "0 runs left"
    queue.mark_finished("completed", None)
    assert not queue.active and unfinished_sweeps(window.runs_dir()) == []


@pytest.mark.slow
def test_a_2x2_sweep_trains_from_the_window_and_its_table_matches_summary_json(ready_window, qtbot):
    window = ready_window
    _type(
        window, epochs="1", limit_train="200", learning_rate="1e-3, 1e-4", dropout_rate="0.2, 0.5"
    )
    assert window.start_button.text() == "Start 4 runs"
    finished = []
    window.queue.finished.connect(finished.append)
    window.start_button.click()
    qtbot.waitUntil(lambda: bool(finished), timeout=600_000)
    assert [i.state for i in finished[0]] == ["completed"] * 4
    assert window.tabs.currentWidget() is window.sweep_view
    view = window.sweep_view
    rows = view.row_values()
    assert [(r["Dropout rate"], r["Learning rate"]) for r in rows] == [
        ("0.2", "0.001"), ("0.2", "0.0001"), ("0.5", "0.001"), ("0.5", "0.0001")]  # fmt: skip
    # The best run: the highest best validation accuracy among the runs that learned something
    # (a tiny run may be at chance: then none is best; cifar_gui.chance).
    learned = [r for r in range(4) if not view.current.rows[r].at_chance]
    best = max(learned, key=lambda r: view.current.rows[r].best_val_acc, default=None)
    for r, item in enumerate(finished[0]):
        run_dir = Path(view.table.item(r, 0).data(Qt.ItemDataRole.UserRole))
        assert str(run_dir) == item.run_dir
        summary = json.loads((run_dir / "summary.json").read_text())
        settings = json.loads((run_dir / "config.json").read_text())["settings"]
        assert settings["sweep_id"] == view.chooser.currentData()
        assert rows[r]["Best val acc"] == f"{summary['best_val_acc']:.4f}"
        assert rows[r]["Test acc"] == f"{summary['test_acc']:.4f}"
        assert view.table.item(r, 0).font().bold() == (r == best)
        history = RunRecord(run_dir).read_history()
        _, y = view.plots.curves[r + 1].getData()
        assert list(y) == [h["val_acc"] for h in history]
    assert unfinished_sweeps(window.runs_dir()) == []


def test_the_sweep_typed_is_not_kept_between_launches_and_reset_clears_it(make_window):
    """UX QA finding: a second launch opened straight into "Start 2 runs" unnoticed. The next
    launch shows one run (each swept field at its first value); the other settings stay."""
    first = make_window(load_tensorflow_now=False)
    _type(first, learning_rate="1e-3, 1e-4", epochs="3")
    first.settings_panel.set_choice_sweep("preset", ("plain", "l2"))
    assert first.start_button.text() == "Start 4 runs"
    first.settings_panel.random_check.setChecked(True)
    assert first.start_button.text() == "Start 8 runs"
    first.close()
    second = make_window(load_tensorflow_now=False)
    panel = second.settings_panel
    assert panel.fields["learning_rate"].editor.text() == "0.001"
    assert panel.fields["epochs"].editor.text() == "3"
    assert second.start_button.text() == "Start"
    assert panel.count_label.text() == "One run (no setting has several values)."
    assert second.progress.overall_bar.text() == "0 / 3 epochs"
    assert not any(box.isChecked() for box in panel.choice_boxes["preset"].values())
    assert not panel.random_check.isChecked()
    _type(second, learning_rate="1e-3, 1e-4")
    second.reset_to_reference()
    assert second.start_button.text() == "Start"


def test_a_run_the_closing_stopped_is_resumed_with_its_sweep(make_window, monkeypatch):
    first = make_window(load_tensorflow_now=False)
    _fake_trainer(first, monkeypatch)
    _type(first, learning_rate="1e-3, 1e-4")
    first.start_sweep()
    running = first.queue.items[0]
    # What the training thread leaves when the window closes mid-run: a folder, a saved model.
    record = RunRecord.create(first.runs_dir(), running.config.run_name)
    record.write_config({"settings": running.config.to_dict()})
    record.write_summary({"status": "stopped"})
    (record.path / "model.keras").write_bytes(b"PK\x05\x06" + bytes(18))
    first.close()
    first.queue.mark_finished("stopped", str(record.path))  # the run's end arrives after closing
    [left] = unfinished_sweeps(first.runs_dir())
    assert [i.state for i in left.items] == ["running", "pending"]

    second = make_window(load_tensorflow_now=False)
    started = _fake_trainer(second, monkeypatch)
    second.offer_interrupted_runs()
    assert "has 2 of its 2 runs still to train" in second.sweep_offer.text()
    second.sweep_offer_button.click()
    config, options = started[0]
    assert options == {"resume_dir": str(record.path)}  # continued, not started again
    assert config.learning_rate == 1e-3


def test_a_queue_file_that_cannot_be_saved_is_said_and_the_sweep_goes_on(make_window, monkeypatch):
    window = make_window(load_tensorflow_now=False)
    started = _fake_trainer(window, monkeypatch)
    _type(window, learning_rate="1e-3, 1e-4")
    window.start_sweep()

    def disk_full(*_args):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(window.queue.persisted, "save", disk_full)
    window.queue.mark_finished("completed", None)
    window.controller.start_next_queued()
    assert len(started) == 2  # the next run still starts
    problem = window.queue_panel.save_problem
    assert problem.isVisible() and "No space left on device" in problem.text()
