"""The ``train`` command's setting flags: one per ``TrainConfig`` field, each with its help and
the default it falls back to, so ``cifar-gui train --help`` documents every setting. The flags
are made from the settings' descriptions (``TrainConfig``'s ``setting(...)`` metadata, see
``cifar_gui/setting_spec.py``): a new setting gets its flag without an edit here.

A flag left out keeps the value of ``--config`` (or the default), so every setting a config
file holds survives the command line unchanged. No TensorFlow here.
"""

from __future__ import annotations

import argparse
import logging
from dataclasses import dataclass, field, fields
from typing import Any

from cifar_gui.config import TrainConfig, setting_specs
from cifar_gui.i18n import _
from cifar_gui.recipes import RECIPES, apply_recipe
from cifar_gui.setting_spec import SettingSpec

logger = logging.getLogger(__name__)


@dataclass(frozen=True)
class SettingFlag:
    flag: str
    field: str
    help: str
    options: dict[str, Any] = field(default_factory=dict)
    empty_text: str = ""  # what "none" means for a setting that may be left out ("all")

    @property
    def dest(self) -> str:
        return self.flag.lstrip("-").replace("-", "_")


def whole_number(text: str) -> int:
    """argparse type: a count ("30", also "1e3"), refused in a sentence ("2.5" is no count)."""
    try:
        return int(text)
    except ValueError:
        pass
    try:
        value = float(text)
    except ValueError:
        raise argparse.ArgumentTypeError(_not_a_count(text)) from None
    if value.is_integer():
        return int(value)
    raise argparse.ArgumentTypeError(_not_a_count(text))


def _not_a_count(text: str) -> str:
    return _("Enter a whole number, not {text}.").format(text=text)


def number(text: str) -> float:
    """argparse type: a number, refused in a sentence."""
    try:
        return float(text)
    except ValueError:
        raise argparse.ArgumentTypeError(
            _("Enter a number, not {text}.").format(text=text)
        ) from None


def _options(spec: SettingSpec) -> dict[str, Any]:
    """argparse options from a setting's description: a switch (``--x``/``--no-x``) for a
    true/false setting, a checked type for numbers, the choices for a list of names."""
    if spec.value_type is bool:
        return {"action": argparse.BooleanOptionalAction}
    options: dict[str, Any] = {}
    if spec.value_type in (int, float):
        options["type"] = whole_number if spec.value_type is int else number
    elif spec.choices:
        options["choices"] = spec.choices
    if spec.metavar:
        options["metavar"] = spec.metavar
    return options


def _flag(spec: SettingSpec) -> SettingFlag:
    return SettingFlag(spec.flag, spec.name, spec.help, _options(spec), spec.empty_text)


SETTING_FLAGS = tuple(_flag(spec) for spec in setting_specs())

FLAG_FOR_FIELD = {s.field: s.flag for s in SETTING_FLAGS}


def _shown(value: Any, empty_text: str = "") -> str:
    if value is True:
        return _("on")
    if value is False:
        return _("off")
    if value is None:
        return _(empty_text) if empty_text else _("none")
    return f"{value:g}" if isinstance(value, float) else str(value)


def add_setting_flags(parser: argparse.ArgumentParser) -> None:
    """One flag per setting, its help in the current language; the help names the default
    unless it already explains it."""
    defaults = TrainConfig()
    for setting in SETTING_FLAGS:
        text = _(setting.help)
        if "(default:" not in setting.help:
            shown = _shown(getattr(defaults, setting.field), setting.empty_text)
            text += " " + _("(default: {value})").format(value=shown)
        parser.add_argument(setting.flag, dest=setting.dest, help=text, **setting.options)


def given_fields(args: argparse.Namespace) -> set[str]:
    """The settings whose flag was given (every flag defaults to None, so None = left out)."""
    return {s.field for s in SETTING_FLAGS if getattr(args, s.dest, None) is not None}


def apply_setting_flags(config: TrainConfig, args: argparse.Namespace) -> TrainConfig:
    """Set every field whose flag was given; the rest keep ``config``'s values.

    A ``--preset`` that changes the preset also brings its recipe (``cifar_gui/recipes.py``:
    optimizer, rate, schedule, batch size, epochs, augmentation), except where a flag sets the
    value explicitly: the flag wins. The same preset as ``config``'s keeps ``config``'s values.
    """
    preset = getattr(args, "preset", None)
    if preset is not None and preset != config.preset and preset in RECIPES:
        changed = apply_recipe(config, preset, explicit=given_fields(args))
        if changed:
            logger.info("Preset %s sets %s", preset, ", ".join(changed))
    for setting in SETTING_FLAGS:
        value = getattr(args, setting.dest, None)
        if value is not None:
            setattr(config, setting.field, value)
    return config


def fields_without_flag() -> list[str]:
    """Settings the command line cannot set (none; a test keeps it so)."""
    return sorted({f.name for f in fields(TrainConfig)} - set(FLAG_FOR_FIELD))
