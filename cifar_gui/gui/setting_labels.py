"""The names the settings panel gives the settings, for the sweep's table, plots and preview.

The labels are the settings' own descriptions (``TrainConfig``), translated by the core's
catalogue, the same text the panel shows.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication

from cifar_gui.config import spec_for
from cifar_gui.sweep import format_value


def setting_label(name: str) -> str:
    """``learning_rate`` -> "Learning rate", ``patience`` -> "Patience (epochs)": the label of
    the setting's description (``TrainConfig``), in the current language, with its unit; the
    name itself for anything that is no setting."""
    try:
        spec = spec_for(name)
    except KeyError:
        return name
    return spec.label_with_unit()


def value_text(name: str, value: Any) -> str:
    """A setting's value as shown: a preset's or schedule's short name in the window's language
    (``"dropout"`` -> "드롭아웃" in Korean, unchanged in English), any other value as
    ``format_value`` writes it; an optimizer by its name ("adam" -> "Adam"). Files, CSV and
    ``--json`` keep the identifiers."""
    translate = QCoreApplication.translate
    names = {
        ("preset", "plain"): translate("SettingLabels", "plain"),
        ("preset", "l2"): translate("SettingLabels", "l2"),
        ("preset", "dropout"): translate("SettingLabels", "dropout"),
        ("preset", "modern"): translate("SettingLabels", "modern"),
        ("preset", "fast"): translate("SettingLabels", "fast"),
        ("schedule", "constant"): translate("SettingLabels", "constant"),
        ("schedule", "cosine"): translate("SettingLabels", "cosine"),
        ("schedule", "plateau"): translate("SettingLabels", "plateau"),
    }
    if isinstance(value, str) and (name, value) in names:
        return names[name, value]
    if name == "optimizer" and value in (spec := spec_for(name)).choices:
        return spec.choice_labels[spec.choices.index(value)]  # "Adam", as the panel writes it
    return format_value(value)


def status_text(status: str) -> str:
    """A run's status (``completed``, ``stopped`` ...) in the window's language."""
    translate = QCoreApplication.translate
    return {
        "completed": translate("RunsTab", "completed"), "stopped": translate("RunsTab", "stopped"),
        "failed": translate("RunsTab", "failed"), "running": translate("RunsTab", "running"),
        "interrupted": translate("RunsTab", "interrupted"),
        "damaged": translate("RunsTab", "damaged"), "pending": translate("RunsTab", "pending"),
    }.get(status, status)  # fmt: skip


def combination_text(combination: dict[str, Any]) -> str:
    """``Learning rate = 0.001, Dropout rate = 0.2``."""
    return ", ".join(f"{setting_label(k)} = {value_text(k, v)}" for k, v in combination.items())


def source_text(source: object) -> str:
    """A data source as shown: ``"demo"`` by the settings panel's name for it, any other (the
    CIFAR-10 archive's or a folder's path) as given."""
    if source == "demo":
        return QCoreApplication.translate("SettingsPanel", "Built-in demo shapes")
    return str(source)
