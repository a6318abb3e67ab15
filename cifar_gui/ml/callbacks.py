"""The Keras callback between ``model.fit`` and the rest of the application.

Written after Keras's own ``ProgbarLogger`` and ``TerminateOnNaN``: it reports every batch and
every finished epoch through plain callables, honours Stop and Pause between batches (and
between validation batches, so Stop is prompt during the validation pass too), and ends the
run on the first non-finite loss.
"""

from __future__ import annotations

import math
import time
from collections.abc import Callable

import keras

from cifar_gui.i18n import _
from cifar_gui.ml.optimizers import current_learning_rate
from cifar_gui.progress import BatchProgress, EpochResult, TrainingControl, TrainingObserver


class ProgressReporter(keras.callbacks.Callback):
    """Reports progress and applies the user's Stop/Pause; see ``cifar_gui.progress``.

    ``on_epoch_complete`` is called only for epochs that ran to the end, train and validation:
    an epoch cut short by Stop or by a NaN loss is not a finished epoch and is not recorded.

    The totals come from ``model.fit`` itself, through ``set_params`` as for Keras's
    ``ProgbarLogger``: ``steps_per_epoch`` (the batches ``fit`` will draw per epoch; ``None``
    until the first epoch ends when the dataset's length is unknown, and reported as 0 until
    then) and ``epochs`` (the epoch ``fit`` ends at, counting the epochs of a resumed run).
    """

    def __init__(
        self,
        observer: TrainingObserver,
        control: TrainingControl,
        *,
        batch_size: int,
        on_epoch_complete: Callable[[EpochResult], None],
    ) -> None:
        super().__init__()
        self.observer = observer
        self.control = control
        self.batch_size = batch_size
        self.on_epoch_complete = on_epoch_complete
        self.steps_per_epoch: int | None = None
        self.epochs: int | None = None
        self.failure: str | None = None
        self._steps_seen = 0
        self._epoch = 0
        self._epoch_start = 0.0
        self._interrupted = False

    # ---- helpers ----------------------------------------------------------------------------
    def _halt(self) -> None:
        self._interrupted = True
        self.model.stop_training = True

    def _pause_if_asked(self) -> None:
        if not self.control.paused:
            return
        paused_at = time.perf_counter()
        self.observer.on_paused(True)
        self.control.wait_while_paused()
        self.observer.on_paused(False)
        self._epoch_start += time.perf_counter() - paused_at  # paused time is not epoch time

    # ---- Keras hooks ------------------------------------------------------------------------
    def set_params(self, params):
        super().set_params(params)
        self.steps_per_epoch = params.get("steps")
        self.epochs = params.get("epochs")

    def on_epoch_begin(self, epoch, logs=None):
        self._epoch = epoch + 1
        self._epoch_start = time.perf_counter()
        self._interrupted = False
        self._steps_seen = 0

    def on_train_batch_end(self, batch, logs=None):
        logs = logs or {}
        loss = float(logs.get("loss", math.nan))
        if not math.isfinite(loss):
            self.failure = _(
                "the loss became {loss} at epoch {epoch}, batch {batch}: training diverged (try a lower learning rate)"
            ).format(loss=loss, epoch=self._epoch, batch=batch + 1)
            self._halt()
            return
        elapsed = max(time.perf_counter() - self._epoch_start, 1e-9)
        # With several batches per call Keras reports the call's last batch as if the call
        # were whole, also for an epoch's shorter last call: never more than the epoch has.
        step = batch + 1 if self.steps_per_epoch is None else min(batch + 1, self.steps_per_epoch)
        self._steps_seen = step
        self.observer.on_batch(
            BatchProgress(
                epoch=self._epoch,
                step=step,
                steps=self.steps_per_epoch or 0,
                epochs=self.epochs or 0,
                loss=loss,
                acc=float(logs.get("acc", math.nan)),
                images_per_second=step * self.batch_size / elapsed,
            )
        )
        self._pause_if_asked()
        if self.control.stop_requested:
            self._halt()

    def on_test_batch_end(self, batch, logs=None):
        if self._interrupted or self.control.stop_requested:
            self._interrupted = True
            self.model.stop_training = True
            self.model.stop_evaluating = True

    def on_epoch_end(self, epoch, logs=None):
        if self._interrupted:
            return
        if self.steps_per_epoch is None:  # learnt from the first full epoch, as ProgbarLogger
            self.steps_per_epoch = self._steps_seen
        logs = {k: float(v) for k, v in (logs or {}).items()}
        self.on_epoch_complete(
            EpochResult(
                epoch=epoch + 1,
                loss=logs.get("loss", math.nan),
                acc=logs.get("acc", math.nan),
                val_loss=logs.get("val_loss", math.nan),
                val_acc=logs.get("val_acc", math.nan),
                learning_rate=current_learning_rate(self.model.optimizer),
                seconds=time.perf_counter() - self._epoch_start,
                logs=logs,
            )
        )
