"""The classification tab: every way in (files, drop, paste, test set, folder), what it shows,
and the bad inputs that must change nothing."""

from __future__ import annotations

import csv
import json

import numpy as np
import pytest
from PIL import Image
from PySide6.QtCore import QMimeData, QPoint, QPointF, Qt, QUrl
from PySide6.QtGui import QDragEnterEvent, QDropEvent, QGuiApplication, QImage
from PySide6.QtWidgets import QApplication

from cifar_gui.gui.table_items import SORT_KEY_ROLE

pytestmark = pytest.mark.slow


@pytest.fixture
def tab(ready_window, trained_run, qtbot):
    """The classify tab with the trained run's model loaded (opening the tab loads the newest)."""
    window = ready_window
    window.tabs.setCurrentWidget(window.classify_tab)
    qtbot.waitUntil(lambda: window.classify_tab.loaded is not None, timeout=60_000)
    assert window.classify_tab.loaded.run_dir == trained_run
    return window.classify_tab


def _wait_for_analysis(tab, qtbot, name: str):
    qtbot.waitUntil(
        lambda: tab.analysis is not None and tab.analysis.image.name == name, timeout=30_000
    )
    return tab.analysis


def _cli_probabilities(model, image, capsys) -> list[float]:
    from cifar_gui.cli import main

    capsys.readouterr()
    assert main(["predict", str(model), str(image), "--json"]) == 0
    return list(json.loads(capsys.readouterr().out)["probabilities"].values())


@pytest.mark.parametrize("mode", ["RGBA", "P", "L", "I;16"])
def test_an_image_file_is_classified_like_the_cli_does(tab, qtbot, tmp_path, capsys, mode):
    rng = np.random.default_rng(3)
    rgb = Image.fromarray(rng.integers(0, 255, (90, 120, 3), np.uint8))
    image = rgb.convert("RGBA") if mode == "RGBA" else rgb.convert(mode if mode != "I;16" else "L")
    if mode == "I;16":
        image = Image.fromarray(rng.integers(0, 65535, (90, 120), np.uint16))
    path = tmp_path / f"photo-{mode.replace(';', '')}.png"
    image.save(path)
    tab.open_files([path])
    analysis = _wait_for_analysis(tab, qtbot, path.name)

    assert analysis.probabilities.sum() == pytest.approx(1.0, abs=1e-5)
    assert analysis.probabilities == pytest.approx(
        _cli_probabilities(tab.loaded.run_dir, path, capsys), abs=1e-6
    )
    top = int(np.argmax(analysis.probabilities))
    assert tab.chart.order[0] == top  # sorted, the top class first (and highlighted)
    assert tab.loaded.class_names[top] in tab.result_label.text()
    assert analysis.image.display.shape[:2] == (90, 120)  # shown as given
    assert not tab.original_view.pixmap().isNull() and not tab.input_view.pixmap().isNull()
    assert analysis.heatmap.shape == (32, 32) and analysis.heatmap.max() == pytest.approx(1.0)


def test_the_heatmap_toggle_changes_the_picture(tab, qtbot, tmp_path):
    path = tmp_path / "photo.png"
    Image.fromarray(np.random.default_rng(0).integers(0, 255, (32, 32, 3), np.uint8)).save(path)
    tab.open_files([path])
    _wait_for_analysis(tab, qtbot, path.name)
    with_heatmap = tab.input_view.pixmap().toImage()
    tab.heatmap_box.setChecked(False)
    without = tab.input_view.pixmap().toImage()
    assert with_heatmap != without
    tab.heatmap_box.setChecked(True)
    assert tab.input_view.pixmap().toImage() == with_heatmap


def test_bad_files_give_a_message_and_change_nothing(tab, qtbot, tmp_path):
    good = tmp_path / "good.png"
    Image.new("RGB", (40, 40), "red").save(good)
    tab.open_files([good])
    _wait_for_analysis(tab, qtbot, "good.png")
    shown = tab.analysis

    text = tmp_path / "notes.png"
    text.write_text("this is not a picture")
    empty = tmp_path / "empty.jpg"
    empty.write_bytes(b"")
    bomb = tmp_path / "bomb.png"
    Image.new("1", (9000, 9000)).save(bomb)  # 81 megapixels in a few kB
    for bad, reason in ((text, "not an image"), (empty, "not an image"), (bomb, "too large")):
        tab.open_files([bad])
        qtbot.waitUntil(lambda b=bad: b.name in tab.message.text(), timeout=10_000)
        assert reason in tab.message.text()
        assert tab.inputs.count() == 1 and tab.analysis is shown


def test_dropped_files_are_classified(tab, qtbot, tmp_path):
    paths = []
    for index in range(3):
        paths.append(tmp_path / f"drop{index}.jpg")
        Image.new("RGB", (64, 48), (index * 80, 30, 200)).save(paths[-1])
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(p)) for p in paths])
    enter = QDragEnterEvent(QPoint(10, 10), Qt.DropAction.CopyAction, mime,
                            Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier)  # fmt: skip
    QApplication.sendEvent(tab, enter)
    assert enter.isAccepted()
    drop = QDropEvent(QPointF(10, 10), Qt.DropAction.CopyAction, mime,
                      Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier)  # fmt: skip
    QApplication.sendEvent(tab, drop)
    _wait_for_analysis(tab, qtbot, "drop0.jpg")
    assert [tab.inputs.item(i).text() for i in range(tab.inputs.count())] == [
        "drop0.jpg", "drop1.jpg", "drop2.jpg"
    ]  # fmt: skip
    tab.inputs.setCurrentRow(2)
    _wait_for_analysis(tab, qtbot, "drop2.jpg")


def test_a_pasted_image_is_classified(tab, qtbot):
    image = QImage(50, 30, QImage.Format.Format_RGB32)
    image.fill(Qt.GlobalColor.darkGreen)
    QGuiApplication.clipboard().setImage(image)
    qtbot.keyClick(tab, Qt.Key.Key_V, Qt.KeyboardModifier.ControlModifier)
    analysis = _wait_for_analysis(tab, qtbot, "pasted image")
    assert analysis.image.display.shape == (30, 50, 3)
    assert tuple(analysis.image.network_input[0, 0]) == (0, 128, 0)
    QGuiApplication.clipboard().clear()
    tab.paste()
    assert "no image" in tab.message.text()


def test_a_random_test_image_shows_its_true_class(tab, qtbot):
    tab.random_button.click()
    qtbot.waitUntil(lambda: tab.analysis is not None, timeout=30_000)
    true = tab.analysis.image.true_index
    assert true is not None
    assert f"true class: {tab.loaded.class_names[true]}" in tab.result_label.text()


def test_a_folder_becomes_a_sortable_table_and_a_csv(tab, qtbot, tmp_path):
    folder = tmp_path / "photos"
    (folder / "more").mkdir(parents=True)
    for index in range(5):
        Image.new("RGB", (40, 40), (index * 50, 0, 0)).save(folder / f"{index}.png")
    Image.new("L", (20, 20)).save(folder / "more" / "gray.bmp")
    (folder / "broken.jpg").write_bytes(b"\xff\xd8\xff garbage")
    tab.classify_folder(folder)
    qtbot.waitUntil(lambda: not tab.folder_page.running, timeout=60_000)

    assert tab.table.rowCount() == 7
    assert "6 images classified, 1 unreadable" in tab.folder_status.text()
    assert tab.folder_progress.value() == tab.folder_progress.maximum() == 7
    tab.table.sortItems(2, Qt.SortOrder.DescendingOrder)
    confidences = [tab.table.item(r, 2).data(SORT_KEY_ROLE) for r in range(6)]  # by value
    assert confidences == sorted(confidences, reverse=True)

    out = tmp_path / "results.csv"
    assert tab.export_csv(out)
    rows = list(csv.DictReader(out.open()))
    assert len(rows) == 7
    good = [r for r in rows if not r["error"]]
    assert len(good) == 6
    for row in good:
        probabilities = [float(row[name]) for name in tab.loaded.class_names]
        assert sum(probabilities) == pytest.approx(1.0, abs=1e-4)
        assert row["top_class"] == tab.loaded.class_names[int(np.argmax(probabilities))]
    assert "broken.jpg" in next(r for r in rows if r["error"])["file"]


def test_classifying_a_folder_can_be_cancelled(tab, qtbot, tmp_path):
    folder = tmp_path / "many"
    folder.mkdir()
    picture = Image.new("RGB", (32, 32), "blue")
    for index in range(640):
        picture.save(folder / f"{index:03d}.png")
    tab.classify_folder(folder)
    tab.folder_cancel.click()
    qtbot.waitUntil(lambda: not tab.folder_page.running, timeout=60_000)
    assert tab.folder_status.text().startswith("Cancelled")
    assert len(tab.folder_results) < 640


def test_a_file_that_is_not_a_model_is_refused_clearly(tab, qtbot, tmp_path):
    fake = tmp_path / "model.keras"
    fake.write_text("hello")
    previous = tab.loaded
    tab.load_model(str(fake))
    qtbot.waitUntil(lambda: "Cannot use this model" in tab.model_status.text(), timeout=30_000)
    assert "not a Keras model file" in tab.model_status.text()
    assert tab.loaded is previous  # the working model stays
