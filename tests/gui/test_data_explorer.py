"""The data explorer tab: samples per class, counts per split, statistics."""

from __future__ import annotations

from PySide6.QtCore import Qt


def test_data_tab_shows_samples_counts_and_statistics(make_window, qtbot):
    window = make_window(load_tensorflow_now=False)
    window.settings_panel.fields["data"].write("demo")
    window.tabs.setCurrentWidget(window.explorer)
    explorer = window.explorer
    qtbot.waitUntil(lambda: explorer.dataset is not None, timeout=30_000)
    assert len(explorer.thumbnails) == 10 * 8
    assert explorer.counts["train"].__len__() == 10
    assert sum(explorer.counts["train"]) == 4200 and sum(explorer.counts["validation"]) == 1800
    assert sum(explorer.counts["test"]) == 1000
    assert "Demo shapes: 6000 training and 1000 test images" in explorer.status.text()
    assert "mean" in explorer.stats_label.text() and "32×32×3" in explorer.stats_label.text()
    thumb = explorer.thumbnails[8 * 3]  # the first image of class 3
    qtbot.mouseClick(thumb, Qt.MouseButton.LeftButton)
    assert explorer.large_caption.text().endswith(": disc")
    assert explorer.large.pixmap().width() == 256


def test_a_bad_data_source_is_explained(make_window, qtbot, tmp_path):
    window = make_window(load_tensorflow_now=False)
    bad = tmp_path / "cifar-10-python.tar.gz"
    bad.write_bytes(b"not an archive")
    window.tabs.setCurrentWidget(window.explorer)
    window.settings_panel.set_data_source(str(bad))
    qtbot.waitUntil(lambda: "Could not load" in window.explorer.status.text(), timeout=30_000)
    assert str(bad) in window.explorer.status.text()
