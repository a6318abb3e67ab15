"""Every training setting in one place, with the reasons a value is refused.

The defaults are the reference experiment (``shared/reference/seed-notebook.md``): the dropout
CNN, Adam at 1e-4, batch 32, 30 epochs, a 30% validation split with seed 777. The same JSON is
written as a run's ``config.json`` and read back by the CLI and (later) the GUI's import.
"""

from __future__ import annotations

import dataclasses
import json
import math
from dataclasses import dataclass, fields
from pathlib import Path
from typing import Any

from cifar_gui.i18n import N_, _, os_error_text

PRESETS = ("plain", "l2", "dropout", "modern", "fast")
AUGMENTED_PRESETS = ("modern", "fast")  # augment=None: these augment, the reference ones do not
OPTIMIZERS = ("adam", "adamw", "sgd", "rmsprop")
SCHEDULES = ("constant", "cosine", "plateau")
MONITORS = ("val_loss", "val_acc")
SAVE_ERROR_POLICIES = ("stop", "continue")  # when the disk is full or the folder read-only


class ConfigError(ValueError):
    """Invalid settings; ``problems`` maps each field to the reason it was refused."""

    def __init__(self, problems: dict[str, str]) -> None:
        self.problems = problems
        super().__init__("; ".join(f"{key}: {why}" for key, why in problems.items()))


@dataclass
class TrainConfig:
    data: str = "auto"
    preset: str = "dropout"
    dropout_rate: float = 0.2
    l2_factor: float = 1e-3
    augment: bool | None = None  # None: the preset's own choice (on for "modern" and "fast")
    optimizer: str = "adam"
    learning_rate: float = 1e-4
    momentum: float = 0.9
    weight_decay: float = 1e-4
    schedule: str = "constant"
    warmup_epochs: int = 0  # the rate rises linearly from 0 over these epochs (constant, cosine)
    plateau_factor: float = 0.5
    plateau_patience: int = 3
    batch_size: int = 32
    epochs: int = 30
    val_split: float = 0.3
    stratify: bool = False
    seed: int = 777
    deterministic: bool = True
    limit_train: int | None = None
    early_stopping: bool = False
    patience: int = 5
    monitor: str = "val_acc"  # the "best" epoch: saved as best.keras, kept by early stopping
    device: str = "auto"
    mixed_precision: bool = False
    gpu_memory_limit_mb: int | None = None
    evaluate_test: bool = True
    on_save_error: str = "stop"  # "continue": keep training in memory when saving fails
    tensorboard: bool = False
    runs_dir: str | None = None
    run_name: str | None = None
    sweep_id: str | None = None  # the sweep this run belongs to (cifar_gui/sweep/), if any

    # ---- validation -------------------------------------------------------------------------
    def problems(self) -> dict[str, str]:
        """Field name -> reason, for every refused value (empty when all is well)."""
        p: dict[str, str] = {}

        def choice(name: str, allowed: tuple[str, ...]) -> None:
            if getattr(self, name) not in allowed:
                p[name] = _("Choose {options}.").format(options=_either(allowed))

        def number(name: str, lo: float, hi: float, *, lo_open=False, hi_open=False, integer=False):
            value = getattr(self, name)
            if isinstance(value, bool) or not isinstance(value, int | float):
                p[name] = _("Enter a whole number.") if integer else _("Enter a number.")
                return
            if integer and not isinstance(value, int):
                p[name] = (
                    _("Enter a whole number, not {text}.").format(text=f"{value:g}")
                    if math.isfinite(value)
                    else _("Enter a whole number.")
                )
                return
            if not math.isfinite(value):
                p[name] = _("Enter a finite number.")
                return
            too_low = value <= lo if lo_open else value < lo
            too_high = value >= hi if hi_open else value > hi
            if too_low or too_high:
                p[name] = _range_sentence(integer, lo, hi, lo_open, hi_open)

        choice("preset", PRESETS)
        choice("optimizer", OPTIMIZERS)
        choice("schedule", SCHEDULES)
        choice("monitor", MONITORS)
        choice("on_save_error", SAVE_ERROR_POLICIES)
        number("dropout_rate", 0.0, 1.0, hi_open=True)
        number("l2_factor", 0.0, 1.0)
        number("learning_rate", 0.0, 10_000.0, lo_open=True)
        number("momentum", 0.0, 1.0, hi_open=True)
        number("weight_decay", 0.0, 1.0)
        number("plateau_factor", 0.0, 1.0, lo_open=True, hi_open=True)
        number("plateau_patience", 0, 1000, integer=True)
        number("batch_size", 1, 65_536, integer=True)
        number("epochs", 1, 100_000, integer=True)
        number("val_split", 0.0, 1.0, lo_open=True, hi_open=True)
        number("seed", 0, 2**31 - 1, integer=True)
        number("patience", 0, 1000, integer=True)
        number("warmup_epochs", 0, 1000, integer=True)
        if "warmup_epochs" not in p and "epochs" not in p and self.warmup_epochs:
            if self.warmup_epochs >= self.epochs:
                p["warmup_epochs"] = _("Warm up for fewer epochs than the run has.")
            elif self.schedule == "plateau":
                p["warmup_epochs"] = _("Warm-up works with the constant or cosine schedule only.")
        if self.limit_train is not None:
            number("limit_train", 2, 10**9, integer=True)
        if self.gpu_memory_limit_mb is not None:
            number("gpu_memory_limit_mb", 64, 10**7, integer=True)
        if not _valid_device(self.device):
            p["device"] = _("Choose auto, cpu, gpu:N (N is the GPU's number) or all-gpus.")
        if self.mixed_precision and self.device == "cpu":
            p["mixed_precision"] = _(
                "Mixed precision needs a GPU (float16 on a CPU is slower, not faster)."
            )
        if not isinstance(self.data, str) or not self.data.strip():
            p["data"] = _("Choose a data source.")
        for flag in ("stratify", "deterministic", "early_stopping", "evaluate_test", "tensorboard"):
            if not isinstance(getattr(self, flag), bool):
                p[flag] = _("Use true or false.")
        if self.augment is not None and not isinstance(self.augment, bool):
            p["augment"] = _("Use true, false or null (the preset's own choice).")
        for name in ("runs_dir", "run_name"):
            if (why := _text_problem(getattr(self, name))) is not None:
                p[name] = why
        if self.sweep_id is not None and not _valid_sweep_id(self.sweep_id):
            p["sweep_id"] = _("Use letters, digits, - or _ only.")
        return p

    def validate(self) -> TrainConfig:
        if problems := self.problems():
            raise ConfigError(problems)
        return self

    # ---- derived values ---------------------------------------------------------------------
    @property
    def augmentation(self) -> bool:
        return self.preset in AUGMENTED_PRESETS if self.augment is None else self.augment

    # ---- JSON -------------------------------------------------------------------------------
    def to_dict(self) -> dict[str, Any]:
        return dataclasses.asdict(self)

    @classmethod
    def from_dict(cls, data: dict[str, Any], *, allow_unknown: bool = False) -> TrainConfig:
        """Build from JSON; unknown keys are refused (a typo must not pass silently)."""
        if not isinstance(data, dict):
            raise ConfigError({"config": _("The settings must be a JSON object.")})
        known = {f.name for f in fields(cls)}
        unknown = sorted(set(data) - known)
        if unknown and not allow_unknown:
            raise ConfigError({key: _("Unknown setting; check its spelling.") for key in unknown})
        config = cls(**{k: v for k, v in data.items() if k in known})
        if isinstance(config.learning_rate, int) and not isinstance(config.learning_rate, bool):
            config.learning_rate = float(config.learning_rate)
        return config

    @classmethod
    def load(cls, path: str | Path) -> TrainConfig:
        try:
            data = json.loads(Path(path).read_text(encoding="utf-8"))
        except (OSError, UnicodeDecodeError) as exc:
            raise ConfigError(
                {
                    "config": _("Cannot read {path} ({error}).").format(
                        path=path, error=os_error_text(exc) if isinstance(exc, OSError) else exc
                    )
                }
            ) from exc
        except json.JSONDecodeError as exc:
            raise ConfigError(
                {"config": _("{path} is not valid JSON ({error}).").format(path=path, error=exc)}
            ) from exc
        if isinstance(data, dict) and "settings" in data and isinstance(data["settings"], dict):
            data = data["settings"]  # a run's config.json wraps the settings
        return cls.from_dict(data)


def _either(options: tuple[str, ...]) -> str:
    """``a, b or c``."""
    if len(options) == 1:
        return options[0]
    return _("{first} or {last}").format(first=", ".join(options[:-1]), last=options[-1])


def _amount(value: float) -> str:
    """3, 0.5, 65,536 (thousands grouped, so no one miscounts the zeros)."""
    if float(value).is_integer():
        return f"{int(value):,}"
    return f"{value:g}"


def _range_sentence(integer: bool, lo: float, hi: float, lo_open: bool, hi_open: bool) -> str:
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
    return _(sentence).format(lo=_amount(lo), hi=_amount(hi))


def _text_problem(value: object) -> str | None:
    """Why an optional text setting (a run's name, the runs folder) is refused, if it is."""
    if value is None:
        return None
    if not isinstance(value, str) or not value.strip():
        return _("Enter some text, or leave the setting out.")
    if any(ord(c) < 32 or ord(c) == 127 for c in value):
        return _("Remove the control characters (such as line breaks).")
    return None


def _valid_device(device: object) -> bool:
    if device in ("auto", "cpu", "all-gpus"):
        return True
    if isinstance(device, str) and device.startswith("gpu:"):
        return device[4:].isdigit()
    return False


def _valid_sweep_id(value: object) -> bool:
    return (
        isinstance(value, str)
        and 0 < len(value) <= 64
        and all(c.isascii() and (c.isalnum() or c in "-_") for c in value)
    )
