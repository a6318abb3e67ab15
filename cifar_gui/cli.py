"""The headless command line: ``cifar-gui train | data info | data download | evaluate | export |
predict``.

With no command it opens the application window. TensorFlow is imported only by the commands
that need it, so ``--help`` and ``data info`` answer at once. Every error is one line on stderr
and a non-zero exit code, never a traceback.
"""

from __future__ import annotations

import argparse
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
from cifar_gui.config import OPTIMIZERS, PRESETS, SCHEDULES, ConfigError, TrainConfig
from cifar_gui.data import DataSourceError, load_source
from cifar_gui.logs import setup_logging

EXIT_FAILED = 1
EXIT_USAGE = 2
EXIT_STOPPED = 130

# Settings field -> the CLI flag that sets it, for error messages that name what the user typed.
FLAG_FOR_FIELD = {
    "data": "--data",
    "preset": "--preset",
    "epochs": "--epochs",
    "batch_size": "--batch-size",
    "learning_rate": "--lr",
    "val_split": "--val-split",
    "seed": "--seed",
    "limit_train": "--limit-train",
    "dropout_rate": "--dropout",
    "l2_factor": "--l2",
    "optimizer": "--optimizer",
    "schedule": "--schedule",
    "patience": "--patience",
    "device": "--device",
    "mixed_precision": "--mixed-precision",
    "gpu_memory_limit_mb": "--gpu-memory-limit",
    "run_name": "--name",
    "on_save_error": "--on-save-error",
}


class UsageError(Exception):
    pass


class _Parser(argparse.ArgumentParser):
    """argparse that reports errors in one line (no usage dump) so scripts can show it as is."""

    def error(self, message: str) -> NoReturn:
        raise UsageError(message)


def _fail(message: str, code: int = EXIT_FAILED) -> int:
    first_line = message.strip().splitlines()[0] if message.strip() else "unknown error"
    rest = message.strip().splitlines()[1:]
    print(f"cifar-gui: error: {first_line}", file=sys.stderr)
    for line in rest:  # multi-line guidance (where to put the archive) stays readable
        print(f"  {line.strip()}", file=sys.stderr)
    return code


# ---- train ----------------------------------------------------------------------------------
def _config_from_args(args: argparse.Namespace) -> TrainConfig:
    base = TrainConfig.load(args.config) if args.config else TrainConfig()
    overrides: dict[str, Any] = {
        "data": args.data,
        "preset": args.preset,
        "epochs": args.epochs,
        "batch_size": args.batch_size,
        "learning_rate": args.lr,
        "val_split": args.val_split,
        "seed": args.seed,
        "limit_train": args.limit_train,
        "runs_dir": args.runs_dir,
        "dropout_rate": args.dropout,
        "l2_factor": args.l2,
        "augment": args.augment,
        "optimizer": args.optimizer,
        "schedule": args.schedule,
        "patience": args.patience,
        "device": args.device,
        "gpu_memory_limit_mb": args.gpu_memory_limit,
        "run_name": args.name,
        "on_save_error": args.on_save_error,
    }
    for key, value in overrides.items():
        if value is not None:
            setattr(base, key, value)
    for flag in ("early_stopping", "mixed_precision", "stratify"):
        if getattr(args, flag):
            setattr(base, flag, True)
    if args.no_test:
        base.evaluate_test = False
    return base


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
    allowed = {"resume", "more_epochs", "json", "handler", "command"}
    return [
        "--" + key.replace("_", "-")
        for key, value in vars(args).items()
        if key not in allowed and value not in (None, False)
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
            return _fail("--more-epochs: must be at least 1", EXIT_USAGE)
        from cifar_gui.runs import RunRecord

        try:
            settings = RunRecord(args.resume).read_config()["settings"]
            config = TrainConfig.from_dict(settings)
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
        dataset = load_source(config.data)
    except DataSourceError as exc:
        return _fail(str(exc))

    from cifar_gui.ml.training import ResumeError, resume, train  # TensorFlow loads here

    strategy = None
    if cluster is not None:
        strategy = _multi_worker_strategy(config, cluster)
    from cifar_gui.progress import TrainingControl, TrainingObserver

    control = TrainingControl()
    planned = config.epochs
    bar = _TerminalProgress(enabled=not args.json and sys.stderr.isatty())

    def on_epoch(result) -> None:
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
                    "error": summary.get("error"),
                }
            ),
            flush=True,
        )
    else:
        line = f"{result.status}: {result.run_dir}"
        if summary.get("test_acc") is not None:
            line += f"  test_loss {summary['test_loss']:.4f}  test_acc {summary['test_acc']:.4f}"
        print(line)
    if result.status == "failed":
        return _fail(summary.get("error") or "training failed")
    return EXIT_STOPPED if result.status == "stopped" else 0


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
    try:
        RunRecord(run_dir).read_config()
    except (OSError, ValueError) as exc:
        return _fail(f"{run_dir}: not a readable run folder ({exc})")
    from cifar_gui.ml.inference import ModelLoadError
    from cifar_gui.ml.run_evaluation import evaluate_run, run_data_source

    source = args.data or run_data_source(run_dir)
    try:
        dataset = load_source(source)
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


def cmd_predict(args: argparse.Namespace) -> int:
    if args.top_k < 1:
        return _fail("--top-k: must be at least 1", EXIT_USAGE)
    from cifar_gui.data.images import ImageError
    from cifar_gui.ml.inference import ModelLoadError, classify_file, load_model, top_k

    try:
        loaded = load_model(args.model)
    except ModelLoadError as exc:
        return _fail(str(exc))
    failures = 0
    for image in args.images:
        try:
            probabilities = classify_file(loaded, image)
        except ImageError as exc:
            failures += 1
            if args.json:
                print(json.dumps({"file": image, "error": str(exc)}), flush=True)
            else:
                print(f"cifar-gui: error: {exc}", file=sys.stderr)
            continue
        best = top_k(probabilities, loaded.class_names, args.top_k)
        if args.json:
            print(
                json.dumps(
                    {
                        "file": image,
                        "top": [{"class": c, "probability": p} for c, p in best],
                        "probabilities": dict(
                            zip(loaded.class_names, map(float, probabilities), strict=True)
                        ),
                    }
                ),
                flush=True,
            )
        else:
            print(f"{image}: " + ", ".join(f"{c} {p:.3f}" for c, p in best))
    return EXIT_FAILED if failures else 0


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

    train = commands.add_parser("train", help="train a model headless and record the run")
    train.add_argument(
        "--data", help="demo, cifar10, auto, or a path (archive, batch folder, image folder)"
    )
    train.add_argument("--preset", choices=PRESETS)
    train.add_argument("--epochs", type=int)
    train.add_argument("--batch-size", type=int)
    train.add_argument("--lr", type=float, help="learning rate")
    train.add_argument("--val-split", type=float)
    train.add_argument("--seed", type=int)
    train.add_argument("--limit-train", type=int, help="use only the first N training images")
    train.add_argument("--runs-dir", help="folder for run records")
    train.add_argument("--dropout", type=float, help="dropout rate")
    train.add_argument("--l2", type=float, help="L2 factor (l2 preset)")
    train.add_argument("--augment", action=argparse.BooleanOptionalAction, default=None)
    train.add_argument("--optimizer", choices=OPTIMIZERS)
    train.add_argument("--schedule", choices=SCHEDULES)
    train.add_argument("--early-stopping", action="store_true")
    train.add_argument("--patience", type=int)
    train.add_argument("--stratify", action="store_true", help="stratified validation split")
    train.add_argument("--device", help="auto, cpu, gpu:N or all-gpus")
    train.add_argument("--mixed-precision", action="store_true")
    train.add_argument("--gpu-memory-limit", type=int, metavar="MB")
    train.add_argument("--no-test", action="store_true", help="skip the test-set evaluation")
    train.add_argument("--name", help="a name for the run folder")
    train.add_argument(
        "--on-save-error",
        choices=("stop", "continue"),
        help="when the disk is full: stop the run (default) or keep training without saving",
    )
    train.add_argument("--config", help="a config.json to start from")
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
        help="train across machines with MultiWorkerMirroredStrategy (reads TF_CONFIG)",
    )
    train.set_defaults(handler=cmd_train)

    data = commands.add_parser("data", help="inspect or download data sets")
    data_commands = data.add_subparsers(dest="data_command", parser_class=_Parser, required=True)
    info = data_commands.add_parser("info", help="classes and counts of a data source")
    info.add_argument("path", help="demo, cifar10, auto, or a path")
    info.add_argument("--json", action="store_true")
    info.set_defaults(handler=cmd_data_info)
    download = data_commands.add_parser("download", help="download CIFAR-10 into Keras's cache")
    download.set_defaults(handler=cmd_data_download)

    evaluate = commands.add_parser("evaluate", help="evaluate a run on its test set")
    evaluate.add_argument("run_dir")
    evaluate.add_argument("--data", help="evaluate on this data source instead")
    evaluate.add_argument("--json", action="store_true")
    evaluate.set_defaults(handler=cmd_evaluate)

    export = commands.add_parser("export", help="pack a run into one zip that predict accepts")
    export.add_argument("run_dir")
    export.add_argument("zip_path")
    export.set_defaults(handler=cmd_export)

    install = commands.add_parser(
        "install-desktop", help="add a launcher to the applications menu (and the desktop)"
    )
    install.set_defaults(handler=cmd_install_desktop)
    uninstall = commands.add_parser("uninstall-desktop", help="remove that launcher")
    uninstall.set_defaults(handler=cmd_uninstall_desktop)

    predict = commands.add_parser("predict", help="classify image files")
    predict.add_argument("model", help="a run folder, a .keras file or an exported run (.zip)")
    predict.add_argument("images", nargs="+")
    predict.add_argument("--top-k", type=int, default=3)
    predict.add_argument("--json", action="store_true")
    predict.set_defaults(handler=cmd_predict)
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
    parser = build_parser()
    try:
        args = parser.parse_args(argv)
    except UsageError as exc:
        return _fail(str(exc), EXIT_USAGE)
    if not hasattr(args, "handler"):
        parser.print_help()
        return EXIT_USAGE
    try:
        return args.handler(args)
    except ConfigError as exc:
        return _fail(str(exc), EXIT_USAGE)
    except KeyboardInterrupt:
        return _fail("interrupted", EXIT_STOPPED)


if __name__ == "__main__":
    sys.exit(main())
