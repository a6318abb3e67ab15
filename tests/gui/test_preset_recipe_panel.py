"""Choosing a preset in the settings panel applies its recipe; the user's edits win (issue 12)."""

from __future__ import annotations

from cifar_gui.gui.settings_panel import SettingsPanel
from cifar_gui.recipes import RECIPE_FIELDS, RECIPES


def _choose(panel: SettingsPanel, preset: str) -> None:
    combo = panel.fields["preset"].editor
    combo.setCurrentIndex(combo.findData(preset))


def test_choosing_a_preset_applies_its_recipe_and_says_what_changed(qtbot):
    panel = SettingsPanel()
    qtbot.addWidget(panel)
    _choose(panel, "fast")
    config = panel.config()
    assert {k: getattr(config, k) for k in RECIPE_FIELDS} == RECIPES["fast"]
    assert panel.fields["learning_rate"].editor.text() == "0.004"
    note = panel.recipe_note.text()
    assert not panel.recipe_note.isHidden()
    assert "Learning rate" in note and "Batch size" in note and "Kept" not in note
    _choose(panel, "dropout")  # back to the reference: the notebook's recipe again
    config = panel.config()
    assert (config.optimizer, config.learning_rate, config.batch_size, config.epochs) == (
        "adam",
        1e-4,
        32,
        30,
    )


def test_a_value_the_user_typed_wins_over_the_recipe(qtbot):
    panel = SettingsPanel()
    qtbot.addWidget(panel)
    panel.fields["learning_rate"].editor.setText("0.0005")
    panel.fields["epochs"].editor.setText("7")
    _choose(panel, "modern")
    config = panel.config()
    assert (config.learning_rate, config.epochs) == (0.0005, 7)
    assert (config.batch_size, config.schedule) == (RECIPES["modern"]["batch_size"], "cosine")
    assert "Kept as you set: Learning rate, Epochs." in panel.recipe_note.text()


def test_loaded_settings_are_not_user_edits(qtbot):
    from cifar_gui.config import TrainConfig

    panel = SettingsPanel()
    qtbot.addWidget(panel)
    panel.set_config(TrainConfig(learning_rate=0.02))
    assert panel.recipe_note.isHidden()
    _choose(panel, "fast")
    assert panel.config().learning_rate == RECIPES["fast"]["learning_rate"]
