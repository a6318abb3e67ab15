"""Double-click launch: the desktop file, the launcher install, main.py from anywhere, the
one-line message when Qt cannot open a window, and two instances training at once."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from cifar_gui.cli import main

ROOT = Path(__file__).resolve().parents[1]
VALIDATOR = shutil.which("desktop-file-validate")
needs_validator = pytest.mark.skipif(
    VALIDATOR is None, reason="desktop-file-validate missing (scripts/install-test-tools.sh)"
)


def _validate(path: Path) -> None:
    result = subprocess.run([VALIDATOR, str(path)], capture_output=True, text=True)
    assert result.returncode == 0 and not result.stdout.strip(), result.stdout + result.stderr


@needs_validator
def test_the_desktop_file_is_valid():
    _validate(ROOT / "resources" / "cifar-gui.desktop")


def test_icons_exist_in_every_size():
    from PySide6.QtGui import QImage

    assert (ROOT / "resources" / "cifar-gui.svg").is_file()
    for size in (16, 32, 48, 64, 128, 256, 512):
        image = QImage(str(ROOT / "resources" / "icons" / f"cifar-gui-{size}.png"))
        assert (image.width(), image.height()) == (size, size)


@needs_validator
def test_install_and_uninstall_the_launcher(isolated_user_folders, capsys):
    home = isolated_user_folders
    (home / "Desktop").mkdir()
    assert main(["install-desktop"]) == 0
    menu = home / ".local/share/applications/cifar-gui.desktop"
    on_desktop = home / "Desktop/cifar-gui.desktop"
    _validate(menu)
    assert on_desktop.read_text() == menu.read_text() and os.access(on_desktop, os.X_OK)
    exec_line = next(x for x in menu.read_text().splitlines() if x.startswith("Exec="))
    target = exec_line.removeprefix("Exec=").split()[0].strip('"')
    assert Path(target).is_file() and os.access(target, os.X_OK)  # this install's launcher
    assert (home / ".local/share/icons/hicolor/256x256/apps/cifar-gui.png").is_file()
    assert (home / ".local/share/icons/hicolor/scalable/apps/cifar-gui.svg").is_file()

    capsys.readouterr()
    assert main(["uninstall-desktop"]) == 0
    assert not menu.exists() and not on_desktop.exists()
    assert not list((home / ".local/share/icons").rglob("cifar-gui.*"))
    assert main(["uninstall-desktop"]) == 0
    assert "no launcher was installed" in capsys.readouterr().out


def test_main_py_runs_from_any_folder(tmp_path):
    script = ROOT / "main.py"
    assert script.read_text().startswith("#!/usr/bin/env python3")
    assert os.access(script, os.X_OK)
    env = {k: v for k, v in os.environ.items() if k != "PYTHONPATH"}
    env["PYTHONPATH"] = str(ROOT / "tests" / "network_guard")
    out = subprocess.run([sys.executable, str(script), "--version"], cwd=tmp_path, env=env,
                         capture_output=True, text=True, timeout=60)  # fmt: skip
    assert out.returncode == 0 and out.stdout.strip().startswith("cifar-gui ")


def test_missing_x11_libraries_are_named_as_packages():
    from cifar_gui.platform_check import missing_xcb_packages

    def loader(name):
        if name in ("libxcb-cursor.so.0", "libxcb-icccm.so.4", "libxcb-keysyms.so.1"):
            raise OSError(f"{name}: cannot open shared object file")

    assert missing_xcb_packages(loader) == ["libxcb-cursor0", "libxcb-icccm4", "libxcb-keysyms1"]


def test_a_window_that_cannot_open_gives_one_line_not_a_qt_abort():
    """On this machine either X11 libraries are missing or no X server runs on :987."""
    env = {k: v for k, v in os.environ.items() if k not in ("QT_QPA_PLATFORM", "WAYLAND_DISPLAY")}
    env["DISPLAY"] = ":987"
    out = subprocess.run([sys.executable, str(ROOT / "main.py")], env=env, capture_output=True,
                         text=True, timeout=120)  # fmt: skip
    assert out.returncode == 1
    lines = out.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("cifar-gui: error:"), out.stderr
    assert (
        "apt-get install libxcb" in lines[0] or "cannot connect to the X display ':987'" in lines[0]
    )
    assert "could not load the Qt platform plugin" not in out.stderr


@pytest.mark.slow
def test_two_instances_train_at_once_into_their_own_folders(tmp_path):
    runs = tmp_path / "runs"
    command = [sys.executable, "-m", "cifar_gui.cli", "train", "--data", "demo", "--epochs", "1",
               "--limit-train", "200", "--runs-dir", str(runs), "--no-test", "--json"]  # fmt: skip
    processes = [subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL,
                                  text=True, cwd=ROOT) for _ in range(2)]  # fmt: skip
    done = [json.loads(p.communicate(timeout=300)[0].splitlines()[-1]) for p in processes]
    assert [d["status"] for d in done] == ["completed", "completed"]
    assert done[0]["run_dir"] != done[1]["run_dir"]
    assert len(list(runs.iterdir())) == 2
