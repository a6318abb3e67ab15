"""The settings panel: one field per training setting, each with its refusal reason beside it.

Values are checked by ``TrainConfig.problems()``, the same rules the CLI applies, so the window
and the command line can never disagree about what is valid.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from cifar_gui.config import OPTIMIZERS, PRESETS, SCHEDULES, TrainConfig
from cifar_gui.data import DataSourceError, resolve_source
from cifar_gui.data.discovery import find_cifar10
from cifar_gui.gui.data_check import DataCheck
from cifar_gui.gui.field_message import FieldMessage
from cifar_gui.gui.focused_wheel import FocusedWheelComboBox
from cifar_gui.gui.preset_recipe import PresetRecipeNote
from cifar_gui.recipes import RECIPE_FIELDS, apply_recipe


class _Field:
    """A setting's editor, how to read and write it, and the label that shows its problem."""

    def __init__(
        self, editor: QWidget, read: Callable[[], object], write: Callable[[object], None]
    ):
        self.editor = editor
        self.read = read
        self.write = write
        self.error = FieldMessage()  # its line is reserved: no field moves when it shows
        self.error.hide()
        self.help: str | None = None  # the editor's own tooltip, back once a problem is gone

    def show_problem(self, text: str | None) -> None:
        if self.help is None:
            self.help = self.editor.toolTip()
        self.error.setText(text or "")
        self.error.setVisible(bool(text))
        self.editor.setToolTip(text or self.help)


def _number_text(value: float) -> str:
    """The shortest text that reads back as exactly ``value`` (1e-4 as 0.0001, not 0.000100)."""
    text = f"{value:g}"
    return text if float(text) == value else repr(float(value))


class _ParseError(ValueError):
    """``kind`` says what was wrong: "empty", "number", "whole" (a fraction where a count goes)."""

    def __init__(self, kind: str, text: str = "") -> None:
        super().__init__(kind)
        self.kind, self.text = kind, text


def _parse_number(text: str, kind: type, optional: bool = False):
    text = text.strip()
    if not text:
        if optional:
            return None
        raise _ParseError("empty")
    try:
        return float(text) if kind is float else int(text)
    except ValueError:
        pass
    try:
        value = float(text)
    except ValueError:
        raise _ParseError("whole" if kind is int else "number", text) from None
    if kind is int and value.is_integer():
        return int(value)  # "30.0" or "1e3" epochs mean 30 and 1000
    raise _ParseError("whole" if kind is int else "number", text)


class SettingsPanel(QWidget):
    """Edits a ``TrainConfig``; ``validityChanged(ok, reason)`` tells the window whether Start may run."""

    validityChanged = Signal(bool, str)
    downloadRequested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.fields: dict[str, _Field] = {}
        self._labels: dict[str, str] = {}  # field -> its label, to name it in reasons
        self._parse_problems: dict[str, str] = {}
        self._loading = False
        self._edited: set[str] = set()  # fields the user changed since the last set_config
        self.data_check = DataCheck()  # fed by the window when the chosen data has loaded
        self.refused_choice: str | None = None  # why the last folder or archive was refused
        # The settings without a field here (the run's name, the runs folder) come from the last
        # set_config, so an import followed by an export gives back the same file.
        self._base = TrainConfig()
        layout = QVBoxLayout(self)
        layout.addWidget(self._data_group())
        layout.addWidget(self._model_group())
        layout.addWidget(self._training_group())
        layout.addWidget(self._device_group())
        layout.addStretch(1)
        self.set_config(TrainConfig())

    # ---- building ---------------------------------------------------------------------------
    def _add(self, form: QFormLayout, name: str, label: str, field: _Field) -> None:
        self.fields[name] = field
        editor = field.editor
        self._labels[name] = label or (editor.text() if isinstance(editor, QCheckBox) else name)
        row = QWidget()
        box = QVBoxLayout(row)
        box.setContentsMargins(0, 0, 0, 0)
        box.setSpacing(1)
        box.addWidget(field.editor)
        box.addWidget(field.error)
        form.addRow(label, row)
        self._track_edits(name, editor)

    def _track_edits(self, name: str, editor: QWidget) -> None:
        """Remember that the user changed ``name``: a preset's recipe then leaves it alone."""
        signal = (
            editor.textChanged
            if isinstance(editor, QLineEdit)
            else editor.toggled
            if isinstance(editor, QCheckBox)
            else editor.currentIndexChanged
        )
        signal.connect(lambda *_: None if self._loading else self._edited.add(name))

    def _line(self, name: str, kind: type, optional: bool = False) -> _Field:
        editor = QLineEdit()
        editor.setObjectName(name)
        editor.textChanged.connect(self._on_edit)

        def read():
            return _parse_number(editor.text(), kind, optional)

        def write(value):
            editor.setText(
                "" if value is None else _number_text(value) if kind is float else str(value)
            )

        return _Field(editor, read, write)

    def _combo(self, name: str, items: list[tuple[str, object]]) -> _Field:
        editor = FocusedWheelComboBox()
        editor.setObjectName(name)
        for text, value in items:
            editor.addItem(text, value)
        editor.currentIndexChanged.connect(self._on_edit)

        def write(value):
            index = editor.findData(value)
            if index < 0:  # a value this list does not offer yet (a path, a GPU): add it
                editor.addItem(str(value), value)
                index = editor.count() - 1
            editor.setCurrentIndex(index)

        return _Field(editor, editor.currentData, write)

    def _check(self, name: str, text: str) -> _Field:
        editor = QCheckBox(text)
        editor.setObjectName(name)
        editor.toggled.connect(self._on_edit)
        return _Field(editor, editor.isChecked, lambda v: editor.setChecked(bool(v)))

    def _data_group(self) -> QGroupBox:
        group = QGroupBox(self.tr("Data"))
        form = QFormLayout(group)
        found = find_cifar10()  # a few file checks, no loading
        cifar_item = (
            self.tr("CIFAR-10 on this machine ({path})").format(path=found)
            if found
            else self.tr("CIFAR-10 on this machine (not found)")
        )
        data = self._combo(
            "data",
            [
                (self.tr("Automatic (CIFAR-10 if found, else demo)"), "auto"),
                (self.tr("Built-in demo shapes"), "demo"),
                (cifar_item, "cifar10"),
            ],
        )
        self._add(form, "data", self.tr("Source"), data)
        buttons = QHBoxLayout()
        self.browse_archive_button = QPushButton(self.tr("Archive…"))
        self.browse_archive_button.setToolTip(self.tr("Choose a cifar-10-python.tar.gz file"))
        self.browse_archive_button.clicked.connect(self._browse_archive)
        self.browse_folder_button = QPushButton(self.tr("Folder…"))
        self.browse_folder_button.setToolTip(
            self.tr("Choose a cifar-10-batches-py folder or an image folder (ROOT/<class>/*.png)")
        )
        self.browse_folder_button.clicked.connect(self._browse_folder)
        self.download_button = QPushButton(self.tr("Download…"))
        self.download_button.setToolTip(self.tr("Download CIFAR-10 (needs internet access)"))
        self.download_button.clicked.connect(self.downloadRequested)
        for button in (self.browse_archive_button, self.browse_folder_button, self.download_button):
            buttons.addWidget(button)
        form.addRow("", buttons)
        self._add(form, "val_split", self.tr("Validation split"), self._line("val_split", float))
        self._add(form, "seed", self.tr("Seed"), self._line("seed", int))
        self._add(
            form,
            "limit_train",
            self.tr("Use N images (balanced)"),
            self._line("limit_train", int, True),
        )
        self.fields["limit_train"].editor.setPlaceholderText(self.tr("all"))
        self.fields["limit_train"].editor.setToolTip(
            self.tr(
                "A class-balanced sample of N images of the training data, drawn with the seed; "
                "the validation split is taken from these N (the Data tab shows both counts)."
            )
        )
        self._add(form, "stratify", "", self._check("stratify", self.tr("Stratified split")))
        return group

    def _model_group(self) -> QGroupBox:
        group = QGroupBox(self.tr("Model"))
        form = QFormLayout(group)
        names = {
            "plain": self.tr("Plain CNN"),
            "l2": self.tr("CNN + L2 regularisation"),
            "dropout": self.tr("CNN + dropout (reference)"),
            "modern": self.tr("Modern (batch norm, augmentation)"),
            "fast": self.tr("Fast (speed-run recipe for CPUs)"),
        }
        self._add(
            form,
            "preset",
            self.tr("Preset"),
            self._combo("preset", [(names[p], p) for p in PRESETS]),
        )
        self.recipe_note = PresetRecipeNote()
        form.addRow("", self.recipe_note)
        self.fields["preset"].editor.currentIndexChanged.connect(self._apply_preset_recipe)
        self._add(form, "dropout_rate", self.tr("Dropout rate"), self._line("dropout_rate", float))
        self._add(form, "l2_factor", self.tr("L2 factor"), self._line("l2_factor", float))
        augment = self._combo(
            "augment",
            [(self.tr("Preset default"), None), (self.tr("On"), True), (self.tr("Off"), False)],
        )
        self._add(form, "augment", self.tr("Augmentation"), augment)
        return group

    def _training_group(self) -> QGroupBox:
        group = QGroupBox(self.tr("Training"))
        form = QFormLayout(group)
        self._add(form, "optimizer", self.tr("Optimizer"),
                  self._combo("optimizer", [(o.upper() if o != "adamw" else "AdamW", o) for o in OPTIMIZERS]))  # fmt: skip
        self._add(
            form, "learning_rate", self.tr("Learning rate"), self._line("learning_rate", float)
        )
        schedules = {
            "constant": self.tr("Constant"),
            "cosine": self.tr("Cosine decay"),
            "plateau": self.tr("Reduce on plateau"),
        }
        self._add(form, "schedule", self.tr("Schedule"),
                  self._combo("schedule", [(schedules[s], s) for s in SCHEDULES]))  # fmt: skip
        self._add(
            form, "warmup_epochs", self.tr("Warm-up (epochs)"), self._line("warmup_epochs", int)
        )
        self.fields["warmup_epochs"].editor.setToolTip(
            self.tr("The learning rate rises from 0 over these epochs (constant or cosine)")
        )
        self._add(
            form,
            "plateau_factor",
            self.tr("Plateau: rate factor"),
            self._line("plateau_factor", float),
        )
        self.fields["plateau_factor"].editor.setToolTip(
            self.tr("Reduce on plateau: the learning rate is multiplied by this factor")
        )
        self._add(
            form,
            "plateau_patience",
            self.tr("Plateau: patience (epochs)"),
            self._line("plateau_patience", int),
        )
        self.fields["plateau_patience"].editor.setToolTip(
            self.tr("Reduce on plateau: epochs without a lower validation loss before it acts")
        )
        self._add(form, "momentum", self.tr("Momentum (SGD)"), self._line("momentum", float))
        self._add(
            form, "weight_decay", self.tr("Weight decay (AdamW)"), self._line("weight_decay", float)
        )
        self._add(form, "batch_size", self.tr("Batch size"), self._line("batch_size", int))
        self._add(form, "epochs", self.tr("Epochs"), self._line("epochs", int))
        self._add(
            form, "early_stopping", "", self._check("early_stopping", self.tr("Early stopping"))
        )
        self._add(form, "patience", self.tr("Patience (epochs)"), self._line("patience", int))
        self._add(form, "monitor", self.tr("Best epoch by"), self._combo(
            "monitor", [(self.tr("Validation accuracy"), "val_acc"), (self.tr("Validation loss"), "val_loss")]
        ))  # fmt: skip
        self._add(
            form,
            "evaluate_test",
            "",
            self._check("evaluate_test", self.tr("Evaluate on the test set")),
        )
        self._add(
            form,
            "deterministic",
            "",
            self._check("deterministic", self.tr("Deterministic (the same seed, the same run)")),
        )
        self._add(
            form,
            "tensorboard",
            "",
            self._check("tensorboard", self.tr("Write TensorBoard logs")),
        )
        self._add(form, "on_save_error", self.tr("If saving fails"), self._combo(
            "on_save_error", [(self.tr("Stop the run (disk full, read-only folder)"), "stop"),
                              (self.tr("Keep training without saving"), "continue")]
        ))  # fmt: skip
        return group

    def _device_group(self) -> QGroupBox:
        group = QGroupBox(self.tr("Device"))
        form = QFormLayout(group)
        device = self._combo("device", [(self.tr("Automatic"), "auto"), (self.tr("CPU"), "cpu")])
        self._add(form, "device", self.tr("Device"), device)
        self._add(
            form,
            "mixed_precision",
            "",
            self._check("mixed_precision", self.tr("Mixed precision (GPU)")),
        )
        cap = self._line("gpu_memory_limit_mb", int, optional=True)
        cap.editor.setPlaceholderText(self.tr("no cap: memory grows as needed"))
        cap.editor.setToolTip(self.tr("The most GPU memory a run may take, in MB (empty: it "
                                      "grows as needed and leaves the rest to other programs)"))  # fmt: skip
        self._add(form, "gpu_memory_limit_mb", self.tr("GPU memory cap (MB)"), cap)
        return group

    # ---- data source choosers ---------------------------------------------------------------
    def _browse_archive(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self, self.tr("Choose the CIFAR-10 archive"), str(Path.home()),
            self.tr("CIFAR-10 archives (*.tar.gz *.tgz *.tar);;All files (*)"),
        )  # fmt: skip
        if path:
            self.choose_data_source(path)

    def _browse_folder(self) -> None:
        path = QFileDialog.getExistingDirectory(
            self, self.tr("Choose a data folder"), str(Path.home())
        )
        if path:
            self.choose_data_source(path)

    def choose_data_source(self, path: str) -> bool:
        """Take a chosen folder or archive as the data source when it is one (a CIFAR-10
        archive or batch folder, anything ``CIFAR10_DIR`` accepts, or an image folder with two
        classes or more); otherwise keep the current source and show why beside it."""
        try:
            resolve_source(path)  # file checks and one bounded listing: nothing is decoded
        except DataSourceError as exc:
            self.refused_choice = self.tr("Not used: {reason}").format(reason=exc)
            self.fields["data"].show_problem(self.refused_choice)
            return False
        self.refused_choice = None
        self.set_data_source(path)
        return True

    def set_data_source(self, source: str) -> None:
        self.fields["data"].write(source)

    def set_data_loaded(self, source: str, dataset) -> None:
        """The window loaded ``source``: check the Start conditions against its labels."""
        self.data_check.loaded(source, dataset)
        self._on_edit()

    def set_data_failed(self, source: str, message: str) -> None:
        """``source`` could not be loaded: Start stays off with this reason."""
        self.data_check.failed(source, message)
        self._on_edit()

    def set_devices(self, devices: list) -> None:
        """Offer each device TensorFlow found (called once it has loaded)."""
        combo: QComboBox = self.fields["device"].editor
        current = combo.currentData()
        for device in devices:
            if device.name != "cpu" and combo.findData(device.name) < 0:
                memory = f" ({device.memory_mb} MB)" if device.memory_mb else ""
                combo.addItem(device.description + memory, device.name)
        if (
            sum(1 for d in devices if d.name.startswith("gpu:")) > 1
            and combo.findData("all-gpus") < 0
        ):
            combo.addItem(self.tr("All GPUs (MirroredStrategy)"), "all-gpus")
        self.fields["device"].write(current)

    # ---- reading, writing, validating -------------------------------------------------------
    def set_config(self, config: TrainConfig) -> None:
        self._base = dataclasses.replace(config)
        self._edited = set()
        self.recipe_note.clear_note()
        self._loading = True
        try:
            for name, field in self.fields.items():
                field.write(getattr(config, name))
        finally:
            self._loading = False
        self._on_edit()

    def config(self) -> TrainConfig:
        """The settings as typed; fields that do not parse, and settings without a field, keep
        the values of the last ``set_config`` (see ``problems``)."""
        config = dataclasses.replace(self._base)
        self._parse_problems = {}
        for name, field in self.fields.items():
            try:
                setattr(config, name, field.read())
            except _ParseError as exc:
                self._parse_problems[name] = self._parse_message(exc)
        return config

    def _apply_preset_recipe(self, *_args) -> None:
        """The chosen preset's recipe into every recipe field the user has not edited; the
        note under the list names what changed and what was kept."""
        if self._loading:
            return
        preset = self.fields["preset"].read()
        config = self.config()
        explicit = self._edited & set(RECIPE_FIELDS)
        changed = apply_recipe(config, preset, explicit=explicit)
        self._loading = True
        try:
            for name in changed:
                self.fields[name].write(getattr(config, name))
        finally:
            self._loading = False
        kept = [name for name in RECIPE_FIELDS if name in explicit]
        self.recipe_note.describe(
            preset, [self.label_for(n) for n in changed], [self.label_for(n) for n in kept]
        )
        self._on_edit()

    def _parse_message(self, error: _ParseError) -> str:
        if error.kind == "empty":
            return self.tr("Enter a value.")
        if error.kind == "whole":
            return self.tr("Enter a whole number, not {text}.").format(text=error.text)
        return self.tr("Enter a number.")

    def problems(self) -> dict[str, str]:
        config = self.config()
        problems = {k: v for k, v in config.problems().items() if k in self.fields}
        problems.update(self._parse_problems)
        if not problems and (data_problem := self.data_check.problem(config)):
            problems[data_problem[0]] = data_problem[1]
        return problems

    def _on_edit(self, *_args) -> None:
        if self._loading:
            return
        problems = self.problems()
        for name, field in self.fields.items():
            field.show_problem(problems.get(name))
        reason = ""
        if problems:
            name, why = next(iter(problems.items()))
            reason = self.tr("{field}: {why}").format(field=self.label_for(name), why=why)
        self.validityChanged.emit(not problems, reason)

    def label_for(self, name: str) -> str:
        return self._labels.get(name, name)

    def set_locked(self, locked: bool) -> None:
        """Settings cannot change while a run trains."""
        for field in self.fields.values():
            field.editor.setEnabled(not locked)
        for button in (self.browse_archive_button, self.browse_folder_button, self.download_button):
            button.setEnabled(not locked)
