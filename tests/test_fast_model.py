"""The fast preset's network (issue 12): its size, output, and that it learns."""

from __future__ import annotations

import numpy as np
import pytest

# Convolutions 3x3 (3->32, 32->64, 64->128, 128->128, 128->256, no bias) + batch norm (4 per
# channel) + Dense(1024->10); the normalisation layer's constants are not counted.
FAST_PARAMETERS = (
    27 * 32 + 288 * 64 + 576 * 128 + 1152 * 128 + 1152 * 256 + 4 * (32 + 64 + 128 + 128 + 256)
) + (1024 * 10 + 10)


@pytest.mark.slow  # seconds of training or a TensorFlow subprocess: not in the quick loop
def test_fast_model_size_output_and_two_steps_reduce_the_loss(small_demo):
    import keras

    from cifar_gui.ml.models import build_model

    keras.utils.set_random_seed(0)
    model = build_model("fast", 10, [120.0] * 3, [60.0] * 3, augment=False)
    assert model.count_params() == FAST_PARAMETERS
    assert model.output_shape == (None, 10)
    model.compile(optimizer=keras.optimizers.Adam(2e-3), loss="sparse_categorical_crossentropy")
    x = small_demo.x_train[:64].astype("float32")
    y = small_demo.y_train[:64]
    before = model.evaluate(x, y, verbose=0)
    for _ in range(3):
        model.train_on_batch(x, y)
    after = model.evaluate(x, y, verbose=0)
    probabilities = model.predict(x[:2], verbose=0)
    assert np.allclose(probabilities.sum(axis=1), 1.0, atol=1e-5)
    assert after < before - 0.05, (before, after)


def test_fast_preset_augments_by_default():
    from cifar_gui.config import TrainConfig
    from cifar_gui.ml.models import build_model

    assert TrainConfig(preset="fast").augmentation
    names = [layer.name for layer in build_model("fast", 10, [0.0] * 3, [1.0] * 3).layers]
    assert "augment_flip" in names and "augment_shift" in names


def test_modern_batch_norm_statistics_follow_within_an_epoch():
    """At Keras' default momentum 0.99 the modern preset validated at 0.12 after its first
    epoch on the mini archive (110 steps); its running statistics now keep 0.9 of the old."""
    from keras import layers

    from cifar_gui.ml.models import build_model

    model = build_model("modern", 10, [0.0] * 3, [1.0] * 3)
    norms = [layer for layer in model.layers if isinstance(layer, layers.BatchNormalization)]
    assert len(norms) == 7
    assert {layer.momentum for layer in norms} == {0.9}
