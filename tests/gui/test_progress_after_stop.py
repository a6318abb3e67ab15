"""QA pass 3, N4: after Stop in epoch 3 of 6 (2 finished) Overall read "45% (2 / 6 epochs)",
counting the discarded epoch's batches, and the Epoch bar still read "epoch 3: 8 / 11 steps".
The same after a NaN-loss failure, a run refused before its first batch, in a queue, and in
the sweep queue's header after a Stop. Checked on the widgets with a fake clock."""

from __future__ import annotations

import types

from cifar_gui.progress import BatchProgress, RunStarted


def _started(epochs=6, steps=11):
    return RunStarted("/runs/x", {"epochs": epochs}, ("a", "b"), 500, 100, 100, steps, "CPU")


def _train_to(panel, clock, epoch, step, steps=11):
    """Batches up to ``step`` of ``epoch``, each shown (the clock moves past the throttle)."""
    for e in range(1, epoch + 1):
        for s in range(1, (step if e == epoch else steps) + 1):
            clock.now += 1
            panel.batch(BatchProgress(e, s, steps, 1.0, 0.5, 100.0))


def test_a_stop_in_epoch_3_of_6_reads_33_percent_and_discards_the_epoch(panel, clock):
    panel.reset(6, 0.001)
    panel.run_started(_started())
    _train_to(panel, clock, 3, 8)
    assert panel.overall_bar.text() == "45% (2 / 6 epochs)"  # during the epoch: right
    panel.finish("stopped", 2)
    assert panel.overall_bar.text() == "33% (2 / 6 epochs)"
    assert panel.epoch_bar.text() == "epoch 3 stopped unfinished: discarded"
    assert panel.eta_label.text() == ""
    assert panel.speed_label.text() == "— images/s"


def test_a_nan_loss_failure_counts_the_finished_epochs_only(panel, clock):
    panel.reset(6, 0.001)
    panel.run_started(_started())
    _train_to(panel, clock, 2, 3)
    panel.finish("failed", 1)
    assert panel.overall_bar.text() == "16% (1 / 6 epochs)"
    assert panel.epoch_bar.text() == "epoch 2 failed unfinished: discarded"


def test_a_run_refused_before_its_first_batch_waits_for_nothing(panel, clock):
    panel.reset(6, 0.001)
    assert panel.epoch_bar.text() == "waiting for the first batch"
    panel.finish("failed", 0)
    assert panel.epoch_bar.text() == ""
    assert panel.overall_bar.text() == "0% (0 / 6 epochs)"


def test_a_completed_run_keeps_its_full_bars(panel, clock):
    panel.reset(2, 0.001)
    panel.run_started(_started(epochs=2))
    _train_to(panel, clock, 2, 11)
    panel.finish("completed", 2)
    assert panel.overall_bar.text() == "100% (2 / 2 epochs)"
    assert panel.epoch_bar.text() == "epoch 2: 11 / 11 steps"


def test_a_stopped_queue_run_counts_its_finished_epochs_only(panel, clock):
    from cifar_gui.gui.queue_progress import QueuePlan

    panel.set_queue(QueuePlan(run=2, runs=3, epochs_before=6, epochs_after=6))
    panel.reset(6, 0.001)
    panel.run_started(_started())
    _train_to(panel, clock, 3, 8)
    panel.set_queue(QueuePlan(run=2, runs=3, epochs_before=6, epochs_after=0))  # Stop cancels
    panel.finish("stopped", 2)
    assert panel.overall_bar.text() == "run 2 of 3: 66% (8 / 12 epochs)"
    assert panel.epoch_bar.text() == "epoch 3 stopped unfinished: discarded"
    assert panel.eta_label.text() == ""


def test_the_window_shows_a_stopped_runs_finished_epochs(make_window, tmp_path, clock):
    window = make_window(load_tensorflow_now=False)
    window.progress.reset(6, 0.001)
    window.progress.run_started(_started())
    _train_to(window.progress, clock, 3, 8)
    result = types.SimpleNamespace(
        status="stopped", summary={"epochs_completed": 2}, run_dir=tmp_path / "run"
    )
    window._run_finished(result)
    assert window.progress.overall_bar.text() == "33% (2 / 6 epochs)"
    assert window.statusBar().currentMessage().startswith("Stopped after 2 finished epochs")


def test_the_sweep_header_says_the_queue_ended_after_a_stop(make_window, monkeypatch):
    window = make_window(load_tensorflow_now=False)
    monkeypatch.setattr(window.controller, "start_run", lambda config, **kw: True)
    window.settings_panel.fields["learning_rate"].editor.setText("1e-3, 1e-4, 1e-5")
    window.start_sweep()
    queue, panel = window.queue, window.queue_panel
    queue.cancel_pending()  # what Stop does to the runs not started
    queue.mark_finished("stopped", None)
    assert panel.title.text().endswith(": ended, 0 of 3 runs completed")  # not "0 runs left"
