"""Image-folder data sets: ``ROOT/<class>/*.png`` (optionally ``ROOT/train`` and ``ROOT/test``).

Class names come from the folder names, sorted. Files that cannot be decoded are skipped and
listed in the load report; they never stop the load.
"""

from __future__ import annotations

from pathlib import Path

import numpy as np

from cifar_gui.data.dataset import Dataset, LoadReport
from cifar_gui.data.errors import DataSourceError
from cifar_gui.data.images import IMAGE_SUFFIXES, ImageError, load_image_array


def is_image_folder(path: Path) -> bool:
    return path.is_dir() and bool(_class_dirs(path) or _class_dirs(path / "train"))


def _class_dirs(root: Path) -> list[Path]:
    if not root.is_dir():
        return []
    return sorted(
        (p for p in root.iterdir() if p.is_dir() and not p.name.startswith(".")),
        key=lambda p: p.name,
    )


def image_files(folder: Path) -> list[Path]:
    """Image files directly inside ``folder``, by suffix, sorted for a stable order."""
    return sorted(
        p
        for p in folder.iterdir()
        if p.is_file() and not p.name.startswith(".") and p.suffix.lower() in IMAGE_SUFFIXES
    )


def _load_split(
    root: Path, class_names: tuple[str, ...], report: LoadReport
) -> tuple[np.ndarray, np.ndarray]:
    images: list[np.ndarray] = []
    labels: list[int] = []
    for label, name in enumerate(class_names):
        folder = root / name
        if not folder.is_dir():
            continue
        for file in image_files(folder):
            try:
                images.append(load_image_array(file))
            except ImageError as exc:
                report.skipped.append((str(file), str(exc).removeprefix(f"{file}: ")))
                continue
            labels.append(label)
    x = np.stack(images) if images else np.empty((0, 32, 32, 3), np.uint8)
    return x, np.asarray(labels, dtype=np.int32)


def load_image_folder(path: str | Path) -> Dataset:
    root = Path(path)
    if not root.is_dir():
        raise DataSourceError(f"{root}: not a folder")
    split_layout = (root / "train").is_dir()
    train_root = root / "train" if split_layout else root
    class_names = tuple(p.name for p in _class_dirs(train_root))
    if len(class_names) < 2:
        raise DataSourceError(
            f"{train_root}: an image-folder data set needs at least two class folders "
            f"(found {len(class_names)})"
        )
    report = LoadReport()
    x_train, y_train = _load_split(train_root, class_names, report)
    if not len(x_train):
        raise DataSourceError(f"{train_root}: no readable images in the class folders")
    if split_layout and (root / "test").is_dir():
        x_test, y_test = _load_split(root / "test", class_names, report)
    else:
        x_test, y_test = np.empty((0, 32, 32, 3), np.uint8), np.empty((0,), np.int32)
    return Dataset(
        name=root.name,
        source=str(root),
        class_names=class_names,
        x_train=x_train,
        y_train=y_train,
        x_test=x_test,
        y_test=y_test,
        report=report,
    )
