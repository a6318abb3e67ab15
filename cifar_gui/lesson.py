"""The reference notebook's lesson as numbers: how far each run overfits, and from when.

For a run's history (rows of ``history.csv``): the overfitting gap is validation loss minus
training loss (Keras's training loss is the mean over the epoch's batches, with dropout
active and the L2 penalty included, as the notebook plots it); the epoch where validation
loss stops falling is the epoch of its minimum. No TensorFlow and no Qt here.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from cifar_gui.improvement import best_index


@dataclass(frozen=True)
class Overfitting:
    """All losses in nats (sparse categorical cross-entropy); epochs are 1-based.

    ``final_gap``: val_loss - loss at the last epoch; ``max_gap``/``max_gap_epoch``: its largest
    value and where; ``best_epoch``/``best_val_loss``: the validation-loss minimum;
    ``epochs_after_best``: epochs trained after it; ``rise_after_best``: the last validation
    loss minus the minimum. NaN / None where the history has no finite losses.
    """

    epochs: int
    final_gap: float
    max_gap: float
    max_gap_epoch: int | None
    best_epoch: int | None
    best_val_loss: float
    epochs_after_best: int | None
    rise_after_best: float


def _value(row: dict, key: str) -> float:
    try:
        value = float(row.get(key, math.nan))
    except (TypeError, ValueError):
        return math.nan
    return value if math.isfinite(value) else math.nan


def overfitting(history: list[dict]) -> Overfitting:
    """The numbers for one run; rows without a finite loss pair are skipped for the gap."""
    epochs = [int(row.get("epoch", i + 1)) for i, row in enumerate(history)]
    val = [_value(row, "val_loss") for row in history]
    gaps = [v - _value(row, "loss") for row, v in zip(history, val, strict=True)]
    finite_gaps = [(g, e) for g, e in zip(gaps, epochs, strict=True) if not math.isnan(g)]
    finite_val = [(v, e) for v, e in zip(val, epochs, strict=True) if not math.isnan(v)]
    max_gap, max_gap_epoch = (
        max(finite_gaps, key=lambda p: p[0]) if finite_gaps else (math.nan, None)
    )
    if finite_val:
        best_val, best_epoch = finite_val[best_index([v for v, _e in finite_val], "min")]
        last_val, last_epoch = finite_val[-1]
        after, rise = last_epoch - best_epoch, last_val - best_val
    else:
        best_val, best_epoch, after, rise = math.nan, None, None, math.nan
    return Overfitting(
        epochs=len(history),
        final_gap=gaps[-1] if gaps else math.nan,
        max_gap=max_gap,
        max_gap_epoch=max_gap_epoch,
        best_epoch=best_epoch,
        best_val_loss=best_val,
        epochs_after_best=after,
        rise_after_best=rise,
    )
