"""A streaming confusion matrix: a Keras metric, so it is counted inside the passes Keras runs.

Compiled with the model, it adds each batch's ``tf.math.confusion_matrix`` to one (K, K)
variable. Keras resets every metric before the validation pass of each epoch, so when
``on_epoch_end`` runs the variable holds exactly that epoch's validation confusion matrix:
no second pass over the validation data. (It also counts during training batches; that
matrix is discarded.) Counts are kept in float32, exact up to 2**24 images an epoch.
"""

from __future__ import annotations

import keras
import numpy as np
import tensorflow as tf


@keras.saving.register_keras_serializable(package="cifar_gui")
class StreamingConfusion(keras.metrics.Metric):
    """Rows: true class (sparse labels); columns: the arg-max of the predicted probabilities.

    ``result()`` is the number of images counted (a scalar, as Keras logs expect); the matrix
    itself is read with ``matrix()``.
    """

    def __init__(self, num_classes: int, name: str = "confusion_images", **kwargs) -> None:
        super().__init__(name=name, **kwargs)
        self.num_classes = int(num_classes)
        self.counts = self.add_variable(
            shape=(self.num_classes, self.num_classes),
            initializer="zeros",
            dtype="float32",
            aggregation="sum",
            name="counts",
        )

    def update_state(self, y_true, y_pred, sample_weight=None):
        labels = tf.reshape(tf.cast(y_true, tf.int32), [-1])
        predicted = tf.argmax(
            tf.reshape(y_pred, [-1, self.num_classes]), axis=-1, output_type=tf.int32
        )
        batch = tf.math.confusion_matrix(
            labels, predicted, num_classes=self.num_classes, dtype=tf.float32
        )
        self.counts.assign_add(batch)

    def result(self):
        return tf.reduce_sum(self.counts)

    def reset_state(self):
        self.counts.assign(tf.zeros_like(self.counts))

    def matrix(self) -> np.ndarray:
        """The counts so far as int64 (K, K)."""
        return np.rint(keras.ops.convert_to_numpy(self.counts)).astype(np.int64)

    def get_config(self) -> dict:
        return {**super().get_config(), "num_classes": self.num_classes}
