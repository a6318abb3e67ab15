"""Found when tried as a new user: scrolling the settings changed a setting, and the window
shifted under the pointer when the first "Best epoch" line appeared."""

from __future__ import annotations

from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtGui import QWheelEvent
from PySide6.QtWidgets import QApplication


def _wheel(widget, steps: int = -1) -> None:
    centre = QPointF(widget.width() / 2, widget.height() / 2)
    event = QWheelEvent(
        centre, widget.mapToGlobal(centre), QPoint(0, 0), QPoint(0, 120 * steps),
        Qt.MouseButton.NoButton, Qt.KeyboardModifier.NoModifier, Qt.ScrollPhase.NoScrollPhase,
        False,
    )  # fmt: skip
    QApplication.sendEvent(widget, event)


def test_the_wheel_changes_no_setting_it_passes_over(qtbot):
    from cifar_gui.gui.settings_panel import SettingsPanel

    panel = SettingsPanel()
    qtbot.addWidget(panel)
    panel.show()
    optimizer = panel.fields["optimizer"].editor
    before = optimizer.currentIndex()
    _wheel(optimizer)
    assert optimizer.currentIndex() == before  # not focused: the panel scrolls instead
    optimizer.setFocus()
    qtbot.waitUntil(optimizer.hasFocus)
    _wheel(optimizer)
    assert optimizer.currentIndex() != before  # clicked or tabbed to: the wheel works


def test_the_best_epoch_line_does_not_widen_the_plots(qtbot):
    from cifar_gui.gui.training_plots import TrainingPlots
    from cifar_gui.progress import EpochResult

    plots = TrainingPlots()
    qtbot.addWidget(plots)
    before = plots.minimumSizeHint().width()
    plots.add_epoch(EpochResult(1, 1.9, 0.31, 1.7, 0.42, 1e-4, 10.0))
    plots.redraw()
    assert "Best epoch 1" in plots.best_label.text()
    assert plots.minimumSizeHint().width() == before
    assert plots.best_label.toolTip() == plots.best_label.text()


def test_an_accuracy_axis_never_shows_below_zero_or_above_one(qtbot):
    from cifar_gui.gui.training_plots import TrainingPlots
    from cifar_gui.progress import EpochResult

    plots = TrainingPlots()
    qtbot.addWidget(plots)
    plots.resize(800, 400)
    plots.show()
    plots.add_epoch(EpochResult(1, 1.9, 0.31, 1.7, 0.42, 1e-4, 10.0))
    plots.redraw()
    low, high = plots.acc_widget.getPlotItem().getViewBox().viewRange()[1]
    assert low >= -0.021 and high <= 1.021


def test_a_fields_own_help_comes_back_once_its_problem_is_gone(qtbot):
    from cifar_gui.gui.settings_panel import SettingsPanel

    panel = SettingsPanel()
    qtbot.addWidget(panel)
    editor = panel.fields["limit_train"].editor
    help_text = editor.toolTip()
    assert "validation split is taken from these N" in help_text
    editor.setText("1")  # refused: fewer than 2
    assert editor.toolTip() != help_text and panel.fields["limit_train"].error.text()
    editor.setText("500")
    assert editor.toolTip() == help_text


def test_after_a_run_ends_no_eta_is_left_on_screen(qtbot):
    from cifar_gui.gui.progress_panel import ProgressPanel

    progress = ProgressPanel()
    qtbot.addWidget(progress)
    progress.eta_label.setText("ETA 2:08")
    progress.stop()
    assert progress.eta_label.text() == ""
