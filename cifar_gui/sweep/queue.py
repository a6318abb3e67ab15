"""A sweep's queue on disk, so the runs not yet trained survive a closed window or a killed CLI.

Layout: ``RUNS_DIR/.sweeps/SWEEP_ID/queue.json`` (the leading dot keeps it out of the runs
table), rewritten atomically after every change. The process working through a sweep holds
``RUNS_DIR/.sweeps/SWEEP_ID/.lock`` (the run lock of ``cifar_gui.run_store.lock``), so the window and a
CLI never train the same sweep at once, and a sweep whose lock is free but whose queue has
runs left was interrupted and can be offered again.

Item states: ``pending``, ``running`` (with the run folder once it exists), then the run's
status (``completed``, ``stopped``, ``failed``) or ``cancelled``.
"""

from __future__ import annotations

import json
import logging
import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from cifar_gui.atomic import atomic_write_text
from cifar_gui.config import ConfigError, TrainConfig
from cifar_gui.i18n import _
from cifar_gui.json_problem import json_problem
from cifar_gui.paths import default_runs_dir
from cifar_gui.run_store.files import MODEL
from cifar_gui.run_store.listing import list_runs
from cifar_gui.run_store.lock import RunInUseError, RunLock, is_in_use
from cifar_gui.run_store.record import now_iso
from cifar_gui.sweep.spec import SweepError, SweepRun, combination_label, expand

log = logging.getLogger(__name__)

SWEEPS_FOLDER = ".sweeps"
QUEUE_FILE = "queue.json"
MAX_QUEUE_BYTES = 4 * 1024 * 1024  # a queue file is untrusted: never read a huge one
FINISHED_STATES = ("completed", "stopped", "failed", "cancelled")


@dataclass
class SweepItem:
    """One queued run: its number, what it varies, its settings and where it stands."""

    index: int
    combination: dict[str, Any]
    settings: dict[str, Any]
    state: str = "pending"
    run_dir: str | None = None

    @property
    def label(self) -> str:
        return combination_label(self.combination)

    def config(self) -> TrainConfig:
        return TrainConfig.from_dict(self.settings)

    @property
    def runs_dir(self) -> Path:
        return Path(self.settings.get("runs_dir") or default_runs_dir())

    def find_run(self) -> Path | None:
        """This item's newest run folder (found by its sweep id and run name), if any."""
        return find_run(self.runs_dir, self.settings.get("sweep_id"), self.settings.get("run_name"))


@dataclass
class SweepQueue:
    """The runs of one sweep and their states, kept in ``folder/queue.json``."""

    sweep_id: str
    folder: Path
    swept: list[str]
    items: list[SweepItem] = field(default_factory=list)
    mode: str = "grid"
    created_at: str = field(default_factory=now_iso)
    paused: bool = False
    _lock: RunLock | None = field(default=None, repr=False, compare=False)

    # ---- creating, saving, loading ----------------------------------------------------------
    @classmethod
    def create(
        cls, runs_dir: str | os.PathLike[str], runs: list[SweepRun], swept: list[str], mode: str
    ) -> SweepQueue:
        """A new queue file for ``runs`` (all tagged with the same sweep id), saved at once."""
        if not runs:
            raise SweepError(None, _("a sweep needs at least one run"))
        sweep_id = runs[0].config.sweep_id
        folder = Path(runs_dir) / SWEEPS_FOLDER / sweep_id
        folder.mkdir(parents=True, exist_ok=False)
        queue = cls(sweep_id, folder, list(swept), mode=mode)
        queue.items = [SweepItem(r.index, r.combination, r.config.to_dict()) for r in runs]
        queue.save()
        return queue

    @property
    def path(self) -> Path:
        return self.folder / QUEUE_FILE

    def to_dict(self) -> dict[str, Any]:
        return {
            "version": 1,
            "sweep_id": self.sweep_id,
            "swept": self.swept,
            "mode": self.mode,
            "created_at": self.created_at,
            "paused": self.paused,
            "items": [
                {k: getattr(i, k) for k in ("index", "combination", "settings", "state", "run_dir")}
                for i in self.items
            ],
        }

    def save(self) -> None:
        atomic_write_text(self.path, json.dumps(self.to_dict(), indent=1) + "\n")

    @classmethod
    def load(cls, folder: str | os.PathLike[str]) -> SweepQueue:
        """Read and check a queue file; ``SweepError`` in one sentence when it is not usable."""
        folder = Path(folder)
        path = folder / QUEUE_FILE
        try:
            if path.stat().st_size > MAX_QUEUE_BYTES:
                raise SweepError(None, _("{path}: too large to be a sweep queue").format(path=path))
            data = _parse(path, path.read_text(encoding="utf-8"))
            queue = cls(str(data["sweep_id"]), folder, [str(s) for s in data["swept"]])
            queue.mode, queue.created_at = str(data["mode"]), str(data["created_at"])
            queue.paused = bool(data.get("paused", False))
            for raw in data["items"]:
                item = SweepItem(
                    int(raw["index"]), dict(raw["combination"]), dict(raw["settings"]),
                    str(raw["state"]), raw["run_dir"] if raw["run_dir"] is None else str(raw["run_dir"]),
                )  # fmt: skip
                item.config().validate()  # settings from a file: checked before anything runs
                queue.items.append(item)
        except (OSError, ValueError, KeyError, TypeError) as exc:  # ValueError: bad encoding,
            # bad settings, a field of the wrong kind
            if isinstance(exc, SweepError):
                raise
            why = (
                exc
                if isinstance(exc, ConfigError | OSError | UnicodeDecodeError)
                else _("a field is missing or of the wrong type")  # not Python's own words
            )
            raise SweepError(
                None, _("{path}: not a readable sweep queue ({why})").format(path=path, why=why)
            ) from exc
        return queue

    # ---- ownership --------------------------------------------------------------------------
    def acquire(self) -> None:
        """Own this sweep for this process; ``SweepError`` when another process trains it."""
        lock = RunLock(self.folder)
        try:
            lock.acquire()
        except RunInUseError:
            raise SweepError(
                None, _("{sweep_id} is being trained elsewhere").format(sweep_id=self.sweep_id)
            ) from None
        self._lock = lock

    def release(self) -> None:
        if self._lock is not None:
            self._lock.release()
            self._lock = None

    # ---- the queue --------------------------------------------------------------------------
    def next_pending(self) -> SweepItem | None:
        return next((item for item in self.items if item.state == "pending"), None)

    @property
    def remaining(self) -> list[SweepItem]:
        """The runs still to train (an interrupted ``running`` one first)."""
        return [i for i in self.items if i.state not in FINISHED_STATES]

    def mark_running(self, item: SweepItem, run_dir: str | None = None) -> None:
        item.state, item.run_dir = "running", run_dir or item.run_dir
        self.save()

    def mark_finished(self, item: SweepItem, status: str, run_dir: str | None) -> None:
        item.state, item.run_dir = status, run_dir or item.run_dir
        self.save()

    def set_paused(self, paused: bool) -> None:
        self.paused = paused
        self.save()

    def cancel_pending(self) -> int:
        """Drop the runs not yet started; returns how many."""
        pending = [item for item in self.items if item.state == "pending"]
        for item in pending:
            item.state = "cancelled"
        self.save()
        return len(pending)

    def extend(self, base: TrainConfig, combinations: list[dict[str, Any]]) -> list[SweepItem]:
        """Append more runs to this sweep (numbered on from the last); they wait as pending."""
        first = max((item.index for item in self.items), default=0) + 1
        runs = expand(base, combinations, self.sweep_id, first_index=first)
        added = [SweepItem(r.index, r.combination, r.config.to_dict()) for r in runs]
        self.items.extend(added)
        for key in (k for c in combinations for k in c):
            if key not in self.swept:
                self.swept.append(key)
        self.save()
        return added

    def recover(self) -> None:
        """After a crash, for each item left ``running``: with a run folder holding a saved
        model, it stays ``running`` with that folder (to be resumed from its last saved
        epoch); without one, it is ``pending`` again and starts from scratch."""
        for item in self.items:
            if item.state != "running":
                continue
            folder = Path(item.run_dir) if item.run_dir else item.find_run()
            if folder is not None and (folder / MODEL).is_file():
                item.run_dir = str(folder)
            else:
                item.state, item.run_dir = "pending", None
        self.save()


def _parse(path: Path, text: str) -> Any:
    """``json.loads``, refused in one sentence (``json_problem``): broken syntax, a number too
    long to read, nesting deeper than Python's parser goes."""
    try:
        return json.loads(text)
    except (ValueError, RecursionError) as exc:
        raise SweepError(
            None,
            _("{path}: not a readable sweep queue ({why})").format(
                path=path, why=json_problem(exc)
            ),
        ) from None


def find_run(runs_dir: Path, sweep_id: str | None, run_name: str | None) -> Path | None:
    """The newest run folder in ``runs_dir`` made with this sweep id and run name."""
    for run in list_runs(runs_dir):
        if run.settings.get("sweep_id") == sweep_id and run.settings.get("run_name") == run_name:
            return run.path
    return None


def sweeps_root(runs_dir: str | os.PathLike[str]) -> Path:
    return Path(runs_dir) / SWEEPS_FOLDER


def unfinished_sweeps(runs_dir: str | os.PathLike[str]) -> list[SweepQueue]:
    """Sweeps with runs left whose process is gone (closed window, killed CLI), newest first.

    A damaged queue file is logged and skipped, never fatal."""
    root = sweeps_root(runs_dir)
    if not root.is_dir():
        return []
    found = []
    for folder in sorted((p for p in root.iterdir() if p.is_dir()), reverse=True):
        if is_in_use(folder):
            continue  # another window or CLI is working through it
        try:
            queue = SweepQueue.load(folder)
        except SweepError as exc:
            log.warning("skipping sweep queue: %s", exc)
            continue
        if queue.remaining:
            found.append(queue)
    return found
