"""The per-batch line's smoothing: TensorBoard's debiased exponential moving average, in numpy.

For the finite values v_1, v_2, ... (a non-finite value is skipped: it stays NaN at its own
place and does not enter the average) and a factor f in (0, 1):

    average_k = f * average_(k-1) + (1 - f) * v_k        weight_k = f * weight_(k-1) + (1 - f)
    smoothed_k = average_k / weight_k                    (average_0 = weight_0 = 0)

``ema`` computes a run of these in closed form, block by block, and carries (average, weight)
on, so a live curve only smooths its new points. Within a block of length B starting from
(a, w):

    average_j = f^(j+1) * a + (1 - f) * f^j * cumsum(v_i * f^-i)_j       (j, i = 0 .. B-1)
    weight_j  = f^(j+1) * w + 1 - f^(j+1)

Blocks are short enough that f^-i stays far from overflow (at most 1e150) and that the
cumulative sum's rounding stays near the loop's (about 1e-13 of the values' size).
"""

from __future__ import annotations

import math

import numpy as np

MAX_BLOCK = 1024  # longer blocks add rounding error and save almost no time
MAX_EXPONENT = 150.0  # f^-i <= 10**MAX_EXPONENT within a block


def _block_length(factor: float) -> int:
    return int(max(1, min(MAX_BLOCK, MAX_EXPONENT / -math.log10(factor))))


def ema(
    values: np.ndarray, factor: float, average: float = 0.0, weight: float = 0.0
) -> tuple[np.ndarray, float, float]:
    """Smooth finite ``values`` (1-D float64) going on from the state (``average``, ``weight``).

    Returns (smoothed values, same shape, float64; the new average; the new weight). The
    values equal the loop in this module's docstring to about 1e-13 relative. ``factor`` is in
    (0, 1); ``values`` must all be finite (``ema_skipping_nan`` leaves the others out). All
    blocks are smoothed at once from a zero state; only their start states are carried on one
    by one, then added in.
    """
    values = np.asarray(values, dtype=np.float64)
    count = len(values)
    if not count:
        return values.copy(), average, weight
    block = _block_length(factor)
    rows = -(-count // block)
    grid = np.zeros(rows * block)
    grid[:count] = values
    grid = grid.reshape(rows, block)
    powers = factor ** np.arange(block + 1, dtype=np.float64)  # f^0 .. f^B
    inverse = factor ** -np.arange(block, dtype=np.float64)  # f^0 .. f^-(B-1)
    local = np.cumsum(grid * inverse, axis=1) * (powers[:block] * (1 - factor))
    decay = float(powers[block])
    start_averages, start_weights = [], []  # each block's state before its first value
    for end in local[:, -1].tolist():
        start_averages.append(average)
        start_weights.append(weight)
        average = decay * average + end
        weight = decay * weight + (1 - decay)
    averages = (local + np.outer(start_averages, powers[1:])).ravel()[:count]
    weights = (np.outer(start_weights, powers[1:]) + (1 - powers[1:])).ravel()[:count]
    return averages / weights, float(averages[-1]), float(weights[-1])


def smooth(values: np.ndarray, factor: float) -> np.ndarray:
    """Exponential moving average, debiased like TensorBoard's smoothing slider.

    ``values``: 1-D floats (a loss or accuracy per batch); ``factor`` in [0, 1): 0 returns
    ``values`` itself. A non-finite value (a NaN loss) stays NaN at its own place and does not
    enter the average, so one bad batch cannot turn the rest of the line into NaN.
    """
    if factor <= 0 or not len(values):
        return values
    return ema_skipping_nan(values, factor)[0]


def ema_skipping_nan(
    values: np.ndarray, factor: float, average: float = 0.0, weight: float = 0.0
) -> tuple[np.ndarray, float, float]:
    """``ema`` over the finite ``values`` only; a non-finite value gives NaN at its place and
    leaves the state as it was. Returns (smoothed, float64, same length; average; weight)."""
    values = np.asarray(values, dtype=np.float64)
    finite = np.isfinite(values)
    out = np.full(len(values), np.nan)
    out[finite], average, weight = ema(values[finite], factor, average, weight)
    return out, average, weight
