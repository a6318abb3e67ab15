"""Device discovery and placement: CPU, one chosen GPU, or all GPUs through MirroredStrategy."""

from __future__ import annotations

import contextlib
from collections.abc import Iterator
from dataclasses import dataclass

import tensorflow as tf

from cifar_gui.cpu_features import cpu_has_bfloat16
from cifar_gui.i18n import _, ngettext


@dataclass(frozen=True)
class DeviceInfo:
    name: str  # "cpu" or "gpu:N", as the settings spell it
    description: str
    memory_mb: int | None = None


_applied: tuple[bool, int | None] | None = None  # the GPU memory settings in force


def configure_gpus(memory_growth: bool = True, memory_limit_mb: int | None = None) -> list[str]:
    """Apply GPU memory settings once, before TensorFlow initialises the GPUs.

    Memory growth (the default) lets the desktop and other programs keep their share of the card.
    Returns notes for the user; settings that come too late (GPUs already initialised in this
    process) are noted, never fatal.
    """
    global _applied
    wanted = (memory_growth, memory_limit_mb)
    gpus = tf.config.list_physical_devices("GPU")
    if _applied is not None:
        if wanted != _applied and gpus:
            return [_("GPU memory settings changed: they apply from the next launch")]
        return []
    notes: list[str] = []
    for gpu in gpus:
        try:
            if memory_limit_mb:
                tf.config.set_logical_device_configuration(
                    gpu, [tf.config.LogicalDeviceConfiguration(memory_limit=memory_limit_mb)]
                )
            elif memory_growth:
                tf.config.experimental.set_memory_growth(gpu, True)
        except RuntimeError as exc:  # already initialised in this process
            notes.append(
                _("GPU memory settings apply from the next launch ({error})").format(error=exc)
            )
    _applied = wanted
    return notes


def _gpu_description(index: int, device: tf.config.PhysicalDevice) -> DeviceInfo:
    try:
        details = tf.config.experimental.get_device_details(device)
    except (ValueError, RuntimeError):
        details = {}
    label = details.get("device_name", device.name)
    memory = None
    with contextlib.suppress(ValueError, RuntimeError, KeyError):
        memory = int(tf.config.experimental.get_memory_info(f"GPU:{index}")["current"]) or None
    return DeviceInfo(f"gpu:{index}", f"GPU {index}: {label}", memory)


def list_devices() -> list[DeviceInfo]:
    devices = [DeviceInfo("cpu", "CPU")]
    for index, gpu in enumerate(tf.config.list_physical_devices("GPU")):
        devices.append(_gpu_description(index, gpu))
    return devices


def describe_device(device: str) -> str:
    """A human-readable name of the device a run will use (recorded in its summary)."""
    gpus = tf.config.list_physical_devices("GPU")
    if device == "cpu" or not gpus:
        return "CPU"
    if device == "all-gpus":
        return f"{len(gpus)} GPUs (MirroredStrategy)"
    index = int(device[4:]) if device.startswith("gpu:") else 0
    if index >= len(gpus):
        return _("GPU {index} (not found)").format(index=index)
    return _gpu_description(index, gpus[index]).description


# Batches per call into the graph on a GPU when the user leaves it to the app: the reference
# network at batch 32 is launch-bound there (the notebook's 6 ms/step is mostly Python and kernel
# launches), and 32 steps a call keep a call under ~0.2 s, so the per-batch curve still moves
# several times a second and Stop acts well within a second. On a CPU one step is 40-150 ms of
# arithmetic and several per call bought nothing measurable (docs/benchmarks.md, CPU knobs).
GPU_STEPS_PER_EXECUTION = 32


def _trains_on_gpu(device: str) -> bool:
    """Whether a run with the ``device`` setting trains on a GPU (any but ``cpu``, when the
    machine has one)."""
    return device != "cpu" and bool(tf.config.list_physical_devices("GPU"))


def precision_policy(mixed_precision: bool, device: str) -> str | None:
    """The Keras dtype policy a run trains under: ``None`` (float32) unless mixed precision is
    asked; then ``mixed_float16`` on a GPU, ``mixed_bfloat16`` on a CPU with bfloat16 units
    (``cpu_features.cpu_has_bfloat16``; faster there, measured), ``None`` on any other CPU,
    where both half-precision types are slower than float32."""
    if not mixed_precision:
        return None
    if _trains_on_gpu(device):
        return "mixed_float16"
    return "mixed_bfloat16" if cpu_has_bfloat16() else None


def steps_per_execution(requested: int | None, device: str, steps_per_epoch: int) -> int:
    """The training steps Keras runs per call into its graph (``compile(steps_per_execution=)``).

    ``requested`` (the ``steps_per_execution`` setting; ``None``: automatic) wins when given;
    automatic is 1 on a CPU and ``GPU_STEPS_PER_EXECUTION`` when the run trains on a GPU.
    Never more than ``steps_per_epoch`` (at least 1).
    """
    if requested is None:
        requested = GPU_STEPS_PER_EXECUTION if _trains_on_gpu(device) else 1
    return max(1, min(int(requested), steps_per_epoch))


@contextlib.contextmanager
def placement(device: str) -> Iterator[tf.distribute.Strategy | None]:
    """Build and train inside this context to run on ``device``.

    ``auto`` uses Keras's default placement (the first GPU if any), which keeps XLA on Keras's
    automatic choice; ``cpu``/``gpu:N`` pin the ops; ``all-gpus`` yields a MirroredStrategy.
    """
    gpus = tf.config.list_physical_devices("GPU")
    if device == "all-gpus" and len(gpus) > 1:
        strategy = tf.distribute.MirroredStrategy()
        with strategy.scope():
            yield strategy
        return
    if device == "cpu":
        with tf.device("/CPU:0"):
            yield None
        return
    if device.startswith("gpu:"):
        index = int(device[4:])
        if index >= len(gpus):
            raise ValueError(
                ngettext(
                    "device {device}: this machine has {count} GPU",
                    "device {device}: this machine has {count} GPUs",
                    len(gpus),
                ).format(device=device, count=len(gpus))
            )
        with tf.device(f"/GPU:{index}"):
            yield None
        return
    yield None
