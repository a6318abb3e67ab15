"""Evaluating a saved run on its test set, on demand (the CLI's ``evaluate``, the runs tab)."""

from __future__ import annotations

from pathlib import Path

from cifar_gui.data import Dataset, load_source
from cifar_gui.ml.evaluation import EvaluationReport, evaluate_model, record_evaluation
from cifar_gui.ml.inference import ModelLoadError, load_model
from cifar_gui.runs import RunRecord


def run_data_source(run_dir: str | Path) -> str:
    """The data source a run was trained on (``demo`` for a run that does not say)."""
    try:
        return RunRecord(run_dir).read_config().get("data", {}).get("source") or "demo"
    except (OSError, ValueError, AttributeError):
        return "demo"


def evaluate_run(
    run_dir: str | Path, *, dataset: Dataset | None = None, store: bool = True
) -> EvaluationReport:
    """Evaluate ``model.keras`` on the test images of ``dataset`` (default: the run's own data
    source) and, with ``store``, record the figures in the run's ``summary.json``.

    Raises ``ModelLoadError``, ``DataSourceError`` or ``ValueError`` with a one-line reason.
    """
    record = RunRecord(run_dir)
    dataset = dataset if dataset is not None else load_source(run_data_source(run_dir))
    loaded = load_model(run_dir)
    classes = loaded.model.output_shape[-1]
    if classes != dataset.num_classes:
        raise ModelLoadError(
            f"{dataset.source}: has {dataset.num_classes} classes, the model {classes}"
        )
    if not len(dataset.x_test):
        raise ValueError(f"{dataset.source}: has no test images to evaluate on")
    report = evaluate_model(loaded.model, dataset.x_test, dataset.y_test, dataset.class_names)
    if store:
        try:
            summary = record.read_summary()
        except (OSError, ValueError):
            summary = {}
        record_evaluation(record, summary, report, dataset.source)
    return report
