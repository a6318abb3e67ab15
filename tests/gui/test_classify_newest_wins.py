"""The Classify tab, the layer view and the preset table let the newest request win (issue 11,
item 4): what the user chose last is what ends up on screen, never an older request that
happened to finish later, and nothing asked for meanwhile is forgotten. Tiny untrained models:
nothing trains."""

from __future__ import annotations

import threading
import types
from pathlib import Path

import numpy as np
import pytest
from PIL import Image


@pytest.fixture(scope="module")
def model_files(tmp_path_factory) -> list[Path]:
    """Three small classifiers of 32x32 RGB images into 3 classes, each in its own file."""
    import keras

    folder = tmp_path_factory.mktemp("models")
    paths = []
    for seed, name in enumerate(("first", "second", "third")):
        keras.utils.set_random_seed(seed)
        model = keras.Sequential(
            [keras.Input((32, 32, 3)), keras.layers.Rescaling(1 / 255),
             keras.layers.Conv2D(2, 3, activation="relu"), keras.layers.GlobalAveragePooling2D(),
             keras.layers.Dense(3, activation="softmax")]
        )  # fmt: skip
        paths.append(folder / f"{name}.keras")
        model.save(paths[-1])
    return paths


@pytest.fixture
def tab(qtbot, tasks, tmp_path):
    from cifar_gui.gui.classify_tab import ClassifyTab

    widget = ClassifyTab(tasks, lambda: tmp_path / "runs")
    qtbot.addWidget(widget)
    return widget


def _settled(tab, tasks) -> bool:
    return tab.model_status.text().startswith(("Loaded ", "Cannot use")) and not tasks.busy


def _load(tab, tasks, qtbot, path: Path) -> None:
    tab.load_model(str(path))
    qtbot.waitUntil(lambda: _settled(tab, tasks) and tab.loaded is not None, timeout=60_000)


def test_choosing_three_models_quickly_loads_and_shows_the_last(tab, tasks, qtbot, model_files):
    first, second, third = model_files
    changes = []
    tab.modelChanged.connect(changes.append)
    for path in (first, second, third):  # three choices before any has loaded
        tab.load_model(str(path))
    qtbot.waitUntil(lambda: _settled(tab, tasks), timeout=60_000)
    qtbot.wait(100)  # anything still to arrive would arrive now
    assert tab.loaded.path == third
    assert tab.model_status.text().startswith(f"Loaded {third} — 3 classes")
    assert changes == [str(third)]  # the first was never put on screen, the second never loaded


def test_going_back_to_the_model_in_use_keeps_it(tab, tasks, qtbot, model_files):
    """The model in use, another one, then the first again, quickly: the first stays (the
    list shows it), not the one chosen in between."""
    first, second, _ = model_files
    _load(tab, tasks, qtbot, first)
    in_use = tab.loaded
    tab.load_model(str(second))
    tab.load_model(str(first))
    qtbot.waitUntil(lambda: _settled(tab, tasks), timeout=60_000)
    qtbot.wait(100)
    assert tab.loaded is in_use
    assert tab.model_status.text().startswith(f"Loaded {first}")


def _grey_images(count: int):
    from cifar_gui.data.images import decoded_from_array

    rng = np.random.default_rng(7)
    return [decoded_from_array(rng.integers(0, 255, (32, 32, 3), np.uint8), f"noise {i}")
            for i in range(count)]  # fmt: skip


def test_three_images_asked_for_quickly_show_the_last_ones_prediction(
    tab, tasks, qtbot, model_files
):
    from cifar_gui.ml.inference import classify_arrays

    _load(tab, tasks, qtbot, model_files[0])
    images = _grey_images(3)
    tab.add_images(images)  # the first is chosen and analysed
    tab.inputs.setCurrentRow(1)
    tab.inputs.setCurrentRow(2)  # ... and the user has moved on twice before it is done
    qtbot.waitUntil(lambda: tab.analysis is not None and not tasks.busy, timeout=30_000)
    qtbot.wait(100)
    assert tab.analysis.image is images[2]
    expected = classify_arrays(tab.loaded, images[2].network_input[None])[0]
    np.testing.assert_allclose(tab.analysis.probabilities, expected, rtol=1e-6)
    top = int(np.argmax(expected))
    assert tab.result_label.text() == f"noise 2: class {top} ({expected[top]:.1%})"


def test_an_image_chosen_while_a_model_is_refused_is_still_classified(
    tab, tasks, qtbot, model_files, tmp_path
):
    """The image waits for the model on its way; when that model is refused, the one still in
    use classifies it (it used to wait for ever)."""
    _load(tab, tasks, qtbot, model_files[0])
    fake = tmp_path / "not a model.keras"
    fake.write_text("hello")
    tab.load_model(str(fake))
    image = _grey_images(1)[0]
    tab.add_images([image])  # chosen while the fake one is loading
    qtbot.waitUntil(lambda: tab.analysis is not None, timeout=30_000)
    assert tab.analysis.image is image
    assert tab.model_status.text().startswith("Cannot use this model: ")
    assert tab.result_label.text().startswith("noise 0: class ")


def test_a_new_folder_replaces_the_one_being_classified(tab, tasks, qtbot, model_files, tmp_path):
    _load(tab, tasks, qtbot, model_files[0])
    big, small = tmp_path / "big", tmp_path / "small"
    big.mkdir()
    small.mkdir()
    picture = Image.new("RGB", (32, 32), "blue")
    for index in range(320):
        picture.save(big / f"{index:03d}.png")
    for name in ("a.png", "b.png", "c.png"):
        picture.save(small / name)
    tab.classify_folder(big)
    tab.classify_folder(small)  # before the big one is done
    qtbot.waitUntil(lambda: "images classified" in tab.folder_status.text(), timeout=60_000)
    qtbot.waitUntil(lambda: not tasks.busy, timeout=60_000)
    qtbot.wait(100)
    assert tab.folder_status.text() == "3 images classified, 0 unreadable"
    shown = [Path(tab.table.item(row, 0).text()) for row in range(tab.table.rowCount())]
    assert shown == [small / "a.png", small / "b.png", small / "c.png"]  # the folder's order
    assert [r.path for r in tab.folder_results] == [small / "a.png", small / "b.png",
                                                   small / "c.png"]  # fmt: skip
    assert tab.folder_progress.value() == tab.folder_progress.maximum() == 3


def test_refused_settings_are_not_covered_by_a_table_that_was_on_its_way(qtbot, tasks, monkeypatch):
    """The preset's layers are being built when the user types a refused dropout rate: the
    table that arrives afterwards is for settings no longer asked for, and is not shown."""
    import cifar_gui.gui.model_table as model_table

    started, release = threading.Event(), threading.Event()

    def slow_summary(wanted):
        started.set()
        release.wait(10)
        summary = types.SimpleNamespace(name="x", layers=[], total=1, trainable=1,
                                        non_trainable=0)  # fmt: skip
        return wanted, summary

    monkeypatch.setattr(model_table, "_build_summary", slow_summary)
    table = model_table.PresetModelTable(tasks)
    qtbot.addWidget(table)
    table.set_ready()
    table.set_settings("dropout", 0.2, 1e-3)
    qtbot.waitUntil(started.is_set, timeout=10_000)  # after the debounce
    config = types.SimpleNamespace(preset="dropout", dropout_rate=1.5, l2_factor=1e-3)
    table.follow(config, {"dropout_rate": "Enter a number below 1."}, lambda name: "Dropout rate")
    release.set()
    qtbot.waitUntil(lambda: not tasks.busy, timeout=10_000)
    qtbot.wait(100)
    assert table.summary is None
    assert (
        table.title.text() == "No model for these settings: Dropout rate: Enter a number below 1."
    )


# ---- the same fault elsewhere: an older request's failure shown over a newer request's result ---
def test_a_run_that_failed_to_read_does_not_cover_the_run_chosen_after_it(
    qtbot, tasks, monkeypatch, tmp_path
):
    import cifar_gui.gui.confusion_over_epochs as confusion

    release = threading.Event()

    def read(path):
        if path.endswith("damaged"):
            release.wait(10)
            raise ValueError(f"{path}: damaged")
        series = np.array([[[3, 1], [0, 4]], [[4, 0], [1, 3]]])
        return path, types.SimpleNamespace(class_names=("cat", "dog"), series=series, name="good")

    monkeypatch.setattr(confusion, "_read_run", read)
    page = confusion.ConfusionEpochsPage(tasks, lambda: tmp_path)
    qtbot.addWidget(page)
    page.open_run(str(tmp_path / "damaged"))  # slow to fail
    page.open_run(str(tmp_path / "good"))  # chosen before it has
    qtbot.wait(300)  # time enough to read the good one, were it read beside the damaged one
    release.set()
    qtbot.waitUntil(lambda: page.status.text() == "good: 2 epochs", timeout=10_000)
    qtbot.waitUntil(lambda: not tasks.busy, timeout=10_000)
    qtbot.wait(100)
    assert page.status.text() == "good: 2 epochs"
    assert page.view.series.shape == (2, 2, 2)


def test_a_failed_evaluation_does_not_cover_the_run_chosen_meanwhile(
    qtbot, tasks, monkeypatch, tmp_path
):
    import cifar_gui.gui.evaluation_view as evaluation

    started, release = threading.Event(), threading.Event()

    def evaluate(path):
        started.set()
        release.wait(10)
        raise RuntimeError("out of memory")

    monkeypatch.setattr(evaluation, "_evaluate", evaluate)
    monkeypatch.setattr(evaluation, "_read_stored", lambda path: (path, None))
    view = evaluation.EvaluationView(tasks)
    qtbot.addWidget(view)
    first, second = tmp_path / "20260101-100000-first", tmp_path / "20260102-100000-second"
    view.show_run(first)
    qtbot.waitUntil(lambda: "has not been evaluated" in view.title.text(), timeout=10_000)
    view.evaluate()
    qtbot.waitUntil(started.is_set, timeout=10_000)
    view.show_run(second)  # the user moves on while the first is being evaluated
    expected = f"{second.name} has not been evaluated on the test set yet."
    qtbot.waitUntil(lambda: view.title.text() == expected, timeout=10_000)
    assert not view.evaluate_button.isEnabled()  # one evaluation at a time
    release.set()
    # the evaluation is over (its failure has arrived): the second can be evaluated
    qtbot.waitUntil(view.evaluate_button.isEnabled, timeout=10_000)
    assert view.title.text() == expected
