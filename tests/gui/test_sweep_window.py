"""Sweeps in the window (issue 16): lists in the settings, Start's count, the persisted queue."""

from __future__ import annotations

from cifar_gui.sweep.queue import unfinished_sweeps


def _type(window, **texts):
    for name, text in texts.items():
        window.settings_panel.fields[name].editor.setText(text)


def test_lists_make_start_count_runs_and_the_panel_lists_them(make_window):
    window = make_window(load_tensorflow_now=False)
    panel = window.settings_panel
    assert window.start_button.text() == "Start"
    _type(window, learning_rate="1e-3, 3e-4, 1e-4", dropout_rate="0.2, 0.5")
    assert window.start_button.text() == "Start 6 runs"
    assert panel.count_label.text() == "6 runs:"
    assert [panel.preview.item(i).text() for i in (0, 1, 5)] == [
        "1. dropout_rate=0.2, learning_rate=0.001",
        "2. dropout_rate=0.2, learning_rate=0.0003",
        "6. dropout_rate=0.5, learning_rate=0.0001",
    ]
    assert panel.config().learning_rate == 1e-3  # one run's settings: the first values
    panel.choice_boxes["preset"]["plain"].setChecked(True)
    panel.choice_boxes["preset"]["l2"].setChecked(True)
    assert window.start_button.text() == "Start 12 runs"
    assert not panel.fields["preset"].editor.isEnabled()  # the ticks decide the preset
    panel.random_check.setChecked(True)
    panel.random_count.setValue(5)
    assert window.start_button.text() == "Start 5 runs"


def test_a_bad_list_says_why_beside_its_field(make_window):
    window = make_window(load_tensorflow_now=False)
    panel = window.settings_panel
    _type(window, learning_rate="1e-3, fast")
    assert panel.problems() == {"learning_rate": "'fast' is not a number"}
    assert panel.fields["learning_rate"].error.text() == "'fast' is not a number"
    assert window.start_button.text() == "Start"
    _type(window, learning_rate="1e-4..1e-2")
    assert panel.problems() == {"learning_rate": "a range (low..high) needs random search"}
    panel.random_check.setChecked(True)
    assert panel.problems() == {} and window.start_button.text() == "Start 8 runs"


def _fake_trainer(window, monkeypatch):
    started = []
    monkeypatch.setattr(window, "start_run", lambda config, **kw: started.append((config, kw)))
    return started


def test_a_closed_window_offers_the_sweeps_runs_left(make_window, monkeypatch, tmp_path):
    runs_dir = tmp_path / "runs"
    first = make_window(load_tensorflow_now=False)
    monkeypatch.setattr(type(first), "runs_dir", lambda self: runs_dir)
    started = _fake_trainer(first, monkeypatch)
    _type(first, learning_rate="1e-3, 1e-4", dropout_rate="0.2, 0.5")
    first.start_sweep()
    assert [i.state for i in first.queue.items] == ["running", "pending", "pending", "pending"]
    assert started[0][0].learning_rate == 1e-3 and started[0][1] == {"resume_dir": None}
    first.queue.mark_finished("completed", None)
    first.close()  # the window closes with three runs left
    [left] = unfinished_sweeps(runs_dir)
    assert [i.state for i in left.items] == ["completed", "pending", "pending", "pending"]

    second = make_window(load_tensorflow_now=False)
    started = _fake_trainer(second, monkeypatch)
    second.offer_interrupted_runs()
    assert "has 3 of its 4 runs still to train" in second.sweep_offer.text()
    second.sweep_offer_button.click()
    assert [i.state for i in second.queue.items] == ["completed", "running", "pending", "pending"]
    config = started[0][0]
    assert (config.dropout_rate, config.learning_rate, config.sweep_id) == (
        0.2, 1e-4, left.sweep_id)  # fmt: skip
    assert "run(s) left" in second.queue_panel.title.text()
