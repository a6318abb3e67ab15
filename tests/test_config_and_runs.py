"""Settings validation, JSON round trips, run folders and atomic writes."""

from __future__ import annotations

import json
import math

import pytest

from cifar_gui.atomic import atomic_path, atomic_write_text
from cifar_gui.config import ConfigError, TrainConfig
from cifar_gui.run_store.listing import list_runs
from cifar_gui.run_store.record import RunRecord


def test_defaults_are_the_reference_experiment():
    config = TrainConfig()
    assert (config.preset, config.dropout_rate, config.optimizer) == ("dropout", 0.2, "adam")
    assert (config.learning_rate, config.batch_size, config.epochs) == (1e-4, 32, 30)
    assert (config.val_split, config.seed) == (0.3, 777)
    assert config.problems() == {}
    assert not config.augmentation and TrainConfig(preset="modern").augmentation


@pytest.mark.parametrize(
    ("field", "value", "reason"),
    [
        ("batch_size", 0, "Enter a whole number from 1 to 65,536."),
        ("batch_size", 3.5, "whole number"),
        ("batch_size", "32", "Enter a whole number."),
        ("learning_rate", -1e-3, "greater than 0 and at most 10,000"),
        ("learning_rate", math.nan, "finite"),
        ("val_split", 1.0, "greater than 0 and less than 1"),
        ("val_split", 0, "greater than 0 and less than 1"),
        ("epochs", 0, "from 1 to 100,000"),
        ("dropout_rate", 1.0, "at least 0 and less than 1"),
        ("preset", "huge", "Choose plain, l2, dropout, modern or fast."),
        ("optimizer", "lbfgs", "Choose adam"),
        ("device", "gpu:one", "gpu:N"),
        ("limit_train", 1, "from 2 to"),
        ("data", "  ", "Choose a data source."),
        ("run_name", "  ", "Enter some text"),
        ("early_stopping", "yes", "true or false"),
    ],
)
def test_each_invalid_value_is_refused_with_its_reason(field, value, reason):
    config = TrainConfig(**{field: value})
    assert reason in config.problems()[field]
    with pytest.raises(ConfigError) as error:
        config.validate()
    assert error.value.problems[field] == config.problems()[field]


def test_mixed_precision_needs_a_gpu(monkeypatch):
    monkeypatch.setattr("cifar_gui.config.cpu_has_bfloat16", lambda: False)  # an older CPU
    assert "GPU" in TrainConfig(device="cpu", mixed_precision=True).problems()["mixed_precision"]


def test_json_round_trip_and_unknown_keys(tmp_path):
    config = TrainConfig(preset="l2", l2_factor=0.01, epochs=3)
    path = tmp_path / "config.json"
    path.write_text(json.dumps(config.to_dict()))
    assert TrainConfig.load(path) == config
    path.write_text(json.dumps({"settings": config.to_dict()}))  # a run's config.json
    assert TrainConfig.load(path) == config
    path.write_text(json.dumps({"epochs": 3, "learnig_rate": 0.1}))
    with pytest.raises(ConfigError, match="Unknown setting learnig_rate: check its spelling"):
        TrainConfig.load(path)
    path.write_text("{not json")
    with pytest.raises(ConfigError, match="not valid JSON"):
        TrainConfig.load(path)
    path.write_text("[1, 2]")
    with pytest.raises(ConfigError, match="JSON object"):
        TrainConfig.load(path)


def test_run_folders_are_unique_and_round_trip(tmp_path):
    first = RunRecord.create(tmp_path, "dropout")
    second = RunRecord.create(tmp_path, "dropout")
    assert first.path != second.path and first.path.parent == tmp_path
    rows = [
        {
            "epoch": 1,
            "loss": 1.5,
            "acc": 0.4,
            "val_loss": 1.4,
            "val_acc": 0.45,
            "lr": 1e-4,
            "seconds": 7.0,
        }
    ]
    first.write_history(rows)
    assert first.read_history() == [pytest.approx(rows[0])]
    first.write_summary({"status": "completed"})
    assert first.update_summary(test_acc=0.7) == {"status": "completed", "test_acc": 0.7}


def test_listing_survives_damaged_runs(tmp_path):
    good = RunRecord.create(tmp_path, "good")
    good.write_config({"settings": {"preset": "dropout"}})
    good.write_summary({"status": "completed"})
    broken = RunRecord.create(tmp_path, "broken")
    (broken.path / "summary.json").write_text('{"status": "compl')
    runs = {info.path.name.split("-")[2]: info for info in list_runs(tmp_path)}
    assert runs["good"].problem is None and runs["good"].summary["status"] == "completed"
    assert "summary.json unreadable" in runs["broken"].problem
    assert "config.json unreadable" in runs["broken"].problem
    assert list_runs(tmp_path / "absent") == []


def test_atomic_write_keeps_the_old_file_on_failure(tmp_path):
    target = tmp_path / "summary.json"
    atomic_write_text(target, "old")
    with pytest.raises(RuntimeError), atomic_path(target) as tmp:
        tmp.write_text("half-written")
        raise RuntimeError("crash while writing")
    assert target.read_text() == "old"
    assert [p.name for p in tmp_path.iterdir()] == ["summary.json"]
