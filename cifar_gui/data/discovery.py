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


def _candidates_in(folder: Path) -> list[Path]:
    return [
        folder,
        folder / BATCH_FOLDER,
        folder / "cifar-10-batches-py-target" / BATCH_FOLDER,
        folder / ARCHIVE_NAME,
    ]


def candidate_locations() -> list[Path]:
    """Every place searched, in order; the README and error messages list them for the user."""
    places: list[Path] = []
    if env := os.environ.get("CIFAR10_DIR"):
        places.extend(_candidates_in(Path(env).expanduser()))
    places.extend(_candidates_in(keras_home() / "datasets")[1:])
    return places


def is_cifar_source(path: Path) -> bool:
    return is_cifar_batch_folder(path) or (is_cifar_archive_file(path) and "cifar" in path.name)


def find_cifar10() -> Path | None:
    """The first CIFAR-10 copy found, or None."""
    if (env := os.environ.get("CIFAR10_DIR")) and is_cifar_archive_file(Path(env).expanduser()):
        return Path(env).expanduser()  # the user named this file: its name need not say cifar
    for place in candidate_locations():
        if is_cifar_source(place):
            return place
    return None
