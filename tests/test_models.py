"""The presets are the reference architecture (and its variants), carrying their preprocessing."""

from __future__ import annotations

import numpy as np
import pytest
from lazy_import import LazyModule, lazy_function

keras = LazyModule("keras")  # imported by the first test, not when the suite is collected
build_model = lazy_function("cifar_gui.ml.models", "build_model")

MEAN, STD = (125.3, 123.0, 113.9), (63.0, 62.1, 66.7)


def _layers(model, kind):
    return [layer for layer in model.layers if isinstance(layer, kind)]


def _trainable(model) -> int:
    return sum(int(np.prod(w.shape)) for w in model.trainable_weights)


def test_dropout_preset_is_the_reference_cnn():
    model = build_model("dropout", 10, MEAN, STD)
    assert [c.filters for c in _layers(model, keras.layers.Conv2D)] == [32, 32, 64, 64, 128, 128]
    assert all(
        c.kernel_size == (3, 3) and c.padding == "same" for c in _layers(model, keras.layers.Conv2D)
    )
    assert [d.rate for d in _layers(model, keras.layers.Dropout)] == [0.2, 0.2, 0.2]
    assert [d.units for d in _layers(model, keras.layers.Dense)] == [256, 10]
    # 896 + 9248 + 18496 + 36928 + 73856 + 147584 + 524544 + 2570, as the notebook's summary.
    assert _trainable(model) == 814_122
    assert model.output_shape == (None, 10)


def test_plain_and_l2_presets_differ_only_in_regularisation():
    plain = build_model("plain", 10, MEAN, STD)
    l2 = build_model("l2", 10, MEAN, STD, l2_factor=0.01)
    assert not _layers(plain, keras.layers.Dropout) and not _layers(l2, keras.layers.Dropout)
    assert _trainable(plain) == _trainable(l2) == 814_122
    assert not plain.losses
    assert len(l2.losses) == 8  # one penalty per Conv2D and Dense kernel


def test_modern_preset_has_batchnorm_and_augmentation():
    model = build_model("modern", 10, MEAN, STD)
    assert len(_layers(model, keras.layers.BatchNormalization)) == 7
    assert _layers(model, keras.layers.RandomFlip) and _layers(
        model, keras.layers.RandomTranslation
    )
    assert not _layers(build_model("modern", 10, MEAN, STD, augment=False), keras.layers.RandomFlip)
    assert _layers(build_model("dropout", 10, MEAN, STD, augment=True), keras.layers.RandomFlip)


def test_the_model_normalises_raw_pixels_itself():
    model = build_model("dropout", 10, MEAN, STD)
    normalise = model.get_layer("normalise")
    pixels = np.random.default_rng(0).integers(0, 256, (2, 32, 32, 3)).astype("float32")
    expected = (pixels - np.array(MEAN, "float32")) / np.array(STD, "float32")
    np.testing.assert_allclose(
        keras.ops.convert_to_numpy(normalise(pixels)), expected, rtol=1e-5, atol=1e-5
    )


def test_mixed_precision_keeps_the_softmax_float32():
    model = build_model("dropout", 10, MEAN, STD, mixed_precision=True)
    assert model.dtype_policy.name == "mixed_float16"  # so compile() adds loss scaling
    assert _layers(model, keras.layers.Conv2D)[0].compute_dtype == "float16"
    assert model.get_layer("probabilities").compute_dtype == "float32"
    assert keras.mixed_precision.global_policy().name == "float32"  # restored afterwards


def test_unknown_preset():
    with pytest.raises(ValueError, match="unknown preset"):
        build_model("resnet", 10, MEAN, STD)


def test_modern_dropout_is_light_and_follows_the_dropout_rate_setting():
    # Heavier rates (0.2, 0.3, 0.4, 0.5) trailed the reference in epochs 2-3 (issue 12).
    rates = [
        layer.rate for layer in _layers(build_model("modern", 10, MEAN, STD), keras.layers.Dropout)
    ]
    assert rates == pytest.approx([0.1, 0.1, 0.2, 0.3])
    model = build_model("modern", 10, MEAN, STD, dropout_rate=0.4)
    assert [layer.rate for layer in _layers(model, keras.layers.Dropout)] == pytest.approx(
        [0.2, 0.2, 0.4, 0.6]
    )
