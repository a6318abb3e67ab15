"""The settings panel's view of the chosen data: whether it loaded, and whether the training
images that the limit, split and seed select hold at least two classes (the Start check)."""

from __future__ import annotations

from cifar_gui.config import TrainConfig
from cifar_gui.data import Dataset
from cifar_gui.data.training_split import one_class_problem, split_for_settings


class DataCheck:
    """Holds the last data set loaded for the chosen source (or why it failed to load).

    ``problem(config)`` is called on every edit, so the split is computed only when the limit,
    validation split, seed or stratify setting changed (a few milliseconds for 50,000 labels).
    """

    def __init__(self) -> None:
        self.source: str | None = None  # the data source the result below belongs to
        self.dataset: Dataset | None = None
        self.error: str | None = None
        self._memo: tuple[tuple, tuple[str, str] | None] | None = None

    def loaded(self, source: str, dataset: Dataset) -> None:
        self.source, self.dataset, self.error, self._memo = source, dataset, None, None

    def failed(self, source: str, message: str) -> None:
        self.source, self.dataset, self.error, self._memo = source, None, message, None

    def forget(self) -> None:
        self.source, self.dataset, self.error, self._memo = None, None, None, None

    def problem(self, config: TrainConfig) -> tuple[str, str] | None:
        """``(field, reason)`` when the chosen data cannot train this configuration."""
        if config.data != self.source:
            return None  # not checked yet: train() checks it again at Start
        if self.error is not None:
            return "data", self.error
        if self.dataset is None:
            return None
        key = (config.limit_train, config.val_split, config.seed, config.stratify)
        if self._memo is None or self._memo[0] != key:
            self._memo = (key, self._compute(config))
        return self._memo[1]

    def _compute(self, config: TrainConfig) -> tuple[str, str] | None:
        assert self.dataset is not None
        try:
            split = split_for_settings(self.dataset, config)
        except (ValueError, TypeError):
            return None  # invalid numbers are the fields' own problems
        return one_class_problem(self.dataset, split, config.limit_train)
