"""Test-set evaluation: loss, accuracy, confusion matrix and per-class scores (scikit-learn)."""

from __future__ import annotations

from dataclasses import dataclass

import keras
import numpy as np
from sklearn.metrics import confusion_matrix, precision_recall_fscore_support

from cifar_gui.atomic import atomic_path
from cifar_gui.i18n import _
from cifar_gui.run_store.record import RunRecord, now_iso

# Keras clips probabilities to [eps, 1 - eps] inside its cross-entropy; so do we.
_EPSILON = 1e-7


@dataclass
class EvaluationReport:
    loss: float
    accuracy: float
    class_names: tuple[str, ...]
    confusion: np.ndarray  # [true, predicted] counts
    precision: np.ndarray
    recall: np.ndarray
    f1: np.ndarray
    support: np.ndarray
    probabilities: np.ndarray

    def to_dict(self) -> dict:
        return {
            "test_loss": self.loss,
            "test_acc": self.accuracy,
            "class_names": list(self.class_names),
            "confusion_matrix": self.confusion.tolist(),
            "per_class": {
                name: {
                    "precision": float(self.precision[i]),
                    "recall": float(self.recall[i]),
                    "f1": float(self.f1[i]),
                    "support": int(self.support[i]),
                }
                for i, name in enumerate(self.class_names)
            },
        }


def predict_probabilities(
    model: keras.Model, images: np.ndarray, batch_size: int = 256
) -> np.ndarray:
    """Class probabilities (N, classes) float32 for images (N, 32, 32, 3), uint8 or float in
    0..255, ``batch_size`` at a time.

    The model is called directly (``model(x, training=False)``, what ``predict`` runs for each
    batch) instead of through ``model.predict``: ``predict`` traces a new ``tf.function`` for
    every model, and after five models (a sweep's evaluations, the Classify tab's runs) TensorFlow
    logged "5 out of the last 5 calls … triggered tf.function retracing" at every single image.
    Called directly, nothing is traced, and one image takes about half of ``predict``'s time."""
    if not len(images):
        return np.empty((0, model.output_shape[-1]), dtype=np.float32)
    chunks = [
        np.asarray(model(np.asarray(images[i : i + batch_size], np.float32), training=False))
        for i in range(0, len(images), batch_size)
    ]
    return np.concatenate(chunks).astype(np.float32)


def cross_entropy(probabilities: np.ndarray, labels: np.ndarray) -> float:
    picked = probabilities[np.arange(len(labels)), labels].astype(np.float64)
    return float(np.mean(-np.log(np.clip(picked, _EPSILON, 1 - _EPSILON))))


def report_from_probabilities(
    probabilities: np.ndarray, labels: np.ndarray, class_names: tuple[str, ...]
) -> EvaluationReport:
    predicted = probabilities.argmax(axis=1)
    classes = np.arange(len(class_names))
    precision, recall, f1, support = precision_recall_fscore_support(
        labels, predicted, labels=classes, zero_division=0
    )
    return EvaluationReport(
        loss=cross_entropy(probabilities, labels),
        accuracy=float(np.mean(predicted == labels)),
        class_names=class_names,
        confusion=confusion_matrix(labels, predicted, labels=classes),
        precision=precision,
        recall=recall,
        f1=f1,
        support=support,
        probabilities=probabilities,
    )


def evaluate_model(
    model: keras.Model, images: np.ndarray, labels: np.ndarray, class_names: tuple[str, ...]
) -> EvaluationReport:
    if not len(images):
        raise ValueError(_("the data set has no test images to evaluate on"))
    return report_from_probabilities(predict_probabilities(model, images), labels, class_names)


def record_evaluation(
    record: RunRecord, summary: dict, report: EvaluationReport, data_source: str
) -> None:
    """Store the figures in ``summary.json`` and every test prediction beside it.

    The predictions (one row of class probabilities per test image, in the data set's order)
    let the evaluation view show the misclassified images without running the model again.
    """
    with atomic_path(record.predictions_path) as tmp, open(tmp, "wb") as handle:
        np.save(handle, report.probabilities.astype(np.float32))
    summary.update(
        test_loss=report.loss,
        test_acc=report.accuracy,
        evaluation={
            **report.to_dict(),
            "data_source": data_source,
            "test_images": len(report.probabilities),
            "model_epoch": summary.get("model_epoch"),  # the epoch model.keras holds
            "evaluated_at": now_iso(),
        },
    )
    record.write_summary(summary)
