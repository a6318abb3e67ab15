"""The training controller without a window: a run starts, reports, stops, fails and queues
through its signals alone (the tiny stand-in model trains; see tests/conftest.py)."""

from __future__ import annotations

import json
import logging
from pathlib import Path

import pytest
from PySide6.QtCore import QObject, QThread, Slot

from cifar_gui.config import TrainConfig
from cifar_gui.gui.training_controller import TrainingController
from cifar_gui.gui.workers import TASK_PRIORITY, TRAINING_PRIORITY
from cifar_gui.run_store.record import RunRecord
from cifar_gui.sweep import expand, new_sweep_id
from cifar_gui.sweep.queue import SweepQueue

from .recorder import SignalRecorder


class Outcomes(QObject):
    """Every signal of one controller, recorded on the GUI thread in the order it came."""

    def __init__(self, controller: TrainingController) -> None:
        super().__init__()
        self.events: list[tuple] = []
        self.batches = SignalRecorder()
        controller.batchProgress.connect(self.batches.record)
        controller.runStarting.connect(lambda config: self.events.append(("starting", config)))
        controller.runStarted.connect(self.started)
        controller.epochFinished.connect(self.epoch)
        controller.pausedChanged.connect(self.paused)
        controller.runFinished.connect(self.finished)
        controller.runFailed.connect(self.failed)
        controller.busyChanged.connect(self.busy)

    @Slot(object)
    def started(self, started):
        self.events.append(("started", started))

    @Slot(object)
    def epoch(self, epoch):
        self.events.append(("epoch", epoch.epoch))

    @Slot(bool)
    def paused(self, paused):
        self.events.append(("paused", paused))

    @Slot(object)
    def finished(self, result):
        self.events.append(("finished", result))

    @Slot(str, str)
    def failed(self, message, details):
        self.events.append(("failed", message, details))

    @Slot(bool)
    def busy(self, busy):
        self.events.append(("busy", busy))

    def kinds(self) -> list[str]:
        return [event[0] for event in self.events if event[0] not in ("epoch", "paused")]

    def first(self, kind: str) -> tuple:
        return next(event for event in self.events if event[0] == kind)

    def ended(self) -> bool:
        return ("busy", False) in self.events


@pytest.fixture
def controller(qtbot):
    owner = TrainingController()
    yield owner
    owner.shutdown()
    if owner.worker_thread is not None:
        assert owner.worker_thread.wait(10_000)


def _config(tmp_path: Path, **changes) -> TrainConfig:
    values = {"data": "demo", "limit_train": 300, "learning_rate": 1e-3, "epochs": 2,
              "runs_dir": str(tmp_path / "runs")}  # fmt: skip
    return TrainConfig(**{**values, **changes})


@pytest.mark.slow  # seconds of training or a TensorFlow subprocess: not in the quick loop
def test_a_run_reports_in_order_and_run_finished_carries_its_result(controller, qtbot, tmp_path):
    outcomes = Outcomes(controller)
    assert controller.start_run(_config(tmp_path))
    assert controller.busy and controller.worker_thread.isRunning()
    assert not controller.start_run(_config(tmp_path))  # one run at a time
    qtbot.waitUntil(outcomes.ended, timeout=180_000)

    assert outcomes.kinds() == ["starting", "busy", "started", "finished", "busy"]
    assert outcomes.events[1] == ("busy", True) and outcomes.events[-1] == ("busy", False)
    started, result = outcomes.first("started")[1], outcomes.first("finished")[1]
    assert result.status == "completed", result.summary
    assert str(result.run_dir) == started.run_dir
    assert [e[1] for e in outcomes.events if e[0] == "epoch"] == [1, 2]
    history = RunRecord(result.run_dir).read_history()
    assert [row["epoch"] for row in history] == [1, 2]
    assert controller.last_result is result
    assert not controller.busy and controller.worker is None and controller.active_run_dir is None
    assert len(outcomes.batches) > 0


def test_stop_ends_the_run_after_its_batch_and_keeps_what_it_finished(controller, qtbot, tmp_path):
    outcomes = Outcomes(controller)
    assert not controller.stop()  # nothing trains yet
    controller.start_run(_config(tmp_path, epochs=500))
    qtbot.waitUntil(lambda: ("epoch", 1) in outcomes.events, timeout=180_000)
    assert controller.stop()
    qtbot.waitUntil(outcomes.ended, timeout=10_000)  # a guard against a hang, not a timing
    result = outcomes.first("finished")[1]
    assert result.status == "stopped"
    summary = json.loads((Path(result.run_dir) / "summary.json").read_text())
    assert summary["status"] == "stopped" and 1 <= summary["epochs_completed"] < 500
    history = RunRecord(result.run_dir).read_history()
    assert [row["epoch"] for row in history] == list(range(1, summary["epochs_completed"] + 1))


@pytest.mark.slow  # seconds of training or a TensorFlow subprocess: not in the quick loop
def test_pause_holds_the_run_and_resume_lets_it_go_on(controller, qtbot, tmp_path):
    outcomes = Outcomes(controller)
    controller.start_run(_config(tmp_path, epochs=500))
    qtbot.waitUntil(lambda: bool(outcomes.batches), timeout=180_000)
    assert controller.set_paused(True)
    qtbot.waitUntil(lambda: ("paused", True) in outcomes.events, timeout=10_000)
    qtbot.wait(200)  # let batch signals already queued arrive
    count = len(outcomes.batches)
    qtbot.wait(500)
    assert len(outcomes.batches) == count  # nothing trains while paused
    assert controller.set_paused(False)
    qtbot.waitUntil(lambda: len(outcomes.batches) > count, timeout=10_000)
    assert ("paused", False) in outcomes.events
    controller.stop()
    qtbot.waitUntil(outcomes.ended, timeout=10_000)
    assert outcomes.first("finished")[1].status == "stopped"


def _explode(config, **_kwargs):
    raise RuntimeError("the disk said no\nsecond line of the message")


def test_a_run_that_cannot_start_emits_run_failed_and_logs_the_traceback(qtbot, caplog):
    controller = TrainingController(training_function=_explode)
    outcomes = Outcomes(controller)
    with caplog.at_level(logging.ERROR, logger="cifar_gui.gui.training_worker"):
        controller.start_run(TrainConfig(data="demo"))
        qtbot.waitUntil(outcomes.ended, timeout=10_000)
    assert outcomes.kinds() == ["starting", "busy", "failed", "busy"]
    _, message, details = outcomes.first("failed")
    assert message == "the disk said no"  # one line: the rest is in the details and the log
    assert "RuntimeError" in details and "_explode" in details
    record = next(r for r in caplog.records if r.exc_info is not None)
    assert record.exc_info[0] is RuntimeError
    assert controller.last_result is None and not controller.busy
    controller.shutdown()


def test_a_refused_real_run_fails_with_its_reason(controller, qtbot, tmp_path, caplog):
    outcomes = Outcomes(controller)
    missing = tmp_path / "no-such-folder"
    with caplog.at_level(logging.ERROR, logger="cifar_gui.gui.training_worker"):
        controller.start_run(_config(tmp_path, data=str(missing)))
        qtbot.waitUntil(outcomes.ended, timeout=180_000)
    _, message, _details = outcomes.first("failed")
    assert "no-such-folder" in message and "\n" not in message
    assert any(r.exc_info is not None for r in caplog.records)
    assert "finished" not in outcomes.kinds()
    assert not (tmp_path / "runs").exists() or not any((tmp_path / "runs").iterdir())


@pytest.mark.slow  # seconds of training or a TensorFlow subprocess: not in the quick loop
def test_a_queue_trains_its_runs_one_after_the_other(controller, qtbot, tmp_path):
    outcomes, ended = Outcomes(controller), SignalRecorder()
    controller.queue.finished.connect(ended.record)
    base = _config(tmp_path, epochs=1)
    runs = expand(base, [{"learning_rate": 1e-3}, {"learning_rate": 1e-4}], new_sweep_id())
    controller.start_sweep(SweepQueue.create(base.runs_dir, runs, ["learning_rate"], "grid"))
    assert [item.state for item in controller.queue.items] == ["running", "pending"]
    qtbot.waitUntil(lambda: bool(ended), timeout=300_000)
    assert [item.state for item in ended.values[0]] == ["completed", "completed"]
    assert [item.epochs_trained for item in ended.values[0]] == [1, 1]  # the window's Overall
    results = [e[1] for e in outcomes.events if e[0] == "finished"]
    configs = [TrainConfig.load(Path(r.run_dir) / "config.json") for r in results]
    assert [c.learning_rate for c in configs] == [1e-3, 1e-4]
    qtbot.waitUntil(lambda: outcomes.events.count(("busy", False)) == 2, timeout=10_000)
    assert outcomes.kinds().count("starting") == 2 and not controller.busy


def test_the_training_thread_runs_above_the_helper_tasks(qtbot, tmp_path):
    seen = []

    def record_priority(config, **_kwargs):
        seen.append(QThread.currentThread().priority())
        raise RuntimeError("only the priority was wanted")

    controller = TrainingController(training_function=record_priority)
    outcomes = Outcomes(controller)
    controller.start_run(_config(tmp_path))
    qtbot.waitUntil(outcomes.ended, timeout=10_000)
    assert seen == [TRAINING_PRIORITY]
    assert TRAINING_PRIORITY.value > TASK_PRIORITY.value
    controller.shutdown()


def test_after_shutdown_nothing_starts(qtbot, tmp_path):
    controller = TrainingController()
    controller.shutdown()
    assert not controller.start_run(_config(tmp_path))
    assert controller.worker is None and not controller.busy
