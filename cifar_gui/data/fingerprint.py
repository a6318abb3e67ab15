"""What a run was trained on, recorded so that later work on other data is noticed.

A run's ``config.json`` keeps, under ``"data"``, the absolute source path and a fingerprint:
class names, images per class in each part, and a cheap content hash. Resume, evaluate, the
evaluation gallery and the Classify tab's random test image compare the data they load with it
and refuse data that differs, naming both. The data source read back from a run is checked like
anything the user types (``resolve_source``): a run folder or zip may come from someone else.
"""

from __future__ import annotations

import hashlib
from typing import Any

import numpy as np

from cifar_gui.data.dataset import Dataset
from cifar_gui.data.errors import DataSourceError
from cifar_gui.i18n import _

HASHED_IMAGES = 64  # images per part whose pixels enter the hash, evenly spaced


def _content_hash(dataset: Dataset) -> str:
    """SHA-256 over the labels and ``HASHED_IMAGES`` evenly spaced images of each part: about
    1 MB of hashing, independent of where the files lie or when they were copied."""
    digest = hashlib.sha256()
    for x, y in ((dataset.x_train, dataset.y_train), (dataset.x_test, dataset.y_test)):
        digest.update(np.int64(len(y)).tobytes())
        digest.update(np.ascontiguousarray(y, dtype=np.int32).tobytes())
        if len(x):
            rows = np.unique(np.linspace(0, len(x) - 1, HASHED_IMAGES).astype(np.int64))
            digest.update(np.ascontiguousarray(x[rows]).tobytes())
    return digest.hexdigest()[:32]


def data_fingerprint(dataset: Dataset) -> dict[str, Any]:
    """JSON-ready: ``class_names``, ``train_counts``, ``test_counts`` (images per class of the
    whole data set, before any limit) and ``content_hash``."""
    return {
        "class_names": list(dataset.class_names),
        "train_counts": dataset.class_counts("train"),
        "test_counts": dataset.class_counts("test"),
        "content_hash": _content_hash(dataset),
    }


def _describe(source: str, fingerprint: dict[str, Any]) -> str:
    names = list(fingerprint.get("class_names") or [])
    shown = ", ".join(map(str, names[:6])) + (", …" if len(names) > 6 else "")
    train = sum(int(v) for v in fingerprint.get("train_counts") or [])
    test = sum(int(v) for v in fingerprint.get("test_counts") or [])
    return _("{source} ({count} classes: {shown}; {train} training / {test} test images)").format(
        source=source, count=len(names), shown=shown, train=train, test=test
    )


def stored_data_source(stored: dict[str, Any]) -> str:
    """The data source a run's ``config.json`` (already parsed) names: the recorded absolute
    source, else the settings' ``data``, else ``demo``. Raises ``DataSourceError`` when the
    value is not a plain path or source name (the file may come from someone else)."""
    data = stored.get("data") if isinstance(stored, dict) else None
    settings = stored.get("settings") if isinstance(stored, dict) else None
    value = data.get("source") if isinstance(data, dict) else None
    if value is None and isinstance(settings, dict):
        value = settings.get("data")
    if value is None or value == "":
        return "demo"
    if not isinstance(value, str) or "\0" in value or len(value) > 4096:
        raise DataSourceError(_("the run's config.json names no usable data source"))
    return value


def data_difference(
    stored: dict[str, Any], dataset: Dataset, *, classes_only: bool = False
) -> str | None:
    """Why ``dataset`` is not the data the run with config ``stored`` was trained on, naming
    both, or None when it is. Runs recorded before fingerprints (and ``classes_only``) are
    compared by their class names only."""
    data = stored.get("data") if isinstance(stored, dict) else None
    recorded = data.get("fingerprint") if isinstance(data, dict) and not classes_only else None
    current = data_fingerprint(dataset)
    source = data.get("source") if isinstance(data, dict) else None
    if not isinstance(recorded, dict):
        names = stored.get("class_names") if isinstance(stored, dict) else None
        if not isinstance(names, list) or names == current["class_names"]:
            return None
        recorded = {"class_names": names}
    elif all(recorded.get(key) == value for key, value in current.items()):
        return None
    return _(
        "the data at {describe} differs from the data this run was trained on, {describe2}"
    ).format(
        describe=_describe(dataset.source, current),
        describe2=_describe(str(source or _("unknown")), recorded),
    )
