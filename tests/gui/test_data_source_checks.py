"""Issue 10 items 2, 11 and 17 in the window: a data source is checked when chosen, the Data tab
shows nothing of a previous data set under a load error and the counts that training will use,
Start is refused for one-class training data, and "Show details" gives the reason."""

from __future__ import annotations

import pytest
from PIL import Image
from PySide6.QtWidgets import QApplication

from cifar_gui.data import DataSourceError


def _pets(root, per_class=12):
    for c, name in enumerate(("cat", "dog")):
        (root / name).mkdir(parents=True)
        for i in range(per_class):
            Image.new("RGB", (8, 8), (c * 200, i * 9, 0)).save(root / name / f"{i}.png")
    return root


def _wait_loaded(qtbot, window):
    qtbot.waitUntil(lambda: window.explorer.dataset is not None, timeout=30_000)


@pytest.mark.slow  # seconds of training or a TensorFlow subprocess: not in the quick loop
def test_a_load_error_clears_the_previous_data_set_and_turns_start_off(
    make_window, qtbot, tmp_path
):
    window = make_window(load_tensorflow_now=False)
    window.tabs.setCurrentWidget(window.explorer)
    window.settings_panel.set_data_source("demo")
    _wait_loaded(qtbot, window)
    explorer = window.explorer
    assert explorer.grid.count() > 0 and explorer.counts_plot.getPlotItem().items != []
    bad = tmp_path / "cifar-10-python.tar.gz"
    bad.write_bytes(b"not an archive")
    window.settings_panel.set_data_source(str(bad))
    qtbot.waitUntil(lambda: "Could not load" in explorer.status.text(), timeout=30_000)
    QApplication.processEvents()
    assert explorer.dataset is None and explorer.thumbnails == []
    assert explorer.grid.count() == 0
    assert explorer.large.pixmap().isNull() and explorer.stats_label.text() == ""
    assert explorer.counts_plot.getPlotItem().items == []
    assert not window._settings_valid
    assert str(bad) in window._invalid_reason and "not a readable CIFAR-10 archive" in (
        window._invalid_reason
    )


def test_an_empty_folder_is_refused_when_chosen(make_window, tmp_path):
    window = make_window(load_tensorflow_now=False)
    panel = window.settings_panel
    before = panel.config().data
    (tmp_path / "empty" / "bird").mkdir(parents=True)
    assert panel.choose_data_source(str(tmp_path / "empty")) is False
    assert panel.config().data == before
    error = panel.fields["data"].error
    assert not error.isHidden()
    assert "at least two class folders" in error.text() and "bird/ holds no image" in error.text()


def test_a_keras_datasets_folder_is_accepted_by_the_folder_button(make_window, tmp_path):
    from archive_factory import batch_files, write_folder

    datasets = tmp_path / ".keras" / "datasets"
    write_folder(datasets / "cifar-10-batches-py-target" / "cifar-10-batches-py", batch_files())
    window = make_window(load_tensorflow_now=False)
    assert window.settings_panel.choose_data_source(str(datasets)) is True
    assert window.settings_panel.config().data == str(datasets)


def test_the_data_tab_shows_the_counts_that_training_uses(make_window, qtbot):
    window = make_window(load_tensorflow_now=False)
    window.tabs.setCurrentWidget(window.explorer)
    window.settings_panel.set_data_source("demo")
    _wait_loaded(qtbot, window)
    window.settings_panel.fields["limit_train"].editor.setText("300")
    counts = window.explorer.counts
    per_class = [t + v for t, v in zip(counts["train"], counts["validation"], strict=True)]
    assert per_class == [30] * 10  # not the full 6000-image split
    assert sum(counts["train"]) == 210 and sum(counts["test"]) == 1000
    assert "balanced sample of 300" in window.explorer.status.text()
    window.settings_panel.fields["limit_train"].editor.setText("")
    assert sum(window.explorer.counts["train"]) == 4200


def test_start_refuses_training_data_of_one_class(make_window, qtbot, tmp_path):
    window = make_window(load_tensorflow_now=False)
    panel = window.settings_panel
    assert panel.choose_data_source(str(_pets(tmp_path / "pets")))
    qtbot.waitUntil(lambda: panel.data_check.dataset is not None, timeout=30_000)
    panel.fields["limit_train"].editor.setText("2")
    assert not window._settings_valid
    assert "one class" in window._invalid_reason
    assert "one class" in panel.fields["limit_train"].error.text()
    panel.fields["limit_train"].editor.setText("10")
    assert window._settings_valid


def test_show_details_gives_the_reason_not_a_traceback(qtbot):
    from cifar_gui.gui.workers import FunctionWorker

    def refuse():
        raise DataSourceError("/data/pets: an image-folder data set needs two class folders")

    def crash():
        return 1 / 0

    got = []
    for function in (refuse, crash):
        worker = FunctionWorker(function)
        worker.run()
        got.append(worker.outcome[1:])  # (message, details), what "Show details" gets
    assert got[0] == (
        "/data/pets: an image-folder data set needs two class folders",
        "/data/pets: an image-folder data set needs two class folders",
    )
    assert got[1][1].startswith("Traceback") and "ZeroDivisionError" in got[1][1]


def test_the_data_tab_names_the_folders_left_out(make_window, qtbot, tmp_path):
    root = _pets(tmp_path / "pets")
    (root / "__MACOSX").mkdir()
    Image.new("RGB", (8, 8)).save(root / "__MACOSX" / "x.png")
    (root / "bird").mkdir()
    window = make_window(load_tensorflow_now=False)
    window.tabs.setCurrentWidget(window.explorer)
    assert window.settings_panel.choose_data_source(str(root))
    _wait_loaded(qtbot, window)
    assert window.explorer.dataset.class_names == ("cat", "dog")
    assert (
        "Folders left out: __MACOSX (is a hidden or system folder), bird (holds no image files)."
        in window.explorer.status.text()
    )
