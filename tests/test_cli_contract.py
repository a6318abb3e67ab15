"""Issue 10, items 13 and 21: help with defaults for every flag, ``predict FOLDER``, a missing
run folder named as such, one JSON error event with ``--json``, and a quiet end when the
reader of stdout goes away (``| head``)."""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest

from cifar_gui.cli import build_parser, main
from cifar_gui.cli_train_flags import SETTING_FLAGS

ROOT = Path(__file__).resolve().parents[1]


def _parsers(parser: argparse.ArgumentParser, name: str = "cifar-gui"):
    yield name, parser
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            for sub_name, sub in action.choices.items():
                yield from _parsers(sub, f"{name} {sub_name}")


def test_every_flag_and_argument_of_every_command_has_help():
    missing = [
        f"{name} {action.dest}"
        for name, parser in _parsers(build_parser())
        for action in parser._actions
        if not isinstance(action, argparse._SubParsersAction) and not (action.help or "").strip()
    ]
    assert missing == []


def test_train_help_shows_each_setting_with_its_default(capsys):
    with pytest.raises(SystemExit):
        main(["train", "--help"])
    text = " ".join(capsys.readouterr().out.split())  # argparse wraps lines
    for setting in SETTING_FLAGS:
        assert setting.flag in text
    assert "--epochs EPOCHS epochs to train (default: 30)" in text
    assert "--lr LR learning rate (default: 0.0001)" in text
    assert "--batch-size BATCH_SIZE images per training step (default: 32)" in text
    assert "--early-stopping, --no-early-stopping" in text and "(default: off)" in text
    assert text.count("(default:") >= len(SETTING_FLAGS)


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (["export", "/no/such/run", "out.zip"], "/no/such/run: no such folder"),
        (["evaluate", "/no/such/run"], "/no/such/run: no such folder"),
        (["train", "--resume", "/no/such/run"], "/no/such/run: no such folder"),
    ],
)
def test_a_missing_run_folder_is_named_as_missing(argv, message, capsys):
    assert main(argv) == 1
    err = capsys.readouterr().err
    assert message in err and "model.keras" not in err


def test_exporting_a_folder_that_is_not_a_run_says_so(tmp_path, capsys):
    assert main(["export", str(tmp_path), str(tmp_path / "out.zip")]) == 1
    assert "not a run folder" in capsys.readouterr().err
    assert not (tmp_path / "out.zip").exists()


@pytest.mark.parametrize(
    ("argv", "code", "message"),
    [
        (["evaluate", "/no/such/run", "--json"], 1, "/no/such/run: no such folder"),
        (["train", "--epochs", "0", "--json"], 2, "--epochs: Enter a whole number from 1"),
        (["train", "--epochs", "2.5", "--json"], 2, "--epochs: Enter a whole number, not 2.5."),
        (["data", "info", "/no/data", "--json"], 1, "/no/data"),
        (["predict", "/no/model.keras", "x.png", "--json"], 1, "no such file or folder"),
    ],
)
def test_with_json_a_failure_is_one_error_event_on_stdout(argv, code, message, capsys):
    assert main(argv) == code
    out, err = capsys.readouterr()
    lines = out.splitlines()
    assert len(lines) == 1
    event = json.loads(lines[0])
    assert event["event"] == "error" and message in event["message"]
    assert event["exit_code"] == code
    assert message in err  # people reading the terminal still see it


def _with_closed_stdout(argv: list[str], timeout: int = 120) -> subprocess.CompletedProcess:
    """Run the CLI with a stdout whose reader has gone (as ``| head`` does after its lines)."""
    read_end, write_end = os.pipe()
    os.close(read_end)
    try:
        return subprocess.run(
            [sys.executable, "-m", "cifar_gui", *argv],
            stdout=write_end, stderr=subprocess.PIPE, text=True, cwd=ROOT, timeout=timeout,
        )  # fmt: skip
    finally:
        os.close(write_end)


@pytest.mark.slow  # seconds of training or a TensorFlow subprocess: not in the quick loop
@pytest.mark.parametrize(
    ("argv", "code"),
    [(["data", "info", "demo"], 141), (["data", "info", "demo", "--json"], 141),
     (["evaluate", "/no/such/run", "--json"], 141),
     (["train", "--help"], 0)],  # argparse itself ignores a closed pipe for help
)  # fmt: skip
def test_a_closed_pipe_ends_the_command_quietly(argv, code):
    done = subprocess.run([sys.executable, "-m", "cifar_gui", *argv], capture_output=True,
                          text=True, cwd=ROOT, timeout=120)  # fmt: skip
    assert done.stdout  # the command does write to stdout
    closed = _with_closed_stdout(argv)
    assert "Traceback" not in closed.stderr and "BrokenPipe" not in closed.stderr, closed.stderr
    assert "Exception ignored" not in closed.stderr
    assert closed.returncode == code  # 141 = 128 + SIGPIPE, as a command killed by the pipe


@pytest.mark.slow
def test_training_whose_reader_went_away_stops_quietly_and_can_resume(tmp_path):
    from cifar_gui.run_store.listing import list_runs

    closed = _with_closed_stdout(
        ["train", "--data", "demo", "--preset", "plain", "--epochs", "3", "--limit-train", "120",
         "--lr", "1e-3", "--runs-dir", str(tmp_path), "--json"], timeout=300,
    )  # fmt: skip
    assert "Traceback" not in closed.stderr and "BrokenPipe" not in closed.stderr, closed.stderr
    assert closed.returncode == 141
    (run,) = list_runs(tmp_path)
    assert run.status == "stopped" and run.summary["epochs_completed"] == 1


@pytest.fixture(scope="module")
def tiny_model_file(tmp_path_factory) -> Path:
    """A small untrained classifier of 32x32 RGB images into 3 classes, as a .keras file."""
    import keras

    keras.utils.set_random_seed(1)
    model = keras.Sequential(
        [keras.Input((32, 32, 3)), keras.layers.Rescaling(1 / 255), keras.layers.Conv2D(2, 3),
         keras.layers.GlobalAveragePooling2D(), keras.layers.Dense(3, activation="softmax")]
    )  # fmt: skip
    path = tmp_path_factory.mktemp("model") / "tiny.keras"
    model.save(path)
    return path


def test_predict_classifies_a_folder_like_the_window(tiny_model_file, tmp_path, capsys):
    from PIL import Image

    from cifar_gui.gui.classify_folder_page import image_files_in

    folder = tmp_path / "photos"
    (folder / "more").mkdir(parents=True)
    rng = np.random.default_rng(0)
    for name in ("b.png", "a.jpg", "more/c.png"):
        Image.fromarray(rng.integers(0, 255, (40, 40, 3), dtype=np.uint8)).save(folder / name)
    (folder / "notes.txt").write_text("not an image")

    assert main(["predict", str(tiny_model_file), str(folder), "--json"]) == 0
    rows = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert [row["file"] for row in rows] == [str(p) for p in image_files_in(folder)]
    assert [Path(row["file"]).name for row in rows] == ["a.jpg", "b.png", "c.png"]
    assert all(abs(sum(row["probabilities"].values()) - 1) < 1e-4 for row in rows)

    # The same image named directly gets the same probabilities.
    assert main(["predict", str(tiny_model_file), str(folder / "b.png"), "--json"]) == 0
    (single,) = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert single["probabilities"] == pytest.approx(rows[1]["probabilities"], abs=1e-6)


def test_predict_names_a_folder_without_images(tiny_model_file, tmp_path, capsys):
    (tmp_path / "empty").mkdir()
    assert main(["predict", str(tiny_model_file), str(tmp_path / "empty")]) == 1
    err = capsys.readouterr().err
    assert "holds no image files" in err and "Is a directory" not in err
