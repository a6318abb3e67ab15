"""The images a run trains and validates on: the limit's balanced sample, then the reference split.

Shared by ``train()``, the CLI, the Data tab's counts and the settings panel's Start check, so
what the screen shows is what training uses.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import numpy as np

from cifar_gui.data.dataset import Dataset
from cifar_gui.data.preprocessing import split_indices
from cifar_gui.i18n import _, class_label


@dataclass(frozen=True)
class TrainingSplit:
    dataset: Dataset  # the limited data set (the whole one without a limit)
    train_idx: np.ndarray  # rows of dataset.x_train that train
    val_idx: np.ndarray  # rows of dataset.x_train that validate

    def counts(self) -> dict[str, list[int]]:
        """Images per class for "train", "validation" and "test", as training will use them."""
        n, y = self.dataset.num_classes, self.dataset.y_train
        return {
            "train": np.bincount(y[self.train_idx], minlength=n).tolist(),
            "validation": np.bincount(y[self.val_idx], minlength=n).tolist(),
            "test": self.dataset.class_counts("test"),
        }


def split_for_training(
    dataset: Dataset, *, limit_train: int | None, val_split: float, seed: int, stratify: bool
) -> TrainingSplit:
    """``dataset.limited(limit_train, seed)`` split by ``split_indices``; without a limit the
    split is exactly the reference's ``train_test_split(test_size=0.3, random_state=777)``.

    Raises ``ValueError`` (scikit-learn's) when the images are too few to split.
    """
    data = dataset.limited(limit_train, seed)
    train_idx, val_idx = split_indices(data.y_train, val_split, seed, stratify=stratify)
    return TrainingSplit(data, train_idx, val_idx)


def split_for_settings(dataset: Dataset, settings: Any) -> TrainingSplit:
    """``split_for_training`` with the ``limit_train``, ``val_split``, ``seed`` and
    ``stratify`` of ``settings`` (a ``TrainConfig``)."""
    return split_for_training(
        dataset,
        limit_train=settings.limit_train,
        val_split=settings.val_split,
        seed=settings.seed,
        stratify=settings.stratify,
    )


def one_class_problem(
    full: Dataset, split: TrainingSplit, limit_train: int | None
) -> tuple[str, str] | None:
    """``(setting, reason)`` when the training images hold fewer than two classes, else None.

    A one-class run reaches accuracy 1.0 while learning nothing, so it is refused. The setting
    is ``limit_train`` when the limit caused it (``full``, the unlimited data set, has two
    classes or more) and ``data`` otherwise.
    """
    data = split.dataset
    present = np.unique(data.y_train[split.train_idx])
    if len(present) >= 2:
        return None
    names = ", ".join(class_label(data.class_names[i]) for i in present) or _("none")
    reason = _(
        "the training images would all be of one class ({names}): a classifier needs images of at least two classes"
    ).format(names=names)
    if limit_train is not None and len(np.unique(full.y_train)) >= 2:
        return "limit_train", _("{reason}; use more images").format(reason=reason)
    return "data", reason
