"""Issue 11, item 7: live plot data in growing numpy buffers, smoothed incrementally and
vectorised with the same values as the old per-point loop, downsampled and clipped by pyqtgraph."""

from __future__ import annotations

import csv
import math

import numpy as np
import pytest

from cifar_gui.gui.plot_buffers import GrowingArray, SmoothedSeries
from cifar_gui.gui.smoothing import smooth
from cifar_gui.progress import BatchProgress
from tests.gui import test_plots_follow_axes

plots = test_plots_follow_axes.plots  # the same fixture: TrainingPlots shown at 1000 x 420


def loop_smooth(values, factor):
    """The smoothing as it was written before (a Python loop): the reference values."""
    if factor <= 0 or not len(values):
        return values
    out = np.empty_like(values)
    average, weight = 0.0, 0.0
    for i, value in enumerate(values):
        if not math.isfinite(value):
            out[i] = math.nan
            continue
        average = factor * average + (1 - factor) * value
        weight = factor * weight + (1 - factor)
        out[i] = average / weight
    return out


def _losses(count: int, seed: int = 0) -> np.ndarray:
    rng = np.random.default_rng(seed)
    values = 2.3 * np.exp(-np.linspace(0, 3, count)) + 0.3 * rng.random(count)
    values[rng.integers(0, count, count // 50)] = np.nan  # bad batches, one by one
    values[[3, count // 2]] = [np.inf, -np.inf]
    return values


def _same(actual, expected):
    actual, expected = np.asarray(actual), np.asarray(expected)
    assert actual.shape == expected.shape
    assert np.array_equal(np.isnan(actual), np.isnan(expected))  # NaN exactly where it was
    finite = ~np.isnan(expected)
    np.testing.assert_allclose(actual[finite], expected[finite], rtol=1e-12, atol=0)


@pytest.mark.parametrize("factor", [0.01, 0.1, 0.6, 0.9, 0.99])
def test_the_vectorised_smoothing_equals_the_loop(factor):
    values = _losses(5000)
    _same(smooth(values, factor), loop_smooth(values, factor))
    short = np.array([2.0, 1.8, math.nan, 1.6, 0.0, 1.5])
    _same(smooth(short, factor), loop_smooth(short, factor))
    assert smooth(short, 0.0) is short  # no smoothing: the values as they are


def test_smoothing_bit_by_bit_equals_smoothing_all_at_once():
    values = _losses(7000, seed=1)
    series, shown = SmoothedSeries(), 0
    rng = np.random.default_rng(2)
    while shown < len(values):
        step = int(rng.integers(1, 400))  # a few points per redraw, sometimes many
        for value in values[shown : shown + step]:
            series.append(value)
        shown = min(len(values), shown + step)
        _same(series.smoothed(0.6), loop_smooth(values[:shown], 0.6))
    _same(series.smoothed(0.9), loop_smooth(values, 0.9))  # a new factor: smoothed afresh
    for value in (math.nan, 0.5):  # a redraw that saw only a NaN, then a value
        series.append(value)
        values = np.append(values, value)
        _same(series.smoothed(0.9), loop_smooth(values, 0.9))
    _same(series.smoothed(0.0), values)
    _same(series.smoothed(0.6), loop_smooth(values, 0.6))


def test_a_growing_array_keeps_every_value_past_its_capacity():
    array = GrowingArray(capacity=4)
    values = np.arange(1000, dtype=float) / 7
    for value in values[:5]:
        array.append(value)
    early = array.view()
    assert array.capacity == 8  # doubled once, not grown by one
    array.extend(values[5:])
    assert array.capacity == 1024 and len(array) == 1000
    assert np.array_equal(array.view(), values)
    assert np.array_equal(early, values[:5])  # a view handed out before growing is intact
    with pytest.raises(ValueError):
        array.view()[0] = 99.0  # read-only: what a curve holds cannot change under it
    array.clear()
    array.append(42.0)
    assert list(array.view()) == [42.0] and np.array_equal(early, values[:5])


def _feed(plots, losses, steps: int = 1000):
    for index, loss in enumerate(losses):
        epoch, step = index // steps + 1, index % steps + 1
        plots.add_batch(BatchProgress(epoch, step, steps, float(loss), 0.5 + index / 1e5, 100.0))


def test_a_long_run_shows_every_point_fed_drawn_by_its_peaks(plots, qtbot, tmp_path):
    losses = _losses(20_000, seed=3)
    _feed(plots, losses)
    plots.redraw()
    qtbot.wait(20)  # the view follows the data
    x = (np.arange(20_000) // 1000) + (np.arange(20_000) % 1000 + 1) / 1000
    expected = loop_smooth(losses, plots.smoothing.value())
    keep = np.isfinite(expected)
    fed_x, fed_y = plots.loss.batch_curve.getOriginalDataset()
    np.testing.assert_allclose(fed_x, x[keep], rtol=1e-15)
    np.testing.assert_allclose(fed_y, expected[keep], rtol=1e-12)
    plots.save_csv(tmp_path / "training.csv")
    with open(tmp_path / "training.csv", encoding="utf-8") as handle:
        rows = [row for row in csv.reader(handle) if row[0] == "batch"]
    assert len(rows) == 20_000 and rows[3][1:4] == ["0.0040", "inf", "0.50003"]
    saved = np.array([float(row[2]) for row in rows])
    assert np.array_equal(saved, losses, equal_nan=True)  # every raw loss, exactly
    shown_x, shown_y = plots.loss.batch_curve.getData()
    assert len(shown_x) < len(fed_x) / 3  # downsampled to the plot's width
    assert shown_y.max() == fed_y.max()  # each column's peaks drawn, not a mean or a sample
    view = plots.loss.item.getViewBox()
    view.setXRange(10, 11, padding=0)  # the user zooms in on one epoch
    qtbot.wait(20)
    shown_x, _ = plots.loss.batch_curve.getData()
    assert shown_x.min() > 9.9 and shown_x.max() < 11.1  # only what is in view is drawn


def test_a_new_run_starts_its_buffers_and_smoothing_afresh(plots):
    _feed(plots, _losses(3000, seed=4))
    plots.redraw()
    plots.reset()
    fresh = np.array([1.0, 3.0, math.nan, 2.0])
    _feed(plots, fresh)
    plots.redraw()
    x, y = plots.loss.batch_curve.getOriginalDataset()
    assert list(x) == pytest.approx([0.001, 0.002, 0.004])
    assert list(y) == pytest.approx([1.0, 2.25, 2.1224490], abs=1e-6)  # 0.6: debiased afresh
    assert len(plots.batch_x) == len(plots.batch_loss) == len(plots.batch_acc) == 4
    series = SmoothedSeries()
    for value in (5.0, 4.0):
        series.append(value)
    series.smoothed(0.6)
    series.clear()
    series.append(1.0)
    assert list(series.smoothed(0.6)) == [1.0]  # not 4.4: the old average is gone
