"""The image files of a folder to classify, found the same way by the window and the CLI."""

from __future__ import annotations

from pathlib import Path

from cifar_gui.data.folder_scan import image_files_under

MAX_FOLDER_FILES = 100_000  # a folder this large is more likely a mistake than a test set


def image_files_in(folder: Path, limit: int = MAX_FOLDER_FILES) -> list[Path]:
    """Image files under ``folder`` (recursively, sorted by path), by suffix; at most ``limit``.

    Hidden files and hidden or system folders (``__MACOSX``) are skipped and the walk is
    bounded, as ``folder_scan.image_files_under`` says."""
    return image_files_under(folder, limit)
