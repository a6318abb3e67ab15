"""Issue 10, item 1: every sortable table keeps each row's cells together under any sort, and
numbers sort as numbers (no TensorFlow: the tables are fed recorded figures)."""

from __future__ import annotations

import types
from pathlib import Path

import numpy as np
import pytest
from PySide6.QtCore import Qt

from cifar_gui.gui.table_items import SORT_KEY_ROLE
from tests.gui.fake_runs import write_run

ORDERS = (Qt.SortOrder.AscendingOrder, Qt.SortOrder.DescendingOrder)
PER_CLASS = {  # bird's support and scores differ from every other class's
    "airplane": {"precision": 0.9, "recall": 0.8, "f1": 0.847, "support": 100},
    "automobile": {"precision": 0.95, "recall": 0.9, "f1": 0.9243, "support": 9},
    "bird": {"precision": 0.31, "recall": 0.62, "f1": 0.4133, "support": 10},
    "cat": {"precision": 0.5, "recall": 0.45, "f1": 0.4737, "support": 1000},
}


def _rows(table) -> list[list[str]]:
    return [
        [table.item(r, c).text() for c in range(table.columnCount())]
        for r in range(table.rowCount())
    ]


def _sort_keys(table, column: int) -> list[float]:
    return [table.item(r, column).data(SORT_KEY_ROLE) for r in range(table.rowCount())]


def test_per_class_scores_keep_the_class_name_with_its_row_under_every_sort(qtbot, tmp_path):
    from cifar_gui.gui.evaluation_view import EvaluationView
    from cifar_gui.gui.workers import BackgroundTasks
    from cifar_gui.run_store.stored_evaluation import StoredEvaluation

    view = EvaluationView(BackgroundTasks())
    qtbot.addWidget(view)
    names = list(PER_CLASS)
    figures = {"class_names": names, "per_class": PER_CLASS, "confusion_matrix": np.eye(4).tolist(),
               "test_acc": 0.6, "test_loss": 1.1}  # fmt: skip
    view.show_stored(StoredEvaluation(tmp_path, figures, gallery_note="none"))
    table = view.scores
    assert table.horizontalHeaderItem(0).text() == "Class"
    for column in range(table.columnCount()):
        for order in ORDERS:
            table.sortByColumn(column, order)  # as a click on the header does
            rows = {row[0]: row for row in _rows(table)}
            assert rows["bird"] == ["bird", "0.3100", "0.6200", "0.4133", "10"], (column, order)
            assert rows["cat"][4] == "1000"
    table.sortByColumn(
        4, Qt.SortOrder.AscendingOrder
    )  # 9 < 10 < 100 < 1000, not "10" < "100" < "9"
    assert [row[0] for row in _rows(table)] == ["automobile", "bird", "airplane", "cat"]


def test_the_runs_table_keeps_each_run_in_one_row_under_every_sort(make_window, tmp_path):
    from cifar_gui.paths import default_runs_dir

    root = default_runs_dir()
    write_run(root, "20260101-100000-a", name="alpha", best=0.9, test=0.85, seconds=30, done=9,
              planned=10, status="stopped")  # fmt: skip
    write_run(root, "20260102-100000-b", name="Bravo", best=0.45, test=None, seconds=3700, done=10,
              planned=10)  # fmt: skip
    write_run(root, "20260103-100000-c", name="charlie", best=None, seconds=None, done=0,
              planned=5, status="failed")  # fmt: skip
    tab = make_window(load_tensorflow_now=False).runs_tab
    tab.refresh()
    table = tab.table
    expected = {"Bravo": ["10/10", "0.4500", "", "1:01:40", "completed"],
                "alpha": ["9/10", "0.9000", "0.8500", "0:30", "stopped"]}  # fmt: skip
    for column in range(table.columnCount()):
        for order in ORDERS:
            table.sortByColumn(column, order)
            rows = {row[0]: row for row in _rows(table)}
            for name, cells in expected.items():
                assert [rows[name][i] for i in (5, 6, 7, 8, 10)] == cells, (column, order)
                path = table.item(_rows(table).index(rows[name]), 0).data(Qt.ItemDataRole.UserRole)
                assert Path(path).name.endswith("-a" if name == "alpha" else "-b")
    table.sortByColumn(8, Qt.SortOrder.AscendingOrder)  # durations by seconds; no duration last
    assert [row[0] for row in _rows(table)] == ["alpha", "Bravo", "charlie"]
    table.sortByColumn(0, Qt.SortOrder.AscendingOrder)  # names without regard to case
    assert [row[0] for row in _rows(table)] == ["alpha", "Bravo", "charlie"]


def _result(name: str, probabilities):
    return types.SimpleNamespace(path=Path(f"/photos/{name}"), error=None,
                                 probabilities=np.asarray(probabilities, dtype=float))  # fmt: skip


@pytest.fixture
def classify_tab(qtbot, tmp_path):
    from cifar_gui.gui.classify_tab import ClassifyTab
    from cifar_gui.gui.workers import BackgroundTasks

    tab = ClassifyTab(BackgroundTasks(), lambda: tmp_path / "runs")
    qtbot.addWidget(tab)
    tab.loaded = types.SimpleNamespace(class_names=("cat", "dog", "frog"), data_source=None)
    return tab


def test_the_folder_table_shows_rows_as_they_come_and_keeps_them_together(classify_tab):
    tab = classify_tab
    tab.folder_page._arrived = [
        _result("a.png", [0.13, 0.2075, 0.6625]),
        _result("b.png", [0.9, 0.05, 0.05]),
    ]
    tab.folder_page._progress(2, 4)  # the first chunk is done: its rows are there already
    assert tab.table.rowCount() == 2
    tab.folder_page._arrived += [
        _result("c.png", [0.1, 0.095, 0.805]),
        types.SimpleNamespace(path=Path("/photos/bad.jpg"), probabilities=None, error="unreadable"),
    ]
    tab.folder_page._progress(4, 4)
    tab.folder_page._done(list(tab.folder_page._arrived))
    table = tab.table
    assert table.rowCount() == 4 and len(tab.folder_results) == 4
    for column in range(table.columnCount()):
        for order in ORDERS:
            table.sortByColumn(column, order)
            rows = {Path(row[0]).name: row for row in _rows(table)}
            assert rows["a.png"][1:4] == ["frog", "66.2%", "frog 66.2%, dog 20.8%, cat 13.0%"]
            assert rows["bad.jpg"][1:] == ["", "", "", "unreadable"]
            if column in (1, 2, 3):  # no value: last in either order, as in a spreadsheet
                assert Path(_rows(table)[-1][0]).name == "bad.jpg", (column, order)
    table.sortByColumn(2, Qt.SortOrder.DescendingOrder)
    assert [Path(row[0]).name for row in _rows(table)] == ["b.png", "c.png", "a.png", "bad.jpg"]


def test_the_runs_table_opens_newest_first_and_sorts_names_in_reading_order(make_window):
    from cifar_gui.paths import default_runs_dir

    for day, name in ((1, "run 10"), (2, "run 9"), (3, "Run 1")):
        write_run(default_runs_dir(), f"202601{day:02d}-100000-r", name=name)
    tab = make_window(load_tensorflow_now=False).runs_tab
    tab.refresh()
    table = tab.table
    assert [row[0] for row in _rows(table)] == ["Run 1", "run 9", "run 10"]  # newest first
    table.sortByColumn(0, Qt.SortOrder.AscendingOrder)
    assert [row[0] for row in _rows(table)] == ["Run 1", "run 9", "run 10"]  # 9 before 10
    table.sortByColumn(0, Qt.SortOrder.DescendingOrder)
    assert [row[0] for row in _rows(table)] == ["run 10", "run 9", "Run 1"]
