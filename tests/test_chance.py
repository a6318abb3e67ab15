"""QA finding 7: a run that learned nothing (accuracy at chance, or every test image predicted
as one class) was not flagged. The judgement (cifar_gui.chance) and the CLI's last line."""

from __future__ import annotations

import json
import types

from cifar_gui import cli
from cifar_gui.chance import at_chance, chance_note, single_predicted_class

ONE_CLASS = [[0, 0, 100] + [0] * 7 for _ in range(10)]  # every image predicted as class 2


def test_the_threshold_is_one_over_k_plus_two_points():
    assert at_chance(0.1, 10) and at_chance(0.12, 10)
    assert not at_chance(0.1201, 10)
    assert at_chance(0.52, 2) and not at_chance(0.53, 2)
    assert not at_chance(float("nan"), 10) and not at_chance(0.1, None)


def test_one_predicted_class_is_found_in_the_confusion_matrix():
    assert single_predicted_class(ONE_CLASS) == 2
    assert single_predicted_class([[5, 1], [0, 4]]) is None
    assert single_predicted_class([[0, 0], [0, 0]]) is None
    assert single_predicted_class("junk") is None


def test_every_image_as_one_class_is_said_with_the_class_name():
    names = [f"c{i}" for i in range(10)]
    names[2] = "diagonal stripes"
    evaluation = {"class_names": names, "confusion_matrix": ONE_CLASS, "test_images": 1000}
    note = chance_note({"test_acc": 0.1, "evaluation": evaluation})
    assert note == (
        "All 1000 test images were predicted as 'diagonal stripes': the model has learned "
        "nothing yet; train longer or raise the learning rate."
    )


def test_a_final_validation_accuracy_at_chance_is_said():
    history = [{"epoch": 1, "val_acc": 0.4}, {"epoch": 2, "val_acc": 0.11}]
    note = chance_note({"best_val_acc": 0.4}, history, 10)
    assert note.startswith("Accuracy 0.1100 is at chance level (0.10 for 10 classes)")
    assert chance_note({"best_val_acc": 0.4}, history[:1], 10) is None
    assert chance_note({"test_acc": 0.1}, None, None) is None  # classes unknown: not judged


def test_the_cli_last_line_says_a_run_learned_nothing(tmp_path, capsys):
    (tmp_path / "config.json").write_text(json.dumps({"class_names": [str(i) for i in range(10)]}))
    summary = {"test_acc": 0.1, "test_loss": 2.3}
    result = types.SimpleNamespace(status="completed", run_dir=tmp_path, summary=summary,
                                   history=[{"epoch": 1, "val_acc": 0.1}])  # fmt: skip
    assert cli._print_done(types.SimpleNamespace(json=False), result) == 0
    out = capsys.readouterr().out
    assert "test_acc 0.1000  — Accuracy 0.1000 is at chance level (0.10 for 10 classes)" in out
