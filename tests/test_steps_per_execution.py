"""Several training batches per call into TensorFlow's graph (issue 12, the GPU path): the
``steps_per_execution`` setting. Keras reports a call's last batch to the callbacks, so the
per-batch curve gets a point every N batches, Stop acts within N batches, and the updates are
the same as one batch a call (the epoch's figures agree)."""

from __future__ import annotations

import math

import pytest

from cifar_gui.config import TrainConfig
from cifar_gui.progress import TrainingControl, TrainingObserver


def _run(tmp_path, dataset, name, *, stop_after=None, **overrides):
    from cifar_gui.ml.training import train

    config = TrainConfig(data="demo", epochs=2, batch_size=32, learning_rate=1e-3,
                         evaluate_test=False, runs_dir=str(tmp_path / name),
                         **overrides)  # fmt: skip
    control = TrainingControl()
    steps, epochs = [], []

    def on_batch(progress):
        steps.append((progress.epoch, progress.step, progress.steps))
        if stop_after is not None and len(steps) >= stop_after:
            control.request_stop()

    observer = TrainingObserver(on_batch=on_batch, on_epoch=epochs.append)
    result = train(config, dataset=dataset, observer=observer, control=control)
    return result, steps, epochs


def test_auto_is_one_batch_a_call_on_a_cpu():
    from cifar_gui.ml.devices import steps_per_execution

    assert steps_per_execution(None, "auto", 100) == 1
    assert steps_per_execution(None, "cpu", 100) == 1
    assert steps_per_execution(8, "cpu", 100) == 8
    assert steps_per_execution(64, "auto", 14) == 14  # never more than an epoch's batches


@pytest.mark.slow  # seconds of training or a TensorFlow subprocess: not in the quick loop
def test_n_batches_a_call_report_every_nth_batch_with_the_same_figures(tmp_path, small_demo):
    one, one_steps, one_epochs = _run(tmp_path, small_demo, "one")
    four, four_steps, four_epochs = _run(tmp_path, small_demo, "four", steps_per_execution=4)
    assert one.status == four.status == "completed"
    total = one_steps[0][2]  # 280 training images (70% of 400) at batch 32: 9 batches
    assert total == 9 and [s for e, s, _ in one_steps if e == 1] == list(range(1, 10))
    assert [s for e, s, _ in four_steps if e == 1] == [4, 8, 9]  # the last call has 1
    assert [e.epoch for e in four_epochs] == [1, 2]
    for a, b in zip(one_epochs, four_epochs, strict=True):
        for key in ("loss", "acc", "val_loss", "val_acc"):
            assert math.isclose(getattr(a, key), getattr(b, key), rel_tol=1e-4, abs_tol=1e-5), key


def test_stop_acts_within_one_call(tmp_path, small_demo):
    result, steps, epochs = _run(tmp_path, small_demo, "stop", stop_after=1, steps_per_execution=4)
    assert result.status == "stopped"
    assert steps == [(1, 4, 9)] and epochs == []  # stopped after the first call of 4


@pytest.mark.parametrize("value", [0, -3, 1001, 2.5])
def test_values_out_of_range_are_refused(value):
    assert "steps_per_execution" in TrainConfig(steps_per_execution=value).problems()
