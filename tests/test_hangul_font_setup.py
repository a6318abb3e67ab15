"""Issue 14: the set-up script names fonts-noto-cjk when the window will be Korean and no
installed font covers Hangul, and only then (run with stand-in system tools, installing nothing)."""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import pytest

SCRIPT = Path(__file__).resolve().parents[1] / "scripts" / "install-system-packages.sh"
LIBRARIES = (
    "libxcb.so.1", "libX11-xcb.so.1", "libxcb-cursor.so.0", "libxcb-icccm.so.4",
    "libxcb-image.so.0", "libxcb-keysyms.so.1", "libxcb-randr.so.0", "libxcb-render-util.so.0",
    "libxcb-shape.so.0", "libxcb-xfixes.so.0", "libxcb-xkb.so.1", "libxkbcommon-x11.so.0",
    "libEGL.so.1", "libfontconfig.so.1", "libdbus-1.so.3",
)  # fmt: skip


def _run(tmp_path: Path, env: dict[str, str], hangul_font: bool, saved: str | None = None) -> str:
    """The script's stderr on a machine with every X11 library, no apt-get, and ``fc-list``
    reporting a Hangul font or none; ``saved``: View > Language's stored choice."""
    tools = tmp_path / "bin"
    tools.mkdir(exist_ok=True)
    for name in ("bash", "grep", "sed", "head", "uname", "id", "cat"):
        found = shutil.which(name)
        if found is None:
            pytest.skip(f"no {name}")
        (tools / name).unlink(missing_ok=True)
        (tools / name).symlink_to(found)
    lines = "".join(f"\\t{lib} (libc6,x86-64) => /usr/lib/{lib}\\n" for lib in LIBRARIES)
    (tools / "ldconfig").write_text(f"#!/bin/sh\nprintf '{lines}'\n")
    font = "/usr/share/fonts/NotoSansCJK-Regular.ttc: Noto Sans CJK KR" if hangul_font else ""
    (tools / "fc-list").write_text(f"#!/bin/sh\necho '{font}' | grep .\nexit 0\n")
    for tool in ("ldconfig", "fc-list"):
        (tools / tool).chmod(0o755)
    config = tmp_path / "config"
    if saved is not None:
        (config / "cifar-gui").mkdir(parents=True, exist_ok=True)
        (config / "cifar-gui" / "cifar-gui.conf").write_text(f"[view]\nlanguage={saved}\n")
    clean = {"PATH": str(tools), "HOME": str(tmp_path), "XDG_CONFIG_HOME": str(config), **env}
    done = subprocess.run([str(tools / "bash"), str(SCRIPT), "run"], env=clean,
                          capture_output=True, text=True, timeout=60)  # fmt: skip
    assert done.returncode == 0
    return done.stderr


@pytest.mark.skipif(os.uname().sysname != "Linux", reason="the script checks Linux only")
def test_a_korean_desktop_without_a_hangul_font_is_told_to_install_fonts_noto_cjk(tmp_path):
    said = _run(tmp_path, {"LANG": "ko_KR.UTF-8"}, hangul_font=False)
    assert "missing system packages: fonts-noto-cjk" in said
    assert said.count("\n") == 1
    assert _run(tmp_path, {"LANG": "ko_KR.UTF-8"}, hangul_font=True) == ""
    assert _run(tmp_path, {"LANG": "en_US.UTF-8"}, hangul_font=False) == ""
    # View > Language wins over the desktop, either way:
    assert "fonts-noto-cjk" in _run(tmp_path, {"LANG": "en_US.UTF-8"}, False, saved="ko")
    assert _run(tmp_path, {"LANG": "ko_KR.UTF-8"}, False, saved="en") == ""
