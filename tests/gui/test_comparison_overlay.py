"""Issue 12 item 3 (Runs tab): a history CSV (the course notebook's log) drawn beside the runs,
kept through selection changes until removed, refused in one sentence when it is no history;
the overlay saved as one PNG image, and a failed save said and leaving nothing behind. No
training: the runs are folders written by hand."""

from __future__ import annotations

import errno
import os

import numpy as np
import pytest
from PySide6.QtGui import QImage

from cifar_gui.gui.field_message import ERROR_STYLE
from tests.gui.fake_runs import write_run

NOTEBOOK = (
    "epoch,loss,acc,val_loss,val_acc,epoch_seconds\n"
    "1,1.7470,0.3639,1.4444,0.4709,15\n"
    "2,1.3831,0.4986,1.2439,0.5505,7\n"
    "3,1.2292,0.5634,1.1219,0.6006,7\n"
)
VAL_ACC = [0.4709, 0.5505, 0.6006]
ACC = [0.3639, 0.4986, 0.5634]


def _history(offset: float) -> list[dict]:
    return [{"epoch": e, "loss": 2.0 / e, "acc": 0.2 * e + offset, "val_loss": 2.1 / e,
             "val_acc": 0.2 * e + offset} for e in (1, 2, 3)]  # fmt: skip


@pytest.fixture
def tab(qtbot, tasks, tmp_path):
    from cifar_gui.gui.runs_tab import RunsTab

    root = tmp_path / "runs"
    root.mkdir()
    write_run(root, "20260101-100000-a", name="run-a", history=_history(0.0))
    write_run(root, "20260102-100000-b", name="run-b", history=_history(0.05))
    tab = RunsTab(tasks, lambda: root, lambda: None)
    qtbot.addWidget(tab)
    tab.resize(1200, 800)
    tab.show()
    qtbot.waitExposed(tab)
    tab.refresh()
    return tab


@pytest.fixture
def notebook_csv(tmp_path):
    path = tmp_path / "seed_run.csv"
    path.write_text(NOTEBOOK, encoding="utf-8")
    return path


def _y(curve) -> list[float]:
    return [round(float(v), 6) for v in curve.getData()[1]]


def test_a_history_csv_is_drawn_named_after_its_file_and_survives_selection(tab, notebook_csv):
    plot = tab.comparison
    tab.select_paths([str(run.path) for run in tab.runs])
    assert plot.add_history_csv(notebook_csv)
    assert plot.legend.names() == ["run-b", "run-a", "seed_run"]
    assert "from a CSV file" in plot.legend.item(2).toolTip()
    assert _y(plot.external_curves["val_acc"][0]) == VAL_ACC
    assert _y(plot.external_curves["val_loss"][0]) == [1.4444, 1.2439, 1.1219]
    assert list(plot.external_curves["val_acc"][0].getData()[0]) == [1, 2, 3]
    assert plot.external_curves["acc"] == []  # training curves only on request
    assert plot.external_curves["val_acc"][0].opts["pen"].style() != (
        plot.curves["acc"][0].opts["pen"].style()
    )  # told apart from the runs' solid lines
    assert tab.message.text() == "seed_run: 3 epochs drawn"

    tab.select_paths([str(tab.runs[0].path)])  # another selection: the CSV stays
    assert plot.legend.names() == [tab.runs[0].name, "seed_run"]
    assert _y(plot.external_curves["val_acc"][0]) == VAL_ACC
    plot.show_train.setChecked(True)
    assert _y(plot.external_curves["acc"][0]) == ACC
    assert _y(plot.external_curves["loss"][0]) == [1.7470, 1.3831, 1.2292]


def test_several_csvs_and_removing_them(tab, notebook_csv, tmp_path):
    plot = tab.comparison
    other = tmp_path / "teacher.csv"
    other.write_text("epoch,val_accuracy\n1,0.3\n2,0.4\n", encoding="utf-8")
    assert not plot.remove_csv_button.isEnabled()
    plot.add_history_csv(notebook_csv)
    plot.add_history_csv(other)
    plot.add_history_csv(notebook_csv)  # the same file again: read again, not twice
    assert plot.legend.names() == ["seed_run", "teacher"]
    assert _y(plot.external_curves["val_acc"][1]) == [0.3, 0.4]
    assert plot.remove_csv_button.isEnabled()
    plot.remove_csv_button.click()
    assert plot.legend.names() == []
    assert plot.external_curves["val_acc"] == []
    assert not plot.remove_csv_button.isEnabled()


def test_a_refused_csv_is_said_in_the_tabs_error_line_and_draws_nothing(tab, tmp_path):
    bad = tmp_path / "notes.csv"
    bad.write_text("loss,acc\n1.0,0.5\n", encoding="utf-8")
    assert not tab.comparison.add_history_csv(bad)
    assert tab.message.text() == f"{bad}: no 'epoch' column"
    assert tab.message.styleSheet() == ERROR_STYLE
    assert tab.comparison.legend.names() == []
    assert tab.comparison.external == []


def test_the_add_button_opens_a_file_dialog_and_draws_the_file(tab, notebook_csv, monkeypatch):
    from PySide6.QtWidgets import QFileDialog

    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(notebook_csv), ""))
    tab.comparison.add_csv_button.click()
    assert tab.comparison.legend.names() == ["seed_run"]


def _non_white(image: QImage, left: int, right: int) -> int:
    """Pixels neither white nor the window's grey background in columns ``left:right``."""
    pixels = np.frombuffer(image.constBits(), np.uint8).reshape(image.height(), -1, 4)
    part = pixels[:, left:right, :3].astype(int)
    dark = part.sum(axis=2) < 3 * 160
    return int(dark.sum())


def test_save_png_writes_both_panels_and_the_legend(tab, notebook_csv, tmp_path):
    plot = tab.comparison
    tab.select_paths([str(tab.runs[0].path)])
    plot.add_history_csv(notebook_csv)
    target = tmp_path / "out" / "comparison.png"
    assert plot.save_png(target)
    image = QImage(str(target)).convertToFormat(QImage.Format.Format_RGBA8888)
    ratio = plot.devicePixelRatioF()
    assert (image.width(), image.height()) == (
        round(plot.width() * ratio),
        round(plot.height() * ratio),
    )
    assert image.pixelColor(3, 3).name() == "#ffffff"  # the plots' white, as in the app
    loss_right = plot.loss_widget.geometry().right()
    acc_right = plot.acc_widget.geometry().right()
    assert _non_white(image, 0, loss_right) > 200  # axes, ticks and curves in each panel
    assert _non_white(image, loss_right + 1, acc_right) > 200
    assert _non_white(image, acc_right + 1, image.width()) > 50  # the legend's names
    assert tab.message.text() == f"Saved {target}"
    assert os.listdir(target.parent) == ["comparison.png"]


def test_a_failed_png_save_is_one_sentence_and_leaves_nothing(tab, tmp_path, monkeypatch):
    import cifar_gui.atomic as atomic

    target = tmp_path / "comparison.png"
    target.write_bytes(b"older image")

    def full_disk(*_args):
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(atomic.os, "replace", full_disk)
    assert not tab.comparison.save_png(target)
    assert tab.message.text() == f"{target} could not be saved: the disk is full"
    assert tab.message.styleSheet() == ERROR_STYLE
    assert target.read_bytes() == b"older image"
    assert not [name for name in os.listdir(tmp_path) if ".partial" in name]


def test_a_png_into_a_file_instead_of_a_folder_is_refused_in_one_sentence(tab, tmp_path):
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("x", encoding="utf-8")
    assert not tab.comparison.save_png(blocker / "comparison.png")
    assert tab.message.text().startswith(f"{blocker / 'comparison.png'} could not be saved: ")
    assert "\n" not in tab.message.text() and "Errno" not in tab.message.text()


def test_the_training_plots_say_a_failed_export_instead_of_dropping_it(qtbot, tmp_path):
    from cifar_gui.gui.training_plots import TrainingPlots

    plots = TrainingPlots()
    qtbot.addWidget(plots)
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("x", encoding="utf-8")
    with qtbot.waitSignal(plots.problem, timeout=1000) as said:
        assert not plots._export(plots.save_png, str(blocker / "training.png"))
    assert said.args[0].startswith(f"{blocker / 'training.png'} could not be saved: ")
    plots.save_png(tmp_path / "training.png")
    assert QImage(str(tmp_path / "training.png")).size() == plots.grab().size()
