"""Issue 10, items 6 and 16 (plots): every item follows the axis mode, bad points are left out
one by one, no SI-prefix scaling of the epoch axis, legends off the data, ranges reset per run."""

from __future__ import annotations

import math

import numpy as np
import pytest

from cifar_gui.progress import BatchProgress, EpochResult


@pytest.fixture
def plots(qtbot):
    from cifar_gui.gui.training_plots import TrainingPlots

    widget = TrainingPlots()
    qtbot.addWidget(widget)
    widget.resize(1000, 420)
    widget.show()
    return widget


def _epochs(plots, rows):
    for epoch, (loss, val_loss) in enumerate(rows, start=1):
        plots.add_epoch(EpochResult(epoch, loss, 0.3 + epoch / 20, val_loss, 0.3 + epoch / 25,
                                    0.001, 1.0))  # fmt: skip
    plots.redraw()


def _spots(panel, name):
    return [
        (s.pos().x(), s.pos().y(), s.data()) for s in panel.points.points() if s.data()[0] == name
    ]


def test_log_scale_puts_markers_tips_and_best_line_on_the_curves(plots):
    _epochs(plots, [(1.96, 2.1), (1.2, 1.5), (0.8, 1.3)])
    plots.log_scale.setChecked(True)
    train = _spots(plots.loss, "train")
    assert [y for _, y, _ in train] == pytest.approx(np.log10([1.96, 1.2, 0.8]))
    _, curve_y = plots.loss.train_curve.getData()  # the curve, in the same (log10) coordinates
    assert list(curve_y) == pytest.approx([y for _, y, _ in train])
    tip = plots.loss._tip(*train[0][:2], train[0][2])
    assert "1.9600" in tip and "epoch 1" in tip  # the real loss, not 10**loss or log10(loss)
    assert plots.loss.best_line.value() == 3  # best val_acc at epoch 3
    plots.loss.item.setLogMode(x=True, y=True)  # as the plot's context menu does
    assert plots.loss.best_line.value() == pytest.approx(math.log10(3))
    assert [x for x, _, _ in _spots(plots.loss, "train")] == pytest.approx(np.log10([1, 2, 3]))
    plots.log_scale.setChecked(False)
    plots.loss.item.setLogMode(x=False, y=False)
    assert [y for _, y, _ in _spots(plots.loss, "train")] == pytest.approx([1.96, 1.2, 0.8])


def test_one_nan_or_one_zero_under_log_scale_leaves_out_only_that_point(plots):
    _epochs(plots, [(1.5, 1.6), (0.0, math.nan), (0.7, 0.9), (0.5, 0.8)])
    assert list(plots.loss.val_curve.getData()[0]) == [1, 3, 4]
    assert list(plots.loss.train_curve.getData()[0]) == [1, 2, 3, 4]
    plots.log_scale.setChecked(True)
    assert list(plots.loss.train_curve.getData()[0]) == [1, 3, 4]  # zero: no log
    assert list(plots.loss.val_curve.getData()[0]) == [1, 3, 4]
    assert len(_spots(plots.loss, "train")) == 3


def test_a_nan_batch_loss_does_not_poison_the_smoothed_line(plots):
    for step, loss in enumerate([2.0, 1.8, math.nan, 1.6, 0.0, 1.5], start=1):
        plots.add_batch(BatchProgress(1, step, 6, loss, 0.2, 100.0))
    plots.log_scale.setChecked(True)
    plots.redraw()
    x, y = plots.loss.batch_curve.getData()
    assert len(x) == 5 and np.isfinite(y).all()  # only the NaN is left out; smoothed, 0 is not 0
    assert y[-1] == pytest.approx(np.log10(1.1814712), abs=1e-6)  # the average went on past NaN
    plots.smoothing.setValue(0.0)
    plots.redraw()
    x, y = plots.loss.batch_curve.getData()
    assert list(x) == pytest.approx([1 / 6, 2 / 6, 4 / 6, 1.0])  # the NaN and the zero alone


def test_the_epoch_axis_never_shows_an_si_prefix(plots):
    for step in range(1, 5):
        plots.add_batch(BatchProgress(1, step, 1000, 2.0, 0.1, 100.0))
    plots.redraw()
    for panel in (plots.loss, plots.acc):
        panel.item.getViewBox().setXRange(0, 0.004)
        label = panel.item.getAxis("bottom").labelString()
        assert "epoch" in label and "(x" not in label, label  # not "epoch (x0.001)"


def _overlaps(legend, plot_item) -> bool:
    return legend.sceneBoundingRect().intersects(plot_item.getViewBox().sceneBoundingRect())


def test_legends_sit_outside_the_data_area(plots, qtbot, tmp_path):
    from cifar_gui.gui.data_explorer import DataExplorer
    from cifar_gui.gui.run_comparison_plot import RunComparisonPlot

    _epochs(plots, [(1.0, 1.1), (0.5, 0.6)])
    explorer, comparison = DataExplorer(), RunComparisonPlot()
    for widget in (explorer, comparison):
        qtbot.addWidget(widget)
        widget.resize(900, 600)
        widget.show()
    names = ("airplane", "automobile", "bird")
    explorer._fill_counts(names, {"train": [900, 800, 700], "validation": [90, 80, 70]})
    items = [plots.loss.item, plots.acc.item, explorer.counts_plot.getPlotItem()]
    qtbot.wait(10)
    for item in items:
        assert item.legend is not None
        assert not _overlaps(item.legend, item)
    # The runs overlay lists its runs beside both plots, in a widget of its own.
    for widget in (comparison.loss_widget, comparison.acc_widget):
        assert not comparison.legend.geometry().intersects(widget.geometry())
    assert len(plots.acc.item.legend.items) == 3


def test_a_new_run_resets_the_axis_ranges(plots, qtbot):
    _epochs(plots, [(1.0, 1.1), (0.5, 0.6)])
    view = plots.acc.item.getViewBox()
    view.setRange(xRange=(40, 50), yRange=(5, 6))  # the user zoomed
    qtbot.wait(50)
    assert view.viewRange()[0][0] > 30  # and the zoom stays while this run goes on
    plots.reset()
    _epochs(plots, [(2.0, 2.1)])

    def shows_the_new_run():
        (x0, x1), (y0, y1) = view.viewRange()
        return x0 <= 1 <= x1 and y0 <= 0.35 <= y1

    qtbot.waitUntil(shows_the_new_run, timeout=2000)


def test_the_runs_overlay_leaves_out_a_nan_point_alone(qtbot, tmp_path):
    from cifar_gui.gui.run_comparison_plot import RunComparisonPlot
    from tests.gui.fake_runs import write_run

    history = [{"epoch": e, "loss": 1.0, "acc": 0.5, "val_loss": v, "val_acc": 0.5}
               for e, v in ((1, 1.2), (2, "nan"), (3, 0.9))]  # fmt: skip
    run = write_run(tmp_path, "20260101-100000-a", name="a", history=history)
    plot = RunComparisonPlot()
    qtbot.addWidget(plot)
    plot.set_runs([("a", run)])
    x, y = plot.curves["loss"][0].getData()
    assert list(x) == [1, 3] and list(y) == pytest.approx([1.2, 0.9])


def test_a_legend_wraps_rather_than_widening_a_narrow_plot(qtbot):
    from cifar_gui.gui.training_plots import TrainingPlots

    narrow = TrainingPlots()
    qtbot.addWidget(narrow)
    narrow.resize(520, 420)
    narrow.show()
    qtbot.wait(20)
    for widget, panel in ((narrow.loss_widget, narrow.loss), (narrow.acc_widget, narrow.acc)):
        assert panel.item.sceneBoundingRect().width() <= widget.width()
        assert panel.item.legend.columnCount < 3  # wrapped onto more rows
        assert not _overlaps(panel.item.legend, panel.item)
