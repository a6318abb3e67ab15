"""How one training setting is described, once, beside its ``TrainConfig`` field.

``setting(default, ...)`` is a ``dataclasses.field`` whose metadata holds a ``SettingSpec``:
its label, help, unit, allowed range or choices, command-line flag, the kind of widget the
settings panel shows and the group it sits in. From that one description come the ``train``
command's flags (``cli_train_flags``), the settings panel's rows (``gui/settings_panel``), the
refusals of ``TrainConfig.problems()`` and the checks on import. The value's type comes from
the field's annotation (``int | None``: a whole number that may be left out), so it is not
written twice either.

Texts are marked with ``N_`` and translated where they are shown (``_``). No Qt here.
"""

from __future__ import annotations

import dataclasses
import math
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from cifar_gui.i18n import N_, _

# The panel's groups, in the order it shows them; ``SettingSpec.group`` is one of the keys.
GROUPS = {
    "data": N_("Data"),
    "model": N_("Model"),
    "training": N_("Training"),
    "device": N_("Device"),
    "run": N_("Run"),
}

# The settings panel's widget kinds. "number": a line edit (a spin box would clamp "1.5" to
# 0.99 where the user must see why 1.5 is refused, and could not hold a sweep's "1e-3, 3e-4");
# "choice": a combo box of ``choices``; "check": a check box; "text": a line edit whose empty
# text means "none". Any other kind is a widget the panel builds itself, found by that name.
GENERIC_WIDGETS = ("number", "choice", "check", "text")

_TYPES = {"int": int, "float": float, "str": str, "bool": bool}


@dataclass(frozen=True)
class SettingSpec:
    """One setting's description (see the module's docstring); ``name``, ``value_type`` and
    ``optional`` are filled in from the dataclass field by ``describe``."""

    label: str
    help: str
    group: str
    widget: str
    flag: str
    unit: str = ""  # shown after the value ("epochs", "MB")
    low: float | None = None
    high: float | None = None
    step: float | None = None  # what the Up/Down keys add or take (whole numbers: 1)
    low_open: bool = False  # the range excludes ``low`` itself
    high_open: bool = False
    choices: tuple = ()
    choice_labels: tuple[str, ...] = ()  # one per choice, as the panel offers it
    empty_text: str = ""  # what an empty field means ("all", "no cap")
    metavar: str | None = None
    check: Callable[[Any], str | None] | None = None  # a refusal only this setting has
    sweep: bool = False  # a sweep may vary it (a list of numbers, or several choices)
    log_scale: bool = False  # random search draws it log-uniformly (its values span decades)
    short_name: str = ""  # in a sweep run's name ("lr"), when not the field's name
    name: str = ""
    value_type: type = str
    optional: bool = False

    @property
    def dest(self) -> str:
        """The argparse destination of ``flag`` (``--batch-size`` -> ``batch_size``)."""
        return self.flag.lstrip("-").replace("-", "_")

    def key_step(self) -> float | None:
        """What one Up/Down key press adds: ``step``, or 1 for a whole number."""
        return self.step if self.step is not None else 1 if self.value_type is int else None

    def label_with_unit(self) -> str:
        """The label in the current language, its unit after it: "Patience (epochs)"."""
        if not self.unit:
            return _(self.label)
        return _("{label} ({unit})").format(label=_(self.label), unit=_(self.unit))

    def range_text(self) -> str:
        """The allowed values in one translated sentence, or "" when any value of the type
        goes: "Enter a whole number from 1 to 65,536.", "Choose adam, adamw, sgd or rmsprop."."""
        if self.choices and self.value_type is str:
            return _("Choose {options}.").format(options=either(self.choices))
        if self.low is None or self.high is None:
            return ""
        return range_sentence(
            self.value_type is int, self.low, self.high, self.low_open, self.high_open
        )

    def problem(self, value: object) -> str | None:
        """Why ``value`` is refused for this setting, in one translated sentence, or None."""
        if value is None and self.optional:
            return None
        if self.value_type is bool:
            return _bool_problem(value, self.optional)
        if self.value_type in (int, float):
            return _number_problem(self, value)
        if self.choices and value not in self.choices:
            return self.range_text()
        return self.check(value) if self.check is not None else None


def setting(default: Any, **description: Any) -> Any:
    """A ``dataclasses.field`` with ``default``; its metadata holds ``SettingSpec(**description)``
    under ``"spec"``."""
    return dataclasses.field(default=default, metadata={"spec": SettingSpec(**description)})


def describe(field: dataclasses.Field) -> SettingSpec:
    """The field's ``SettingSpec`` with its name and its value's type (from the annotation,
    ``"int | None"`` -> ``int``, optional); ``KeyError`` when the field has no description."""
    annotation = str(field.type)
    base = annotation.replace("| None", "").replace("None |", "").strip()
    return dataclasses.replace(
        field.metadata["spec"],
        name=field.name,
        value_type=_TYPES[base],
        optional="None" in annotation,
    )


def either(options: tuple) -> str:
    """``a, b or c`` in the current language."""
    options = tuple(str(o) for o in options)
    if len(options) == 1:
        return options[0]
    return _("{first} or {last}").format(first=", ".join(options[:-1]), last=options[-1])


def amount(value: float) -> str:
    """3, 0.5, 65,536 (thousands grouped, so no one miscounts the zeros)."""
    if float(value).is_integer():
        return f"{int(value):,}"
    return f"{value:g}"


def range_sentence(integer: bool, lo: float, hi: float, lo_open: bool, hi_open: bool) -> str:
    """The refusal naming the allowed interval in words: "Enter a whole number from 1 to 65,536.",
    "Enter a number that is greater than 0 and at most 10,000." (the interval notation
    "(0, 10000]" is not something everyone reads). Whole sentences, so that a language with
    another word order (Korean) can translate them."""
    sentences = {
        (True, False, False): N_("Enter a whole number from {lo} to {hi}."),
        (True, True, False): N_("Enter a whole number that is greater than {lo} and at most {hi}."),
        (True, False, True): N_("Enter a whole number that is at least {lo} and less than {hi}."),
        (True, True, True): N_(
            "Enter a whole number that is greater than {lo} and less than {hi}."
        ),
        (False, False, False): N_("Enter a number from {lo} to {hi}."),
        (False, True, False): N_("Enter a number that is greater than {lo} and at most {hi}."),
        (False, False, True): N_("Enter a number that is at least {lo} and less than {hi}."),
        (False, True, True): N_("Enter a number that is greater than {lo} and less than {hi}."),
    }
    sentence = sentences[(integer, lo_open, hi_open)]
    return _(sentence).format(lo=amount(lo), hi=amount(hi))


def _bool_problem(value: object, optional: bool) -> str | None:
    if isinstance(value, bool):
        return None
    if optional:
        return _("Use true, false or null (the preset's own choice).")
    return _("Use true or false.")


def _number_problem(spec: SettingSpec, value: object) -> str | None:
    integer = spec.value_type is int
    if isinstance(value, bool) or not isinstance(value, int | float):
        return _("Enter a whole number.") if integer else _("Enter a number.")
    if integer and not isinstance(value, int):
        if math.isfinite(value):
            return _("Enter a whole number, not {text}.").format(text=f"{value:g}")
        return _("Enter a whole number.")
    if not math.isfinite(value):
        return _("Enter a finite number.")
    if spec.low is None or spec.high is None:
        return None
    too_low = value <= spec.low if spec.low_open else value < spec.low
    too_high = value >= spec.high if spec.high_open else value > spec.high
    return spec.range_text() if too_low or too_high else None
