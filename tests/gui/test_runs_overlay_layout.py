"""QA findings 3 and 6 (Runs tab): with six runs selected, at the window's default size, the
overlay plots keep a readable height, the legend lists every run beside them, the lesson table
shows all its rows, the "select several runs" hint goes, and no figure reads "-0.000"."""

from __future__ import annotations

from tests.gui.fake_runs import write_run

NAMES = [f"20261130-05{minute:02d}00-dropout-{minute:04x}" for minute in range(30, 36)]
MIN_DATA_HEIGHT = 120  # pixels of a plot's data area: curves and tick labels readable


def _six_runs(root):
    paths = []
    for index, name in enumerate(NAMES):
        history = [{"epoch": e, "loss": 1.0 / e, "acc": 0.3 * e, "val_loss": 1.0 / e + 0.01 * index,
                    "val_acc": 0.28 * e} for e in (1, 2, 3)]  # fmt: skip
        paths.append(write_run(root, f"202611{index + 1:02d}-100000-r{index}", name=name,
                               history=history))  # fmt: skip
    return paths


def test_six_selected_runs_leave_the_plots_readable_at_the_default_size(make_window, qtbot):
    from cifar_gui.paths import default_runs_dir

    paths = _six_runs(default_runs_dir())
    window = make_window(load_tensorflow_now=False)
    window.tabs.setCurrentWidget(window.runs_tab)
    tab = window.runs_tab
    tab.refresh()
    tab.select_paths(paths)
    qtbot.wait(50)
    plot = tab.comparison
    for widget in (plot.loss_widget, plot.acc_widget):
        assert widget.getPlotItem().getViewBox().height() >= MIN_DATA_HEIGHT
    table = tab.lesson.table
    last = table.rowCount() - 1
    assert table.rowViewportPosition(0) >= 0
    assert table.rowViewportPosition(last) + table.rowHeight(last) <= table.viewport().height()
    assert sorted(plot.legend.names()) == sorted(NAMES)
    assert not tab.hint.isVisible()
    tab.select_paths(paths[:1])
    assert tab.hint.isVisible()
