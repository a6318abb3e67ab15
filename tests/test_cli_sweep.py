"""``cifar-gui sweep``: flags, errors, a killed sweep continued, and a real 2x2 sweep."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from cifar_gui import cli
from cifar_gui.chance import at_chance
from cifar_gui.config import TrainConfig
from cifar_gui.run_store.record import RunRecord
from cifar_gui.sweep.queue import SweepQueue, unfinished_sweeps

ROOT = Path(__file__).resolve().parents[1]


def _json_lines(text: str) -> list[dict]:
    return [json.loads(line) for line in text.splitlines() if line.strip()]


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (["--lr", "1e-3,abc"], "--lr: 'abc' is not a number"),
        (["--dropout", "0.2,1.5"], "--dropout: 1.5 is refused. Enter a number that is at least 0 and less than 1."),
        (["--preset", "plain,foo"], "--preset: 'foo' is not one of plain, l2, dropout, modern, fast"),
        (["--lr", "1e-3"], "give at least one flag several values, e.g. --lr 1e-3,3e-4"),
        (["--lr", "1e-4..1e-2"], "--lr: a range (low..high) needs random search"),
        (["--lr", "1e-3,1e-4", "--epochs", "0"], "--epochs: 0 is refused. Enter a whole number from 1 to 100,000."),
        (["--continue", "sweep-x", "--lr", "1e-3"], "--continue keeps the sweep's own settings; drop --lr"),
        (["--lr", "1e-3,1e-4", "--parallel", "0"], "--parallel: must be at least 1"),
        (["--continue", "../../etc"], "--continue: '../../etc' is not a sweep id"),
    ],
)  # fmt: skip
def test_bad_sweeps_are_one_line_and_queue_nothing(argv, message, tmp_path, capsys):
    assert cli.main(["sweep", *argv, "--runs-dir", str(tmp_path)]) == cli.EXIT_USAGE
    assert capsys.readouterr().err == f"cifar-gui: error: {message}\n"
    assert not (tmp_path / ".sweeps").exists()


def test_every_train_flag_is_accepted_by_sweep():
    parser = cli.build_parser()
    train = parser._subparsers._group_actions[0].choices["train"]
    sweep = parser._subparsers._group_actions[0].choices["sweep"]
    sweep_flags = {s for a in sweep._actions for s in a.option_strings}
    one_run_only = {"--resume", "--more-epochs", "--multi-worker"}
    assert {s for a in train._actions for s in a.option_strings} - sweep_flags == one_run_only


class _FakeTrain:
    """Stands in for the train command: records each call, makes a finished run folder."""

    def __init__(self, kill_at: int | None = None) -> None:
        self.calls: list[tuple[str, str]] = []
        self.kill_at = kill_at

    def __call__(self, args) -> int:
        if args.resume:
            self.calls.append(("resume", Path(args.resume).name))
            record = RunRecord(args.resume)
        else:
            config = TrainConfig.load(args.config)
            self.calls.append(("train", config.run_name))
            record = RunRecord.create(config.runs_dir, config.run_name)
            record.write_config({"settings": config.to_dict()})
        if len(self.calls) == self.kill_at:  # killed mid-run: a model saved, status running
            record.write_summary({"status": "running"})
            (record.path / "model.keras").write_bytes(b"PK\x05\x06" + bytes(18))
            raise KeyboardInterrupt
        lr = record.read_config()["settings"]["learning_rate"]
        record.write_summary({"status": "completed", "best_val_acc": lr * 100, "test_acc": 0.5})
        print(json.dumps({"event": "done", "run_dir": str(record.path)}), flush=True)
        return 0


def test_a_killed_sweep_continues_where_it_stopped(tmp_path, monkeypatch, capsys):
    fake = _FakeTrain(kill_at=2)
    monkeypatch.setattr(cli, "cmd_train", fake)
    argv = ["sweep", "--data", "demo", "--lr", "1e-3,3e-3", "--dropout", "0.2,0.5"]
    assert cli.main([*argv, "--runs-dir", str(tmp_path), "--json"]) == cli.EXIT_STOPPED
    [queue] = unfinished_sweeps(tmp_path)
    assert [i.state for i in queue.items] == ["completed", "running", "pending", "pending"]
    capsys.readouterr()

    monkeypatch.setattr(cli, "cmd_train", fake)
    argv = ["sweep", "--continue", queue.sweep_id, "--runs-dir", str(tmp_path), "--json"]
    assert cli.main(argv) == 0
    tag = queue.sweep_id.rsplit("-", 1)[-1]
    names = [name.replace(f"sweep-{tag}-", "sweep-") for _, name in fake.calls]
    assert [kind for kind, _ in fake.calls] == ["train", "train", "resume", "train", "train"]
    assert names[0] == "sweep-01-dropout0.2-lr0.001" and names[1] == "sweep-02-dropout0.2-lr0.003"
    assert "sweep-02-dropout0.2-lr0.003" in names[2]  # the killed run's own folder, resumed
    assert names[3:] == ["sweep-03-dropout0.5-lr0.001", "sweep-04-dropout0.5-lr0.003"]
    events = _json_lines(capsys.readouterr().out)
    assert [(e["event"], e.get("run")) for e in events] == [
        ("done", 2), ("done", 3), ("done", 4), ("sweep_done", None)]  # fmt: skip
    assert events[1]["combination"] == {"dropout_rate": 0.5, "learning_rate": 1e-3}
    done = events[-1]
    assert done["best_run"] == 2 and done["remaining"] == 0
    assert [r["best_val_acc"] for r in done["runs"]] == pytest.approx([0.1, 0.3, 0.1, 0.3])
    assert unfinished_sweeps(tmp_path) == []
    assert [i.state for i in SweepQueue.load(queue.folder).items] == ["completed"] * 4


@pytest.mark.slow
def test_a_2x2_sweep_on_demo_data_matches_each_runs_summary(tmp_path):
    out = tmp_path / "stdout.txt"
    proc = subprocess.run(
        [sys.executable, "-m", "cifar_gui.cli", "sweep", "--data", "demo", "--epochs", "1",
         "--limit-train", "200", "--lr", "1e-3,1e-4", "--dropout", "0.2,0.5",
         "--runs-dir", str(tmp_path / "runs"), "--json"],
        stdout=out.open("w"), stderr=subprocess.PIPE, text=True, cwd=ROOT, timeout=600,
    )  # fmt: skip
    assert proc.returncode == 0, proc.stderr
    events = _json_lines(out.read_text())
    assert [e["event"] for e in events] == ["epoch", "done"] * 4 + ["sweep_done"]
    assert [e["run"] for e in events[:-1]] == [1, 1, 2, 2, 3, 3, 4, 4]
    assert events[6]["combination"] == {"dropout_rate": 0.5, "learning_rate": 1e-4}
    table = events[-1]
    assert table["swept"] == ["dropout_rate", "learning_rate"]
    for row, done in zip(table["runs"], events[1:8:2], strict=True):
        assert row["run_dir"] == done["run_dir"]
        summary = json.loads((Path(row["run_dir"]) / "summary.json").read_text())
        settings = json.loads((Path(row["run_dir"]) / "config.json").read_text())["settings"]
        assert row["best_val_acc"] == summary["best_val_acc"]
        assert row["test_acc"] == summary["test_acc"] == done["test_acc"]
        assert row["seconds"] == summary["duration_seconds"]
        assert settings["sweep_id"] == table["sweep_id"]
        assert {k: settings[k] for k in row["combination"]} == row["combination"]
    # The best run: the highest best validation accuracy among the runs that learned something
    # (a tiny run may be at chance, cifar_gui.chance: then none is best).
    for row in table["runs"]:
        assert row["at_chance"] == (
            at_chance(row["best_val_acc"], 10) or at_chance(row["test_acc"], 10)
        )
    learned = [r for r in table["runs"] if not r["at_chance"]]
    best = max(learned, key=lambda r: r["best_val_acc"], default=None)
    assert table["best_run"] == (best["run"] if best else None)


@pytest.mark.slow
def test_parallel_runs_each_in_its_own_process_and_all_are_recorded(tmp_path):
    out = tmp_path / "stdout.txt"
    proc = subprocess.run(
        [sys.executable, "-m", "cifar_gui.cli", "sweep", "--data", "demo", "--epochs", "1",
         "--limit-train", "200", "--lr", "1e-3,1e-4", "--parallel", "2",
         "--runs-dir", str(tmp_path / "runs"), "--json"],
        stdout=out.open("w"), stderr=subprocess.PIPE, text=True, cwd=ROOT, timeout=600,
    )  # fmt: skip
    assert proc.returncode == 0, proc.stderr
    events = _json_lines(out.read_text())
    assert sorted((e["run"], e["event"]) for e in events[:-1]) == [
        (1, "done"), (1, "epoch"), (2, "done"), (2, "epoch")]  # fmt: skip
    lines = [line for line in proc.stderr.splitlines() if line.strip()]
    # Each child's stderr lines carry its tag (TensorFlow's start-up lines, which every child
    # used to print there, now go to the log: the children may print nothing at all).
    assert {line[:8] for line in lines} <= {"[run 1] ", "[run 2] "}
    table = events[-1]
    assert table["event"] == "sweep_done" and table["remaining"] == 0
    for row in table["runs"]:
        done = next(e for e in events if e["event"] == "done" and e["run"] == row["run"])
        summary = json.loads((Path(row["run_dir"]) / "summary.json").read_text())
        assert row["run_dir"] == done["run_dir"] and row["status"] == "completed"
        assert row["best_val_acc"] == summary["best_val_acc"]
        assert row["test_acc"] == summary["test_acc"] == done["test_acc"]
    assert [r["combination"]["learning_rate"] for r in table["runs"]] == [1e-3, 1e-4]


def test_a_runs_folder_that_cannot_be_written_is_one_line(tmp_path, capsys):
    blocker = tmp_path / "runs"
    blocker.write_text("a file where the runs folder should be")
    argv = ["sweep", "--lr", "1e-3,1e-4", "--runs-dir", str(blocker)]
    assert cli.main(argv) == cli.EXIT_FAILED
    err = capsys.readouterr().err
    assert (
        err.startswith("cifar-gui: error: cannot write the sweep queue: ") and err.count("\n") == 1
    )


def test_text_output_names_each_run_and_ends_with_the_table(tmp_path, monkeypatch, capsys):
    monkeypatch.setattr(cli, "cmd_train", _FakeTrain())
    argv = ["sweep", "--data", "demo", "--lr", "1e-3,3e-3", "--runs-dir", str(tmp_path)]
    assert cli.main(argv) == 0
    out = capsys.readouterr().out.splitlines()
    sweep_id = SweepQueue.load(next((tmp_path / ".sweeps").iterdir())).sweep_id
    assert out[0] == f"{sweep_id}: run 1/2 (learning_rate=0.001)"
    assert out[2] == f"{sweep_id}: run 2/2 (learning_rate=0.003)"
    assert out[4] == f"{sweep_id}: 2 runs"
    assert out[5].startswith(
        "    1  learning_rate=0.001  completed  best val_acc 0.1000  test_acc 0.5000"
    )
    assert out[6].startswith("*   2  learning_rate=0.003  completed  best val_acc 0.3000")
