"""Issue 10, item 7: every setting survives export -> import -> export, in the file format and
on the command line (``--config``, and each setting's own flag). The window's round trip is in
tests/gui/test_settings_round_trip_window.py."""

from __future__ import annotations

import json
from dataclasses import fields

import pytest
from settings_values import NON_DEFAULT, non_default_config

from cifar_gui.cli import build_parser
from cifar_gui.cli_train_flags import FLAG_FOR_FIELD, SETTING_FLAGS, apply_setting_flags
from cifar_gui.config import TrainConfig


def _from_command_line(argv: list[str]) -> TrainConfig:
    from cifar_gui.cli import _config_from_args

    return _config_from_args(build_parser().parse_args(["train", *argv]))


def test_a_settings_file_survives_load_and_save(tmp_path):
    config = non_default_config()
    path = tmp_path / "settings.json"
    path.write_text(json.dumps(config.to_dict()), encoding="utf-8")
    again = TrainConfig.load(path)
    for f in fields(TrainConfig):
        assert getattr(again, f.name) == NON_DEFAULT[f.name], f.name
    assert json.dumps(again.to_dict()) == json.dumps(config.to_dict())


@pytest.mark.parametrize("wrapped", [False, True], ids=["settings file", "run config.json"])
def test_config_flag_keeps_every_setting(tmp_path, wrapped):
    config = non_default_config()
    data = {"settings": config.to_dict()} if wrapped else config.to_dict()
    path = tmp_path / "config.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    loaded = _from_command_line(["--config", str(path)])
    for f in fields(TrainConfig):
        assert getattr(loaded, f.name) == NON_DEFAULT[f.name], f.name


def test_every_setting_has_a_flag_that_sets_it():
    assert sorted(FLAG_FOR_FIELD) == sorted(f.name for f in fields(TrainConfig))
    argv = []
    for setting in SETTING_FLAGS:
        value = NON_DEFAULT[setting.field]
        if isinstance(value, bool):
            argv.append(setting.flag if value else "--no-" + setting.flag[2:])
        else:
            argv += [setting.flag, str(value)]
    config = _from_command_line(argv)
    for f in fields(TrainConfig):
        assert getattr(config, f.name) == NON_DEFAULT[f.name], f.name


def test_a_flag_overrides_the_file_and_nothing_else(tmp_path):
    path = tmp_path / "config.json"
    path.write_text(json.dumps(non_default_config().to_dict()), encoding="utf-8")
    config = _from_command_line(["--config", str(path), "--epochs", "3", "--no-tensorboard"])
    expected = {**NON_DEFAULT, "epochs": 3, "tensorboard": False}
    assert config.to_dict() == expected
    assert apply_setting_flags(TrainConfig(), build_parser().parse_args(["train"])) == TrainConfig()
