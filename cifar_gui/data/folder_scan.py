"""Looking at an image folder (``ROOT/<class>/*.png``, optionally ``ROOT/train`` and ``ROOT/test``)
without decoding anything: which class folders count, which are left out and why.

The scan is bounded: only ``ROOT`` (or ``ROOT/train`` and ``ROOT/test``) and the folders directly
inside are listed, never deeper, and at most ``MAX_ENTRIES`` directory entries are looked at in
all. A data source of ``/`` or ``/usr`` (for example from an untrusted run's ``config.json``) is
therefore refused in a fraction of a second instead of walking the disk.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path

from cifar_gui.data.errors import DataSourceError
from cifar_gui.data.images import IMAGE_SUFFIXES
from cifar_gui.i18n import _, os_error_text

# Folders that operating systems and archivers create: never a class of the data set.
SYSTEM_FOLDERS = frozenset(
    {
        "__MACOSX",  # macOS Finder's zip resource forks
        "$RECYCLE.BIN",  # Windows recycle bin on a USB stick
        "System Volume Information",  # Windows
        "lost+found",  # ext4 root folders
        "@eaDir",  # Synology thumbnails
        "__pycache__",
    }
)
MAX_CLASS_FOLDERS = 1000  # as many classes as a CIFAR batch's label_names may hold
MAX_ENTRIES = 2_000_000  # directory entries looked at in one scan (CIFAR as PNGs: 60,000)


def is_system_folder(name: str) -> bool:
    """Dot-folders (``.git``, ``.Trashes``) and the operating systems' own folders."""
    return name.startswith(".") or name in SYSTEM_FOLDERS


@dataclass
class FolderScan:
    """What an image folder holds, by file name only.

    ``classes`` maps each usable class folder name (sorted) to its image files (sorted);
    ``test`` the same for ``ROOT/test`` (only classes that are also training classes);
    ``excluded`` lists ``(folder, reason)`` for every folder left out.
    """

    root: Path
    train_root: Path
    classes: dict[str, list[Path]] = field(default_factory=dict)
    test: dict[str, list[Path]] = field(default_factory=dict)
    excluded: list[tuple[str, str]] = field(default_factory=list)

    def files(self) -> list[Path]:
        """Every image file the data set is read from, training files first."""
        parts = (*self.classes.values(), *self.test.values())
        return [file for part in parts for file in part]

    def problem(self) -> str | None:
        """Why this is not a usable image folder, or None when it is."""
        if len(self.classes) >= 2:
            return None
        found = ", ".join(f"{name}/" for name in self.classes) or _("none")
        left_out = "; ".join(f"{Path(f).name}/ {why}" for f, why in self.excluded[:5])
        text = _(
            "{train_root}: an image-folder data set needs at least two class folders with images (found {count}: {found})"
        ).format(train_root=self.train_root, count=len(self.classes), found=found)
        return (
            _("{text}; left out: {left_out}").format(text=text, left_out=left_out)
            if left_out
            else text
        )


class _Budget:
    def __init__(self, root: Path, limit: int) -> None:
        self.root, self.left = root, limit

    def take(self) -> None:
        self.left -= 1
        if self.left < 0:
            raise DataSourceError(
                _(
                    "{root}: too many files to be an image folder (stopped after {max_entries:,} entries)"
                ).format(root=self.root, max_entries=MAX_ENTRIES)
            )


def _entries(folder: Path, budget: _Budget) -> list[os.DirEntry]:
    with os.scandir(folder) as it:
        entries = []
        for entry in it:
            budget.take()
            entries.append(entry)
    return sorted(entries, key=lambda e: e.name)


def _is_dir(entry: os.DirEntry) -> bool:
    try:
        return entry.is_dir()
    except OSError:
        return False


def _images_in(folder: Path, budget: _Budget) -> list[Path]:
    files = []
    for entry in _entries(folder, budget):
        name = entry.name
        if name.startswith(".") or not name.lower().endswith(IMAGE_SUFFIXES):
            continue  # hidden files include macOS's "._photo.png" resource forks
        try:
            if entry.is_file():
                files.append(Path(entry.path))
        except OSError:
            continue
    return files


def _scan_split(root: Path, budget: _Budget, scan: FolderScan) -> dict[str, list[Path]]:
    classes: dict[str, list[Path]] = {}
    try:
        entries = _entries(root, budget)
    except OSError as exc:
        raise DataSourceError(
            _("{root}: cannot be read ({error})").format(root=root, error=os_error_text(exc))
        ) from exc
    folders = [e for e in entries if _is_dir(e)]
    for entry in folders:
        if is_system_folder(entry.name):
            scan.excluded.append((entry.path, _("is a hidden or system folder")))
            continue
        try:
            images = _images_in(Path(entry.path), budget)
        except OSError as exc:
            scan.excluded.append(
                (entry.path, _("cannot be read ({error})").format(error=os_error_text(exc)))
            )
            continue
        if not images:
            scan.excluded.append((entry.path, _("holds no image files")))
            continue
        if len(classes) >= MAX_CLASS_FOLDERS:
            raise DataSourceError(
                _(
                    _("{root}: more than {max_class_folders} class folders; not an image folder")
                ).format(root=root, max_class_folders=MAX_CLASS_FOLDERS)
            )
        classes[entry.name] = images
    return classes


def scan_image_folder(path: str | Path) -> FolderScan:
    """Scan ``path`` as an image folder; raises ``DataSourceError`` only when it cannot be read
    or is too big to be one. Use ``FolderScan.problem()`` to learn whether it is usable."""
    root = Path(path)
    if not root.is_dir():
        raise DataSourceError(_("{root}: not a folder").format(root=root))
    split_layout = (root / "train").is_dir()
    train_root = root / "train" if split_layout else root
    scan = FolderScan(root=root, train_root=train_root)
    budget = _Budget(root, MAX_ENTRIES)
    scan.classes = _scan_split(train_root, budget, scan)
    if split_layout and (root / "test").is_dir():
        test = _scan_split(root / "test", budget, scan)
        for name in sorted(set(test) - set(scan.classes)):
            scan.excluded.append((str(root / "test" / name), _("is not a training class")))
        scan.test = {name: files for name, files in test.items() if name in scan.classes}
    return scan


def image_files_under(folder: str | Path, limit: int) -> list[Path]:
    """Image files under ``folder`` and its subfolders (sorted), by suffix, for classifying a
    folder: at most ``limit`` files, and at most ``MAX_ENTRIES`` directory entries looked at.
    Hidden files (``._photo.jpg``) and hidden or system folders (``__MACOSX``) are skipped."""
    files: list[Path] = []
    budget = MAX_ENTRIES
    for top, dirs, names in os.walk(folder):
        budget -= len(dirs) + len(names)
        dirs[:] = sorted(d for d in dirs if not is_system_folder(d))
        for name in sorted(names):
            if not name.startswith(".") and name.lower().endswith(IMAGE_SUFFIXES):
                path = Path(top) / name
                if path.is_file():
                    files.append(path)
                    if len(files) >= limit:
                        return sorted(files)
        if budget <= 0:
            break
    return sorted(files)
