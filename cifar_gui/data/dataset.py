"""The in-memory data set every other part of the application works with."""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np

from cifar_gui.data.sampling import balanced_sample
from cifar_gui.i18n import _

IMAGE_SHAPE = (32, 32, 3)


@dataclass
class LoadReport:
    """What happened while loading: shown by ``data info`` and the GUI's data explorer."""

    seconds: float = 0.0
    from_cache: bool = False
    skipped: list[tuple[str, str]] = field(default_factory=list)  # (file, reason)
    excluded: list[tuple[str, str]] = field(default_factory=list)  # (folder, reason) left out

    @property
    def skipped_count(self) -> int:
        return len(self.skipped)


@dataclass
class Dataset:
    """Images kept as uint8 (N, 32, 32, 3) and labels as int32: 4x smaller than float32.

    Normalisation to float happens only inside the training graph and the saved model.
    """

    name: str
    source: str
    class_names: tuple[str, ...]
    x_train: np.ndarray
    y_train: np.ndarray
    x_test: np.ndarray
    y_test: np.ndarray
    report: LoadReport = field(default_factory=LoadReport)

    def __post_init__(self) -> None:
        for part in ("train", "test"):
            x = getattr(self, f"x_{part}")
            y = getattr(self, f"y_{part}")
            if x.dtype != np.uint8 or x.ndim != 4 or x.shape[1:] != IMAGE_SHAPE:
                raise ValueError(
                    _("{part} images must be uint8 (N, 32, 32, 3), got {dtype} {shape}").format(
                        part=part, dtype=x.dtype, shape=x.shape
                    )
                )
            if y.shape != (len(x),):
                raise ValueError(
                    _("{part} labels must have shape ({count},), got {shape}").format(
                        part=part, count=len(x), shape=y.shape
                    )
                )
            if len(y) and (y.min() < 0 or y.max() >= len(self.class_names)):
                raise ValueError(
                    _("{part} labels must lie in 0..{count}").format(
                        part=part, count=len(self.class_names) - 1
                    )
                )

    @property
    def num_classes(self) -> int:
        return len(self.class_names)

    def class_counts(self, part: str) -> list[int]:
        labels = getattr(self, f"y_{part}")
        return np.bincount(labels, minlength=self.num_classes).tolist()

    def limited(self, limit_train: int | None, seed: int = 0) -> Dataset:
        """A seeded, class-balanced sample of ``limit_train`` training images (see
        ``sampling.balanced_sample``), kept in their original order; the test set stays whole.
        With no limit, or one of at least the training set's size, the data set itself."""
        if limit_train is None or limit_train >= len(self.x_train):
            return self
        keep = balanced_sample(self.y_train, limit_train, seed, self.num_classes)
        return Dataset(
            name=self.name,
            source=self.source,
            class_names=self.class_names,
            x_train=self.x_train[keep],
            y_train=self.y_train[keep],
            x_test=self.x_test,
            y_test=self.y_test,
            report=self.report,
        )
