"""A failed export (a full disk) is said in one sentence of the window's language, the reason
in words ("the disk is full"), never Python's "[Errno 28] No space left on device: '...'", and
the older file of that name is left as it was (the same kind of fault as issue 12 item 3's
Save PNG: the settings, the sweep table and a classified folder's CSV)."""

from __future__ import annotations

import errno
from types import SimpleNamespace

import pytest


@pytest.fixture
def full_disk(monkeypatch, tmp_path):
    """Every atomic write fails as on a full disk; returns an older file to overwrite."""
    import cifar_gui.atomic as atomic

    def replace(*_args):
        raise OSError(errno.ENOSPC, "No space left on device", str(_args[-1]))

    monkeypatch.setattr(atomic.os, "replace", replace)
    older = tmp_path / "older.out"
    older.write_text("older", encoding="utf-8")
    return older


def _clear(text: str) -> None:
    assert text.endswith(": the disk is full")
    assert "Errno" not in text and "\n" not in text


def test_the_settings_export(make_window, full_disk):
    window = make_window(load_tensorflow_now=False)
    assert not window.export_settings(str(full_disk))
    assert window.error_box.text() == "The settings could not be saved: the disk is full"
    assert full_disk.read_text(encoding="utf-8") == "older"


def test_the_sweep_table_export(qtbot, full_disk, tmp_path):
    from cifar_gui.gui.sweep_view import SweepView

    view = SweepView(lambda: tmp_path)
    qtbot.addWidget(view)
    view.current = SimpleNamespace(to_csv=lambda: "run\n1\n")
    assert not view.export_csv(full_disk)
    assert view.message.text() == f"Could not write {full_disk}: the disk is full"
    _clear(view.message.text())
    assert full_disk.read_text(encoding="utf-8") == "older"


def test_a_classified_folders_csv_export(qtbot, tasks, full_disk, tmp_path):
    from cifar_gui.gui.classify_tab import ClassifyTab

    tab = ClassifyTab(tasks, lambda: tmp_path)
    qtbot.addWidget(tab)
    assert not tab.folder_page.export_csv(full_disk)
    assert tab.folder_page.folder_status.text() == "Could not save: the disk is full"
    assert full_disk.read_text(encoding="utf-8") == "older"
