"""Hammering the window: Start/Stop 50 times, closing while things run, every settings field
fed garbage, and the offer to resume a run a crash left behind."""

from __future__ import annotations

import random

import pytest
from PySide6.QtCore import Qt

from cifar_gui.run_store.listing import list_runs
from cifar_gui.run_store.record import RunRecord

NUMERIC_FIELDS = ("val_split", "seed", "limit_train", "dropout_rate", "l2_factor",
                  "learning_rate", "momentum", "weight_decay", "batch_size", "epochs", "patience")  # fmt: skip
OUT_OF_RANGE = {"val_split": "1.5", "seed": "-1", "limit_train": "1", "dropout_rate": "1",
                "l2_factor": "2", "learning_rate": "0", "momentum": "1", "weight_decay": "-0.1",
                "batch_size": "0", "epochs": "0", "patience": "-3"}  # fmt: skip


@pytest.mark.parametrize("field", NUMERIC_FIELDS)
def test_every_field_refuses_garbage_with_a_reason(make_window, qtbot, field):
    window = make_window(load_tensorflow_now=False)
    window.tensorflow = object()  # Start would be enabled but for the settings
    editor = window.settings_panel.fields[field].editor
    error = window.settings_panel.fields[field].error
    valid = editor.text()
    cases = [("abc", "Enter a"), ("1e999x", "Enter a"), (OUT_OF_RANGE[field], "Enter")]
    if field != "limit_train":  # the only optional one: empty means "all images"
        cases.append(("", "Enter a value."))
    for text, reason in cases:
        editor.setText(text)
        assert error.isVisible() and reason in error.text(), (field, text, error.text())
        window._update_buttons()
        assert not window.start_button.isEnabled()
        assert reason in window.start_reason.text()
    editor.setText(valid)
    assert not error.isVisible()
    window.tensorflow = None


@pytest.mark.parametrize(
    ("content", "message"),
    [("{not json", "not valid JSON"), ('{"epochs": 5, "epochz": 3}', "Unknown setting epochz: check its spelling."),
     ("[1, 2]", "must be a JSON object"), ('{"batch_size": "big"}', "batch_size")],
)  # fmt: skip
def test_a_broken_settings_file_is_refused_and_changes_nothing(make_window, tmp_path, content,
                                                               message):  # fmt: skip
    window = make_window(load_tensorflow_now=False)
    before = window.settings_panel.config().to_dict()
    path = tmp_path / "settings.json"
    path.write_text(content)
    assert not window.import_settings(str(path))
    assert message in window.error_box.text()
    assert window.settings_panel.config().to_dict() == before


@pytest.mark.slow
@pytest.mark.timeout(1800)  # each start builds a new model (~1-5 s on 2 cores) before Stop
def test_start_stop_fifty_times(ready_window, qtbot):
    window = ready_window
    rng = random.Random(7)
    for _ in range(50):
        qtbot.waitUntil(window.start_button.isEnabled, timeout=60_000)
        qtbot.mouseClick(window.start_button, Qt.MouseButton.LeftButton)
        qtbot.mouseClick(window.start_button, Qt.MouseButton.LeftButton)  # ignored: running
        qtbot.wait(rng.choice((0, 5, 50, 300)))
        qtbot.mouseClick(window.stop_button, Qt.MouseButton.LeftButton)
        qtbot.mouseClick(window.stop_button, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: window.worker is None, timeout=60_000)
    runs = list_runs(window.runs_dir())
    assert len(runs) == 50  # one folder a click, no more
    for run in runs:
        assert run.problem is None and run.status in ("stopped", "completed"), run
        record = RunRecord(run.path)
        finished = record.read_history() if (run.path / "history.csv").is_file() else []
        assert len(finished) == run.summary["epochs_completed"]  # 0 when stopped in epoch 1


@pytest.mark.slow
def test_closing_while_evaluating(ready_window, trained_run, qtbot):
    window = ready_window
    RunRecord(trained_run).update_summary(evaluation=None)
    window.show_evaluation(str(trained_run))
    qtbot.waitUntil(window.evaluation_view.evaluate_button.isEnabled, timeout=30_000)
    window.evaluation_view.evaluate()
    assert window.tasks.busy
    window.close()  # waits for the evaluation: the fixture checks no thread is left
    assert not window.tasks.busy
    RunRecord(trained_run).read_summary()  # still valid JSON


@pytest.mark.slow
def test_closing_while_a_model_loads(ready_window, trained_run, qtbot):
    window = ready_window
    window.classify_tab.load_model(str(trained_run))
    assert window.tasks.busy
    window.close()
    assert not window.tasks.busy


@pytest.mark.slow
def test_an_interrupted_run_is_offered_for_resume_at_start(make_window, trained_run, qtbot):
    record = RunRecord(trained_run)
    config = record.read_config()
    config["settings"]["epochs"] = 3
    record.write_config(config)
    record.update_summary(status="running", epochs_planned=3)  # a crash during epoch 3
    window = make_window()
    qtbot.waitUntil(lambda: getattr(window, "resume_offer", None) is not None, timeout=120_000)
    assert "1 run stopped unexpectedly" in window.resume_offer.text()
    assert "2 of 3 epochs" in window.resume_offer.text()
    window.resume_offer_button.click()
    assert window.worker is not None
    with qtbot.waitSignal(window.worker.finished, timeout=120_000) as finished:
        pass
    assert finished.args[0].status == "completed"
    assert [r["epoch"] for r in record.read_history()] == [1, 2, 3]
    qtbot.waitUntil(lambda: window.worker is None)
    (info,) = list_runs(trained_run.parent)
    assert info.status == "completed"
