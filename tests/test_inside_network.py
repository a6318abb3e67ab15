"""Issue 15: the model's layers, per-epoch validation confusion, the measured lesson."""

from __future__ import annotations

import io
import json
import zipfile

import numpy as np
import pytest

from cifar_gui.run_store.confusion_history import (
    ConfusionFileError,
    append_confusion,
    per_class_accuracy,
    read_confusion,
)
from cifar_gui.run_store.files import CONFUSION as CONFUSION_FILE


# ---- the layer table ---------------------------------------------------------------------------
def test_reference_preset_table_counts_what_keras_counts():
    from cifar_gui.ml.model_summary import preset_summary, summarise_model
    from cifar_gui.ml.models import build_model

    summary = preset_summary("dropout", dropout_rate=0.3)
    assert summary.trainable == 814_122  # the reference notebook's model.summary()
    model = build_model("dropout", 10, [0, 0, 0], [1, 1, 1], dropout_rate=0.3)
    assert summary.total == model.count_params()
    by_name = {row.name: row for row in summarise_model(model).layers}
    for layer in model.layers[1:]:
        assert by_name[layer.name].total == layer.count_params()
    kinds = [row.kind for row in summary.layers]
    assert kinds.count("Conv2D") == 6 and kinds.count("Dropout") == 3
    first_conv = next(row for row in summary.layers if row.kind == "Conv2D")
    assert first_conv.output_shape == (32, 32, 32)
    assert first_conv.trainable == 3 * 3 * 3 * 32 + 32
    assert first_conv.settings["filters"] == "32" and first_conv.settings["kernel"] == "3×3"
    assert next(r for r in summary.layers if r.kind == "Dropout").settings["rate"] == "0.3"
    pool = next(r for r in summary.layers if r.kind == "MaxPooling2D")
    assert pool.settings["stride"] == "2×2" and pool.output_shape == (16, 16, 32)


def test_preset_table_follows_the_settings():
    from cifar_gui.ml.model_summary import preset_summary

    l2 = preset_summary("l2", l2_factor=0.005)
    conv = next(r for r in l2.layers if r.kind == "Conv2D")
    assert conv.settings["regularisation"] == "L2 0.005"
    assert (
        "regularisation"
        not in next(r for r in preset_summary("plain").layers if r.kind == "Conv2D").settings
    )
    modern = preset_summary("modern", dropout_rate=0.2)
    assert modern.non_trainable > 0  # batch-norm moving statistics
    rates = [r.settings["rate"] for r in modern.layers if r.kind == "Dropout"]
    assert rates == ["0.1", "0.1", "0.2", "0.3"]  # modern: light dropout (models.py)


def test_model_command_prints_the_table_as_json(tmp_path, capsys):
    import keras

    from cifar_gui.cli import main

    inputs = keras.Input((32, 32, 3))
    x = keras.layers.Conv2D(4, 3, strides=2, name="c")(inputs)
    x = keras.layers.BatchNormalization(name="bn")(x)
    x = keras.layers.GlobalAveragePooling2D(name="gap")(x)
    model = keras.Model(inputs, keras.layers.Dense(3, activation="softmax", name="out")(x))
    model.save(tmp_path / "small.keras")
    assert main(["model", str(tmp_path / "small.keras"), "--json"]) == 0
    table = json.loads(capsys.readouterr().out)
    assert table["total"] == model.count_params()
    assert table["non_trainable"] == 8  # moving mean and variance of 4 channels
    assert [row["name"] for row in table["layers"]] == ["c", "bn", "gap", "out"]
    assert table["layers"][0]["settings"]["stride"] == "2×2"
    assert table["layers"][0]["output_shape"] == [15, 15, 4]
    assert main(["model", str(tmp_path / "small.keras")]) == 0
    text = capsys.readouterr().out
    assert f"total: {model.count_params():,} parameters" in text
    assert main(["model", str(tmp_path / "missing.keras")]) == 1
    assert "no such file" in capsys.readouterr().err


# ---- the confusion series on disk --------------------------------------------------------------
def test_confusion_series_appends_replaces_and_cuts_at_the_committed_epochs(tmp_path):
    first = np.array([[3, 1], [0, 4]])
    second = np.array([[4, 0], [1, 3]])
    append_confusion(tmp_path, 1, first)
    append_confusion(tmp_path, 2, second)
    append_confusion(tmp_path, 2, first)  # epoch 2 again (a resume after an uncommitted epoch)
    series = read_confusion(tmp_path)
    assert series.shape == (2, 2, 2) and (series[1] == first).all()
    assert read_confusion(tmp_path, epochs=1).shape == (1, 2, 2)
    append_confusion(tmp_path, 5, second)  # epochs 3 and 4 unknown
    series = read_confusion(tmp_path)
    assert (series[2:4] == -1).all() and (series[4] == second).all()
    accuracy = per_class_accuracy(series)
    assert accuracy[0] == pytest.approx([0.75, 1.0])
    assert np.isnan(accuracy[2]).all()


@pytest.mark.parametrize(
    "array, reason",
    [
        (np.array([{"a": 1}], dtype=object), "integer"),
        (np.zeros((2, 3, 4), np.int64), "integer matrices"),
        (np.zeros((1, 2000, 2000), np.int8), "implausible"),
        (np.zeros((2, 2, 2), np.float64), "integer"),
    ],
)
def test_a_foreign_confusion_file_is_refused_before_it_is_read(tmp_path, array, reason):
    buffer = io.BytesIO()
    np.save(buffer, array, allow_pickle=True)
    (tmp_path / CONFUSION_FILE).write_bytes(buffer.getvalue())
    with pytest.raises(ConfusionFileError, match=reason):
        read_confusion(tmp_path)


# ---- the lesson --------------------------------------------------------------------------------
def test_lesson_numbers_from_a_known_history():
    from cifar_gui.lesson import overfitting

    history = [
        {"epoch": 1, "loss": 2.0, "val_loss": 1.9},
        {"epoch": 2, "loss": 1.5, "val_loss": 1.6},
        {"epoch": 3, "loss": 1.0, "val_loss": 1.4},
        {"epoch": 4, "loss": 0.6, "val_loss": 1.5},
        {"epoch": 5, "loss": 0.3, "val_loss": 1.7},
    ]
    lesson = overfitting(history)
    assert lesson.final_gap == pytest.approx(1.4)
    assert lesson.max_gap == pytest.approx(1.4) and lesson.max_gap_epoch == 5
    assert lesson.best_epoch == 3 and lesson.best_val_loss == pytest.approx(1.4)
    assert lesson.epochs_after_best == 2
    assert lesson.rise_after_best == pytest.approx(0.3)
    empty = overfitting([{"epoch": 1, "loss": float("nan"), "val_loss": float("nan")}])
    assert empty.best_epoch is None and np.isnan(empty.final_gap)


# ---- training records the confusion of each epoch ----------------------------------------------
@pytest.mark.slow
def test_stored_confusion_equals_scikit_learn_on_the_saved_model(trained_run):
    import keras
    from sklearn.metrics import confusion_matrix

    from cifar_gui.config import TrainConfig
    from cifar_gui.data.demo import make_demo_dataset
    from cifar_gui.ml.training import prepare_data, resume
    from cifar_gui.run_store.record import RunRecord

    record = RunRecord(trained_run)
    config = TrainConfig.from_dict(record.read_config()["settings"])
    prepared = prepare_data(config, make_demo_dataset())
    x_val = prepared.dataset.x_train[prepared.val_idx]
    y_val = prepared.dataset.y_train[prepared.val_idx]

    def expected() -> np.ndarray:
        model = keras.saving.load_model(record.model_path, compile=False)
        predicted = np.argmax(model.predict(x_val, verbose=0), axis=1)
        return confusion_matrix(y_val, predicted, labels=range(10))

    series = read_confusion(trained_run)
    assert series.shape == (2, 10, 10)
    # Counted without a compiled metric: the saved model loads in Keras without this app.
    with zipfile.ZipFile(record.model_path) as archive:
        compiled = json.loads(archive.read("config.json"))["compile_config"]
    assert compiled["metrics"] == ["acc"]
    assert (series.sum(axis=(1, 2)) == len(y_val)).all()
    np.testing.assert_array_equal(series[-1], expected())

    result = resume(trained_run, more_epochs=1, dataset=make_demo_dataset())
    assert result.status == "completed", result.error
    resumed = read_confusion(trained_run)
    assert resumed.shape == (3, 10, 10)
    np.testing.assert_array_equal(resumed[:2], series)  # the series continues
    np.testing.assert_array_equal(resumed[-1], expected())


def test_a_layer_called_twice_shows_its_first_call(tmp_path, capsys):
    import keras

    from cifar_gui.cli import main
    from cifar_gui.ml.activations import LayerProbe

    inputs = keras.Input((32, 32, 3))
    shared = keras.layers.Conv2D(3, 3, padding="same", name="shared")
    x = keras.layers.GlobalAveragePooling2D(name="gap")(shared(shared(inputs)))
    model = keras.Model(inputs, keras.layers.Dense(2, activation="softmax", name="out")(x))
    model.save(tmp_path / "shared.keras")
    assert main(["model", str(tmp_path / "shared.keras"), "--json"]) == 0
    table = json.loads(capsys.readouterr().out)
    assert [row["name"] for row in table["layers"]] == ["shared", "gap", "out"]
    assert table["total"] == model.count_params()
    probe = LayerProbe(model)
    pixels = np.random.default_rng(2).integers(0, 255, (1, 32, 32, 3)).astype("float32")
    outputs = probe.run(pixels[0]).outputs
    np.testing.assert_allclose(outputs[0], shared(pixels)[0], rtol=1e-5, atol=1e-5)
    np.testing.assert_allclose(outputs[-1], model(pixels)[0], rtol=1e-5, atol=1e-6)
