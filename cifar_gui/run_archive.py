"""A run as one zip file: the model (its preprocessing inside), settings, history, class names,
summary and the validation confusion of every epoch, to hand to a colleague or to
``cifar-gui predict``.

Opening a zip someone sent is reading untrusted input: only the known member names are taken,
never a path from inside the archive, and sizes are bounded before anything is extracted.
No TensorFlow here.
"""

from __future__ import annotations

import json
import os
import zipfile
from pathlib import Path

from cifar_gui.atomic import atomic_path
from cifar_gui.confusion_history import CONFUSION_FILE
from cifar_gui.runs import MODEL_FILE, RunRecord

MEMBERS = (
    MODEL_FILE, "config.json", "history.csv", "summary.json", "class_names.json", CONFUSION_FILE
)  # fmt: skip
REQUIRED = (MODEL_FILE, "config.json")
MAX_MEMBER_BYTES = 2 * 1024**3  # a CIFAR model is tens of MB; 2 GB means something is wrong
MAX_RATIO = 200  # more than 200:1 compression is a zip bomb, not a model


class RunArchiveError(ValueError):
    """The zip is not a usable run export; the message says why."""


def export_run(run_dir: str | os.PathLike[str], zip_path: str | os.PathLike[str]) -> Path:
    """Write ``zip_path`` atomically; returns it. The run folder is only read."""
    record = RunRecord(run_dir)
    if not record.model_path.is_file():
        raise RunArchiveError(f"{record.path}: no {MODEL_FILE} yet (no epoch has finished)")
    config = record.read_config()
    target = Path(zip_path)
    with atomic_path(target) as tmp, zipfile.ZipFile(tmp, "w") as archive:
        # The .keras file is already compressed; storing it avoids a pointless second pass.
        archive.write(record.model_path, MODEL_FILE, compress_type=zipfile.ZIP_STORED)
        for name in ("config.json", "history.csv", "summary.json", CONFUSION_FILE):
            if (record.path / name).is_file():
                archive.write(record.path / name, name, compress_type=zipfile.ZIP_DEFLATED)
        archive.writestr(
            "class_names.json",
            json.dumps(config.get("class_names") or []),
            compress_type=zipfile.ZIP_DEFLATED,
        )
    return target


def is_run_archive(path: str | os.PathLike[str]) -> bool:
    """A run export (holds ``model.keras``), as opposed to a ``.keras`` file (also a zip)."""
    try:
        with zipfile.ZipFile(path) as archive:
            return MODEL_FILE in archive.namelist()
    except (OSError, zipfile.BadZipFile):
        return False


def unpack_run_archive(zip_path: str | os.PathLike[str], into: str | os.PathLike[str]) -> RunRecord:
    """Extract the known members into the folder ``into``; returns it as a run record."""
    zip_path, folder = Path(zip_path), Path(into)
    try:
        archive = zipfile.ZipFile(zip_path)
    except (OSError, zipfile.BadZipFile) as exc:
        raise RunArchiveError(f"{zip_path}: not a readable zip file ({exc})") from exc
    with archive:
        infos = {info.filename: info for info in archive.infolist()}
        missing = [name for name in REQUIRED if name not in infos]
        if missing:
            raise RunArchiveError(
                f"{zip_path}: not a run export from cifar-gui (no {', '.join(missing)})"
            )
        folder.mkdir(parents=True, exist_ok=True)
        for name in MEMBERS:
            info = infos.get(name)
            if info is None:
                continue
            if info.file_size > MAX_MEMBER_BYTES or info.file_size > MAX_RATIO * max(
                info.compress_size, 1024
            ):
                raise RunArchiveError(f"{zip_path}: {name} is implausibly large; not extracted")
            try:
                with archive.open(info) as source, open(folder / name, "wb") as target:
                    copied = _copy_bounded(source, target, info.file_size)
            except (OSError, zipfile.BadZipFile, EOFError) as exc:
                raise RunArchiveError(f"{zip_path}: {name} is damaged ({exc})") from exc
            if copied != info.file_size:
                raise RunArchiveError(f"{zip_path}: {name} does not match its stated size")
    return RunRecord(folder)


def _copy_bounded(source, target, limit: int) -> int:
    """Copy at most ``limit`` + 1 bytes: a lying size header cannot fill the disk."""
    copied = 0
    while chunk := source.read(min(1024 * 1024, limit + 1 - copied)):
        target.write(chunk)
        copied += len(chunk)
        if copied > limit:
            break
    return copied
