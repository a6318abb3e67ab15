"""The ``model.weights.h5`` inside a ``.keras`` file, checked with h5py before Keras reads it.

Keras reads every dataset the file declares into memory and guards only against single datasets
above 4 GiB; a 17 kB file can declare 3.9 GiB of zeros. Here the declared shapes (not the data)
are read and their total must fit what the config's layers need (``keras_shapes``), with room for
the optimizer's slots. Links to other files, external storage and virtual datasets (which read
other files on the disk) and non-numeric dtypes are refused. h5py comes with Keras; no TensorFlow.
"""

from __future__ import annotations

import io
from typing import Any

import h5py

from cifar_gui.i18n import _

# Adam/AdamW keep two slots per weight (three with amsgrad), SGD with momentum one: a trained
# model's file holds at most 4x its weights, plus small counters and random-seed states.
SLOTS_PER_WEIGHT = 4
SMALL_STATE = 65_536
MAX_NODES = 100_000
NUMERIC_KINDS = "biuf"


class WeightsRefused(ValueError):
    """The weights file is not plain numeric datasets of a plausible size; says why."""


def declared_weights(data: bytes) -> int:
    """Total number of values the HDF5 file's datasets declare; raises ``WeightsRefused``."""
    try:
        with h5py.File(io.BytesIO(data), "r") as weights:
            return _count(weights, "", [0])
    except WeightsRefused:
        raise
    except (OSError, ValueError, KeyError, TypeError, RuntimeError) as exc:
        raise WeightsRefused(
            _("model.weights.h5 is not a readable HDF5 file ({error})").format(error=exc)
        ) from exc


def check_weights(data: bytes, needed: int) -> int:
    """Refuse weights that declare more values than ``needed`` weights (from the config) can
    explain; returns the declared total."""
    declared = declared_weights(data)
    allowed = SLOTS_PER_WEIGHT * needed + SMALL_STATE
    if declared > allowed:
        raise WeightsRefused(
            _(
                "model.weights.h5 declares {declared:,} values, but the model's layers need {needed:,} (at most {allowed:,} with the optimizer's state)"
            ).format(declared=declared, needed=needed, allowed=allowed)
        )
    return declared


def _count(group: h5py.Group, path: str, nodes: list[int]) -> int:
    total = 0
    for name in group:
        nodes[0] += 1
        if nodes[0] > MAX_NODES:
            raise WeightsRefused(
                _("model.weights.h5 holds more than {max_nodes:,} entries").format(
                    max_nodes=MAX_NODES
                )
            )
        where = f"{path}/{name}"
        link = group.get(name, getlink=True)
        if not isinstance(link, h5py.HardLink):
            raise WeightsRefused(
                _("model.weights.h5: {where} links elsewhere ({type})").format(
                    where=where, type=type(link).__name__
                )
            )
        item: Any = group[name]
        if isinstance(item, h5py.Group):
            total += _count(item, where, nodes)
        elif isinstance(item, h5py.Dataset):
            total += _dataset_size(item, where)
        else:
            raise WeightsRefused(
                _("model.weights.h5: {where} is not a group or dataset").format(where=where)
            )
    return total


def _dataset_size(dataset: h5py.Dataset, where: str) -> int:
    if dataset.dtype.kind not in NUMERIC_KINDS or dataset.dtype.itemsize > 8:
        raise WeightsRefused(
            _("model.weights.h5: {where} holds {dtype}, not numbers").format(
                where=where, dtype=dataset.dtype
            )
        )
    if dataset.external or dataset.is_virtual:
        raise WeightsRefused(
            _("model.weights.h5: {where} reads its data from another file").format(where=where)
        )
    return int(dataset.size)
