"""A streaming confusion matrix, counted inside the validation pass Keras already runs.

``StreamingConfusion`` is a Keras metric that adds each batch's ``tf.math.confusion_matrix`` to
one (K, K) variable. ``ValidationConfusion`` (a callback) feeds it from the model's own
``compute_metrics``, which Keras's train and test steps call with the batch's labels and
predictions, and resets it when each validation pass begins; so when ``on_epoch_end`` runs it
holds exactly that epoch's validation confusion matrix, with no second pass over the data.

It is deliberately *not* a compiled metric: ``model.keras`` keeps ``metrics=["acc"]`` in its
compile config, so the saved model still loads (``compile=True``) in plain Keras without this
application. Counts are float32 (exact up to 2**24 images an epoch).
"""

from __future__ import annotations

import keras
import numpy as np
import tensorflow as tf


class StreamingConfusion(keras.metrics.Metric):
    """Rows: true class (sparse labels); columns: the arg-max of the predicted probabilities.
    ``result()`` is the number of images counted; ``matrix()`` the counts."""

    def __init__(self, num_classes: int, name: str = "confusion", **kwargs) -> None:
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
        scores = tf.reshape(y_pred, [-1, self.num_classes])
        predicted = tf.argmax(scores, axis=-1, output_type=tf.int32)
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


class ValidationConfusion(keras.callbacks.Callback):
    """Create under the distribution scope, before ``fit``, and pass to ``fit``'s callbacks.

    ``matrix()`` in ``on_epoch_end`` (or anything it calls) is that epoch's validation matrix.
    """

    def __init__(self, model: keras.Model, num_classes: int) -> None:
        super().__init__()
        self.metric = StreamingConfusion(num_classes)
        original = model.compute_metrics  # the bound method of the model's class

        def compute_metrics(x, y, y_pred, sample_weight=None):
            self.metric.update_state(y, y_pred)
            return original(x, y, y_pred, sample_weight=sample_weight)

        # Looked up when fit/evaluate trace their step functions, so it runs inside them.
        model.compute_metrics = compute_metrics

    def on_test_begin(self, logs=None):
        self.metric.reset_state()  # what the training batches counted is not wanted

    def matrix(self) -> np.ndarray:
        return self.metric.matrix()
