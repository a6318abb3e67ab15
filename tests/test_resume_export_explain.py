"""Resuming a run with its optimizer state, exporting it as a zip, its stored evaluation, and
Grad-CAM heatmaps."""

from __future__ import annotations

import json
import zipfile

import numpy as np
import pytest

from cifar_gui.run_store.files import PREDICTIONS as PREDICTIONS_FILE
from cifar_gui.run_store.record import RunRecord

pytestmark = pytest.mark.slow


def _iterations(path) -> int:
    import keras

    return int(keras.saving.load_model(path, compile=True).optimizer.iterations)


def test_resume_continues_the_history_with_the_optimizer_state(trained_run):
    from cifar_gui.data.demo import make_demo_dataset
    from cifar_gui.ml.training import resume
    from cifar_gui.progress import TrainingObserver

    record = RunRecord(trained_run)
    before = _iterations(record.model_path)
    assert before == 2 * 9  # 2 epochs of ceil(280 / 32) steps
    started, epochs = [], []
    result = resume(
        trained_run,
        more_epochs=2,
        dataset=make_demo_dataset(),
        observer=TrainingObserver(on_start=started.append, on_epoch=epochs.append),
    )
    assert result.status == "completed", result.error
    assert [e.epoch for e in epochs] == [3, 4]
    assert [int(row["epoch"]) for row in started[0].history] == [1, 2]  # shown before epoch 3
    assert [row["epoch"] for row in record.read_history()] == [1, 2, 3, 4]
    assert _iterations(record.model_path) == before + 2 * 9  # Adam's step count went on
    summary = record.read_summary()
    assert summary["epochs_completed"] == 4 and summary["epochs_planned"] == 4
    assert summary["evaluation"]["test_images"] == 1000  # evaluated again after the resume
    assert record.read_config()["settings"]["epochs"] == 4


def test_resume_refuses_what_it_cannot_continue(trained_run):
    from cifar_gui.ml.training import ResumeError, resume

    with pytest.raises(ResumeError, match="all 2 planned epochs are done"):
        resume(trained_run)
    record = RunRecord(trained_run)
    rows = record.read_history()
    record.write_history([rows[1]])  # epoch 2 without epoch 1
    with pytest.raises(ResumeError, match="gaps"):
        resume(trained_run, more_epochs=1)
    assert record.read_summary()["status"] == "completed"  # refused before touching the run


def test_the_evaluation_is_stored_and_matches_scikit_learn(trained_run):
    from sklearn.metrics import confusion_matrix, f1_score

    from cifar_gui.data.demo import make_demo_dataset

    summary = RunRecord(trained_run).read_summary()
    figures = summary["evaluation"]
    probabilities = np.load(trained_run / PREDICTIONS_FILE)
    labels = make_demo_dataset().y_test
    predicted = probabilities.argmax(axis=1)
    assert probabilities.shape == (1000, 10)
    assert np.allclose(probabilities.sum(axis=1), 1, atol=1e-4)
    assert figures["confusion_matrix"] == confusion_matrix(labels, predicted).tolist()
    assert summary["test_acc"] == pytest.approx(np.mean(predicted == labels))
    f1 = f1_score(labels, predicted, average=None, zero_division=0)
    assert [c["f1"] for c in figures["per_class"].values()] == pytest.approx(f1)


def test_an_exported_zip_predicts_like_its_run_folder(trained_run, tmp_path, capsys):
    from PIL import Image

    from cifar_gui.cli import main

    zip_path = tmp_path / "run.zip"
    assert main(["export", str(trained_run), str(zip_path)]) == 0
    with zipfile.ZipFile(zip_path) as archive:
        names = set(archive.namelist())
        assert json.loads(archive.read("class_names.json"))[0] == "horizontal stripes"
    assert names == {
        "model.keras",
        "config.json",
        "history.csv",
        "summary.json",
        "class_names.json",
        "confusion_by_epoch.npy",  # issue 15: the validation confusion of every epoch
    }
    image = tmp_path / "cat.png"
    Image.fromarray(np.random.default_rng(1).integers(0, 255, (50, 70, 3), np.uint8)).save(image)
    capsys.readouterr()
    outputs = []
    for model in (trained_run, zip_path):
        assert main(["predict", str(model), str(image), "--json"]) == 0
        outputs.append(json.loads(capsys.readouterr().out)["probabilities"])
    assert outputs[0] == pytest.approx(outputs[1], abs=1e-6)
    assert sum(outputs[1].values()) == pytest.approx(1.0, abs=1e-5)


def test_a_hostile_or_broken_zip_is_refused_without_extracting(tmp_path):
    from cifar_gui.ml.inference import ModelLoadError, load_model

    bomb = tmp_path / "bomb.zip"
    with zipfile.ZipFile(bomb, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("model.keras", b"\0" * 50_000_000)  # 50 MB of zeros: ~1000:1
        archive.writestr("config.json", "{}")
        archive.writestr("../../escape.txt", "x")
    with pytest.raises(ModelLoadError, match="implausibly large"):
        load_model(bomb)
    assert not (tmp_path.parent / "escape.txt").exists()
    incomplete = tmp_path / "incomplete.zip"
    with zipfile.ZipFile(incomplete, "w") as archive:
        archive.writestr("model.keras", b"not a model")
    with pytest.raises(ModelLoadError, match=r"not a run export .*config\.json"):
        load_model(incomplete)


def test_grad_cam_points_at_the_object_of_the_class_asked_about():
    """A model with a "red" feature deciding class 0 and a "blue" one deciding class 1, shown a
    red square top left and a blue one bottom right: each class's heatmap finds its square."""
    import keras

    from cifar_gui.ml.explain import GradCam

    inputs = keras.Input((32, 32, 3))
    features = keras.layers.Conv2D(2, 1, activation="relu", use_bias=False)(inputs)
    pooled = keras.layers.GlobalAveragePooling2D()(features)
    outputs = keras.layers.Dense(2, activation="softmax")(pooled)
    model = keras.Model(inputs, outputs)
    model.layers[1].set_weights([np.array([[[[1, 0], [0, 0], [0, 1]]]], np.float32)])
    model.layers[-1].set_weights([np.eye(2, dtype=np.float32), np.zeros(2, np.float32)])
    image = np.zeros((32, 32, 3), np.uint8)
    image[2:10, 2:10, 0] = 255  # red, top left
    image[22:30, 22:30, 2] = 255  # blue, bottom right
    explainer = GradCam(model)
    red, blue = explainer.heatmap(image, 0), explainer.heatmap(image, 1)
    assert red.shape == blue.shape == (32, 32)
    assert red[2:10, 2:10].mean() > 0.9 and red[20:, 20:].max() < 0.05
    assert blue[22:30, 22:30].mean() > 0.9 and blue[:12, :12].max() < 0.05
