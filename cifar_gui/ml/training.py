"""The one training function, used by the CLI and the GUI alike.

``train()`` loads and splits the data as the reference notebook does, builds the preset,
runs ``model.fit`` with the ``ProgressReporter`` callback, and records the run on disk after
every finished epoch, so that a stop, a crash or a NaN loss keeps everything made so far.
"""

from __future__ import annotations

import contextlib
import errno
import logging
import math
import platform
import time
import traceback
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

import keras
import numpy as np
import sklearn
import tensorflow as tf

import cifar_gui
from cifar_gui.atomic import atomic_copy, atomic_path
from cifar_gui.config import ConfigError, TrainConfig
from cifar_gui.data import Dataset, DataSourceError, load_source
from cifar_gui.data.fingerprint import data_difference, data_fingerprint, stored_data_source
from cifar_gui.data.preprocessing import ChannelStats, channel_stats
from cifar_gui.data.training_split import one_class_problem, split_for_settings
from cifar_gui.i18n import _
from cifar_gui.keras_file_check import KerasFileRefused, check_keras_file
from cifar_gui.ml.callbacks import ProgressReporter
from cifar_gui.ml.confusion_metric import ValidationConfusion
from cifar_gui.ml.devices import configure_gpus, describe_device, placement
from cifar_gui.ml.evaluation import evaluate_model, record_evaluation
from cifar_gui.ml.models import build_model
from cifar_gui.ml.multi_worker import build_before_fit, patch_log_reduction
from cifar_gui.ml.optimizers import build_optimizer, learning_rate_for
from cifar_gui.ml.pipeline import make_dataset
from cifar_gui.ml.resumable_callbacks import ResumableEarlyStopping, ResumablePlateau
from cifar_gui.paths import default_runs_dir
from cifar_gui.progress import EpochResult, RunStarted, TrainingControl, TrainingObserver
from cifar_gui.run_store.config_file import ConfigFile
from cifar_gui.run_store.confusion_history import append_confusion
from cifar_gui.run_store.fields import RunFormatError
from cifar_gui.run_store.files import TENSORBOARD
from cifar_gui.run_store.lock import RunInUseError, RunLock
from cifar_gui.run_store.record import RunRecord, now_iso
from cifar_gui.run_store.summary import RunSummary

log = logging.getLogger(__name__)

ModelBuilder = Callable[..., keras.Model]
"""Builds the uncompiled model: ``build_model``'s signature (preset, num_classes, mean, std,
and the keyword settings), e.g. a tiny stand-in network for tests of the run lifecycle."""


@dataclass
class PreparedData:
    dataset: Dataset
    train_idx: np.ndarray
    val_idx: np.ndarray
    stats: ChannelStats


@dataclass
class TrainingResult:
    run_dir: Path
    status: str
    history: list[dict[str, float]] = field(default_factory=list)
    summary: dict[str, Any] = field(default_factory=dict)

    @property
    def error(self) -> str | None:
        return self.summary.get("error")


def versions() -> dict[str, str]:
    return {
        "cifar_gui": cifar_gui.__version__,
        "python": platform.python_version(),
        "tensorflow": tf.__version__,
        "keras": keras.__version__,
        "numpy": np.__version__,
        "scikit_learn": sklearn.__version__,
        "platform": platform.platform(),
    }


def prepare_data(config: TrainConfig, dataset: Dataset) -> PreparedData:
    """The reference preprocessing: statistics over the whole training set, then the split.

    With ``limit_train``, a seeded class-balanced sample is split instead. Raises
    ``ConfigError`` when the images cannot be split or the training part holds one class.
    """
    try:
        split = split_for_settings(dataset, config)
    except ValueError as exc:
        count = min(len(dataset.y_train), config.limit_train or len(dataset.y_train))
        raise ConfigError(
            {"val_split": _("cannot split {count} images ({error})").format(count=count, error=exc)}
        ) from exc
    if problem := one_class_problem(dataset, split, config.limit_train):
        raise ConfigError(dict([problem]))
    data = split.dataset
    return PreparedData(data, split.train_idx, split.val_idx, channel_stats(data.x_train))


_determinism_enabled = False


def _seed_everything(config: TrainConfig, offset: int = 0) -> None:
    global _determinism_enabled
    keras.utils.set_random_seed(config.seed + offset)
    if config.deterministic and not _determinism_enabled:
        tf.config.experimental.enable_op_determinism()
        _determinism_enabled = True


def _is_better(monitor: str, value: float, best: float | None) -> bool:
    if not math.isfinite(value):
        return False
    if best is None:
        return True
    return value < best if monitor == "val_loss" else value > best


def _callbacks(
    config: TrainConfig, reporter: ProgressReporter, run_dir: Path, history: list[dict]
) -> list:
    """The run's callbacks; early stopping and the plateau schedule go on from ``history``."""
    callbacks: list = [reporter]
    if config.early_stopping:
        callbacks.append(
            ResumableEarlyStopping(
                previous=[float(row.get(config.monitor, math.nan)) for row in history],
                monitor=config.monitor,
                mode="min" if config.monitor == "val_loss" else "max",
                patience=config.patience,
            )
        )
    if config.schedule == "plateau":
        callbacks.append(
            ResumablePlateau(
                previous=[float(row.get("val_loss", math.nan)) for row in history],
                factor=config.plateau_factor,
                patience=config.plateau_patience,
            )
        )
    if config.tensorboard:
        callbacks.append(keras.callbacks.TensorBoard(log_dir=str(run_dir / TENSORBOARD)))
    return callbacks


def save_model(model: keras.Model, path: Path) -> None:
    """The whole model with its optimizer state, so a run can be resumed from it."""
    with atomic_path(path) as tmp:
        model.save(tmp)


def _fresh_summary(config: TrainConfig) -> dict[str, Any]:
    return RunSummary(
        name=config.run_name.strip() if config.run_name else None,  # the display name
        status="running",
        started_at=now_iso(),
        epochs_completed=0,
        epochs_planned=config.epochs,
        monitor=config.monitor,
    ).to_json()


def train(
    config: TrainConfig,
    *,
    dataset: Dataset | None = None,
    observer: TrainingObserver | None = None,
    control: TrainingControl | None = None,
    strategy: tf.distribute.Strategy | None = None,
    model_builder: ModelBuilder | None = None,
) -> TrainingResult:
    """Train one run and record it; returns its final status instead of raising.

    ``model_builder`` builds the network (default: the preset builder ``build_model``, looked
    up when the run starts); tests of saving, stopping or the window pass a tiny one.

    Raises only before the run folder exists: ``ConfigError`` for invalid settings and
    ``DataSourceError`` for unusable data. Everything after that (NaN loss, out of memory, a
    full disk) ends the run as ``failed`` with the reason in ``summary.json`` and ``error.txt``.
    """
    config.validate()
    dataset = dataset if dataset is not None else load_source(config.data)
    prepared = prepare_data(config, dataset)
    data = prepared.dataset
    runs_dir = Path(config.runs_dir) if config.runs_dir else default_runs_dir()
    record = RunRecord.create(runs_dir, config.run_name or config.preset)
    settings = config.to_dict()
    if data.source != "demo" and config.data not in ("auto", "cifar10", "demo"):
        settings["data"] = data.source  # absolute: a resume from another folder finds it
    record.write_config(
        ConfigFile(
            settings=settings,
            data={
                "name": data.name,
                "source": data.source,
                "fingerprint": data_fingerprint(dataset),
                "train_images": len(prepared.train_idx),
                "val_images": len(prepared.val_idx),
                "test_images": len(data.x_test),
            },
            class_names=list(data.class_names),
            preprocessing=prepared.stats.to_dict(),
            versions=versions(),
            created_at=now_iso(),
        )
    )
    summary = _fresh_summary(config)
    log.info("Run %s: training %s on %s (%d epochs)", record.path, config.preset, data.name,
             config.epochs)  # fmt: skip
    with RunLock(record.path):
        record.write_summary(summary)
        return _fit_and_record(
            config, prepared, record, summary, [], observer, control, strategy, model_builder
        )


class ResumeError(ValueError):
    """This run folder cannot be continued; the message says why."""


def resume(
    run_dir: str | Path,
    *,
    more_epochs: int | None = None,
    dataset: Dataset | None = None,
    observer: TrainingObserver | None = None,
    control: TrainingControl | None = None,
    model_builder: ModelBuilder | None = None,
) -> TrainingResult:
    """Continue a stopped, finished, failed or interrupted run in its own folder.

    Training restarts after the last epoch in ``history.csv``, from ``model.keras`` with its
    optimizer state; ``more_epochs`` extends the plan (default: finish the planned epochs).
    The history is appended to, never duplicated. Raises ``ResumeError`` before touching the
    folder when it cannot be continued. ``model_builder`` as for ``train()`` (used only when
    no epoch was finished, so there is no saved model to continue from).
    """
    record = RunRecord(run_dir)
    lock = RunLock(record.path)
    try:
        lock.acquire()
    except RunInUseError as exc:
        raise ResumeError(str(exc)) from exc
    except OSError as exc:
        raise ResumeError(
            _("{path}: cannot be written ({error})").format(path=record.path, error=exc)
        ) from exc
    try:
        return _resume_locked(record, more_epochs, dataset, observer, control, model_builder)
    finally:
        lock.release()


def _resume_locked(
    record: RunRecord,
    more_epochs: int | None,
    dataset: Dataset | None,
    observer: TrainingObserver | None,
    control: TrainingControl | None,
    model_builder: ModelBuilder | None = None,
) -> TrainingResult:
    try:
        stored = record.read_config()
        config = TrainConfig.from_dict(stored["settings"])
    except RunFormatError as exc:  # a newer release's run, or a hostile file: left untouched
        raise ResumeError(str(exc)) from exc
    except (OSError, ValueError, KeyError) as exc:
        raise ResumeError(
            _("{path}: config.json is missing or damaged ({error})").format(
                path=record.path, error=exc
            )
        ) from exc
    try:
        history = record.read_history() if record.history_path.is_file() else []
    except (OSError, ValueError) as exc:
        raise ResumeError(
            _("{path}: history.csv is damaged ({error})").format(path=record.path, error=exc)
        ) from exc
    try:
        summary = record.read_summary()
    except RunFormatError as exc:  # a newer release's run, or a hostile file: left untouched
        raise ResumeError(str(exc)) from exc
    except (OSError, ValueError):
        summary = _fresh_summary(config)  # a crash before the first summary: start it again
    done = int(history[-1]["epoch"]) if history else 0
    if [int(row["epoch"]) for row in history] != list(range(1, done + 1)):
        raise ResumeError(
            _("{path}: history.csv has gaps or repeated epochs").format(path=record.path)
        )
    if done and not record.model_path.is_file():
        raise ResumeError(
            _("{path}: {name} is missing").format(path=record.path, name=record.model_path.name)
        )
    if done:
        for path in (record.model_path, record.last_model_path):  # hostile or foreign files:
            if path.is_file():  # checked before anything is written
                _check_resumable_model(path)
    if more_epochs is not None:
        if more_epochs < 1:
            raise ResumeError(_("Enter at least 1 for the number of further epochs."))
        config.epochs = done + more_epochs
    elif done >= config.epochs:
        raise ResumeError(
            _("{path}: all {epochs} planned epochs are done; ask for more epochs").format(
                path=record.path, epochs=config.epochs
            )
        )
    try:
        dataset = dataset if dataset is not None else load_source(stored_data_source(stored))
    except DataSourceError as exc:
        raise ResumeError(
            _("{path}: its training data cannot be loaded: {error}").format(
                path=record.path, error=exc
            )
        ) from exc
    if difference := data_difference(stored, dataset):
        raise ResumeError(
            _("{path}: cannot resume on other data: {difference}").format(
                path=record.path, difference=difference
            )
        )
    prepared = prepare_data(config, dataset)
    for leftover in record.path.glob(".*.partial*"):  # half-written files of a killed process
        leftover.unlink(missing_ok=True)
    stored["settings"] = config.to_dict()
    stored["resumed_at"] = [*stored.get("resumed_at", []), now_iso()]
    record.write_config(stored)
    summary.update(
        status="running",
        finished_at=None,
        epochs_completed=done,
        epochs_planned=config.epochs,
        test_loss=None,
        test_acc=None,
        evaluation=None,
        error=None,
    )
    record.write_summary(summary)
    log.info("Run %s: resuming after epoch %d of %d", record.path, done, config.epochs)
    return _fit_and_record(
        config, prepared, record, summary, history, observer, control, model_builder=model_builder
    )


def _check_resumable_model(path: Path) -> None:
    """The same checks as any model file, plus the compile settings: only the optimizers,
    schedule, loss and metric the app writes (``keras_file_check``); raises ``ResumeError``."""
    try:
        check_keras_file(path, for_resume=True)
    except KerasFileRefused as exc:
        raise ResumeError(_("cannot resume: {error}").format(error=exc)) from exc


def _load_for_resume(record: RunRecord) -> keras.Model:
    """The state after the last finished epoch: ``last.keras`` when early stopping put the best
    epoch into ``model.keras``, else ``model.keras``; checked again just before Keras loads it."""
    path = record.last_model_path if record.last_model_path.is_file() else record.model_path
    _check_resumable_model(path)
    try:
        return keras.saving.load_model(path, compile=True, safe_mode=True)
    except Exception as exc:
        raise ResumeError(
            _("{path}: cannot be loaded to resume ({type}: {error})").format(
                path=path, type=type(exc).__name__, error=exc
            )
        ) from exc


def _keep_best_model(
    model: keras.Model, record: RunRecord, summary: dict[str, Any], last_epoch: int
) -> int:
    """Early stopping keeps the best epoch: ``model.keras`` (what predict, Classify and
    evaluate load) becomes ``best.keras``, the last epoch's state moves to ``last.keras`` for a
    resume, and ``model`` gets the best weights too, so the test figures describe the file.

    Returns the epoch whose weights ``model`` holds afterwards.
    """
    best = summary.get("best_epoch")
    if best is None or best == last_epoch or not record.best_model_path.is_file():
        return last_epoch
    if summary.get("model_epoch") == last_epoch:
        atomic_copy(record.model_path, record.last_model_path)
    atomic_copy(record.best_model_path, record.model_path)
    model.load_weights(record.model_path)
    summary["model_epoch"] = best
    return best


def _fit_and_record(
    config: TrainConfig,
    prepared: PreparedData,
    record: RunRecord,
    summary: dict[str, Any],
    history: list[dict[str, float]],
    observer: TrainingObserver | None,
    control: TrainingControl | None,
    strategy: tf.distribute.Strategy | None = None,
    model_builder: ModelBuilder | None = None,
) -> TrainingResult:
    """Fit from ``len(history)`` finished epochs up to ``config.epochs``, recording each epoch.

    ``strategy`` (a MultiWorkerMirroredStrategy from the CLI) replaces the device setting.

    Every failure after this point is recorded in the run, not raised.
    """
    observer = observer or TrainingObserver()
    control = control or TrainingControl()
    data = prepared.dataset
    initial_epoch = len(history)
    previous_seconds = float(summary.get("duration_seconds") or 0.0) if initial_epoch else 0.0
    started = time.perf_counter()
    best_value: float | None = (
        summary.get("best_val_loss")
        if config.monitor == "val_loss"
        else summary.get("best_val_acc")
    )
    reporter: ProgressReporter | None = None
    status = "failed"

    def elapsed() -> float:
        return round(previous_seconds + time.perf_counter() - started, 3)

    try:
        for note in configure_gpus(memory_limit_mb=config.gpu_memory_limit_mb):
            observer.on_message(note)
        summary["device"] = (
            f"MultiWorkerMirroredStrategy: {strategy.num_replicas_in_sync} replicas"
            if isinstance(strategy, tf.distribute.MultiWorkerMirroredStrategy)
            else f"{type(strategy).__name__}: {strategy.num_replicas_in_sync} replicas"
            if strategy is not None
            else describe_device(config.device)
        )
        observer.on_message(_("Training on {device}").format(device=summary["device"]))
        # A resumed run draws fresh shuffles and dropout masks, not a replay of epoch 1's.
        _seed_everything(config, offset=initial_epoch)
        steps = math.ceil(len(prepared.train_idx) / config.batch_size)
        x, y = data.x_train, data.y_train

        def commit_epoch(result: EpochResult) -> None:
            nonlocal best_value
            # The model first, then the history that commits the epoch: a crash between the
            # two leaves a model one epoch ahead of the history, never a history without model.
            save_model(model, record.model_path)
            summary["model_epoch"] = result.epoch
            record.last_model_path.unlink(missing_ok=True)  # model.keras is the last state again
            if result.confusion is not None:
                append_confusion(record.path, result.epoch, np.asarray(result.confusion))
            record.write_history(history)
            value = result.val_loss if config.monitor == "val_loss" else result.val_acc
            if _is_better(config.monitor, value, best_value):
                atomic_copy(record.model_path, record.best_model_path)  # same model: no re-encoding
                best_value = value
                summary.update(
                    best_epoch=result.epoch,
                    best_val_acc=result.val_acc,
                    best_val_loss=result.val_loss,
                )
            summary["epochs_completed"] = result.epoch
            summary["duration_seconds"] = elapsed()
            record.write_summary(summary)

        def epoch_complete(result: EpochResult) -> None:
            # The validation pass just ended: the metric holds this epoch's confusion matrix.
            result = replace(result, confusion=tuple(map(tuple, confusion.matrix().tolist())))
            history.append(result.row())
            try:
                commit_epoch(result)
            except OSError as exc:
                if config.on_save_error != "continue":
                    history.pop()  # not committed: a resume starts from the last saved epoch
                    raise
                reason = _explain(exc)
                log.warning("Run %s: epoch %d not saved (%s)", record.path, result.epoch, reason)
                summary.setdefault("unsaved_epochs", []).append(result.epoch)
                observer.on_message(
                    _(
                        "Epoch {epoch} could not be saved ({reason}); training goes on without saving, as chosen"
                    ).format(epoch=result.epoch, reason=reason)
                )
            observer.on_epoch(result)

        scope = strategy.scope() if strategy is not None else placement(config.device)
        with scope:
            if initial_epoch:
                model = _load_for_resume(record)
                optimizer = model.optimizer
                schedule = learning_rate_for(config, steps)
                if isinstance(schedule, keras.optimizers.schedules.LearningRateSchedule):
                    # The curve of a run planned for the new total from the start; the step
                    # count, saved with the optimizer, places the resumed epochs on it.
                    optimizer.learning_rate = schedule
                observer.on_message(
                    _("Resuming after epoch {initial_epoch}").format(initial_epoch=initial_epoch)
                )
            else:
                model = (model_builder or build_model)(
                    config.preset,
                    data.num_classes,
                    prepared.stats.mean,
                    prepared.stats.std,
                    dropout_rate=config.dropout_rate,
                    l2_factor=config.l2_factor,
                    augment=config.augment,
                    mixed_precision=config.mixed_precision,
                )
                optimizer = build_optimizer(config, steps)
            model.compile(
                optimizer=optimizer, loss="sparse_categorical_crossentropy", metrics=["acc"]
            )
            confusion = ValidationConfusion(model, data.num_classes)
            if isinstance(strategy, tf.distribute.MultiWorkerMirroredStrategy):
                patch_log_reduction()
                build_before_fit(model)
            train_ds = make_dataset(
                x[prepared.train_idx],
                y[prepared.train_idx],
                config.batch_size,
                shuffle=True,
                seed=config.seed + initial_epoch,
            )
            val_ds = make_dataset(
                x[prepared.val_idx], y[prepared.val_idx], config.batch_size, shuffle=False
            )
            reporter = ProgressReporter(
                observer,
                control,
                batch_size=config.batch_size,
                steps_per_epoch=steps,
                on_epoch_complete=epoch_complete,
            )
            observer.on_start(
                RunStarted(
                    run_dir=str(record.path),
                    settings=config.to_dict(),
                    class_names=data.class_names,
                    train_size=len(prepared.train_idx),
                    val_size=len(prepared.val_idx),
                    test_size=len(data.x_test),
                    steps_per_epoch=steps,
                    device=summary["device"],
                    history=tuple(dict(row) for row in history),
                )
            )
            model.fit(
                train_ds,
                validation_data=val_ds,
                initial_epoch=initial_epoch,
                epochs=config.epochs,
                shuffle=False,  # the pipeline shuffles, seeded
                verbose=0,
                callbacks=[*_callbacks(config, reporter, record.path, history), confusion],
            )
            if reporter.failure:
                status, summary["error"] = "failed", reporter.failure
                log.warning("Run %s: %s", record.path, reporter.failure)
            elif control.stop_requested:
                status = "stopped"
            else:
                status = "completed"
            in_memory = int(history[-1]["epoch"]) if history else None
            if status == "completed" and config.early_stopping and in_memory:
                in_memory = _keep_best_model(model, record, summary, in_memory)
                if in_memory != len(history):
                    observer.on_message(
                        _(
                            "Early stopping kept epoch {in_memory}, the best by {monitor}: model.keras holds it (the state after epoch {count} is in last.keras, for a resume)"
                        ).format(in_memory=in_memory, monitor=config.monitor, count=len(history))
                    )
            if status == "completed" and summary.get("model_epoch") != in_memory:
                observer.on_message(
                    _(
                        "The test set is not evaluated: model.keras could not be saved after the last epoch; run evaluate on the run to measure the model it holds"
                    )
                )
            elif status == "completed" and config.evaluate_test and len(data.x_test):
                observer.on_message(_("Evaluating on the test set"))
                report = evaluate_model(model, data.x_test, data.y_test, data.class_names)
                try:
                    record_evaluation(record, summary, report, data.source)
                except OSError as exc:
                    if config.on_save_error != "continue":
                        raise
                    log.warning("Run %s: evaluation not saved (%s)", record.path, _explain(exc))
                    summary.update(test_loss=report.loss, test_acc=report.accuracy)
                    observer.on_message(
                        _("The evaluation could not be saved ({explain})").format(
                            explain=_explain(exc)
                        )
                    )
    except Exception as exc:
        status = "failed"
        summary["error"] = _explain(exc)
        log.error("Run %s failed: %s", record.path, summary["error"], exc_info=True)
        with contextlib.suppress(OSError):
            record.write_error(traceback.format_exc())
    summary.update(status=status, finished_at=now_iso(), duration_seconds=elapsed())
    try:
        record.write_summary(summary)
    except OSError as exc:
        log.error("Run %s: could not write summary.json (%s)", record.path, exc)
        summary["error"] = summary["error"] or _("could not write summary.json ({error})").format(
            error=exc
        )
        summary["status"] = "failed"
    log.info("Run %s %s after %d epochs (%s)", record.path, summary["status"],
             summary["epochs_completed"], summary["error"] or "no error")  # fmt: skip
    return TrainingResult(record.path, summary["status"], history, summary)


def _explain(exc: Exception) -> str:
    """A one-line reason a user can act on."""
    if isinstance(exc, tf.errors.ResourceExhaustedError):
        return _("out of memory on the device: try a smaller batch size")
    if isinstance(exc, MemoryError):
        return _("out of memory: try a smaller batch size or fewer training images")
    if isinstance(exc, OSError) and exc.errno in (errno.ENOSPC, errno.EDQUOT):
        return _("the disk is full ({filename}): free space and resume").format(
            filename=exc.filename or _("runs folder")
        )
    if isinstance(exc, OSError) and exc.errno == errno.EROFS:
        return _("the runs folder is on a read-only disk ({filename})").format(
            filename=exc.filename or ""
        )
    if isinstance(exc, PermissionError):
        return _("cannot write the run folder ({error})").format(error=exc)
    first_line = (str(exc).strip().splitlines() or [""])[0]
    return f"{type(exc).__name__}: {first_line[:300]}"  # the full text is in error.txt
