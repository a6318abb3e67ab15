"""The training worker: runs a training function on a QThread and re-emits its plain progress
callables as Qt signals. Stop and Pause are ``threading.Event``s that the GUI thread sets
through ``control``; the training loop checks them between batches.

Built like ``workers.FunctionWorker``: the function and its arguments are passed in, an error
is logged with its traceback before ``errored`` carries a one-line message, and the thread is
started by ``workers.start_in_thread`` (at ``workers.TRAINING_PRIORITY``, by the
``TrainingController``).
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, Signal, Slot

from cifar_gui.batch_throttle import BatchThrottle
from cifar_gui.config import ConfigError, TrainConfig, problems_text
from cifar_gui.data import Dataset
from cifar_gui.gui.setting_labels import setting_label
from cifar_gui.gui.workers import error_details
from cifar_gui.progress import BatchProgress, TrainingControl, TrainingObserver

log = logging.getLogger(__name__)

# function(config, *, dataset, resume_dir, more_epochs, observer, control) -> TrainingResult
TrainingFunction = Callable[..., Any]


def run_training(
    config: TrainConfig,
    *,
    dataset: Dataset | None,
    resume_dir: str | None,
    more_epochs: int | None,
    observer: TrainingObserver,
    control: TrainingControl,
) -> Any:
    """Train ``config`` (or, with ``resume_dir``, continue the run in that folder for
    ``more_epochs``, None: up to its planned epochs); returns the ``TrainingResult``.

    Imports TensorFlow, so it runs on the training thread. Raises what ``train``/``resume``
    raise before a run folder exists (``ConfigError``, ``DataSourceError``, ...)."""
    from cifar_gui.ml.training import resume, train

    if resume_dir:
        return resume(
            resume_dir, more_epochs=more_epochs, dataset=dataset, observer=observer, control=control
        )
    return train(config, dataset=dataset, observer=observer, control=control)


def one_line(exc: BaseException) -> str:
    """The first line of an error's message (its type when it has none): the rest, and the
    traceback, are in the details and the log."""
    if isinstance(exc, ConfigError) and not exc.unknown:
        return refused_settings_text(exc)
    lines = str(exc).strip().splitlines()
    return lines[0] if lines else type(exc).__name__


def refused_settings_text(exc: ConfigError) -> str:
    """The refused settings named as the settings panel labels them ("Validation split: cannot
    split 12 images (…)"), not by their internal names (``val_split: …``)."""
    return problems_text(exc.problems, setting_label)


class TrainingWorker(QObject):
    runStarted = Signal(object)  # RunStarted
    batchProgress = Signal(object)  # BatchProgress, throttled
    epochFinished = Signal(object)  # EpochResult
    message = Signal(str)
    pausedChanged = Signal(bool)
    finished = Signal(object)  # TrainingResult: completed, stopped or failed
    errored = Signal(str, str)  # refused before a run folder existed: message, details
    done = Signal()

    def __init__(
        self,
        config: TrainConfig,
        dataset: Dataset | None = None,
        *,
        resume_dir: str | None = None,
        more_epochs: int | None = None,
        function: TrainingFunction = run_training,
    ) -> None:
        """With ``resume_dir`` the run in that folder continues (``config`` is its own).
        ``function`` is called with these on the thread (tests pass one that fails)."""
        super().__init__()
        self.config = config
        self.dataset = dataset
        self.resume_dir = resume_dir
        self.more_epochs = more_epochs
        self.control = TrainingControl()
        self._function = function
        self._throttle = BatchThrottle()

    def _on_batch(self, progress: BatchProgress) -> None:
        if self._throttle.allow(progress):
            self.batchProgress.emit(progress)

    @Slot()
    def run(self) -> None:
        observer = TrainingObserver(
            on_start=self.runStarted.emit,
            on_batch=self._on_batch,
            on_epoch=self.epochFinished.emit,
            on_message=self.message.emit,
            on_paused=self.pausedChanged.emit,
        )
        try:
            result = self._function(
                self.config,
                dataset=self.dataset,
                resume_dir=self.resume_dir,
                more_epochs=self.more_epochs,
                observer=observer,
                control=self.control,
            )
        except Exception as exc:
            log.error("The run could not start", exc_info=True)
            self.errored.emit(one_line(exc), error_details(exc))
        else:
            self.finished.emit(result)
        finally:
            self.done.emit()
