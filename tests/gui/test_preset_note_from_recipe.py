"""The note under the Preset list gives each preset's recipe from ``recipes.RECIPES`` itself, so
it cannot promise a warm-up the fields do not have (fresh-user pass 4: modern's note said
"warm-up then cosine" after its warm-up was removed)."""

from __future__ import annotations

import pytest

from cifar_gui.gui.preset_recipe import PresetRecipeNote
from cifar_gui.recipes import RECIPES


@pytest.mark.parametrize("preset", sorted(RECIPES))
def test_the_note_says_the_recipe_the_fields_get(qtbot, preset):
    note = PresetRecipeNote()
    qtbot.addWidget(note)
    text = note.summary(preset)
    recipe = RECIPES[preset]
    assert f"batch {recipe['batch_size']}," in text and f"{recipe['epochs']} epochs." in text
    assert ("warm-up" in text) is bool(recipe["warmup_epochs"])
    assert ("augmentation" in text) is bool(recipe["augment"])


def test_the_notes_read_as_the_recipes_are_written(qtbot):
    note = PresetRecipeNote()
    qtbot.addWidget(note)
    assert note.summary("dropout") == (
        "The reference notebook's recipe: Adam 1e-4, constant rate, batch 32, 30 epochs."
    )
    assert note.summary("modern") == (
        "Batch norm takes a 10x higher rate: Adam 1e-3, cosine decay, batch 64, augmentation, "
        "15 epochs."
    )
    assert note.summary("fast") == (
        "Speed-run recipe for CPUs: Adam 4e-3, 1-epoch warm-up then cosine decay, batch 128, "
        "augmentation, 10 epochs."
    )
