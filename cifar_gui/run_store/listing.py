"""The runs of a folder, for the runs table, the Classify tab and sweeps; renaming and deleting.

A damaged run is listed with what is damaged (``RunInfo.problem``), never fatal: a run folder
may come from a USB stick or another release.
"""

from __future__ import annotations

import os
import shutil
import zipfile
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from cifar_gui.i18n import _
from cifar_gui.run_store import files
from cifar_gui.run_store.config_file import ConfigFile
from cifar_gui.run_store.fields import RunFormatError
from cifar_gui.run_store.lock import is_in_use
from cifar_gui.run_store.record import RunRecord, is_run_folder
from cifar_gui.run_store.summary import RunSummary


@dataclass
class RunInfo:
    """One row of the runs table; ``problem`` says what is damaged, if anything.

    ``settings`` and ``data`` are ``config.json``'s (empty when it is unreadable)."""

    path: Path
    summary: RunSummary
    settings: dict[str, Any]
    problem: str | None = None
    data: dict[str, Any] = field(default_factory=dict)
    interrupted: bool = False  # "running" on disk, but no process is training it
    num_classes: int | None = None  # the classes config.json names (None: not recorded)

    @property
    def name(self) -> str:
        """The name the user gave (renaming changes only this), else the folder's."""
        return self.summary.name or self.path.name

    @property
    def status(self) -> str:
        if self.problem:
            return "damaged"
        if self.interrupted:
            return "interrupted"
        return self.summary.status or "unknown"


def display_name(path: str | os.PathLike[str]) -> str:
    """The name a run is shown by: the one the user gave (in any script), else its folder's."""
    try:
        name = RunRecord(path).load_summary().display_name
    except (OSError, ValueError):
        name = None
    return name or Path(path).name


def rename_run(path: str | os.PathLike[str], name: str) -> None:
    """Give a run a display name; the folder keeps its name so paths held elsewhere stay valid."""
    name = name.strip()
    if not name:
        raise ValueError(_("a run name cannot be empty"))
    record = RunRecord(path)
    record.write_summary(replace(record.load_summary(), name=name))


def delete_run(path: str | os.PathLike[str]) -> None:
    """Delete a run folder; refuses anything that is not one, so a wrong path costs nothing."""
    folder = Path(path)
    if folder.is_symlink() or not is_run_folder(folder):
        raise ValueError(_("{folder}: not a run folder; nothing was deleted").format(folder=folder))
    if is_in_use(folder):
        raise ValueError(_("{name}: is training now; stop it first").format(name=folder.name))
    shutil.rmtree(folder)


def _unreadable(file_name: str, exc: Exception) -> str:
    """The problem for a file that cannot be read: a format refusal says which field."""
    if isinstance(exc, RunFormatError):
        return _("{file} unreadable: {reason}").format(file=file_name, reason=exc)
    return _("{file} unreadable ({type})").format(file=file_name, type=exc.__class__.__name__)


def read_run(folder: Path) -> RunInfo:
    """One run folder as a row of the runs table; a damaged file is a problem, never raised."""
    record = RunRecord(folder)
    problems = []
    try:
        summary = record.load_summary()
    except (OSError, ValueError) as exc:
        summary = RunSummary(format_version=1)
        problems.append(_unreadable(files.SUMMARY, exc))
    try:
        config = record.load_config()
    except (OSError, ValueError) as exc:
        config = ConfigFile()
        problems.append(_unreadable(files.CONFIG, exc))
    problems += _file_problems(record)
    interrupted = summary.status == "running" and not is_in_use(folder)
    problem = "; ".join(problems) or None
    classes = len(config.class_names) if config.class_names else None
    return RunInfo(
        folder, summary, config.settings or {}, problem, config.data, interrupted, classes
    )


def list_runs(runs_dir: str | os.PathLike[str]) -> list[RunInfo]:
    """Every run folder under ``runs_dir``, newest first; a damaged run is listed, never fatal."""
    root = Path(runs_dir)
    if not root.is_dir():
        return []
    folders = (p for p in root.iterdir() if p.is_dir() and not p.name.startswith("."))
    markers = (*files.RUN_MARKERS, files.MODEL, files.HISTORY)
    return [
        read_run(folder)
        for folder in sorted(folders, reverse=True)
        if any((folder / name).exists() for name in markers)  # else some other folder kept here
    ]


def _file_problems(record: RunRecord) -> list[str]:
    """Cheap checks of the files a user opens from the table (no model is loaded)."""
    problems = []
    if record.history_path.is_file():
        try:
            record.read_history()
        except (OSError, ValueError, KeyError) as exc:
            problems.append(_unreadable(files.HISTORY, exc))
    for path in (record.model_path, record.best_model_path, record.last_model_path):
        if path.is_file() and not zipfile.is_zipfile(path):
            problems.append(
                _("{name} is damaged (not a complete Keras file)").format(name=path.name)
            )
    return problems
