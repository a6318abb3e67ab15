"""The training plot's best epoch is the run's best epoch (``cifar_gui.improvement``)."""

from __future__ import annotations

import math

NAN = math.nan


def test_the_training_plot_marks_no_best_epoch_without_a_figure(qtbot):
    from cifar_gui.gui.training_plots import TrainingPlots
    from cifar_gui.progress import EpochResult

    plots = TrainingPlots()
    qtbot.addWidget(plots)
    plots.reset("val_loss")
    for epoch, val_loss in enumerate([NAN, NAN], 1):
        plots.add_epoch(EpochResult(epoch, 1.0, 0.5, val_loss, 0.5, 1e-3, 1.0))
    assert plots.best_epoch is None  # was epoch 1, shown as "Best epoch 1: ... loss nan"
    plots.add_epoch(EpochResult(3, 1.0, 0.5, 0.9, 0.4, 1e-3, 1.0))
    plots.add_epoch(EpochResult(4, 1.0, 0.6, 0.9, 0.6, 1e-3, 1.0))
    assert plots.best_epoch.epoch == 3  # the first of equal losses, as best.keras
    plots.reset("val_acc")
    plots.load_history([{"epoch": 1, "val_acc": 0.6}, {"epoch": 2, "val_acc": 0.6}])
    assert plots.best_epoch.epoch == 1
