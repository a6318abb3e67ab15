"""The settings panel: one field per training setting, each with its refusal reason beside it.

The rows are made from the settings' descriptions (``TrainConfig``'s ``setting(...)``, see
``cifar_gui/setting_spec.py``): the group, the label, the kind of widget, the unit, the choices
and the help come from there, so a new setting gets its row without an edit here. The few
widgets that cannot be generic (the data source with its buttons, the preset with its recipe
note, the device list) are built by the builder their description names.

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
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from cifar_gui.config import TrainConfig, setting_specs
from cifar_gui.data import DataSourceError, resolve_source
from cifar_gui.data.discovery import find_cifar10
from cifar_gui.gui.data_check import DataCheck
from cifar_gui.gui.field_message import FieldMessage
from cifar_gui.gui.focused_wheel import FocusedWheelComboBox
from cifar_gui.gui.number_edit import NumberEdit
from cifar_gui.gui.preset_recipe import PresetRecipeNote
from cifar_gui.i18n import _
from cifar_gui.recipes import RECIPE_FIELDS, apply_recipe
from cifar_gui.setting_spec import GENERIC_WIDGETS, GROUPS, SettingSpec


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
        self.row: QWidget | None = None  # the editor with what goes beside it (its unit)

    def show_problem(self, text: str | None) -> None:
        if self.help is None:
            self.help = self.editor.toolTip()
        self.error.setText(text or "")
        self.error.setVisible(bool(text))
        self.editor.setToolTip(text or self.help)


def _help_text(spec: SettingSpec) -> str:
    """A setting's tooltip: its help as a sentence, then the values it takes."""
    text = _(spec.help)
    if text == spec.help:  # English: the command line's phrase, as a sentence here
        text = text[:1].upper() + text[1:]
    allowed = spec.range_text() if spec.widget == "number" else ""
    return f"{text}\n{allowed}" if allowed else text


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
        self._build_groups(layout)
        layout.addStretch(1)
        self.set_config(TrainConfig())

    # ---- building ---------------------------------------------------------------------------
    def _build_groups(self, layout: QVBoxLayout) -> None:
        """One group box per ``GROUPS`` entry, one row per setting of that group, each made from
        the setting's description: the generic kinds here, the others by their own builder."""
        builders = {
            "number": self._number_row, "choice": self._choice_row, "check": self._check_row,
            "text": self._text_row, "data_source": self._data_source_row,
            "preset": self._preset_row, "device": self._device_row,
        }  # fmt: skip
        specs = setting_specs()
        for group, title in GROUPS.items():
            box = QGroupBox(_(title))
            form = QFormLayout(box)
            for spec in (s for s in specs if s.group == group):
                field, extra = builders[spec.widget](spec)
                self._add(form, spec, field)
                if extra is not None:
                    form.addRow("", extra)
            if form.rowCount():
                layout.addWidget(box)

    def _add(self, form: QFormLayout, spec: SettingSpec, field: _Field) -> None:
        name, editor = spec.name, field.editor
        self.fields[name] = field
        label = "" if isinstance(editor, QCheckBox) else _(spec.label)
        self._labels[name] = label or _(spec.label)
        if spec.widget in GENERIC_WIDGETS:  # the others' builders know their options best
            editor.setToolTip(_help_text(spec))
        row = QWidget()
        box = QVBoxLayout(row)
        box.setContentsMargins(0, 0, 0, 0)
        box.setSpacing(1)
        box.addWidget(field.row or editor)
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

    def _number_row(self, spec: SettingSpec) -> tuple[_Field, None]:
        """A line edit for a number, its unit after it; empty means ``None`` where the setting
        may be left out (its placeholder says what that means)."""
        kind, optional = spec.value_type, spec.optional
        text_of = _number_text if kind is float else lambda v: str(int(v))
        editor = self._line_edit(spec, NumberEdit(spec, text_of))

        def read():
            return _parse_number(editor.text(), kind, optional)

        def write(value):
            editor.setText(
                "" if value is None else _number_text(value) if kind is float else str(value)
            )

        field = _Field(editor, read, write)
        if spec.unit:
            field.row = QWidget()
            line = QHBoxLayout(field.row)
            line.setContentsMargins(0, 0, 0, 0)
            line.addWidget(editor, 1)
            line.addWidget(QLabel(_(spec.unit)))
        return field, None

    def _text_row(self, spec: SettingSpec) -> tuple[_Field, None]:
        """A line edit for a name or a path; empty (or only spaces) means ``None``."""
        editor = self._line_edit(spec)

        def write(value):
            editor.setText("" if value is None else str(value))

        return _Field(editor, lambda: editor.text() if editor.text().strip() else None, write), None

    def _line_edit(self, spec: SettingSpec, editor: QLineEdit | None = None) -> QLineEdit:
        editor = QLineEdit() if editor is None else editor
        editor.setObjectName(spec.name)
        if spec.empty_text:
            editor.setPlaceholderText(_(spec.empty_text))
        editor.textChanged.connect(self._on_edit)
        return editor

    def _choice_row(self, spec: SettingSpec) -> tuple[_Field, None]:
        labels = spec.choice_labels or tuple(str(c) for c in spec.choices)
        return self._combo(
            spec.name, [(_(t), v) for t, v in zip(labels, spec.choices, strict=True)]
        ), None

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

    def _check_row(self, spec: SettingSpec) -> tuple[_Field, None]:
        editor = QCheckBox(_(spec.label))
        editor.setObjectName(spec.name)
        editor.toggled.connect(self._on_edit)
        return _Field(editor, editor.isChecked, lambda v: editor.setChecked(bool(v))), None

    def _data_source_row(self, spec: SettingSpec) -> tuple[_Field, QHBoxLayout]:
        """The data source: the sources offered by name, a chosen path, and the buttons that
        choose an archive or a folder or download CIFAR-10."""
        found = find_cifar10()  # a few file checks, no loading
        cifar_item = (
            self.tr("CIFAR-10 on this machine ({path})").format(path=found)
            if found
            else self.tr("CIFAR-10 on this machine (not found)")
        )
        data = self._combo(
            spec.name,
            [
                (self.tr("Automatic (CIFAR-10 if found, else demo)"), "auto"),
                (self.tr("Built-in demo shapes"), "demo"),
                (cifar_item, "cifar10"),
            ],
        )
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
        return data, buttons

    def _preset_row(self, spec: SettingSpec) -> tuple[_Field, PresetRecipeNote]:
        """The preset list; choosing one brings its recipe, which the note below it names."""
        field, _none = self._choice_row(spec)
        self.recipe_note = PresetRecipeNote()
        field.editor.currentIndexChanged.connect(self._apply_preset_recipe)
        field.editor.setToolTip(_help_text(spec))
        return field, self.recipe_note

    def _device_row(self, spec: SettingSpec) -> tuple[_Field, None]:
        """Automatic and the CPU; ``set_devices`` adds the GPUs TensorFlow finds."""
        return self._combo(
            spec.name, [(self.tr("Automatic"), "auto"), (self.tr("CPU"), "cpu")]
        ), None

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
