"""The ``train`` command's setting flags: one per ``TrainConfig`` field, each with its help and
the default it falls back to, so ``cifar-gui train --help`` documents every setting.

A flag left out keeps the value of ``--config`` (or the default), so every setting a config
file holds survives the command line unchanged. No TensorFlow here.
"""

from __future__ import annotations

import argparse
import logging
from dataclasses import dataclass, field, fields
from typing import Any

from cifar_gui.config import MONITORS, OPTIMIZERS, PRESETS, SCHEDULES, TrainConfig
from cifar_gui.i18n import N_, _
from cifar_gui.recipes import RECIPES, apply_recipe

logger = logging.getLogger(__name__)


@dataclass(frozen=True)
class SettingFlag:
    flag: str
    field: str
    help: str
    options: dict[str, Any] = field(default_factory=dict)

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


_SWITCH = {"action": argparse.BooleanOptionalAction}

SETTING_FLAGS = (
    SettingFlag(
        "--data", "data", N_("demo, cifar10, auto, or a path (archive, batch folder, image folder)")
    ),
    SettingFlag(
        "--preset",
        "preset",
        N_(
            "the network; it also sets its recipe (optimizer, rate, schedule, batch size, epochs, "
            "augmentation) unless those flags are given"
        ),
        {"choices": PRESETS},
    ),
    SettingFlag("--dropout", "dropout_rate", N_("dropout rate (dropout preset)"), {"type": number}),
    SettingFlag("--l2", "l2_factor", N_("L2 factor (l2 preset)"), {"type": number}),
    SettingFlag(
        "--augment",
        "augment",
        N_("random flips and shifts (default: the preset's own choice, on for modern and fast)"),
        _SWITCH,
    ),
    SettingFlag("--optimizer", "optimizer", N_("the optimizer"), {"choices": OPTIMIZERS}),
    SettingFlag("--lr", "learning_rate", N_("learning rate"), {"type": number}),
    SettingFlag("--momentum", "momentum", N_("momentum (sgd)"), {"type": number}),
    SettingFlag("--weight-decay", "weight_decay", N_("weight decay (adamw)"), {"type": number}),
    SettingFlag("--schedule", "schedule", N_("learning-rate schedule"), {"choices": SCHEDULES}),
    SettingFlag(
        "--plateau-factor",
        "plateau_factor",
        N_("plateau schedule: the rate is multiplied by this when val_loss stops improving"),
        {"type": number},
    ),
    SettingFlag(
        "--plateau-patience",
        "plateau_patience",
        N_("plateau schedule: epochs without improvement before the rate drops"),
        {"type": whole_number},
    ),
    SettingFlag(
        "--warmup-epochs",
        "warmup_epochs",
        N_("epochs over which the rate rises linearly from 0 (constant or cosine schedule)"),
        {"type": whole_number},
    ),
    SettingFlag(
        "--batch-size", "batch_size", N_("images per training step"), {"type": whole_number}
    ),
    SettingFlag("--epochs", "epochs", N_("epochs to train"), {"type": whole_number}),
    SettingFlag(
        "--val-split",
        "val_split",
        N_("share of the training images held out for validation"),
        {"type": number},
    ),
    SettingFlag(
        "--stratify",
        "stratify",
        N_("the same class shares in the validation split as in training"),
        _SWITCH,
    ),
    SettingFlag(
        "--seed",
        "seed",
        N_("random seed (split, initial weights, shuffling)"),
        {"type": whole_number},
    ),
    SettingFlag(
        "--deterministic",
        "deterministic",
        N_("deterministic TensorFlow ops (the same seed gives the same run)"),
        _SWITCH,
    ),
    SettingFlag(
        "--limit-train",
        "limit_train",
        N_(
            "use a class-balanced sample of N images of the training data, drawn with "
            "--seed; the validation split is taken from these N (default: all)"
        ),
        {"type": whole_number, "metavar": "N"},
    ),
    SettingFlag(
        "--early-stopping",
        "early_stopping",
        N_(
            "stop when the monitored figure has not "
            "improved for --patience epochs and keep the best epoch's model"
        ),
        _SWITCH,
    ),
    SettingFlag(
        "--patience",
        "patience",
        N_("early stopping: epochs without improvement"),
        {"type": whole_number},
    ),
    SettingFlag(
        "--monitor",
        "monitor",
        N_("what makes an epoch the best one (best.keras, early stopping)"),
        {"choices": MONITORS},
    ),
    SettingFlag("--device", "device", N_("auto, cpu, gpu:N or all-gpus")),
    SettingFlag(
        "--mixed-precision", "mixed_precision", N_("float16 arithmetic (GPU only)"), _SWITCH
    ),
    SettingFlag(
        "--gpu-memory-limit",
        "gpu_memory_limit_mb",
        N_("the most GPU memory the run may take (default: none, it grows as needed)"),
        {"type": whole_number, "metavar": "MB"},
    ),
    SettingFlag(
        "--test", "evaluate_test", N_("evaluate the finished run on the test set"), _SWITCH
    ),
    SettingFlag(
        "--on-save-error",
        "on_save_error",
        N_("when the disk is full: stop the run or keep training without saving"),
        {"choices": ("stop", "continue")},
    ),
    SettingFlag(
        "--tensorboard",
        "tensorboard",
        N_("also write TensorBoard logs into the run folder"),
        _SWITCH,
    ),
    SettingFlag(
        "--runs-dir", "runs_dir", N_("folder for run records (default: the user's data folder)")
    ),
    SettingFlag(
        "--name",
        "run_name",
        N_(
            "a name for the run, in any script (default: the "
            "preset); the folder gets an ASCII version of it"
        ),
    ),
    SettingFlag(
        "--sweep-id",
        "sweep_id",
        N_("tag the run as one of a sweep's (set by the sweep command; letters, digits, - or _)"),
    ),
)

FLAG_FOR_FIELD = {s.field: s.flag for s in SETTING_FLAGS}


def _shown(value: Any) -> str:
    if value is True:
        return _("on")
    if value is False:
        return _("off")
    return _("none") if value is None else f"{value:g}" if isinstance(value, float) else str(value)


def add_setting_flags(parser: argparse.ArgumentParser) -> None:
    """One flag per setting, its help in the current language; the help names the default
    unless it already explains it."""
    defaults = TrainConfig()
    for setting in SETTING_FLAGS:
        text = _(setting.help)
        if "(default:" not in setting.help:
            shown = _shown(getattr(defaults, setting.field))
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
