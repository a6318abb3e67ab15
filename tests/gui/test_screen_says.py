"""Issue 10, items 16, 18, 19 (layout), 20 and 22: what the window says and where, checked on
the widgets with recorded values (no TensorFlow, no training)."""

from __future__ import annotations

import types
from pathlib import Path

import numpy as np
from PySide6.QtCore import QPoint
from PySide6.QtGui import QFontMetrics
from PySide6.QtWidgets import QLineEdit

from cifar_gui.progress import BatchProgress, RunStarted
from tests.gui.fake_runs import write_run


def _started(epochs=3, steps=66, history=()):
    return RunStarted("/runs/x", {"epochs": epochs}, ("a", "b"), 2100, 300, 100, steps, "CPU",
                      tuple(history))  # fmt: skip


def test_before_the_first_batch_the_bars_read_in_epochs_and_the_clock_ticks(panel, clock):
    panel.plan(7)  # idle: what Start would train
    assert panel.overall_bar.text() == "0 / 7 epochs"
    panel.reset(3, 0.001)
    panel.run_started(_started())
    assert panel.overall_bar.text() == "0% (0 / 3 epochs)"  # not "0 / 198 epochs"
    assert panel.epoch_bar.text() == "epoch 1: 0 / 66 steps"
    clock.now += 65
    panel._tick()  # the panel's one-second timer, before any batch arrived
    assert panel.elapsed_label.text() == "elapsed 1:05"
    assert panel._clock.isActive()


def test_the_eta_leaves_out_the_pause(panel, clock):
    panel.reset(2, 0.001)
    panel.run_started(_started(epochs=2, steps=10))
    clock.now += 10
    panel.batch(BatchProgress(1, 10, 10, 1.0, 0.5, 100.0))  # 10 of 20 steps in 10 s
    assert panel.eta_label.text() == "ETA 0:10"
    panel.set_paused(True)
    clock.now += 600
    assert panel.elapsed_label.text() == "elapsed 0:10"
    panel.set_paused(False)
    clock.now += 5
    panel.batch(BatchProgress(2, 5, 10, 1.0, 0.5, 100.0))  # 15 steps in 15 s of training
    assert panel.eta_label.text() == "ETA 0:05"
    assert panel.elapsed_label.text() == "elapsed 0:15"
    panel.stop()
    assert not panel._clock.isActive()


def test_the_idle_bar_follows_the_epochs_field(make_window):
    window = make_window(load_tensorflow_now=False)
    window.settings_panel.fields["epochs"].editor.setText("12")
    assert window.progress.overall_bar.text() == "0 / 12 epochs"
    assert "steps" not in window.progress.epoch_bar.text()


def test_after_resume_the_status_bar_no_longer_says_paused(make_window):
    window = make_window(load_tensorflow_now=False)
    window._run_started(_started())
    said = window.statusBar().currentMessage()
    assert said.startswith("Training on CPU")
    window._paused_changed(True)
    assert window.statusBar().currentMessage() == "Paused"
    window._paused_changed(False)
    assert window.statusBar().currentMessage() == said


def _finished(status, run_dir):
    return types.SimpleNamespace(status=status, run_dir=run_dir, summary={"test_acc": 0.5})


def test_compare_regularisation_shows_the_preset_training_and_says_when_it_finished(
    make_window, monkeypatch, tmp_path
):
    window = make_window(load_tensorflow_now=False)
    window.tensorflow = object()  # as if loaded
    preset = window.settings_panel.fields["preset"]
    preset.write("dropout")
    started = []

    def fake_start(config, **_kwargs):  # records the run instead of training it
        started.append(config.preset)
        window.controller.worker = object()

    monkeypatch.setattr(window.controller, "start_run", fake_start)
    window._update_buttons()
    window.compare_regularisation()
    shown = ("Plain CNN", "CNN + L2 regularisation", "CNN + dropout (reference)")
    for number, name in enumerate(("plain", "l2", "dropout"), start=1):
        assert started[-1] == name and preset.read() == name  # the field shows what trains
        assert preset.editor.currentText() == shown[number - 1]
        said = f"Comparison run {number} of 3: {shown[number - 1]}"
        assert window.statusBar().currentMessage() == said
        window._run_started(_started())  # the run says where it trains; the position stays
        assert window.statusBar().currentMessage().startswith(said + " — Training on CPU")
        run_dir = tmp_path / name
        window.controller._worker_finished(_finished("completed", str(run_dir)))
        window.controller._thread_finished()  # the next one starts here
    assert started == ["plain", "l2", "dropout"]
    message = window.statusBar().currentMessage()
    assert message.startswith("Comparison finished (3 of 3 runs completed)"), message
    assert (
        preset.read() == "dropout" and window.settings_panel.config().run_name != "compare-dropout"
    )


def test_field_messages_do_not_move_the_fields_below(make_window, qtbot):
    window = make_window(load_tensorflow_now=False)
    panel = window.settings_panel
    fields = panel.fields

    def places():
        return {n: f.editor.mapTo(panel, QPoint(0, 0)).y() for n, f in fields.items()}

    qtbot.wait(10)
    before = places()
    fields["batch_size"].editor.setText("0")
    fields["learning_rate"].editor.setText("fast")
    fields["epochs"].editor.setText("2.5")
    qtbot.wait(10)
    assert fields["batch_size"].error.isVisible() and fields["epochs"].error.text()
    assert places() == before
    long = "a very long explanation of what is wrong with this value " * 4
    fields["epochs"].show_problem(long)
    qtbot.wait(10)
    assert places() == before
    assert fields["epochs"].error.toolTip() == long  # the whole of it, on hover


def test_the_heatmap_has_a_colour_bar_an_opacity_control_and_never_hides_the_photo(qtbot):
    import pyqtgraph as pg

    from cifar_gui.gui.classify_tab import ClassifyTab
    from cifar_gui.gui.qt_images import heat_colours, overlay_heatmap
    from cifar_gui.gui.workers import BackgroundTasks

    heat = np.linspace(0, 1, 32 * 32).reshape(32, 32)
    expected = pg.colormap.get("inferno").map(heat.ravel(), mode="byte")[:, :3]
    assert (heat_colours(heat).reshape(-1, 3) == expected).all()
    photo = np.full((32, 32, 3), 200, np.uint8)
    hottest = overlay_heatmap(photo, np.ones((32, 32)), 0.9)[0, 0].astype(int)
    assert (hottest - np.round(0.1 * 200 + 0.9 * np.array(expected[-1]))).max() <= 1

    tab = ClassifyTab(BackgroundTasks(), lambda: Path("/nonexistent"))
    qtbot.addWidget(tab)
    controls = tab.heatmap_controls
    assert controls.colour_bar.colorMap().name == "inferno"
    image = types.SimpleNamespace(display=photo, network_input=photo, name="x", true_index=None)
    tab.loaded = types.SimpleNamespace(class_names=tuple("abcdefghij"), data_source=None)
    tab.analysis = types.SimpleNamespace(image=image, heatmap=heat, top_index=0,
                                         probabilities=np.full(10, 0.1))  # fmt: skip
    tab.images_page._show_analysis()
    tinted = tab.input_view.pixmap().toImage().pixelColor(250, 250).getRgb()[:3]
    controls.slider.setValue(0)
    assert tab.input_view.pixmap().toImage().pixelColor(250, 250).getRgb()[:3] == (200, 200, 200)
    assert tinted != (200, 200, 200)
    assert controls.opacity_label.text() == "0%"


def test_the_runs_table_shows_many_rows_and_the_dialogs_suggest_sensible_values(make_window):
    from cifar_gui.gui.runs_tab import suggested_more_epochs
    from cifar_gui.paths import default_runs_dir

    for day in range(1, 13):
        write_run(default_runs_dir(), f"202601{day:02d}-100000-r", name=f"run {day}")
    window = make_window(load_tensorflow_now=False)  # the default size, 1280 x 800
    window.tabs.setCurrentWidget(window.runs_tab)
    table = window.runs_tab.table
    visible = table.viewport().height() // table.rowHeight(0)
    assert visible >= 8, visible

    name = "comparison of dropout 0.5 with L2 on the full data set"
    dialog = window.runs_tab.rename_dialog(name)
    editor = dialog.findChildren(QLineEdit)[0]
    assert editor.minimumWidth() >= editor.fontMetrics().horizontalAdvance(name)
    assert editor.text() == name
    assert suggested_more_epochs({"epochs_completed": 4, "epochs_planned": 5}) == 1
    assert suggested_more_epochs({"epochs_completed": 0, "epochs_planned": 30}) == 30
    assert suggested_more_epochs({"epochs_completed": 5, "epochs_planned": 5}) == 5


def test_the_classify_tab_opens_the_newest_completed_run(qtbot, tmp_path, monkeypatch):
    from cifar_gui.gui.classify_tab import ClassifyTab
    from cifar_gui.gui.workers import BackgroundTasks

    write_run(tmp_path, "20260101-100000-old", name="old", done=1, planned=1)
    good = write_run(tmp_path, "20260102-100000-good", name="good")
    write_run(tmp_path, "20260103-100000-stop", name="stopped early", status="stopped", done=2)
    write_run(tmp_path, "20260104-100000-fail", name="failed", status="failed", done=0)
    tab = ClassifyTab(BackgroundTasks(), lambda: tmp_path)
    qtbot.addWidget(tab)
    loading = []
    monkeypatch.setattr(tab.model_picker, "load_model", loading.append)
    tab.refresh_models()
    tab.load_newest()
    assert loading == [str(good)]
    assert "[failed]" in tab.model_box.itemText(1)


def test_the_class_count_chart_shows_whole_class_names(qtbot):
    from cifar_gui.gui.data_explorer import DataExplorer

    explorer = DataExplorer()
    qtbot.addWidget(explorer)
    explorer.resize(1280, 760)
    explorer.show()
    names = ("airplane", "automobile", "bird")
    explorer._fill_counts(names, {"train": [900, 800, 700], "test": [100, 100, 100]})
    axis = explorer.counts_plot.getPlotItem().getAxis("left")
    assert [label for _, label in axis._tickLevels[0]] == list(names)
    qtbot.waitUntil(lambda: axis.width() > 40, timeout=2000)
    assert axis.width() >= QFontMetrics(explorer.font()).horizontalAdvance("automobile")


def test_images_per_second_is_not_left_standing_when_the_run_ends(panel, clock):
    panel.reset(2, 0.001)
    panel.run_started(_started(epochs=2, steps=10))
    clock.now += 10
    panel.batch(BatchProgress(1, 10, 10, 1.0, 0.5, 321.0))
    assert panel.speed_label.text() == "321 images/s"
    panel.stop()  # Stop pressed, or the run finished
    assert panel.speed_label.text() == "— images/s"
