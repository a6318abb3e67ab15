"""A launcher in the user's applications menu (and on the desktop), pointing at this install.

Follows the freedesktop.org conventions: ``$XDG_DATA_HOME/applications/cifar-gui.desktop``,
icons in the ``hicolor`` theme, and a copy in the desktop folder when there is one. Only the
files written here are removed by ``uninstall``.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

from cifar_gui import APP_NAME
from cifar_gui.atomic import atomic_write_text
from cifar_gui.paths import resources_dir

DESKTOP_FILE = f"{APP_NAME}.desktop"


def _data_home() -> Path:
    return Path(os.environ.get("XDG_DATA_HOME") or Path.home() / ".local" / "share")


def desktop_folder() -> Path | None:
    """The user's desktop folder, if it exists (``xdg-user-dir`` knows its localised name)."""
    candidates = []
    if shutil.which("xdg-user-dir"):
        try:
            out = subprocess.run(["xdg-user-dir", "DESKTOP"], capture_output=True, text=True,
                                 timeout=5, check=False).stdout.strip()  # fmt: skip
            if out and Path(out) != Path.home():
                candidates.append(Path(out))
        except (OSError, subprocess.SubprocessError):
            pass
    candidates.append(Path.home() / "Desktop")
    return next((c for c in candidates if c.is_dir()), None)


def launch_command() -> str:
    """The console-less entry point beside this Python, else ``python -m cifar_gui``."""
    scripts = Path(sys.executable).parent
    for name in ("cifar-gui-app", "cifar-gui-app.exe"):
        if (scripts / name).is_file():
            return _quote(str(scripts / name))
    return f"{_quote(sys.executable)} -m cifar_gui"


def _quote(path: str) -> str:
    """Quote an Exec argument as the Desktop Entry specification asks."""
    if not any(c in path for c in " \t\"'\\><~|&;$*?#()`"):
        return path
    escaped = path.replace("\\", "\\\\").replace('"', '\\"').replace("`", "\\`").replace("$", "\\$")
    return f'"{escaped}"'


def launcher_text() -> str:
    template = (resources_dir() / DESKTOP_FILE).read_text(encoding="utf-8")
    lines = [f"Exec={launch_command()}" if line.startswith("Exec=") else line
             for line in template.splitlines()]  # fmt: skip
    return "\n".join(lines) + "\n"


def _icon_targets() -> list[tuple[Path, Path]]:
    resources = resources_dir()
    icons = _data_home() / "icons" / "hicolor"
    pairs = [(resources / f"{APP_NAME}.svg", icons / "scalable" / "apps" / f"{APP_NAME}.svg")]
    for png in sorted((resources / "icons").glob(f"{APP_NAME}-*.png")):
        size = png.stem.rsplit("-", 1)[1]
        pairs.append((png, icons / f"{size}x{size}" / "apps" / f"{APP_NAME}.png"))
    return pairs


def installed_paths() -> list[Path]:
    paths = [_data_home() / "applications" / DESKTOP_FILE]
    paths += [target for _source, target in _icon_targets()]
    if (folder := desktop_folder()) is not None:
        paths.append(folder / DESKTOP_FILE)
    return paths


def install() -> list[Path]:
    """Write the launcher and icons; returns what was written."""
    text = launcher_text()
    written = []
    for source, target in _icon_targets():
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(source, target)
        written.append(target)
    menu = _data_home() / "applications" / DESKTOP_FILE
    atomic_write_text(menu, text)
    written.append(menu)
    if (folder := desktop_folder()) is not None:
        on_desktop = folder / DESKTOP_FILE
        atomic_write_text(on_desktop, text)
        on_desktop.chmod(0o755)  # desktops run only launchers marked executable (and trusted)
        written.append(on_desktop)
    _refresh_menus()
    return written


def uninstall() -> list[Path]:
    """Remove exactly what ``install`` writes; returns what was removed."""
    removed = []
    for path in installed_paths():
        if path.is_file():
            path.unlink()
            removed.append(path)
    _refresh_menus()
    return removed


def _refresh_menus() -> None:
    """Desktops rescan on their own; this only makes it immediate where the tool exists."""
    tool = shutil.which("update-desktop-database")
    if tool:
        subprocess.run([tool, str(_data_home() / "applications")], capture_output=True,
                       timeout=30, check=False)  # fmt: skip
