"""Faults injected into real training runs: SIGKILL mid-epoch, NaN loss, a full disk, a
read-only folder, out of memory. What the user made must survive each one."""

from __future__ import annotations

import errno
import json
import os
import signal
import subprocess
import sys
import time
import zipfile
from pathlib import Path

import pytest

from cifar_gui.config import TrainConfig
from cifar_gui.run_store.listing import list_runs
from cifar_gui.run_store.record import RunRecord

pytestmark = pytest.mark.slow
ROOT = Path(__file__).resolve().parents[1]


def _config(tmp_path, **overrides) -> TrainConfig:
    settings = dict(data="demo", epochs=3, learning_rate=1e-3, limit_train=300,
                    runs_dir=str(tmp_path / "runs"), evaluate_test=False)  # fmt: skip
    settings.update(overrides)
    return TrainConfig(**settings)


def assert_consistent(run_dir: Path) -> int:
    """The invariants a crash must never break; returns the number of committed epochs."""
    import keras

    record = RunRecord(run_dir)
    assert record.read_config()["settings"]
    summary = record.read_summary()  # valid JSON, whatever moment the kill came
    history = record.read_history()
    epochs = [int(row["epoch"]) for row in history]
    assert epochs == list(range(1, len(epochs) + 1))  # whole rows, no gaps, no repeats
    assert all(set(row) >= {"loss", "acc", "val_loss", "val_acc"} for row in history)
    if epochs:
        model = keras.saving.load_model(record.model_path, compile=True, safe_mode=True)
        assert int(model.optimizer.iterations) >= len(epochs)  # the optimizer state is there
        assert summary["epochs_completed"] in (len(epochs) - 1, len(epochs))
    return len(epochs)


def _train_process(args: list[str]) -> subprocess.Popen:
    return subprocess.Popen(
        [sys.executable, "-m", "cifar_gui.cli", "train", *args, "--json"],
        stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True, cwd=ROOT,
    )  # fmt: skip


@pytest.mark.real_model  # the tiny network can finish epochs 3 and 4 in the 0.5 s before the kill
def test_sigkill_mid_epoch_then_resume_loses_at_most_one_epoch(tmp_path):
    runs = tmp_path / "runs"
    process = _train_process(["--data", "demo", "--epochs", "4", "--limit-train", "1500",
                              "--lr", "1e-3", "--runs-dir", str(runs), "--no-test"])  # fmt: skip
    seen = 0
    for line in process.stdout:  # wait for two finished epochs, then kill inside the third
        seen += json.loads(line).get("event") == "epoch"
        if seen == 2:
            break
    time.sleep(0.5)
    process.send_signal(signal.SIGKILL)
    process.wait(30)
    (run_dir,) = [p for p in runs.iterdir() if p.is_dir()]
    assert assert_consistent(run_dir) in (2, 3)
    (info,) = list_runs(runs)
    assert info.status == "interrupted"  # the GUI offers to resume it

    resumed = subprocess.run(
        [sys.executable, "-m", "cifar_gui.cli", "train", "--resume", str(run_dir), "--json"],
        capture_output=True, text=True, cwd=ROOT, timeout=600,
    )  # fmt: skip
    assert resumed.returncode == 0, resumed.stderr
    assert assert_consistent(run_dir) == 4
    assert RunRecord(run_dir).read_summary()["status"] == "completed"
    assert not list(run_dir.glob(".*.partial*"))


def test_kills_at_random_moments_never_leave_a_broken_run(tmp_path):
    """Kill at several moments (during a save too, by chance); each time the folder is
    consistent and resumable, and the last resume finishes the planned epochs."""
    runs = tmp_path / "runs"
    args = ["--data", "demo", "--epochs", "4", "--limit-train", "600", "--lr", "1e-3",
            "--runs-dir", str(runs), "--no-test"]  # fmt: skip
    process = _train_process(args)
    process.stdout.readline()  # the first epoch line: the folder exists
    run_dir = next(p for p in runs.iterdir() if p.is_dir())
    for delay in (0.05, 0.45, 1.3):
        time.sleep(delay)
        process.send_signal(signal.SIGKILL)
        process.wait(30)
        done = assert_consistent(run_dir)
        if done >= 4:
            break
        process = _train_process(["--resume", str(run_dir)])
        process.stdout.readline()
    else:
        process.wait(600)
    process = subprocess.run(
        [sys.executable, "-m", "cifar_gui.cli", "train", "--resume", str(run_dir)],
        capture_output=True, text=True, cwd=ROOT, timeout=600,
    )  # fmt: skip
    assert assert_consistent(run_dir) == 4


def test_a_resume_of_a_run_training_elsewhere_is_refused(tmp_path, trained_run):
    from cifar_gui.ml.training import ResumeError, resume
    from cifar_gui.run_store.listing import delete_run
    from cifar_gui.run_store.lock import RunLock

    with RunLock(trained_run), pytest.raises(ResumeError, match="training elsewhere"):
        resume(trained_run, more_epochs=1)
    with RunLock(trained_run), pytest.raises(ValueError, match="training now"):
        delete_run(trained_run)
    assert trained_run.is_dir()


def _nan_from_epoch(monkeypatch, epoch: int) -> None:
    from cifar_gui.ml.callbacks import ProgressReporter

    original = ProgressReporter.on_train_batch_end

    def poisoned(self, batch, logs=None):
        if self._epoch >= epoch:
            logs = {**(logs or {}), "loss": float("nan")}
        return original(self, batch, logs)

    monkeypatch.setattr(ProgressReporter, "on_train_batch_end", poisoned)


def test_nan_loss_keeps_the_last_good_model(tmp_path, small_demo, monkeypatch):
    from cifar_gui.ml.inference import load_model
    from cifar_gui.ml.training import train
    from cifar_gui.progress import TrainingObserver

    _nan_from_epoch(monkeypatch, 2)
    batches = []
    result = train(_config(tmp_path), dataset=small_demo,
                   observer=TrainingObserver(on_batch=batches.append))  # fmt: skip
    assert result.status == "failed" and "epoch 2, batch 1" in result.error
    assert not [b for b in batches if b.epoch == 2]  # stopped within the first batch
    assert assert_consistent(result.run_dir) == 1
    assert RunRecord(result.run_dir).read_summary()["status"] == "failed"
    load_model(result.run_dir)  # the epoch-1 model is intact
    assert (result.run_dir / "best.keras").is_file()


@pytest.mark.real_model  # the reference network's activations overflow; a tiny one's do not
def test_learning_rate_1000_fails_in_the_first_epoch(tmp_path, small_demo):
    from cifar_gui.ml.training import train

    result = train(_config(tmp_path, learning_rate=1000.0), dataset=small_demo)
    assert result.status == "failed" and "diverged" in result.error


class _FullDisk:
    """Every atomic write fails like a full disk (or another ``error``) while ``full`` is set."""

    def __init__(self, monkeypatch, error: int = errno.ENOSPC):
        import cifar_gui.atomic as atomic

        self.full = False
        original = atomic._fsync_file

        def fsync(path):
            if self.full:
                raise OSError(error, os.strerror(error), str(path))
            original(path)

        monkeypatch.setattr(atomic, "_fsync_file", fsync)


def test_a_full_disk_stops_the_run_cleanly(tmp_path, small_demo, monkeypatch):
    from cifar_gui.ml.training import train
    from cifar_gui.progress import TrainingObserver

    disk = _FullDisk(monkeypatch)

    def on_epoch(result):
        disk.full = result.epoch >= 1

    result = train(_config(tmp_path), dataset=small_demo,
                   observer=TrainingObserver(on_epoch=on_epoch))  # fmt: skip
    assert result.status == "failed" and "the disk is full" in result.error
    assert assert_consistent(result.run_dir) == 1
    assert not list(result.run_dir.glob(".*partial*"))  # no half-written file left behind
    disk.full = False
    (info,) = list_runs(tmp_path / "runs")
    assert info.status == "interrupted"  # its summary could not be finished: resumable


def test_a_full_disk_can_be_ridden_out_without_saving(tmp_path, small_demo, monkeypatch):
    from cifar_gui.ml.training import train
    from cifar_gui.progress import TrainingObserver

    disk = _FullDisk(monkeypatch)
    messages = []

    def on_epoch(result):
        disk.full = result.epoch == 1  # full during epoch 2's save, freed after it

    result = train(
        _config(tmp_path, on_save_error="continue"), dataset=small_demo,
        observer=TrainingObserver(on_epoch=on_epoch, on_message=messages.append),
    )  # fmt: skip
    assert result.status == "completed", result.error
    assert any("Epoch 2 could not be saved" in m and "disk is full" in m for m in messages)
    assert assert_consistent(result.run_dir) == 3
    assert RunRecord(result.run_dir).read_summary()["unsaved_epochs"] == [2]


@pytest.mark.parametrize(
    ("error", "message"),
    [(errno.EROFS, "read-only disk"), (errno.EACCES, "cannot write the run folder"),
     (errno.EDQUOT, "the disk is full")],
)  # fmt: skip
def test_other_write_failures_are_named(tmp_path, small_demo, monkeypatch, error, message):
    from cifar_gui.ml.training import train
    from cifar_gui.progress import TrainingObserver

    disk = _FullDisk(monkeypatch, error)

    def on_start(_started):
        disk.full = True

    result = train(_config(tmp_path, epochs=1), dataset=small_demo,
                   observer=TrainingObserver(on_start=on_start))  # fmt: skip
    assert result.status == "failed" and message in result.error


@pytest.mark.skipif(os.geteuid() == 0, reason="root writes into read-only folders")
def test_a_read_only_run_folder_gives_a_clear_message(tmp_path, small_demo):
    from cifar_gui.ml.training import train
    from cifar_gui.progress import TrainingObserver

    def on_start(started):
        Path(started.run_dir).chmod(0o555)

    result = train(_config(tmp_path), dataset=small_demo,
                   observer=TrainingObserver(on_start=on_start))  # fmt: skip
    Path(result.run_dir).chmod(0o755)
    assert result.status == "failed" and "cannot write the run folder" in result.error


def test_out_of_memory_fails_the_run_with_advice(tmp_path, small_demo, monkeypatch):
    import tensorflow as tf

    import cifar_gui.ml.training as training

    def exhausted(*_args, **_kwargs):
        raise tf.errors.ResourceExhaustedError(None, None, "OOM when allocating tensor")

    monkeypatch.setattr(training, "build_model", exhausted)
    result = training.train(_config(tmp_path), dataset=small_demo)
    assert result.status == "failed"
    assert result.error == "out of memory on the device: try a smaller batch size"
    assert "ResourceExhaustedError" in (result.run_dir / "error.txt").read_text()


def test_damaged_run_files_are_reported_never_fatal(tmp_path, trained_run):
    import shutil

    runs = trained_run.parent
    damage = {
        "model.keras": lambda p: p.write_bytes(p.read_bytes()[:1000]),  # truncated zip
        "history.csv": lambda p: p.write_text("epoch,loss\n1,0.5\nnot,a,row,at,all\n"),
        "summary.json": lambda p: p.write_text('{"status": "compl'),
    }
    for name, spoil in damage.items():
        copy = runs / f"20990101-000000-{name.split('.')[0]}-0000"
        shutil.copytree(trained_run, copy)
        spoil(copy / name)
    listed = {info.path.name: info for info in list_runs(runs)}
    assert listed[trained_run.name].problem is None
    assert "model.keras is damaged" in listed["20990101-000000-model-0000"].problem
    assert "history.csv unreadable" in listed["20990101-000000-history-0000"].problem
    assert "summary.json unreadable" in listed["20990101-000000-summary-0000"].problem
    assert not zipfile.is_zipfile(runs / "20990101-000000-model-0000" / "model.keras")
