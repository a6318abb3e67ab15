"""Model presets. Every model starts with its own preprocessing, so it takes raw 0-255 pixels.

``plain``, ``l2`` and ``dropout`` are the reference notebook's CNN (three blocks of two 3x3
convolutions and a max-pool, then Dense(256) and Dense(10, softmax)) without regularisation,
with L2 on every kernel, and with Dropout after each block. ``modern`` adds batch normalisation,
on-the-fly augmentation and lighter dropout to beat the reference accuracy at every epoch. ``fast`` is the
speed-run network of ``fast_model.py`` (recipes for all of them: ``cifar_gui/recipes.py``).
"""

from __future__ import annotations

from collections.abc import Sequence

import keras
from keras import layers

from cifar_gui.config import AUGMENTED_PRESETS, PRESETS
from cifar_gui.i18n import _
from cifar_gui.ml.fast_model import fast_body

FILTERS = (32, 64, 128)
# Keras' default 0.99 keeps ~37% of the initial running statistics after 100 steps: on the mini
# archive (110 steps per epoch at batch 64) the modern preset validated at 0.12 and 0.22 after
# epochs 1 and 2 with it (docs/benchmarks.md). 0.9 follows within an epoch.
MODERN_BN_MOMENTUM = 0.9


def _preprocessing(
    inputs: keras.KerasTensor, mean: Sequence[float], std: Sequence[float], augment: bool
) -> keras.KerasTensor:
    x = inputs
    if augment:
        x = layers.RandomFlip("horizontal", name="augment_flip")(x)
        x = layers.RandomTranslation(0.1, 0.1, fill_mode="reflect", name="augment_shift")(x)
    return layers.Normalization(mean=list(mean), variance=[s * s for s in std], name="normalise")(x)


def _reference_body(x, *, dropout_rate: float, l2_factor: float):
    regulariser = keras.regularizers.L2(l2_factor) if l2_factor else None
    for filters in FILTERS:
        for _repeat in range(2):
            x = layers.Conv2D(
                filters, 3, padding="same", activation="relu", kernel_regularizer=regulariser
            )(x)
        x = layers.MaxPooling2D(pool_size=2, strides=2, padding="same")(x)
        if dropout_rate:
            x = layers.Dropout(dropout_rate)(x)
    x = layers.Flatten()(x)
    return layers.Dense(256, activation="relu", kernel_regularizer=regulariser)(x), regulariser


# The modern body's dropout, as multiples of the Dropout rate setting (0.2: 0.1, 0.1, 0.2 after
# the three blocks, 0.3 before the classifier). Batch norm and augmentation already regularise:
# with the reference-style rates grown per block (0.2, 0.3, 0.4, then 0.5) the modern preset
# trailed the reference in epochs 2-3 on the full training split (0.487 and 0.579 against
# 0.551 and 0.601); with these it led it (3-epoch trials, docs/benchmarks.md).
MODERN_BLOCK_DROPOUT = (0.5, 0.5, 1.0)
MODERN_HEAD_DROPOUT = 1.5


def _modern_body(x, *, dropout_rate: float, l2_factor: float):
    regulariser = keras.regularizers.L2(l2_factor) if l2_factor else None
    for filters, scale in zip(FILTERS, MODERN_BLOCK_DROPOUT, strict=True):
        for _repeat in range(2):
            x = layers.Conv2D(
                filters, 3, padding="same", use_bias=False, kernel_regularizer=regulariser
            )(x)
            x = layers.BatchNormalization(momentum=MODERN_BN_MOMENTUM)(x)
            x = layers.Activation("relu")(x)
        x = layers.MaxPooling2D(pool_size=2, strides=2, padding="same")(x)
        x = layers.Dropout(min(dropout_rate * scale, 0.9))(x)
    x = layers.Flatten()(x)
    x = layers.Dense(256, use_bias=False, kernel_regularizer=regulariser)(x)
    x = layers.BatchNormalization(momentum=MODERN_BN_MOMENTUM)(x)
    x = layers.Activation("relu")(x)
    return layers.Dropout(min(dropout_rate * MODERN_HEAD_DROPOUT, 0.9))(x), regulariser


def build_model(
    preset: str,
    num_classes: int,
    mean: Sequence[float],
    std: Sequence[float],
    *,
    dropout_rate: float = 0.2,
    l2_factor: float = 1e-3,
    augment: bool | None = None,
    mixed_precision: bool | str = False,
) -> keras.Model:
    """Build an uncompiled model of the given preset for 32x32 RGB inputs in 0..255.

    ``mixed_precision``: ``False`` (float32), ``True`` (``mixed_float16``, for a GPU) or a Keras
    dtype policy name (``"mixed_bfloat16"`` on a CPU with bfloat16 units: ``precision_policy``).
    The softmax stays float32 in every case. Raises ``ValueError`` for an unknown preset.
    """
    if preset not in PRESETS:
        raise ValueError(
            _("unknown preset {preset!r}; choose one of {presets}").format(
                preset=preset, presets=", ".join(PRESETS)
            )
        )
    augment = preset in AUGMENTED_PRESETS if augment is None else augment
    previous_policy = keras.mixed_precision.global_policy()
    if mixed_precision:
        policy = "mixed_float16" if mixed_precision is True else mixed_precision
        keras.mixed_precision.set_global_policy(policy)
    try:
        inputs = keras.Input(shape=(32, 32, 3), name="image")
        x = _preprocessing(inputs, mean, std, augment)
        if preset == "fast":
            x, regulariser = fast_body(x), None
        elif preset == "modern":
            x, regulariser = _modern_body(x, dropout_rate=dropout_rate, l2_factor=0.0)
        else:
            x, regulariser = _reference_body(
                x,
                dropout_rate=dropout_rate if preset == "dropout" else 0.0,
                l2_factor=l2_factor if preset == "l2" else 0.0,
            )
        # The softmax stays float32 under mixed precision, for a numerically stable loss.
        outputs = layers.Dense(
            num_classes,
            activation="softmax",
            kernel_regularizer=regulariser,
            dtype="float32",
            name="probabilities",
        )(x)
        # Created under the policy so that compile() adds loss scaling for float16.
        model = keras.Model(inputs, outputs, name=f"cifar_{preset}")
    finally:
        keras.mixed_precision.set_global_policy(previous_policy)
    return model
