"""Loads the chosen data source for the Data tab and the Start check, in the background.

A new source is loaded (``summarise`` on a helper thread) and shown in the Data tab; the
settings panel learns whether it loaded, so that an unusable source turns Start off with its
reason. When only the limit, split, seed or stratify setting changes, the counts are computed
again from the data set already loaded.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, Slot

from cifar_gui.data.summary import DataLoadFailure, DataSummary, split_counts, summarise
from cifar_gui.gui.data_explorer import DataExplorer
from cifar_gui.gui.sweep_settings import SweepSettingsPanel
from cifar_gui.gui.workers import BackgroundTasks


class ExplorerLoader(QObject):
    def __init__(
        self, tasks: BackgroundTasks, explorer: DataExplorer, panel: SweepSettingsPanel,
        parent: QObject | None = None,
    ) -> None:  # fmt: skip
        super().__init__(parent)
        self.tasks = tasks
        self.explorer = explorer
        self.panel = panel
        self._split: tuple | None = None  # (limit, val split, seed, stratify) shown

    @Slot()
    def load(self) -> None:
        """Load the source the settings name now; the Data tab says so meanwhile."""
        config = self.panel.config()
        self.explorer.show_loading(config.data)
        self._split = (config.limit_train, config.val_split, config.seed, config.stratify)
        self.tasks.run(
            summarise, config.data, config.val_split, config.seed, config.limit_train,
            config.stratify, on_result=self._loaded, on_error=self._failed,
        )  # fmt: skip

    def load_once(self) -> None:
        """Load unless a data set is already shown (the Data tab opened)."""
        if self.explorer.dataset is None:
            self.load()

    @Slot(object)
    def _loaded(self, summary: DataSummary | DataLoadFailure) -> None:
        if summary.spec != self.panel.config().data:
            return  # the source changed while this one loaded; its own load follows
        if isinstance(summary, DataLoadFailure):
            self.explorer.show_error(summary.message)
            self.panel.set_data_failed(summary.spec, summary.message)
            return
        self.explorer.show_summary(summary)
        self.panel.set_data_loaded(summary.spec, summary.dataset)

    @Slot(str, str)
    def _failed(self, message: str, _details: str) -> None:
        self.explorer.show_error(message)

    @Slot()
    def refresh_counts(self, *_args) -> None:
        """The Data tab's counts follow the limit, split, seed and stratify settings."""
        config = self.panel.config()
        dataset = self.explorer.dataset
        key = (config.limit_train, config.val_split, config.seed, config.stratify)
        if dataset is None or key == self._split or config.problems():
            return
        self._split = key
        self.explorer.set_split(*split_counts(dataset, config.val_split, config.seed,
                                              config.limit_train, config.stratify))  # fmt: skip
