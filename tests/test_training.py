"""The shared training function on small demo data: records, Stop, Pause, NaN, determinism."""

from __future__ import annotations

import math
import threading

import numpy as np
import pytest

from cifar_gui.config import TrainConfig
from cifar_gui.data.preprocessing import channel_stats
from cifar_gui.progress import TrainingControl, TrainingObserver

pytestmark = pytest.mark.slow


def _config(tmp_path, **overrides) -> TrainConfig:
    settings = dict(
        data="demo", epochs=2, learning_rate=1e-3, batch_size=32, runs_dir=str(tmp_path / "runs")
    )
    settings.update(overrides)
    return TrainConfig(**settings)


def test_a_run_records_every_finished_epoch(tmp_path, small_demo):
    from cifar_gui.ml.evaluation import evaluate_model
    from cifar_gui.ml.inference import load_model
    from cifar_gui.ml.training import train
    from cifar_gui.run_store.record import RunRecord

    epochs, batches, started = [], [], []
    observer = TrainingObserver(
        on_start=started.append, on_batch=batches.append, on_epoch=epochs.append
    )
    result = train(_config(tmp_path), dataset=small_demo, observer=observer)

    assert result.status == "completed", result.error
    record = RunRecord(result.run_dir)
    history = record.read_history()
    assert [row["epoch"] for row in history] == [1, 2] == [e.epoch for e in epochs]
    assert history[1]["val_acc"] == pytest.approx(epochs[1].val_acc, rel=1e-5)
    assert (
        started[0].train_size == 280
        and started[0].val_size == 120
        and started[0].steps_per_epoch == 9
    )
    assert [b.step for b in batches if b.epoch == 1] == list(range(1, 10))
    assert all(b.images_per_second > 0 for b in batches)

    summary = record.read_summary()
    assert summary["status"] == "completed" and summary["epochs_completed"] == 2
    assert summary["best_epoch"] in (1, 2) and summary["device"] == "CPU"
    config = record.read_config()
    assert config["settings"]["preset"] == "dropout"
    assert config["class_names"] == list(small_demo.class_names)
    assert config["preprocessing"]["mean"] == pytest.approx(channel_stats(small_demo.x_train).mean)
    assert "tensorflow" in config["versions"]
    assert (result.run_dir / "model.keras").is_file() and (result.run_dir / "best.keras").is_file()
    assert not list(result.run_dir.glob(".*partial*"))

    # The saved model classifies raw pixels on its own and reproduces the recorded test accuracy.
    loaded = load_model(result.run_dir)
    report = evaluate_model(loaded.model, small_demo.x_test, small_demo.y_test, loaded.class_names)
    assert report.accuracy == pytest.approx(summary["test_acc"], abs=1e-6)
    assert np.allclose(report.probabilities.sum(axis=1), 1, atol=1e-4)
    assert loaded.class_names == small_demo.class_names


def test_stop_mid_epoch_keeps_the_finished_epochs(tmp_path, small_demo):
    from cifar_gui.ml.training import train

    control = TrainingControl()
    seen = []

    def on_batch(progress):
        seen.append((progress.epoch, progress.step))
        if (progress.epoch, progress.step) == (2, 3):
            control.request_stop()

    result = train(
        _config(tmp_path, epochs=5),
        dataset=small_demo,
        observer=TrainingObserver(on_batch=on_batch),
        control=control,
    )
    assert result.status == "stopped"
    assert seen[-1] == (2, 3)  # no batch ran after the one during which Stop was pressed
    assert [row["epoch"] for row in result.history] == [1]
    assert result.summary["epochs_completed"] == 1 and result.summary["test_acc"] is None
    assert (result.run_dir / "model.keras").is_file()


def test_pause_blocks_between_batches_until_resumed(tmp_path, small_demo):
    from cifar_gui.ml.training import train

    control = TrainingControl()
    paused = []
    steps_while_paused = []

    def on_batch(progress):
        if paused == [True]:
            steps_while_paused.append(progress.step)
        if (progress.epoch, progress.step) == (1, 2):
            control.pause()
            threading.Timer(0.3, control.resume).start()

    result = train(
        _config(tmp_path, epochs=1),
        dataset=small_demo,
        observer=TrainingObserver(on_batch=on_batch, on_paused=paused.append),
        control=control,
    )
    assert result.status == "completed"
    assert paused == [True, False] and steps_while_paused == []


def test_nan_loss_stops_the_run_as_failed(tmp_path, small_demo):
    from cifar_gui.ml.training import train

    batches = []
    result = train(
        _config(tmp_path, optimizer="sgd", learning_rate=10_000.0, epochs=3),
        dataset=small_demo,
        observer=TrainingObserver(on_batch=batches.append),
    )
    assert result.status == "failed"
    assert "training diverged" in result.error and "batch" in result.error
    assert result.summary["epochs_completed"] == 0 and batches and len(batches) < 9
    assert all(math.isfinite(b.loss) for b in batches)


def test_the_same_seed_gives_the_same_run(tmp_path, small_demo):
    from cifar_gui.ml.training import train

    first = train(_config(tmp_path, epochs=1, evaluate_test=False), dataset=small_demo)
    second = train(_config(tmp_path, epochs=1, evaluate_test=False), dataset=small_demo)
    other = train(_config(tmp_path, epochs=1, evaluate_test=False, seed=1), dataset=small_demo)
    keys = ("loss", "acc", "val_loss", "val_acc")
    assert [first.history[0][k] for k in keys] == [second.history[0][k] for k in keys]
    assert first.history[0]["loss"] != other.history[0]["loss"]


@pytest.mark.real_model
@pytest.mark.parametrize("preset", ["plain", "l2", "modern"])
def test_every_preset_trains(tmp_path, small_demo, preset):
    from cifar_gui.ml.training import train

    result = train(_config(tmp_path, preset=preset, epochs=1), dataset=small_demo)
    assert result.status == "completed", result.error
    assert 0 <= result.summary["test_acc"] <= 1


def test_schedules_and_optimizers(tmp_path, small_demo):
    from cifar_gui.ml.training import train

    cosine = train(
        _config(tmp_path, optimizer="adamw", schedule="cosine", epochs=3, evaluate_test=False),
        dataset=small_demo.limited(200),
    )
    rates = [row["lr"] for row in cosine.history]
    assert rates[0] > rates[1] > rates[2]
    plateau = train(
        _config(tmp_path, optimizer="sgd", schedule="plateau", plateau_patience=0, epochs=3,
                early_stopping=True, patience=5, evaluate_test=False),
        dataset=small_demo.limited(200),
    )  # fmt: skip
    assert plateau.status == "completed"
    rms = train(_config(tmp_path, optimizer="rmsprop", epochs=1, evaluate_test=False),
                dataset=small_demo.limited(200))  # fmt: skip
    assert rms.status == "completed"


@pytest.mark.real_model
def test_demo_data_is_learnable(tmp_path):
    """The demo promises a class structure a CNN picks up within a few epochs."""
    from cifar_gui.data.demo import make_demo_dataset
    from cifar_gui.ml.training import train

    data = make_demo_dataset(train_size=1500, test_size=300)
    result = train(_config(tmp_path, epochs=4, batch_size=64), dataset=data)
    assert result.summary["test_acc"] > 0.4  # chance is 0.1
