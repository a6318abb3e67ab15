"""The training controller: owns the run training now and the queue of runs after it.

It starts a run (or continues a saved one) on the training thread, passes Stop and Pause to
it, starts the next queued run (a sweep or Compare regularisation) when the previous run's
thread has ended, and re-emits what the run reports as its own Qt signals. It shows nothing:
the window connects to its signals and lays out. Only one run trains at a time.

Order of signals for one run: ``busyChanged(True)`` right after ``runStarting``; then
``runStarted``, ``batchProgress``/``epochFinished``/``message``/``pausedChanged`` while it
trains; then either ``runFinished(result)`` (completed, stopped or failed; the traceback of a
failure is logged by the training function and kept in the run's ``error.txt``) or
``runFailed(message, details)`` (refused before a run folder existed: the traceback is
logged); then, once its thread has ended, ``busyChanged(False)``, and the next queued run
starts.
"""

from __future__ import annotations

import logging
from pathlib import Path

from PySide6.QtCore import QObject, QThread, Signal, Slot

from cifar_gui.config import TrainConfig
from cifar_gui.gui.sweep_queue import SweepRunQueue
from cifar_gui.gui.training_worker import TrainingFunction, TrainingWorker, run_training
from cifar_gui.gui.workers import (
    TRAINING_NICENESS,
    TRAINING_PRIORITY,
    release_thread,
    start_in_thread,
)
from cifar_gui.progress import RunStarted
from cifar_gui.run_store import files
from cifar_gui.sweep.queue import SweepQueue

log = logging.getLogger(__name__)


class TrainingController(QObject):
    runStarting = Signal(object)  # TrainConfig: a run is about to start (views reset)
    queuedRunStarting = Signal(object)  # QueuedRun: the queue's next run, before runStarting
    runStarted = Signal(object)  # RunStarted: the run folder exists, the first batch follows
    batchProgress = Signal(object)  # BatchProgress, at most 30 a second
    epochFinished = Signal(object)  # EpochResult
    message = Signal(str)  # the run's notes (device, resuming, warnings)
    pausedChanged = Signal(bool)  # the training loop paused or went on
    runFinished = Signal(object)  # TrainingResult: completed, stopped or failed
    runFailed = Signal(str, str)  # could not start: a one-line message, details
    busyChanged = Signal(bool)  # True when a run starts, False when its thread has ended

    def __init__(
        self,
        parent: QObject | None = None,
        *,
        training_function: TrainingFunction = run_training,
        priority: QThread.Priority = TRAINING_PRIORITY,
        niceness: int | None = TRAINING_NICENESS,
    ) -> None:
        """``training_function`` trains one run on the training thread (see
        ``training_worker.run_training``, the default); ``priority`` and ``niceness`` are
        the training thread's (see ``workers.start_in_thread``)."""
        super().__init__(parent)
        self.queue = SweepRunQueue(self)
        self.worker: TrainingWorker | None = None
        self.worker_thread: QThread | None = None
        self.last_result = None  # the TrainingResult of the last run that ended
        self.active_run_dir: str | None = None  # the folder of the run training now
        self._training_function = training_function
        self._priority = priority
        self._niceness = niceness
        self._closed = False
        self.queue.resumed.connect(self.start_next_queued)

    @property
    def busy(self) -> bool:
        """True from ``start_run`` until the run's thread has ended."""
        return self.worker is not None

    # ---- one run ----------------------------------------------------------------------------
    def start_run(
        self, config: TrainConfig, *, resume_dir: str | None = None, more_epochs: int | None = None
    ) -> bool:
        """Start a run (with ``resume_dir``: continue that run for ``more_epochs``, None: up to
        its planned epochs) on the training thread. False, and nothing starts, while another
        run trains or after ``shutdown``."""
        if self.busy or self._closed:
            log.info("Not started: %s", "a run is training" if self.busy else "shut down")
            return False
        self.runStarting.emit(config)
        self.last_result = None
        worker = TrainingWorker(
            config, resume_dir=resume_dir, more_epochs=more_epochs,
            function=self._training_function,
        )  # fmt: skip
        worker.runStarted.connect(self._run_started)
        worker.batchProgress.connect(self.batchProgress)
        worker.epochFinished.connect(self.epochFinished)
        worker.message.connect(self.message)
        worker.pausedChanged.connect(self.pausedChanged)
        worker.finished.connect(self._worker_finished)
        worker.errored.connect(self._worker_errored)
        self.worker = worker
        self.worker_thread = start_in_thread(
            worker, self, worker.run, self._priority, self._niceness, self._thread_finished
        )
        self.busyChanged.emit(True)
        return True

    def resume_run(self, run_dir: str, more_epochs: int | None) -> bool:
        """Continue the saved run in ``run_dir`` with its own settings and optimizer state.

        Raises ``ConfigError`` when its ``config.json`` cannot be read; False while another run
        trains."""
        config = TrainConfig.load(Path(run_dir) / files.CONFIG)
        return self.start_run(config, resume_dir=run_dir, more_epochs=more_epochs)

    def set_paused(self, paused: bool) -> bool:
        """Hold the run after its current batch, or let it go on; False when none trains."""
        if self.worker is None:
            return False
        if paused:
            self.worker.control.pause()
        else:
            self.worker.control.resume()
        return True

    def stop(self) -> bool:
        """Stop the run after its current batch (what it finished is kept) and drop the queued
        runs not yet started; False when none trains."""
        if self.worker is None:
            return False
        self.queue.cancel_pending()
        self.worker.control.request_stop()
        return True

    @Slot(object)
    def _run_started(self, started: RunStarted) -> None:
        self.active_run_dir = started.run_dir
        self.runStarted.emit(started)

    @Slot(object)
    def _worker_finished(self, result) -> None:
        self.last_result = result
        if (item := self.queue.current) is not None:  # the queue's Overall counts what it trained
            trained = result.summary.get("epochs_completed")
            item.epochs_trained = trained if isinstance(trained, int) else None
        self.runFinished.emit(result)
        # Last: when this ends the queue, what the queue's end says comes after the run's own.
        self.queue.mark_finished(result.status, str(result.run_dir))

    @Slot(str, str)
    def _worker_errored(self, message: str, details: str) -> None:
        if (item := self.queue.current) is not None:
            item.epochs_trained = 0  # refused before its first epoch
        self.runFailed.emit(message, details)
        self.queue.mark_finished("failed", None)

    @Slot()
    def _thread_finished(self) -> None:
        if self.worker_thread is not None:
            release_thread(self.worker_thread)
        self.worker = None
        self.worker_thread = None
        self.active_run_dir = None
        self.busyChanged.emit(False)
        if not self._closed and self.queue.next_pending() is not None:
            self.start_next_queued()

    # ---- the queue --------------------------------------------------------------------------
    def start_sweep(self, sweep: SweepQueue) -> None:
        """Train the runs a sweep has left, one after the other. Raises ``SweepError`` when
        another window or the CLI is training it."""
        self.queue.start_sweep(sweep)
        self.start_next_queued()

    @Slot()
    def start_next_queued(self) -> None:
        """Start the queue's next pending run (a run a crash left half-trained is resumed),
        unless a run trains now or the queue is paused."""
        item = self.queue.next_pending()
        if item is None or self.busy or self._closed:
            return
        self.queue.mark_running(item)
        self.queuedRunStarting.emit(item)
        self.start_run(item.config, resume_dir=item.run_dir)

    # ---- closing ----------------------------------------------------------------------------
    def shutdown(self) -> None:
        """Start nothing more, stop the run and wait for its thread (a stopped run ends after
        its current batch and saves what it finished). A sweep's runs left stay on disk,
        offered at the next start."""
        self._closed = True
        self.queue.detach()
        if self.worker is not None:
            self.worker.control.resume()
            self.worker.control.request_stop()
        if self.worker_thread is not None:
            self.worker_thread.wait()
