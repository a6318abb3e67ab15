"""Issue 10 items 2 and 5: a run records the absolute path and a fingerprint of its data;
resume, evaluate and the evaluation gallery refuse other data, naming both; a run whose
training images hold one class is refused before it starts (train() and the CLI)."""

from __future__ import annotations

import json
import shutil

import numpy as np
import pytest
from PIL import Image

from cifar_gui.config import ConfigError, TrainConfig
from cifar_gui.data import DataSourceError, load_source


def _folder(root, classes=("cat", "dog"), per_class=12, shade=0):
    """ROOT/train/<class>/*.png and ROOT/test/<class>/*.png, one colour per class."""
    for part, count in (("train", per_class), ("test", 4)):
        for c, name in enumerate(classes):
            (root / part / name).mkdir(parents=True, exist_ok=True)
            for i in range(count):
                colour = ((c * 90 + shade) % 256, (i * 7 + shade) % 256, (c * 40) % 256)
                Image.new("RGB", (8, 8), colour).save(root / part / name / f"{i}.png")
    return root


def _config(runs, data, **overrides) -> TrainConfig:
    settings = dict(data=data, preset="plain", epochs=1, batch_size=8, learning_rate=1e-3,
                    runs_dir=str(runs), run_name="pets")  # fmt: skip
    settings.update(overrides)
    return TrainConfig(**settings)


@pytest.fixture
def pets_run(tmp_path, monkeypatch):
    """A one-epoch run trained from tmp/a with the relative data path "data"."""
    from cifar_gui.ml.training import train

    _folder(tmp_path / "a" / "data")
    monkeypatch.chdir(tmp_path / "a")
    result = train(_config(tmp_path / "runs", "data"))
    assert result.status == "completed", result.error
    return result.run_dir


def test_a_run_stores_its_data_as_an_absolute_path_with_a_fingerprint(pets_run, tmp_path):
    stored = json.loads((pets_run / "config.json").read_text())
    source = str(tmp_path / "a" / "data")
    assert stored["settings"]["data"] == source and stored["data"]["source"] == source
    fingerprint = stored["data"]["fingerprint"]
    assert fingerprint["class_names"] == ["cat", "dog"]
    assert fingerprint["train_counts"] == [12, 12] and fingerprint["test_counts"] == [4, 4]
    assert len(fingerprint["content_hash"]) == 32


def test_resume_from_another_folder_trains_on_the_runs_own_data(pets_run, tmp_path, monkeypatch):
    from cifar_gui.ml.training import resume
    from cifar_gui.progress import TrainingObserver

    _folder(tmp_path / "b" / "data", classes=("frog", "ship"))
    monkeypatch.chdir(tmp_path / "b")  # its own data/ holds other classes
    started = []
    result = resume(pets_run, more_epochs=1, observer=TrainingObserver(on_start=started.append))
    assert result.status == "completed", result.error
    assert started[0].class_names == ("cat", "dog")
    assert [row["epoch"] for row in result.history] == [1, 2]


def test_resume_and_evaluate_refuse_changed_data_naming_both(pets_run, tmp_path):
    from cifar_gui.ml.run_evaluation import evaluate_run
    from cifar_gui.ml.training import ResumeError, resume
    from cifar_gui.run_store.stored_evaluation import load_stored_evaluation

    data = tmp_path / "a" / "data"
    shutil.rmtree(data)
    _folder(data, classes=("frog", "ship"))
    with pytest.raises(ResumeError) as caught:
        resume(pets_run, more_epochs=1)
    message = str(caught.value)
    assert "cannot resume on other data" in message
    assert "(2 classes: frog, ship; 24 training / 8 test images)" in message
    assert "(2 classes: cat, dog; 24 training / 8 test images)" in message
    assert "\n" not in message
    with pytest.raises(DataSourceError, match="cat, dog"):
        evaluate_run(pets_run)
    gallery = load_stored_evaluation(pets_run)
    assert gallery.images is None and "frog, ship" in gallery.gallery_note


def test_same_classes_with_other_images_are_other_data(pets_run, tmp_path):
    from cifar_gui.ml.run_evaluation import evaluate_run

    data = tmp_path / "a" / "data"
    shutil.rmtree(data)
    _folder(data, shade=101)
    with pytest.raises(DataSourceError, match="differs from the data this run was trained on"):
        evaluate_run(pets_run)
    copy = tmp_path / "copy"
    shutil.rmtree(data)
    _folder(copy)  # the original images, elsewhere: the same data under another path
    report = evaluate_run(pets_run, dataset=load_source(str(copy)))
    assert report.class_names == ("cat", "dog")


def test_evaluate_from_the_command_line_refuses_changed_data(pets_run, tmp_path, capsys):
    from cifar_gui.cli import main

    data = tmp_path / "a" / "data"
    shutil.rmtree(data)
    _folder(data, classes=("ant", "bee"))
    assert main(["evaluate", str(pets_run)]) == 1
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and "ant, bee" in err[0] and "cat, dog" in err[0]


def test_a_run_named_data_folder_of_slash_is_refused_by_evaluate(pets_run, capsys):
    from cifar_gui.cli import main

    stored = json.loads((pets_run / "config.json").read_text())
    stored["data"]["source"] = "/"
    (pets_run / "config.json").write_text(json.dumps(stored))
    assert main(["evaluate", str(pets_run)]) == 1
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and err[0].startswith("cifar-gui: error: ") and "/" in err[0]


def test_a_one_class_run_is_refused_before_its_folder_exists(tmp_path):
    from cifar_gui.ml.training import train

    data = _folder(tmp_path / "data")
    with pytest.raises(ConfigError) as caught:
        train(_config(tmp_path / "runs", str(data), limit_train=2))
    assert set(caught.value.problems) == {"limit_train"}
    assert "one class" in caught.value.problems["limit_train"]
    assert not (tmp_path / "runs").exists() or not any((tmp_path / "runs").iterdir())


def test_the_command_line_refuses_a_one_class_run_naming_the_flag(tmp_path, capsys):
    from cifar_gui.cli import main

    data = _folder(tmp_path / "data")
    code = main(["train", "--data", str(data), "--limit-train", "2", "--epochs", "1",
                 "--runs-dir", str(tmp_path / "runs")])  # fmt: skip
    assert code == 2
    err = capsys.readouterr().err
    assert err.startswith("cifar-gui: error: --limit-train: the training images would all be")
    assert not (tmp_path / "runs").exists()


def test_a_limit_trains_on_a_balanced_sample(tmp_path):
    from cifar_gui.ml.training import prepare_data

    data = load_source(str(_folder(tmp_path / "d")))
    prepared = prepare_data(_config(tmp_path, "x", limit_train=10, val_split=0.2), data)
    assert np.bincount(prepared.dataset.y_train).tolist() == [5, 5]
