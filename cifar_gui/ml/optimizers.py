"""Optimizers and learning-rate schedules from the settings."""

from __future__ import annotations

import keras

from cifar_gui.config import TrainConfig
from cifar_gui.i18n import _


def learning_rate_for(config: TrainConfig, steps_per_epoch: int):
    """A float, or a schedule: cosine decay to 1% over the whole run, after a linear warm-up
    from 0 over ``warmup_epochs`` when there is one (a warm-up on the constant schedule is the
    same Keras ``CosineDecay`` with ``alpha=1``, which does not decay)."""
    warmup = config.warmup_epochs * steps_per_epoch if config.schedule != "plateau" else 0
    if config.schedule != "cosine" and not warmup:
        return config.learning_rate
    total = max(1, config.epochs * steps_per_epoch)
    if not warmup:
        return keras.optimizers.schedules.CosineDecay(
            initial_learning_rate=config.learning_rate, decay_steps=total, alpha=0.01
        )
    return keras.optimizers.schedules.CosineDecay(
        initial_learning_rate=0.0,
        decay_steps=max(1, total - warmup),
        alpha=0.01 if config.schedule == "cosine" else 1.0,
        warmup_target=config.learning_rate,
        warmup_steps=warmup,
    )


def build_optimizer(config: TrainConfig, steps_per_epoch: int) -> keras.optimizers.Optimizer:
    lr = learning_rate_for(config, steps_per_epoch)
    if config.optimizer == "adam":
        return keras.optimizers.Adam(learning_rate=lr)
    if config.optimizer == "adamw":
        return keras.optimizers.AdamW(learning_rate=lr, weight_decay=config.weight_decay)
    if config.optimizer == "sgd":
        return keras.optimizers.SGD(learning_rate=lr, momentum=config.momentum, nesterov=True)
    if config.optimizer == "rmsprop":
        return keras.optimizers.RMSprop(learning_rate=lr)
    raise ValueError(_("unknown optimizer {optimizer!r}").format(optimizer=config.optimizer))


def current_learning_rate(optimizer: keras.optimizers.Optimizer) -> float:
    """The rate in force now (schedules are evaluated at the optimizer's step count)."""
    lr = optimizer.learning_rate
    return float(keras.ops.convert_to_numpy(lr))
