"""A model's layers as a table (``ml.model_summary.ModelSummary``), with the totals below.

``ModelTable`` only shows a summary; ``PresetModelTable`` makes one for the preset about to be
trained, on a worker thread (building the preset needs Keras), whenever the preset, dropout
rate or L2 factor change, once TensorFlow has loaded; the newest settings win.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer, Slot
from PySide6.QtWidgets import (
    QAbstractItemView,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from cifar_gui.gui.field_message import ERROR_STYLE
from cifar_gui.gui.setting_labels import value_text
from cifar_gui.gui.workers import BackgroundTasks
from cifar_gui.layer_settings_text import settings_text

SUMMARY_TASK = "preset-model-table"  # BackgroundTasks key: the newest settings win


def _number(value: int) -> QTableWidgetItem:
    item = QTableWidgetItem(f"{value:,}")
    item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
    return item


def _build_summary(wanted: tuple[str, float | None, float | None]):
    """On a worker: (wanted, the layer summary) for ``wanted`` = (preset, dropout rate, L2
    factor); a rate or factor of None takes the preset's default (0.2, 1e-3)."""
    from cifar_gui.ml.model_summary import preset_summary

    preset, rate, l2 = wanted
    return wanted, preset_summary(
        preset, dropout_rate=rate if rate is not None else 0.2,
        l2_factor=l2 if l2 is not None else 1e-3,
    )  # fmt: skip


class ModelTable(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.summary = None
        self.title = QLabel()
        self.title.setTextFormat(Qt.TextFormat.PlainText)  # names as typed
        self.title.setWordWrap(True)
        self.table = QTableWidget(0, 6)
        self.table.setHorizontalHeaderLabels(
            [self.tr("Layer"), self.tr("Type"), self.tr("Output shape"), self.tr("Trainable"),
             self.tr("Non-trainable"), self.tr("Settings")]
        )  # fmt: skip
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.verticalHeader().setVisible(False)
        self.totals = QLabel()
        self.totals.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.title)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.totals)

    def show_summary(self, summary, title: str | None = None) -> None:
        """Fill the table with a ``ModelSummary``."""
        self.summary = summary
        self.title.setText(title if title is not None else summary.name)
        self.title.setStyleSheet("")
        self.table.setRowCount(len(summary.layers))
        for row, layer in enumerate(summary.layers):
            shape = " × ".join("?" if d is None else str(d) for d in layer.output_shape)
            settings = settings_text(layer.settings)
            items = (QTableWidgetItem(layer.name), QTableWidgetItem(layer.kind),
                     QTableWidgetItem(shape), _number(layer.trainable),
                     _number(layer.non_trainable), QTableWidgetItem(settings))  # fmt: skip
            for column, item in enumerate(items):
                self.table.setItem(row, column, item)
        self.table.resizeColumnsToContents()
        self.totals.setText(
            self.tr("Total: {total:,} parameters — {trainable:,} trainable, "
                    "{frozen:,} non-trainable").format(
                total=summary.total, trainable=summary.trainable, frozen=summary.non_trainable
            )
        )  # fmt: skip

    def show_problem(self, text: str) -> None:
        self.summary = None
        self.table.setRowCount(0)
        self.totals.setText("")
        self.title.setText(text)
        self.title.setStyleSheet(ERROR_STYLE)


class PresetModelTable(ModelTable):
    """The preset about to be trained; call ``set_settings`` on every settings change."""

    DEBOUNCE_MS = 250

    def __init__(self, tasks: BackgroundTasks, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.tasks = tasks
        self.ready = False  # Keras may be imported (TensorFlow has loaded)
        self._wanted: tuple | None = None  # the settings' layers to show
        self._requested: tuple | None = None  # the newest asked of a worker
        self._shown: tuple | None = None  # the layers on screen
        self._timer = QTimer(self, singleShot=True, interval=self.DEBOUNCE_MS)
        self._timer.timeout.connect(self._build_wanted)
        self.title.setText(self.tr("The model's layers appear once TensorFlow has loaded."))

    def set_ready(self) -> None:
        self.ready = True
        self._timer.start()

    def set_settings(self, preset: str, dropout_rate: float, l2_factor: float) -> None:
        """Only what changes the layers matters: the rate for dropout/modern, L2 for l2."""
        self._wanted = (
            preset,
            dropout_rate if preset in ("dropout", "modern") else None,
            l2_factor if preset == "l2" else None,
        )
        if self.ready:
            self._timer.start()

    def follow(self, config, problems: dict[str, str], label_for) -> None:
        """The settings panel's ``TrainConfig`` and problems: a refused value that shapes the
        model is named instead of showing a table for a default the user did not type."""
        relevant = ("preset", "dropout_rate", "l2_factor")
        refused = [name for name in relevant if name in problems]
        if refused:
            self._timer.stop()
            self._wanted = self._requested = self._shown = None  # a table on its way is dropped
            name = refused[0]
            self.show_problem(
                self.tr("No model for these settings: {field}: {why}").format(
                    field=label_for(name), why=problems[name]
                )
            )
            return
        self.set_settings(config.preset, config.dropout_rate, config.l2_factor)

    @Slot()
    def _build_wanted(self) -> None:
        """Ask a worker for the wanted layers; the newest settings win (``SUMMARY_TASK``)."""
        if self._wanted is None or self._wanted == self._requested:
            return
        self._requested = self._wanted
        self.tasks.run(
            _build_summary, self._wanted, latest=SUMMARY_TASK,
            on_result=self._built, on_error=self._failed,
        )  # fmt: skip

    @Slot(object)
    def _built(self, result) -> None:
        wanted, summary = result
        if wanted != self._requested:
            return  # the settings were refused since
        self._shown = wanted
        title = self.tr("Preset “{preset}”, before training (for 10 classes, as CIFAR-10)")
        self.show_summary(summary, title.format(preset=value_text("preset", wanted[0])))

    @Slot(str, str)
    def _failed(self, message: str, _details: str) -> None:
        if self._requested is None:
            return  # the settings were refused since
        self._shown = self._requested
        self.show_problem(self.tr("No model for these settings: {error}").format(error=message))
