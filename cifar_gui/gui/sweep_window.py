"""The main window's sweep behaviour: start a sweep, compare presets, add runs, continue one.

A mixin of ``MainWindow`` (it uses its ``settings_panel``, ``queue``, ``runs_dir`` and
``controller``), kept in its own file so the window's file stays about one run.
"""

from __future__ import annotations

import logging
from pathlib import Path

from PySide6.QtCore import QTimer, Slot

from cifar_gui.gui.offer_box import show_offer
from cifar_gui.gui.run_queue import COMPARED_PRESETS
from cifar_gui.sweep import SweepError, SweepRun, expand, new_sweep_id
from cifar_gui.sweep.queue import SweepQueue, unfinished_sweeps

log = logging.getLogger(__name__)


class SweepWindowMixin:
    def start_button_text(self) -> str:
        count = self.settings_panel.sweep_count()
        return self.tr("Start {n} runs").format(n=count) if count > 1 else self.tr("Start")

    def start_sweep(self) -> None:
        """Queue one run per combination the settings panel lists, and start the first."""
        spec = self.settings_panel.sweep_spec()
        if spec is None:
            return
        try:
            runs = self.settings_panel.sweep_runs(new_sweep_id())
        except SweepError as exc:
            self._show_error(self.tr("The sweep cannot start: {error}").format(error=exc))
            return
        self._start_sweep_runs(runs, spec.fields, "grid" if spec.random is None else "random")

    def compare_presets(self) -> None:
        """Compare regularisation, a saved sweep: preset = plain, l2, dropout, all else equal."""
        base = self.settings_panel.config()
        base.run_name = "compare"
        combinations = [{"preset": preset} for preset in COMPARED_PRESETS]
        self._start_sweep_runs(expand(base, combinations, new_sweep_id()), ["preset"], "compare")

    def _start_sweep_runs(self, runs: list[SweepRun], swept: list[str], mode: str) -> None:
        try:
            sweep = SweepQueue.create(self.runs_dir(), runs, swept, mode)
            self.controller.start_sweep(sweep)
        except (SweepError, OSError) as exc:
            self._show_error(self.tr("The sweep cannot start: {error}").format(error=exc))

    def show_finished_sweep(self) -> bool:
        """A finished sweep opens in the Sweeps tab (Compare regularisation keeps its overlay in
        the Runs tab); returns whether it did."""
        sweep = self.queue.persisted
        self.runs_tab.refresh()
        if sweep is None or sweep.mode == "compare":
            return False
        self.sweep_view.refresh(select=sweep.sweep_id)
        self.tabs.setCurrentWidget(self.sweep_view)
        done = sum(item.state == "completed" for item in sweep.items)
        if done == len(sweep.items):
            text = self.tr("Sweep {sweep} finished: {n} runs").format(
                sweep=sweep.sweep_id, n=len(sweep.items)
            )
        else:  # stopped, failed or cancelled runs: say so, not "finished"
            text = self.tr("Sweep {sweep} ended: {done} of {n} runs completed").format(
                sweep=sweep.sweep_id, done=done, n=len(sweep.items)
            )
        # Queued: shown after the last run's own "Run completed" line, not under it.
        QTimer.singleShot(0, lambda: self.statusBar().showMessage(text))
        return True

    @Slot()
    def extend_sweep(self) -> None:
        """Add what the settings now describe (every combination, or one run) to the sweep."""
        spec = self.settings_panel.sweep_spec()
        combinations = spec.combinations() if spec is not None else [{}]
        try:
            added = self.queue.extend(self.settings_panel.config(), combinations)
        except (SweepError, OSError) as exc:
            self._show_error(self.tr("No runs were added: {error}").format(error=exc))
            return
        self.statusBar().showMessage(self.tr("{n} run(s) added to the queue").format(n=added))

    def offer_unfinished_sweep(self) -> bool:
        """A sweep a closed window (or a killed CLI) left with runs to train: offer it."""
        if self.is_training or self.queue.active:
            return False
        sweeps = unfinished_sweeps(self.runs_dir())
        if not sweeps:
            return False
        newest = sweeps[0]
        self.sweep_offer, self.sweep_offer_button = show_offer(
            self, self.tr("Unfinished sweep"),
            self.tr("The sweep {sweep} has {left} of its {total} runs still to train (the "
                    "window was closed or the computer stopped before they ran).\n\n"
                    "Continue it?").format(
                sweep=newest.sweep_id, left=len(newest.remaining), total=len(newest.items)),
            self.tr("Continue sweep"), self.tr("Not now"),
            lambda: self.continue_sweep(newest.folder),
        )  # fmt: skip
        return True

    def continue_sweep(self, folder: Path) -> None:
        if self.is_training or self.queue.active:
            return
        try:
            self.controller.start_sweep(SweepQueue.load(folder))
        except SweepError as exc:
            self._show_error(self.tr("The sweep cannot continue: {error}").format(error=exc))
