"""The headless command line: ``cifar-gui train | data info | data download | evaluate | export |
predict | model``.

With no command it opens the application window. TensorFlow is imported only by the commands
that need it, so ``--help`` and ``data info`` answer at once. Every error is one line on stderr
and a non-zero exit code, never a traceback.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import math
import os
import signal
import sys
import time
from collections.abc import Sequence
from pathlib import Path
from typing import Any, NoReturn

from cifar_gui import __version__
from cifar_gui.argparse_messages import route_argparse
from cifar_gui.chance import result_chance_note
from cifar_gui.cli_train_flags import (
    FLAG_FOR_FIELD,
    add_setting_flags,
    apply_setting_flags,
    whole_number,
)
from cifar_gui.config import WHOLE_FILE, ConfigError, TrainConfig
from cifar_gui.data import DataSourceError, load_source
from cifar_gui.data.fingerprint import stored_data_source
from cifar_gui.help_formatter import DisplayWidthHelpFormatter
from cifar_gui.i18n import (
    _,
    class_label,
    display_width,
    format_duration,
    ngettext,
    pad,
    set_language,
)
from cifar_gui.logs import setup_logging
from cifar_gui.run_store.config_file import ConfigFile

EXIT_FAILED = 1
EXIT_USAGE = 2
EXIT_STOPPED = 130
EXIT_PIPE_CLOSED = 141  # 128 + SIGPIPE, as a command killed by a closed pipe reports


class UsageError(Exception):
    pass


class _Parser(argparse.ArgumentParser):
    """argparse that reports errors in one line (no usage dump) so scripts can show it as is,
    and lays out ``--help`` by terminal columns (Korean text is two columns a character)."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("formatter_class", DisplayWidthHelpFormatter)
        super().__init__(*args, **kwargs)

    def error(self, message: str) -> NoReturn:
        raise UsageError(message)


class _Output:
    """How the running command reports: ``json`` is set by ``main`` for a ``--json`` command."""

    json = False


def _fail(message: str, code: int = EXIT_FAILED) -> int:
    """One line on stderr (and, for ``--json``, one ``error`` event on stdout); returns ``code``."""
    first_line = message.strip().splitlines()[0] if message.strip() else _("unknown error")
    rest = [line.strip() for line in message.strip().splitlines()[1:]]
    if _Output.json:
        event = {"event": "error", "message": first_line, "details": rest, "exit_code": code}
        print(json.dumps(event), flush=True)
    with contextlib.suppress(BrokenPipeError):
        print(_("cifar-gui: error: {message}").format(message=first_line), file=sys.stderr)
        for line in rest:  # multi-line guidance (where to put the archive) stays readable
            print(f"  {line}", file=sys.stderr)
    return code


def _pipe_closed() -> int:
    """The reader of stdout went away (``| head``): end quietly, as Unix tools do.

    stdout is pointed at the null device so that the final flush at exit cannot raise again
    (the recipe in Python's documentation of ``signal``, "Note on SIGPIPE").
    """
    with contextlib.suppress(OSError, ValueError):
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        os.close(devnull)
    return EXIT_PIPE_CLOSED


# ---- train ----------------------------------------------------------------------------------
def _config_from_args(args: argparse.Namespace) -> TrainConfig:
    base = TrainConfig.load(args.config) if args.config else TrainConfig()
    return apply_setting_flags(base, args)


class _TerminalProgress:
    """A one-line progress bar on stderr, redrawn at most 10 times a second."""

    def __init__(self, enabled: bool) -> None:
        self.enabled = enabled
        self._last = 0.0

    def batch(self, progress) -> None:
        now = time.monotonic()
        if not self.enabled or (now - self._last < 0.1 and progress.step != progress.steps):
            return
        self._last = now
        width = 24
        filled = int(width * progress.step / max(progress.steps, 1))
        bar = "=" * filled + (">" if filled < width else "") + " " * (width - filled - 1)
        line = _(
            "epoch {epoch} [{bar}] {step}/{steps} loss {loss:.4f} acc {acc:.4f} {speed:.0f} img/s"
        ).format(
            epoch=progress.epoch,
            bar=bar,
            step=progress.step,
            steps=progress.steps,
            loss=progress.loss,
            acc=progress.acc,
            speed=progress.images_per_second,
        )
        sys.stderr.write("\r" + line)
        sys.stderr.flush()

    def clear(self) -> None:
        if self.enabled:
            sys.stderr.write("\r\033[K")
            sys.stderr.flush()


def _json_number(value: float | None) -> float | None:
    return None if value is None or not math.isfinite(value) else value


def _resume_conflicts(args: argparse.Namespace) -> list[str]:
    """Flags that would change a resumed run's settings (it keeps its own)."""
    allowed = {"resume", "more_epochs", "json", "handler", "command", "verbose"}
    return [
        ("--no-" if value is False else "--") + key.replace("_", "-")
        for key, value in vars(args).items()
        if key not in allowed and value is not None
    ]


class _Refused(Exception):
    """Ends ``train`` before it starts: ``message`` in one line, exit ``code``."""

    def __init__(self, message: str, code: int = EXIT_FAILED) -> None:
        super().__init__(message)
        self.message, self.code = message, code


def cmd_train(args: argparse.Namespace) -> int:
    """``cifar-gui train``: check the settings, load the data, train (or resume), summarise.

    Exit codes: 0 completed, 1 failed, 2 a refused flag or setting, 130 stopped (Ctrl-C),
    141 the reader of stdout went away.
    """
    try:
        config, stored = _train_settings(args)
        cluster = _cluster_task(args, config)
        dataset = _train_dataset(args, config, stored)
    except _Refused as refused:
        return _fail(refused.message, refused.code)

    from cifar_gui.ml.training import ResumeError  # TensorFlow loads here

    strategy = _multi_worker_strategy(config, cluster) if cluster is not None else None
    report = _TrainReport(args, planned=config.epochs)
    try:
        result = _run_training(args, config, dataset, strategy, report)
    except ConfigError as exc:
        return _fail(_config_error(exc), EXIT_USAGE)
    except (DataSourceError, ResumeError) as exc:
        return _fail(str(exc))
    if report.pipe_closed is not None:
        return report.pipe_closed
    return _print_done(args, result)


def _train_settings(args: argparse.Namespace) -> tuple[TrainConfig, ConfigFile | None]:
    """The run's settings (a resumed run's own, else the flags over ``--config``) and, for a
    resume, its ``config.json``; raises ``_Refused`` for conflicting flags or a bad value."""
    if args.multi_worker and args.resume:
        raise _Refused(
            _("--multi-worker: a run is resumed on one machine; drop one of the two flags"),
            EXIT_USAGE,
        )
    if args.resume:
        config, stored = _resumed_settings(args)
    elif args.more_epochs is not None:
        raise _Refused(_("--more-epochs: only with --resume RUN_DIR"), EXIT_USAGE)
    else:
        config, stored = _config_from_args(args), None
    if problems := config.problems():
        field, why = next(iter(problems.items()))
        raise _Refused(f"{FLAG_FOR_FIELD.get(field, field)}: {why}", EXIT_USAGE)
    return config, stored


def _resumed_settings(args: argparse.Namespace) -> tuple[TrainConfig, ConfigFile]:
    """``--resume RUN_DIR``: the run's stored settings; only ``--more-epochs`` may go with it."""
    if conflicts := _resume_conflicts(args):
        raise _Refused(
            _(
                "--resume continues a run with its own settings; drop {flags} "
                "(only --more-epochs applies)"
            ).format(flags=", ".join(conflicts)),
            EXIT_USAGE,
        )
    if args.more_epochs is not None and args.more_epochs < 1:
        raise _Refused(_("--more-epochs: Enter a whole number of at least 1."), EXIT_USAGE)
    from cifar_gui.run_store.record import RunRecord

    if not Path(args.resume).is_dir():
        raise _Refused(_("{path}: no such folder").format(path=args.resume))
    try:
        stored = RunRecord(args.resume).load_config()
        return TrainConfig.from_dict(stored.training_settings()), stored
    except (OSError, ValueError, KeyError, TypeError) as exc:
        raise _Refused(
            _("{path}: not a run folder that can be resumed ({error})").format(
                path=args.resume, error=exc
            )
        ) from exc


def _cluster_task(args: argparse.Namespace, config: TrainConfig) -> ClusterTask | None:
    """``--multi-worker``: this machine's task in ``TF_CONFIG``; a worker other than the chief
    trains into ``RUNS/.workers`` under its own name, out of the runs table's way."""
    if not args.multi_worker:
        return None
    try:
        cluster = read_tf_config(os.environ.get("TF_CONFIG"))
    except ValueError as exc:
        raise _Refused(f"--multi-worker: {exc}", EXIT_USAGE) from exc
    if cluster.index:
        base = Path(config.runs_dir) if config.runs_dir else None
        from cifar_gui.paths import default_runs_dir

        config.runs_dir = str((base or default_runs_dir()) / ".workers")
        config.run_name = f"{config.run_name or config.preset}-worker{cluster.index}"
    return cluster


def _train_dataset(args: argparse.Namespace, config: TrainConfig, stored: ConfigFile | None):
    """The training data (a resumed run's own source); the one-class refusal before TensorFlow."""
    try:
        dataset = load_source(stored_data_source(stored.to_json()) if args.resume else config.data)
    except DataSourceError as exc:
        raise _Refused(
            _("{path}: its training data cannot be loaded: {error}").format(
                path=args.resume, error=exc
            )
            if args.resume
            else str(exc)
        ) from exc
    if not args.resume and (refusal := _training_data_problem(config, dataset)):
        raise _Refused(refusal, EXIT_USAGE)
    return dataset


def _run_training(args: argparse.Namespace, config: TrainConfig, dataset, strategy, report):
    """``train()`` or ``resume()`` with ``report``'s observer; the first Ctrl-C asks the run to
    stop after the batch (resumable), a second one aborts. Returns the ``TrainingResult``."""
    from cifar_gui.ml.training import resume, train

    def on_sigint(_signum, _frame) -> None:
        if report.control.stop_requested:
            raise KeyboardInterrupt
        report.control.request_stop()
        report.message(_("Stopping after this batch (Ctrl-C again to abort)..."))

    previous = signal.signal(signal.SIGINT, on_sigint)
    try:
        if args.resume:
            return resume(args.resume, more_epochs=args.more_epochs, dataset=dataset,
                          observer=report.observer, control=report.control)  # fmt: skip
        return train(config, dataset=dataset, observer=report.observer,
                     control=report.control, strategy=strategy)  # fmt: skip
    finally:
        signal.signal(signal.SIGINT, previous)
        report.bar.clear()


class _TrainReport:
    """What ``train`` prints while it runs: the progress bar and notes on stderr, one line (or
    JSON object) per finished epoch on stdout. A closed stdout stops the run (resumable) and
    leaves the exit code in ``pipe_closed``."""

    def __init__(self, args: argparse.Namespace, planned: int) -> None:
        from cifar_gui.progress import TrainingControl, TrainingObserver

        self.json, self.planned = args.json, planned
        self.control = TrainingControl()
        self.bar = _TerminalProgress(enabled=not args.json and sys.stderr.isatty())
        self.pipe_closed: int | None = None
        self.observer = TrainingObserver(
            on_start=self.start, on_batch=self.bar.batch, on_epoch=self.epoch,
            on_message=self.message,
        )  # fmt: skip

    def epoch(self, result) -> None:
        try:
            self._print_epoch(result)
        except BrokenPipeError:  # the reader went away: stop (resumable), end quietly
            if self.pipe_closed is None:
                self.pipe_closed = _pipe_closed()
                self.control.request_stop()

    def _print_epoch(self, result) -> None:
        self.bar.clear()
        if self.json:
            event = {"event": "epoch", "epoch": result.epoch}
            for key in ("loss", "acc", "val_loss", "val_acc"):
                event[key] = _json_number(getattr(result, key))
            print(json.dumps({**event, "seconds": round(result.seconds, 3)}), flush=True)
            return
        print(
            _(
                "epoch {epoch}/{epochs}  loss {loss:.4f}  acc {acc:.4f}"
                "  val_loss {val_loss:.4f}  val_acc {val_acc:.4f}  {duration}"
            ).format(
                epoch=result.epoch, epochs=self.planned, loss=result.loss, acc=result.acc,
                val_loss=result.val_loss, val_acc=result.val_acc,
                duration=format_duration(result.seconds),
            ),
            flush=True,
        )  # fmt: skip

    def message(self, text: str) -> None:
        if not self.json:
            self.bar.clear()
            with contextlib.suppress(BrokenPipeError):
                print(text, file=sys.stderr, flush=True)

    def start(self, started) -> None:
        self.planned = started.settings["epochs"]
        self.message(
            _(
                "Run folder {folder}: {train} train / {val} validation / {test} test images, "
                "{steps} steps per epoch"
            ).format(
                folder=started.run_dir, train=started.train_size, val=started.val_size,
                test=started.test_size, steps=started.steps_per_epoch,
            )
        )  # fmt: skip


def _print_done(args: argparse.Namespace, result) -> int:
    """The last line (or ``done`` JSON event) of ``train``; returns the exit code."""
    summary = result.summary
    if args.json:
        event = {
            "event": "done",
            "run_dir": str(result.run_dir),
            "status": result.status,
            "test_loss": _json_number(summary.get("test_loss")),
            "test_acc": _json_number(summary.get("test_acc")),
            "best_epoch": summary.get("best_epoch"),
            "model_epoch": summary.get("model_epoch"),
            "error": summary.get("error"),
        }
        print(json.dumps(event), flush=True)
    else:
        note = result_chance_note(result)  # a run that learned nothing says so
        print(_done_line(result.status, result.run_dir, summary) + (f"  — {note}" if note else ""))
    if result.status == "failed":
        return _fail(summary.get("error") or _("training failed"))
    return EXIT_STOPPED if result.status == "stopped" else 0


def _status_word(status: str) -> str:
    """A run's status ("completed", "stopped", "failed" ...) as shown; files keep the English."""
    words = {
        "completed": _("completed"),
        "stopped": _("stopped"),
        "failed": _("failed"),
        "running": _("running"),
    }
    return words.get(status, status)


def _done_line(status: str, run_dir, summary: dict) -> str:
    """The last line of ``train``: status, folder, test figures and which epoch model.keras holds."""
    line = _("{status}: {folder}").format(status=_status_word(status), folder=run_dir)
    if summary.get("test_acc") is not None:
        line += "  " + _("test_loss {loss:.4f}  test_acc {acc:.4f}").format(
            loss=summary["test_loss"], acc=summary["test_acc"]
        )
    if summary.get("model_epoch") is not None:
        line += "  " + _("(model.keras: epoch {epoch})").format(epoch=summary["model_epoch"])
    return line


def _config_error(exc: ConfigError) -> str:
    """The first refused setting, named by the flag that sets it; ``--config`` for the file
    as a whole and for its unknown settings, all named in one sentence."""
    if exc.unknown:
        return f"--config: {exc}"
    field, why = next(iter(exc.problems.items()))
    return f"{'--config' if field == WHOLE_FILE else FLAG_FOR_FIELD.get(field, field)}: {why}"


def _training_data_problem(config: TrainConfig, dataset) -> str | None:
    """The one-class refusal, before TensorFlow loads, naming the flag to change."""
    from cifar_gui.data.training_split import one_class_problem, split_for_settings

    try:
        split = split_for_settings(dataset, config)
    except ValueError:
        return None  # train() says why the images cannot be split
    if problem := one_class_problem(dataset, split, config.limit_train):
        return f"{FLAG_FOR_FIELD.get(problem[0], problem[0])}: {problem[1]}"
    return None


class ClusterTask:
    def __init__(self, workers: list[str], index: int) -> None:
        self.workers, self.index = workers, index


def read_tf_config(text: str | None) -> ClusterTask:
    """Check the standard ``TF_CONFIG`` before TensorFlow reads it, for a one-line error."""
    if not text:
        raise ValueError(
            _("set TF_CONFIG, e.g. {example}").format(
                example='{"cluster": {"worker": ["host1:12345", "host2:12345"]}, '
                '"task": {"type": "worker", "index": 0}}'
            )
        )
    try:
        data = json.loads(text)
        workers = data["cluster"]["worker"]
        task = data["task"]
        index = int(task["index"])
    except (ValueError, KeyError, TypeError) as exc:
        raise ValueError(
            _("TF_CONFIG is not valid ({error})").format(error=f"{type(exc).__name__}: {exc}")
        ) from exc
    if task.get("type") != "worker" or not isinstance(workers, list) or not workers:
        raise ValueError(
            _('TF_CONFIG needs {cluster} and a "worker" task').format(
                cluster='"cluster": {"worker": [...]}'
            )
        )
    if not 0 <= index < len(workers):
        raise ValueError(
            _("TF_CONFIG task index {index} is not one of the {count} workers").format(
                index=index, count=len(workers)
            )
        )
    return ClusterTask([str(w) for w in workers], index)


def _multi_worker_strategy(config: TrainConfig, cluster: ClusterTask):
    """TensorFlow's own multi-machine engine; it must exist before any other TensorFlow op."""
    from cifar_gui.ml.tensorflow_noise import import_tensorflow_quietly

    import_tensorflow_quietly()  # before any other import of TensorFlow: its noise to the log
    import tensorflow as tf

    from cifar_gui.ml.devices import configure_gpus

    configure_gpus(memory_limit_mb=config.gpu_memory_limit_mb)
    strategy = tf.distribute.MultiWorkerMirroredStrategy()
    role = _("chief") if cluster.index == 0 else _("worker {n}").format(n=cluster.index)
    print(
        _("Multi-worker training: {role} of {count} ({replicas} replicas in sync)").format(
            role=role, count=len(cluster.workers), replicas=strategy.num_replicas_in_sync
        ),
        file=sys.stderr,
        flush=True,
    )
    return strategy


# ---- data -----------------------------------------------------------------------------------
def cmd_data_info(args: argparse.Namespace) -> int:
    try:
        dataset = load_source(args.path)
    except DataSourceError as exc:
        return _fail(str(exc))
    info = {
        "name": dataset.name,
        "source": dataset.source,
        "classes": list(dataset.class_names),
        "counts": {
            "train": dict(zip(dataset.class_names, dataset.class_counts("train"), strict=True)),
            "test": dict(zip(dataset.class_names, dataset.class_counts("test"), strict=True)),
        },
        "train_images": len(dataset.x_train),
        "test_images": len(dataset.x_test),
        "image_shape": list(dataset.x_train.shape[1:]),
        "load_seconds": round(dataset.report.seconds, 4),
        "from_cache": dataset.report.from_cache,
        "skipped_files": [{"file": f, "reason": r} for f, r in dataset.report.skipped],
        "excluded_folders": [{"folder": f, "reason": r} for f, r in dataset.report.excluded],
    }
    if args.json:
        print(json.dumps(info))
        return 0
    print(f"{_(dataset.name)} ({dataset.source})")
    print(
        "  "
        + _("{train} training images, {test} test images, 32x32 RGB").format(
            train=len(dataset.x_train), test=len(dataset.x_test)
        )
    )
    labels = {name: class_label(name) for name in dataset.class_names}
    width = max(display_width(label) for label in labels.values())
    for name, label in labels.items():
        counts = _("train {train:>6}  test {test:>6}").format(
            train=info["counts"]["train"][name], test=info["counts"]["test"][name]
        )
        print(f"  {pad(label, width)}  {counts}")
    print("  " + _loaded_line(dataset.report))
    if dataset.report.skipped:
        count = dataset.report.skipped_count
        print(
            "  "
            + ngettext(
                "skipped {count} unreadable file:", "skipped {count} unreadable files:", count
            ).format(count=count)
        )
        for file, reason in dataset.report.skipped[:20]:
            print(f"    {file}: {reason}")
    if dataset.report.excluded:
        count = len(dataset.report.excluded)
        print(
            "  "
            + ngettext("left out {count} folder:", "left out {count} folders:", count).format(
                count=count
            )
        )
        for folder, reason in dataset.report.excluded[:20]:
            print(f"    {folder}: {reason}")
    return 0


def _loaded_line(report) -> str:
    if report.from_cache:
        return _("loaded in {seconds:.3f} s (from cache)").format(seconds=report.seconds)
    return _("loaded in {seconds:.3f} s").format(seconds=report.seconds)


def cmd_data_download(args: argparse.Namespace) -> int:
    from cifar_gui.ml.download import download_cifar10

    try:
        folder = download_cifar10()
    except DataSourceError as exc:
        return _fail(str(exc))
    except Exception as exc:  # noqa: BLE001 - network and hash errors from Keras
        return _fail(_("download failed: {error}").format(error=exc))
    print(_("CIFAR-10 is ready in {folder}").format(folder=folder))
    return 0


# ---- evaluate / predict ---------------------------------------------------------------------
def cmd_evaluate(args: argparse.Namespace) -> int:
    from cifar_gui.run_store.record import RunRecord

    run_dir = Path(args.run_dir)
    if not run_dir.is_dir():
        return _fail(_("{path}: no such folder").format(path=run_dir))
    try:
        RunRecord(run_dir).load_config()
    except (OSError, ValueError) as exc:
        return _fail(
            _("{path}: not a readable run folder ({error})").format(path=run_dir, error=exc)
        )
    from cifar_gui.ml.inference import ModelLoadError
    from cifar_gui.ml.run_evaluation import evaluate_run, run_data_source

    try:
        dataset = load_source(args.data or run_data_source(run_dir))
        # Figures for another data set are printed, not stored as the run's own.
        report = evaluate_run(run_dir, dataset=dataset, store=not args.data)
    except (DataSourceError, ModelLoadError, ValueError) as exc:
        return _fail(str(exc))
    result = report.to_dict()
    if args.json:
        print(json.dumps(result))
        return 0
    _print_evaluation(report, result, len(dataset.y_test))
    return 0


def _print_evaluation(report, result: dict, images: int) -> None:
    """The evaluation as a table: figures, per-class scores and the confusion matrix."""
    print(
        _("test loss {loss:.4f}  test accuracy {acc:.4f}  ({count} images)").format(
            loss=report.loss, acc=report.accuracy, count=images
        )
    )
    labels = [class_label(n) for n in report.class_names]
    width = max(display_width(x) for x in [*labels, _("class")])
    heads = [_("precision"), _("recall"), _("f1"), _("support")]
    columns = [max(w, display_width(h)) for w, h in zip((9, 6, 5, 7), heads, strict=True)]
    header = "  ".join(pad(h, c, right=True) for c, h in zip(columns, heads, strict=True))
    print(f"  {pad(_('class'), width)}  {header}")
    for label, scores in zip(labels, result["per_class"].values(), strict=True):
        values = (scores["precision"], scores["recall"], scores["f1"])
        cells = [f"{v:z{c}.3f}" for v, c in zip(values, columns, strict=False)]
        print(
            f"  {pad(label, width)}  " + "  ".join([*cells, f"{scores['support']:{columns[3]}d}"])
        )
    print(_("confusion matrix (rows: true class, columns: predicted):"))
    for label, row in zip(labels, report.confusion, strict=True):
        print(f"  {pad(label, width)}  " + " ".join(f"{v:5d}" for v in row))


def cmd_export(args: argparse.Namespace) -> int:
    from cifar_gui.run_store.archive import RunArchiveError, export_run

    try:
        path = export_run(args.run_dir, args.zip_path)
    except (OSError, ValueError, RunArchiveError) as exc:
        return _fail(_("export failed: {error}").format(error=exc))
    print(_("exported {folder} to {path}").format(folder=args.run_dir, path=path))
    return 0


def cmd_install_desktop(_args: argparse.Namespace) -> int:
    from cifar_gui import desktop

    try:
        written = desktop.install()
    except OSError as exc:
        return _fail(_("could not install the launcher: {error}").format(error=exc))
    for path in written:
        print(_("wrote {path}").format(path=path))
    return 0


def cmd_uninstall_desktop(_args: argparse.Namespace) -> int:
    from cifar_gui import desktop

    try:
        removed = desktop.uninstall()
    except OSError as exc:
        return _fail(_("could not remove the launcher: {error}").format(error=exc))
    for path in removed:
        print(_("removed {path}").format(path=path))
    if not removed:
        print(_("no launcher was installed"))
    return 0


def _expand_images(names: list[str]) -> tuple[list[Path], list[str]]:
    """Files as given, folders as the image files under them (as the window's Folder page)."""
    from cifar_gui.data.image_listing import image_files_in

    files, problems = [], []
    for name in names:
        path = Path(name)
        if path.is_dir():
            found = image_files_in(path)
            files += found
            if not found:
                problems.append(_("{path}: this folder holds no image files").format(path=name))
        else:
            files.append(path)
    return files, problems


def cmd_predict(args: argparse.Namespace) -> int:
    if args.top_k < 1:
        return _fail(_("--top-k: Enter a whole number of at least 1."), EXIT_USAGE)
    from cifar_gui.ml.inference import ModelLoadError, classify_files, load_model

    files, problems = _expand_images(args.images)
    if problems and not files:
        return _fail(problems[0])
    try:
        loaded = load_model(args.model)
    except ModelLoadError as exc:
        return _fail(str(exc))
    for problem in problems:
        print(_("cifar-gui: warning: {message}").format(message=problem), file=sys.stderr)
    failures = 0
    for start in range(0, len(files), 256):  # results appear as they come, in batches
        chunk = files[start : start + 256]
        by_path: dict[Path, list] = {}
        for result in classify_files(loaded, chunk):
            by_path.setdefault(result.path, []).append(result)
        for path in chunk:  # in the order given (classify_files lists unreadable files first)
            result = by_path[Path(path)].pop(0)
            failures += result.probabilities is None
            _print_prediction(args, loaded, result)
    return EXIT_FAILED if failures or problems else 0


def _print_prediction(args: argparse.Namespace, loaded, result) -> None:
    from cifar_gui.ml.inference import top_k

    name = str(result.path)
    if result.probabilities is None:
        if args.json:
            print(json.dumps({"file": name, "error": result.error}), flush=True)
        else:
            print(_("cifar-gui: error: {message}").format(message=result.error), file=sys.stderr)
        return
    best = top_k(result.probabilities, loaded.class_names, args.top_k)
    if args.json:
        probabilities = dict(zip(loaded.class_names, map(float, result.probabilities), strict=True))
        line = {"file": name, "top": [{"class": c, "probability": p} for c, p in best]}
        print(json.dumps({**line, "probabilities": probabilities}), flush=True)
    else:
        print(f"{name}: " + ", ".join(f"{class_label(c)} {p:.3f}" for c, p in best))


def cmd_model(args: argparse.Namespace) -> int:
    """The model's layers: type, output shape, parameters, settings; totals."""
    from cifar_gui.ml.inference import ModelLoadError, load_model
    from cifar_gui.ml.model_summary import format_summary, summarise_model

    try:
        summary = summarise_model(load_model(args.model).model)
    except ModelLoadError as exc:
        return _fail(str(exc))
    print(json.dumps(summary.to_dict()) if args.json else format_summary(summary))
    return 0


# ---- parser ---------------------------------------------------------------------------------
def build_parser() -> argparse.ArgumentParser:
    """The ``cifar-gui`` parser: the global options and one subparser per command, each with
    its ``handler``; help texts from the catalogue, laid out by terminal columns."""
    parser = _Parser(prog="cifar-gui", description=_("Train and inspect CIFAR-10 classifiers."))
    parser.add_argument(
        "--version",
        action="version",
        version=f"cifar-gui {__version__}",
        help=_("show the version number and exit"),
    )
    commands = parser.add_subparsers(dest="command", metavar=_("COMMAND"), parser_class=_Parser)
    parser.add_argument(
        "--verbose",
        action="store_true",
        help=_(
            "log everything, on the terminal too, TensorFlow's start-up lines included "
            "(same as CIFAR_GUI_VERBOSE=1); anywhere on the command line"
        ),
    )

    for add_commands in (
        _add_train_commands, _add_data_commands, _add_run_commands, _add_desktop_commands,
        _add_model_commands,
    ):  # fmt: skip
        add_commands(commands)
    return parser


def _add_train_commands(commands) -> None:
    """``train`` (a flag per setting, from their descriptions) and ``sweep`` (a copy of it)."""
    train = commands.add_parser(
        "train",
        help=_("train a model headless and record the run"),
        description=_(
            "Train a model headless and record the run. A setting left out keeps the "
            "value from --config, else the default shown."
        ),
    )
    add_setting_flags(train)
    train.add_argument(
        "--config",
        metavar=_("FILE"),
        help=_(
            "a settings file (exported settings or a run's config.json) to start from; "
            "the flags given override it"
        ),
    )
    train.add_argument("--json", action="store_true", help=_("one JSON object per line on stdout"))
    train.add_argument(
        "--resume",
        metavar=_("RUN_DIR"),
        help=_("continue this run after its last finished epoch, with its optimizer state"),
    )
    train.add_argument(
        "--more-epochs",
        type=whole_number,
        metavar="N",
        help=_("with --resume: train N epochs beyond the last"),
    )
    train.add_argument(
        "--multi-worker",
        action="store_true",
        default=None,
        help=_("train across machines with MultiWorkerMirroredStrategy (reads TF_CONFIG)"),
    )
    train.set_defaults(handler=cmd_train)
    from cifar_gui.cli_sweep import add_sweep_command  # sweep copies train's flags

    add_sweep_command(commands, train)


def _add_data_commands(commands) -> None:
    """``data info`` and ``data download``."""
    data = commands.add_parser("data", help=_("inspect or download data sets"))
    data_commands = data.add_subparsers(dest="data_command", parser_class=_Parser, required=True)
    info = data_commands.add_parser("info", help=_("classes and counts of a data source"))
    info.add_argument("path", metavar=_("PATH"), help=_("demo, cifar10, auto, or a path"))
    info.add_argument("--json", action="store_true", help=_("one JSON object on stdout"))
    info.set_defaults(handler=cmd_data_info)
    download = data_commands.add_parser("download", help=_("download CIFAR-10 into Keras's cache"))
    download.set_defaults(handler=cmd_data_download)


def _add_run_commands(commands) -> None:
    """``evaluate`` and ``export``: commands on a run folder."""
    evaluate = commands.add_parser("evaluate", help=_("evaluate a run on its test set"))
    evaluate.add_argument("run_dir", metavar=_("RUN_DIR"), help=_("the run folder"))
    evaluate.add_argument(
        "--data", help=_("evaluate on this data source instead (the figures are not stored)")
    )
    evaluate.add_argument("--json", action="store_true", help=_("one JSON object on stdout"))
    evaluate.set_defaults(handler=cmd_evaluate)

    export = commands.add_parser("export", help=_("pack a run into one zip that predict accepts"))
    export.add_argument("run_dir", metavar=_("RUN_DIR"), help=_("the run folder"))
    export.add_argument("zip_path", metavar=_("ZIP_PATH"), help=_("the zip file to write"))
    export.set_defaults(handler=cmd_export)


def _add_desktop_commands(commands) -> None:
    """``install-desktop`` and ``uninstall-desktop``."""
    install = commands.add_parser(
        "install-desktop", help=_("add a launcher to the applications menu (and the desktop)")
    )
    install.set_defaults(handler=cmd_install_desktop)
    uninstall = commands.add_parser("uninstall-desktop", help=_("remove that launcher"))
    uninstall.set_defaults(handler=cmd_uninstall_desktop)


def _add_model_commands(commands) -> None:
    """``predict`` and ``model``: commands on a model."""
    predict = commands.add_parser("predict", help=_("classify image files or folders of them"))
    predict.add_argument(
        "model", metavar=_("MODEL"), help=_("a run folder, a .keras file or an exported run (.zip)")
    )
    predict.add_argument(
        "images",
        nargs="+",
        metavar=_("IMAGE"),
        help=_("image files, or folders (their images, subfolders included)"),
    )
    predict.add_argument(
        "--top-k",
        type=whole_number,
        default=3,
        help=_("how many classes to show per image (default: 3)"),
    )
    predict.add_argument(
        "--json", action="store_true", help=_("one JSON object per image on stdout")
    )
    predict.set_defaults(handler=cmd_predict)

    model = commands.add_parser("model", help=_("list a model's layers and parameter counts"))
    model.add_argument(
        "model", metavar=_("MODEL"), help=_("a run folder, a .keras file or an exported run (.zip)")
    )
    model.add_argument(
        "--json", action="store_true", help=_("the table as one JSON object on stdout")
    )
    model.set_defaults(handler=cmd_model)


def launch_default() -> int:
    """No command: open the application window, or say in one line why it cannot."""
    from cifar_gui.platform_check import window_problem

    if problem := window_problem():
        return _fail(
            _("{problem}; the command line works without a window: cifar-gui --help").format(
                problem=problem
            )
        )
    from cifar_gui.gui.app import run_app

    return run_app(sys.argv[:1])


def gui_main() -> int:
    """The console-less launcher (``cifar-gui-app``; pythonw on Windows): only the window."""
    setup_logging()
    return launch_default()


def main(argv: Sequence[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    set_language(None)  # LANGUAGE / LC_ALL / LC_MESSAGES / LANG, as any gettext program
    route_argparse()
    if "--verbose" in argv:  # accepted after the command too: cifar-gui train --verbose
        argv = ["--verbose", *(arg for arg in argv if arg != "--verbose")]
    setup_logging(verbose=True if "--verbose" in argv else None)
    if argv in ([], ["--verbose"]):
        return launch_default()
    _Output.json = "--json" in argv
    try:
        return _run_command(argv)
    except BrokenPipeError:
        return _pipe_closed()
    finally:
        _Output.json = False


def _run_command(argv: list[str]) -> int:
    parser = build_parser()
    try:
        args = parser.parse_args(argv)
    except UsageError as exc:
        return _fail(str(exc), EXIT_USAGE)
    if not hasattr(args, "handler"):
        parser.print_help()
        return EXIT_USAGE
    _Output.json = bool(getattr(args, "json", False))
    try:
        code = args.handler(args)
    except ConfigError as exc:
        code = _fail(_config_error(exc), EXIT_USAGE)
    except KeyboardInterrupt:
        code = _fail(_("interrupted"), EXIT_STOPPED)
    sys.stdout.flush()  # a closed pipe shows here, not in the interpreter's exit
    return code


if __name__ == "__main__":
    sys.exit(main())
