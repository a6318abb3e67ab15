"""QA pass 3, N7 and finding 7 in the Runs tab's lesson table: "Smallest gap at the end"
rewarded the most negative gap (a run at chance with validation loss below training loss won),
marked one of two tied runs, and a run that learned nothing was called best."""

from __future__ import annotations

import json

from tests.gui.fake_runs import write_run

TEN = [f"class{i}" for i in range(10)]


def _run(root, folder, name, gap, val_acc, val_loss=None):
    val = 2.3 + gap if val_loss is None else val_loss
    history = [{"epoch": e, "loss": val - gap, "acc": val_acc, "val_loss": val,
                "val_acc": val_acc} for e in (1, 2)]  # fmt: skip
    path = write_run(root, folder, name=name, history=history, best=val_acc)
    config = json.loads((path / "config.json").read_text())
    config["class_names"] = TEN
    (path / "config.json").write_text(json.dumps(config))
    return path


def _lesson(qtbot, runs):
    from cifar_gui.gui.lesson_table import LessonTable

    lesson = LessonTable()
    qtbot.addWidget(lesson)
    lesson.set_runs(runs)
    return lesson


def test_a_negative_gap_is_no_better_than_a_positive_one_of_its_size(qtbot, tmp_path):
    below = _run(tmp_path, "20260101-100000-a", "below", -0.3, 0.6)
    above = _run(tmp_path, "20260102-100000-b", "above", 0.1, 0.6)
    lesson = _lesson(qtbot, [("below", below), ("above", above)])
    assert lesson.table.item(1, 1).font().bold() and not lesson.table.item(1, 0).font().bold()
    assert "closest to 0, either sign): above (0.100)" in lesson.conclusion.text()


def test_tied_runs_are_marked_alike(qtbot, tmp_path):
    one = _run(tmp_path, "20260101-100000-a", "one", -0.022, 0.6, val_loss=2.273)
    two = _run(tmp_path, "20260102-100000-b", "two", 0.022, 0.6, val_loss=2.273)
    lesson = _lesson(qtbot, [("one", one), ("two", two)])
    assert lesson.table.item(1, 0).font().bold() and lesson.table.item(1, 1).font().bold()
    assert lesson.table.item(4, 0).font().bold() and lesson.table.item(4, 1).font().bold()
    assert "either sign): one, two (0.022); lowest validation loss: one, two (2.273, epoch 1)" in (
        lesson.conclusion.text()
    )


def test_a_run_at_chance_is_never_best_and_is_named(qtbot, tmp_path):
    chance = _run(tmp_path, "20260101-100000-a", "chance", -0.022, 0.1)
    learned = _run(tmp_path, "20260102-100000-b", "learned", 0.4, 0.55)
    other = _run(tmp_path, "20260103-100000-c", "other", 0.5, 0.5)
    lesson = _lesson(qtbot, [("chance", chance), ("learned", learned), ("other", other)])
    assert not lesson.table.item(1, 0).font().bold() and not lesson.table.item(4, 0).font().bold()
    text = lesson.conclusion.text()
    assert "either sign): learned (0.400)" in text
    assert "Learned nothing (accuracy at chance), so best at nothing: chance." in text
