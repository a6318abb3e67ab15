"""QA finding 7 in the window: a run that learned nothing is flagged on the status bar after
it ends, on the Evaluation tab and in the Runs table (the judgement: cifar_gui.chance)."""

from __future__ import annotations

import json
import types

import numpy as np

from tests.gui.fake_runs import write_run

NAMES = ["horizontal stripes", "vertical stripes", "diagonal stripes"]


def _with_classes(path, names=NAMES):
    config = json.loads((path / "config.json").read_text())
    config["class_names"] = names
    (path / "config.json").write_text(json.dumps(config))
    return path


def test_the_status_bar_says_a_finished_run_learned_nothing(make_window, tmp_path):
    window = make_window(load_tensorflow_now=False)
    run = _with_classes(write_run(tmp_path, "20260101-100000-a", name="a"))
    result = types.SimpleNamespace(status="completed", run_dir=run, history=[{"val_acc": 0.33}],
                                   summary={"test_acc": 0.34, "epochs_completed": 2})  # fmt: skip
    window._run_finished(result)
    said = window.statusBar().currentMessage()
    assert said.endswith(
        "test accuracy 0.3400 — Accuracy 0.3400 is at chance level (0.33 for 3 classes): the "
        "model has learned nothing yet; train longer or raise the learning rate."
    )


def test_the_evaluation_tab_says_every_image_went_to_one_class(qtbot, tmp_path):
    from cifar_gui.gui.evaluation_view import EvaluationView
    from cifar_gui.gui.workers import BackgroundTasks
    from cifar_gui.run_store.stored_evaluation import StoredEvaluation

    view = EvaluationView(BackgroundTasks())
    qtbot.addWidget(view)
    labels = np.array([0, 1, 2] * 4)
    probabilities = np.tile([0.2, 0.2, 0.6], (12, 1))
    figures = {"class_names": NAMES, "per_class": {}, "test_acc": 4 / 12, "test_loss": 1.1,
               "confusion_matrix": [[0, 0, 4]] * 3, "test_images": 12}  # fmt: skip
    stored = StoredEvaluation(tmp_path, figures, labels=labels, probabilities=probabilities,
                              images=np.zeros((12, 32, 32, 3), np.uint8))  # fmt: skip
    view.show_stored(stored)
    assert not view.chance_label.isHidden()
    assert view.chance_label.text() == (
        "All 12 test images were predicted as 'diagonal stripes': the model has learned "
        "nothing yet; train longer or raise the learning rate."
    )
    figures = {**figures, "confusion_matrix": [[4, 0, 0], [0, 4, 0], [0, 0, 4]], "test_acc": 1.0}
    view.show_stored(StoredEvaluation(tmp_path, figures))
    assert view.chance_label.isHidden()


def test_the_runs_table_marks_a_run_at_chance(qtbot, tasks, tmp_path):
    from cifar_gui.gui.runs_tab import RunsTab

    _with_classes(write_run(tmp_path, "20260101-100000-a", name="chance", best=0.33, test=0.34))
    _with_classes(write_run(tmp_path, "20260102-100000-b", name="learned", best=0.8, test=0.7))
    tab = RunsTab(tasks, lambda: tmp_path, lambda: None)
    qtbot.addWidget(tab)
    tab.refresh()
    headers = [tab.table.horizontalHeaderItem(c).text() for c in range(tab.table.columnCount())]
    rows = {tab.table.item(r, 0).text(): r for r in range(tab.table.rowCount())}
    test = headers.index("Test acc")
    assert tab.table.item(rows["chance"], test).text() == "0.3400 (chance)"
    assert "learned nothing" in tab.table.item(rows["chance"], test).toolTip()
    assert tab.table.item(rows["learned"], test).text() == "0.7000"
