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
from typing import NoReturn

from cifar_gui import __version__
from cifar_gui.cli_train_flags import FLAG_FOR_FIELD, add_setting_flags, apply_setting_flags
from cifar_gui.config import ConfigError, TrainConfig
from cifar_gui.data import DataSourceError, load_source
from cifar_gui.data.fingerprint import stored_data_source
from cifar_gui.logs import setup_logging

EXIT_FAILED = 1
EXIT_USAGE = 2
EXIT_STOPPED = 130
EXIT_PIPE_CLOSED = 141  # 128 + SIGPIPE, as a command killed by a closed pipe reports


class UsageError(Exception):
    pass


class _Parser(argparse.ArgumentParser):
    """argparse that reports errors in one line (no usage dump) so scripts can show it as is."""

    def error(self, message: str) -> NoReturn:
        raise UsageError(message)


class _Output:
    """How the running command reports: ``json`` is set by ``main`` for a ``--json`` command."""

    json = False


def _fail(message: str, code: int = EXIT_FAILED) -> int:
    """One line on stderr (and, for ``--json``, one ``error`` event on stdout); returns ``code``."""
    first_line = message.strip().splitlines()[0] if message.strip() else "unknown error"
    rest = [line.strip() for line in message.strip().splitlines()[1:]]
    if _Output.json:
        event = {"event": "error", "message": first_line, "details": rest, "exit_code": code}
        print(json.dumps(event), flush=True)
    with contextlib.suppress(BrokenPipeError):
        print(f"cifar-gui: error: {first_line}", file=sys.stderr)
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
        sys.stderr.write(
            f"\repoch {progress.epoch} [{bar}] {progress.step}/{progress.steps} "
            f"loss {progress.loss:.4f} acc {progress.acc:.4f} {progress.images_per_second:.0f} img/s"
        )
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


def cmd_train(args: argparse.Namespace) -> int:
    if args.multi_worker and args.resume:
        return _fail("--multi-worker: a run is resumed on one machine; drop one", EXIT_USAGE)
    if args.resume:
        if conflicts := _resume_conflicts(args):
            return _fail(
                f"--resume continues a run with its own settings; drop {', '.join(conflicts)} "
                "(only --more-epochs applies)",
                EXIT_USAGE,
            )
        if args.more_epochs is not None and args.more_epochs < 1:
            return _fail("--more-epochs: Enter a whole number of at least 1.", EXIT_USAGE)
        from cifar_gui.runs import RunRecord

        if not Path(args.resume).is_dir():
            return _fail(f"{args.resume}: no such folder")
        try:
            stored = RunRecord(args.resume).read_config()
            config = TrainConfig.from_dict(stored["settings"])
        except (OSError, ValueError, KeyError, TypeError) as exc:
            return _fail(f"{args.resume}: not a run folder that can be resumed ({exc})")
    elif args.more_epochs is not None:
        return _fail("--more-epochs: only with --resume RUN_DIR", EXIT_USAGE)
    else:
        config = _config_from_args(args)
    if problems := config.problems():
        field, why = next(iter(problems.items()))
        return _fail(f"{FLAG_FOR_FIELD.get(field, field)}: {why}", EXIT_USAGE)
    cluster = None
    if args.multi_worker:
        try:
            cluster = read_tf_config(os.environ.get("TF_CONFIG"))
        except ValueError as exc:
            return _fail(f"--multi-worker: {exc}", EXIT_USAGE)
        if cluster.index:  # not the chief: its own folder, out of the runs table's way
            base = Path(config.runs_dir) if config.runs_dir else None
            from cifar_gui.paths import default_runs_dir

            config.runs_dir = str((base or default_runs_dir()) / ".workers")
            config.run_name = f"{config.run_name or config.preset}-worker{cluster.index}"
    try:
        dataset = load_source(stored_data_source(stored) if args.resume else config.data)
    except DataSourceError as exc:
        return _fail(
            f"{args.resume}: its training data cannot be loaded: {exc}" if args.resume else str(exc)
        )
    if not args.resume and (refusal := _training_data_problem(config, dataset)):
        return _fail(refusal, EXIT_USAGE)

    from cifar_gui.ml.training import ResumeError, resume, train  # TensorFlow loads here

    strategy = None
    if cluster is not None:
        strategy = _multi_worker_strategy(config, cluster)
    from cifar_gui.progress import TrainingControl, TrainingObserver

    control = TrainingControl()
    planned = config.epochs
    bar = _TerminalProgress(enabled=not args.json and sys.stderr.isatty())

    pipe_closed = []

    def on_epoch(result) -> None:
        try:
            print_epoch(result)
        except BrokenPipeError:  # the reader went away: stop (resumable), end quietly
            if not pipe_closed:
                pipe_closed.append(_pipe_closed())
                control.request_stop()

    def print_epoch(result) -> None:
        bar.clear()
        if args.json:
            print(
                json.dumps(
                    {
                        "event": "epoch",
                        "epoch": result.epoch,
                        "loss": _json_number(result.loss),
                        "acc": _json_number(result.acc),
                        "val_loss": _json_number(result.val_loss),
                        "val_acc": _json_number(result.val_acc),
                        "seconds": round(result.seconds, 3),
                    }
                ),
                flush=True,
            )
        else:
            print(
                f"epoch {result.epoch}/{planned}  loss {result.loss:.4f}  acc {result.acc:.4f}"
                f"  val_loss {result.val_loss:.4f}  val_acc {result.val_acc:.4f}"
                f"  {result.seconds:.1f}s",
                flush=True,
            )

    def on_message(text: str) -> None:
        if not args.json:
            bar.clear()
            with contextlib.suppress(BrokenPipeError):
                print(text, file=sys.stderr, flush=True)

    def on_start(started) -> None:
        nonlocal planned
        planned = started.settings["epochs"]
        on_message(
            f"Run folder {started.run_dir}: {started.train_size} train / {started.val_size} "
            f"validation / {started.test_size} test images, {started.steps_per_epoch} steps per epoch"
        )

    def on_sigint(_signum, _frame) -> None:
        if control.stop_requested:
            raise KeyboardInterrupt
        control.request_stop()
        on_message("Stopping after this batch (Ctrl-C again to abort)...")

    previous = signal.signal(signal.SIGINT, on_sigint)
    try:
        observer = TrainingObserver(
            on_start=on_start, on_batch=bar.batch, on_epoch=on_epoch, on_message=on_message
        )
        if args.resume:
            result = resume(
                args.resume,
                more_epochs=args.more_epochs,
                dataset=dataset,
                observer=observer,
                control=control,
            )
        else:
            result = train(
                config, dataset=dataset, observer=observer, control=control, strategy=strategy
            )
    except (ConfigError, DataSourceError, ResumeError) as exc:
        return _fail(str(exc), EXIT_USAGE if isinstance(exc, ConfigError) else EXIT_FAILED)
    finally:
        signal.signal(signal.SIGINT, previous)
        bar.clear()
    summary = result.summary
    if pipe_closed:
        return pipe_closed[0]
    if args.json:
        print(
            json.dumps(
                {
                    "event": "done",
                    "run_dir": str(result.run_dir),
                    "status": result.status,
                    "test_loss": _json_number(summary.get("test_loss")),
                    "test_acc": _json_number(summary.get("test_acc")),
                    "best_epoch": summary.get("best_epoch"),
                    "model_epoch": summary.get("model_epoch"),
                    "error": summary.get("error"),
                }
            ),
            flush=True,
        )
    else:
        line = f"{result.status}: {result.run_dir}"
        if summary.get("test_acc") is not None:
            line += f"  test_loss {summary['test_loss']:.4f}  test_acc {summary['test_acc']:.4f}"
        if summary.get("model_epoch") is not None:
            line += f"  (model.keras: epoch {summary['model_epoch']})"
        print(line)
    if result.status == "failed":
        return _fail(summary.get("error") or "training failed")
    return EXIT_STOPPED if result.status == "stopped" else 0


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
            'set TF_CONFIG, e.g. {"cluster": {"worker": ["host1:12345", "host2:12345"]}, '
            '"task": {"type": "worker", "index": 0}}'
        )
    try:
        data = json.loads(text)
        workers = data["cluster"]["worker"]
        task = data["task"]
        index = int(task["index"])
    except (ValueError, KeyError, TypeError) as exc:
        raise ValueError(f"TF_CONFIG is not valid ({type(exc).__name__}: {exc})") from exc
    if task.get("type") != "worker" or not isinstance(workers, list) or not workers:
        raise ValueError('TF_CONFIG needs "cluster": {"worker": [...]} and a "worker" task')
    if not 0 <= index < len(workers):
        raise ValueError(f"TF_CONFIG task index {index} is not one of the {len(workers)} workers")
    return ClusterTask([str(w) for w in workers], index)


def _multi_worker_strategy(config: TrainConfig, cluster: ClusterTask):
    """TensorFlow's own multi-machine engine; it must exist before any other TensorFlow op."""
    from cifar_gui.ml.tensorflow_noise import import_tensorflow_quietly

    import_tensorflow_quietly()  # before any other import of TensorFlow: its noise to the log
    import tensorflow as tf

    from cifar_gui.ml.devices import configure_gpus

    configure_gpus(memory_limit_mb=config.gpu_memory_limit_mb)
    strategy = tf.distribute.MultiWorkerMirroredStrategy()
    role = "chief" if cluster.index == 0 else f"worker {cluster.index}"
    print(
        f"Multi-worker training: {role} of {len(cluster.workers)} "
        f"({strategy.num_replicas_in_sync} replicas in sync)",
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
    print(f"{dataset.name} ({dataset.source})")
    print(f"  {len(dataset.x_train)} training images, {len(dataset.x_test)} test images, 32x32 RGB")
    width = max(len(n) for n in dataset.class_names)
    for name in dataset.class_names:
        print(
            f"  {name:<{width}}  train {info['counts']['train'][name]:>6}  test {info['counts']['test'][name]:>6}"
        )
    cached = " (from cache)" if dataset.report.from_cache else ""
    print(f"  loaded in {dataset.report.seconds:.3f} s{cached}")
    if dataset.report.skipped:
        print(f"  skipped {dataset.report.skipped_count} unreadable file(s):")
        for file, reason in dataset.report.skipped[:20]:
            print(f"    {file}: {reason}")
    if dataset.report.excluded:
        print(f"  left out {len(dataset.report.excluded)} folder(s):")
        for folder, reason in dataset.report.excluded[:20]:
            print(f"    {folder}: {reason}")
    return 0


def cmd_data_download(args: argparse.Namespace) -> int:
    from cifar_gui.ml.download import download_cifar10

    try:
        folder = download_cifar10()
    except DataSourceError as exc:
        return _fail(str(exc))
    except Exception as exc:  # noqa: BLE001 - network and hash errors from Keras
        return _fail(f"download failed: {exc}")
    print(f"CIFAR-10 is ready in {folder}")
    return 0


# ---- evaluate / predict ---------------------------------------------------------------------
def cmd_evaluate(args: argparse.Namespace) -> int:
    from cifar_gui.runs import RunRecord

    run_dir = Path(args.run_dir)
    if not run_dir.is_dir():
        return _fail(f"{run_dir}: no such folder")
    try:
        RunRecord(run_dir).read_config()
    except (OSError, ValueError) as exc:
        return _fail(f"{run_dir}: not a readable run folder ({exc})")
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
    print(
        f"test loss {report.loss:.4f}  test accuracy {report.accuracy:.4f}  ({len(dataset.y_test)} images)"
    )
    width = max(len(n) for n in report.class_names)
    print(f"  {'class':<{width}}  precision  recall     f1  support")
    for name, scores in result["per_class"].items():
        print(
            f"  {name:<{width}}  {scores['precision']:9.3f}  {scores['recall']:6.3f}  "
            f"{scores['f1']:5.3f}  {scores['support']:7d}"
        )
    print("confusion matrix (rows: true class, columns: predicted):")
    for name, row in zip(report.class_names, report.confusion, strict=True):
        print(f"  {name:<{width}}  " + " ".join(f"{v:5d}" for v in row))
    return 0


def cmd_export(args: argparse.Namespace) -> int:
    from cifar_gui.run_archive import RunArchiveError, export_run

    try:
        path = export_run(args.run_dir, args.zip_path)
    except (OSError, ValueError, RunArchiveError) as exc:
        return _fail(f"export failed: {exc}")
    print(f"exported {args.run_dir} to {path}")
    return 0


def cmd_install_desktop(_args: argparse.Namespace) -> int:
    from cifar_gui import desktop

    try:
        written = desktop.install()
    except OSError as exc:
        return _fail(f"could not install the launcher: {exc}")
    for path in written:
        print(f"wrote {path}")
    return 0


def cmd_uninstall_desktop(_args: argparse.Namespace) -> int:
    from cifar_gui import desktop

    try:
        removed = desktop.uninstall()
    except OSError as exc:
        return _fail(f"could not remove the launcher: {exc}")
    for path in removed:
        print(f"removed {path}")
    if not removed:
        print("no launcher was installed")
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
                problems.append(f"{name}: this folder holds no image files")
        else:
            files.append(path)
    return files, problems


def cmd_predict(args: argparse.Namespace) -> int:
    if args.top_k < 1:
        return _fail("--top-k: Enter a whole number of at least 1.", EXIT_USAGE)
    from cifar_gui.ml.inference import ModelLoadError, classify_files, load_model

    files, problems = _expand_images(args.images)
    if problems and not files:
        return _fail(problems[0])
    try:
        loaded = load_model(args.model)
    except ModelLoadError as exc:
        return _fail(str(exc))
    for problem in problems:
        print(f"cifar-gui: warning: {problem}", file=sys.stderr)
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
            print(f"cifar-gui: error: {result.error}", file=sys.stderr)
        return
    best = top_k(result.probabilities, loaded.class_names, args.top_k)
    if args.json:
        probabilities = dict(zip(loaded.class_names, map(float, result.probabilities), strict=True))
        line = {"file": name, "top": [{"class": c, "probability": p} for c, p in best]}
        print(json.dumps({**line, "probabilities": probabilities}), flush=True)
    else:
        print(f"{name}: " + ", ".join(f"{c} {p:.3f}" for c, p in best))


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
    parser = _Parser(prog="cifar-gui", description="Train and inspect CIFAR-10 classifiers.")
    parser.add_argument("--version", action="version", version=f"cifar-gui {__version__}")
    parser.add_argument(
        "--verbose",
        action="store_true",
        help="log everything, on the terminal too, TensorFlow's start-up lines included "
        "(same as CIFAR_GUI_VERBOSE=1); anywhere on the command line",
    )
    commands = parser.add_subparsers(dest="command", parser_class=_Parser)

    train = commands.add_parser(
        "train",
        help="train a model headless and record the run",
        description="Train a model headless and record the run. A setting left out keeps the "
        "value from --config, else the default shown.",
    )
    add_setting_flags(train)
    train.add_argument(
        "--config",
        metavar="FILE",
        help="a settings file (exported settings or a run's config.json) to start from; "
        "the flags given override it",
    )
    train.add_argument("--json", action="store_true", help="one JSON object per line on stdout")
    train.add_argument(
        "--resume",
        metavar="RUN_DIR",
        help="continue this run after its last finished epoch, with its optimizer state",
    )
    train.add_argument(
        "--more-epochs", type=int, metavar="N", help="with --resume: train N epochs beyond the last"
    )
    train.add_argument(
        "--multi-worker",
        action="store_true",
        default=None,
        help="train across machines with MultiWorkerMirroredStrategy (reads TF_CONFIG)",
    )
    train.set_defaults(handler=cmd_train)
    from cifar_gui.cli_sweep import add_sweep_command  # sweep copies train's flags

    add_sweep_command(commands, train)

    data = commands.add_parser("data", help="inspect or download data sets")
    data_commands = data.add_subparsers(dest="data_command", parser_class=_Parser, required=True)
    info = data_commands.add_parser("info", help="classes and counts of a data source")
    info.add_argument("path", help="demo, cifar10, auto, or a path")
    info.add_argument("--json", action="store_true", help="one JSON object on stdout")
    info.set_defaults(handler=cmd_data_info)
    download = data_commands.add_parser("download", help="download CIFAR-10 into Keras's cache")
    download.set_defaults(handler=cmd_data_download)

    evaluate = commands.add_parser("evaluate", help="evaluate a run on its test set")
    evaluate.add_argument("run_dir", help="the run folder")
    evaluate.add_argument(
        "--data", help="evaluate on this data source instead (the figures are not stored)"
    )
    evaluate.add_argument("--json", action="store_true", help="one JSON object on stdout")
    evaluate.set_defaults(handler=cmd_evaluate)

    export = commands.add_parser("export", help="pack a run into one zip that predict accepts")
    export.add_argument("run_dir", help="the run folder")
    export.add_argument("zip_path", help="the zip file to write")
    export.set_defaults(handler=cmd_export)

    install = commands.add_parser(
        "install-desktop", help="add a launcher to the applications menu (and the desktop)"
    )
    install.set_defaults(handler=cmd_install_desktop)
    uninstall = commands.add_parser("uninstall-desktop", help="remove that launcher")
    uninstall.set_defaults(handler=cmd_uninstall_desktop)

    predict = commands.add_parser("predict", help="classify image files or folders of them")
    predict.add_argument("model", help="a run folder, a .keras file or an exported run (.zip)")
    predict.add_argument(
        "images", nargs="+", help="image files, or folders (their images, subfolders included)"
    )
    predict.add_argument(
        "--top-k", type=int, default=3, help="how many classes to show per image (default: 3)"
    )
    predict.add_argument("--json", action="store_true", help="one JSON object per image on stdout")
    predict.set_defaults(handler=cmd_predict)

    model = commands.add_parser("model", help="list a model's layers and parameter counts")
    model.add_argument("model", help="a run folder, a .keras file or an exported run (.zip)")
    model.add_argument("--json", action="store_true", help="the table as one JSON object on stdout")
    model.set_defaults(handler=cmd_model)
    return parser


def launch_default() -> int:
    """No command: open the application window, or say in one line why it cannot."""
    from cifar_gui.platform_check import window_problem

    if problem := window_problem():
        return _fail(f"{problem}; the command line works without a window: cifar-gui --help")
    from cifar_gui.gui.app import run_app

    return run_app(sys.argv[:1])


def gui_main() -> int:
    """The console-less launcher (``cifar-gui-app``; pythonw on Windows): only the window."""
    setup_logging()
    return launch_default()


def main(argv: Sequence[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
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
        code = _fail(str(exc), EXIT_USAGE)
    except KeyboardInterrupt:
        code = _fail("interrupted", EXIT_STOPPED)
    sys.stdout.flush()  # a closed pipe shows here, not in the interpreter's exit
    return code


if __name__ == "__main__":
    sys.exit(main())
