"""A training history from someone else's CSV file (a course notebook's per-epoch log, a Keras
``CSVLogger`` file), read for drawing beside the app's own runs.

The file is untrusted: its size is checked before it is read (at most ``MAX_BYTES``), it is
read whole only within that bound, and every value the plots use is checked, so that a file
that is not a training history is refused in one sentence naming it, never half drawn.

Format: UTF-8 text (with or without a byte-order mark), comma-separated, one header row, then
one row per epoch. Columns (any order; others such as ``epoch_seconds`` or ``lr`` are ignored):

- ``epoch``: required; whole numbers increasing row by row, counted from 1 (as the app's own
  ``history.csv`` and the reference notebook's log count them) or from 0 (as Keras's
  ``CSVLogger`` writes them: its epoch 0 is the first epoch, so a file whose first epoch is 0
  is shifted by one), at most ``MAX_EPOCH``;
- ``loss``, ``val_loss``: training and validation loss, floats;
- ``acc``/``accuracy``, ``val_acc``/``val_accuracy``: accuracies as fractions 0..1 (Keras
  writes ``accuracy`` when the metric is named so, ``acc`` in older versions).

At least one of the four metrics must be present. A blank cell is NaN (that point is left out
of the line); any other non-numeric or non-finite value is refused. No Qt, no TensorFlow.
"""

from __future__ import annotations

import csv
import io
import math
import os
import stat
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from cifar_gui.data.errors import DataSourceError
from cifar_gui.i18n import _, os_error_text

MAX_BYTES = 1024 * 1024  # 1 MiB: a 10,000-epoch log of the six usual columns takes ~600 kB
MAX_ROWS = 10_000  # epochs: far beyond any classroom run, small enough to draw at once
MAX_EPOCH = 1_000_000  # an epoch number beyond this is no training log
METRICS = ("loss", "acc", "val_loss", "val_acc")  # the names the app's own history uses
ALIASES = {"loss": "loss", "val_loss": "val_loss", "acc": "acc", "accuracy": "acc",
           "val_acc": "val_acc", "val_accuracy": "val_acc"}  # fmt: skip
ACCURACIES = ("acc", "val_acc")


@dataclass(frozen=True)
class HistoryCurves:
    """One file's curves: ``epochs`` (int64, shape (n,), increasing from 1) and, for each
    metric the file has (keys among ``METRICS``), float64 values of shape (n,), NaN where the
    cell was blank. ``name`` is the file's stem, ``path`` the file read."""

    name: str
    path: Path
    epochs: np.ndarray
    metrics: dict[str, np.ndarray]

    def values(self, metric: str) -> np.ndarray:
        """The values of ``metric`` (one of ``METRICS``); all NaN when the file lacks it."""
        return self.metrics.get(metric, np.full(len(self.epochs), math.nan))


def read_history_csv(path: str | os.PathLike[str]) -> HistoryCurves:
    """Read and check the history CSV at ``path`` (format in the module's docstring).

    Raises ``DataSourceError`` with one sentence naming the file when it cannot be read, is
    not a regular file, is larger than ``MAX_BYTES``, is not UTF-8 CSV text, lacks the
    ``epoch`` column or all of the metrics, names a metric twice, has more than ``MAX_ROWS``
    rows, a row of the wrong length, epochs that are not whole numbers from 1 to
    ``MAX_EPOCH`` increasing row by row, a non-numeric or non-finite value in a metric, an
    accuracy outside 0..1, or no value to draw at all.
    """
    path = Path(path)
    rows = csv.reader(io.StringIO(_read_text(path), newline=""), strict=True)
    try:
        header = next(rows, None)
        if header is None:
            raise DataSourceError(_("{file}: the file is empty").format(file=path))
        columns = _columns(path, header)
        table = _rows(path, rows, len(header))
    except csv.Error as exc:
        raise DataSourceError(
            _("{file}: not a readable CSV table (line {line})").format(
                file=path, line=rows.line_num
            )
        ) from exc
    return _curves(path, columns, table)


def _read_text(path: Path) -> str:
    """The file's text, its size checked before a byte is read."""
    try:
        info = path.stat()
        if not stat.S_ISREG(info.st_mode):
            raise DataSourceError(_("{file}: not a regular file").format(file=path))
        if info.st_size > MAX_BYTES:
            raise DataSourceError(_too_large(path, info.st_size))
        with open(path, "rb") as handle:
            data = handle.read(MAX_BYTES + 1)  # a file growing since: still bounded
    except OSError as exc:
        raise DataSourceError(
            _("{file}: cannot be read ({reason})").format(file=path, reason=os_error_text(exc))
        ) from exc
    if len(data) > MAX_BYTES:
        raise DataSourceError(_too_large(path, len(data)))
    try:
        return data.decode("utf-8-sig")  # Excel and Notepad write a byte-order mark
    except UnicodeDecodeError as exc:
        raise DataSourceError(_("{file}: not UTF-8 text").format(file=path)) from exc


def _too_large(path: Path, size: int) -> str:
    return _(
        "{file}: {size:,} bytes is too large for a training history (at most {limit:,})"
    ).format(file=path, size=size, limit=MAX_BYTES)


def _columns(path: Path, header: list[str]) -> dict[str, int]:
    """``{"epoch" or metric: column index}`` from the header row."""
    found: dict[str, int] = {}
    for index, title in enumerate(header):
        key = "epoch" if title.strip() == "epoch" else ALIASES.get(title.strip())
        if key is None:
            continue
        if key in found:
            raise DataSourceError(
                _("{file}: the column {column} appears twice").format(file=path, column=key)
            )
        found[key] = index
    if "epoch" not in found:
        raise DataSourceError(_("{file}: no 'epoch' column").format(file=path))
    if len(found) == 1:
        raise DataSourceError(
            _("{file}: none of the columns loss, acc, val_loss, val_acc").format(file=path)
        )
    return found


def _rows(path: Path, rows, width: int) -> list[tuple[int, list[str]]]:
    """``(line number, cells)`` of each data row (blank lines skipped), at most ``MAX_ROWS``."""
    table = []
    for cells in rows:
        if not cells or all(not cell.strip() for cell in cells):
            continue
        if len(table) == MAX_ROWS:
            raise DataSourceError(
                _("{file}: more than {limit:,} rows").format(file=path, limit=MAX_ROWS)
            )
        if len(cells) != width:
            raise DataSourceError(
                _("{file}: line {line} has {found} cells where the header has {expected}").format(
                    file=path, line=rows.line_num, found=len(cells), expected=width
                )
            )
        table.append((rows.line_num, cells))
    return table


def _curves(path: Path, columns: dict[str, int], table) -> HistoryCurves:
    epochs = _epochs(path, columns["epoch"], table)
    metrics = {}
    for key, index in columns.items():
        if key != "epoch":
            cells = [_value(path, line, key, row[index]) for line, row in table]
            metrics[key] = np.array(cells, dtype=np.float64)
    if not any(np.isfinite(values).any() for values in metrics.values()):
        raise DataSourceError(_("{file}: no values to draw").format(file=path))
    return HistoryCurves(path.stem, path, epochs, metrics)


def _epochs(path: Path, column: int, table) -> np.ndarray:
    """The epoch column as int64, counted from 1: ``3`` or ``3.0`` (as pandas writes it), each
    larger than the one before, up to ``MAX_EPOCH``; a column whose first epoch is 0 (Keras's
    ``CSVLogger``) is shifted by one."""
    values = [_float_or_nan(cells[column]) for _line, cells in table]
    from_zero = bool(values) and values[0] == 0.0
    previous = -1 if from_zero else 0
    for (line, _cells), value in zip(table, values, strict=True):
        if not (value.is_integer() and previous < value <= MAX_EPOCH):
            raise DataSourceError(
                _(
                    "{file}: line {line}: epochs must be whole numbers from 1 to {limit:,}, "
                    "increasing row by row"
                ).format(file=path, line=line, limit=MAX_EPOCH)
            )
        previous = int(value)
    return np.array(values, dtype=np.int64) + int(from_zero)


def _float_or_nan(cell: str) -> float:
    try:
        return float(cell)
    except ValueError:
        return math.nan


def _value(path: Path, line: int, metric: str, cell: str) -> float:
    """A metric cell as a float; blank is NaN. Raises ``DataSourceError`` for anything else
    that is not a finite number, and for an accuracy outside 0..1."""
    if not cell.strip():
        return math.nan
    try:
        value = float(cell)
    except ValueError:
        value = math.nan
    if not math.isfinite(value):
        raise DataSourceError(
            _("{file}: line {line}: {column} is not a finite number ({value})").format(
                file=path, line=line, column=metric, value=_shown(cell)
            )
        )
    if metric in ACCURACIES and not 0.0 <= value <= 1.0:
        raise DataSourceError(
            _("{file}: line {line}: {column} {value} is not an accuracy between 0 and 1").format(
                file=path, line=line, column=metric, value=_shown(cell)
            )
        )
    return value


def _shown(cell: str) -> str:
    """A cell as quoted in a refusal: on one line, at most 20 characters."""
    return " ".join(cell.split())[:20]
