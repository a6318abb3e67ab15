"""Issue 10, item 7 in the window: File > Import settings, then Export, gives back every setting
(``dataclasses.fields``, not a hand-written list), and so do the panel's own round trip and
the settings kept between sessions."""

from __future__ import annotations

import json
import stat
from dataclasses import fields

from settings_values import NON_DEFAULT, non_default_config

from cifar_gui.atomic import current_umask
from cifar_gui.config import TrainConfig


def test_import_then_export_keeps_every_setting(make_window, tmp_path):
    window = make_window(load_tensorflow_now=False)
    source = tmp_path / "in.json"
    source.write_text(json.dumps(non_default_config().to_dict()), encoding="utf-8")

    assert window.import_settings(str(source))
    target = tmp_path / "out.json"
    assert window.export_settings(str(target))
    exported = json.loads(target.read_text(encoding="utf-8"))
    for f in fields(TrainConfig):
        assert exported[f.name] == NON_DEFAULT[f.name], f.name
    assert set(exported) == {f.name for f in fields(TrainConfig)}
    # Shared as the user's umask allows (issue 10, item 14), not private to the owner.
    assert stat.S_IMODE(target.stat().st_mode) == 0o666 & ~current_umask()


def test_the_panel_gives_back_what_it_was_given(make_window):
    panel = make_window(load_tensorflow_now=False).settings_panel
    panel.set_config(non_default_config())
    config = panel.config()
    for f in fields(TrainConfig):
        assert getattr(config, f.name) == NON_DEFAULT[f.name], f.name
    assert panel.problems() == {}


def test_the_plateau_settings_have_fields_that_are_checked(make_window):
    panel = make_window(load_tensorflow_now=False).settings_panel
    panel.fields["plateau_factor"].editor.setText("1.5")
    assert "less than 1" in panel.fields["plateau_factor"].error.text()
    panel.fields["plateau_patience"].editor.setText("2.5")
    assert panel.fields["plateau_patience"].error.text() == "Enter a whole number, not 2.5."
    panel.fields["epochs"].editor.setText("2.5")
    assert panel.fields["epochs"].error.text() == "Enter a whole number, not 2.5."
    panel.fields["epochs"].editor.setText("ten")
    assert panel.fields["epochs"].error.text() == "Enter a whole number, not ten."
