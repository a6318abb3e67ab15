"""The Classify tab logged TensorFlow's "5 out of the last 5 calls … triggered tf.function
retracing" when single images were classified: ``model.predict`` traces a new tf.function for
every model it is called on (runs loaded one after the other, a sweep's evaluations), and
TensorFlow counts those traces together. Predictions now call the model directly."""

from __future__ import annotations

import logging
from pathlib import Path

import numpy as np
import pytest

pytestmark = pytest.mark.keras_graph  # traced as in the application, not run eagerly


class _Warnings(logging.Handler):
    def __init__(self) -> None:
        super().__init__()
        self.messages: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.messages.append(record.getMessage())


def _model(seed: int):
    import keras

    keras.utils.set_random_seed(seed)
    return keras.Sequential([
        keras.Input((32, 32, 3)), keras.layers.Conv2D(2, 3),
        keras.layers.GlobalAveragePooling2D(), keras.layers.Dense(3, activation="softmax"),
    ])  # fmt: skip


def test_six_single_images_on_six_models_trace_nothing_and_log_no_retracing():
    from cifar_gui.ml.inference import LoadedModel, classify_arrays

    caught = _Warnings()
    logger = logging.getLogger("tensorflow")
    logger.addHandler(caught)
    try:
        for seed in range(6):  # the user steps through runs, one image each
            loaded = LoadedModel(_model(seed), ("a", "b", "c"), Path(f"m{seed}.keras"))
            image = np.random.default_rng(seed).integers(0, 256, (1, 32, 32, 3), np.uint8)
            probabilities = classify_arrays(loaded, image)
            expected = np.asarray(loaded.model(image.astype(np.float32), training=False))
            np.testing.assert_allclose(probabilities, expected, rtol=1e-6)
            assert probabilities.dtype == np.float32 and probabilities.shape == (1, 3)
            assert loaded.model.predict_function is None  # no predict tf.function was made
    finally:
        logger.removeHandler(caught)
    assert not [m for m in caught.messages if "retracing" in m]


def test_many_images_come_back_in_order_in_batches():
    from cifar_gui.ml.evaluation import predict_probabilities

    model = _model(0)
    images = np.random.default_rng(1).integers(0, 256, (70, 32, 32, 3), np.uint8)
    batched = predict_probabilities(model, images, batch_size=32)
    one_go = np.asarray(model(images.astype(np.float32), training=False))
    np.testing.assert_allclose(batched, one_go, rtol=1e-5, atol=1e-7)
    assert predict_probabilities(model, images[:0]).shape == (0, 3)
