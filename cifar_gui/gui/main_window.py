"""The main window: settings, Start/Pause/Stop, live plots and progress; the data explorer,
image classification, evaluation and the runs table in their own tabs.

TensorFlow loads on a worker thread after the window is shown; Start is enabled once it is
ready and the settings are valid. Closing during training asks first, stops the worker, waits
for it (the partial run is saved by the training function), then saves the settings.
"""

from __future__ import annotations

import gc
import json
import logging
from pathlib import Path

from PySide6.QtCore import Qt, QThread, QTimer, Slot
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence
from PySide6.QtWidgets import (
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QMainWindow,
    QMessageBox,
    QPushButton,
    QScrollArea,
    QSplitter,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from cifar_gui.atomic import atomic_write_text
from cifar_gui.config import ConfigError, TrainConfig
from cifar_gui.gui.chance_text import run_chance_suffix
from cifar_gui.gui.classify_tab import ClassifyTab
from cifar_gui.gui.confusion_over_epochs import ConfusionEpochsPage
from cifar_gui.gui.data_explorer import DataExplorer
from cifar_gui.gui.evaluation_view import EvaluationView
from cifar_gui.gui.explorer_loader import ExplorerLoader
from cifar_gui.gui.field_message import ERROR_STYLE
from cifar_gui.gui.help_menu import add_help_menu
from cifar_gui.gui.language import LanguageMenu
from cifar_gui.gui.model_table import PresetModelTable
from cifar_gui.gui.offer_box import show_offer
from cifar_gui.gui.progress_panel import ProgressPanel
from cifar_gui.gui.queue_progress import queue_plan
from cifar_gui.gui.runs_tab import RunsTab
from cifar_gui.gui.sweep_queue import SweepQueuePanel
from cifar_gui.gui.sweep_settings import SweepSettingsPanel
from cifar_gui.gui.sweep_view import SweepView
from cifar_gui.gui.sweep_window import SweepWindowMixin
from cifar_gui.gui.tensorflow_loader import TensorFlowInfo, load_tensorflow
from cifar_gui.gui.training_controller import TrainingController
from cifar_gui.gui.training_plots import TrainingPlots
from cifar_gui.gui.training_worker import TrainingWorker
from cifar_gui.gui.window_settings import restore_window_settings, save_window_settings
from cifar_gui.gui.workers import BackgroundTasks
from cifar_gui.i18n import os_error_text
from cifar_gui.paths import default_runs_dir
from cifar_gui.run_store import files
from cifar_gui.run_store.listing import list_runs

log = logging.getLogger(__name__)


class MainWindow(SweepWindowMixin, QMainWindow):
    def __init__(self, *, load_tensorflow_now: bool = True) -> None:
        super().__init__()
        self.setWindowTitle(self.tr("CIFAR GUI"))
        self.tensorflow: TensorFlowInfo | None = None
        self.controller = TrainingController(self)  # the run training now and the queue
        self.queue = self.controller.queue
        self.tasks = BackgroundTasks(self)  # helper threads: TensorFlow loading, data, models
        self._settings_valid = True
        self._invalid_reason = ""
        self._training_message = ""  # the status line of the run training now
        self._settings_before_queue: TrainConfig | None = None

        self.settings_panel = SweepSettingsPanel()
        self.plots = TrainingPlots()
        self.plots.problem.connect(self._show_error)  # an export that failed
        self.progress = ProgressPanel()
        self.explorer = DataExplorer()
        self.explorer_loader = ExplorerLoader(self.tasks, self.explorer, self.settings_panel, self)
        self.classify_tab = ClassifyTab(self.tasks, self.runs_dir)
        self.evaluation_view = EvaluationView(self.tasks)
        self.runs_tab = RunsTab(self.tasks, self.runs_dir, self.active_run)
        self.sweep_view = SweepView(self.runs_dir)
        self.queue_panel = SweepQueuePanel(self.queue)
        self.preset_table = PresetModelTable(self.tasks)  # the layers of the run about to start
        self.confusion_page = ConfusionEpochsPage(self.tasks, self.runs_dir)
        self._build_buttons()
        self.tf_status = QLabel(self.tr("Loading TensorFlow…"))
        self.statusBar().addPermanentWidget(self.tf_status)

        self._build_layout()
        self._build_menu()
        self._connect()
        restore_window_settings(self, self.settings_panel)
        self._plan_progress()
        self._update_buttons()
        if load_tensorflow_now:
            QTimer.singleShot(0, self.start_loading_tensorflow)

    # ---- layout -----------------------------------------------------------------------------
    def _build_buttons(self) -> None:
        self.compare_button = QPushButton(self.tr("Compare regularisation"))
        self.compare_button.setToolTip(
            self.tr("Train the plain, L2 and dropout presets with these settings, one after "
                    "the other, and overlay their curves")
        )  # fmt: skip
        self.start_button = QPushButton(self.tr("Start"))
        self.pause_button = QPushButton(self.tr("Pause"))
        self.pause_button.setCheckable(True)
        self.stop_button = QPushButton(self.tr("Stop"))
        self.reset_button = QPushButton(self.tr("Reset to reference"))
        self.start_reason = QLabel()
        self.start_reason.setWordWrap(True)
        self.start_reason.setStyleSheet(ERROR_STYLE)

    @Slot()
    def _fit_settings_width(self, *_range) -> None:
        """The settings column as wide as the panel's widest row, now and whenever a row grows
        (a longer message, another language's labels): narrower, and focusing a field would
        scroll the panel sideways, cutting off its left edge."""
        scroll = self.settings_scroll
        frame = 2 * scroll.frameWidth() + scroll.verticalScrollBar().sizeHint().width()
        panel = self.settings_panel
        widest = panel.minimumSizeHint().expandedTo(panel.minimumSize()).width()
        scroll.setMinimumWidth(max(400, widest + frame))
        scroll.horizontalScrollBar().setValue(0)

    def _build_layout(self) -> None:
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(self.settings_panel)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.settings_scroll = scroll
        self._fit_settings_width()
        scroll.horizontalScrollBar().rangeChanged.connect(self._fit_settings_width)
        buttons = QHBoxLayout()
        for button in (self.start_button, self.pause_button, self.stop_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        buttons.addWidget(self.compare_button)
        buttons.addWidget(self.reset_button)
        right = QWidget()
        column = QVBoxLayout(right)
        column.addLayout(buttons)
        column.addWidget(self.start_reason)
        column.addWidget(self.queue_panel)
        column.addWidget(self.plots, 1)
        column.addWidget(self.progress)
        left = QSplitter(Qt.Orientation.Vertical)
        left.addWidget(scroll)
        left.addWidget(self.preset_table)
        splitter = QSplitter()
        splitter.addWidget(left)
        splitter.addWidget(right)
        splitter.setStretchFactor(1, 1)
        self.tabs = QTabWidget()
        self.tabs.addTab(splitter, self.tr("Training"))
        self.tabs.addTab(self.explorer, self.tr("Data"))
        self.tabs.addTab(self.classify_tab, self.tr("Classify"))
        self.tabs.addTab(self.evaluation_view, self.tr("Evaluation"))
        self.tabs.addTab(self.confusion_page, self.tr("Confusion by epoch"))
        self.tabs.addTab(self.runs_tab, self.tr("Runs"))
        self.tabs.addTab(self.sweep_view, self.tr("Sweeps"))
        self.setCentralWidget(self.tabs)
        self.resize(1280, 800)

    def _build_menu(self) -> None:
        menu = self.menuBar().addMenu(self.tr("&File"))
        self.import_action = QAction(self.tr("&Import settings…"), self)
        self.import_action.triggered.connect(self._ask_import)
        self.export_action = QAction(self.tr("&Export settings…"), self)
        self.export_action.triggered.connect(self._ask_export)
        quit_action = QAction(self.tr("&Quit"), self)
        quit_action.setShortcut(QKeySequence.StandardKey.Quit)
        quit_action.triggered.connect(self.close)
        for action in (self.import_action, self.export_action, quit_action):
            menu.addAction(action)
        self.language_menu = LanguageMenu(self)
        self.open_log_action = add_help_menu(self)

    def _connect(self) -> None:
        self.start_button.clicked.connect(self.start_training)
        self.pause_button.toggled.connect(self.set_paused)
        self.stop_button.clicked.connect(self.stop_training)
        self.reset_button.clicked.connect(self.reset_to_reference)
        self.settings_panel.validityChanged.connect(self._on_validity)
        self.settings_panel.validityChanged.connect(self.explorer_loader.refresh_counts)
        self.settings_panel.validityChanged.connect(self._preset_settings_changed)
        self.settings_panel.downloadRequested.connect(self.download_cifar10)
        # A new source is checked at once: an unusable one turns Start off with its reason.
        self.settings_panel.fields["data"].editor.currentIndexChanged.connect(
            self.explorer_loader.load
        )
        self.tabs.currentChanged.connect(self._tab_changed)
        self.compare_button.clicked.connect(self.compare_regularisation)
        self.queue.finished.connect(self._queue_finished)
        self.queue.changed.connect(self._update_buttons)
        self.queue.changed.connect(self._queue_changed)
        self._connect_controller()
        self.queue_panel.extendRequested.connect(self.extend_sweep)
        self.settings_panel.sweepChanged.connect(self._update_buttons)
        self.settings_panel.sweepChanged.connect(self._plan_progress)
        self.evaluation_view.imageChosen.connect(self._classify_test_image)
        self.evaluation_view.evaluationStored.connect(self._runs_changed)
        self.runs_tab.evaluationRequested.connect(self.show_evaluation)
        self.runs_tab.classifyRequested.connect(self._classify_with_run)
        self.runs_tab.resumeRequested.connect(self.resume_run)

    def _connect_controller(self) -> None:
        controller = self.controller
        controller.runStarting.connect(self._run_starting)
        controller.queuedRunStarting.connect(self._queued_run_starting)
        controller.runStarted.connect(self._run_started)
        controller.batchProgress.connect(self.plots.add_batch)
        controller.batchProgress.connect(self.progress.batch)
        controller.epochFinished.connect(self.plots.add_epoch)
        controller.epochFinished.connect(self.progress.epoch)
        controller.epochFinished.connect(self.confusion_page.add_epoch)
        controller.message.connect(self.statusBar().showMessage)
        controller.pausedChanged.connect(self._paused_changed)
        controller.pausedChanged.connect(self.progress.set_paused)
        controller.runFinished.connect(self._run_finished)
        controller.runFailed.connect(self._run_refused)
        controller.busyChanged.connect(self._busy_changed)

    # ---- TensorFlow -------------------------------------------------------------------------
    def start_loading_tensorflow(self) -> None:
        self.tasks.run(
            load_tensorflow, on_result=self._tensorflow_ready, on_error=self._tensorflow_failed
        )

    @Slot(object)
    def _tensorflow_ready(self, info: TensorFlowInfo) -> None:
        self.tensorflow = info
        # TensorFlow's million long-lived objects would make every full garbage collection a
        # visible pause; freezing them leaves the collector only what is made from now on.
        gc.freeze()
        gpus = [d for d in info.devices if d.name.startswith("gpu:")]
        device = ", ".join(d.description for d in gpus) if gpus else self.tr("CPU only")
        self.tf_status.setText(
            self.tr("TensorFlow {version} ready ({seconds:.1f} s) — {device}").format(
                version=info.version, seconds=info.seconds, device=device
            )
        )
        if info.keras_problem:  # checked at start-up; every model file is refused meanwhile
            self.tf_status.setText(self.tr("Keras: {problem}").format(problem=info.keras_problem))
            self.tf_status.setToolTip(info.keras_problem)
        self.settings_panel.set_devices(info.devices)
        self.preset_table.set_ready()
        self._preset_settings_changed(True, "")  # the table of the settings shown now
        self._update_buttons()
        self.offer_interrupted_runs()

    def offer_interrupted_runs(self) -> None:
        """Runs a crash or power cut left behind: offer to continue the newest one."""
        if self.offer_unfinished_sweep():
            return  # the sweep's own interrupted run is resumed with it
        interrupted = [run for run in list_runs(self.runs_dir()) if run.interrupted]
        if not interrupted or self.is_training:
            return
        newest = interrupted[0]
        path = str(newest.path)
        self.resume_offer, self.resume_offer_button = show_offer(
            self, self.tr("Interrupted runs"),
            (self.tr("1 run stopped unexpectedly (the application or the computer stopped "
                     "mid-run). {name} has {done} of {planned} epochs saved.\n\n"
                     "Continue it from its last saved epoch?") if len(interrupted) == 1 else
             self.tr("{n} runs stopped unexpectedly (the application or the computer stopped "
                     "mid-run). The newest, {name}, has {done} of {planned} epochs saved.\n\n"
                     "Continue it from its last saved epoch?")).format(
                n=len(interrupted), name=newest.name,
                done=newest.summary.epochs_completed or 0,
                planned=newest.summary.epochs_planned or "?",
            ),
            self.tr("Resume"), self.tr("Not now"), lambda: self.resume_run(path, None),
        )  # fmt: skip

    @Slot(str, str)
    def _tensorflow_failed(self, message: str, details: str) -> None:
        self.tf_status.setText(self.tr("TensorFlow could not be loaded"))
        self._show_error(
            self.tr("TensorFlow could not be loaded: {message}").format(message=message), details
        )

    # ---- start / pause / stop ---------------------------------------------------------------
    @property
    def is_training(self) -> bool:
        return self.controller.busy

    @property
    def worker(self) -> TrainingWorker | None:
        """The run training now (for tests and benchmarks: the window itself goes through
        ``controller``)."""
        return self.controller.worker

    @property
    def worker_thread(self) -> QThread | None:
        return self.controller.worker_thread

    @property
    def last_result(self):
        """The ``TrainingResult`` of the last run that ended."""
        return self.controller.last_result

    def _on_validity(self, ok: bool, reason: str) -> None:
        self._settings_valid, self._invalid_reason = ok, reason
        self._update_buttons()
        if ok:
            self._plan_progress()

    @Slot()
    def _plan_progress(self, *_args) -> None:
        """The idle Overall bar shows the epochs of every run Start would train."""
        if self._settings_valid and not self.is_training and not self.queue.active:
            self.progress.plan(self.settings_panel.planned_epochs())

    def _update_buttons(self) -> None:
        training = self.is_training
        reason = ""
        if not training:
            if self.tensorflow is None:
                reason = self.tr("Start is available once TensorFlow has loaded.")
            elif not self._settings_valid:
                reason = self.tr("Cannot start: {reason}").format(reason=self._invalid_reason)
        self.start_button.setEnabled(not training and not reason)
        self.start_button.setText(self.start_button_text())
        self.compare_button.setEnabled(not training and not reason and not self.queue.active)
        self.start_button.setToolTip(reason)
        self.start_reason.setText(reason)
        self.start_reason.setVisible(bool(reason))
        self.pause_button.setEnabled(training)
        self.stop_button.setEnabled(training)
        self.reset_button.setEnabled(not training)
        self.import_action.setEnabled(not training)
        self.settings_panel.set_locked(training)

    def runs_dir(self) -> Path:
        """Where runs are recorded: the settings' folder, else the user's data folder."""
        return Path(self.settings_panel.config().runs_dir or default_runs_dir())

    def active_run(self) -> str | None:
        return self.controller.active_run_dir

    def start_training(self) -> None:
        if self.is_training or not self.start_button.isEnabled():
            return
        if self.settings_panel.sweep_count() > 1:
            self.start_sweep()
            return
        self.controller.start_run(self.settings_panel.config())

    @Slot(object)
    def _run_starting(self, config: TrainConfig) -> None:
        """A run is about to train: fresh plots and bars; the status says what starts."""
        self.plots.reset(config.monitor)
        item = self.queue.current  # Overall and the ETA cover a queue's every run
        self.progress.set_queue(self._queue_plan(item))
        self.progress.reset(config.epochs, config.learning_rate)
        self._training_message = (
            self._queue_position(item) if item is not None else self.tr("Starting…")
        )
        self.statusBar().showMessage(self._training_message)

    def set_paused(self, paused: bool) -> None:
        if self.controller.set_paused(paused):
            self.pause_button.setText(self.tr("Resume") if paused else self.tr("Pause"))

    def stop_training(self) -> None:
        """Stop the run after its current batch; a queue's runs not yet started are dropped."""
        if self.controller.stop():
            self.statusBar().showMessage(self.tr("Stopping after this batch…"))

    def resume_run(self, run_dir: str, more_epochs: int | None) -> None:
        """Continue a saved run for ``more_epochs`` (None: up to its planned epochs) with its
        optimizer state, shown live."""
        if self.is_training or self.tensorflow is None:
            self._show_error(self.tr("A run can be resumed when no other run is training and "
                                     "TensorFlow has loaded."))  # fmt: skip
            return
        try:
            started = self.controller.resume_run(run_dir, more_epochs)
        except ConfigError as exc:
            self._show_error(self.tr("This run cannot be resumed: {error}").format(error=exc))
            return
        if started:
            self.tabs.setCurrentIndex(0)

    # ---- the comparison queue ---------------------------------------------------------------
    def compare_regularisation(self) -> None:
        """Queue plain, L2 and dropout with the current settings and train them in turn."""
        if self.is_training or self.queue.active or not self.compare_button.isEnabled():
            return
        self._settings_before_queue = self.settings_panel.config()
        self.compare_presets()

    @Slot(object)
    def _queued_run_starting(self, item) -> None:
        """The next queued run; the (locked) settings panel shows what it trains."""
        if self._settings_before_queue is not None:  # Compare: the locked panel shows the preset
            self.settings_panel.set_config(item.config)
        self._training_message = self._queue_position(item)
        self.statusBar().showMessage(self._training_message)

    def _queue_position(self, item) -> str:
        """A queued run's place, as in "Comparison run 2 of 3: CNN + L2 regularisation" (the
        preset named as the Preset field names it) or "Sweep run 2 of 6: <combination>"."""
        i, n = self.queue.items.index(item) + 1, len(self.queue.items)
        sweep = self.queue.persisted
        if sweep is not None and sweep.mode != "compare":
            return self.tr("Sweep run {i} of {n}: {run}").format(i=i, n=n, run=item.label)
        preset = self.settings_panel.fields["preset"].editor
        name = preset.itemText(preset.findData(item.config.preset))
        return self.tr("Comparison run {i} of {n}: {preset}").format(
            i=i, n=n, preset=name or item.label
        )

    def _queue_plan(self, item):
        """Where the queued run ``item`` stands, for the progress panel; None for a run alone."""
        if item is None:
            return None
        return queue_plan(self.queue.items, item, paused=self.queue.paused)

    @Slot()
    def _queue_changed(self) -> None:
        """Runs added or cancelled, or the queue paused, while one trains: Overall and the
        ETA follow."""
        item = self.queue.current
        if item is not None and self.progress.queue is not None:
            self.progress.set_queue(self._queue_plan(item))

    def _restore_settings_after_queue(self) -> None:
        saved = self._settings_before_queue
        if saved is not None:
            self._settings_before_queue = None
            self.settings_panel.set_config(saved)

    @Slot(list)
    def _queue_finished(self, items: list) -> None:
        """Overlay the finished runs in the runs tab: the notebook's lesson on one screen.

        Called once the last run's own message is on the status bar, so this one stays."""
        self.progress.set_queue(None)  # the bar keeps the queue's last figures
        self._restore_settings_after_queue()
        if self.show_finished_sweep():
            return
        folders = [item.run_dir for item in items if item.run_dir]
        completed = sum(item.state == "completed" for item in items)
        if len(folders) < 2:
            self.statusBar().showMessage(
                self.tr("Comparison ended: {done} of {n} runs completed").format(
                    done=completed, n=len(items)
                )
            )
            return
        self.runs_tab.refresh()
        self.runs_tab.select_paths(folders)
        self.tabs.setCurrentWidget(self.runs_tab)
        self.statusBar().showMessage(
            self.tr("Comparison finished ({done} of {n} runs completed): validation curves "
                    "overlaid in the Runs tab").format(done=completed, n=len(items))
        )  # fmt: skip

    @Slot(object)
    def _run_started(self, started) -> None:
        if started.history:  # a resumed run: its earlier epochs first
            self.plots.load_history(list(started.history))
        self.progress.run_started(started)
        self.confusion_page.start_live(started)
        text = self.tr(
            "Training on {device}: {train} train / {val} validation images → {folder}"
        ).format(
            device=started.device,
            train=started.train_size,
            val=started.val_size,
            folder=started.run_dir,
        )
        item = self.queue.current
        if item is not None:
            text = self._queue_position(item) + " — " + text
        self._training_message = text
        self.statusBar().showMessage(text)

    @Slot(bool)
    def _paused_changed(self, paused: bool) -> None:
        if paused:
            self.statusBar().showMessage(self.tr("Paused"))
        else:  # what the run said before the pause, not "Paused" for the rest of the run
            self.statusBar().showMessage(self._training_message)

    @Slot(object)
    def _run_finished(self, result) -> None:
        """The run's own message, and its failure in a dialog; the controller then tells the
        queue (whose end, if this was the last run, says so after this)."""
        summary = result.summary
        done = summary.get("epochs_completed")
        self.progress.finish(result.status, done if isinstance(done, int) else 0)
        self._runs_changed()
        if summary.get("evaluation"):
            self.evaluation_view.show_run(result.run_dir)
        if result.status == "completed":
            text = self.tr("Run completed in {folder}").format(folder=result.run_dir)
            if summary.get("test_acc") is not None:
                text += self.tr(" — test accuracy {acc:.4f}").format(acc=summary["test_acc"])
            self.statusBar().showMessage(text + run_chance_suffix(result))
        elif result.status == "stopped":
            self.statusBar().showMessage(
                (
                    self.tr("Stopped after 1 finished epoch; kept in {folder}")
                    if summary.get("epochs_completed", 0) == 1
                    else self.tr("Stopped after {n} finished epochs; kept in {folder}")
                ).format(n=summary.get("epochs_completed", 0), folder=result.run_dir)
                + run_chance_suffix(result)
            )
        else:
            details = ""
            error_file = Path(result.run_dir) / files.ERROR
            if error_file.is_file():
                details = error_file.read_text(encoding="utf-8", errors="replace")
            self.statusBar().showMessage(self.tr("Run failed"))
            self._show_error(
                self.tr("The run failed: {error}\nWhat it made so far is kept in {folder}.").format(
                    error=summary.get("error"), folder=result.run_dir
                ),
                details,
            )

    @Slot(str, str)
    def _run_refused(self, message: str, details: str) -> None:
        self.progress.finish("failed", 0)
        self.statusBar().showMessage(self.tr("Could not start"))
        self._show_error(
            self.tr("Training could not start: {message}").format(message=message), details
        )

    @Slot(bool, str)
    def _preset_settings_changed(self, _ok: bool, _reason: str) -> None:
        panel = self.settings_panel
        self.preset_table.follow(panel.config(), panel.problems(), panel.label_for)

    @Slot(bool)
    def _busy_changed(self, busy: bool) -> None:
        if not busy:  # the run's thread has ended, however the run ended
            self.progress.stop()  # its clock stops
            self.confusion_page.run_ended()
            self.pause_button.blockSignals(True)
            self.pause_button.setChecked(False)
            self.pause_button.setText(self.tr("Pause"))
            self.pause_button.blockSignals(False)
        self._update_buttons()

    # ---- runs, evaluation, classification ---------------------------------------------------
    @Slot()
    def _runs_changed(self, *_args) -> None:
        self.runs_tab.refresh()
        self.classify_tab.refresh_models()

    @Slot(str)
    def show_evaluation(self, run_dir: str) -> None:
        self.evaluation_view.show_run(run_dir)
        self.tabs.setCurrentWidget(self.evaluation_view)

    @Slot(str)
    def _classify_with_run(self, run_dir: str) -> None:
        # The run's model first: showing the tab would otherwise start loading the newest one.
        self.classify_tab.refresh_models(select=run_dir)
        self.tabs.setCurrentWidget(self.classify_tab)

    @Slot(object, str)
    def _classify_test_image(self, image, run_dir: str) -> None:
        self._classify_with_run(run_dir)
        self.classify_tab.add_images([image])

    @Slot(str, str)
    def _show_error(self, message: str, details: str = "") -> None:
        log.warning("Shown to the user: %s%s", message, f"\n{details}" if details else "")
        previous = getattr(self, "error_box", None)
        if previous is not None:  # one box at a time: the newest message replaces the last
            previous.close()
        box = QMessageBox(QMessageBox.Icon.Critical, self.tr("CIFAR GUI"), message, parent=self)
        box.setTextFormat(Qt.TextFormat.PlainText)  # a file's or run's name as typed
        if details:
            box.setDetailedText(details)
        box.setModal(False)
        box.show()
        self.error_box = box

    # ---- data -------------------------------------------------------------------------------
    def _tab_changed(self, index: int) -> None:
        widget = self.tabs.widget(index)
        if widget is self.explorer:
            self.explorer_loader.load_once()
        elif widget is self.runs_tab:
            self.runs_tab.refresh()
        elif widget is self.sweep_view:
            self.sweep_view.refresh()
        elif widget is self.confusion_page:
            self.confusion_page.refresh()
        elif widget is self.classify_tab:
            self.classify_tab.refresh_models()
            if self.classify_tab.loaded is None and self.tensorflow is not None:
                self.classify_tab.load_newest()

    def download_cifar10(self) -> None:
        answer = QMessageBox.question(
            self, self.tr("Download CIFAR-10"),
            self.tr("Download CIFAR-10 (163 MB) from the University of Toronto into Keras's cache?"),
        )  # fmt: skip
        if answer != QMessageBox.StandardButton.Yes:
            return
        from cifar_gui.ml.download import download_cifar10

        self.statusBar().showMessage(self.tr("Downloading CIFAR-10…"))
        self.tasks.run(download_cifar10, on_result=self._downloaded, on_error=self._show_error)

    @Slot(object)
    def _downloaded(self, folder) -> None:
        self.settings_panel.set_data_source(str(folder))
        self.statusBar().showMessage(
            self.tr("CIFAR-10 downloaded to {folder}").format(folder=folder)
        )

    # ---- settings ---------------------------------------------------------------------------
    def reset_to_reference(self) -> None:
        """The reference experiment's settings; the chosen data source stays."""
        data = self.settings_panel.config().data
        config = TrainConfig()
        config.data = data
        self.settings_panel.set_config(config)

    def _ask_import(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self, self.tr("Import settings"), "", self.tr("JSON (*.json)")
        )
        if path:
            self.import_settings(path)

    def import_settings(self, path: str) -> bool:
        try:
            config = TrainConfig.load(path).validate()  # a wrong type never reaches a field
        except ConfigError as exc:
            self._show_error(
                self.tr("These settings cannot be imported: {error}").format(error=exc)
            )
            return False
        self.settings_panel.set_config(config)
        return True

    def _ask_export(self) -> None:
        path, _ = QFileDialog.getSaveFileName(self, self.tr("Export settings"), files.CONFIG,
                                              self.tr("JSON (*.json)"))  # fmt: skip
        if path:
            self.export_settings(path)

    def export_settings(self, path: str) -> bool:
        text = json.dumps(self.settings_panel.config().to_dict(), indent=2) + "\n"
        try:
            atomic_write_text(path, text)
        except OSError as exc:
            self._show_error(
                self.tr("The settings could not be saved: {error}").format(error=os_error_text(exc))
            )
            return False
        return True

    # ---- closing ----------------------------------------------------------------------------
    def closeEvent(self, event: QCloseEvent) -> None:
        if self.is_training:
            answer = QMessageBox.question(
                self, self.tr("Training is running"),
                self.tr("Stop the training and quit? The epochs finished so far are kept."),
            )  # fmt: skip
            if answer != QMessageBox.StandardButton.Yes:
                event.ignore()
                return
        self.hide()  # the user sees the window go at once; the threads finish behind it
        self.shutdown_threads()
        self._restore_settings_after_queue()  # the user's settings, not a compared preset
        save_window_settings(self, self.settings_panel)
        super().closeEvent(event)

    def shutdown_threads(self) -> None:
        """Stop the run and wait for every thread, so Qt never destroys a running QThread.

        A stopped run ends after its current batch (well under a second at batch 32); a
        helper (TensorFlow still loading, a data set loading) always ends on its own.
        """
        self.controller.shutdown()  # a sweep's runs left stay on disk, offered at the next start
        self.tasks.shutdown()
