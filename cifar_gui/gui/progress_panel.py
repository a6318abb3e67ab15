"""Progress of the current run: epoch and overall bars, images/s, elapsed time, ETA, learning rate."""

from __future__ import annotations

import time

from PySide6.QtCore import Slot
from PySide6.QtWidgets import QGridLayout, QLabel, QProgressBar, QWidget

from cifar_gui.progress import BatchProgress, EpochResult, RunStarted

UPDATE_INTERVAL = 0.1  # seconds: bars and labels repaint at most 10 times a second


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
        self.reset()

    def reset(self, epochs: int = 1, learning_rate: float | None = None) -> None:
        self.epochs = max(epochs, 1)
        self.steps = 1
        self._offset = 0
        self._started = time.monotonic()
        self._last_update = 0.0
        self.epoch_bar.setRange(0, 1)
        self.epoch_bar.setValue(0)
        self.epoch_bar.setFormat(self.tr("%v / %m steps"))
        self.overall_bar.setRange(0, self.epochs)
        self.overall_bar.setValue(0)
        self.overall_bar.setFormat(self.tr("%v / %m epochs"))
        self.speed_label.setText(self.tr("— images/s"))
        self.elapsed_label.setText(self.tr("elapsed 0:00"))
        self.eta_label.setText(self.tr("ETA —"))
        self.lr_label.setText(
            self.tr("lr {lr:g}").format(lr=learning_rate) if learning_rate else ""
        )

    @Slot(object)
    def run_started(self, started: RunStarted) -> None:
        self.steps = max(started.steps_per_epoch, 1)
        self.epochs = max(int(started.settings.get("epochs", self.epochs)), 1)
        self._offset = len(started.history) * self.steps  # steps done before a resume
        self._started = time.monotonic()
        self.epoch_bar.setRange(0, self.steps)
        self.overall_bar.setValue(self._offset)
        self.overall_bar.setRange(0, self.epochs * self.steps)

    @Slot(object)
    def batch(self, progress: BatchProgress) -> None:
        now = time.monotonic()
        if now - self._last_update < UPDATE_INTERVAL and progress.step != progress.steps:
            return
        self._last_update = now
        self.epoch_bar.setFormat(
            self.tr("epoch {epoch}: %v / %m steps").format(epoch=progress.epoch)
        )
        self.epoch_bar.setValue(progress.step)
        done = (progress.epoch - 1) * self.steps + progress.step
        self.overall_bar.setFormat(self.tr("%p% ({epoch} / {epochs} epochs)").format(
            epoch=progress.epoch - 1, epochs=self.epochs))  # fmt: skip
        self.overall_bar.setValue(done)
        self.speed_label.setText(
            self.tr("{speed:.0f} images/s").format(speed=progress.images_per_second)
        )
        elapsed = time.monotonic() - self._started
        self.elapsed_label.setText(self.tr("elapsed {t}").format(t=format_duration(elapsed)))
        total = self.epochs * self.steps
        if done > self._offset:
            remaining = elapsed / (done - self._offset) * (total - done)
            self.eta_label.setText(self.tr("ETA {t}").format(t=format_duration(remaining)))

    @Slot(object)
    def epoch(self, result: EpochResult) -> None:
        self.overall_bar.setFormat(self.tr("%p% ({epoch} / {epochs} epochs)").format(
            epoch=result.epoch, epochs=self.epochs))  # fmt: skip
        self.overall_bar.setValue(result.epoch * self.steps)
        self.lr_label.setText(self.tr("lr {lr:.3g}").format(lr=result.learning_rate))
