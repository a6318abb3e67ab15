"""A run as one zip file: the model (its preprocessing inside), settings, history, class names,
summary and the validation confusion of every epoch, to hand to a colleague or to
``cifar-gui predict``.

Opening a zip someone sent is reading untrusted input: only the known member names are taken,
never a path from inside the archive; encrypted members, unknown compression methods, duplicate
names and implausible sizes are refused from the central directory, and the ``model.keras``
inside goes through every ``.keras`` check (``keras_file_check``) before anything is extracted.
No TensorFlow here.
"""

from __future__ import annotations

import json
import os
import zipfile
from pathlib import Path

from cifar_gui.atomic import atomic_path
from cifar_gui.i18n import _
from cifar_gui.keras_file_check import (
    KERAS_LIMITS,
    KerasFileRefused,
    check_keras_stream,
    check_keras_version,
)
from cifar_gui.run_store.files import CLASS_NAMES, CONFIG, CONFUSION, HISTORY, MODEL, SUMMARY
from cifar_gui.run_store.record import RunRecord, is_run_folder
from cifar_gui.safe_zip import (
    ZipLimits,
    ZipRefused,
    checked_members,
    copy_bounded,
    open_member_seekable,
)

MEMBERS = (MODEL, CONFIG, HISTORY, SUMMARY, CLASS_NAMES, CONFUSION)
REQUIRED = (MODEL, CONFIG)
MAX_MEMBER_BYTES = 64 * 1024**2  # the settings, history and summary of a run are kilobytes
MAX_RATIO = 200  # more than 200:1 compression is a zip bomb, not a run
RUN_LIMITS = ZipLimits(
    member_bytes={
        name: KERAS_LIMITS.max_total_bytes if name == MODEL else MAX_MEMBER_BYTES
        for name in MEMBERS
    },
    required=(),  # checked below, with a sentence about what the zip is
    max_total_bytes=KERAS_LIMITS.max_total_bytes + len(MEMBERS) * MAX_MEMBER_BYTES,
    max_ratio=MAX_RATIO,
    max_members=32,  # files a later version may add are skipped, not extracted
    others_bytes=MAX_MEMBER_BYTES,
)


class RunArchiveError(ValueError):
    """The zip is not a usable run export; the message says why."""


def export_run(run_dir: str | os.PathLike[str], zip_path: str | os.PathLike[str]) -> Path:
    """Write ``zip_path`` atomically; returns it. The run folder is only read."""
    record = RunRecord(run_dir)
    if not record.path.is_dir():
        raise RunArchiveError(_("{path}: no such folder").format(path=record.path))
    if not is_run_folder(record.path):
        raise RunArchiveError(
            _("{path}: not a run folder (no config.json or summary.json)").format(path=record.path)
        )
    if not record.model_path.is_file():
        raise RunArchiveError(
            _("{path}: no {model_file} yet (no epoch has finished)").format(
                path=record.path, model_file=MODEL
            )
        )
    class_names = record.load_config().class_names
    target = Path(zip_path)
    with atomic_path(target) as tmp, zipfile.ZipFile(tmp, "w") as archive:
        # The .keras file is already compressed; storing it avoids a pointless second pass.
        archive.write(record.model_path, MODEL, compress_type=zipfile.ZIP_STORED)
        for name in (CONFIG, HISTORY, SUMMARY, CONFUSION):
            if (record.path / name).is_file():
                archive.write(record.path / name, name, compress_type=zipfile.ZIP_DEFLATED)
        archive.writestr(
            CLASS_NAMES,
            json.dumps(class_names or []),
            compress_type=zipfile.ZIP_DEFLATED,
        )
    return target


def is_run_archive(path: str | os.PathLike[str]) -> bool:
    """A run export (holds ``model.keras``), as opposed to a ``.keras`` file (also a zip)."""
    try:
        with zipfile.ZipFile(path) as archive:
            return MODEL in archive.namelist()
    except (OSError, zipfile.BadZipFile):
        return False


def unpack_run_archive(
    zip_path: str | os.PathLike[str],
    into: str | os.PathLike[str],
    members: tuple[str, ...] = MEMBERS,
) -> RunRecord:
    """Extract the known members (those of ``members`` present) into the folder ``into``;
    returns it as a run record. The model is checked only when ``members`` asks for it: a
    reader of the history or the confusion series never touches it. Raises
    ``RunArchiveError`` in one line."""
    zip_path, folder = Path(zip_path), Path(into)
    try:
        archive = zipfile.ZipFile(zip_path)
    except (OSError, zipfile.BadZipFile) as exc:
        raise RunArchiveError(
            _("{zip_path}: not a readable zip file ({error})").format(zip_path=zip_path, error=exc)
        ) from exc
    with archive:
        try:
            infos = checked_members(archive, RUN_LIMITS)
        except ZipRefused as exc:
            raise RunArchiveError(
                _("{zip_path}: refused: the zip {error}").format(zip_path=zip_path, error=exc)
            ) from exc
        missing = [name for name in REQUIRED if name not in infos]
        if missing:
            raise RunArchiveError(
                _("{zip_path}: not a run export from cifar-gui (no {missing})").format(
                    zip_path=zip_path, missing=", ".join(missing)
                )
            )
        if MODEL in members:
            _check_inner_model(archive, infos[MODEL], zip_path)
        folder.mkdir(parents=True, exist_ok=True)
        for name, info in infos.items():
            if name in members:
                _extract(archive, info, folder / name, zip_path)
    return RunRecord(folder)


def _check_inner_model(archive: zipfile.ZipFile, info: zipfile.ZipInfo, zip_path: Path) -> None:
    """Run the ``.keras`` checks on the model inside the zip, reading it in place."""
    try:
        installed = check_keras_version()
        with open_member_seekable(archive, info) as inner:
            check_keras_stream(inner, f"{zip_path}:{MODEL}", installed)
    except KerasFileRefused as exc:
        raise RunArchiveError(str(exc)) from exc
    except ZipRefused as exc:
        raise RunArchiveError(
            _("{zip_path}: refused: the zip {error}").format(zip_path=zip_path, error=exc)
        ) from exc
    except (OSError, zipfile.BadZipFile, EOFError) as exc:
        raise RunArchiveError(
            _("{zip_path}: {model_file} is damaged ({error})").format(
                zip_path=zip_path, model_file=MODEL, error=exc
            )
        ) from exc


def _extract(archive: zipfile.ZipFile, info: zipfile.ZipInfo, target: Path, zip_path: Path):
    try:
        with archive.open(info) as source, open(target, "wb") as sink:
            copied = copy_bounded(source, sink, info.file_size)
    except (OSError, zipfile.BadZipFile, EOFError) as exc:
        raise RunArchiveError(
            _("{zip_path}: {filename} is damaged ({error})").format(
                zip_path=zip_path, filename=info.filename, error=exc
            )
        ) from exc
    if copied != info.file_size:
        raise RunArchiveError(
            _("{zip_path}: {filename} does not match its stated size").format(
                zip_path=zip_path, filename=info.filename
            )
        )
