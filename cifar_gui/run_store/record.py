"""One run folder's files, read and written: every write atomic, every read bounded.

The file names and the layout are in ``files``; ``summary.json`` and ``config.json`` are
typed in ``summary`` and ``config_file``. No TensorFlow here, so the runs table can be listed
before TensorFlow has loaded.
"""

from __future__ import annotations

import csv
import io
import json
import os
import re
import secrets
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from cifar_gui.atomic import atomic_write_text
from cifar_gui.i18n import _
from cifar_gui.json_problem import json_problem
from cifar_gui.run_store import files
from cifar_gui.run_store.config_file import ConfigFile
from cifar_gui.run_store.fields import RunFormatError
from cifar_gui.run_store.summary import RunSummary


def now_iso() -> str:
    """The time now, UTC, ISO 8601 to the second: the times stored in a run's files."""
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


def is_run_folder(path: str | os.PathLike[str]) -> bool:
    """A folder holding ``config.json`` or ``summary.json``."""
    return Path(path).is_dir() and any((Path(path) / m).is_file() for m in files.RUN_MARKERS)


class RunRecord:
    """Reads and writes the files of one run folder.

    ``load_summary``/``load_config`` give the typed files; ``read_summary``/``read_config``
    give the same files, checked just as strictly, as the JSON object (for the training loop,
    which keeps its summary as a dict it updates). Every reader raises ``ValueError`` (its
    ``RunFormatError`` for a wrong field or a newer format) or ``OSError`` in one line.
    """

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

    def write_config(self, config: ConfigFile | dict[str, Any]) -> None:
        """Write ``config.json`` (a dict is written as it is: tests build partial ones)."""
        data = config.to_json() if isinstance(config, ConfigFile) else config
        self.write_json(files.CONFIG, data)

    def write_summary(self, summary: RunSummary | dict[str, Any]) -> None:
        """Write ``summary.json`` (a dict is written as it is: the training loop's own)."""
        data = summary.to_json() if isinstance(summary, RunSummary) else summary
        self.write_json(files.SUMMARY, data)

    def update_summary(self, **changes: Any) -> dict[str, Any]:
        summary = self.read_summary()
        summary.update(changes)
        self.write_summary(summary)
        return summary

    def write_history(self, rows: list[dict[str, Any]]) -> None:
        buffer = io.StringIO()
        writer = csv.DictWriter(buffer, fieldnames=files.HISTORY_FIELDS, extrasaction="ignore")
        writer.writeheader()
        for row in rows:
            writer.writerow({k: _format(row.get(k)) for k in files.HISTORY_FIELDS})
        atomic_write_text(self.path / files.HISTORY, buffer.getvalue())

    def write_error(self, text: str) -> None:
        atomic_write_text(self.path / files.ERROR, text)

    # ---- reading ----------------------------------------------------------------------------
    def read_json(self, name: str) -> dict[str, Any]:
        """A JSON object from the run folder (which may come from someone else: bounded in
        size, and in depth: Python's parser raises ``RecursionError`` at about 1,000 levels)."""
        _check_size(self.path / name, MAX_JSON_BYTES)
        try:
            data = json.loads((self.path / name).read_text(encoding="utf-8"))
        except RecursionError:
            raise RunFormatError(
                _("{path}: nested too deeply to be a run file").format(path=self.path / name)
            ) from None
        except ValueError as exc:  # not JSON, or a number too long to read
            raise ValueError(
                _("{path} is not valid JSON ({error}).").format(
                    path=self.path / name, error=json_problem(exc)
                )
            ) from None
        if not isinstance(data, dict):
            raise ValueError(_("{path}: expected a JSON object").format(path=self.path / name))
        return data

    def load_config(self) -> ConfigFile:
        """``config.json``, every field's type checked."""
        return ConfigFile.from_json(self.read_json(files.CONFIG), str(self.path / files.CONFIG))

    def load_summary(self) -> RunSummary:
        """``summary.json``, every field's type checked."""
        return RunSummary.from_json(self.read_json(files.SUMMARY), str(self.path / files.SUMMARY))

    def read_config(self) -> dict[str, Any]:
        """``config.json`` as its JSON object, after the checks of ``load_config``."""
        data = self.read_json(files.CONFIG)
        ConfigFile.from_json(data, str(self.path / files.CONFIG))
        return data

    def read_summary(self) -> dict[str, Any]:
        """``summary.json`` as its JSON object, after the checks of ``load_summary``."""
        data = self.read_json(files.SUMMARY)
        RunSummary.from_json(data, str(self.path / files.SUMMARY))
        return data

    def read_history(self) -> list[dict[str, float]]:
        _check_size(self.path / files.HISTORY, MAX_HISTORY_BYTES)
        with open(self.path / files.HISTORY, encoding="utf-8", newline="") as handle:
            return [
                {
                    k: float(v) if k != "epoch" else int(v)
                    for k, v in row.items()
                    if v not in ("", None)
                }
                for row in csv.DictReader(handle)
            ]

    @property
    def history_path(self) -> Path:
        return self.path / files.HISTORY

    @property
    def model_path(self) -> Path:
        return self.path / files.MODEL

    @property
    def best_model_path(self) -> Path:
        return self.path / files.BEST_MODEL

    @property
    def last_model_path(self) -> Path:
        return self.path / files.LAST_MODEL

    @property
    def error_path(self) -> Path:
        return self.path / files.ERROR

    @property
    def predictions_path(self) -> Path:
        return self.path / files.PREDICTIONS

    def class_names(self) -> tuple[str, ...] | None:
        """The class names ``config.json`` records, or None when it has none or is unreadable."""
        try:
            names = self.load_config().class_names
        except (OSError, ValueError):
            return None
        return tuple(names) if names is not None else None


def _format(value: Any) -> Any:
    if isinstance(value, float):
        return f"{value:.6g}"
    return "" if value is None else value
