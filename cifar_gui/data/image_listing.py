"""The image files of a folder to classify, found the same way by the window and the CLI."""

from __future__ import annotations

from pathlib import Path

from cifar_gui.data.images import IMAGE_SUFFIXES

MAX_FOLDER_FILES = 100_000  # a folder this large is more likely a mistake than a test set


def image_files_in(folder: Path, limit: int = MAX_FOLDER_FILES) -> list[Path]:
    """Image files under ``folder`` (recursively, sorted by path), by suffix; at most ``limit``."""
    files = []
    for path in sorted(Path(folder).rglob("*")):
        if path.suffix.lower() in IMAGE_SUFFIXES and path.is_file():
            files.append(path)
            if len(files) >= limit:
                break
    return files
