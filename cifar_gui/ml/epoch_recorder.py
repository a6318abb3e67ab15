"""The Keras callback that writes every finished epoch into the run folder and keeps the best.

In the style of Keras's ``ModelCheckpoint`` (``keras/src/callbacks/model_checkpoint.py``): at
the end of each epoch it saves ``model.keras``, and when the monitored metric improves (by
``cifar_gui.improvement.is_improvement``) it copies that file to ``best.keras``. Beyond a
checkpoint it commits the epoch: the validation confusion matrix (``confusion_by_epoch.npy``),
the row in ``history.csv`` and ``summary.json``, in an order that a crash at any point leaves
consistent (the model first, the history row that commits the epoch after it).

Which epochs are *finished* is the ``ProgressReporter``'s knowledge (an epoch cut short by Stop
or a NaN loss is not): it hands each finished epoch's ``EpochResult`` to ``epoch_finished``, and
this callback commits it in its own ``on_epoch_end``. Put it *last* in ``fit``'s callbacks, so
the saved optimizer state already holds what the plateau schedule changed at that epoch's end,
and a resume goes on exactly as the run would have.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path
from typing import Any

import keras
import numpy as np

from cifar_gui.atomic import atomic_copy, atomic_path
from cifar_gui.i18n import _
from cifar_gui.improvement import is_improvement, mode_for
from cifar_gui.ml.failure_text import explain_failure
from cifar_gui.progress import EpochResult, TrainingObserver
from cifar_gui.run_store.confusion_history import append_confusion
from cifar_gui.run_store.record import RunRecord

log = logging.getLogger(__name__)


def save_model(model: keras.Model, path: Path) -> None:
    """The whole model with its optimizer state, so a run can be resumed from it."""
    with atomic_path(path) as tmp:
        model.save(tmp)


class EpochRecorder(keras.callbacks.Callback):
    """Commits each finished epoch of ``model.fit`` to ``record`` and keeps the best one.

    ``summary`` (the run's ``summary.json`` as a dict) and ``history`` (the rows of
    ``history.csv``, finished epochs before this ``fit`` included) are updated in place.
    ``monitor`` names the metric that decides the best epoch (``val_loss``: lowest,
    ``val_acc``: highest; the first of equal values stays best); the best so far is read from
    ``summary`` (``best_val_loss`` / ``best_val_acc``), so a resumed run goes on from it.
    ``elapsed()`` gives the run's training seconds so far (stored as ``duration_seconds``).

    An ``OSError`` while saving is raised (the epoch is not committed and the run fails)
    unless ``continue_on_save_error``: then the epoch is listed in ``unsaved_epochs`` and
    training goes on. ``observer.on_epoch`` is called after the epoch is committed.
    """

    def __init__(
        self,
        record: RunRecord,
        summary: dict[str, Any],
        history: list[dict[str, float]],
        *,
        monitor: str,
        observer: TrainingObserver,
        elapsed: Callable[[], float],
        confusion_matrix: Callable[[], np.ndarray] | None = None,
        continue_on_save_error: bool = False,
    ) -> None:
        super().__init__()
        self.record, self.summary, self.history = record, summary, history
        self.monitor, self.mode = monitor, mode_for(monitor)
        self.best: float | None = summary.get(f"best_{monitor}")
        self.observer, self.elapsed = observer, elapsed
        self.confusion_matrix = confusion_matrix
        self.continue_on_save_error = continue_on_save_error
        self._finished: EpochResult | None = None

    # ---- from the ProgressReporter ----------------------------------------------------------
    def epoch_finished(self, result: EpochResult) -> None:
        """The reporter's ``on_epoch_complete``: this epoch ran to its end; commit it."""
        self._finished = result

    # ---- Keras hooks ------------------------------------------------------------------------
    def on_epoch_begin(self, epoch, logs=None):
        self._finished = None

    def on_epoch_end(self, epoch, logs=None):
        result, self._finished = self._finished, None
        if result is None or result.epoch != epoch + 1:
            return  # cut short by Stop or a NaN loss: not a finished epoch, nothing recorded
        if self.confusion_matrix is not None:  # the validation pass just ended: this epoch's
            matrix = self.confusion_matrix()
            result = replace(result, confusion=tuple(map(tuple, matrix.tolist())))
        self.history.append(result.row())
        try:
            self._commit(result)
        except OSError as exc:
            if not self.continue_on_save_error:
                self.history.pop()  # not committed: a resume starts from the last saved epoch
                raise
            self._note_unsaved(result.epoch, exc)
        self.observer.on_epoch(result)

    # ---- the commit -------------------------------------------------------------------------
    def _commit(self, result: EpochResult) -> None:
        # The model first, then the history that commits the epoch: a crash between the two
        # leaves a model one epoch ahead of the history, never a history without its model.
        record, summary = self.record, self.summary
        save_model(self.model, record.model_path)
        summary["model_epoch"] = result.epoch
        record.last_model_path.unlink(missing_ok=True)  # model.keras is the last state again
        if result.confusion is not None:
            append_confusion(record.path, result.epoch, np.asarray(result.confusion))
        record.write_history(self.history)
        value = getattr(result, self.monitor)
        if is_improvement(value, self.best, self.mode):
            atomic_copy(record.model_path, record.best_model_path)  # same model: no re-encoding
            self.best = value
            summary.update(
                best_epoch=result.epoch, best_val_acc=result.val_acc, best_val_loss=result.val_loss
            )
        summary["epochs_completed"] = result.epoch
        summary["duration_seconds"] = self.elapsed()
        record.write_summary(summary)

    def _note_unsaved(self, epoch: int, exc: OSError) -> None:
        reason = explain_failure(exc)
        log.warning("Run %s: epoch %d not saved (%s)", self.record.path, epoch, reason)
        self.summary.setdefault("unsaved_epochs", []).append(epoch)
        self.observer.on_message(
            _(
                "Epoch {epoch} could not be saved ({reason}); training goes on without saving, as chosen"
            ).format(epoch=epoch, reason=reason)
        )

    # ---- after fit --------------------------------------------------------------------------
    def keep_best(self) -> int | None:
        """Early stopping keeps the best epoch: ``model.keras`` (what predict, Classify and
        evaluate load) becomes ``best.keras``, the last epoch's state moves to ``last.keras``
        for a resume, and the model gets the best weights too, so the test figures describe
        the file. Returns the epoch whose weights the model holds afterwards (``None`` before
        any finished epoch).
        """
        last = int(self.history[-1]["epoch"]) if self.history else None
        best = self.summary.get("best_epoch")
        record = self.record
        if best is None or last is None or best == last or not record.best_model_path.is_file():
            return last
        if self.summary.get("model_epoch") == last:
            atomic_copy(record.model_path, record.last_model_path)
        atomic_copy(record.best_model_path, record.model_path)
        self.model.load_weights(record.model_path)
        self.summary["model_epoch"] = best
        return best
