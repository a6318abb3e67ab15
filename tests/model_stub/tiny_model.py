"""A tiny stand-in for the preset network, for tests of the run lifecycle.

Saving, resuming, stopping, faults, soak and the window do not depend on which network trains,
only on a real Keras model going through ``train()``. The reference network costs ~1.2 M
parameters and seconds per epoch on two cores; this one has under 2,000 parameters and keeps
the contract the rest of the application relies on: raw 0-255 pixels in, its own
``Normalization`` layer named ``normalise``, a ``Conv2D`` for Grad-CAM, optional augmentation
and dropout as the preset asks, and a float32 softmax head named ``probabilities``.

Tests get it without touching their bodies: ``install()`` puts an import hook on
``sys.meta_path`` that replaces ``cifar_gui.ml.training.build_model`` by a dispatcher, which
builds the tiny model while the environment variable ``TINY_MODEL_ENV`` is set and the preset
network otherwise. ``tests/conftest.py`` installs the hook in the test process and sets the
variable for every test not marked ``real_model``; ``sitecustomize`` installs it in every
Python process the tests start, so CLI subprocesses inherit the choice. Keras is imported only
when a model is built.

While the tiny model is chosen, TensorFlow also runs its functions eagerly
(``apply_execution_mode``): tracing the train, test and predict functions of each new model
costs ~3-4 s a run on two cores, while a few eager steps of this model cost a fraction of a
second. Only the way Keras executes the steps changes; the application's callbacks, saving and
stopping are the same code. Tests of the network (``real_model``) and those marked
``keras_graph`` run traced: the soak, which measures the memory of the application's traced
path, and multi-worker training, whose collective all-gather does not run eagerly.
"""

from __future__ import annotations

import importlib.abc
import importlib.util
import os
import sys
from collections.abc import Sequence

TINY_MODEL_ENV = "CIFAR_GUI_TEST_TINY_MODEL"
GRAPH_ENV = "CIFAR_GUI_TEST_KERAS_GRAPH"  # set: trace tf.functions even for the tiny model
TARGET_MODULE = "cifar_gui.ml.training"


def build_tiny_model(
    preset: str,
    num_classes: int,
    mean: Sequence[float],
    std: Sequence[float],
    *,
    dropout_rate: float = 0.2,
    l2_factor: float = 1e-3,
    augment: bool | None = None,
    mixed_precision: bool | str = False,
):
    """The preset builder's signature and contract, with one 8-filter strided convolution."""
    import keras
    from keras import layers

    from cifar_gui.config import PRESETS

    if preset not in PRESETS:
        raise ValueError(f"unknown preset {preset!r}; choose one of {', '.join(PRESETS)}")
    augment = preset == "modern" if augment is None else augment
    regulariser = keras.regularizers.L2(l2_factor) if preset == "l2" and l2_factor else None
    previous_policy = keras.mixed_precision.global_policy()
    if mixed_precision:
        policy = "mixed_float16" if mixed_precision is True else mixed_precision
        keras.mixed_precision.set_global_policy(policy)
    try:
        inputs = keras.Input(shape=(32, 32, 3), name="image")
        x = layers.RandomFlip("horizontal", name="augment_flip")(inputs) if augment else inputs
        variance = [s * s for s in std]
        x = layers.Normalization(mean=list(mean), variance=variance, name="normalise")(x)
        x = layers.Conv2D(
            8, 3, strides=2, padding="same", activation="relu", kernel_regularizer=regulariser
        )(x)
        x = layers.MaxPooling2D(pool_size=4)(x)
        x = layers.Flatten()(x)
        if preset in ("dropout", "modern") and dropout_rate:
            x = layers.Dropout(dropout_rate)(x)
        outputs = layers.Dense(
            num_classes,
            activation="softmax",
            kernel_regularizer=regulariser,
            dtype="float32",
            name="probabilities",
        )(x)
        model = keras.Model(inputs, outputs, name=f"cifar_{preset}")
    finally:
        keras.mixed_precision.set_global_policy(previous_policy)
    return model


def tiny_model_wanted() -> bool:
    return bool(os.environ.get(TINY_MODEL_ENV))


def eager_wanted() -> bool:
    """Run tf.functions eagerly: the tiny model is chosen and no test asked for graphs."""
    return tiny_model_wanted() and not os.environ.get(GRAPH_ENV)


def apply_execution_mode() -> None:
    """Set TensorFlow's eager switch from the environment; a no-op before TF is imported."""
    tf = sys.modules.get("tensorflow")
    if tf is not None and hasattr(tf, "config"):
        wanted = eager_wanted()
        if tf.config.functions_run_eagerly() != wanted:
            tf.config.run_functions_eagerly(wanted)


def _dispatcher(preset_builder):
    def build_model(*args, **kwargs):
        apply_execution_mode()
        builder = build_tiny_model if tiny_model_wanted() else preset_builder
        return builder(*args, **kwargs)

    build_model.preset_builder = preset_builder
    return build_model


def _patch(module) -> None:
    apply_execution_mode()
    if not hasattr(module.build_model, "preset_builder"):
        module.build_model = _dispatcher(module.build_model)


class _PatchingLoader(importlib.abc.Loader):
    def __init__(self, inner: importlib.abc.Loader) -> None:
        self.inner = inner

    def create_module(self, spec):
        return self.inner.create_module(spec)

    def exec_module(self, module) -> None:
        self.inner.exec_module(module)
        _patch(module)


class _PatchAfterImport(importlib.abc.MetaPathFinder):
    def find_spec(self, fullname, path, target=None):
        if fullname != TARGET_MODULE:
            return None
        sys.meta_path.remove(self)
        try:
            spec = importlib.util.find_spec(fullname)
        finally:
            sys.meta_path.insert(0, self)
        if spec is not None and spec.loader is not None:
            spec.loader = _PatchingLoader(spec.loader)
        return spec


def install() -> None:
    """Route ``cifar_gui.ml.training.build_model`` through the dispatcher (idempotent)."""
    if TARGET_MODULE in sys.modules:
        _patch(sys.modules[TARGET_MODULE])
    elif not any(isinstance(finder, _PatchAfterImport) for finder in sys.meta_path):
        sys.meta_path.insert(0, _PatchAfterImport())
