"""``cifar-gui sweep``: one ordinary run per combination of several setting values.

It takes every ``train`` flag (copied from the train parser, so the two never drift apart);
the settings that can be swept accept a list (``--lr 1e-3,3e-4,1e-4``) or, with
``--random N``, a range (``--lr 1e-4..1e-2``). Each run is trained by the train command itself
with its complete settings, so its folder, events and exit path are exactly a train run's;
``--json`` adds ``sweep_id``, ``run`` and ``combination`` to each event and ends with one
``sweep_done`` line. The queue lives in the runs folder (``cifar_gui.sweep.queue``): a killed
sweep is continued with ``--continue SWEEP_ID``, or from the window.
"""

from __future__ import annotations

import argparse
import contextlib
import copy
import io
import json
import sys
from pathlib import Path
from typing import Any

from cifar_gui import cli
from cifar_gui.atomic import atomic_write_text
from cifar_gui.cli_train_flags import whole_number
from cifar_gui.config import TrainConfig
from cifar_gui.i18n import _, ngettext
from cifar_gui.paths import default_runs_dir
from cifar_gui.sweep import (
    SWEEPABLE,
    SweepError,
    SweepSpec,
    combination_label,
    expand,
    new_sweep_id,
    parse_axis,
)
from cifar_gui.sweep.queue import (
    QUEUE_FILE,
    SweepItem,
    SweepQueue,
    sweeps_root,
    unfinished_sweeps,
)
from cifar_gui.sweep.results import sweep_table

# The train flags a sweep may vary: dest -> settings field (from the CLI's own flag table).
SWEPT_DESTS = {
    flag[2:].replace("-", "_"): field
    for field, flag in cli.FLAG_FOR_FIELD.items()
    if field in SWEEPABLE
}
NOT_COPIED = {"help", "resume", "more_epochs", "multi_worker"}  # one-run-only train flags


def add_sweep_command(commands: argparse._SubParsersAction, train: argparse.ArgumentParser):
    """Register ``sweep`` with a copy of each ``train`` flag; swept flags take text lists."""
    sweep = commands.add_parser(
        "sweep", help=_("train one run per combination of several values (grid or random search)")
    )
    for action in train._actions:
        if action.dest in NOT_COPIED:
            continue
        copied = copy.copy(action)
        if action.dest in SWEPT_DESTS:
            copied.help = _swept_help(action)
            copied.type, copied.choices = None, None
        sweep._add_action(copied)
    sweep.add_argument(
        "--random", type=whole_number, metavar="N", help=_("draw N combinations at random")
    )
    sweep.add_argument(
        "--search-seed", type=whole_number, default=0, help=_("seed of the random draws")
    )
    sweep.add_argument(
        "--parallel", type=whole_number, default=1, metavar="N",
        help=_("train up to N runs at once, each in its own process (a large GPU; on one GPU "
               "each run's memory grows as needed, or cap it with --gpu-memory-limit)"),
    )  # fmt: skip
    sweep.add_argument(
        "--continue", dest="continue_sweep", metavar=_("SWEEP_ID"),
        help=_("train the runs a stopped or killed sweep has left"),
    )  # fmt: skip
    sweep.set_defaults(handler=cmd_sweep, train_parser=train)


def _swept_help(action: argparse.Action) -> str:
    what = action.help or action.dest.replace("_", " ")
    if action.choices:
        return _("{what}: one or several of {choices} (a,b)").format(
            what=what, choices=", ".join(action.choices)
        )
    return _("{what}: one value, a list a,b,c, or with --random a range low..high").format(
        what=what
    )


def _spec_from_args(args: argparse.Namespace) -> tuple[SweepSpec, argparse.Namespace]:
    """The swept flags as a spec; flags given one value stay plain train flags."""
    axes, plain = [], copy.copy(args)
    for dest, field in SWEPT_DESTS.items():
        text = getattr(args, dest, None)
        if text is None:
            continue
        axis = parse_axis(field, text)
        if axis.is_range or len(axis.values) > 1:
            axes.append(axis)
            setattr(plain, dest, None)
        else:
            setattr(plain, dest, axis.values[0])
    if not axes:
        raise SweepError(None, _("give at least one flag several values, e.g. --lr 1e-3,3e-4"))
    return SweepSpec(tuple(axes), args.random, args.search_seed), plain


def _new_queue(args: argparse.Namespace) -> SweepQueue:
    spec, plain = _spec_from_args(args)
    base = cli._config_from_args(plain)
    if problems := base.problems():
        key, why = next(iter(problems.items()))
        raise SweepError(None, f"{cli.FLAG_FOR_FIELD.get(key, key)}: {why}")
    runs = expand(base, spec.combinations(), new_sweep_id())
    runs_dir = base.runs_dir or str(default_runs_dir())
    mode = "grid" if spec.random is None else "random"
    return SweepQueue.create(runs_dir, runs, spec.fields, mode)


def _existing_queue(args: argparse.Namespace) -> SweepQueue:
    given = [f"--{k.replace('_', '-')}" for k, v in vars(args).items()
             if v not in (None, False) and k not in {"continue_sweep", "json", "runs_dir",
                                                    "handler", "train_parser", "command", "search_seed",
                                                    "parallel", "verbose"}]  # fmt: skip
    if given:
        raise SweepError(
            None,
            _("--continue keeps the sweep's own settings; drop {given}").format(
                given=", ".join(given)
            ),
        )
    if TrainConfig(sweep_id=args.continue_sweep).problems():  # a name, never a path
        raise SweepError(
            None,
            _("--continue: {continue_sweep!r} is not a sweep id").format(
                continue_sweep=args.continue_sweep
            ),
        )
    runs_dir = Path(args.runs_dir) if args.runs_dir else default_runs_dir()
    folder = sweeps_root(runs_dir) / args.continue_sweep
    if not (folder / QUEUE_FILE).is_file():
        left = ", ".join(q.sweep_id for q in unfinished_sweeps(runs_dir)) or _("none")
        raise SweepError(
            None,
            _("no sweep {continue_sweep} in {runs_dir} (unfinished: {left})").format(
                continue_sweep=args.continue_sweep, runs_dir=runs_dir, left=left
            ),
        )
    return SweepQueue.load(folder)


def cmd_sweep(args: argparse.Namespace) -> int:
    if args.parallel < 1:
        return cli._fail(_("--parallel: must be at least 1"), cli.EXIT_USAGE)
    try:
        queue = _existing_queue(args) if args.continue_sweep else _new_queue(args)
        queue.acquire()
    except SweepError as exc:
        field = cli.FLAG_FOR_FIELD.get(exc.field or "", exc.field)
        return cli._fail(f"{field}: {exc.why}" if field else exc.why, cli.EXIT_USAGE)
    except OSError as exc:  # a read-only or full runs folder
        return cli._fail(_("cannot write the sweep queue: {error}").format(error=exc))
    try:
        queue.recover()
        if args.parallel > 1:
            from cifar_gui.cli_sweep_parallel import train_parallel

            code = train_parallel(queue, args, args.parallel)
        else:
            code = _train_remaining(queue, args)
    except OSError as exc:  # the runs trained so far are kept, each in its own folder
        return cli._fail(_("cannot update {path}: {error}").format(path=queue.path, error=exc))
    finally:
        queue.release()
    _report(queue, args)
    return code


def _train_remaining(queue: SweepQueue, args: argparse.Namespace) -> int:
    """Train the queue's runs in order; stop (keeping the rest) on Ctrl-C or unusable data."""
    failed = False
    while (item := next((i for i in queue.remaining), None)) is not None:
        total = len(queue.items)
        _announce(queue, item, total, args.json)
        resume_dir = item.run_dir if item.state == "running" else None
        queue.mark_running(item)
        code = _train_item(queue, item, args, resume_dir)
        status = record_result(queue, item)
        if status is None:  # refused before a run folder existed: the data, the settings
            return code or cli.EXIT_FAILED
        if code == cli.EXIT_STOPPED:
            return code
        failed = failed or status == "failed"
    return cli.EXIT_FAILED if failed else 0


def record_result(queue: SweepQueue, item: SweepItem) -> str | None:
    """Mark a run that ended with the status its summary.json gives; ``None`` (marked failed)
    when it never made a run folder."""
    run_dir = item.find_run()
    if run_dir is None:
        queue.mark_finished(item, "failed", None)
        return None
    status = _run_status(run_dir)
    queue.mark_finished(item, status, str(run_dir))
    return status


def settings_file(queue: SweepQueue, item: SweepItem) -> Path:
    """The run's complete settings as a ``--config`` file beside the queue."""
    path = queue.folder / f"run-{item.index:03d}.json"
    atomic_write_text(path, json.dumps({"settings": item.settings}) + "\n")
    return path


def run_tag(queue: SweepQueue, item: SweepItem) -> dict[str, Any]:
    return {"sweep_id": queue.sweep_id, "run": item.index, "combination": item.combination}


def _run_status(run_dir: Path) -> str:
    from cifar_gui.run_store.record import RunRecord

    try:
        status = RunRecord(run_dir).load_summary().status
    except (OSError, ValueError):
        return "failed"
    return status if status in ("completed", "stopped", "failed") else "failed"


def _announce(queue: SweepQueue, item: SweepItem, total: int, as_json: bool) -> None:
    if as_json:
        return
    print(
        _("{sweep_id}: run {index}/{total} ({label})").format(
            sweep_id=queue.sweep_id, index=item.index, total=total, label=item.label
        ),
        flush=True,
    )


def _train_item(queue: SweepQueue, item: SweepItem, args, resume_dir: str | None) -> int:
    """The train command itself, on this run's settings (or continuing its folder)."""
    train_args = args.train_parser.parse_args([])
    train_args.json = args.json
    if resume_dir:
        train_args.resume = resume_dir
    else:
        train_args.config = str(settings_file(queue, item))
    tagger = TaggedLines(sys.stdout, run_tag(queue, item)) if args.json else sys.stdout
    with contextlib.redirect_stdout(tagger):
        code = cli.cmd_train(train_args)
    if isinstance(tagger, TaggedLines):
        tagger.flush_rest()
    return code


class TaggedLines(io.TextIOBase):
    """A text stream that adds ``tag`` to every JSON object line written through it, and
    ``prefix`` to every other line."""

    def __init__(self, target, tag: dict[str, Any], prefix: str = "") -> None:
        self.target, self.tag, self.prefix, self._pending = target, tag, prefix, ""

    def write(self, text: str) -> int:
        self._pending += text
        *lines, self._pending = self._pending.split("\n")
        for line in lines:
            self.target.write(self._tagged(line) + "\n")
        return len(text)

    def flush(self) -> None:
        self.target.flush()

    def flush_rest(self) -> None:
        if self._pending:
            self.target.write(self._tagged(self._pending) + "\n")
            self._pending = ""
        self.target.flush()

    def _tagged(self, line: str) -> str:
        try:
            event = json.loads(line)
        except ValueError:
            return self.prefix + line if line else line
        return json.dumps({**event, **self.tag}) if isinstance(event, dict) else line


def _report(queue: SweepQueue, args: argparse.Namespace) -> None:
    """The final summary: a table (text) or one ``sweep_done`` line (JSON)."""
    runs_dir = queue.items[0].runs_dir
    table = sweep_table(runs_dir, queue.sweep_id)
    best = table.best()
    left = len(queue.remaining)
    if args.json:
        rows = [
            {"run": r.index, "combination": r.combination, "run_dir": str(r.run_dir),
             "status": r.status, "best_val_acc": r.best_val_acc, "test_acc": r.test_acc,
             "seconds": r.seconds, "at_chance": r.at_chance}
            for r in table.rows
        ]  # fmt: skip
        print(json.dumps({"event": "sweep_done", "sweep_id": queue.sweep_id, "swept": table.swept,
                          "runs": rows, "best_run": best.index if best else None,
                          "remaining": left}), flush=True)  # fmt: skip
        return
    count = len(table.rows)
    print(ngettext("{sweep_id}: {count} run", "{sweep_id}: {count} runs", count).format(
        sweep_id=queue.sweep_id, count=count))  # fmt: skip
    for row in table.rows:
        mark = "*" if row is best else " "
        figures = _("best val_acc {best}  test_acc {test}  {seconds}s").format(
            best=_fmt(row.best_val_acc), test=_fmt(row.test_acc), seconds=_fmt(row.seconds, ".1f")
        )
        status = cli._status_word(row.status)
        if row.at_chance:
            figures += "  " + _("(at chance: learned nothing)")
        print(f"{mark} {row.index:>3}  {combination_label(row.combination)}  {status}  {figures}")
    if left:
        print(
            ngettext(
                "{left} run left: cifar-gui sweep --continue {sweep_id}",
                "{left} runs left: cifar-gui sweep --continue {sweep_id}",
                left,
            ).format(left=left, sweep_id=queue.sweep_id),
            file=sys.stderr,
        )


def _fmt(value: float | None, spec: str = ".4f") -> str:
    return "-" if value is None else format(value, spec)
