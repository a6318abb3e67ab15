"""Everything checked about a ``.keras`` file before ``keras.saving.load_model`` may open it.

In order: the installed Keras is not older than ``KERAS_FLOOR`` (older releases run code from
model files even in safe mode); the file is named ``.keras`` (Keras picks its loader from the
name) and is a plain zip from its first byte, with no HDF5 superblock inside (an HDF5/zip
polyglot); the zip holds exactly ``config.json``, ``metadata.json`` and ``model.weights.h5``,
unencrypted, stored or deflated, each within its size; the writer's Keras version can be read;
the config passes the allow-list (``keras_config_check``); the layers it describes stay within
``MAX_WEIGHTS`` weights and ``MAX_ACTIVATION`` values per image (``keras_shapes``); and the
weights file declares no more than those layers need (``keras_weights_check``).
``docs/security.md`` lists which advisory each check closes. No TensorFlow here.
"""

from __future__ import annotations

import importlib.metadata
import json
import os
import re
import zipfile
from dataclasses import dataclass
from pathlib import Path
from typing import IO, Any

from cifar_gui.i18n import _, os_error_text
from cifar_gui.keras_config_check import ConfigRefused, check_config
from cifar_gui.keras_shapes import ShapeRefused, model_size
from cifar_gui.keras_weights_check import WeightsRefused, check_weights
from cifar_gui.safe_zip import ZipLimits, ZipRefused, checked_members, read_bounded

# 3.13.2 is the lowest release that blocks CVE-2025-1550, -8747, -9905, -9906 and CVE-2026-1462
# on the load path; the 3.15 line adds the path checks on archive members that 3.14 lacks.
KERAS_FLOOR = (3, 15, 1)
MiB = 1024**2
KERAS_LIMITS = ZipLimits(
    member_bytes={
        "config.json": 8 * MiB,
        "metadata.json": 64 * 1024,
        "model.weights.h5": 512 * MiB,
    },
    required=("config.json", "metadata.json", "model.weights.h5"),
    max_total_bytes=520 * MiB,
)
MAX_WEIGHTS = 50_000_000  # 200 MB of float32; the app's largest model has about 1.2 million
MAX_ACTIVATION = 4_000_000  # values per image in one layer's output (the app's: 32,768)
HDF5_SIGNATURE = b"\x89HDF\r\n\x1a\n"
ZIP_SIGNATURE = b"PK\x03\x04"
VERSION = re.compile(r"(\d+)\.(\d+)\.(\d+)")


class KerasFileRefused(ValueError):
    """The file is not opened; ``str()`` is one sentence, ``details`` the full reason if longer."""

    def __init__(self, message: str, details: str | None = None) -> None:
        super().__init__(message)
        self.details = details


@dataclass(frozen=True)
class KerasFileInfo:
    writer_version: str  # from metadata.json, e.g. "3.15.1"
    weights: int  # weight values the config's layers create
    declared: int  # values the weights file declares (weights and optimizer state)


def installed_keras_version() -> str:
    """The installed Keras's version string, read from its package metadata (no import)."""
    try:
        return importlib.metadata.version("keras")
    except importlib.metadata.PackageNotFoundError:
        return "0.0.0"


def _parse(version: str) -> tuple[int, int, int] | None:
    match = VERSION.match(str(version))
    return tuple(int(part) for part in match.groups()) if match else None  # type: ignore[return-value]


def check_keras_version() -> str:
    """Raise ``KerasFileRefused`` when the installed Keras is older than ``KERAS_FLOOR``;
    returns the installed version."""
    installed = installed_keras_version()
    parsed = _parse(installed)
    floor = ".".join(map(str, KERAS_FLOOR))
    if parsed is None or parsed < KERAS_FLOOR:
        raise KerasFileRefused(
            _(
                "model files are not opened with the installed Keras {installed}: releases before {floor} can run code hidden in a model file; update it with pip install 'keras>={floor}'"
            ).format(installed=installed, floor=floor)
        )
    return installed


def version_sentence(name: str, writer: str, installed: str) -> str:
    """One sentence: which Keras wrote the file, which is installed, and what to do."""
    written, have = _parse(writer) or (0, 0, 0), _parse(installed) or (0, 0, 0)
    if written > have:
        advice = _(
            "update Keras (pip install -U keras) or ask for the model saved with Keras {installed}"
        ).format(installed=installed)
    elif written[0] < have[0]:
        advice = _(
            "Keras {have} cannot read Keras {written} models: train it again here, or ask for it saved as .keras by Keras {have}"
        ).format(have=have[0], written=written[0])
    else:
        advice = _(
            "save it again with Keras {installed} where you trust it, or train it again here"
        ).format(installed=installed)
    return _(
        "{name}: saved by Keras {writer}, but Keras {installed} is installed; {advice}"
    ).format(name=name, writer=writer, installed=installed, advice=advice)


def same_release_line(writer: str, installed: str) -> bool:
    """Whether two versions share major and minor (files move freely between patch releases)."""
    return (_parse(writer) or (0,))[:2] == (_parse(installed) or (1,))[:2]


def check_keras_file(path: str | os.PathLike[str], *, for_resume: bool = False) -> KerasFileInfo:
    """Check a model file on disk; raises ``KerasFileRefused`` with one sentence."""
    installed = check_keras_version()
    path = Path(path)
    if path.is_dir():
        if (path / "saved_model.pb").is_file():
            raise KerasFileRefused(_convert_advice(path, _("a TensorFlow SavedModel")))
        raise KerasFileRefused(
            _("{path}: a folder, not a Keras model file (.keras)").format(path=path)
        )
    if path.suffix.lower() in (".h5", ".hdf5"):
        raise KerasFileRefused(_convert_advice(path, _("a legacy HDF5 model (.h5)")))
    if path.suffix != ".keras":  # exactly: Keras picks its zip loader by this ending
        raise KerasFileRefused(
            _("{path}: not a Keras model file (the name must end in .keras)").format(path=path)
        )
    try:
        with open(path, "rb") as stream:
            return check_keras_stream(stream, str(path), installed, for_resume=for_resume)
    except OSError as exc:
        raise KerasFileRefused(
            _("{path}: cannot be read ({error})").format(path=path, error=os_error_text(exc))
        ) from exc


def _convert_advice(path, kind: str) -> str:
    """The refusal of another model format, with the one line of Keras that converts it."""
    return _(
        "{path}: {kind}, which this app does not open; convert it where you trust it with "
        "{code} and open the .keras file"
    ).format(path=path, kind=kind, code="keras.models.load_model(old).save('model.keras')")


def check_keras_stream(
    stream: IO[bytes], name: str, installed: str, *, for_resume: bool = False
) -> KerasFileInfo:
    """Check an open, seekable ``.keras`` zip (a file, or a member of a run export)."""
    _check_signatures(stream, name)
    try:
        archive = zipfile.ZipFile(stream)
    except (zipfile.BadZipFile, OSError, ValueError) as exc:
        raise KerasFileRefused(
            _("{name}: not a Keras model file ({error})").format(name=name, error=exc)
        ) from exc
    with archive:
        try:
            members = checked_members(archive, KERAS_LIMITS)
            if min(info.header_offset for info in members.values()) != 0:
                raise ZipRefused(_("has data before its first file (a polyglot)"))
            metadata = _json(archive, members["metadata.json"])
            config = _json(archive, members["config.json"])
        except ZipRefused as exc:
            raise KerasFileRefused(
                _("{name}: not a plain Keras model file: it {error}").format(name=name, error=exc)
            ) from exc
        writer = metadata.get("keras_version") if isinstance(metadata, dict) else None
        if not isinstance(writer, str) or _parse(writer) is None:
            raise KerasFileRefused(
                _("{name}: metadata.json does not say which Keras wrote it").format(name=name)
            )
        if (_parse(writer) or (0,))[0] != 3:
            raise KerasFileRefused(version_sentence(name, writer, installed))
        try:
            check_config(config, for_resume=for_resume)
            size = model_size(config)
            _check_size(size.weights, size.largest_activation)
            declared = check_weights(
                read_bounded(archive, members["model.weights.h5"]), size.weights
            )
        except (ConfigRefused, ShapeRefused, WeightsRefused, ZipRefused) as exc:
            if (_parse(writer) or (0,)) > (_parse(installed) or (0,)):  # may write new classes
                raise KerasFileRefused(version_sentence(name, writer, installed), str(exc)) from exc
            raise KerasFileRefused(
                _("{name}: refused: {error}").format(name=name, error=exc)
            ) from exc
    return KerasFileInfo(writer, size.weights, declared)


def _check_signatures(stream: IO[bytes], name: str) -> None:
    """A ``.keras`` file starts with a zip header and holds no HDF5 superblock, which HDF5 looks
    for at offset 0, 512, 1024, 2048... (HDF5 File Format Specification, section II.A)."""
    stream.seek(0, os.SEEK_END)
    size = stream.tell()
    stream.seek(0)
    if stream.read(4) != ZIP_SIGNATURE:
        raise KerasFileRefused(
            _("{name}: not a Keras model file (.keras archives are zip files)").format(name=name)
        )
    offset = 0
    while offset + len(HDF5_SIGNATURE) <= size:
        stream.seek(offset)
        if stream.read(len(HDF5_SIGNATURE)) == HDF5_SIGNATURE:
            raise KerasFileRefused(
                _("{name}: refused: the file is both a zip and an HDF5 file").format(name=name)
            )
        offset = 512 if offset == 0 else offset * 2
    stream.seek(0)


def _json(archive: zipfile.ZipFile, info: zipfile.ZipInfo) -> Any:
    try:
        return json.loads(read_bounded(archive, info))
    except (ValueError, RecursionError) as exc:
        raise ZipRefused(
            _("has a {filename} that is not JSON").format(filename=info.filename)
        ) from exc


def _check_size(weights: int, activation: int) -> None:
    if weights > MAX_WEIGHTS:
        raise ShapeRefused(
            _("the layers would create {weights:,} weights (at most {max_weights:,})").format(
                weights=weights, max_weights=MAX_WEIGHTS
            )
        )
    if activation > MAX_ACTIVATION:
        raise ShapeRefused(
            _(
                "one layer would output {activation:,} values per image (at most {max_activation:,})"
            ).format(activation=activation, max_activation=MAX_ACTIVATION)
        )
