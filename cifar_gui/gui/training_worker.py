"""The training worker: runs ``cifar_gui.ml.training.train`` on a QThread and re-emits its
plain progress callables as Qt signals. Stop and Pause are ``threading.Event``s that the GUI
thread sets directly; the training loop checks them between batches.
"""

from __future__ import annotations

import logging
import time

from PySide6.QtCore import QObject, Signal, Slot

from cifar_gui.config import TrainConfig
from cifar_gui.data import Dataset
from cifar_gui.gui.workers import error_details
from cifar_gui.progress import BatchProgress, TrainingControl, TrainingObserver

log = logging.getLogger(__name__)

MAX_BATCH_SIGNALS_PER_SECOND = 30.0


class BatchThrottle:
    """Lets through at most ``rate`` batch updates a second, and always an epoch's last batch."""

    def __init__(self, rate: float = MAX_BATCH_SIGNALS_PER_SECOND) -> None:
        self.interval = 1.0 / rate
        self._last = -1e9

    def allow(self, progress: BatchProgress) -> bool:
        now = time.monotonic()
        if progress.step == progress.steps or now - self._last >= self.interval:
            self._last = now
            return True
        return False


class TrainingWorker(QObject):
    runStarted = Signal(object)  # RunStarted
    batchProgress = Signal(object)  # BatchProgress, throttled
    epochFinished = Signal(object)  # EpochResult
    message = Signal(str)
    pausedChanged = Signal(bool)
    finished = Signal(object)  # TrainingResult: completed, stopped or failed
    errored = Signal(str, str)  # refused before a run folder existed: message, traceback
    done = Signal()

    def __init__(
        self,
        config: TrainConfig,
        dataset: Dataset | None = None,
        *,
        resume_dir: str | None = None,
        more_epochs: int | None = None,
    ) -> None:
        """With ``resume_dir`` the run in that folder continues (``config`` is its own)."""
        super().__init__()
        self.config = config
        self.dataset = dataset
        self.resume_dir = resume_dir
        self.more_epochs = more_epochs
        self.control = TrainingControl()
        self._throttle = BatchThrottle()

    def _on_batch(self, progress: BatchProgress) -> None:
        if self._throttle.allow(progress):
            self.batchProgress.emit(progress)

    @Slot()
    def run(self) -> None:
        try:
            from cifar_gui.gui.thread_priority import lower_current_thread_priority
            from cifar_gui.ml.training import resume, train  # TensorFlow, on this thread

            lower_current_thread_priority()
            observer = TrainingObserver(
                on_start=self.runStarted.emit,
                on_batch=self._on_batch,
                on_epoch=self.epochFinished.emit,
                on_message=self.message.emit,
                on_paused=self.pausedChanged.emit,
            )
            if self.resume_dir:
                result = resume(
                    self.resume_dir,
                    more_epochs=self.more_epochs,
                    dataset=self.dataset,
                    observer=observer,
                    control=self.control,
                )
            else:
                result = train(
                    self.config, dataset=self.dataset, observer=observer, control=self.control
                )
        except Exception as exc:
            log.error("The run could not start", exc_info=True)
            self.errored.emit(str(exc) or type(exc).__name__, error_details(exc))
        else:
            self.finished.emit(result)
        finally:
            self.done.emit()
