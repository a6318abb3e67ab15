"""Why the network chose a class: Grad-CAM class-activation maps.

Grad-CAM (Selvaraju et al., 2017) weights the last convolution's feature maps by the gradient
of the class score and keeps the positive part: the regions that raised that class's score.
The score is the class *logit* (before the softmax), because the softmax saturates for
confident predictions and its gradient then vanishes.
"""

from __future__ import annotations

import keras
import numpy as np
import tensorflow as tf

from cifar_gui.i18n import _


class ExplainError(ValueError):
    """The model has no convolution to explain with."""


class GradCam:
    """Built once per model (the gradient model is reused for every image)."""

    def __init__(self, model: keras.Model) -> None:
        conv = next(
            (layer for layer in reversed(model.layers) if isinstance(layer, keras.layers.Conv2D)),
            None,
        )
        if conv is None:
            raise ExplainError(
                _("{name}: no convolution layer to compute a heatmap from").format(name=model.name)
            )
        head = model.layers[-1]
        self._dense = head if isinstance(head, keras.layers.Dense) else None
        penultimate = self._dense.input if self._dense is not None else model.output
        self._model = keras.Model(model.inputs, [conv.output, penultimate])
        self.layer_name = conv.name

    def heatmap(self, image: np.ndarray, class_index: int) -> np.ndarray:
        """A (32, 32) map in [0, 1] for one uint8 image (32, 32, 3); all zero when nothing
        raised the score."""
        x = tf.convert_to_tensor(image[None].astype(np.float32))
        with tf.GradientTape() as tape:
            features, penultimate = self._model(x, training=False)
            if self._dense is not None:
                kernel = tf.cast(self._dense.kernel, tf.float32)[:, class_index]
                bias = tf.cast(self._dense.bias, tf.float32)[class_index]
                score = tf.reduce_sum(tf.cast(penultimate, tf.float32)[0] * kernel) + bias
            else:
                score = tf.math.log(tf.cast(penultimate, tf.float32)[0, class_index] + 1e-7)
        gradients = tape.gradient(score, features)
        if gradients is None:
            return np.zeros(image.shape[:2], np.float32)
        features, gradients = tf.cast(features, tf.float32), tf.cast(gradients, tf.float32)
        weights = tf.reduce_mean(gradients, axis=(1, 2))  # one weight per feature map
        cam = tf.nn.relu(tf.reduce_sum(features * weights[:, None, None, :], axis=-1))[0]
        cam = tf.image.resize(cam[..., None], image.shape[:2], method="bilinear")[..., 0]
        cam = cam.numpy()
        top = float(cam.max())
        return (cam / top).astype(np.float32) if top > 0 else np.zeros_like(cam, np.float32)
