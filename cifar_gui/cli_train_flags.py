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
        raise argparse.ArgumentTypeError(f"Enter a whole number, not {text}.") from None
    if value.is_integer():
        return int(value)
    raise argparse.ArgumentTypeError(f"Enter a whole number, not {text}.")


def number(text: str) -> float:
    """argparse type: a number, refused in a sentence."""
    try:
        return float(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"Enter a number, not {text}.") from None


_SWITCH = {"action": argparse.BooleanOptionalAction}

SETTING_FLAGS = (
    SettingFlag(
        "--data", "data", "demo, cifar10, auto, or a path (archive, batch folder, image folder)"
    ),
    SettingFlag(
        "--preset",
        "preset",
        "the network; it also sets its recipe (optimizer, rate, schedule, batch size, epochs, "
        "augmentation) unless those flags are given",
        {"choices": PRESETS},
    ),
    SettingFlag("--dropout", "dropout_rate", "dropout rate (dropout preset)", {"type": number}),
    SettingFlag("--l2", "l2_factor", "L2 factor (l2 preset)", {"type": number}),
    SettingFlag(
        "--augment",
        "augment",
        "random flips and shifts (default: the preset's own choice, on for modern and fast)",
        _SWITCH,
    ),
    SettingFlag("--optimizer", "optimizer", "the optimizer", {"choices": OPTIMIZERS}),
    SettingFlag("--lr", "learning_rate", "learning rate", {"type": number}),
    SettingFlag("--momentum", "momentum", "momentum (sgd)", {"type": number}),
    SettingFlag("--weight-decay", "weight_decay", "weight decay (adamw)", {"type": number}),
    SettingFlag("--schedule", "schedule", "learning-rate schedule", {"choices": SCHEDULES}),
    SettingFlag(
        "--plateau-factor",
        "plateau_factor",
        "plateau schedule: the rate is multiplied by this when val_loss stops improving",
        {"type": number},
    ),
    SettingFlag(
        "--plateau-patience",
        "plateau_patience",
        "plateau schedule: epochs without improvement before the rate drops",
        {"type": whole_number},
    ),
    SettingFlag(
        "--warmup-epochs",
        "warmup_epochs",
        "epochs over which the rate rises linearly from 0 (constant or cosine schedule)",
        {"type": whole_number},
    ),
    SettingFlag("--batch-size", "batch_size", "images per training step", {"type": whole_number}),
    SettingFlag("--epochs", "epochs", "epochs to train", {"type": whole_number}),
    SettingFlag(
        "--val-split",
        "val_split",
        "share of the training images held out for validation",
        {"type": number},
    ),
    SettingFlag(
        "--stratify",
        "stratify",
        "the same class shares in the validation split as in training",
        _SWITCH,
    ),
    SettingFlag(
        "--seed", "seed", "random seed (split, initial weights, shuffling)", {"type": whole_number}
    ),
    SettingFlag(
        "--deterministic",
        "deterministic",
        "deterministic TensorFlow ops (the same seed gives the same run)",
        _SWITCH,
    ),
    SettingFlag(
        "--limit-train",
        "limit_train",
        "train on a class-balanced sample of N training images, drawn with --seed (default: all)",
        {"type": whole_number, "metavar": "N"},
    ),
    SettingFlag(
        "--early-stopping",
        "early_stopping",
        "stop when the monitored figure has not "
        "improved for --patience epochs and keep the best epoch's model",
        _SWITCH,
    ),
    SettingFlag(
        "--patience",
        "patience",
        "early stopping: epochs without improvement",
        {"type": whole_number},
    ),
    SettingFlag(
        "--monitor",
        "monitor",
        "what makes an epoch the best one (best.keras, early stopping)",
        {"choices": MONITORS},
    ),
    SettingFlag("--device", "device", "auto, cpu, gpu:N or all-gpus"),
    SettingFlag("--mixed-precision", "mixed_precision", "float16 arithmetic (GPU only)", _SWITCH),
    SettingFlag(
        "--gpu-memory-limit",
        "gpu_memory_limit_mb",
        "the most GPU memory the run may take (default: none, it grows as needed)",
        {"type": whole_number, "metavar": "MB"},
    ),
    SettingFlag("--test", "evaluate_test", "evaluate the finished run on the test set", _SWITCH),
    SettingFlag(
        "--on-save-error",
        "on_save_error",
        "when the disk is full: stop the run or keep training without saving",
        {"choices": ("stop", "continue")},
    ),
    SettingFlag(
        "--tensorboard", "tensorboard", "also write TensorBoard logs into the run folder", _SWITCH
    ),
    SettingFlag(
        "--runs-dir", "runs_dir", "folder for run records (default: the user's data folder)"
    ),
    SettingFlag(
        "--name",
        "run_name",
        "a name for the run, in any script (default: the "
        "preset); the folder gets an ASCII version of it",
    ),
    SettingFlag(
        "--sweep-id",
        "sweep_id",
        "tag the run as one of a sweep's (set by the sweep command; letters, digits, - or _)",
    ),
)

FLAG_FOR_FIELD = {s.field: s.flag for s in SETTING_FLAGS}


def _shown(value: Any) -> str:
    if value is True:
        return "on"
    if value is False:
        return "off"
    return "none" if value is None else f"{value:g}" if isinstance(value, float) else str(value)


def add_setting_flags(parser: argparse.ArgumentParser) -> None:
    """One flag per setting; the help names the default unless it already explains it."""
    defaults = TrainConfig()
    for setting in SETTING_FLAGS:
        text = setting.help
        if "(default:" not in text:
            text += f" (default: {_shown(getattr(defaults, setting.field))})"
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
