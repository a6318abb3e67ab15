"""Issue 11, item 2: the training loop in small parts.

One decision says whether a value beats the best so far (``cifar_gui.improvement``), and every
place that names a best asks it; ``EpochRecorder`` commits each finished epoch and keeps the
best model, like Keras's ``ModelCheckpoint``; ``ProgressReporter`` takes its totals from
``model.fit`` (``set_params``); the plateau schedule's reduction at an epoch's end is in the
model saved for that epoch, so a resume right after it goes on at the reduced rate.
"""

from __future__ import annotations

import math

import numpy as np
import pytest

from cifar_gui.improvement import best_index, is_improvement, mode_for

NAN, INF = math.nan, math.inf


# ---- the one decision ------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("value", "best", "mode", "expected"),
    [
        (0.5, None, "min", True),  # the first finite value is the best so far
        (0.4, 0.5, "min", True),
        (0.6, 0.5, "min", False),
        (0.5, 0.5, "min", False),  # a tie keeps the earlier epoch
        (0.6, 0.5, "max", True),
        (0.4, 0.5, "max", False),
        (0.5, 0.5, "max", False),
        (NAN, None, "min", False),  # not a number is never the best, not even the first
        (INF, None, "min", False),
        (-INF, 0.5, "min", False),
        (INF, 0.5, "max", False),
        (0.4, NAN, "min", True),  # a best that is not a number is no best
        (None, 0.5, "max", False),
        (True, None, "max", False),  # a bool from a damaged file is not a figure
    ],
)
def test_is_improvement(value, best, mode, expected):
    assert is_improvement(value, best, mode) is expected


def test_min_delta_needs_a_margin_in_both_modes():
    assert not is_improvement(0.99995, 1.0, "min", min_delta=1e-4)
    assert is_improvement(0.9998, 1.0, "min", min_delta=1e-4)
    assert not is_improvement(1.00005, 1.0, "max", min_delta=-1e-4)  # Keras may pass it negative
    assert is_improvement(1.0002, 1.0, "max", min_delta=1e-4)


def test_an_unknown_mode_is_refused():
    with pytest.raises(ValueError, match="auto"):
        is_improvement(0.5, 0.4, "auto")


def test_monitor_modes():
    assert mode_for("val_loss") == mode_for("loss") == "min"
    assert mode_for("val_acc") == mode_for("acc") == "max"


def test_best_index_keeps_the_first_of_equal_values_and_skips_non_numbers():
    assert best_index([0.3, 0.8, 0.8, 0.6], "max") == 1
    assert best_index([NAN, 0.9, 0.7, 0.7, 1.2], "min") == 2
    assert best_index([NAN, INF, None], "min") is None
    assert best_index([], "max") is None


def test_a_sweeps_best_run_is_never_one_without_a_figure(tmp_path):
    from cifar_gui.sweep.results import SweepRow, SweepTable

    def row(index, acc):
        return SweepRow(index, {}, tmp_path / str(index), "completed", acc, None, None)

    table = SweepTable("s", [], [row(1, NAN), row(2, 0.5), row(3, 0.7), row(4, 0.7)])
    assert table.best().index == 3  # max() picked the NaN row: it compares False both ways
    assert SweepTable("s", [], [row(1, NAN), row(2, None)]).best() is None


# ---- Keras callbacks -------------------------------------------------------------------------
def _tiny_compiled_model():
    import keras

    model = keras.Sequential([keras.Input((4,)), keras.layers.Dense(3, activation="softmax")])
    model.compile(optimizer="adam", loss="sparse_categorical_crossentropy", metrics=["acc"])
    return model


def _xy(count=24, seed=0):
    rng = np.random.default_rng(seed)
    return rng.normal(size=(count, 4)).astype("float32"), rng.integers(0, 3, count)


class _Watch:
    """The reporter's batches and epochs, as an observer sees them."""

    def __init__(self):
        from cifar_gui.progress import TrainingObserver

        self.batches, self.epochs, self.messages = [], [], []
        self.observer = TrainingObserver(
            on_batch=self.batches.append, on_epoch=self.epochs.append,
            on_message=self.messages.append,
        )  # fmt: skip


@pytest.mark.slow
@pytest.mark.filterwarnings("ignore:Your input ran out of data")  # how Keras learns its length
def test_the_reporter_takes_its_totals_from_fit():
    import tensorflow as tf

    from cifar_gui.ml.callbacks import ProgressReporter
    from cifar_gui.progress import TrainingControl

    watch = _Watch()
    reporter = ProgressReporter(
        watch.observer, TrainingControl(), batch_size=8, on_epoch_complete=lambda _r: None
    )
    model = _tiny_compiled_model()
    x, y = _xy(20)
    model.fit(x, y, batch_size=8, epochs=3, initial_epoch=1, verbose=0, callbacks=[reporter])
    assert {(b.steps, b.epochs) for b in watch.batches} == {(3, 3)}  # ceil(20 / 8), fit's end
    assert [b.epoch for b in watch.batches] == [2, 2, 2, 3, 3, 3]

    # A dataset of unknown length: 0 until the first epoch has counted its batches.
    unknown = tf.data.Dataset.from_tensor_slices((x, y)).filter(lambda *_: True).batch(8)
    watch.batches.clear()
    model.fit(unknown, epochs=2, shuffle=False, verbose=0, callbacks=[reporter])
    assert [b.steps for b in watch.batches] == [0, 0, 0, 3, 3, 3]


class _Scripted:
    """A callback put before the reporter that replaces ``key`` in the epoch's logs."""

    def __new__(cls, key, values):
        import keras

        class Script(keras.callbacks.Callback):
            def on_epoch_end(self, epoch, logs=None):
                logs[key] = values[epoch]

        return Script()


def _recorder(tmp_path, watch, monitor="val_acc", **kwargs):
    from cifar_gui.ml.epoch_recorder import EpochRecorder
    from cifar_gui.run_store.record import RunRecord

    record = RunRecord.create(tmp_path / "runs", "recorder")
    summary = {"best_epoch": None, "best_val_acc": None, "best_val_loss": None}
    recorder = EpochRecorder(
        record, summary, [], monitor=monitor, observer=watch.observer, elapsed=lambda: 1.5,
        **kwargs,
    )  # fmt: skip
    return record, summary, recorder


def _fit_recorded(model, recorder, watch, scripted, key="val_acc", control=None):
    from cifar_gui.ml.callbacks import ProgressReporter
    from cifar_gui.progress import TrainingControl

    weights = []  # the model's weights as each epoch was committed
    recorder_epoch = watch.observer.on_epoch

    def on_epoch(result):
        weights.append([w.copy() for w in model.get_weights()])
        recorder_epoch(result)

    watch.observer.on_epoch = on_epoch
    reporter = ProgressReporter(watch.observer, control or TrainingControl(), batch_size=8,
                                on_epoch_complete=recorder.epoch_finished)  # fmt: skip
    x, y = _xy()
    model.fit(x, y, batch_size=8, epochs=len(scripted), validation_data=_xy(9, seed=1),
              verbose=0, callbacks=[_Scripted(key, scripted), reporter, recorder])  # fmt: skip
    return weights


def _saved_weights(path):
    import keras

    return keras.saving.load_model(path, compile=False).get_weights()


def _same(a, b) -> bool:
    return len(a) == len(b) and all(np.array_equal(p, q) for p, q in zip(a, b, strict=True))


@pytest.mark.slow
def test_the_recorder_keeps_the_first_best_epoch_and_commits_every_epoch(tmp_path):
    watch = _Watch()
    record, summary, recorder = _recorder(tmp_path, watch)
    model = _tiny_compiled_model()
    weights = _fit_recorded(model, recorder, watch, [0.5, 0.8, 0.8, 0.6])

    assert [r.epoch for r in watch.epochs] == [1, 2, 3, 4]
    stored = record.read_summary()
    assert stored["best_epoch"] == 2 and stored["best_val_acc"] == 0.8  # epoch 3 only ties
    assert stored["epochs_completed"] == 4 and stored["model_epoch"] == 4
    assert stored["duration_seconds"] == 1.5
    assert [row["epoch"] for row in record.read_history()] == [1, 2, 3, 4]
    assert [row["val_acc"] for row in record.read_history()] == [0.5, 0.8, 0.8, 0.6]
    assert _same(_saved_weights(record.best_model_path), weights[1])
    assert _same(_saved_weights(record.model_path), weights[3])
    assert not _same(weights[1], weights[3])

    # After fit, as early stopping asks: model.keras and the model become epoch 2's, the
    # last state goes to last.keras for a resume.
    assert recorder.keep_best() == 2
    assert summary["model_epoch"] == 2
    assert _same(_saved_weights(record.model_path), weights[1])
    assert _same(_saved_weights(record.last_model_path), weights[3])
    assert _same(model.get_weights(), weights[1])


@pytest.mark.slow
def test_the_recorder_goes_on_from_a_resumed_runs_best_and_skips_a_stopped_epoch(tmp_path):
    from cifar_gui.progress import TrainingControl

    watch = _Watch()
    record, summary, recorder = _recorder(tmp_path, watch, monitor="val_loss")
    summary.update(best_epoch=7, best_val_loss=0.4, best_val_acc=0.9)  # from before a resume
    control = TrainingControl()
    watch.observer.on_batch = lambda b: b.epoch == 3 and control.request_stop()
    _fit_recorded(_tiny_compiled_model(), recorder, watch, [0.5, 0.3, 0.2], "val_loss", control)

    assert [r.epoch for r in watch.epochs] == [1, 2]  # epoch 3 was cut short by Stop
    assert [row["epoch"] for row in record.read_history()] == [1, 2]
    stored = record.read_summary()
    assert stored["best_epoch"] == 2 and stored["best_val_loss"] == 0.3  # 0.5 did not beat 0.4


@pytest.mark.slow
def test_early_stopping_never_takes_a_nan_for_its_best():
    from cifar_gui.ml.resumable_callbacks import ResumableEarlyStopping

    stopping = ResumableEarlyStopping(monitor="val_loss", patience=1)
    stopping.set_model(_tiny_compiled_model())
    stopping.on_train_begin()
    for epoch, value in enumerate([NAN, 1.0, 0.9]):
        stopping.on_epoch_end(epoch, {"val_loss": value})
    # Keras's own rule made the NaN the best and stopped after epoch 2 without improvement.
    assert stopping.best == 0.9 and stopping.wait == 0 and stopping.best_epoch == 2
    assert not stopping.model.stop_training

    resumed = ResumableEarlyStopping(monitor="val_acc", patience=3, previous=[NAN, 0.5, 0.5])
    resumed.on_train_begin()
    assert (resumed.mode, resumed.best, resumed.wait, resumed.best_epoch) == ("max", 0.5, 1, 1)


@pytest.mark.slow
def test_the_plateau_replay_uses_the_live_margin():
    from cifar_gui.ml.resumable_callbacks import ResumablePlateau

    # Keras's plateau needs val_loss to fall by more than min_delta (1e-4): 0.99995 does not.
    plateau = ResumablePlateau(previous=[1.0, 0.99995], patience=5)
    plateau.on_train_begin()
    assert (plateau.best, plateau.wait) == (1.0, 1)


@pytest.fixture
def tiny_demo():
    from cifar_gui.data.demo import make_demo_dataset

    return make_demo_dataset(train_size=160, test_size=60)


@pytest.mark.slow
def test_a_run_resumed_right_after_a_plateau_reduction_keeps_the_reduced_rate(
    tmp_path, tiny_demo, monkeypatch
):
    from cifar_gui.config import TrainConfig
    from cifar_gui.ml.callbacks import ProgressReporter
    from cifar_gui.ml.training import resume, train
    from cifar_gui.run_store.record import RunRecord

    scripted = [1.0, 1.1, 1.2, 1.3, 1.4]
    original = ProgressReporter.on_epoch_end

    def script(self, epoch, logs=None):
        logs["val_loss"] = scripted[epoch]
        original(self, epoch, logs)

    monkeypatch.setattr(ProgressReporter, "on_epoch_end", script)

    def config(epochs):
        return TrainConfig(
            data="demo", preset="plain", epochs=epochs, learning_rate=1e-3, batch_size=40,
            schedule="plateau", plateau_patience=2, plateau_factor=0.5,
            runs_dir=str(tmp_path / "runs"),
        )  # fmt: skip

    one_go = train(config(5), dataset=tiny_demo)
    first = train(config(3), dataset=tiny_demo)  # the rate is halved at the end of epoch 3
    resumed = resume(first.run_dir, more_epochs=2, dataset=tiny_demo)
    assert one_go.status == resumed.status == "completed", (one_go.error, resumed.error)

    def rates(run_dir):
        return [row["lr"] for row in RunRecord(run_dir).read_history()]

    assert rates(one_go.run_dir) == pytest.approx([1e-3, 1e-3, 1e-3, 5e-4, 5e-4], rel=1e-5)
    assert rates(resumed.run_dir) == pytest.approx(rates(one_go.run_dir), rel=1e-5)
