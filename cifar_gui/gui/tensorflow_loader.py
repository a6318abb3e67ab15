"""Loads TensorFlow in the background after the window is shown and reports the devices."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class TensorFlowInfo:
    version: str
    devices: list  # DeviceInfo from cifar_gui.ml.devices
    seconds: float


def load_tensorflow() -> TensorFlowInfo:
    """Import the training stack (the slow part, ~6 s) and list the devices; runs on a worker."""
    import time

    from cifar_gui.gui.thread_priority import lower_current_thread_priority

    started = time.perf_counter()
    lower_current_thread_priority()  # TensorFlow's thread pools, created below, inherit it
    import tensorflow as tf

    import cifar_gui.ml.training  # noqa: F401 - warm the import for the first Start
    from cifar_gui.ml.devices import configure_gpus, list_devices

    configure_gpus()
    tf.constant(1.0) + 1.0  # start the runtime (and its thread pools) on this thread
    return TensorFlowInfo(tf.__version__, list_devices(), time.perf_counter() - started)
