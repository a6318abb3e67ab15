"""The Classify tab refuses hostile model files in one line, runs nothing, and keeps Keras's long
messages behind "Details…" (issues 13 and 10 item 12)."""

from __future__ import annotations

from pathlib import Path

import hostile_files as hf
import pytest


@pytest.fixture(scope="module")
def base_model(tmp_path_factory) -> Path:
    import keras

    inputs = keras.Input((32, 32, 3))
    x = keras.layers.Conv2D(2, 3, activation="relu")(inputs)
    outputs = keras.layers.Dense(10, activation="softmax")(keras.layers.Flatten()(x))
    path = tmp_path_factory.mktemp("base") / "base.keras"
    keras.Model(inputs, outputs).save(path)
    return path


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
    qtbot.waitUntil(lambda: not tab._loading_model, timeout=60_000)
    return tab.model_status.text()


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


@pytest.mark.parametrize(
    ("build", "expected"),
    [
        (lambda base, tmp: hf.weights_bomb_keras(base, tmp / "w.keras"), "declares"),
        (lambda base, tmp: hf.hdf5_zip_polyglot(base, tmp / "p.h5"), "legacy HDF5 model"),
        (
            lambda base, tmp: hf.run_zip(
                tmp / "r.zip", hf.many_members_keras(base, tmp / "i.keras").read_bytes()
            ),
            "holds 7 files",
        ),
    ],
)
def test_bombs_polyglots_and_zips_are_refused_in_one_line(
    tab, qtbot, base_model, tmp_path, build, expected
):
    text = _load(tab, qtbot, build(base_model, tmp_path))
    assert text.startswith("Cannot use this model: ") and expected in text and "\n" not in text


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
