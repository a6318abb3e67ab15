"""Issue 15's views, checked against Keras directly: the layer table, what each layer sees,
the confusion over epochs and the lesson numbers. Small untrained models: nothing trains."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest
from PySide6.QtCore import Qt


@pytest.fixture(scope="module")
def small_model():
    import keras

    keras.utils.set_random_seed(1)
    inputs = keras.Input((32, 32, 3), name="image")
    x = keras.layers.Rescaling(1 / 255, name="scale")(inputs)
    x = keras.layers.Conv2D(6, 3, padding="same", activation="relu", name="conv_a")(x)
    x = keras.layers.MaxPooling2D(2, name="pool")(x)
    x = keras.layers.Dropout(0.25, name="drop")(x)
    x = keras.layers.Conv2D(5, 3, strides=2, activation="relu", name="conv_b")(x)
    x = keras.layers.Flatten(name="flat")(x)
    outputs = keras.layers.Dense(4, activation="softmax", name="probabilities")(x)
    return keras.Model(inputs, outputs)


def _loaded(model):
    from cifar_gui.ml.inference import LoadedModel

    return LoadedModel(model, ("a", "b", "c", "d"), Path("small.keras"))


def test_each_layer_shows_what_keras_computes(qtbot, tasks, small_model):
    import keras

    from cifar_gui.data.images import decoded_from_array
    from cifar_gui.gui.layer_view import LayerView

    view = LayerView(tasks)
    qtbot.addWidget(view)
    view.show()
    view.set_model(_loaded(small_model))
    qtbot.waitUntil(lambda: view.probe is not None, timeout=30_000)
    rng = np.random.default_rng(5)
    pixels = rng.integers(0, 255, (32, 32, 3), np.uint8)
    view.show_image(decoded_from_array(pixels, "noise"))
    qtbot.waitUntil(lambda: view.activations is not None, timeout=30_000)

    layers = small_model.layers[1:]
    assert view.layer_box.count() == len(layers)
    for index, layer in enumerate(layers):
        expected = keras.Model(small_model.input, layer.output)(pixels[None].astype("float32"))
        np.testing.assert_allclose(
            view.activations.outputs[index], np.asarray(expected)[0], rtol=1e-5, atol=1e-6
        )
    # The layer table counts what Keras counts.
    table = view.model_table
    assert table.table.rowCount() == len(layers)
    assert table.summary.total == small_model.count_params()
    assert f"{small_model.count_params():,}" in table.totals.text()
    for row, layer in enumerate(layers):
        assert table.table.item(row, 0).text() == layer.name
        assert table.table.item(row, 3).text() == f"{layer.count_params():,}"

    # The first convolution is chosen: six maps on one colour scale, numbered.
    conv = view.activations.outputs[1]
    assert view.current_layer() == 1
    np.testing.assert_array_equal(view.maps.maps, conv)
    assert view.maps.levels == pytest.approx((conv.min(), conv.max()))
    assert [label.toPlainText() for label in view.maps.labels] == [str(i) for i in range(6)]
    # 6 maps: a 2x3 grid of 32x32 tiles with 1-pixel gaps; tile 4 is row 1, column 1.
    assert view.maps.channel_at(33 + 5, 33 + 2) == 4
    assert view.maps.channel_at(32, 5) is None  # the gap between tiles
    view.maps.enlarge(4)
    np.testing.assert_array_equal(view.maps.zoom_image.image, conv[..., 4])
    assert "4" in view.maps.zoom_plot.getPlotItem().titleLabel.text

    # Histograms: the chosen layer's kernel, and this image's activations.
    kernel = np.asarray(small_model.get_layer("conv_a").kernel).ravel()
    x, counts = view.weight_curve.getData()
    assert counts.sum() == kernel.size and x[0] == pytest.approx(kernel.min())
    x, counts = view.activation_curve.getData()
    assert counts.sum() == conv.size and x[-1] == pytest.approx(conv.max())

    # The dense layer is bars, one per class.
    view.layer_box.setCurrentIndex(len(layers) - 1)
    assert view.maps.pages.currentIndex() == 1
    heights = view.maps.bars.opts["height"]
    np.testing.assert_allclose(heights, view.activations.outputs[-1])
    assert len(heights) == 4

    # The first convolution's six 3x3 filters as RGB tiles in a 2x3 grid.
    assert view.filter_image.image.shape == (2 * 4 - 1, 3 * 4 - 1, 3)
    assert "ms per image" in view.timing.text()


def test_arrow_keys_step_through_the_images(qtbot, tasks):
    from cifar_gui.gui.layer_view import LayerView

    view = LayerView(tasks)
    qtbot.addWidget(view)
    view.show()
    view.activateWindow()
    qtbot.waitUntil(view.isActiveWindow)
    view.layer_box.setFocus()
    with qtbot.waitSignal(view.stepRequested) as right:
        qtbot.keyClick(view.maps, Qt.Key.Key_Right)
    with qtbot.waitSignal(view.stepRequested) as left:
        qtbot.keyClick(view.maps, Qt.Key.Key_Left)
    assert (right.args, left.args) == ([1], [-1])


def test_the_preset_table_follows_the_settings(qtbot, tasks):
    from cifar_gui.gui.model_table import PresetModelTable

    table = PresetModelTable(tasks)
    qtbot.addWidget(table)
    table.set_settings("dropout", 0.2, 1e-3)
    assert table.summary is None  # nothing is built before TensorFlow has loaded
    table.set_ready()
    qtbot.waitUntil(lambda: table.summary is not None, timeout=30_000)
    assert table.summary.trainable == 814_122
    assert "814,122 trainable" in table.totals.text()
    rates = [table.table.item(r, 5).text() for r in range(table.table.rowCount())
             if table.table.item(r, 1).text() == "Dropout"]  # fmt: skip
    assert rates == ["rate 0.2"] * 3
    table.set_settings("l2", 0.2, 0.004)
    qtbot.waitUntil(lambda: table.title.text().startswith("Preset “l2”"), timeout=30_000)
    assert "regularisation L2 0.004" in table.table.item(1, 5).text()
    assert table.summary.trainable == 814_122  # the same weights, without the dropout layers
    assert not [r for r in table.summary.layers if r.kind == "Dropout"]


def test_the_classify_tab_steps_through_its_images_for_the_layer_view(qtbot, tasks, tmp_path):
    from cifar_gui.data.images import decoded_from_array
    from cifar_gui.gui.classify_tab import ClassifyTab

    tab = ClassifyTab(tasks, lambda: tmp_path)
    qtbot.addWidget(tab)
    images = [decoded_from_array(np.full((32, 32, 3), i, np.uint8), f"grey {i}") for i in range(3)]
    tab.add_images(images)
    assert tab.inputs.currentRow() == 0
    tab.layer_view.stepRequested.emit(1)
    tab.layer_view.stepRequested.emit(1)
    assert tab.inputs.currentItem().text() == "grey 2"
    tab.layer_view.stepRequested.emit(1)  # the last one stays
    tab.layer_view.stepRequested.emit(-1)
    assert tab.inputs.currentRow() == 1


# ---- confusion over epochs ---------------------------------------------------------------------
SERIES = np.array(
    [
        [[5, 5, 0], [2, 8, 0], [4, 4, 2]],
        [[7, 3, 0], [1, 9, 0], [2, 3, 5]],
        [[6, 4, 0], [1, 9, 0], [1, 1, 8]],
    ]
)


def _cell_colour(view, row, column):
    return view.matrix.item(row, column).background().color().getRgb()[:3]


def test_confusion_over_epochs_lines_slider_and_change(qtbot):
    from cifar_gui.gui.confusion_over_epochs import ConfusionOverEpochs

    view = ConfusionOverEpochs()
    qtbot.addWidget(view)
    view.set_series(("cat", "dog", "frog"), SERIES[:2])
    x, y = view.curves[2].getData()
    assert list(x) == [1, 2] and y == pytest.approx([0.2, 0.5])  # frog learned late
    assert view.epoch() == 2
    assert view.matrix.item(0, 0).text() == "7 (+2)" and view.matrix.item(1, 2).text() == "0"
    more_correct, less_confused = _cell_colour(view, 0, 0), _cell_colour(view, 2, 1)
    assert more_correct[1] > more_correct[0] and less_confused[1] > less_confused[0]  # green
    assert _cell_colour(view, 0, 1)[1] > _cell_colour(view, 0, 1)[0]  # cat->dog fell 5 -> 3
    assert _cell_colour(view, 1, 2) == (255, 255, 255)  # unchanged
    assert "cat taken for dog -2" in view.note.text()

    view.add_epoch(3, SERIES[2])  # live: the slider follows the newest epoch
    assert view.epoch() == 3 and view.slider.maximum() == 3
    worse = _cell_colour(view, 0, 0)  # cat: 7 -> 6 correct
    assert worse[0] > worse[1]
    assert view.matrix.item(0, 1).text() == "4 (+1)"
    view.slider.setValue(1)
    assert view.matrix.item(0, 0).text() == "5" and view.change() is None
    assert "validation accuracy 50.0% (30 images)" in view.note.text()
    view.show_change.setChecked(False)
    view.slider.setValue(3)
    assert view.matrix.item(0, 0).text() == "6"  # counts only, coloured by share of the row


def test_confusion_page_reads_saved_runs_zips_and_follows_a_live_run(qtbot, tasks, tmp_path):
    from cifar_gui.gui.confusion_over_epochs import ConfusionEpochsPage
    from cifar_gui.progress import EpochResult, RunStarted
    from cifar_gui.run_store.archive import export_run
    from cifar_gui.run_store.confusion_history import append_confusion
    from cifar_gui.run_store.record import RunRecord

    run = RunRecord.create(tmp_path / "runs", "saved")
    run.write_config({"settings": {}, "class_names": ["cat", "dog", "frog"]})
    run.write_summary({"status": "stopped"})
    run.write_history([{"epoch": e, "loss": 1.0} for e in (1, 2)])
    for epoch, matrix in enumerate(SERIES, 1):  # epoch 3 written but never committed
        append_confusion(run.path, epoch, matrix)
    run.model_path.write_bytes(b"stand-in for a model")
    export_run(run.path, tmp_path / "saved.zip")

    page = ConfusionEpochsPage(tasks, lambda: tmp_path / "runs")
    qtbot.addWidget(page)
    page.refresh()
    assert page.run_box.count() == 2
    for source in (str(run.path), str(tmp_path / "saved.zip")):
        page.view.set_series((), np.zeros((0, 0, 0)))
        page.open_run(source)
        qtbot.waitUntil(lambda: len(page.view.series) == 2, timeout=10_000)
        np.testing.assert_array_equal(page.view.series, SERIES[:2])
        assert page.view.class_names == ("cat", "dog", "frog")

    started = RunStarted(str(run.path), {}, ("cat", "dog", "frog"), 30, 30, 0, 1, "CPU",
                         history=({"epoch": 1},))  # fmt: skip
    page.start_live(started)  # a resume after epoch 1: the earlier epoch first
    np.testing.assert_array_equal(page.view.series, SERIES[:1])
    page.add_epoch(EpochResult(2, 1, 1, 1, 1, 1e-3, 1.0, confusion=tuple(map(tuple, SERIES[2]))))
    np.testing.assert_array_equal(page.view.series[1], SERIES[2])
    assert "training now" in page.run_box.itemText(page.run_box.currentIndex())
    page.run_ended()
    assert page.status.text() == f"{run.path}: 2 epochs"
    assert "training now" not in page.run_box.itemText(page.run_box.currentIndex())

    (tmp_path / "empty").mkdir()
    page.open_run(str(tmp_path / "empty"))
    qtbot.waitUntil(lambda: "not a run folder" in page.status.text(), timeout=10_000)


# ---- the lesson, measured ----------------------------------------------------------------------
def _history_run(root, name, losses):
    from cifar_gui.run_store.record import RunRecord

    run = RunRecord.create(root, name)
    run.write_config({"settings": {"preset": name}, "class_names": ["a", "b"]})
    run.write_summary({"status": "completed", "name": name})
    # val_acc above chance (0.5 for these 2 classes): a run at chance is never "best"
    rows = [{"epoch": e, "loss": tr, "acc": 0.9, "val_loss": va, "val_acc": 0.9}
            for e, (tr, va) in enumerate(losses, 1)]  # fmt: skip
    run.write_history(rows)
    return run.path


def test_runs_tab_shows_the_overfitting_numbers_of_the_selected_runs(qtbot, tasks, tmp_path):
    from cifar_gui.gui.runs_tab import RunsTab

    root = tmp_path / "runs"
    plain = _history_run(root, "plain", [(2.0, 1.8), (1.2, 1.4), (0.6, 1.5), (0.2, 1.9)])
    dropout = _history_run(root, "dropout", [(2.1, 1.9), (1.6, 1.5), (1.3, 1.3), (1.1, 1.25)])
    tab = RunsTab(tasks, lambda: root, lambda: None)
    qtbot.addWidget(tab)
    tab.refresh()
    tab.select_paths([plain, dropout])
    table = tab.lesson.table
    columns = {table.horizontalHeaderItem(c).text(): c for c in range(table.columnCount())}
    assert set(columns) == {"plain", "dropout"}
    plain_column, dropout_column = columns["plain"], columns["dropout"]

    def cell(row, column):
        return table.item(row, column).text()

    assert cell(1, plain_column) == "1.700" and cell(1, dropout_column) == "0.150"
    assert cell(2, plain_column) == "1.700 (4)"
    assert cell(3, plain_column) == "2" and cell(3, dropout_column) == "4"
    assert cell(6, plain_column) == "0.500" and cell(6, dropout_column) == "0.000"
    assert table.item(1, dropout_column).font().bold()
    assert (
        "Smallest gap at the end, by size (closest to 0, either sign): dropout (0.150)"
        in tab.lesson.conclusion.text()
    )
    assert "lowest validation loss: dropout (1.250, epoch 4)" in tab.lesson.conclusion.text()


# ---- in the window -----------------------------------------------------------------------------
@pytest.mark.slow
def test_the_window_shows_the_preset_table_and_the_confusion_live(ready_window, qtbot):
    from cifar_gui.run_store.confusion_history import read_confusion

    window = ready_window
    table = window.preset_table
    window.settings_panel.fields["preset"].write("dropout")
    qtbot.waitUntil(lambda: table.summary is not None and table._shown[0] == "dropout",
                    timeout=30_000)  # fmt: skip
    assert "814,122 trainable" in table.totals.text()
    window.settings_panel.fields["dropout_rate"].editor.setText("1.5")
    qtbot.waitUntil(lambda: "Dropout rate" in table.title.text(), timeout=5_000)
    assert table.summary is None  # a refused rate shows no table for a rate nobody typed
    window.settings_panel.fields["dropout_rate"].editor.setText("0.3")
    qtbot.waitUntil(lambda: table.summary is not None, timeout=30_000)
    assert [r.settings["rate"] for r in table.summary.layers if r.kind == "Dropout"] == ["0.3"] * 3

    qtbot.mouseClick(window.start_button, Qt.MouseButton.LeftButton)
    worker = window.worker
    with qtbot.waitSignal(worker.finished, timeout=180_000) as finished:
        pass
    result = finished.args[0]
    assert result.status == "completed", result.summary
    live = window.confusion_page.view.series
    assert live.shape == (2, 10, 10)
    np.testing.assert_array_equal(live, read_confusion(result.run_dir))
