"""Finding a CIFAR-10 copy already on this machine, without any network access.

Looked for, in order: ``$CIFAR10_DIR`` (the archive, the batch folder, or a folder holding
either), then Keras's cache (``$KERAS_HOME/datasets`` or ``~/.keras/datasets``) in both the
Keras 2 and Keras 3 layouts, plus a downloaded archive lying there.
"""

from __future__ import annotations

import os
from pathlib import Path

from cifar_gui.data.cifar_archive import BATCH_FOLDER, is_cifar_archive_file, is_cifar_batch_folder
from cifar_gui.paths import keras_home

ARCHIVE_NAME = "cifar-10-python.tar.gz"
KERAS3_FOLDER = "cifar-10-batches-py-target"
# Keras 3's get_file keeps the download under this name, without a suffix, next to KERAS3_FOLDER.
KERAS3_ARCHIVE = "cifar-10-batches-py-target_archive"


def _candidates_in(folder: Path) -> list[Path]:
    return [
        folder,
        folder / BATCH_FOLDER,
        folder / KERAS3_FOLDER / BATCH_FOLDER,
        folder / ARCHIVE_NAME,
        folder / KERAS3_ARCHIVE,
    ]


def candidate_locations() -> list[Path]:
    """Every place searched, in order; the README and error messages list them for the user."""
    places: list[Path] = []
    if env := os.environ.get("CIFAR10_DIR"):
        places.extend(_candidates_in(Path(env).expanduser()))
    places.extend(_candidates_in(keras_home() / "datasets")[1:])
    return places


def is_cifar_source(path: Path) -> bool:
    if path.name == KERAS3_ARCHIVE:
        return path.is_file()
    return is_cifar_batch_folder(path) or (is_cifar_archive_file(path) and "cifar" in path.name)


def cifar_location(path: Path) -> Path | None:
    """The CIFAR-10 copy that ``path`` names, read the way ``CIFAR10_DIR`` is: the archive (any
    name), the batch folder, or a folder holding either (Keras 2 and Keras 3 layouts); else None.

    The ``--data`` option and the window's Folder/Archive buttons use this too, so every path
    that works as ``CIFAR10_DIR`` works there.
    """
    try:
        if is_cifar_archive_file(path):
            return path  # the user named this file: its name need not say cifar
        for place in _candidates_in(path):
            if is_cifar_source(place):
                return place
    except OSError:  # an unreadable folder holds no CIFAR-10 copy that can be used
        return None
    return None


def find_cifar10() -> Path | None:
    """The first CIFAR-10 copy found, or None."""
    if env := os.environ.get("CIFAR10_DIR"):
        found = cifar_location(Path(env).expanduser())
        if found is not None:
            return found
    for place in _candidates_in(keras_home() / "datasets")[1:]:
        if is_cifar_source(place):
            return place
    return None
