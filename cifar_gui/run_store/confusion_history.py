"""The validation confusion matrix of every epoch, stored with the run.

``RUN_DIR/confusion_by_epoch.npy`` holds an int64 array of shape (epochs, classes, classes):
row ``e`` is epoch ``e + 1``'s matrix (rows: true class, columns: predicted class), counted
during the validation pass that Keras runs anyway (``ml.confusion_metric``). An epoch whose
matrix is unknown (trained before this file existed) is a matrix of -1.

The file is rewritten atomically after every epoch, *before* ``history.csv`` commits that
epoch; a reader keeps only the epochs that ``history.csv`` has, so a crash between the two
never shows an uncommitted epoch, and a resumed run continues the series. The file may come
from someone else (a run zip): its header is checked before any data is read, and no pickle
is ever loaded. No TensorFlow and no Qt here.
"""

from __future__ import annotations

import contextlib
import io
import os
import tempfile
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from cifar_gui.atomic import atomic_write_bytes
from cifar_gui.i18n import _
from cifar_gui.run_store.files import CONFUSION, MODEL
from cifar_gui.run_store.record import RunRecord, is_run_folder

MAX_CLASSES = 1000
MAX_EPOCHS = 100_000
MAX_BYTES = 64 * 1024**2  # far above any real run (10 classes: 800 bytes an epoch)
UNKNOWN = -1


class ConfusionFileError(ValueError):
    """The file is not a confusion series this application wrote; the message says why."""


def read_confusion(run_dir: str | os.PathLike[str], epochs: int | None = None) -> np.ndarray:
    """The series as int64 (E, K, K); empty (0, 0, 0) when the run has none.

    ``epochs`` (the committed epochs, from ``history.csv``) cuts off a matrix written for an
    epoch that was never committed. Raises ``ConfusionFileError`` for a damaged or foreign file.
    """
    path = Path(run_dir) / CONFUSION
    if not path.is_file():
        return np.zeros((0, 0, 0), np.int64)
    if path.stat().st_size > MAX_BYTES:
        raise ConfusionFileError(_("{path}: implausibly large; not read").format(path=path))
    try:
        with open(path, "rb") as handle:
            version = np.lib.format.read_magic(handle)
            if version == (1, 0):
                shape, _order, dtype = np.lib.format.read_array_header_1_0(handle)
            else:
                shape, _order, dtype = np.lib.format.read_array_header_2_0(handle)
            _check_header(path, shape, dtype)
            handle.seek(0)
            series = np.lib.format.read_array(handle, allow_pickle=False)
    except (OSError, ValueError, EOFError) as exc:
        if isinstance(exc, ConfusionFileError):
            raise
        raise ConfusionFileError(
            _("{path}: not a readable confusion series ({error})").format(path=path, error=exc)
        ) from exc
    series = series.astype(np.int64, copy=False)
    return series if epochs is None else series[:epochs]


def _check_header(path: Path, shape: tuple, dtype: np.dtype) -> None:
    if dtype.kind not in "iu" or len(shape) != 3 or shape[1] != shape[2]:
        raise ConfusionFileError(
            _("{path}: expected integer matrices (epochs, K, K)").format(path=path)
        )
    if not (0 <= shape[0] <= MAX_EPOCHS and 0 < shape[1] <= MAX_CLASSES):
        raise ConfusionFileError(
            _("{path}: implausible shape {shape}").format(path=path, shape=shape)
        )


def append_confusion(run_dir: str | os.PathLike[str], epoch: int, matrix: np.ndarray) -> np.ndarray:
    """Store ``matrix`` (K, K) as epoch ``epoch`` (1-based); returns the new series.

    Epochs at or after ``epoch`` already in the file (left by an uncommitted epoch, or a
    resumed run restarting there) are replaced; missing earlier ones become -1 matrices. A
    damaged or mismatched old file is replaced rather than blocking training.
    """
    matrix = np.asarray(matrix, np.int64)
    if matrix.ndim != 2 or matrix.shape[0] != matrix.shape[1]:
        raise ValueError(
            _("a confusion matrix must be square, not {shape}").format(shape=matrix.shape)
        )
    try:
        series = read_confusion(run_dir, epochs=epoch - 1)
    except ConfusionFileError:
        series = np.zeros((0, *matrix.shape), np.int64)
    if series.shape[1:] != matrix.shape:
        series = np.zeros((0, *matrix.shape), np.int64)
    gap = np.full((epoch - 1 - len(series), *matrix.shape), UNKNOWN, np.int64)
    series = np.concatenate([series, gap, matrix[None]])
    buffer = io.BytesIO()
    np.save(buffer, series, allow_pickle=False)
    atomic_write_bytes(Path(run_dir) / CONFUSION, buffer.getvalue())
    return series


def is_known(matrix: np.ndarray) -> bool:
    """False for the -1 placeholder of an epoch without a recorded matrix."""
    return bool(matrix.size) and bool((matrix >= 0).all())


def per_class_accuracy(series: np.ndarray) -> np.ndarray:
    """(E, K) float: the recall of each class at each epoch, NaN where unknown or absent.

    Recall (correct / images of that class) is what "how much of this class is learned" means;
    for a balanced validation set it is each class's share of the accuracy.
    """
    series = np.asarray(series, np.float64)
    if series.size == 0:
        return np.zeros((len(series), series.shape[1] if series.ndim == 3 else 0))
    diagonal = np.diagonal(series, axis1=1, axis2=2)
    totals = series.sum(axis=2)
    with np.errstate(divide="ignore", invalid="ignore"):
        recall = diagonal / totals
    unknown = (series < 0).any(axis=(1, 2))
    recall[unknown] = np.nan
    recall[totals == 0] = np.nan
    return recall


@dataclass(frozen=True)
class ConfusionRun:
    """A run's series ready to show: only committed epochs, with the class names."""

    name: str
    class_names: tuple[str, ...]
    series: np.ndarray  # int64 (E, K, K), -1 matrices for unknown epochs


def load_confusion_run(path: str | os.PathLike[str]) -> ConfusionRun:
    """The series of a run folder or of an exported run zip (unpacked into a temporary folder).

    Raises ``ConfusionFileError`` with a one-line reason (no series, damaged files, not a run).
    """
    from cifar_gui.run_store.archive import (
        MEMBERS,
        RunArchiveError,
        is_run_archive,
        unpack_run_archive,
    )

    path = Path(path)
    if path.is_file() and is_run_archive(path):
        with tempfile.TemporaryDirectory(prefix="cifar-gui-confusion-") as folder:
            try:
                wanted = tuple(name for name in MEMBERS if name != MODEL)  # no model needed
                record = unpack_run_archive(path, folder, wanted)
            except RunArchiveError as exc:
                raise ConfusionFileError(str(exc)) from exc
            run = _confusion_of(record, path.name)
        return run
    if not is_run_folder(path):
        raise ConfusionFileError(
            _("{path}: not a run folder or an exported run (.zip)").format(path=path)
        )
    return _confusion_of(RunRecord(path), path.name)


def _confusion_of(record: RunRecord, name: str) -> ConfusionRun:
    try:
        epochs = len(record.read_history()) if record.history_path.is_file() else 0
    except (OSError, ValueError, KeyError) as exc:
        raise ConfusionFileError(
            _("{path}: history.csv is damaged ({error})").format(path=record.path, error=exc)
        ) from exc
    series = read_confusion(record.path, epochs=epochs)
    if not len(series):
        raise ConfusionFileError(
            _(
                "{name}: no per-epoch confusion stored (trained before this view existed, or no epoch finished)"
            ).format(name=name)
        )
    classes = series.shape[1]
    names = record.class_names()
    if not names or len(names) != classes:
        names = tuple(f"class {i}" for i in range(classes))
    with contextlib.suppress(OSError, ValueError):
        name = record.load_summary().name or name
    return ConfusionRun(name, names, series)
