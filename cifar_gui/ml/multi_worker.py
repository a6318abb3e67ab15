"""Keras 3 ``fit`` under ``tf.distribute.MultiWorkerMirroredStrategy``: two work-arounds.

Keras 3 (checked with 3.15) cannot run ``fit`` with this strategy as shipped
(keras-team/keras#20585, tensorflow/tensorflow#72388):

1. ``fit``/``evaluate``/``predict`` build the compiled loss and metrics from the first
   *distributed* batch, all-reducing it eagerly, which fails on its ``PerReplica`` value.
   ``build_before_fit`` builds them from a plain batch first, so that step has nothing to do.
2. Each step's logs (scalars) are averaged across workers with ``reduce(..., axis=0)``, which
   fails on a scalar. ``patch_log_reduction`` averages them with ``axis=None``.

Both touch private Keras API; tests/test_multi_worker.py trains two workers end to end, so a
Keras release that changes it is caught at once. Only the ``--multi-worker`` CLI path uses this.
"""

from __future__ import annotations

import keras
import numpy as np

_patched = False


def patch_log_reduction() -> None:
    global _patched
    if _patched:
        return
    from keras.src import tree
    from keras.src.backend.tensorflow import trainer as tf_trainer

    original = tf_trainer.reduce_per_replica

    def reduce_per_replica(values, strategy, reduction):
        if reduction in ("auto", "mean") and tf_trainer._collective_all_reduce_multi_worker(
            strategy
        ):
            return tree.map_structure(lambda v: strategy.reduce("MEAN", v, axis=None), values)
        return original(values, strategy, reduction)

    tf_trainer.reduce_per_replica = reduce_per_replica
    _patched = True


def build_before_fit(model: keras.Model) -> None:
    batch = (np.zeros((1, 32, 32, 3), np.float32), np.zeros((1,), np.int32))
    model._symbolic_build(data_batch=batch)
    model._maybe_symbolic_build = lambda iterator=None, data_batch=None: None
