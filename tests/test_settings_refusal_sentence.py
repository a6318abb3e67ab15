"""QA pass 3, N6: settings-import refusals began with the internal prefix "config: " and in
Korean joined two sentences per unknown key with semicolons. Each is one sentence now, in the
GUI's import, the CLI's --config and a run's config.json (resume, sweep queues)."""

from __future__ import annotations

import json

import pytest

from cifar_gui import cli
from cifar_gui.config import ConfigError, TrainConfig
from cifar_gui.i18n import set_language


@pytest.fixture
def korean():
    set_language("ko")
    yield
    set_language("en")


def test_a_file_problem_has_no_internal_prefix(tmp_path):
    path = tmp_path / "h1.json"
    path.write_text('{"epochs": ' + "1" * 5000 + "}")
    with pytest.raises(ConfigError) as refused:
        TrainConfig.load(path)
    assert str(refused.value) == (
        f"{path} is not valid JSON (it holds a number with too many digits)."
    )


def test_unknown_keys_are_one_sentence_in_korean(korean):
    with pytest.raises(ConfigError) as refused:
        TrainConfig.from_dict({"__class__": 1, "rm_rf": 2, "epochs": 3})
    assert str(refused.value) == "알 수 없는 설정 __class__, rm_rf: 철자를 확인하세요."


def test_one_unknown_key_reads_in_the_singular():
    with pytest.raises(ConfigError) as refused:
        TrainConfig.from_dict({"colour": "blue"})
    assert str(refused.value) == "Unknown setting colour: check its spelling."


def test_the_cli_names_every_unknown_key_after_its_flag(tmp_path, capsys):
    path = tmp_path / "s.json"
    path.write_text(json.dumps({"__class__": 1, "rm_rf": 2}))
    code = cli.main(["train", "--config", str(path), "--data", "demo"])
    err = capsys.readouterr().err
    assert code != 0
    assert "--config: Unknown settings __class__, rm_rf: check their spelling." in err
    assert "config: config" not in err


def test_a_runs_config_json_refusal_has_no_prefix(tmp_path):
    path = tmp_path / "config.json"
    path.write_text("[1, 2]")
    with pytest.raises(ConfigError) as refused:
        TrainConfig.load(path)
    assert str(refused.value) == "The settings must be a JSON object."


def test_a_refused_run_names_the_setting_as_the_window_labels_it():
    from cifar_gui.gui.training_worker import one_line

    refused = ConfigError({"val_split": "cannot split 12 images (too few)"})
    assert one_line(refused) == "Validation split: cannot split 12 images (too few)."
    whole = ConfigError({"config": "The settings must be a JSON object."})
    assert one_line(whole) == "The settings must be a JSON object."
