"""The Classify tab refuses hostile model files in one line, runs nothing, and keeps Keras's long
messages behind "Details…" (issues 13 and 10 item 12)."""

from __future__ import annotations

from pathlib import Path

import hostile_files as hf
import pytest


@pytest.fixture(scope="module")
def base_model(tmp_path_factory) -> Path:
    return hf.save_base_model(tmp_path_factory.mktemp("base") / "base.keras")


@pytest.fixture
def tab(qtbot, tmp_path):
    from cifar_gui.gui.classify_tab import ClassifyTab
    from cifar_gui.gui.workers import BackgroundTasks

    tasks = BackgroundTasks()
    widget = ClassifyTab(tasks, lambda: tmp_path)
    qtbot.addWidget(widget)
    yield widget
    tasks.shutdown()


def _load(tab, qtbot, path: Path) -> str:
    tab.load_model(str(path))
    qtbot.waitUntil(lambda: tab.model_picker.loading is None, timeout=60_000)
    return tab.model_status.text()


@pytest.mark.slow  # seconds of training or a TensorFlow subprocess: not in the quick loop
def test_a_hostile_model_is_refused_in_one_line_and_runs_nothing(tab, qtbot, base_model, tmp_path):
    marker = tmp_path / "PAYLOAD_RAN"
    hostile = hf.keras_with(
        base_model,
        tmp_path / "evil.keras",
        lambda c: hf.insert_layer(c, hf.os_system_layer(marker)),
    )
    text = _load(tab, qtbot, hostile)
    assert text.startswith("Cannot use this model: ") and "\n" not in text
    assert "'os'.'system' is not on the allow-list" in text
    assert tab.loaded is None and not marker.exists()
    assert tab.model_details.isHidden()  # the sentence is all there is to say


@pytest.mark.parametrize("case", list(hf.CONFIG_CASES))
def test_every_hostile_config_is_refused_in_one_line(tab, qtbot, base_model, tmp_path, case):
    marker = tmp_path / "PAYLOAD_RAN"
    edit, expected = hf.CONFIG_CASES[case]
    hostile = hf.keras_with(base_model, tmp_path / "evil.keras", lambda c: edit(c, marker))
    text = _load(tab, qtbot, hostile)
    assert text.startswith("Cannot use this model: ") and expected in text and "\n" not in text
    assert tab.loaded is None and not marker.exists()


@pytest.mark.parametrize("case", list(hf.FILE_CASES))
def test_bombs_and_polyglots_are_refused_in_one_line(tab, qtbot, base_model, tmp_path, case):
    marker = tmp_path / "PAYLOAD_RAN"
    build, expected = hf.FILE_CASES[case]
    text = _load(tab, qtbot, build(base_model, tmp_path, marker))
    assert text.startswith("Cannot use this model: ") and expected in text and "\n" not in text


def test_a_bomb_inside_a_run_zip_is_refused_in_one_line(tab, qtbot, base_model, tmp_path):
    inner = hf.many_members_keras(base_model, tmp_path / "inner.keras").read_bytes()
    text = _load(tab, qtbot, hf.run_zip(tmp_path / "run.zip", inner))
    assert text.startswith("Cannot use this model: ") and "holds 7 files" in text


def test_an_older_keras_is_named_and_no_model_opens(tab, qtbot, base_model, monkeypatch):
    import cifar_gui.keras_file_check as check

    monkeypatch.setattr(check, "installed_keras_version", lambda: "3.13.0")
    text = _load(tab, qtbot, base_model)
    assert "installed Keras 3.13.0" in text and "keras>=3.15.1" in text and "\n" not in text
    assert tab.loaded is None


def test_a_newer_keras_file_says_both_versions_and_keeps_the_detail_behind_a_button(
    tab, qtbot, base_model, tmp_path
):
    import keras

    def future(config):
        hf.layers_of(config)[-1]["config"]["future_option"] = True

    path = hf.with_metadata(base_model, tmp_path / "new.keras", "3.99.0", future)
    text = _load(tab, qtbot, path)
    assert f"saved by Keras 3.99.0, but Keras {keras.version()} is installed" in text
    assert "future_option" not in text and len(text) < 400
    assert not tab.model_details.isHidden()
    box = tab.model_details_box()
    assert "saved by Keras 3.99.0" in box.text()
    assert "future_option" in box.detailedText()  # Keras's whole message, for whoever asks
    box.deleteLater()
    good = _load(tab, qtbot, base_model)
    assert good.startswith("Loaded ") and tab.model_details.isHidden()


def test_an_older_keras_is_named_in_the_status_bar_at_start_up(make_window, qtbot, monkeypatch):
    import cifar_gui.keras_file_check as check

    monkeypatch.setattr(check, "installed_keras_version", lambda: "3.3.3")
    window = make_window()
    qtbot.waitUntil(lambda: window.tensorflow is not None, timeout=120_000)
    assert "installed Keras 3.3.3" in window.tf_status.text()
    assert "keras>=3.15.1" in window.tf_status.text()
