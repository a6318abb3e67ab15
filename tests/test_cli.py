"""The headless command line: its exact JSON output, its errors, evaluate and predict."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest
from archive_factory import write_archive
from PIL import Image

from cifar_gui.cli import main

ROOT = Path(__file__).resolve().parents[1]


def _json_lines(text: str) -> list[dict]:
    return [json.loads(line) for line in text.splitlines() if line.strip()]


@pytest.fixture(scope="module")
def cli_run(tmp_path_factory):
    """One tiny CLI training run shared by the evaluate and predict tests."""
    runs = tmp_path_factory.mktemp("runs")
    out = tmp_path_factory.mktemp("out") / "stdout.txt"
    code = subprocess.run(
        [sys.executable, "-m", "cifar_gui.cli", "train", "--data", "demo", "--epochs", "2",
         "--limit-train", "300", "--lr", "1e-3", "--runs-dir", str(runs), "--json"],
        stdout=out.open("w"), stderr=subprocess.PIPE, text=True, cwd=ROOT, timeout=300,
    )  # fmt: skip
    assert code.returncode == 0, code.stderr
    return _json_lines(out.read_text())


@pytest.mark.slow
def test_train_json_prints_one_object_per_epoch_then_done(cli_run):
    epochs, done = cli_run[:-1], cli_run[-1]
    assert [e["event"] for e in epochs] == ["epoch", "epoch"]
    assert [e["epoch"] for e in epochs] == [1, 2]
    for event in epochs:
        assert set(event) == {"event", "epoch", "loss", "acc", "val_loss", "val_acc", "seconds"}
        assert 0 <= event["val_acc"] <= 1 and event["seconds"] > 0
    assert done["event"] == "done" and done["status"] == "completed"
    assert Path(done["run_dir"]).is_dir() and 0 <= done["test_acc"] <= 1
    assert done["test_loss"] > 0


@pytest.mark.slow
def test_evaluate_reproduces_the_test_accuracy(cli_run, capsys):
    done = cli_run[-1]
    assert main(["evaluate", done["run_dir"], "--json"]) == 0
    report = json.loads(capsys.readouterr().out)
    assert report["test_acc"] == pytest.approx(done["test_acc"], abs=1e-6)
    matrix = np.array(report["confusion_matrix"])
    assert matrix.shape == (10, 10) and matrix.sum() == 1000
    assert sum(c["support"] for c in report["per_class"].values()) == 1000
    assert main(["evaluate", done["run_dir"]]) == 0
    assert "confusion matrix" in capsys.readouterr().out


@pytest.mark.slow
def test_predict_gives_probabilities_per_image(cli_run, tmp_path, capsys):
    from cifar_gui.data.demo import make_demo_dataset

    image = make_demo_dataset(10, 10).x_test[0]
    path = tmp_path / "disc.png"
    Image.fromarray(image).resize((96, 96)).save(path)
    junk = tmp_path / "junk.jpg"
    junk.write_text("not a picture")
    code = main(["predict", cli_run[-1]["run_dir"], str(path), str(junk), "--top-k", "2", "--json"])
    assert code == 1  # one file failed
    good, bad = _json_lines(capsys.readouterr().out)
    assert len(good["top"]) == 2 and good["top"][0]["probability"] >= good["top"][1]["probability"]
    assert sum(good["probabilities"].values()) == pytest.approx(1, abs=1e-4)
    assert "horizontal stripes" in good["probabilities"]
    assert "not an image" in bad["error"]


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (["train", "--batch-size", "0"], "--batch-size: Enter a whole number from 1 to 65,536."),
        (["train", "--lr", "-0.1"], "--lr: Enter a number that is greater than 0 and at most"),
        (["train", "--val-split", "1.5"], "--val-split: Enter a number that is greater than 0"),
        (["train", "--epochs", "ten"], "--epochs: Enter a whole number, not ten."),
        (["train", "--preset", "huge"], "invalid choice"),
        (["train", "--data", "/no/such/path"], "/no/such/path: no such file or folder"),
        (["train", "--config", "/no/such.json"], "Cannot read /no/such.json"),
        (["evaluate", "/no/run"], "/no/run: no such folder"),
        (["predict", "/no/model.keras", "x.png"], "no such file or folder"),
        (
            ["predict", "m.keras", "x.png", "--top-k", "0"],
            "--top-k: Enter a whole number of at least 1.",
        ),
        (["data", "info", "/no/data"], "no such file"),
        (["frobnicate"], "invalid choice"),
    ],
)
def test_bad_arguments_give_one_line_and_a_nonzero_exit(argv, message, capsys):
    assert main(argv) != 0
    err = capsys.readouterr().err
    assert err.startswith("cifar-gui: error:") and message in err
    assert "Traceback" not in err and len(err.strip().splitlines()) == 1


def test_corrupt_archive_is_one_line(tmp_path, capsys):
    archive = tmp_path / "cifar-10-python.tar.gz"
    archive.write_bytes(b"\x1f\x8b\x08garbage")
    assert main(["train", "--data", str(archive)]) == 1
    err = capsys.readouterr().err
    assert str(archive) in err and len(err.strip().splitlines()) == 1


def test_data_info_json(tmp_path, capsys):
    archive = write_archive(tmp_path / "cifar-10-python.tar.gz", per_batch=4, test_count=6)
    assert main(["data", "info", str(archive), "--json"]) == 0
    info = json.loads(capsys.readouterr().out)
    assert info["train_images"] == 20 and info["test_images"] == 6
    assert sum(info["counts"]["train"].values()) == 20 and info["image_shape"] == [32, 32, 3]
    assert main(["data", "info", str(archive), "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["from_cache"] is True


def test_download_offline_fails_at_once_with_where_to_put_the_archive(monkeypatch, capsys):
    import socket

    def refuse(*_args, **_kwargs):
        raise OSError("network is unreachable")

    monkeypatch.setattr(socket, "create_connection", refuse)
    assert main(["data", "download"]) == 1
    err = capsys.readouterr().err
    assert "offline" in err and "cifar-10-python.tar.gz" in err


def test_help_and_errors_do_not_load_tensorflow():
    code = (
        "import sys; from cifar_gui.cli import main; "
        "rc = main(['train', '--batch-size', '0']); "
        "print(rc, 'tensorflow' in sys.modules)"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT)
    assert out.stdout.split() == ["2", "False"]


def test_unsafe_models_are_refused(tmp_path):
    import keras

    from cifar_gui.ml.inference import ModelLoadError, load_model

    inputs = keras.Input((32, 32, 3))
    outputs = keras.layers.Lambda(lambda x: x * 2)(inputs)
    outputs = keras.layers.Dense(10, activation="softmax")(keras.layers.Flatten()(outputs))
    keras.Model(inputs, outputs).save(tmp_path / "lambda.keras")
    with pytest.raises(ModelLoadError, match=r"lambda\.keras"):
        load_model(tmp_path / "lambda.keras")

    other = keras.Sequential(
        [keras.Input((28, 28, 1)), keras.layers.Flatten(), keras.layers.Dense(10)]
    )
    other.save(tmp_path / "mnist.keras")
    with pytest.raises(ModelLoadError, match="expects inputs of shape"):
        load_model(tmp_path / "mnist.keras")

    (tmp_path / "text.keras").write_text("not a zip")
    with pytest.raises(ModelLoadError, match="not a Keras model file"):
        load_model(tmp_path / "text.keras")


def test_no_display_gives_one_clear_line(monkeypatch, capsys):
    for variable in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM"):
        monkeypatch.delenv(variable, raising=False)
    monkeypatch.setattr(sys, "platform", "linux")
    assert main([]) == 1
    err = capsys.readouterr().err
    assert "no display" in err and "cifar-gui --help" in err and len(err.strip().splitlines()) == 1
