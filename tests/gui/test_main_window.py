"""The main window: start-up without TensorFlow, settings validation and persistence."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from PySide6.QtCore import Qt

ROOT = Path(__file__).resolve().parents[2]


def test_window_shows_before_tensorflow_is_imported():
    code = (
        "import sys\n"
        "from cifar_gui.gui.app import create_application\n"
        "app = create_application(sys.argv)\n"
        "from cifar_gui.gui.main_window import MainWindow\n"
        "w = MainWindow(load_tensorflow_now=False); w.show(); app.processEvents()\n"
        "print(w.isVisible(), 'tensorflow' in sys.modules, 'keras' in sys.modules)\n"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT, timeout=120
    )
    assert out.stdout.split()[-3:] == ["True", "False", "False"], out.stderr


def test_start_waits_for_tensorflow_then_enables(make_window, qtbot):
    window = make_window(load_tensorflow_now=False)
    assert not window.start_button.isEnabled()
    assert "TensorFlow" in window.start_reason.text()
    window.start_loading_tensorflow()
    qtbot.waitUntil(window.start_button.isEnabled, timeout=120_000)
    assert "TensorFlow" in window.tf_status.text() and "ready" in window.tf_status.text()
    assert window.settings_panel.fields["device"].editor.findData("cpu") >= 0


def test_invalid_values_are_refused_next_to_the_field(ready_window, qtbot):
    window = ready_window
    fields = window.settings_panel.fields
    qtbot.waitUntil(window.start_button.isEnabled)
    batch = fields["batch_size"]
    batch.editor.clear()
    qtbot.keyClicks(batch.editor, "0")
    assert batch.error.isVisible() and "from 1 to 65,536" in batch.error.text()
    assert not window.start_button.isEnabled()
    assert (
        "Batch size" in window.start_reason.text()
        and "from 1 to 65,536" in window.start_reason.text()
    )

    rate = fields["learning_rate"]
    rate.editor.setText("fast")
    assert rate.error.text() == "Enter a number."
    fields["val_split"].editor.setText("")
    assert fields["val_split"].error.text() == "Enter a value."

    batch.editor.setText("32")
    rate.editor.setText("1e-3")
    fields["val_split"].editor.setText("0.3")
    assert not batch.error.isVisible() and not rate.error.isVisible()
    assert window.start_button.isEnabled() and not window.start_reason.isVisible()


def test_settings_persist_between_launches(make_window):
    first = make_window(load_tensorflow_now=False)
    first.settings_panel.fields["epochs"].editor.setText("7")
    first.settings_panel.fields["preset"].write("l2")
    first.close()
    second = make_window(load_tensorflow_now=False)
    config = second.settings_panel.config()
    assert (config.epochs, config.preset) == (7, "l2")


def test_reset_to_reference_keeps_the_data_source(make_window, qtbot):
    window = make_window(load_tensorflow_now=False)
    panel = window.settings_panel
    panel.fields["data"].write("demo")
    panel.fields["epochs"].editor.setText("3")
    panel.fields["optimizer"].write("sgd")
    qtbot.mouseClick(window.reset_button, Qt.MouseButton.LeftButton)
    config = panel.config()
    assert (config.epochs, config.optimizer, config.learning_rate, config.batch_size) == (
        30,
        "adam",
        1e-4,
        32,
    )
    assert config.data == "demo"


def test_settings_export_and_import(make_window, tmp_path):
    window = make_window(load_tensorflow_now=False)
    panel = window.settings_panel
    panel.fields["epochs"].editor.setText("12")
    path = tmp_path / "config.json"
    window.export_settings(str(path))
    assert json.loads(path.read_text())["epochs"] == 12
    panel.fields["epochs"].editor.setText("1")
    assert window.import_settings(str(path)) and panel.config().epochs == 12

    path.write_text('{"epochs": 3, "colour": "blue"}')
    assert not window.import_settings(str(path))
    assert "Unknown setting colour: check its spelling." in window.error_box.text()
    assert panel.config().epochs == 12  # nothing changed
    first_box = window.error_box
    path.write_text("{broken")
    assert not window.import_settings(str(path))
    assert "not valid JSON" in window.error_box.text()
    assert not first_box.isVisible()  # one message box at a time, the newest
    inside_a_file = path / "config.json"  # path is a file: no folder can be made there
    assert not window.export_settings(str(inside_a_file))
    assert "could not be saved" in window.error_box.text()


def test_data_source_list_names_the_cifar_copy_found(make_window, isolated_user_folders):
    from archive_factory import write_archive

    folder = isolated_user_folders / ".keras" / "datasets"
    folder.mkdir(parents=True)
    archive = write_archive(folder / "cifar-10-python.tar.gz", per_batch=2, test_count=2)
    combo = make_window(load_tensorflow_now=False).settings_panel.fields["data"].editor
    assert str(archive) in combo.itemText(combo.findData("cifar10"))
