"""Issue 10, items 3 and 4: the model file, the stored test figures and ``evaluate`` agree after
early stopping, and a resumed run follows the learning-rate curve of a run planned in one go.

The validation figures that early stopping and the plateau schedule react to are scripted (the
progress callback, first in the list, rewrites them in the shared ``logs``), so the tests know
which epoch is best without depending on how the network happens to train.
"""

from __future__ import annotations

import numpy as np
import pytest

from cifar_gui.config import TrainConfig

pytestmark = pytest.mark.slow


@pytest.fixture
def tiny_demo():
    from cifar_gui.data.demo import make_demo_dataset

    return make_demo_dataset(train_size=160, test_size=60)


def _config(tmp_path, **overrides) -> TrainConfig:
    settings = dict(
        data="demo",
        preset="plain",
        epochs=2,
        learning_rate=1e-3,
        batch_size=40,
        runs_dir=str(tmp_path / "runs"),
    )
    settings.update(overrides)
    return TrainConfig(**settings)


def _script(monkeypatch, key: str, values: list[float]) -> None:
    """Epoch N reports ``values[N - 1]`` as ``key`` to every callback after the reporter."""
    from cifar_gui.ml.callbacks import ProgressReporter

    original = ProgressReporter.on_epoch_end

    def scripted(self, epoch, logs=None):
        logs[key] = values[epoch]
        original(self, epoch, logs)

    monkeypatch.setattr(ProgressReporter, "on_epoch_end", scripted)


def _weights(path) -> list[np.ndarray]:
    import keras

    return keras.saving.load_model(path, compile=False).get_weights()


def _same(a: list[np.ndarray], b: list[np.ndarray]) -> bool:
    return len(a) == len(b) and all(np.array_equal(x, y) for x, y in zip(a, b, strict=True))


def test_early_stopping_leaves_the_best_epoch_in_model_keras(tmp_path, tiny_demo, monkeypatch):
    from cifar_gui.ml.run_evaluation import evaluate_run
    from cifar_gui.ml.training import resume, train
    from cifar_gui.run_store.record import RunRecord

    scripted = [0.3, 0.9, 0.5, 0.4, 0.2, 0.1]
    _script(monkeypatch, "val_acc", scripted)
    config = _config(tmp_path, epochs=6, early_stopping=True, patience=1, monitor="val_acc")
    result = train(config, dataset=tiny_demo)

    assert result.status == "completed", result.error
    record = RunRecord(result.run_dir)
    summary = record.read_summary()
    # Epoch 2 is best; epoch 3 is the first without improvement; patience 1 ends the run there.
    assert [row["epoch"] for row in record.read_history()] == [1, 2, 3]
    assert summary["best_epoch"] == 2 and summary["model_epoch"] == 2
    assert summary["evaluation"]["model_epoch"] == 2
    assert _same(_weights(record.model_path), _weights(record.best_model_path))
    last = _weights(record.last_model_path)
    assert not _same(last, _weights(record.model_path))

    stored_loss, stored_acc = summary["test_loss"], summary["test_acc"]
    report = evaluate_run(result.run_dir, dataset=tiny_demo)
    assert report.loss == pytest.approx(stored_loss, rel=1e-5)
    assert report.accuracy == stored_acc
    again = record.read_summary()
    assert again["test_loss"] == pytest.approx(stored_loss, rel=1e-5)
    assert again["model_epoch"] == 2

    # A resume continues from the last epoch's state (last.keras), not from the best epoch's.
    scripted[3] = 0.95
    resumed = resume(result.run_dir, more_epochs=1, dataset=tiny_demo)
    assert resumed.status == "completed", resumed.error
    summary = record.read_summary()
    assert summary["best_epoch"] == 4 and summary["model_epoch"] == 4
    assert not record.last_model_path.exists()  # model.keras is the last state again


def test_a_stopped_early_stopping_run_says_its_model_is_the_last_epoch(
    tmp_path, tiny_demo, monkeypatch
):
    from cifar_gui.ml.training import train
    from cifar_gui.progress import TrainingControl, TrainingObserver
    from cifar_gui.run_store.record import RunRecord

    _script(monkeypatch, "val_acc", [0.9, 0.3, 0.2, 0.1])
    control = TrainingControl()

    def on_epoch(result):
        if result.epoch == 2:
            control.request_stop()

    config = _config(tmp_path, epochs=4, early_stopping=True, patience=3)
    result = train(
        config, dataset=tiny_demo, control=control, observer=TrainingObserver(on_epoch=on_epoch)
    )
    summary = RunRecord(result.run_dir).read_summary()
    assert result.status == "stopped"
    assert summary["model_epoch"] == 2 and summary["best_epoch"] == 1
    assert summary["test_acc"] is None


def _lr_column(run_dir) -> list[float]:
    from cifar_gui.run_store.record import RunRecord

    return [row["lr"] for row in RunRecord(run_dir).read_history()]


def test_a_resumed_cosine_run_follows_the_one_go_curve(tmp_path, tiny_demo):
    from cifar_gui.ml.training import resume, train

    one_go = train(_config(tmp_path, schedule="cosine", epochs=4), dataset=tiny_demo)
    first = train(_config(tmp_path, schedule="cosine", epochs=2), dataset=tiny_demo)
    resumed = resume(first.run_dir, more_epochs=2, dataset=tiny_demo)

    assert one_go.status == resumed.status == "completed", (one_go.error, resumed.error)
    planned, continued = _lr_column(one_go.run_dir), _lr_column(resumed.run_dir)
    assert len(continued) == 4
    # The first two epochs ran under the two-epoch plan; the resumed ones follow the new one.
    assert continued[2:] == pytest.approx(planned[2:], rel=1e-5)
    assert continued[2] > 1e-4  # not at the schedule's floor (1e-5)


def test_a_resumed_plateau_run_remembers_its_patience(tmp_path, tiny_demo, monkeypatch):
    from cifar_gui.ml.training import resume, train

    _script(monkeypatch, "val_loss", [1.0, 1.1, 1.2, 1.3, 1.4])
    settings = dict(schedule="plateau", plateau_patience=2, plateau_factor=0.5)
    one_go = train(_config(tmp_path, epochs=5, **settings), dataset=tiny_demo)
    first = train(_config(tmp_path, epochs=2, **settings), dataset=tiny_demo)
    resumed = resume(first.run_dir, more_epochs=3, dataset=tiny_demo)

    planned, continued = _lr_column(one_go.run_dir), _lr_column(resumed.run_dir)
    # Reduced after epoch 3 (two epochs without improvement) and again after epoch 5.
    assert planned == pytest.approx([1e-3, 1e-3, 1e-3, 5e-4, 5e-4], rel=1e-5)
    assert continued == pytest.approx(planned, rel=1e-5)


def test_a_resumed_early_stopping_run_remembers_its_patience(tmp_path, tiny_demo, monkeypatch):
    from cifar_gui.ml.training import resume, train
    from cifar_gui.run_store.record import RunRecord

    _script(monkeypatch, "val_acc", [0.9, 0.5, 0.4, 0.3, 0.2, 0.1])
    first = train(_config(tmp_path, epochs=2, early_stopping=True, patience=2), dataset=tiny_demo)
    resumed = resume(first.run_dir, more_epochs=4, dataset=tiny_demo)
    # Epochs 2 and 3 do not improve on epoch 1: a one-go run stops after epoch 3, so does this.
    assert [row["epoch"] for row in RunRecord(resumed.run_dir).read_history()] == [1, 2, 3]
    assert RunRecord(resumed.run_dir).read_summary()["model_epoch"] == 1
