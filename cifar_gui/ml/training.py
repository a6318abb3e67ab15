"""The one training function, used by the CLI and the GUI alike.

``train()`` loads and splits the data as the reference notebook does, builds the preset,
runs ``model.fit`` with the ``ProgressReporter`` callback, and records the run on disk after
every finished epoch, so that a stop, a crash or a NaN loss keeps everything made so far.
"""

from __future__ import annotations

import contextlib
import logging
import math
import platform
import time
import traceback
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import keras
import numpy as np
import sklearn
import tensorflow as tf

import cifar_gui
from cifar_gui.config import ConfigError, TrainConfig
from cifar_gui.data import Dataset, DataSourceError, load_source
from cifar_gui.data.fingerprint import data_difference, data_fingerprint, stored_data_source
from cifar_gui.data.preprocessing import ChannelStats, channel_stats
from cifar_gui.data.training_split import one_class_problem, split_for_settings
from cifar_gui.i18n import _
from cifar_gui.improvement import mode_for
from cifar_gui.keras_file_check import KerasFileRefused, check_keras_file
from cifar_gui.ml.callbacks import ProgressReporter
from cifar_gui.ml.confusion_metric import ValidationConfusion
from cifar_gui.ml.devices import (
    configure_gpus,
    describe_device,
    placement,
    precision_policy,
    steps_per_execution,
)
from cifar_gui.ml.epoch_recorder import EpochRecorder
from cifar_gui.ml.evaluation import evaluate_model, record_evaluation
from cifar_gui.ml.failure_text import explain_failure
from cifar_gui.ml.models import build_model
from cifar_gui.ml.multi_worker import build_before_fit, patch_log_reduction
from cifar_gui.ml.optimizers import build_optimizer, learning_rate_for
from cifar_gui.ml.pipeline import make_dataset
from cifar_gui.ml.resumable_callbacks import ResumableEarlyStopping, ResumablePlateau
from cifar_gui.paths import default_runs_dir
from cifar_gui.progress import RunStarted, TrainingControl, TrainingObserver
from cifar_gui.run_store.config_file import ConfigFile
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


def _callbacks(config: TrainConfig, run_dir: Path, history: list[dict]) -> list:
    """Early stopping, the plateau schedule (both going on from ``history``) and TensorBoard,
    as the settings ask."""
    callbacks: list = []
    if config.early_stopping:
        callbacks.append(
            ResumableEarlyStopping(
                previous=[float(row.get(config.monitor, math.nan)) for row in history],
                monitor=config.monitor,
                mode=mode_for(config.monitor),
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
    stored, config = _stored_settings(record)
    history, summary = _stored_progress(record, config)
    done = int(history[-1]["epoch"]) if history else 0
    _check_resumable_files(record, history, done)
    _plan_more_epochs(record, config, done, more_epochs)
    dataset = _resume_dataset(record, stored, dataset)
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


def _stored_settings(record: RunRecord) -> tuple[dict, TrainConfig]:
    """The run's ``config.json`` and its settings; ``ResumeError`` when unreadable."""
    try:
        stored = record.read_config()
        return stored, TrainConfig.from_dict(stored["settings"])
    except RunFormatError as exc:  # a newer release's run, or a hostile file: left untouched
        raise ResumeError(str(exc)) from exc
    except (OSError, ValueError, KeyError) as exc:
        raise ResumeError(
            _("{path}: config.json is missing or damaged ({error})").format(
                path=record.path, error=exc
            )
        ) from exc


def _stored_progress(record: RunRecord, config: TrainConfig) -> tuple[list, dict]:
    """The epochs recorded (``history.csv``) and the summary (a fresh one after a crash before
    the first summary); ``ResumeError`` when the history is damaged."""
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
    return history, summary


def _check_resumable_files(record: RunRecord, history: list, done: int) -> None:
    """Epochs 1..done without gaps, and the model files checked before anything is written."""
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


def _plan_more_epochs(
    record: RunRecord, config: TrainConfig, done: int, more_epochs: int | None
) -> None:
    """``more_epochs`` beyond the last finished epoch, or the run's own plan if epochs are left."""
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


def _resume_dataset(record: RunRecord, stored: dict, dataset: Dataset | None) -> Dataset:
    """The run's own training data (or ``dataset``, checked to be the same data)."""
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
    return dataset


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


@dataclass
class _Fit:
    """One ``model.fit`` of a run: what each step of ``_fit_and_record`` reads and updates."""

    config: TrainConfig
    prepared: PreparedData
    record: RunRecord
    summary: dict[str, Any]
    history: list[dict[str, float]]  # finished epochs; the recorder appends each new one
    observer: TrainingObserver
    control: TrainingControl
    elapsed: Callable[[], float]  # training seconds of the run so far, earlier fits included


def _stopwatch(previous_seconds: float) -> Callable[[], float]:
    started = time.perf_counter()
    return lambda: round(previous_seconds + time.perf_counter() - started, 3)


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
    previous = float(summary.get("duration_seconds") or 0.0) if history else 0.0
    fit = _Fit(config, prepared, record, summary, history, observer or TrainingObserver(),
               control or TrainingControl(), _stopwatch(previous))  # fmt: skip
    try:
        status = _fit(fit, strategy, model_builder)
    except Exception as exc:
        status = "failed"
        summary["error"] = explain_failure(exc)
        log.error("Run %s failed: %s", record.path, summary["error"], exc_info=True)
        with contextlib.suppress(OSError):
            record.write_error(traceback.format_exc())
    return _close_run(fit, status)


def _fit(fit: _Fit, strategy: tf.distribute.Strategy | None, builder: ModelBuilder | None) -> str:
    """Build or load the model, run ``model.fit`` with the run's callbacks, finish a completed
    run; returns the status (``completed``, ``stopped`` or ``failed``). Raises what fails."""
    config, summary, observer = fit.config, fit.summary, fit.observer
    for note in configure_gpus(memory_limit_mb=config.gpu_memory_limit_mb):
        observer.on_message(note)
    summary["device"] = _device_text(config, strategy)
    observer.on_message(_("Training on {device}").format(device=summary["device"]))
    initial_epoch = len(fit.history)
    # A resumed run draws fresh shuffles and dropout masks, not a replay of epoch 1's.
    _seed_everything(config, offset=initial_epoch)
    steps = math.ceil(len(fit.prepared.train_idx) / config.batch_size)  # for the schedule
    scope = strategy.scope() if strategy is not None else placement(config.device)
    with scope:
        model = _compiled_model(fit, steps, builder)
        confusion = ValidationConfusion(model, fit.prepared.dataset.num_classes)
        if isinstance(strategy, tf.distribute.MultiWorkerMirroredStrategy):
            patch_log_reduction()
            build_before_fit(model)
        train_ds, val_ds = _datasets(config, fit.prepared, initial_epoch)
        recorder = EpochRecorder(
            fit.record, summary, fit.history, monitor=config.monitor, observer=observer,
            elapsed=fit.elapsed, confusion_matrix=confusion.matrix,
            continue_on_save_error=config.on_save_error == "continue",
        )  # fmt: skip
        reporter = ProgressReporter(observer, fit.control, batch_size=config.batch_size,
                                    on_epoch_complete=recorder.epoch_finished)  # fmt: skip
        observer.on_start(_run_started(fit, steps))
        callbacks = _callbacks(config, fit.record.path, fit.history)
        model.fit(
            train_ds,
            validation_data=val_ds,
            initial_epoch=initial_epoch,
            epochs=config.epochs,
            shuffle=False,  # the pipeline shuffles, seeded
            verbose=0,
            # The reporter first (it sees each batch first); the recorder last, so the model it
            # saves holds what the callbacks before it changed at the epoch's end.
            callbacks=[reporter, *callbacks, confusion, recorder],
        )
        status = _outcome(fit, reporter)
        if status == "completed":
            _finish_completed(fit, model, recorder)
    return status


def _device_text(config: TrainConfig, strategy: tf.distribute.Strategy | None) -> str:
    if isinstance(strategy, tf.distribute.MultiWorkerMirroredStrategy):
        return f"MultiWorkerMirroredStrategy: {strategy.num_replicas_in_sync} replicas"
    if strategy is not None:
        return f"{type(strategy).__name__}: {strategy.num_replicas_in_sync} replicas"
    return describe_device(config.device)


def _compiled_model(fit: _Fit, steps: int, builder: ModelBuilder | None) -> keras.Model:
    """A resumed run's saved model (its optimizer state, the schedule for the new total), or
    a new one from ``builder`` (default: the preset builder ``build_model``); compiled."""
    config, stats = fit.config, fit.prepared.stats
    if fit.history:
        model = _load_for_resume(fit.record)
        optimizer = model.optimizer
        schedule = learning_rate_for(config, steps)
        if isinstance(schedule, keras.optimizers.schedules.LearningRateSchedule):
            # The curve of a run planned for the new total from the start; the step count,
            # saved with the optimizer, places the resumed epochs on it.
            optimizer.learning_rate = schedule
        fit.observer.on_message(
            _("Resuming after epoch {initial_epoch}").format(initial_epoch=len(fit.history))
        )
    else:
        model = (builder or build_model)(
            config.preset,
            fit.prepared.dataset.num_classes,
            stats.mean,
            stats.std,
            dropout_rate=config.dropout_rate,
            l2_factor=config.l2_factor,
            augment=config.augment,
            mixed_precision=_precision(fit),
        )
        optimizer = build_optimizer(config, steps)
    model.compile(
        optimizer=optimizer,
        loss="sparse_categorical_crossentropy",
        metrics=["acc"],
        steps_per_execution=steps_per_execution(config.steps_per_execution, config.device, steps),
    )
    return model


def _precision(fit: _Fit) -> str | bool:
    """The dtype policy for a new model (``precision_policy``), telling the user what mixed
    precision became on this machine; ``False`` for float32."""
    config = fit.config
    policy = precision_policy(config.mixed_precision, config.device)
    if policy:
        fit.observer.on_message(_("Mixed precision: {policy}").format(policy=policy))
        fit.summary["device"] = f"{fit.summary['device']}, {policy}"  # the Runs table's Device
    elif config.mixed_precision:
        fit.observer.on_message(
            _("Mixed precision is off: this CPU has no bfloat16 units, where half precision is "
              "slower than float32")
        )  # fmt: skip
    return policy or False


def _datasets(config: TrainConfig, prepared: PreparedData, initial_epoch: int) -> tuple:
    """The training pipeline (shuffled, seeded per resume) and the validation pipeline."""
    x, y = prepared.dataset.x_train, prepared.dataset.y_train
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
    return train_ds, val_ds


def _run_started(fit: _Fit, steps: int) -> RunStarted:
    data = fit.prepared.dataset
    return RunStarted(
        run_dir=str(fit.record.path),
        settings=fit.config.to_dict(),
        class_names=data.class_names,
        train_size=len(fit.prepared.train_idx),
        val_size=len(fit.prepared.val_idx),
        test_size=len(data.x_test),
        steps_per_epoch=steps,
        device=fit.summary["device"],
        history=tuple(dict(row) for row in fit.history),
    )


def _outcome(fit: _Fit, reporter: ProgressReporter) -> str:
    """How ``model.fit`` ended: a NaN loss fails the run, a Stop stops it, else completed."""
    if reporter.failure:
        fit.summary["error"] = reporter.failure
        log.warning("Run %s: %s", fit.record.path, reporter.failure)
        return "failed"
    return "stopped" if fit.control.stop_requested else "completed"


def _finish_completed(fit: _Fit, model: keras.Model, recorder: EpochRecorder) -> None:
    """Early stopping's best epoch into ``model.keras``, then the test set on that model."""
    config, observer, history = fit.config, fit.observer, fit.history
    in_memory = int(history[-1]["epoch"]) if history else None
    if config.early_stopping and in_memory:
        in_memory = recorder.keep_best()
        if in_memory != len(history):
            observer.on_message(
                _(
                    "Early stopping kept epoch {in_memory}, the best by {monitor}: model.keras holds it (the state after epoch {count} is in last.keras, for a resume)"
                ).format(in_memory=in_memory, monitor=config.monitor, count=len(history))
            )
    if fit.summary.get("model_epoch") != in_memory:
        observer.on_message(
            _(
                "The test set is not evaluated: model.keras could not be saved after the last epoch; run evaluate on the run to measure the model it holds"
            )
        )
    elif config.evaluate_test and len(fit.prepared.dataset.x_test):
        _evaluate_test(fit, model)


def _evaluate_test(fit: _Fit, model: keras.Model) -> None:
    """The test-set figures of ``model`` into ``summary.json`` and ``test_predictions.npy``."""
    data = fit.prepared.dataset
    fit.observer.on_message(_("Evaluating on the test set"))
    report = evaluate_model(model, data.x_test, data.y_test, data.class_names)
    try:
        record_evaluation(fit.record, fit.summary, report, data.source)
    except OSError as exc:
        if fit.config.on_save_error != "continue":
            raise
        reason = explain_failure(exc)
        log.warning("Run %s: evaluation not saved (%s)", fit.record.path, reason)
        fit.summary.update(test_loss=report.loss, test_acc=report.accuracy)
        fit.observer.on_message(
            _("The evaluation could not be saved ({explain})").format(explain=reason)
        )


def _close_run(fit: _Fit, status: str) -> TrainingResult:
    """The final status into ``summary.json`` (a failure to write it fails the run)."""
    record, summary = fit.record, fit.summary
    summary.update(status=status, finished_at=now_iso(), duration_seconds=fit.elapsed())
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
    return TrainingResult(record.path, summary["status"], fit.history, summary)
