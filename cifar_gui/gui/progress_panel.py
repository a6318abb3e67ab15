"""Progress of the current run: epoch and overall bars, images/s, elapsed time, ETA, learning rate.

Elapsed time is training time: its clock ticks every second from Start, also before the first
batch (building the model, loading data), and stands still while the run is paused, so the
ETA, computed from it, never counts a pause. Between runs the Overall bar shows the epochs
that Start would train (all its runs' for a sweep).

In a queue (a sweep, Compare regularisation) Overall and the ETA cover the whole queue: the
epochs the earlier runs trained, the current run's progress and the epochs of the runs still
pending, with "run i of n". The ETA's rate is training seconds per epoch over every run of the
queue so far (setup and pauses left out) times the epochs left.
"""

from __future__ import annotations

import time
from collections.abc import Sequence

from PySide6.QtCore import QTimer, Slot
from PySide6.QtWidgets import QGridLayout, QLabel, QProgressBar, QWidget

from cifar_gui.gui.queue_progress import QueuePlan
from cifar_gui.progress import BatchProgress, EpochResult, RunStarted

UPDATE_INTERVAL = 0.1  # seconds: bars and labels repaint at most 10 times a second
TICK_MS = 1000  # the elapsed clock's tick between batches


def format_duration(seconds: float) -> str:
    seconds = max(0, round(seconds))
    hours, rest = divmod(seconds, 3600)
    minutes, secs = divmod(rest, 60)
    return f"{hours}:{minutes:02d}:{secs:02d}" if hours else f"{minutes}:{secs:02d}"


class ProgressPanel(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.epoch_bar = QProgressBar()
        self.overall_bar = QProgressBar()
        self.speed_label = QLabel()
        self.elapsed_label = QLabel()
        self.eta_label = QLabel()
        self.lr_label = QLabel()
        grid = QGridLayout(self)
        grid.addWidget(QLabel(self.tr("Epoch")), 0, 0)
        grid.addWidget(self.epoch_bar, 0, 1, 1, 3)
        grid.addWidget(QLabel(self.tr("Overall")), 1, 0)
        grid.addWidget(self.overall_bar, 1, 1, 1, 3)
        grid.addWidget(self.speed_label, 2, 0)
        grid.addWidget(self.elapsed_label, 2, 1)
        grid.addWidget(self.eta_label, 2, 2)
        grid.addWidget(self.lr_label, 2, 3)
        self._clock = QTimer(self)
        self._clock.setInterval(TICK_MS)
        self._clock.timeout.connect(self._tick)
        self.running = False
        self.paused = False
        self.queue: QueuePlan | None = None  # where the run stands in its queue; None: alone
        self._queue_seconds = 0.0  # training seconds of the queue's earlier runs
        self._queue_epochs = 0.0  # the epochs they trained in that time
        self._run_seconds = 0.0  # the same for the current run, at its last batch
        self._run_epochs = 0.0
        self.reset(running=False)

    # ---- the clock ---------------------------------------------------------------------------
    def elapsed(self) -> float:
        """Seconds of training so far, pauses left out."""
        if self._paused_at is not None:
            return self._paused_at - self._started - self._paused_total
        return time.monotonic() - self._started - self._paused_total

    @Slot()
    def _tick(self) -> None:
        self.elapsed_label.setText(self.tr("elapsed {t}").format(t=format_duration(self.elapsed())))

    @Slot(bool)
    def set_paused(self, paused: bool) -> None:
        """The run paused or went on: the clock stops, then resumes where it stood."""
        if paused == self.paused or not self.running:
            return
        self.paused = paused
        if paused:
            self._paused_at = time.monotonic()
            self.eta_label.setText(self.tr("ETA — (paused)"))
        else:
            self._paused_total += time.monotonic() - self._paused_at
            self._paused_at = None
        self._tick()

    def stop(self) -> None:
        """The run ended: the clock stops at its last value."""
        if self.paused:
            self.set_paused(False)
        self._tick()
        self.running = False
        self._clock.stop()
        later = self._later_epochs()
        if self.queue is not None and self.queue.paused and self.queue.epochs_after:
            self.eta_label.setText(self.tr("ETA — (queue paused)"))  # nothing starts by itself
        elif later and (eta := self._eta(later)) is not None:
            self.eta_label.setText(eta)  # the queue's runs still to train
        else:
            self.eta_label.setText("")  # nothing is left to wait for
        self.speed_label.setText(self.tr("— images/s"))  # no images go through any more

    def finish(self, status: str, epochs_completed: int) -> None:
        """The run ended with ``status`` (completed, stopped or failed) after
        ``epochs_completed`` whole epochs: the clock stops, Overall counts those epochs only
        (a stopped or failed epoch's batches are discarded, so they no longer count) and the
        Epoch bar says its epoch was discarded instead of standing as if in progress."""
        self.stop()
        epochs_completed = max(int(epochs_completed), 0)
        self._show_overall(epochs_completed * self.steps, epochs_completed)
        if status == "completed":
            return
        self.epoch_bar.setRange(0, 1)
        self.epoch_bar.setValue(0)
        if self._epoch > epochs_completed:  # a batch of an unfinished epoch was shown
            text = (self.tr("epoch {epoch} stopped unfinished: discarded") if status == "stopped"
                    else self.tr("epoch {epoch} failed unfinished: discarded"))  # fmt: skip
            self.epoch_bar.setFormat(text.format(epoch=self._epoch))
        else:  # no batch was shown: nothing is waited for any more
            self.epoch_bar.setFormat("")

    # ---- states ------------------------------------------------------------------------------
    def plan(self, epochs: int | Sequence[int]) -> None:
        """Between runs: the Overall bar shows the epochs that Start would train, one number
        per run for a sweep (``[2, 2]``: "0 / 4 epochs in 2 runs"). Ignored while a run
        trains or a queue is under way."""
        if self.running or self.queue is not None:
            return
        runs = [max(int(e), 1) for e in ([epochs] if isinstance(epochs, int) else epochs)]
        self.epochs = sum(runs) or 1
        self.overall_bar.setRange(0, self.epochs)
        self.overall_bar.setValue(0)
        if len(runs) > 1:
            text = self.tr("0 / {epochs} epochs in {runs} runs").format(
                epochs=self.epochs, runs=len(runs)
            )
        else:
            text = self.tr("0 / {epochs} epochs").format(epochs=self.epochs)
        self.overall_bar.setFormat(text)

    def set_queue(self, queue: QueuePlan | None) -> None:
        """The run shown is ``queue.run`` of a queue (the runs pending may change while it
        trains: Add runs, Cancel); None when the queue has ended. The bar keeps its text."""
        if queue is None or self.queue is None:  # a queue begins or ends: its rate starts anew
            self._queue_seconds = self._queue_epochs = 0.0
            if not self.running:  # what a run before the queue timed is not the queue's
                self._run_seconds = self._run_epochs = 0.0
        self.queue = queue
        if queue is not None and self.running:
            self._show_overall(self._done_steps, self._done_epochs)

    def reset(self, epochs: int = 1, learning_rate: float | None = None, *,
              running: bool = True) -> None:  # fmt: skip
        """A run starts (``running``) or the panel is emptied; steps are not known yet. A run
        of a queue (``set_queue`` before) adds the time and epochs of the one before it to the
        queue's ETA rate."""
        if self.queue is not None:
            self._queue_seconds += self._run_seconds
            self._queue_epochs += self._run_epochs
        self._run_seconds = self._run_epochs = 0.0
        self._done_steps = self._done_epochs = 0
        self._epoch = 0  # the epoch whose batches the Epoch bar shows (0: none yet)
        self.running = False
        self.paused = False
        self.steps = 1
        self._offset = 0
        self._started = time.monotonic()
        self._paused_total = 0.0
        self._paused_at: float | None = None
        self._eta_origin = 0.0
        self._last_update = 0.0
        self.epoch_bar.setRange(0, 1)
        self.epoch_bar.setValue(0)
        self.epoch_bar.setFormat(self.tr("waiting for the first batch") if running else "")
        self.epochs = max(int(epochs), 1)
        if self.queue is None:
            self.plan(epochs)
        else:
            self._show_overall(0, 0)
        self.speed_label.setText(self.tr("— images/s"))
        self.elapsed_label.setText(self.tr("elapsed 0:00"))
        self.eta_label.setText(self.tr("ETA —"))
        self.lr_label.setText(
            self.tr("lr {lr:g}").format(lr=learning_rate) if learning_rate else ""
        )
        later = self._later_epochs()
        if running and (eta := self._eta(self.epochs + later)) is not None:
            self.eta_label.setText(eta)  # the queue's earlier runs give the rate
        self.running = running
        if running:
            self._clock.start()
        else:
            self._clock.stop()

    def _show_overall(self, done_steps: int, epochs_done: int) -> None:
        """The run's ``done_steps`` and ``epochs_done``; in a queue, on top of the earlier runs'
        epochs, out of every run's."""
        self._done_steps, self._done_epochs = done_steps, epochs_done
        queue = self.queue
        if queue is None:
            self.overall_bar.setRange(0, self.epochs * self.steps)
            self.overall_bar.setFormat(self.tr("%p% ({epoch} / {epochs} epochs)").format(
                epoch=epochs_done, epochs=self.epochs))  # fmt: skip
            self.overall_bar.setValue(done_steps)
            return
        total = queue.epochs_before + self.epochs + queue.epochs_after
        self.overall_bar.setRange(0, total * self.steps)
        self.overall_bar.setFormat(
            self.tr("run {run} of {runs}: %p% ({epoch} / {epochs} epochs)").format(
                run=queue.run, runs=queue.runs, epoch=queue.epochs_before + epochs_done,
                epochs=total)
        )  # fmt: skip
        self.overall_bar.setValue(queue.epochs_before * self.steps + done_steps)

    def _later_epochs(self) -> int:
        """The epochs the ETA waits for after the current run: the queue's pending runs, none
        while the queue is paused (they start only when it is resumed)."""
        queue = self.queue
        return 0 if queue is None or queue.paused else queue.epochs_after

    def _eta(self, epochs_left: float) -> str | None:
        """ "ETA 1:05" for ``epochs_left`` at the training rate so far (this queue's earlier
        runs and the current run); None before any batch was timed."""
        epochs = self._queue_epochs + self._run_epochs
        if epochs <= 0:
            return None
        seconds = (self._queue_seconds + self._run_seconds) / epochs * epochs_left
        return self.tr("ETA {t}").format(t=format_duration(seconds))

    @Slot(object)
    def run_started(self, started: RunStarted) -> None:
        self.steps = max(started.steps_per_epoch, 1)
        self.epochs = max(int(started.settings.get("epochs", self.epochs)), 1)
        self._offset = len(started.history) * self.steps  # steps done before a resume
        self._eta_origin = self.elapsed()  # the ETA's rate counts batches, not the setup
        self.epoch_bar.setRange(0, self.steps)
        self.epoch_bar.setFormat(self.tr("epoch {epoch}: %v / %m steps").format(
            epoch=len(started.history) + 1))  # fmt: skip
        self._show_overall(self._offset, len(started.history))
        later = self._later_epochs()
        if (eta := self._eta(self.epochs - len(started.history) + later)) is not None:
            self.eta_label.setText(eta)  # the queue's earlier runs give the rate

    @Slot(object)
    def batch(self, progress: BatchProgress) -> None:
        now = time.monotonic()
        if now - self._last_update < UPDATE_INTERVAL and progress.step != progress.steps:
            return
        self._last_update = now
        self._epoch = progress.epoch
        self.epoch_bar.setFormat(
            self.tr("epoch {epoch}: %v / %m steps").format(epoch=progress.epoch)
        )
        self.epoch_bar.setValue(progress.step)
        done = (progress.epoch - 1) * self.steps + progress.step
        self._show_overall(done, progress.epoch - 1)
        self.speed_label.setText(
            self.tr("{speed:.0f} images/s").format(speed=progress.images_per_second)
        )
        self._tick()
        if done > self._offset:  # the rate counts batches only, not the setup before them
            self._run_seconds = self.elapsed() - self._eta_origin
            self._run_epochs = (done - self._offset) / self.steps
        later = self._later_epochs()
        if (eta := self._eta((self.epochs * self.steps - done) / self.steps + later)) is not None:
            self.eta_label.setText(eta)

    @Slot(object)
    def epoch(self, result: EpochResult) -> None:
        self._show_overall(result.epoch * self.steps, result.epoch)
        self.lr_label.setText(self.tr("lr {lr:.3g}").format(lr=result.learning_rate))
