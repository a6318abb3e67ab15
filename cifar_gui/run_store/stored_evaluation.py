"""A run's stored test-set evaluation, read back for the evaluation view (no TensorFlow).

The figures come from ``summary.json``; the gallery of mistakes needs the stored predictions
and the test images themselves, which are loaded from the run's data source (usually from the
data cache in a fraction of a second).
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np

from cifar_gui.data import DataSourceError, load_source
from cifar_gui.data.fingerprint import data_difference
from cifar_gui.i18n import _
from cifar_gui.run_store.files import PREDICTIONS
from cifar_gui.run_store.record import RunRecord


@dataclass
class StoredEvaluation:
    run_dir: Path
    figures: dict[str, Any]  # EvaluationReport.to_dict() plus data_source, test_images
    probabilities: np.ndarray | None = None  # (N, classes), the test set's order
    images: np.ndarray | None = None  # (N, 32, 32, 3) uint8 test images
    labels: np.ndarray | None = None
    gallery_note: str | None = None  # why there is no gallery, if there is none

    @property
    def class_names(self) -> tuple[str, ...]:
        return tuple(self.figures.get("class_names", ()))

    @property
    def confusion(self) -> np.ndarray:
        return np.asarray(self.figures.get("confusion_matrix", []), dtype=np.int64)

    def mistakes(self, true: int | None = None, predicted: int | None = None) -> np.ndarray:
        """Indices of test images, most confident first; with a class pair, only that cell
        (a diagonal cell gives the correctly classified images of that class)."""
        if self.probabilities is None or self.labels is None:
            return np.zeros(0, dtype=np.int64)
        guesses = self.probabilities.argmax(axis=1)
        if true is None:
            selected = guesses != self.labels
        else:
            selected = (self.labels == true) & (guesses == predicted)
        indices = np.flatnonzero(selected)
        confidence = self.probabilities[indices, guesses[indices]]
        return indices[np.argsort(-confidence, kind="stable")]


def load_stored_evaluation(run_dir: str | Path) -> StoredEvaluation | None:
    """None when the run has not been evaluated; raises ``ValueError`` for a damaged summary."""
    record = RunRecord(run_dir)
    figures = record.load_summary().evaluation
    if figures is None:
        return None
    stored = StoredEvaluation(record.path, figures)
    try:
        probabilities = np.load(record.predictions_path, allow_pickle=False)
    except (OSError, ValueError) as exc:
        stored.gallery_note = _("{file} unreadable ({type})").format(
            file=PREDICTIONS, type=exc.__class__.__name__
        )
        return stored
    source = figures.get("data_source") or "demo"
    try:
        dataset = load_source(source)
        config = record.load_config()
    except (DataSourceError, OSError, ValueError) as exc:
        stored.gallery_note = _("the test images are not available: {error}").format(error=exc)
        return stored
    if difference := data_difference(config.to_json(), dataset):
        stored.gallery_note = _("the test images are not shown: {difference}").format(
            difference=difference
        )
        return stored
    expected = (len(dataset.x_test), len(stored.class_names))
    if probabilities.shape != expected:
        stored.gallery_note = _(
            "the stored predictions ({shape}) do not match the test set of {source} ({count} images); evaluate again"
        ).format(shape=probabilities.shape[0], source=source, count=len(dataset.x_test))
        return stored
    stored.probabilities = probabilities
    stored.images, stored.labels = dataset.x_test, dataset.y_test
    return stored
