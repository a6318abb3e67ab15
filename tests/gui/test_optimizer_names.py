"""An optimizer is written one way everywhere the window names it: Adam, AdamW, SGD, RMSprop
(as Keras and the papers write them), not ADAM in the panel and adam in the sweep."""

from cifar_gui.gui.setting_labels import combination_text, value_text


def test_the_panel_and_the_sweep_name_optimizers_alike(qtbot):
    from cifar_gui.gui.settings_panel import SettingsPanel

    panel = SettingsPanel()
    qtbot.addWidget(panel)
    combo = panel.fields["optimizer"].editor
    shown = [combo.itemText(i) for i in range(combo.count())]
    assert shown == ["Adam", "AdamW", "SGD", "RMSprop"]
    assert [value_text("optimizer", o) for o in ("adam", "adamw", "sgd", "rmsprop")] == shown
    assert combination_text({"optimizer": "rmsprop"}).endswith("= RMSprop")
