"""The line under the Preset list that says what choosing a preset changed, and why.

Choosing a preset in the settings panel applies its recipe (``cifar_gui/recipes.py``) to every
recipe field the user has not edited; this label names the fields that changed and gives the
recipe in one sentence, so nobody trains with a rate they did not see change.
"""

from __future__ import annotations

from PySide6.QtWidgets import QLabel, QWidget

from cifar_gui.config import spec_for
from cifar_gui.recipes import RECIPES


def _rate(value: float) -> str:
    """A learning rate as a recipe is written: 1e-4, 4e-3 (0.05 for a rate of 1e-2 or more)."""
    if value >= 1e-2:
        return f"{value:g}"
    mantissa, exponent = f"{value:.0e}".split("e")
    return f"{mantissa}e{int(exponent)}"


class PresetRecipeNote(QLabel):
    """Shows ``describe``'s text; empty (hidden) until a preset choice changes something."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("preset_recipe_note")
        self.setWordWrap(True)
        self.hide()

    def summary(self, preset: str) -> str:
        """The recipe of ``preset`` in one translated sentence, its values read from
        ``recipes.RECIPES`` (never written twice, so the note cannot disagree with the fields)."""
        if preset not in RECIPES:
            return ""
        why = {
            "modern": self.tr("Batch norm takes a 10x higher rate"),
            "fast": self.tr("Speed-run recipe for CPUs"),
        }.get(preset, self.tr("The reference notebook's recipe"))
        return self.tr("{why}: {recipe}.").format(why=why, recipe=", ".join(self._parts(preset)))

    def _parts(self, preset: str) -> list[str]:
        """ "Adam 1e-3", the schedule (with its warm-up), "batch 64", augmentation, epochs."""
        recipe = RECIPES[preset]
        spec = spec_for("optimizer")  # named as the Optimizer list names it
        optimizer = dict(zip(spec.choices, spec.choice_labels, strict=True))[recipe["optimizer"]]
        schedule = {
            "constant": self.tr("constant rate"),
            "cosine": self.tr("cosine decay"),
            "plateau": self.tr("lower rate on plateaus"),
        }[recipe["schedule"]]
        if recipe["warmup_epochs"]:
            schedule = self.tr("{epochs}-epoch warm-up then {schedule}").format(
                epochs=recipe["warmup_epochs"], schedule=schedule
            )
        parts = [f"{optimizer} {_rate(recipe['learning_rate'])}", schedule,
                 self.tr("batch {size}").format(size=recipe["batch_size"])]  # fmt: skip
        if recipe["augment"]:
            parts.append(self.tr("augmentation"))
        parts.append(self.tr("{epochs} epochs").format(epochs=recipe["epochs"]))
        return parts

    def describe(self, preset: str, changed: list[str], kept: list[str]) -> None:
        """``changed``: labels of the fields the recipe set; ``kept``: labels of the edited
        fields it left alone (the user's values win)."""
        lines = [self.summary(preset)]
        if changed:
            lines.append(self.tr("Changed: {fields}.").format(fields=", ".join(changed)))
        if kept:
            lines.append(self.tr("Kept as you set: {fields}.").format(fields=", ".join(kept)))
        self.setText(" ".join(line for line in lines if line))
        self.setVisible(bool(changed or kept))

    def clear_note(self) -> None:
        self.setText("")
        self.hide()
