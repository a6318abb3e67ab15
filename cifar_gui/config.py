"""Every training setting in one place, with the reasons a value is refused.

The defaults are the reference experiment (``shared/reference/seed-notebook.md``): the dropout
CNN, Adam at 1e-4, batch 32, 30 epochs, a 30% validation split with seed 777. The same JSON is
written as a run's ``config.json`` and read back by the CLI and (later) the GUI's import.
"""

from __future__ import annotations

import dataclasses
import json
from collections.abc import Callable
from dataclasses import dataclass, fields
from pathlib import Path
from typing import Any

from cifar_gui.cpu_features import cpu_has_bfloat16
from cifar_gui.i18n import N_, _, ngettext, os_error_text
from cifar_gui.json_problem import json_problem
from cifar_gui.setting_spec import SettingSpec, describe, setting

PRESETS = ("plain", "l2", "dropout", "modern", "fast")
AUGMENTED_PRESETS = ("modern", "fast")  # augment=None: these augment, the reference ones do not
OPTIMIZERS = ("adam", "adamw", "sgd", "rmsprop")
SCHEDULES = ("constant", "cosine", "plateau")
MONITORS = ("val_acc", "val_loss")  # the default first, as the panel lists them
SAVE_ERROR_POLICIES = ("stop", "continue")  # when the disk is full or the folder read-only


WHOLE_FILE = "config"  # ConfigError's key for a problem of the settings file as a whole


class ConfigError(ValueError):
    """Invalid settings; ``problems`` maps each field (``WHOLE_FILE`` for the file as a whole)
    to the reason it was refused; ``unknown`` lists the keys no setting has. ``str()`` is one
    sentence for a user: no internal prefix such as ``config:``."""

    def __init__(self, problems: dict[str, str], *, unknown: tuple[str, ...] = ()) -> None:
        self.problems = problems
        self.unknown = unknown
        super().__init__(unknown_text(unknown) if unknown else problems_text(problems))

    @classmethod
    def for_unknown(cls, keys: list[str]) -> ConfigError:
        """The refusal of settings no field has (a typo must not pass silently)."""
        why = _("Unknown setting; check its spelling.")
        return cls({key: why for key in keys}, unknown=tuple(keys))


def unknown_text(keys: tuple[str, ...] | list[str]) -> str:
    """ "Unknown settings __class__, rm_rf: check their spelling." as one sentence."""
    return ngettext(
        "Unknown setting {names}: check its spelling.",
        "Unknown settings {names}: check their spelling.",
        len(keys),
    ).format(names=", ".join(keys))


def problems_text(problems: dict[str, str], label: Callable[[str], str] = str) -> str:
    """One sentence: "a: why; b: why." (each reason's own full stop dropped inside it), each
    setting named by ``label`` (its key by default; the window passes its field labels); the
    file's own problem (``WHOLE_FILE``) is said without a prefix."""
    parts = [
        why.rstrip(".") if key == WHOLE_FILE else f"{label(key)}: {why.rstrip('.')}"
        for key, why in problems.items()
    ]
    return "; ".join(parts) + ("." if parts else "")


MAX_SETTINGS_BYTES = 1024 * 1024  # a settings file is a few KB; a bigger one is refused unread
MAX_TEXT = 4096  # characters in a name or a path: a settings file cannot fill the window


def _text_problem(value: object) -> str | None:
    """Why an optional text setting (a run's name, the runs folder) is refused, if it is."""
    if value is None:
        return None
    if not isinstance(value, str) or not value.strip():
        return _("Enter some text, or leave the setting out.")
    if any(ord(c) < 32 or ord(c) == 127 for c in value):
        return _("Remove the control characters (such as line breaks).")
    if len(value) > MAX_TEXT:
        return _("Use at most {count} characters.").format(count=f"{MAX_TEXT:,}")
    return None


def _data_problem(value: object) -> str | None:
    """Why a data source (a name or a path) is refused, if it is."""
    if not isinstance(value, str) or not value.strip():
        return _("Choose a data source.")
    return _text_problem(value)


def _device_problem(device: object) -> str | None:
    if device in ("auto", "cpu", "all-gpus"):
        return None
    if isinstance(device, str) and device.startswith("gpu:") and device[4:].isdigit():
        return None
    return _("Choose auto, cpu, gpu:N (N is the GPU's number) or all-gpus.")


def _sweep_id_problem(value: object) -> str | None:
    valid = (
        isinstance(value, str)
        and 0 < len(value) <= 64
        and all(c.isascii() and (c.isalnum() or c in "-_") for c in value)
    )
    return None if valid else _("Use letters, digits, - or _ only.")


def setting_specs() -> list[SettingSpec]:
    """Every ``TrainConfig`` setting's description, in the dataclass's order."""
    return [describe(f) for f in fields(TrainConfig)]


def spec_for(name: str) -> SettingSpec:
    """The description of the setting ``name``; ``KeyError`` for a name that is no setting."""
    for spec in setting_specs():
        if spec.name == name:
            return spec
    raise KeyError(name)


@dataclass
class TrainConfig:
    """The settings of one training run; each field's ``setting(...)`` describes it once
    (``cifar_gui/setting_spec.py``) for the CLI flag, the settings panel's row and the checks."""

    # fmt: off

    data: str = setting(
        "auto", label=N_("Source"), group="data", widget="data_source", flag="--data",
        help=N_("demo, cifar10, auto, or a path (archive, batch folder, image folder)"),
        check=_data_problem,
    )
    preset: str = setting(
        "dropout", label=N_("Preset"), group="model", widget="preset", flag="--preset", sweep=True,
        help=N_("the network; it also sets its recipe (optimizer, rate, schedule, batch size, "
                "epochs, augmentation) unless those settings are given"),
        choices=PRESETS,
        choice_labels=(N_("Plain CNN"), N_("CNN + L2 regularisation"),
                       N_("CNN + dropout (reference)"), N_("Modern (batch norm, augmentation)"),
                       N_("Fast (speed-run recipe for CPUs)")),
    )
    dropout_rate: float = setting(
        0.2, label=N_("Dropout rate"), group="model", widget="number", step=0.05,
        flag="--dropout",
        sweep=True, short_name="dropout",
        help=N_("dropout rate (dropout preset)"), low=0.0, high=1.0, high_open=True,
    )
    l2_factor: float = setting(
        1e-3, label=N_("L2 factor"), group="model", widget="number", flag="--l2",
        sweep=True, log_scale=True, short_name="l2",
        help=N_("L2 factor (l2 preset)"), low=0.0, high=1.0,
    )
    augment: bool | None = setting(  # None: the preset's own choice (on for "modern" and "fast")
        None, label=N_("Augmentation"), group="model", widget="choice", flag="--augment",
        help=N_("random flips and shifts (default: the preset's own choice, on for modern and "
                "fast)"),
        choices=(None, True, False), choice_labels=(N_("Preset default"), N_("On"), N_("Off")),
    )
    optimizer: str = setting(
        "adam", label=N_("Optimizer"), group="training", widget="choice", flag="--optimizer",
        sweep=True,
        help=N_("the optimizer"), choices=OPTIMIZERS,
        choice_labels=("Adam", "AdamW", "SGD", "RMSprop"),  # names, the same in every language
    )
    learning_rate: float = setting(
        1e-4, label=N_("Learning rate"), group="training", widget="number", flag="--lr",
        sweep=True, log_scale=True, short_name="lr",
        help=N_("learning rate"), low=0.0, high=10_000.0, low_open=True,
    )
    momentum: float = setting(
        0.9, label=N_("Momentum (SGD)"), group="training", widget="number", step=0.05,
        flag="--momentum",
        sweep=True,
        help=N_("momentum (sgd)"), low=0.0, high=1.0, high_open=True,
    )
    weight_decay: float = setting(
        1e-4, label=N_("Weight decay (AdamW)"), group="training", widget="number",
        flag="--weight-decay",
        sweep=True, log_scale=True, short_name="wd",
        help=N_("weight decay (adamw)"), low=0.0, high=1.0,
    )
    schedule: str = setting(
        "constant", label=N_("Schedule"), group="training", widget="choice", flag="--schedule",
        sweep=True,
        help=N_("learning-rate schedule"), choices=SCHEDULES,
        choice_labels=(N_("Constant"), N_("Cosine decay"), N_("Reduce on plateau")),
    )
    warmup_epochs: int = setting(
        0, label=N_("Warm-up"), group="training", widget="number", flag="--warmup-epochs",
        unit=N_("epochs"), low=0, high=1000,
        help=N_("epochs over which the rate rises linearly from 0 (constant or cosine schedule)"),
    )
    plateau_factor: float = setting(
        0.5, label=N_("Plateau: rate factor"), group="training", widget="number", step=0.1,
        flag="--plateau-factor",
        sweep=True, short_name="plateau", low=0.0, high=1.0, low_open=True, high_open=True,
        help=N_("plateau schedule: the rate is multiplied by this when val_loss stops improving"),
    )
    plateau_patience: int = setting(
        3, label=N_("Plateau: patience"), group="training", widget="number",
        flag="--plateau-patience",
        sweep=True, short_name="plateau-patience", unit=N_("epochs"), low=0, high=1000,
        help=N_("plateau schedule: epochs without improvement before the rate drops"),
    )
    batch_size: int = setting(
        32, label=N_("Batch size"), group="training", widget="number", flag="--batch-size",
        sweep=True, short_name="batch",
        unit=N_("images"), help=N_("images per training step"), low=1, high=65_536,
    )
    epochs: int = setting(
        30, label=N_("Epochs"), group="training", widget="number", flag="--epochs", sweep=True,
        help=N_("epochs to train"), low=1, high=100_000,
    )
    val_split: float = setting(
        0.3, label=N_("Validation split"), group="data", widget="number", step=0.05,
        flag="--val-split",
        sweep=True, short_name="val",
        help=N_("share of the training images held out for validation"),
        low=0.0, high=1.0, low_open=True, high_open=True,
    )
    stratify: bool = setting(
        False, label=N_("Stratified split"), group="data", widget="check", flag="--stratify",
        help=N_("the same class shares in the validation split as in training"),
    )
    seed: int = setting(
        777, label=N_("Seed"), group="data", widget="number", flag="--seed", sweep=True,
        help=N_("random seed (split, initial weights, shuffling)"), low=0, high=2**31 - 1,
    )
    deterministic: bool = setting(
        True, label=N_("Deterministic (the same seed, the same run)"), group="training",
        widget="check", flag="--deterministic",
        help=N_("deterministic TensorFlow ops (the same seed gives the same run)"),
    )
    limit_train: int | None = setting(
        None, label=N_("Use N images (balanced)"), group="data", widget="number",
        flag="--limit-train",
        sweep=True, short_name="limit", metavar="N", empty_text=N_("all"),
        low=2, high=10**9,
        help=N_("a class-balanced sample of N images of the training data, drawn with the seed; "
                "the validation split is taken from these N"),
    )
    early_stopping: bool = setting(
        False, label=N_("Early stopping"), group="training", widget="check",
        flag="--early-stopping",
        help=N_("stop when the monitored figure has not improved for the patience's epochs and "
                "keep the best epoch's model"),
    )
    patience: int = setting(
        5, label=N_("Patience"), group="training", widget="number", flag="--patience", sweep=True,
        unit=N_("epochs"), help=N_("early stopping: epochs without improvement"),
        low=0, high=1000,
    )
    monitor: str = setting(  # the "best" epoch: saved as best.keras, kept by early stopping
        "val_acc", label=N_("Best epoch by"), group="training", widget="choice",
        flag="--monitor",
        sweep=True, help=N_("what makes an epoch the best one (best.keras, early stopping)"),
        choices=MONITORS, choice_labels=(N_("Validation accuracy"), N_("Validation loss")),
    )
    device: str = setting(
        "auto", label=N_("Device"), group="device", widget="device", flag="--device",
        help=N_("auto, cpu, gpu:N or all-gpus"), check=_device_problem,
    )
    mixed_precision: bool = setting(
        False, label=N_("Mixed precision"), group="device", widget="check",
        flag="--mixed-precision",
        help=N_("half-precision arithmetic: float16 on a GPU, bfloat16 on a CPU with bfloat16 "
                "units (there the reference network trains up to 2.8x faster, networks with "
                "batch norm gain little or lose); the results differ slightly from float32"),
    )
    steps_per_execution: int | None = setting(
        None, label=N_("Batches per call"), group="device", widget="number",
        flag="--steps-per-execution", metavar="N", unit=N_("batches"), low=1, high=1000,
        empty_text=N_("automatic: 1 on a CPU, 32 on a GPU"),
        help=N_("training batches run in one call into TensorFlow's graph (Keras's "
                "steps_per_execution): fewer round trips from Python, which a GPU needs; the "
                "per-batch curve, Pause and Stop then follow every N batches"),
    )
    gpu_memory_limit_mb: int | None = setting(
        None, label=N_("GPU memory cap"), group="device", widget="number",
        flag="--gpu-memory-limit", metavar="MB", unit="MB", low=64, high=10**7,
        empty_text=N_("no cap, memory grows as needed"),
        help=N_("the most GPU memory the run may take; it leaves the rest to other programs"),
    )
    evaluate_test: bool = setting(
        True, label=N_("Evaluate on the test set"), group="training", widget="check",
        flag="--test", help=N_("evaluate the finished run on the test set"),
    )
    on_save_error: str = setting(  # "continue": keep training in memory when saving fails
        "stop", label=N_("If saving fails"), group="training", widget="choice",
        flag="--on-save-error", choices=SAVE_ERROR_POLICIES,
        choice_labels=(N_("Stop the run (disk full, read-only folder)"),
                       N_("Keep training without saving")),
        help=N_("when the disk is full: stop the run or keep training without saving"),
    )
    tensorboard: bool = setting(
        False, label=N_("Write TensorBoard logs"), group="training", widget="check",
        flag="--tensorboard", help=N_("also write TensorBoard logs into the run folder"),
    )
    runs_dir: str | None = setting(
        None, label=N_("Runs folder"), group="run", widget="text", flag="--runs-dir",
        help=N_("folder for run records"), empty_text=N_("the user's data folder"),
        check=_text_problem,
    )
    run_name: str | None = setting(
        None, label=N_("Run name"), group="run", widget="text", flag="--name",
        help=N_("a name for the run, in any script; the folder gets an ASCII version of it"),
        empty_text=N_("the preset's name"), check=_text_problem,
    )
    sweep_id: str | None = setting(  # the sweep this run belongs to (cifar_gui/sweep/), if any
        None, label=N_("Sweep tag"), group="run", widget="text", flag="--sweep-id",
        help=N_("tag the run as one of a sweep's (set by the sweep command; letters, digits, - "
                "or _)"),
        empty_text=N_("none"), check=_sweep_id_problem,
    )
    # fmt: on

    # ---- validation -------------------------------------------------------------------------
    def problems(self) -> dict[str, str]:
        """Field name -> reason, for every refused value (empty when all is well): each
        setting's own range, choices or check (its ``SettingSpec``), then the rules that join
        two settings."""
        p: dict[str, str] = {}
        for spec in setting_specs():
            if (why := spec.problem(getattr(self, spec.name))) is not None:
                p[spec.name] = why
        if "warmup_epochs" not in p and "epochs" not in p and self.warmup_epochs:
            if self.warmup_epochs >= self.epochs:
                p["warmup_epochs"] = _("Warm up for fewer epochs than the run has.")
            elif self.schedule == "plateau":
                p["warmup_epochs"] = _("Warm-up works with the constant or cosine schedule only.")
        if self.mixed_precision is True and self.device == "cpu" and not cpu_has_bfloat16():
            p["mixed_precision"] = _(
                "Mixed precision needs a GPU or a CPU with bfloat16 units (on this CPU half "
                "precision is slower, not faster)."
            )
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
            raise ConfigError({WHOLE_FILE: _("The settings must be a JSON object.")})
        known = {f.name for f in fields(cls)}
        unknown = sorted(set(data) - known)
        if unknown and not allow_unknown:
            raise ConfigError.for_unknown(unknown)
        config = cls(**{k: v for k, v in data.items() if k in known})
        for spec in setting_specs():  # JSON writes 1.0 as 1: a rate stays a float
            value = getattr(config, spec.name)
            if spec.value_type is float and type(value) is int and abs(value) < 2**53:
                setattr(config, spec.name, float(value))
        return config

    @classmethod
    def load(cls, path: str | Path) -> TrainConfig:
        """Read a settings file or a run's ``config.json`` (checked before parsed: at most
        ``MAX_SETTINGS_BYTES``, UTF-8 JSON); ``ConfigError`` names what is wrong."""
        try:
            with open(path, "rb") as file:
                raw = file.read(MAX_SETTINGS_BYTES + 1)
            if len(raw) > MAX_SETTINGS_BYTES:
                raise ConfigError(
                    {WHOLE_FILE: _("{path} is larger than {size} and holds no settings.").format(
                        path=path, size=f"{MAX_SETTINGS_BYTES // 1024:,} KB")}
                )  # fmt: skip
            data = json.loads(raw.decode("utf-8"))
        except (OSError, UnicodeDecodeError) as exc:
            raise ConfigError(
                {
                    WHOLE_FILE: _("Cannot read {path} ({error}).").format(
                        path=path, error=os_error_text(exc) if isinstance(exc, OSError) else exc
                    )
                }
            ) from exc
        except ConfigError:
            raise  # the file's size, said as it is
        except (ValueError, RecursionError) as exc:  # JSON syntax, a huge number, deep nesting
            raise ConfigError(
                {WHOLE_FILE: _("{path} is not valid JSON ({error}).").format(
                    path=path, error=json_problem(exc))}
            ) from exc  # fmt: skip
        if isinstance(data, dict) and "settings" in data and isinstance(data["settings"], dict):
            data = data["settings"]  # a run's config.json wraps the settings
        return cls.from_dict(data)
