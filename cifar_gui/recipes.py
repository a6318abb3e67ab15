"""Each preset's training recipe: the settings it is meant to be trained with.

Choosing a preset (``--preset`` on the command line, the Preset list in the window) sets these
fields; a value the user sets explicitly (a flag given, a field edited) wins. No TensorFlow, no Qt.

Where the values come from:

- ``plain``, ``l2``, ``dropout``: the reference notebook (``shared/reference/seed-notebook.md``):
  Adam at 1e-4, batch 32, 30 epochs, a constant rate, no augmentation. They equal the
  ``TrainConfig`` defaults, so a reference run and its seed parity do not change.
- ``modern``: batch normalisation tolerates (and needs) a rate ten times the reference's; Adam
  at 1e-3 with cosine decay, batch 64, flips and shifts. At the reference's Adam 1e-4 / batch 32
  it was worse than the reference in its first epochs (issue 12). No warm-up: batch norm keeps
  the first steps stable at 1e-3, and in 3-epoch trials on the full training split a one-epoch
  warm-up cost validation accuracy (after epoch 1: 0.504 against 0.566; after epoch 3: 0.625
  against 0.690).
- ``fast``: the CIFAR-10 speed-run recipe scaled to a 2-core CPU (airbench; Page, "How to train
  your ResNet"): a small batch-normalised VGG-like net that downsamples early, a larger batch
  (128), a high rate (Adam 4e-3: in 5-epoch trials on the mini archive it beat SGD+Nesterov at
  0.05 and 0.1 and Adam at 2e-3), a one-epoch linear warm-up then cosine decay to 1%, flip-and-translate
  augmentation, and few epochs. Two parts of those recipes are left out on purpose: label
  smoothing trains on a different loss, so a fast run's loss curve could not be compared with
  the reference's on one plot (nor reach 0); test-time flip averaging would make the test
  accuracy a different measurement from the validation accuracy shown while training. In a
  classroom both numbers are read side by side.
"""

from __future__ import annotations

from dataclasses import fields
from typing import Any

from cifar_gui.config import PRESETS, TrainConfig

# The fields a recipe sets; every recipe sets all of them, so switching presets leaves nothing of
# the previous preset's recipe behind.
RECIPE_FIELDS = (
    "optimizer",
    "learning_rate",
    "momentum",
    "weight_decay",
    "schedule",
    "warmup_epochs",
    "batch_size",
    "epochs",
    "augment",
)

_REFERENCE: dict[str, Any] = {
    "optimizer": "adam",
    "learning_rate": 1e-4,
    "momentum": 0.9,
    "weight_decay": 1e-4,
    "schedule": "constant",
    "warmup_epochs": 0,
    "batch_size": 32,
    "epochs": 30,
    "augment": None,  # the preset's own choice: off for the reference presets
}

RECIPES: dict[str, dict[str, Any]] = {
    "plain": dict(_REFERENCE),
    "l2": dict(_REFERENCE),
    "dropout": dict(_REFERENCE),
    "modern": {
        **_REFERENCE,
        "learning_rate": 1e-3,
        "schedule": "cosine",
        "warmup_epochs": 0,
        "batch_size": 64,
        "epochs": 15,
        "augment": True,
    },
    "fast": {
        **_REFERENCE,
        "learning_rate": 4e-3,
        "schedule": "cosine",
        "warmup_epochs": 1,
        "batch_size": 128,
        "epochs": 10,
        "augment": True,
    },
}


def recipe(preset: str) -> dict[str, Any]:
    """The settings ``preset`` is meant to be trained with (a copy); ``KeyError`` if unknown."""
    return dict(RECIPES[preset])


def apply_recipe(
    config: TrainConfig, preset: str, explicit: set[str] | frozenset[str] = frozenset()
) -> list[str]:
    """Set ``config.preset`` and its recipe, except the fields named in ``explicit``.

    Returns the names of the fields whose value changed (in ``RECIPE_FIELDS`` order), so a
    caller can show the user what the preset changed. Raises ``KeyError`` for an unknown preset.
    """
    changed = []
    config.preset = preset
    for name, value in RECIPES[preset].items():
        if name in explicit:
            continue
        if getattr(config, name) != value or type(getattr(config, name)) is not type(value):
            setattr(config, name, value)
            changed.append(name)
    return changed


def edited_fields(config: TrainConfig) -> set[str]:
    """The recipe fields of ``config`` that differ from its own preset's recipe: what the user
    changed, and what another preset's recipe must therefore leave alone (a sweep over
    presets keeps the user's 5 epochs but gives each preset its own rate and batch size)."""
    own = RECIPES[config.preset]
    return {name for name, value in own.items() if getattr(config, name) != value}


def _check() -> None:
    known = {f.name for f in fields(TrainConfig)}
    assert set(RECIPES) == set(PRESETS), "every preset needs a recipe"
    for values in RECIPES.values():
        assert tuple(values) == RECIPE_FIELDS and set(values) <= known


_check()
