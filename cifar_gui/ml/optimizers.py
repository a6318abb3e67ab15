"""Optimizers and learning-rate schedules from the settings."""

from __future__ import annotations

import keras

from cifar_gui.config import TrainConfig
from cifar_gui.i18n import _


def learning_rate_for(config: TrainConfig, steps_per_epoch: int):
    """A float, or a cosine schedule decaying to 1% over the whole run."""
    if config.schedule == "cosine":
        return keras.optimizers.schedules.CosineDecay(
            initial_learning_rate=config.learning_rate,
            decay_steps=max(1, config.epochs * steps_per_epoch),
            alpha=0.01,
        )
    return config.learning_rate


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
