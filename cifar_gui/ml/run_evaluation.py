"""Evaluating a saved run on its test set, on demand (the CLI's ``evaluate``, the runs tab)."""

from __future__ import annotations

from pathlib import Path

from cifar_gui.data import Dataset, DataSourceError, load_source
from cifar_gui.data.fingerprint import data_difference, stored_data_source
from cifar_gui.i18n import _
from cifar_gui.ml.evaluation import EvaluationReport, evaluate_model, record_evaluation
from cifar_gui.ml.inference import ModelLoadError, load_model
from cifar_gui.run_store.fields import RunFormatError
from cifar_gui.run_store.record import RunRecord


def run_data_source(run_dir: str | Path) -> str:
    """The data source a run was trained on (``demo`` for a run that does not say).

    Raises ``DataSourceError`` when the run's ``config.json`` names something that is not a
    plain path or source name (the path itself is checked when it is loaded), and
    ``RunFormatError`` for a ``config.json`` of a newer format or with a field of the wrong type.
    """
    try:
        stored = RunRecord(run_dir).load_config()
    except RunFormatError:
        raise
    except (OSError, ValueError):
        return "demo"
    return stored_data_source(stored.to_json())


def check_run_data(run_dir: str | Path, dataset: Dataset, *, classes_only: bool = False) -> None:
    """Raise ``DataSourceError`` naming both data sets when ``dataset`` is not the run's data
    (``classes_only``: when its class names differ from those the run was trained on)."""
    try:
        stored = RunRecord(run_dir).load_config()
    except RunFormatError:
        raise
    except (OSError, ValueError):
        return
    if difference := data_difference(stored.to_json(), dataset, classes_only=classes_only):
        raise DataSourceError(difference)


def evaluate_run(
    run_dir: str | Path, *, dataset: Dataset | None = None, store: bool = True
) -> EvaluationReport:
    """Evaluate ``model.keras`` on the test images of ``dataset`` (default: the run's own data
    source) and, with ``store``, record the figures in the run's ``summary.json``.

    Figures are stored only for the run's own data: with ``store``, data that differs from
    the recorded fingerprint is refused. Raises ``ModelLoadError``, ``DataSourceError`` or
    ``ValueError`` with a one-line reason (``RunFormatError`` for a run of a newer format,
    whose files are never rewritten here).
    """
    record = RunRecord(run_dir)
    dataset = dataset if dataset is not None else load_source(run_data_source(run_dir))
    check_run_data(run_dir, dataset, classes_only=not store)
    loaded = load_model(run_dir)
    classes = loaded.model.output_shape[-1]
    if classes != dataset.num_classes:
        raise ModelLoadError(
            _("{source}: has {num_classes} classes, the model {classes}").format(
                source=dataset.source, num_classes=dataset.num_classes, classes=classes
            )
        )
    if not len(dataset.x_test):
        raise ValueError(
            _("{source}: has no test images to evaluate on").format(source=dataset.source)
        )
    report = evaluate_model(loaded.model, dataset.x_test, dataset.y_test, dataset.class_names)
    if store:
        try:
            summary = record.read_summary()
        except RunFormatError:
            raise
        except (OSError, ValueError):
            summary = {}
        record_evaluation(record, summary, report, dataset.source)
    return report
