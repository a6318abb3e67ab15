"""What each layer sees: every layer's output for one image, from one forward pass.

``LayerProbe`` builds, once per model, a single Keras sub-model whose outputs are the outputs
of all layers (after DIGITS's per-layer visualisation and ConvNetJS's CIFAR-10 demo), so one
image costs one forward pass whatever layer the user looks at. It also holds what does not
depend on the image: each layer's weight histogram and the first convolution's filters.
"""

from __future__ import annotations

import time
from dataclasses import dataclass

import keras
import numpy as np

from cifar_gui.i18n import _

HISTOGRAM_BINS = 50


@dataclass(frozen=True)
class Histogram:
    counts: np.ndarray  # (bins,) int64
    edges: np.ndarray  # (bins + 1,) float64

    @classmethod
    def of(cls, values: np.ndarray) -> Histogram | None:
        values = np.asarray(values, np.float64).ravel()
        values = values[np.isfinite(values)]
        if not values.size:
            return None
        counts, edges = np.histogram(values, bins=HISTOGRAM_BINS)
        return cls(counts, edges)


@dataclass(frozen=True)
class LayerInfo:
    name: str
    kind: str
    output_shape: tuple[int | None, ...]  # without the batch axis
    weights: Histogram | None  # of the kernel (or of all weights when there is no kernel)


@dataclass(frozen=True)
class ImageActivations:
    """One image through every layer. ``outputs[i]`` is layer ``i``'s output without the batch
    axis, float32; ``seconds`` is the wall time of the forward pass (plus the histograms)."""

    outputs: tuple[np.ndarray, ...]
    histograms: tuple[Histogram | None, ...]
    seconds: float


def _weight_values(layer: keras.layers.Layer) -> np.ndarray | None:
    kernel = getattr(layer, "kernel", None)
    weights = [kernel] if kernel is not None else list(layer.weights)
    if not weights:
        return None
    return np.concatenate([np.ravel(keras.ops.convert_to_numpy(w)) for w in weights])


class LayerProbe:
    """Built once per model (on a worker thread: it needs Keras); ``run`` is thread-safe as far
    as Keras is, so callers serialise it with the model's lock."""

    def __init__(self, model: keras.Model) -> None:
        self.layers = [
            layer for layer in model.layers if not isinstance(layer, keras.layers.InputLayer)
        ]
        if not self.layers:
            raise ValueError(_("{name}: has no layers to look into").format(name=model.name))
        inputs = model.inputs[0] if len(model.inputs) == 1 else model.inputs
        self._model = keras.Model(inputs, [layer.output for layer in self.layers])
        self.info = tuple(
            LayerInfo(
                layer.name,
                type(layer).__name__,
                tuple(None if d is None else int(d) for d in layer.output.shape[1:]),
                Histogram.of(values) if (values := _weight_values(layer)) is not None else None,
            )
            for layer in self.layers
        )
        self.filters = first_conv_filters(model)
        self.run(np.zeros((32, 32, 3), np.uint8))  # traces once here, not on the first image

    def run(self, image: np.ndarray) -> ImageActivations:
        """``image``: uint8 or float (32, 32, 3) in 0..255, the network input."""
        started = time.perf_counter()
        batch = np.asarray(image, np.float32)[None]
        outputs = self._model(batch, training=False)
        outputs = outputs if isinstance(outputs, list | tuple) else [outputs]
        arrays = tuple(np.asarray(keras.ops.convert_to_numpy(o), np.float32)[0] for o in outputs)
        histograms = tuple(Histogram.of(a) for a in arrays)
        return ImageActivations(arrays, histograms, time.perf_counter() - started)


def first_conv_filters(model: keras.Model) -> np.ndarray | None:
    """The first convolution's kernels as RGB tiles: (filters, kh, kw, 3) in [0, 1].

    One scale for all filters (0.5 is zero, 0 and 1 are -/+ the largest absolute weight), so
    tiles compare with each other. None when the first convolution does not see 3 channels.
    """
    conv = next((lay for lay in model.layers if isinstance(lay, keras.layers.Conv2D)), None)
    if conv is None:
        return None
    kernel = np.asarray(keras.ops.convert_to_numpy(conv.kernel), np.float32)  # (kh, kw, 3, n)
    if kernel.ndim != 4 or kernel.shape[2] != 3:
        return None
    largest = float(np.abs(kernel).max()) or 1.0
    tiles = 0.5 + kernel / (2 * largest)
    return np.transpose(tiles, (3, 0, 1, 2))
