"""Image-folder data sets: ``ROOT/<class>/*.png`` (optionally ``ROOT/train`` and ``ROOT/test``).

Class names come from the folder names, sorted. Hidden and system folders (``.git``,
``__MACOSX``), folders without image files and folders none of whose images can be decoded are
left out and named in the load report, never made into classes. Files that cannot be decoded
are skipped and listed in the load report; they never stop the load.
"""

from __future__ import annotations

from pathlib import Path

import numpy as np

from cifar_gui.data.dataset import Dataset, LoadReport
from cifar_gui.data.errors import DataSourceError
from cifar_gui.data.folder_scan import FolderScan, scan_image_folder
from cifar_gui.data.images import ImageError, load_image_array
from cifar_gui.i18n import _


def is_image_folder(path: Path) -> bool:
    """True when ``path`` holds at least two class folders with image files (nothing decoded)."""
    try:
        return scan_image_folder(path).problem() is None
    except DataSourceError:
        return False


def _decode(files: list[Path], report: LoadReport) -> list[np.ndarray]:
    images = []
    for file in files:
        try:
            images.append(load_image_array(file))
        except ImageError as exc:
            report.skipped.append((str(file), str(exc).removeprefix(f"{file}: ")))
    return images


def _stack(per_class: list[list[np.ndarray]]) -> tuple[np.ndarray, np.ndarray]:
    images = [image for part in per_class for image in part]
    labels = [label for label, part in enumerate(per_class) for _image in part]
    x = np.stack(images) if images else np.empty((0, 32, 32, 3), np.uint8)
    return x, np.asarray(labels, dtype=np.int32)


def load_image_folder(path: str | Path, *, scan: FolderScan | None = None) -> Dataset:
    """Decode every image of the folder's usable classes into a ``Dataset``.

    ``scan`` (from ``scan_image_folder``) saves listing the folder a second time. Raises
    ``DataSourceError`` when fewer than two classes with readable images remain.
    """
    root = Path(path)
    scan = scan or scan_image_folder(root)
    if problem := scan.problem():
        raise DataSourceError(problem)
    report = LoadReport(excluded=list(scan.excluded))
    class_names: list[str] = []
    train: list[list[np.ndarray]] = []
    for name, files in scan.classes.items():
        images = _decode(files, report)
        if images:
            class_names.append(name)
            train.append(images)
        else:
            report.excluded.append((str(scan.train_root / name), _("holds no readable image")))
    if len(class_names) < 2:
        raise DataSourceError(
            _(
                "{train_root}: fewer than two class folders hold a readable image (found {count}); see the skipped files"
            ).format(train_root=scan.train_root, count=len(class_names))
        )
    test = [_decode(scan.test.get(name, []), report) for name in class_names]
    x_train, y_train = _stack(train)
    x_test, y_test = _stack(test)
    return Dataset(
        name=root.name,
        source=str(root),
        class_names=tuple(class_names),
        x_train=x_train,
        y_train=y_train,
        x_test=x_test,
        y_test=y_test,
        report=report,
    )
