"""A valid value different from the default for every ``TrainConfig`` field, for round trips.

The tests that use it first check that it covers every field (``dataclasses.fields``), so a new
setting cannot be added without being carried through import and export.
"""

from __future__ import annotations

from dataclasses import fields

from cifar_gui.config import TrainConfig

NON_DEFAULT = {
    "data": "demo",
    "preset": "l2",
    "dropout_rate": 0.35,
    "l2_factor": 0.0123456789,  # more digits than "%g" keeps
    "augment": True,
    "optimizer": "sgd",
    "learning_rate": 0.000123456789,
    "momentum": 0.8,
    "weight_decay": 5e-4,
    "schedule": "cosine",  # not "plateau": the warm-up below needs constant or cosine
    "warmup_epochs": 2,
    "plateau_factor": 0.25,
    "plateau_patience": 4,
    "batch_size": 64,
    "epochs": 12,
    "val_split": 0.25,
    "stratify": True,
    "seed": 42,
    "deterministic": False,
    "limit_train": 1000,
    "early_stopping": True,
    "patience": 7,
    "monitor": "val_loss",
    "device": "gpu:0",
    "mixed_precision": True,
    "steps_per_execution": 8,
    "gpu_memory_limit_mb": 2048,
    "evaluate_test": False,
    "on_save_error": "continue",
    "tensorboard": True,
    "runs_dir": "/srv/class/runs",
    "run_name": "첫 실험",
    "sweep_id": "20261130-sweep_7",
}


def non_default_config() -> TrainConfig:
    """Every field set to its ``NON_DEFAULT`` value (checked to cover every field)."""
    names = {f.name for f in fields(TrainConfig)}
    assert set(NON_DEFAULT) == names, f"add a value for {sorted(names - set(NON_DEFAULT))}"
    defaults = TrainConfig()
    for name, value in NON_DEFAULT.items():
        assert getattr(defaults, name) != value, name
    config = TrainConfig(**NON_DEFAULT)
    assert config.problems() == {}
    return config
