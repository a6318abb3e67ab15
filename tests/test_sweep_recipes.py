"""A sweep over presets gives each run its preset's recipe, as choosing the preset does; the
swept settings and the ones the user changed stay as the user set them."""

from cifar_gui.config import TrainConfig
from cifar_gui.recipes import apply_recipe, edited_fields, recipe
from cifar_gui.sweep.spec import expand


def test_each_preset_of_a_sweep_trains_with_its_own_recipe():
    base = TrainConfig(preset="dropout")  # the reference recipe: Adam 1e-4, batch 32
    runs = {run.config.preset: run.config for run in expand(
        base, [{"preset": "dropout"}, {"preset": "fast"}, {"preset": "modern"}], "sweep-x-ab12"
    )}  # fmt: skip
    assert (runs["dropout"].learning_rate, runs["dropout"].batch_size) == (1e-4, 32)
    fast = recipe("fast")
    assert (runs["fast"].learning_rate, runs["fast"].batch_size) == (
        fast["learning_rate"], fast["batch_size"],
    )  # fmt: skip
    assert runs["fast"].schedule == fast["schedule"] and runs["fast"].augment is True
    assert runs["modern"].epochs == recipe("modern")["epochs"]


def test_swept_and_edited_settings_win_over_the_recipe():
    base = TrainConfig(preset="dropout", epochs=5)  # the user asked for 5 epochs
    assert edited_fields(base) == {"epochs"}
    combos = [
        {"preset": "fast", "learning_rate": 1e-3},
        {"preset": "modern", "learning_rate": 1e-3},
    ]
    for run in expand(base, combos, "sweep-x-ab12"):
        assert run.config.epochs == 5
        assert run.config.learning_rate == 1e-3
        assert run.config.batch_size == recipe(run.config.preset)["batch_size"]


def test_a_sweep_that_keeps_the_preset_changes_nothing_else():
    base = TrainConfig()
    apply_recipe(base, "fast")  # as choosing Fast in the window does
    base.batch_size = 64  # then edited
    (run,) = expand(base, [{"learning_rate": 2e-3}], "sweep-x-ab12")
    assert run.config.batch_size == 64 and run.config.epochs == recipe("fast")["epochs"]
