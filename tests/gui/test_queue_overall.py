"""UX QA findings (2026-11-30): during a sweep the Overall bar and the ETA covered only the run
training now ("100% (2 / 2 epochs)", "ETA 0:00" with run 2 still to come); the Sweeps tab's
learning-rate axis read as linear. Checked on the widgets with a fake clock, no TensorFlow."""

from __future__ import annotations

import math
import types

from cifar_gui.progress import BatchProgress, RunStarted


def _started(epochs=2, steps=10, history=()):
    return RunStarted("/runs/x", {"epochs": epochs}, ("a", "b"), 2100, 300, 100, steps, "CPU",
                      tuple(history))  # fmt: skip


def _batch(epoch, step, steps=10):
    return BatchProgress(epoch, step, steps, 1.0, 0.5, 100.0)


def test_overall_and_the_eta_cover_every_run_of_the_queue(panel, clock):
    from cifar_gui.gui.queue_progress import QueuePlan

    panel.set_queue(QueuePlan(run=1, runs=2, epochs_before=0, epochs_after=2))
    panel.reset(2, 0.001)
    assert panel.overall_bar.text() == "run 1 of 2: 0% (0 / 4 epochs)"
    clock.now += 30  # building the model: not part of the rate
    panel.run_started(_started())
    clock.now += 20
    panel.batch(_batch(2, 10))  # run 1's 20 steps in 20 s: 10 s an epoch
    assert panel.overall_bar.text() == "run 1 of 2: 50% (1 / 4 epochs)"
    assert panel.eta_label.text() == "ETA 0:20"  # run 2's two epochs, not "ETA 0:00"
    panel.stop()  # run 1 ends (evaluating on the test set): run 2 is still to come
    assert panel.overall_bar.text() == "run 1 of 2: 50% (1 / 4 epochs)"
    assert panel.eta_label.text() == "ETA 0:20"

    panel.set_queue(QueuePlan(run=2, runs=2, epochs_before=2, epochs_after=0))
    panel.reset(2, 0.0003)
    assert panel.overall_bar.text() == "run 2 of 2: 50% (2 / 4 epochs)"  # not back to 0
    assert panel.eta_label.text() == "ETA 0:20"  # from run 1's rate, before run 2's batches
    clock.now += 40
    panel.run_started(_started())
    clock.now += 16
    panel.batch(_batch(1, 10))  # run 2 is slower: 16 s for its first epoch
    assert panel.overall_bar.text() == "run 2 of 2: 75% (2 / 4 epochs)"
    assert panel.eta_label.text() == "ETA 0:12"  # (20 + 16) s / 3 epochs x 1 epoch left
    panel.stop()
    assert panel.eta_label.text() == ""  # nothing left


def test_runs_added_while_one_trains_count_and_a_single_run_is_unchanged(panel, clock):
    from cifar_gui.gui.queue_progress import QueuePlan

    panel.set_queue(QueuePlan(run=1, runs=2, epochs_before=0, epochs_after=3))
    panel.reset(3)
    panel.run_started(_started(epochs=3))
    clock.now += 10
    panel.batch(_batch(1, 10))
    assert panel.overall_bar.text() == "run 1 of 2: 16% (0 / 6 epochs)"
    panel.set_queue(QueuePlan(run=1, runs=3, epochs_before=0, epochs_after=7))  # Add runs
    assert panel.overall_bar.text() == "run 1 of 3: 10% (0 / 10 epochs)"
    panel.set_queue(QueuePlan(1, 3, 0, 7, paused=True))  # Pause queue: the others wait
    clock.now += 10
    panel.batch(_batch(2, 10))
    assert panel.overall_bar.text() == "run 1 of 3: 20% (1 / 10 epochs)"
    assert panel.eta_label.text() == "ETA 0:10"  # this run's last epoch only
    panel.stop()
    assert panel.eta_label.text() == "ETA — (queue paused)"
    panel.set_queue(None)  # the queue ended: a run alone reads as before
    panel.reset(2)
    assert panel.overall_bar.text() == "0 / 2 epochs"
    assert panel.eta_label.text() == "ETA —"  # the queue's rate is not this run's
    panel.run_started(_started(epochs=2))
    clock.now += 5
    panel.batch(_batch(1, 10))
    assert panel.overall_bar.text() == "50% (0 / 2 epochs)"
    assert panel.eta_label.text() == "ETA 0:05"


def test_the_plan_counts_each_runs_epochs(qtbot):
    from cifar_gui.config import TrainConfig
    from cifar_gui.gui.queue_progress import QueuePlan, queue_plan
    from cifar_gui.gui.run_queue import QueuedRun

    def run(epochs, state, trained=None):
        return QueuedRun("x", TrainConfig(epochs=epochs), state, None, trained)

    items = [run(5, "failed", trained=1), run(3, "completed"), run(2, "running"),
             run(4, "pending"), run(9, "cancelled")]  # fmt: skip
    assert queue_plan(items, items[2]) == QueuePlan(3, 5, 1 + 3, 4)


def _fake_training(window, monkeypatch):
    """Start records the run and says it starts, as the controller does, without training."""
    started = []

    def start_run(config, **_kwargs):
        started.append(config)
        window.controller.runStarting.emit(config)
        window.controller.worker = object()

    monkeypatch.setattr(window.controller, "start_run", start_run)
    return started


def _ended(window, run_dir, epochs):
    result = types.SimpleNamespace(status="completed", run_dir=run_dir,
                                   summary={"epochs_completed": epochs})  # fmt: skip
    window.controller._worker_finished(result)


def test_a_sweep_in_the_window_shows_the_whole_sweeps_epochs(make_window, monkeypatch, tmp_path):
    window = make_window(load_tensorflow_now=False)
    window.tensorflow = object()  # as if loaded
    fields = window.settings_panel.fields
    fields["epochs"].editor.setText("2")
    fields["learning_rate"].editor.setText("1e-3, 3e-4")
    assert window.start_button.text() == "Start 2 runs"
    assert window.progress.overall_bar.text() == "0 / 4 epochs in 2 runs"  # was "0 / 2 epochs"
    fields["epochs"].editor.setText("2, 3")  # each run its own epochs
    assert window.progress.overall_bar.text() == "0 / 10 epochs in 4 runs"
    fields["epochs"].editor.setText("2")

    started = _fake_training(window, monkeypatch)
    window.start_training()
    assert len(started) == 1
    bar = window.progress.overall_bar
    assert bar.text() == "run 1 of 2: 0% (0 / 4 epochs)"
    window._run_started(_started(epochs=2, steps=10))
    window.progress.batch(_batch(2, 10))
    assert bar.text() == "run 1 of 2: 50% (1 / 4 epochs)"
    window.queue_panel.pause_button.click()
    assert window.progress.queue.paused  # the panel's ETA waits for no other run
    window.queue_panel.pause_button.click()
    assert not window.progress.queue.paused
    _ended(window, str(tmp_path / "one"), 2)
    assert window.progress.eta_label.text().startswith("ETA ")  # run 2's, not ""
    # Run 1 ended with its 2 epochs (N4: Overall counts the epochs the run finished)
    assert bar.text() == "run 1 of 2: 50% (2 / 4 epochs)"  # not "100% (2 / 2 epochs)"
    window.controller.worker = None
    window.controller._thread_finished()  # run 2 starts
    assert len(started) == 2
    assert bar.text() == "run 2 of 2: 50% (2 / 4 epochs)"  # not back to 0
    window._run_started(_started(epochs=2, steps=10))
    window.progress.batch(_batch(2, 10))
    assert bar.text() == "run 2 of 2: 100% (3 / 4 epochs)"
    _ended(window, str(tmp_path / "two"), 2)
    window.controller.worker = None
    window.controller._thread_finished()
    assert window.progress.queue is None  # the queue ended; the bar keeps its last figures
    assert bar.text() == "run 2 of 2: 100% (4 / 4 epochs)"


def test_a_learning_rate_axis_is_logarithmic_and_ticks_at_the_swept_values(qtbot, tmp_path):
    from cifar_gui.gui.sweep_plots import SweepPlots, log_ticks
    from cifar_gui.sweep.results import SweepRow, SweepTable

    rows = [SweepRow(1, {"learning_rate": 1e-3}, tmp_path / "a", "completed", 0.10, 0.1, 9.0),
            SweepRow(2, {"learning_rate": 3e-4}, tmp_path / "b", "completed", 0.12, 0.1, 7.0)]  # fmt: skip
    plots = SweepPlots()
    qtbot.addWidget(plots)
    plots.show_table(SweepTable("sweep-x", ["learning_rate"], rows), "learning_rate")
    axis = plots.scatter.getAxis("bottom")
    assert axis.labelText == "Learning rate (log scale)"
    labelled, marks = axis._tickLevels
    assert [(round(x, 6), text) for x, text in labelled] == [
        (round(math.log10(3e-4), 6), "0.0003"), (-3.0, "0.001")]  # fmt: skip
    assert all(text == "" for _, text in marks)  # unlabelled 1..9 x 10^k marks
    assert round(math.log10(5e-4), 6) in [round(x, 6) for x, _ in marks]
    # Many values (a random search): 1, 2 and 5 times each power of ten are labelled.
    many = [1.1e-4 * 1.5**i for i in range(10)]
    assert [text for _, text in log_ticks("learning_rate", many)[0]] == [
        "0.0001", "0.0002", "0.0005", "0.001", "0.002", "0.005"]  # fmt: skip
    parallel_names = [name for _, name in plots.parallel.plot.getAxis("bottom")._tickLevels[0]]
    assert parallel_names == ["Learning rate (log scale)", "Best val acc"]


def test_a_preset_sweep_plans_each_presets_own_epochs(make_window):
    """The "fast" and "modern" recipes bring 10 and 15 epochs; the reference trains 30."""
    window = make_window(load_tensorflow_now=False)
    panel = window.settings_panel
    panel.set_choice_sweep("preset", ("dropout", "modern", "fast"))
    panel.fields["learning_rate"].editor.setText("1e-3, 3e-4")
    assert panel.planned_epochs() == [30, 30, 15, 15, 10, 10]
    assert panel.planned_epochs() == [run.config.epochs for run in panel.sweep_runs("x")]
    assert window.progress.overall_bar.text() == "0 / 110 epochs in 6 runs"


def test_a_queued_run_refused_before_its_first_epoch_counts_none(make_window, monkeypatch):
    window = make_window(load_tensorflow_now=False)
    window.tensorflow = object()  # as if loaded
    window.settings_panel.fields["epochs"].editor.setText("3")
    window.settings_panel.fields["learning_rate"].editor.setText("1e-3, 3e-4")
    _fake_training(window, monkeypatch)
    window.start_training()
    window.controller._worker_errored("The data cannot be read.", "")
    assert window.queue.items[0].epochs_trained == 0
    window.controller.worker = None
    window.controller._thread_finished()  # run 2 starts
    assert window.progress.overall_bar.text() == "run 2 of 2: 0% (0 / 3 epochs)"
    window.controller._worker_errored("The data cannot be read.", "")
    window.controller.worker = None
    window.controller._thread_finished()
