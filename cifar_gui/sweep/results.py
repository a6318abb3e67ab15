"""A sweep's runs read back as one table: one row per run, one column per swept setting.

Every figure comes from the run's own ``summary.json`` (best validation accuracy, test
accuracy, seconds trained), so the sweep table, the Runs tab and the CLI can never disagree.
The runs are found by the sweep id in their ``config.json``; the queue file, when it is still
there, only adds the order and the list of swept settings.
"""

from __future__ import annotations

import csv
import io
import os
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from cifar_gui.chance import chance_note
from cifar_gui.improvement import best_index
from cifar_gui.run_store.listing import RunInfo, list_runs
from cifar_gui.sweep.queue import QUEUE_FILE, SweepQueue, sweeps_root
from cifar_gui.sweep.spec import SWEEPABLE, SweepError, format_value

FIGURES = ("best_val_acc", "test_acc", "duration_seconds")


@dataclass
class SweepRow:
    """One run of a sweep as the table shows it (``None`` where the run has no figure)."""

    index: int
    combination: dict[str, Any]
    run_dir: Path
    status: str
    best_val_acc: float | None
    test_acc: float | None
    seconds: float | None
    at_chance: bool = False  # the run learned nothing (``cifar_gui.chance``)


@dataclass
class SweepTable:
    sweep_id: str
    swept: list[str]
    rows: list[SweepRow]

    def best(self) -> SweepRow | None:
        """The run with the highest best validation accuracy (the first such on a tie; a
        figure that is not a finite number never counts, nor a run that learned nothing)."""
        index = best_index([None if r.at_chance else r.best_val_acc for r in self.rows], "max")
        return None if index is None else self.rows[index]

    def to_csv(self) -> str:
        """The table as CSV: index, the swept settings, status, the figures, the run folder."""
        buffer = io.StringIO()
        writer = csv.writer(buffer, lineterminator="\n")
        writer.writerow(["run", *self.swept, "status", *FIGURES, "run_dir"])
        for row in self.rows:
            values = [format_value(row.combination.get(k, "")) for k in self.swept]
            figures = [_csv_number(v) for v in (row.best_val_acc, row.test_acc, row.seconds)]
            writer.writerow([row.index, *values, row.status, *figures, str(row.run_dir)])
        return buffer.getvalue()


def _csv_number(value: float | None) -> str:
    return "" if value is None else repr(float(value))


def _number(value: Any) -> float | None:
    return float(value) if isinstance(value, int | float) and not isinstance(value, bool) else None


def sweep_ids(runs_dir: str | os.PathLike[str], runs: list[RunInfo] | None = None) -> list[str]:
    """Every sweep with a run or a queue file in ``runs_dir``, newest first."""
    runs = list_runs(runs_dir) if runs is None else runs
    found = {str(r.settings["sweep_id"]) for r in runs if r.settings.get("sweep_id")}
    root = sweeps_root(runs_dir)
    if root.is_dir():
        found |= {p.name for p in root.iterdir() if (p / QUEUE_FILE).is_file()}
    return sorted(found, reverse=True)


def sweep_table(
    runs_dir: str | os.PathLike[str], sweep_id: str, runs: list[RunInfo] | None = None
) -> SweepTable:
    """The table of ``sweep_id``: its runs in queue order (else in the order they started)."""
    runs = list_runs(runs_dir) if runs is None else runs
    members = [r for r in runs if r.settings.get("sweep_id") == sweep_id]
    order: dict[str, int] = {}
    swept: list[str] = []
    try:
        queue = SweepQueue.load(sweeps_root(runs_dir) / sweep_id)
    except SweepError:
        queue = None  # the queue file was deleted: the runs still say what differed
    if queue is not None:
        swept = list(queue.swept)
        order = {str(Path(i.run_dir).resolve()): i.index for i in queue.items if i.run_dir}
    if not swept:
        swept = _differing_settings(members)
    members.sort(key=lambda r: (order.get(str(r.path.resolve()), 10**9), r.path.name))
    rows = [
        SweepRow(
            order.get(str(run.path.resolve()), position),
            {k: run.settings.get(k) for k in swept},
            run.path,
            run.status,
            _number(run.summary.best_val_acc),
            _number(run.summary.test_acc),
            _number(run.summary.duration_seconds),
            _learned_nothing(run),
        )
        for position, run in enumerate(members, start=1)
    ]
    return SweepTable(sweep_id, swept, rows)


def _learned_nothing(run: RunInfo) -> bool:
    """The run's best validation or test accuracy is at chance (``cifar_gui.chance``)."""
    return chance_note(run.summary, None, run.num_classes) is not None


def _differing_settings(runs: list[RunInfo]) -> list[str]:
    return [key for key in SWEEPABLE if len({repr(r.settings.get(key)) for r in runs}) > 1]
