"""Each preset's recipe (issue 12): applied when the preset is chosen, explicit values win,
the reference presets keep the notebook's recipe, warm-up is checked and scheduled."""

from __future__ import annotations

import json

import pytest

from cifar_gui import cli
from cifar_gui.config import TrainConfig
from cifar_gui.recipes import RECIPE_FIELDS, RECIPES, apply_recipe

# The reference notebook (shared/reference/seed-notebook.md): Adam 1e-4, batch 32, 30 epochs,
# a constant rate, no augmentation.
NOTEBOOK = {
    "optimizer": "adam",
    "learning_rate": 1e-4,
    "schedule": "constant",
    "warmup_epochs": 0,
    "batch_size": 32,
    "epochs": 30,
}


@pytest.mark.parametrize("preset", ["plain", "l2", "dropout"])
def test_reference_presets_keep_the_notebooks_recipe(preset):
    config = TrainConfig(preset="fast", learning_rate=0.1, batch_size=256, epochs=10, augment=True)
    apply_recipe(config, preset)
    assert {k: getattr(config, k) for k in NOTEBOOK} == NOTEBOOK
    assert config.augmentation is False
    # ... which are the defaults, so a default run is the notebook's run.
    assert {k: getattr(TrainConfig(), k) for k in RECIPE_FIELDS} == RECIPES[preset]


def test_fast_and_modern_recipes_differ_from_the_reference():
    fast, modern = TrainConfig(), TrainConfig()
    changed = apply_recipe(fast, "fast")
    apply_recipe(modern, "modern")
    assert (fast.optimizer, fast.learning_rate, fast.batch_size) == ("adam", 4e-3, 128)
    assert fast.schedule == "cosine" and fast.warmup_epochs == 1 and fast.augmentation
    assert "learning_rate" in changed and "batch_size" in changed
    assert (modern.learning_rate, modern.schedule, modern.warmup_epochs) == (1e-3, "cosine", 0)
    assert modern.augmentation and fast.problems() == {} and modern.problems() == {}


def _train_config(argv: list[str]) -> TrainConfig:
    args = cli.build_parser().parse_args(["train", *argv])
    return cli._config_from_args(args)


def test_cli_preset_applies_its_recipe():
    config = _train_config(["--preset", "fast"])
    assert {k: getattr(config, k) for k in RECIPE_FIELDS} == RECIPES["fast"]


def test_cli_explicit_flags_win_over_the_recipe():
    config = _train_config(
        ["--preset", "fast", "--lr", "0.01", "--batch-size", "64", "--no-augment"]
    )
    assert (config.learning_rate, config.batch_size, config.augment) == (0.01, 64, False)
    assert (config.optimizer, config.schedule, config.epochs) == ("adam", "cosine", 10)


def test_cli_same_preset_as_the_config_file_keeps_the_files_values(tmp_path):
    path = tmp_path / "settings.json"
    path.write_text(json.dumps({"preset": "fast", "learning_rate": 0.005}), encoding="utf-8")
    config = _train_config(["--config", str(path), "--preset", "fast"])
    assert config.learning_rate == 0.005
    # Another preset brings its own recipe over the file's.
    config = _train_config(["--config", str(path), "--preset", "dropout"])
    assert (config.learning_rate, config.batch_size) == (1e-4, 32)


def test_warmup_is_checked():
    assert "warmup_epochs" in TrainConfig(warmup_epochs=30, epochs=30).problems()
    assert "warmup_epochs" in TrainConfig(warmup_epochs=1, schedule="plateau").problems()
    assert "warmup_epochs" in TrainConfig(warmup_epochs=-1).problems()
    assert TrainConfig(warmup_epochs=2, epochs=30).problems() == {}


@pytest.mark.parametrize(("schedule", "last"), [("cosine", 0.01), ("constant", 1.0)])
def test_warmup_rises_linearly_then_follows_the_schedule(schedule, last):
    from cifar_gui.ml.optimizers import learning_rate_for

    config = TrainConfig(learning_rate=0.1, warmup_epochs=2, epochs=10, schedule=schedule)
    rate = learning_rate_for(config, steps_per_epoch=100)
    assert float(rate(0)) == pytest.approx(0.0)
    assert float(rate(100)) == pytest.approx(0.05)
    assert float(rate(200)) == pytest.approx(0.1)
    assert float(rate(1000)) == pytest.approx(0.1 * last, rel=1e-3)
