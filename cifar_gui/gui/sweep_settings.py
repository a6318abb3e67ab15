"""The settings panel with sweeps: a list in any numeric field, several choices for a choice.

A numeric field takes ``1e-3, 3e-4, 1e-4`` (or, with random search, a range ``1e-4..1e-2``);
the *Sweep* group below the settings picks several presets, optimizers or schedules, switches
on random search (N runs, a seed) and lists the combinations before they start. Parsing and
expansion are ``cifar_gui.sweep``'s, the same as the CLI's. ``config()`` keeps returning one
valid run's settings (each swept field at its first value), so everything that reads the panel
as one run (the runs folder, saved settings) still works.
"""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QSpinBox,
    QWidget,
)

from cifar_gui.gui.setting_labels import combination_text, value_text
from cifar_gui.gui.settings_panel import SettingsPanel, _ParseError
from cifar_gui.sweep import (
    SWEEPABLE,
    Axis,
    SweepError,
    SweepRun,
    SweepSpec,
    expand,
    parse_axis,
)
from cifar_gui.sweep.spec import RANGE_MARK

SWEEP_KEY = "training/sweep"  # QSettings: where earlier versions kept a sweep (now removed)
PREVIEW_LIMIT = 200  # combinations listed; the count is always exact
CHOICE_SWEEPS = ("preset", "optimizer", "schedule")


class SweepSettingsPanel(SettingsPanel):
    """``SettingsPanel`` plus sweeps; ``sweepChanged(n)`` says how many runs Start would start."""

    sweepChanged = Signal(int)

    def __init__(self, parent: QWidget | None = None) -> None:
        self.choice_boxes: dict[str, dict[str, QCheckBox]] = {}
        self._sweep_problems: dict[str, str] = {}
        self._spec: SweepSpec | None = None
        self._locked = False
        super().__init__(parent)
        self.layout().insertWidget(self.layout().count() - 1, self._sweep_group())
        for name in self._list_fields():
            self.fields[name].read = self._first_value_reader(name, self.fields[name].read)
            self.fields[name].editor.setToolTip(self.tr("Several values sweep: 1e-3, 3e-4"))
        self._on_edit()

    # ---- building ---------------------------------------------------------------------------
    def _list_fields(self) -> list[str]:
        return [n for n in self.fields if SWEEPABLE.get(n) in (int, float)]

    def _sweep_group(self) -> QGroupBox:
        group = QGroupBox(self.tr("Sweep (one run per combination)"))
        form = QFormLayout(group)
        hint = QLabel(self.tr("Type several values in a field (learning rate 1e-3, 3e-4) or "
                              "tick several choices below."))  # fmt: skip
        hint.setWordWrap(True)
        form.addRow(hint)
        for name in CHOICE_SWEEPS:
            combo = self.fields[name].editor
            row, boxes = QHBoxLayout(), {}
            for index in range(combo.count()):
                value = combo.itemData(index)
                box = QCheckBox(value_text(name, value))
                box.setObjectName(f"sweep_{name}_{value}")
                box.setToolTip(combo.itemText(index))
                box.toggled.connect(self._on_edit)
                row.addWidget(box)
                boxes[value] = box
            row.addStretch(1)
            self.choice_boxes[name] = boxes
            form.addRow(self.label_for(name), row)
        self.random_check = QCheckBox(self.tr("Random search: draw"))
        self.random_check.setToolTip(self.tr("Draw N combinations at random from the lists and "
                                             "ranges (low..high; rates log-uniform)"))  # fmt: skip
        self.random_count = QSpinBox(minimum=1, maximum=1000, value=8, suffix=self.tr(" runs"))
        self.random_seed = QSpinBox(minimum=0, maximum=2**31 - 1, value=0)
        self.random_seed.setPrefix(self.tr("seed "))
        for widget in (self.random_check, self.random_count, self.random_seed):
            signal = widget.toggled if widget is self.random_check else widget.valueChanged
            signal.connect(self._on_edit)
        random_row = QHBoxLayout()
        for widget in (self.random_check, self.random_count, self.random_seed):
            random_row.addWidget(widget)
        random_row.addStretch(1)
        form.addRow(random_row)
        self.count_label = QLabel()
        self.preview = QListWidget()
        self.preview.setMaximumHeight(120)
        form.addRow(self.count_label)
        form.addRow(self.preview)
        return group

    def _first_value_reader(self, name: str, read):
        editor = self.fields[name].editor

        def first():
            text = editor.text()
            if "," not in text and RANGE_MARK not in text:
                return read()
            axis = self._axis(name, text)
            if axis is None:
                raise _ParseError("sweep")
            return axis.values[0] if axis.values else axis.low

        return first

    def _axis(self, name: str, text: str) -> Axis | None:
        try:
            return parse_axis(name, text)
        except SweepError as exc:
            self._sweep_problems[name] = exc.why
            return None

    # ---- the sweep --------------------------------------------------------------------------
    def _read_spec(self) -> SweepSpec | None:
        """The sweep the panel describes, or ``None`` (one run); problems go to the fields."""
        self._sweep_problems = {}
        axes = []
        for name in self._list_fields():
            text = self.fields[name].editor.text()
            if ("," in text or RANGE_MARK in text) and (axis := self._axis(name, text)):
                axes.append(axis)
        for name, boxes in self.choice_boxes.items():
            ticked = tuple(value for value, box in boxes.items() if box.isChecked())
            if len(ticked) > 1:
                axes.append(Axis(name, ticked))
        if not axes:
            return None
        random = self.random_count.value() if self.random_check.isChecked() else None
        spec = SweepSpec(tuple(axes), random, self.random_seed.value())
        try:
            spec.combinations()
        except SweepError as exc:
            self._sweep_problems[exc.field or axes[0].field] = exc.why
            return None
        return spec

    def sweep_spec(self) -> SweepSpec | None:
        return self._spec

    def sweep_count(self) -> int:
        """How many runs Start starts (1 without a sweep)."""
        return self._spec.count if self._spec is not None else 1

    def sweep_runs(self, sweep_id: str) -> list[SweepRun]:
        """The runs of the sweep as typed, tagged with ``sweep_id``; empty without a sweep."""
        if self._spec is None:
            return []
        return expand(self.config(), self._spec.combinations(), sweep_id)

    def planned_epochs(self) -> list[int]:
        """The epochs of each run Start would start (one number without a sweep); a sweep's
        runs differ where it sweeps the epochs or a preset with its own recipe."""
        base = self.config()
        if self._spec is None:
            return [base.epochs]
        planned: dict[tuple, int] = {}  # (preset, epochs) -> the run's epochs: one expand each
        epochs = []
        for combination in self._spec.combinations():
            key = {k: combination[k] for k in ("preset", "epochs") if k in combination}
            if "preset" not in key:
                epochs.append(key.get("epochs", base.epochs))
                continue
            if tuple(key.items()) not in planned:  # a preset's recipe may bring its own epochs
                try:
                    planned[tuple(key.items())] = expand(base, [key], "plan")[0].config.epochs
                except SweepError:  # said in the fields; Start is off
                    planned[tuple(key.items())] = key.get("epochs", base.epochs)
            epochs.append(planned[tuple(key.items())])
        return epochs

    def set_choice_sweep(self, name: str, values: tuple[str, ...]) -> None:
        """Tick exactly ``values`` for a choice setting (Compare regularisation ticks presets)."""
        for value, box in self.choice_boxes[name].items():
            box.setChecked(value in values)

    def set_config(self, config) -> None:
        """One run's settings: any sweep (lists, ticks, random search) is cleared."""
        super().set_config(config)
        for name in self.choice_boxes:
            self.set_choice_sweep(name, ())
        if hasattr(self, "random_check"):
            self.random_check.setChecked(False)

    # ---- validation -------------------------------------------------------------------------
    def problems(self) -> dict[str, str]:
        self._spec = self._read_spec()
        problems = super().problems()
        for name in self._sweep_problems:
            problems.pop(name, None)
        problems.update(self._sweep_problems)
        return problems

    def _on_edit(self, *_args) -> None:
        if self._loading or not hasattr(self, "preview"):
            return
        super()._on_edit()
        self._show_preview()

    def _show_preview(self) -> None:
        self.preview.clear()
        spec = self._spec
        self._enable_swept_choices()
        if spec is None:
            self.count_label.setText(self.tr("One run (no setting has several values)."))
            self.preview.hide()
            self.sweepChanged.emit(1)
            return
        combinations = spec.combinations()
        self.count_label.setText(self.tr("{n} runs:").format(n=len(combinations)))
        for index, combination in enumerate(combinations[:PREVIEW_LIMIT], start=1):
            self.preview.addItem(f"{index}. {combination_text(combination)}")
        self.preview.show()
        self.sweepChanged.emit(len(combinations))

    def _enable_swept_choices(self) -> None:
        """A choice being swept is set by its ticks, not its list: the list is greyed out."""
        for name in self.choice_boxes:
            swept = self._spec is not None and name in self._spec.fields
            self.fields[name].editor.setEnabled(not swept and not self._locked)

    def set_locked(self, locked: bool) -> None:
        super().set_locked(locked)
        self._locked = locked
        self._enable_swept_choices()
        for boxes in self.choice_boxes.values():
            for box in boxes.values():
                box.setEnabled(not locked)
        for widget in (self.random_check, self.random_count, self.random_seed):
            widget.setEnabled(not locked)
