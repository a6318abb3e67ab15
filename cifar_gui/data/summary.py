"""What the data explorer shows of a data source, computed off the GUI thread: the source
loaded, its channel statistics and the images per class that training will use (after the
limit's balanced sample and the validation split). numpy only, like the rest of ``data``.
"""

from __future__ import annotations

from dataclasses import dataclass

from cifar_gui.data.dataset import Dataset
from cifar_gui.data.errors import DataSourceError
from cifar_gui.data.preprocessing import ChannelStats, channel_stats
from cifar_gui.data.sources import load_source
from cifar_gui.data.training_split import split_for_training


@dataclass
class DataSummary:
    """Everything the tab shows, computed off the GUI thread (statistics of 50,000 images and
    the scikit-learn split take a second or two)."""

    dataset: Dataset
    stats: ChannelStats
    counts: dict[str, list[int]]  # "train", "validation", "test" -> images per class
    limit: int | None = None  # the training images a limit keeps (None: all of them)
    spec: str = ""  # the data source as the settings name it


@dataclass
class DataLoadFailure:
    """Returned (not raised) by ``summarise``, so the caller knows which source failed."""

    spec: str
    message: str


def split_counts(
    dataset: Dataset, val_split: float, seed: int, limit_train: int | None = None,
    stratify: bool = False,
) -> tuple[dict[str, list[int]], int | None]:  # fmt: skip
    """Images per class that training will use (the limit's balanced sample, then the split),
    and how many training images the limit keeps (None without one)."""
    try:
        split = split_for_training(
            dataset, limit_train=limit_train, val_split=val_split, seed=seed, stratify=stratify
        )
    except ValueError:  # too few images to split: show them all as training images
        return {"train": dataset.class_counts("train"), "test": dataset.class_counts("test")}, None
    kept = len(split.dataset.y_train)
    return split.counts(), (kept if kept < len(dataset.y_train) else None)


def summarise(
    source: str, val_split: float, seed: int, limit_train: int | None = None,
    stratify: bool = False,
) -> DataSummary | DataLoadFailure:  # fmt: skip
    """Load ``source`` and count what training will use; a ``DataLoadFailure`` with the
    one-line reason when it cannot be loaded."""
    try:
        dataset = load_source(source)
    except DataSourceError as exc:
        return DataLoadFailure(source, str(exc))
    counts, limit = split_counts(dataset, val_split, seed, limit_train, stratify)
    return DataSummary(dataset, channel_stats(dataset.x_train), counts, limit, source)
