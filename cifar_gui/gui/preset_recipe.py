"""The line under the Preset list that says what choosing a preset changed, and why.

Choosing a preset in the settings panel applies its recipe (``cifar_gui/recipes.py``) to every
recipe field the user has not edited; this label names the fields that changed and gives the
recipe in one sentence, so nobody trains with a rate they did not see change.
"""

from __future__ import annotations

from PySide6.QtWidgets import QLabel, QWidget


class PresetRecipeNote(QLabel):
    """Shows ``describe``'s text; empty (hidden) until a preset choice changes something."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("preset_recipe_note")
        self.setWordWrap(True)
        self.hide()

    def summary(self, preset: str) -> str:
        """The recipe of ``preset`` in one translated sentence."""
        reference = self.tr("The reference notebook's recipe: Adam 1e-4, batch 32, 30 epochs.")
        return {
            "plain": reference,
            "l2": reference,
            "dropout": reference,
            "modern": self.tr(
                "Batch norm takes a 10x higher rate: Adam 1e-3, warm-up then cosine, batch 64, "
                "augmentation, 15 epochs."
            ),
            "fast": self.tr(
                "Speed-run recipe for CPUs: Adam 4e-3, warm-up then cosine, batch 128, "
                "augmentation, 10 epochs."
            ),
        }.get(preset, "")

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
