"""The pre-load checks accept every model the app writes (and the usual small CNNs of a
colleague), count their weights exactly as Keras does, and import no TensorFlow."""

from __future__ import annotations

import itertools
import subprocess
import sys
import zipfile
from pathlib import Path

import numpy as np
import pytest

from cifar_gui.config import OPTIMIZERS, PRESETS, SCHEDULES, TrainConfig

ROOT = Path(__file__).parents[1]


def _app_model(preset: str, optimizer: str, schedule: str, mixed: bool | str):
    """Built and compiled exactly as ``training._fit_and_record`` does."""
    from cifar_gui.ml.models import build_model
    from cifar_gui.ml.optimizers import build_optimizer

    config = TrainConfig(preset=preset, optimizer=optimizer, schedule=schedule)
    model = build_model(
        preset, 10, [125.0, 123.0, 114.0], [63.0, 62.0, 66.0], mixed_precision=mixed
    )
    model.compile(
        optimizer=build_optimizer(config, 50),
        loss="sparse_categorical_crossentropy",
        metrics=["acc"],
    )
    return model


CASES = [
    (preset, optimizer, schedule, preset == "modern" and optimizer == "adam")
    for (preset, optimizer), schedule in zip(
        itertools.product(PRESETS, OPTIMIZERS), itertools.cycle(SCHEDULES), strict=False
    )
] + [
    # Mixed precision on a CPU with bfloat16 units (cifar_gui.ml.devices.precision_policy).
    ("dropout", "adam", "constant", "mixed_bfloat16"),
    ("fast", "adam", "cosine", "mixed_bfloat16"),
]


@pytest.mark.parametrize(("preset", "optimizer", "schedule", "mixed"), CASES)
def test_every_model_the_app_writes_passes_for_prediction_and_resume(
    tmp_path, preset, optimizer, schedule, mixed
):
    from cifar_gui.keras_file_check import check_keras_file

    model = _app_model(preset, optimizer, schedule, mixed)
    path = tmp_path / "model.keras"
    model.save(path)
    for for_resume in (False, True):
        assert check_keras_file(path, for_resume=for_resume).weights == model.count_params()


def test_a_trained_model_with_its_optimizer_state_passes(tmp_path):
    """After a step, Adam's two slots per weight are in the file: still within the budget."""
    from cifar_gui.keras_file_check import check_keras_file

    model = _app_model("plain", "adam", "cosine", False)
    rng = np.random.default_rng(0)
    model.fit(rng.integers(0, 255, (4, 32, 32, 3)), np.arange(4), epochs=1, verbose=0)
    model.save(tmp_path / "model.keras")
    checked = check_keras_file(tmp_path / "model.keras", for_resume=True)
    assert checked.weights == model.count_params()
    assert checked.declared > 3 * checked.weights  # the weights and Adam's m and v


def test_a_colleagues_cnn_with_other_standard_layers_is_counted_like_keras(tmp_path):
    import keras
    from keras import layers

    from cifar_gui.keras_file_check import check_keras_file

    inputs = keras.Input((32, 32, 3))
    x = layers.Rescaling(1 / 255)(inputs)
    x = layers.RandomRotation(0.1)(x)
    a = layers.SeparableConv2D(16, 3, padding="same", depth_multiplier=2)(x)
    b = layers.DepthwiseConv2D(5, padding="valid", strides=2)(x)
    b = layers.Conv2D(16, 1, dilation_rate=1)(b)
    a = layers.AveragePooling2D(3, strides=2, padding="valid")(a)
    a = layers.LayerNormalization()(a)
    c = layers.Concatenate()([a, layers.Conv2D(16, 3, strides=2, padding="valid")(x)])
    c = layers.Add()([c, layers.Conv2D(32, 1)(c)])
    c = layers.Multiply()([c, layers.Activation("sigmoid")(c)])
    d = layers.Flatten()(layers.MaxPooling2D(2)(layers.Conv2D(8, 3, strides=2)(b)))
    c = layers.BatchNormalization(center=False)(c)
    x = layers.GlobalMaxPooling2D()(layers.LeakyReLU()(c))
    x = layers.Concatenate()([x, d])
    outputs = layers.Dense(10, activation="softmax")(layers.Dropout(0.3)(x))
    model = keras.Model(inputs, outputs)
    model.save(tmp_path / "colleague.keras")
    assert check_keras_file(tmp_path / "colleague.keras").weights == model.count_params()


def test_the_checks_import_no_tensorflow():
    code = (
        "import sys, cifar_gui.keras_file_check, cifar_gui.run_store.archive\n"
        "print('tensorflow' in sys.modules, 'keras' in sys.modules)"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT)
    assert out.stdout.split() == ["False", "False"], out.stderr


MALFORMED = {
    "layers not objects": lambda c: c["config"].update(layers=[1, 2, 3]),
    "layer config a list": lambda c: c["config"]["layers"][2].update(config=[1]),
    "inbound nodes a string": lambda c: c["config"]["layers"][2].update(inbound_nodes="x"),
    "input shape text": lambda c: c["config"]["layers"][0]["config"].update(batch_shape="abc"),
    "input from nowhere": lambda c: c["config"]["layers"].pop(0),
    "config not an object": lambda c: c.update(config=[]),
    "negative filters": lambda c: c["config"]["layers"][2]["config"].update(filters=-4),
    "2,400 layers": lambda c: c["config"].update(layers=c["config"]["layers"] * 400),
}


@pytest.mark.parametrize("case", list(MALFORMED))
def test_malformed_configs_are_refused_in_one_sentence_never_a_traceback(tmp_path, case):
    import hostile_files as hf

    from cifar_gui.keras_file_check import KerasFileRefused, check_keras_file

    base = hf.save_base_model(tmp_path / "base.keras")
    path = hf.keras_with(base, tmp_path / "bad.keras", MALFORMED[case], zipfile.ZIP_STORED)
    with pytest.raises(KerasFileRefused, match=r"bad\.keras: refused: "):
        check_keras_file(path)
