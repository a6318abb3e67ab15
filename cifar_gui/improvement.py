"""The one decision "is this value better than the best so far", and the best of a list.

Everything that names a best value asks here: the run's best epoch (``best.keras``, the summary's
``best_epoch``), early stopping and the plateau schedule (live and when a resume replays the
history), the training plot's best-epoch line, the lesson table, a sweep's best run. The rule is
Keras's ``MonitorCallback._is_improvement`` (``keras/src/callbacks/monitor_callback.py``) with
two choices made explicit, so every place agrees:

- strictly better only: of equal values the first stays best (``min_delta`` widens the margin);
- a value that is not a finite number (NaN, infinity, missing) never becomes the best, so one
  diverged epoch cannot stop the later ones from counting. (Keras takes the very first value as
  the best whatever it is; a NaN there would make every later epoch "no improvement".)

No TensorFlow and no Qt here.
"""

from __future__ import annotations

import math
from collections.abc import Iterable
from typing import Literal

Mode = Literal["min", "max"]


def mode_for(monitor: str) -> Mode:
    """``"min"`` for a loss (``val_loss``, ``loss``), ``"max"`` for anything else (accuracy).

    The same choice as Keras's ``mode="auto"`` for the metrics the app records.
    """
    return "min" if monitor.removeprefix("val_") == "loss" else "max"


def _finite(value: object) -> float | None:
    if isinstance(value, bool) or not isinstance(value, int | float):
        return None
    number = float(value)
    return number if math.isfinite(number) else None


def is_improvement(value: object, best: object, mode: Mode, *, min_delta: float = 0.0) -> bool:
    """Whether ``value`` beats ``best``: lower by more than ``min_delta`` in ``"min"`` mode,
    higher by more than ``min_delta`` in ``"max"`` mode.

    ``best`` is ``None`` (or not finite) before any value counted: then any finite ``value``
    improves. A ``value`` that is not a finite number never improves; equal values do not.
    Raises ``ValueError`` for another ``mode``.
    """
    if mode not in ("min", "max"):
        raise ValueError(f"mode must be 'min' or 'max', not {mode!r}")
    current = _finite(value)
    if current is None:
        return False
    reference = _finite(best)
    if reference is None:
        return True
    margin = abs(min_delta)
    return current < reference - margin if mode == "min" else current > reference + margin


def best_index(values: Iterable[object], mode: Mode) -> int | None:
    """The index of the best value by ``is_improvement`` (the first of equal ones), or ``None``
    when no value is a finite number."""
    best, index = None, None
    for i, value in enumerate(values):
        if is_improvement(value, best, mode):
            best, index = value, i
    return index
