"""A folder's classification as CSV: what the Classify tab's *Export CSV…* writes.

One row per file, in the order given: ``file, top_class, confidence``, then every class's
probability (the class names as column titles, in class-index order), then ``error`` for a
file that could not be read (its other cells empty). Class names are the English identifiers,
never the window's translations, so a spreadsheet or script reads the same columns in every
language. Probabilities are written with six decimals, as fractions (0.905000, not 90.5%).
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Protocol

import numpy as np

from cifar_gui.atomic import atomic_write_text

FIXED_COLUMNS = ("file", "top_class", "confidence")


class ClassifiedFile(Protocol):
    """One file's outcome (``ml.inference.FileResult`` has this shape): ``probabilities`` is a
    1-D float array over the classes, or None when the file could not be read (``error``)."""

    path: Path
    probabilities: np.ndarray | None
    error: str | None


def classification_csv(results: Iterable[ClassifiedFile], class_names: Sequence[str]) -> str:
    """The CSV text for ``results`` (see the module's docstring); ``class_names`` has one name
    per probability. Lines end in CRLF, as the ``csv`` module writes them by default."""
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow([*FIXED_COLUMNS, *class_names, "error"])
    for result in results:
        if result.probabilities is None:
            writer.writerow([result.path, "", "", *([""] * len(class_names)), result.error])
            continue
        top = int(np.argmax(result.probabilities))
        writer.writerow(
            [result.path, class_names[top], f"{result.probabilities[top]:.6f}",
             *(f"{p:.6f}" for p in result.probabilities), ""]
        )  # fmt: skip
    return buffer.getvalue()


def write_classification_csv(
    path: str | Path, results: Iterable[ClassifiedFile], class_names: Sequence[str]
) -> None:
    """Write ``classification_csv`` to ``path`` atomically (UTF-8): a crash or a full disk
    never leaves half a file, nor harms an older file of that name. Raises ``OSError``."""
    atomic_write_text(path, classification_csv(results, class_names))
