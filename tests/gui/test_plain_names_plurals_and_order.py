"""QA findings 6, 9, 11 and 12: no "-0.000"; a run's name with HTML in it reads as typed in
every label, legend and message; "1 run deleted", not "1 run(s) deleted"; the per-class scores
open in class order without a misleading arrow, and "Show all mistakes" waits for a filter."""

from __future__ import annotations

import numpy as np
from PySide6.QtCore import Qt

from tests.gui.fake_runs import write_run

HTML_NAME = "첫 실험 / test <b>x</b>"


def _history(gaps):
    return [{"epoch": e, "loss": 1.0, "acc": 0.5, "val_loss": 1.0 + gap, "val_acc": 0.5}
            for e, gap in enumerate(gaps, 1)]  # fmt: skip


def test_a_gap_just_below_zero_reads_0_000_not_minus_zero(qtbot, tmp_path):
    from cifar_gui.gui.lesson_table import LessonTable

    tiny = write_run(tmp_path, "20260101-100000-a", name="tiny", history=_history([0.2, -0.0002]))
    wide = write_run(tmp_path, "20260102-100000-b", name="wide", history=_history([0.2, 0.3]))
    lesson = LessonTable()
    qtbot.addWidget(lesson)
    lesson.set_runs([("tiny", tiny), ("wide", wide)])
    cells = [lesson.table.item(r, c).text() for r in range(7) for c in range(2)]
    assert lesson.table.item(1, 0).text() == "0.000"
    assert not any(cell.startswith("-0.000") for cell in cells)
    assert (
        "Smallest gap at the end, by size (closest to 0, either sign): tiny (0.000)"
        in lesson.conclusion.text()
    )


def test_a_run_name_with_html_reads_as_typed(qtbot, tmp_path):
    from cifar_gui.gui.evaluation_view import EvaluationView
    from cifar_gui.gui.run_comparison_plot import RunComparisonPlot
    from cifar_gui.gui.workers import BackgroundTasks
    from cifar_gui.run_store.stored_evaluation import StoredEvaluation

    run = write_run(tmp_path, "20260101-100000-a", name=HTML_NAME, history=_history([0.1, 0.2]))
    view = EvaluationView(BackgroundTasks())
    qtbot.addWidget(view)
    figures = {"class_names": ["a", "b"], "per_class": {}, "confusion_matrix": np.eye(2).tolist(),
               "test_acc": 0.6, "test_loss": 1.1}  # fmt: skip
    view.show_stored(StoredEvaluation(run, figures, gallery_note="none"))
    assert view.title.text().startswith(HTML_NAME)
    assert view.title.textFormat() == Qt.TextFormat.PlainText  # "<b>" drawn, not bold
    plot = RunComparisonPlot()
    qtbot.addWidget(plot)
    plot.set_runs([(HTML_NAME, run)])
    assert plot.legend.names() == [HTML_NAME]
    assert plot.note.textFormat() == Qt.TextFormat.PlainText


def test_a_pyqtgraph_legend_shows_a_name_with_markup_literally(qtbot):
    import pyqtgraph as pg

    from cifar_gui.gui.plot_legends import legend_below

    widget = pg.PlotWidget()
    qtbot.addWidget(widget)
    legend = legend_below(widget.getPlotItem())
    widget.plot([1, 2], [1, 2], name=HTML_NAME)
    ((_sample, label),) = legend.items
    assert label.item.toPlainText() == HTML_NAME  # what is drawn: the tags as text


def test_deleting_runs_says_1_run_or_n_runs(qtbot, tasks, tmp_path):
    from cifar_gui.gui.runs_tab import RunsTab

    paths = [write_run(tmp_path, f"2026010{d}-100000-r", name=f"r{d}") for d in (1, 2, 3)]
    tab = RunsTab(tasks, lambda: tmp_path, lambda: None)
    qtbot.addWidget(tab)
    tab.refresh()
    assert tab.delete([str(paths[0])]) == 1
    assert tab.message.text() == "1 run deleted"
    assert tab.delete([str(p) for p in paths[1:]]) == 2
    assert tab.message.text() == "2 runs deleted"


def test_per_class_scores_open_in_class_order_and_show_all_waits_for_a_filter(qtbot, tmp_path):
    from cifar_gui.gui.evaluation_view import EvaluationView
    from cifar_gui.gui.workers import BackgroundTasks
    from cifar_gui.run_store.stored_evaluation import StoredEvaluation

    view = EvaluationView(BackgroundTasks())
    qtbot.addWidget(view)
    assert not view.show_all_button.isEnabled()  # nothing shown yet
    names = ["truck", "airplane", "cat"]  # the data set's class order, not A to Z
    scores = {"precision": 0.5, "recall": 0.5, "f1": 0.5, "support": 10}
    confusion = [[8, 1, 1], [0, 10, 0], [2, 0, 8]]
    labels = np.array([0] * 10 + [1] * 10 + [2] * 10)
    probabilities = np.eye(3)[np.array([0] * 8 + [1, 2] + [1] * 10 + [0, 0] + [2] * 8)]
    figures = {"class_names": names, "per_class": {n: scores for n in names},
               "confusion_matrix": confusion, "test_acc": 0.87, "test_loss": 0.4}  # fmt: skip
    stored = StoredEvaluation(tmp_path, figures, labels=labels, probabilities=probabilities,
                              images=np.zeros((30, 32, 32, 3), np.uint8))  # fmt: skip
    view.show_stored(stored)
    table = view.scores
    assert [table.item(r, 0).text() for r in range(3)] == names
    assert table.horizontalHeader().sortIndicatorSection() == -1  # no arrow claims an order
    assert not view.show_all_button.isEnabled()  # every mistake is shown already
    view.filter_by_cell(0, 2)
    assert view.show_all_button.isEnabled()
    view.show_all_button.click()
    assert view.gallery.count() == 4 and not view.show_all_button.isEnabled()


def test_tooltips_and_dialogs_show_a_name_with_markup_as_typed(qtbot, tasks, tmp_path):
    from PySide6.QtGui import QTextDocument
    from PySide6.QtWidgets import QLabel

    from cifar_gui.gui.plain_text import plain_tooltip
    from cifar_gui.gui.run_legend import RunLegend
    from cifar_gui.gui.runs_tab import RunsTab

    document = QTextDocument()
    document.setHtml(plain_tooltip(HTML_NAME + "\n& more"))  # as Qt draws a rich tooltip
    assert document.toPlainText() == HTML_NAME + "\n& more"
    assert plain_tooltip("plain words") == "plain words"
    legend = RunLegend()
    qtbot.addWidget(legend)
    legend.set_entries([(HTML_NAME, "#0072B2")])
    document.setHtml(legend.item(0).toolTip())
    assert document.toPlainText() == HTML_NAME
    tab = RunsTab(tasks, lambda: tmp_path, lambda: None)
    qtbot.addWidget(tab)
    dialog = tab.rename_dialog(HTML_NAME)
    assert all(
        label.textFormat() == Qt.TextFormat.PlainText for label in dialog.findChildren(QLabel)
    )
