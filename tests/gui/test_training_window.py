"""Training from the window: Start, live plots, Pause, Stop, and closing mid-run."""

from __future__ import annotations

import json
import time
from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from cifar_gui.run_store.record import RunRecord

from .recorder import SignalRecorder

pytestmark = pytest.mark.slow


def _click(qtbot, button):
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def _start(window, qtbot, epochs: int):
    """Click Start for ``epochs`` epochs; returns the worker and a recorder of its batches."""
    window.settings_panel.fields["epochs"].editor.setText(str(epochs))
    _click(qtbot, window.start_button)
    batches = SignalRecorder()
    window.worker.batchProgress.connect(batches.record)
    return window.worker, batches


def test_a_run_from_start_to_plotted_epochs(ready_window, qtbot):
    window = ready_window
    epochs, batches = SignalRecorder(), SignalRecorder()
    _click(qtbot, window.start_button)
    worker = window.worker
    assert worker is not None
    worker.epochFinished.connect(epochs.record)
    worker.batchProgress.connect(batches.record)
    assert not window.start_button.isEnabled() and window.stop_button.isEnabled()
    assert not window.settings_panel.fields["epochs"].editor.isEnabled()  # locked mid-run
    with qtbot.waitSignal(worker.finished, timeout=180_000) as finished:
        pass
    result = finished.args[0]
    assert result.status == "completed", result.summary
    qtbot.waitUntil(lambda: window.worker is None)
    window.plots.redraw()

    # One point per finished epoch on both panels, matching the run folder.
    history = RunRecord(result.run_dir).read_history()
    assert len(epochs) == len(history) == 2
    x, y = window.plots.loss.val_curve.getData()
    assert list(x) == [1, 2]
    assert list(y) == pytest.approx([row["val_loss"] for row in history], rel=1e-4)
    _, acc = window.plots.acc.train_curve.getData()
    assert list(acc) == pytest.approx([row["acc"] for row in history], rel=1e-4)
    # The faint per-batch line moved within the first epoch.
    batch_x, _ = window.plots.loss.batch_curve.getData()
    assert len(batch_x) == len(batches) > 0 and min(batch_x) < 1
    assert window.plots.best_epoch is not None and window.plots.loss.best_line.isVisible()
    assert window.progress.overall_bar.value() == window.progress.overall_bar.maximum()
    assert "test accuracy" in window.statusBar().currentMessage()
    assert (
        window.start_button.isEnabled()
        and window.settings_panel.fields["epochs"].editor.isEnabled()
    )


@pytest.mark.real_model  # a click lands mid-epoch only if batches take a while
def test_stop_mid_epoch_keeps_the_finished_epoch(ready_window, qtbot):
    window = ready_window
    worker, batches = _start(window, qtbot, epochs=5)
    qtbot.waitUntil(lambda: any(p.epoch == 2 for p in batches.values), timeout=180_000)
    with qtbot.waitSignal(worker.finished, timeout=30_000) as finished:
        _click(qtbot, window.stop_button)
    result = finished.args[0]
    assert result.status == "stopped"
    assert [row["epoch"] for row in RunRecord(result.run_dir).read_history()] == [1]
    summary = json.loads((Path(result.run_dir) / "summary.json").read_text())
    assert summary["status"] == "stopped" and summary["epochs_completed"] == 1
    assert (Path(result.run_dir) / "model.keras").is_file()
    assert len(window.plots.epochs) == 1
    assert "Stopped after 1 finished epoch" in window.statusBar().currentMessage()


@pytest.mark.real_model  # a click lands mid-epoch only if batches take a while
def test_pause_holds_training_until_resumed(ready_window, qtbot):
    window = ready_window
    worker, batches = _start(window, qtbot, epochs=1)
    qtbot.waitUntil(lambda: bool(batches), timeout=180_000)
    with qtbot.waitSignal(worker.pausedChanged, timeout=10_000) as paused:
        _click(qtbot, window.pause_button)
    assert paused.args == [True] and window.pause_button.text() == "Resume"
    qtbot.wait(200)  # let a batch signal already queued arrive
    count = len(batches)
    qtbot.wait(700)
    assert len(batches) == count  # nothing trains while paused
    with qtbot.waitSignal(worker.finished, timeout=120_000) as finished:
        _click(qtbot, window.pause_button)
    assert finished.args[0].status == "completed"


def test_closing_mid_run_stops_and_saves_the_run(ready_window, qtbot, confirm_dialogs):
    window = ready_window
    worker, batches = _start(window, qtbot, epochs=20)
    thread, started = window.worker_thread, SignalRecorder()
    worker.runStarted.connect(started.record)
    qtbot.waitUntil(lambda: bool(batches), timeout=180_000)
    t0 = time.monotonic()
    window.close()
    closed_in = time.monotonic() - t0
    assert confirm_dialogs and "Stop the training" in confirm_dialogs[0]
    assert not thread.isRunning()
    assert closed_in < 10  # generous bound against a hang; the benchmark measures the real time
    summary = json.loads((Path(started.values[0].run_dir) / "summary.json").read_text())
    assert summary["status"] == "stopped"


def test_a_failed_run_is_reported_in_a_dialog(ready_window, qtbot):
    window = ready_window
    window.settings_panel.fields["optimizer"].write("sgd")
    window.settings_panel.fields["learning_rate"].editor.setText("10000")
    _click(qtbot, window.start_button)
    with qtbot.waitSignal(window.worker.finished, timeout=180_000) as finished:
        pass
    assert finished.args[0].status == "failed"
    qtbot.waitUntil(lambda: hasattr(window, "error_box") and window.error_box.isVisible())
    assert "diverged" in window.error_box.text()
