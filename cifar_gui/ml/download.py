"""Downloading CIFAR-10 through Keras's own downloader and cache, only when the user asks."""

from __future__ import annotations

import socket
from pathlib import Path
from urllib.parse import urlparse

from cifar_gui.data.errors import DataSourceError
from cifar_gui.data.sources import not_found_message
from cifar_gui.i18n import _

ORIGIN = "https://www.cs.toronto.edu/~kriz/cifar-10-python.tar.gz"
SHA256 = "6d958be074577803d12ecdefd02955f39262c83c16fe9348329d7fe0b5c001ce"
TARGET = "cifar-10-batches-py-target"


def check_reachable(url: str = ORIGIN, timeout: float = 5.0) -> None:
    """Fail at once, with where to put the archive, when the host cannot be reached."""
    host = urlparse(url).hostname or ""
    try:
        with socket.create_connection((host, 443), timeout=timeout):
            pass
    except OSError as exc:
        raise DataSourceError(
            _("cannot reach {host} ({error}); this machine seems to be offline.\n").format(
                host=host, error=exc
            )
            + not_found_message()
        ) from exc


def download_cifar10() -> Path:
    """Download and extract into Keras's cache (where ``find_cifar10`` looks); returns the folder.

    Keras prints its own progress bar while downloading.
    """
    check_reachable()
    import keras  # deferred: only this explicit request needs it

    folder = keras.utils.get_file(fname=TARGET, origin=ORIGIN, extract=True, file_hash=SHA256)
    return Path(folder) / "cifar-10-batches-py"
