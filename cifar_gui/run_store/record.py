"""Run records on disk: one folder per training run, every file written atomically.

Layout::

    RUN_DIR/config.json    settings, data source, preprocessing statistics, versions
    RUN_DIR/history.csv    one row per finished epoch (rewritten atomically after each)
    RUN_DIR/summary.json   status, best epoch, timings, device, test metrics
    RUN_DIR/model.keras    the model after the last finished epoch; after a run that early
                           stopping ended, the best epoch's (summary.json's ``model_epoch``
                           says which epoch it holds)
    RUN_DIR/best.keras     the model of the best validation epoch
    RUN_DIR/last.keras     only when model.keras holds the best epoch: the state after the
                           last finished epoch, from which a resume continues
    RUN_DIR/error.txt      the traceback of a failed run
    RUN_DIR/test_predictions.npy  class probabilities of every test image (after evaluation)
    RUN_DIR/confusion_by_epoch.npy  the validation confusion matrix of every epoch

No TensorFlow here, so the runs table can be listed before TensorFlow has loaded.
"""

from __future__ import annotations

import csv
import io
import json
import os
import re
import secrets
import shutil
import zipfile
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from cifar_gui.atomic import atomic_write_text
from cifar_gui.i18n import _

try:
    import fcntl
except ImportError:  # Windows
    fcntl = None

HISTORY_FIELDS = ("epoch", "loss", "acc", "val_loss", "val_acc", "lr", "seconds")
STATUSES = ("running", "completed", "stopped", "failed")
MODEL_FILE = "model.keras"
BEST_MODEL_FILE = "best.keras"
LAST_MODEL_FILE = "last.keras"
PREDICTIONS_FILE = "test_predictions.npy"
LOCK_FILE = ".lock"
RUN_MARKERS = ("config.json", "summary.json")


def now_iso() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


def _slug(text: str) -> str:
    return re.sub(r"[^A-Za-z0-9._-]+", "-", text).strip("-") or "run"


# A run's own files are kilobytes; a run folder from a USB stick may not be the app's.
MAX_JSON_BYTES = 16 * 1024**2
MAX_HISTORY_BYTES = 64 * 1024**2


def _check_size(path: Path, limit: int) -> None:
    """Raise ``ValueError`` for a file larger than ``limit`` bytes, before reading it."""
    size = path.stat().st_size
    if size > limit:
        raise ValueError(
            _("{path}: {size:,} bytes is implausibly large (at most {limit:,})").format(
                path=path, size=size, limit=limit
            )
        )


class RunRecord:
    """Reads and writes the files of one run folder."""

    def __init__(self, path: str | os.PathLike[str]) -> None:
        self.path = Path(path)

    # ---- creation ---------------------------------------------------------------------------
    @classmethod
    def create(cls, runs_dir: str | os.PathLike[str], name: str) -> RunRecord:
        """A new, unique folder: two app instances starting at once never share one.

        The folder name keeps only the ASCII letters, digits and ``._-`` of ``name`` (any
        file system and shell takes it); the name itself, in any script, is the run's display
        name in ``summary.json``.
        """
        root = Path(runs_dir)
        root.mkdir(parents=True, exist_ok=True)
        stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
        while True:
            candidate = root / f"{stamp}-{_slug(name)}-{secrets.token_hex(2)}"
            try:
                candidate.mkdir()
            except FileExistsError:
                continue
            return cls(candidate)

    # ---- writing ----------------------------------------------------------------------------
    def write_json(self, name: str, data: dict[str, Any]) -> None:
        atomic_write_text(self.path / name, json.dumps(data, indent=2, sort_keys=False) + "\n")

    def write_config(self, config: dict[str, Any]) -> None:
        self.write_json("config.json", config)

    def write_summary(self, summary: dict[str, Any]) -> None:
        self.write_json("summary.json", summary)

    def update_summary(self, **changes: Any) -> dict[str, Any]:
        summary = self.read_summary()
        summary.update(changes)
        self.write_summary(summary)
        return summary

    def write_history(self, rows: list[dict[str, Any]]) -> None:
        buffer = io.StringIO()
        writer = csv.DictWriter(buffer, fieldnames=HISTORY_FIELDS, extrasaction="ignore")
        writer.writeheader()
        for row in rows:
            writer.writerow({k: _format(row.get(k)) for k in HISTORY_FIELDS})
        atomic_write_text(self.path / "history.csv", buffer.getvalue())

    def write_error(self, text: str) -> None:
        atomic_write_text(self.path / "error.txt", text)

    # ---- reading ----------------------------------------------------------------------------
    def read_json(self, name: str) -> dict[str, Any]:
        """A JSON object from the run folder (which may come from someone else: bounded)."""
        _check_size(self.path / name, MAX_JSON_BYTES)
        data = json.loads((self.path / name).read_text(encoding="utf-8"))
        if not isinstance(data, dict):
            raise ValueError(_("{path}: expected a JSON object").format(path=self.path / name))
        return data

    def read_config(self) -> dict[str, Any]:
        return self.read_json("config.json")

    def read_summary(self) -> dict[str, Any]:
        return self.read_json("summary.json")

    def read_history(self) -> list[dict[str, float]]:
        _check_size(self.path / "history.csv", MAX_HISTORY_BYTES)
        with open(self.path / "history.csv", encoding="utf-8", newline="") as handle:
            return [
                {
                    k: float(v) if k != "epoch" else int(v)
                    for k, v in row.items()
                    if v not in ("", None)
                }
                for row in csv.DictReader(handle)
            ]

    @property
    def model_path(self) -> Path:
        return self.path / MODEL_FILE

    @property
    def best_model_path(self) -> Path:
        return self.path / BEST_MODEL_FILE

    @property
    def last_model_path(self) -> Path:
        return self.path / LAST_MODEL_FILE

    def class_names(self) -> tuple[str, ...] | None:
        try:
            names = self.read_config().get("class_names")
        except (OSError, ValueError):
            return None
        return tuple(str(n) for n in names) if isinstance(names, list) else None


def _format(value: Any) -> Any:
    if isinstance(value, float):
        return f"{value:.6g}"
    return "" if value is None else value


class RunLock:
    """Held by the process training a run, released by the OS when that process dies.

    A run whose summary says ``running`` but whose lock is free was interrupted (a crash, a
    power cut, SIGKILL) and can be resumed; one whose lock is held is training now, possibly
    in another window. Uses ``flock`` where the OS has it; elsewhere nothing is locked and a
    ``running`` run is taken as interrupted.
    """

    def __init__(self, run_dir: str | os.PathLike[str]) -> None:
        self.path = Path(run_dir) / LOCK_FILE
        self._handle = None

    def acquire(self) -> None:
        """Raises ``RunInUseError`` when another process (or window) holds it."""
        handle = open(self.path, "a+b")  # noqa: SIM115 - kept open while the lock is held
        if fcntl is not None:
            try:
                fcntl.flock(handle.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
            except OSError:
                handle.close()
                raise RunInUseError(
                    _("{parent}: this run is training elsewhere").format(parent=self.path.parent)
                ) from None
        self._handle = handle

    def release(self) -> None:
        if self._handle is not None:
            self._handle.close()  # closing releases the flock
            self._handle = None

    def __enter__(self) -> RunLock:
        self.acquire()
        return self

    def __exit__(self, *_exc) -> None:
        self.release()


class RunInUseError(RuntimeError):
    """Another process is training this run."""


def is_in_use(run_dir: str | os.PathLike[str]) -> bool:
    """True while some process holds the run's lock."""
    lock = RunLock(run_dir)
    if fcntl is None or not lock.path.exists():
        return False
    try:
        lock.acquire()
    except RunInUseError:
        return True
    except OSError:
        return False
    lock.release()
    return False


@dataclass
class RunInfo:
    """One row of the runs table; ``problem`` says what is damaged, if anything."""

    path: Path
    summary: dict[str, Any]
    settings: dict[str, Any]
    problem: str | None = None
    data: dict[str, Any] | None = None

    @property
    def name(self) -> str:
        """The name the user gave (renaming changes only this), else the folder's."""
        return str(self.summary.get("name") or self.path.name)

    interrupted: bool = False  # "running" on disk, but no process is training it

    @property
    def status(self) -> str:
        if self.problem:
            return "damaged"
        if self.interrupted:
            return "interrupted"
        return str(self.summary.get("status") or "unknown")


def display_name(path: str | os.PathLike[str]) -> str:
    """The name a run is shown by: the one the user gave (in any script), else its folder's."""
    try:
        name = RunRecord(path).read_summary().get("name")
    except (OSError, ValueError):
        name = None
    return str(name) if isinstance(name, str) and name.strip() else Path(path).name


def rename_run(path: str | os.PathLike[str], name: str) -> None:
    """Give a run a display name; the folder keeps its name so paths held elsewhere stay valid."""
    name = name.strip()
    if not name:
        raise ValueError(_("a run name cannot be empty"))
    RunRecord(path).update_summary(name=name)


def is_run_folder(path: str | os.PathLike[str]) -> bool:
    return Path(path).is_dir() and any((Path(path) / m).is_file() for m in RUN_MARKERS)


def delete_run(path: str | os.PathLike[str]) -> None:
    """Delete a run folder; refuses anything that is not one, so a wrong path costs nothing."""
    folder = Path(path)
    if folder.is_symlink() or not is_run_folder(folder):
        raise ValueError(_("{folder}: not a run folder; nothing was deleted").format(folder=folder))
    if is_in_use(folder):
        raise ValueError(_("{name}: is training now; stop it first").format(name=folder.name))
    shutil.rmtree(folder)


def list_runs(runs_dir: str | os.PathLike[str]) -> list[RunInfo]:
    """Every run folder under ``runs_dir``, newest first; a damaged run is listed, never fatal."""
    root = Path(runs_dir)
    if not root.is_dir():
        return []
    runs = []
    folders = (p for p in root.iterdir() if p.is_dir() and not p.name.startswith("."))
    for folder in sorted(folders, reverse=True):
        if not any((folder / name).exists() for name in (*RUN_MARKERS, MODEL_FILE, "history.csv")):
            continue  # not a run: some other folder the user keeps here
        record = RunRecord(folder)
        problems = []
        try:
            summary = record.read_summary()
        except (OSError, ValueError) as exc:
            summary, problems = (
                {},
                [_("summary.json unreadable ({type})").format(type=exc.__class__.__name__)],
            )
        try:
            config = record.read_config()
            settings, data = config.get("settings") or {}, config.get("data") or {}
        except (OSError, ValueError) as exc:
            settings, data = {}, {}
            problems.append(
                _("config.json unreadable ({type})").format(type=exc.__class__.__name__)
            )
        if not isinstance(settings, dict) or not isinstance(data, dict):
            settings, data = {}, {}
            problems.append(_("config.json has no settings"))
        problems += _file_problems(record)
        interrupted = summary.get("status") == "running" and not is_in_use(folder)
        runs.append(
            RunInfo(folder, summary, settings, "; ".join(problems) or None, data, interrupted)
        )
    return runs


def _file_problems(record: RunRecord) -> list[str]:
    """Cheap checks of the files a user opens from the table (no model is loaded)."""
    problems = []
    history = record.path / "history.csv"
    if history.is_file():
        try:
            record.read_history()
        except (OSError, ValueError, KeyError) as exc:
            problems.append(
                _("history.csv unreadable ({type})").format(type=exc.__class__.__name__)
            )
    for path in (record.model_path, record.best_model_path, record.last_model_path):
        if path.is_file() and not zipfile.is_zipfile(path):
            problems.append(
                _("{name} is damaged (not a complete Keras file)").format(name=path.name)
            )
    return problems
