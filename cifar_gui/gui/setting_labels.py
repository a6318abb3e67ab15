"""The names the settings panel gives the settings, for the sweep's table, plots and preview.

Translated in the settings panel's own context, so one translation serves both places.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication

from cifar_gui.sweep import format_value


def setting_label(name: str) -> str:
    """``learning_rate`` -> "Learning rate" (the field name for a setting the panel lacks)."""
    translate = QCoreApplication.translate
    labels = {
        "preset": translate("SettingsPanel", "Preset"),
        "dropout_rate": translate("SettingsPanel", "Dropout rate"),
        "l2_factor": translate("SettingsPanel", "L2 factor"),
        "optimizer": translate("SettingsPanel", "Optimizer"),
        "learning_rate": translate("SettingsPanel", "Learning rate"),
        "momentum": translate("SettingsPanel", "Momentum (SGD)"),
        "weight_decay": translate("SettingsPanel", "Weight decay (AdamW)"),
        "schedule": translate("SettingsPanel", "Schedule"),
        "batch_size": translate("SettingsPanel", "Batch size"),
        "epochs": translate("SettingsPanel", "Epochs"),
        "val_split": translate("SettingsPanel", "Validation split"),
        "seed": translate("SettingsPanel", "Seed"),
        "limit_train": translate("SettingsPanel", "Use first N images"),
        "patience": translate("SettingsPanel", "Patience (epochs)"),
        "monitor": translate("SettingsPanel", "Best epoch by"),
    }
    return labels.get(name, name)


def combination_text(combination: dict[str, Any]) -> str:
    """``Learning rate = 0.001, Dropout rate = 0.2``."""
    return ", ".join(f"{setting_label(k)} = {format_value(v)}" for k, v in combination.items())
