"""Loads TensorFlow in the background after the window is shown and reports the devices."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class TensorFlowInfo:
    version: str
    devices: list  # DeviceInfo from cifar_gui.ml.devices
    seconds: float
    keras_problem: str | None = None  # why model files will not open (Keras below the floor)


def load_tensorflow() -> TensorFlowInfo:
    """Import the training stack (the slow part, ~6 s) and list the devices; runs on a worker."""
    import time

    started = time.perf_counter()
    from cifar_gui.ml.tensorflow_noise import import_tensorflow_quietly

    import_tensorflow_quietly()  # before any other import of TensorFlow: its noise to the log
    import tensorflow as tf

    import cifar_gui.ml.training  # noqa: F401 - warm the import for the first Start
    from cifar_gui.keras_file_check import KerasFileRefused, check_keras_version
    from cifar_gui.ml.devices import configure_gpus, list_devices

    configure_gpus()
    try:
        check_keras_version()
        problem = None
    except KerasFileRefused as exc:
        problem = str(exc)
    return TensorFlowInfo(tf.__version__, list_devices(), time.perf_counter() - started, problem)
