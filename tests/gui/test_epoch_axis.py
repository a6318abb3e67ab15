"""Epoch axes tick at whole epochs only, and every plot with a legend keeps it off the data."""

from __future__ import annotations

import pytest


def _tick_values(axis, low: float, high: float) -> list[float]:
    values = []
    for _spacing, ticks in axis.tickValues(low, high, 400):
        values += list(ticks)
    return sorted(values)


def test_three_epochs_get_no_half_epoch_ticks(qtbot):
    from cifar_gui.gui.epoch_axis import EpochAxis

    axis = EpochAxis()
    values = _tick_values(axis, 1.0, 3.0)
    assert values and all(float(v).is_integer() for v in values), values
    assert {1.0, 2.0, 3.0} <= set(values)
    many = _tick_values(axis, 1.0, 300.0)
    assert all(float(v).is_integer() for v in many) and len(many) < 60


@pytest.mark.parametrize("which", ["sweep", "confusion", "training", "runs"])
def test_epoch_plots_use_the_epoch_axis(qtbot, tasks, tmp_path, which):
    from cifar_gui.gui.epoch_axis import EpochAxis

    if which == "sweep":
        from cifar_gui.gui.sweep_plots import SweepPlots

        widget = SweepPlots()
        plots = [widget.overlay]
    elif which == "confusion":
        from cifar_gui.gui.confusion_over_epochs import ConfusionEpochsPage

        widget = ConfusionEpochsPage(tasks, lambda: tmp_path)
        plots = [widget.view.accuracy_plot]
    elif which == "training":
        from cifar_gui.gui.training_plots import TrainingPlots

        widget = TrainingPlots()
        plots = [widget.loss_widget, widget.acc_widget]
    else:
        from cifar_gui.gui.run_comparison_plot import RunComparisonPlot

        widget = RunComparisonPlot()
        plots = [widget.loss_widget, widget.acc_widget]
    qtbot.addWidget(widget)
    for plot in plots:
        item = plot.getPlotItem()
        assert isinstance(item.getAxis("bottom"), EpochAxis)
        legend = item.legend
        if legend is not None:  # a legend in the plot's own grid, below the axis, not floating
            assert item.layout.itemAt(4, 1) is legend
