"""Keras's ``EarlyStopping`` and ``ReduceLROnPlateau``, able to carry on after a resume.

Both callbacks forget everything in ``on_train_begin``: a resumed run would start counting its
patience from zero and forget the best value reached before the pause, so a resumed run would
stop (or lower its learning rate) at other epochs than the same run trained in one go. These
subclasses take the finished epochs of ``history.csv`` and rebuild the state that Keras's own
code would hold after them, following Keras's rules (``keras/src/callbacks/early_stopping.py``
and ``reduce_lr_on_plateau.py``: the waiting count reset on an improvement and, for the
plateau, after each reduction). "Improvement" is ``cifar_gui.improvement.is_improvement`` with
each callback's own ``min_delta`` (0 for early stopping, Keras's 1e-4 for the plateau), both in
the replay and, through ``_is_improvement``, in the epochs Keras itself runs, so the run's best
epoch, early stopping and the plateau never disagree about which epoch improved.

Restoring the best weights is left to the training function, which keeps the best epoch in
``best.keras`` across resumes (Keras's ``restore_best_weights`` would only know the epochs of
the current ``fit``).
"""

from __future__ import annotations

from collections.abc import Sequence

import keras

from cifar_gui.improvement import Mode, is_improvement, mode_for


def replay_patience(
    values: Sequence[float], mode: Mode, min_delta: float = 0.0
) -> tuple[float | None, int, int | None]:
    """``(best, epochs waited since it, index of the best)`` after ``values`` (one per epoch)."""
    best, wait, best_index = None, 0, None
    for index, value in enumerate(values):
        if is_improvement(value, best, mode, min_delta=min_delta):
            best, wait, best_index = value, 0, index
        else:
            wait += 1
    return best, wait, best_index


def replay_plateau(
    values: Sequence[float], patience: int, min_delta: float = 0.0
) -> tuple[float | None, int]:
    """``(best val_loss, epochs waited)`` after ``values``; the wait restarts after a reduction."""
    best, wait = None, 0
    for value in values:
        if is_improvement(value, best, "min", min_delta=min_delta):
            best, wait = value, 0
        else:
            wait += 1
            if wait >= patience:
                wait = 0  # Keras reduces the rate here and starts waiting again
    return best, wait


class ResumableEarlyStopping(keras.callbacks.EarlyStopping):
    """``EarlyStopping`` that starts from the epochs already in the history (monitor values)."""

    def __init__(self, *, previous: Sequence[float] = (), **kwargs) -> None:
        kwargs.setdefault("restore_best_weights", False)
        kwargs.setdefault("mode", mode_for(kwargs.get("monitor", "val_loss")))
        super().__init__(**kwargs)
        self._previous = list(previous)

    def _is_improvement(self, monitor_value, reference_value) -> bool:
        return is_improvement(
            float(monitor_value), reference_value, self.mode, min_delta=self.min_delta
        )

    def on_train_begin(self, logs=None):
        super().on_train_begin(logs)
        best, wait, best_index = replay_patience(self._previous, self.mode, self.min_delta)
        if best is not None:
            self.best, self.wait, self.best_epoch = best, wait, best_index


class ResumablePlateau(keras.callbacks.ReduceLROnPlateau):
    """``ReduceLROnPlateau`` on ``val_loss`` that starts from the epochs already trained.

    The reduced learning rate itself needs no replay: it is an optimizer variable, saved in
    ``model.keras`` with the rest of the optimizer state.
    """

    def __init__(self, *, previous: Sequence[float] = (), **kwargs) -> None:
        super().__init__(monitor="val_loss", mode="min", **kwargs)
        self._previous = list(previous)

    def _is_improvement(self, monitor_value, reference_value) -> bool:
        return is_improvement(
            float(monitor_value), reference_value, "min", min_delta=self.min_delta
        )

    def on_train_begin(self, logs=None):
        super().on_train_begin(logs)
        best, wait = replay_plateau(self._previous, self.patience, self.min_delta)
        if best is not None:
            self.best, self.wait = best, wait
