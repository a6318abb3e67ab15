"""Why the window cannot open, in one line, before Qt aborts with a long message.

Qt's X11 plugin (``xcb``) needs system libraries that pip cannot install; when one is missing,
Qt prints "could not load the Qt platform plugin xcb" and aborts the process. The same happens
when no X server answers on ``$DISPLAY``. Both are checked here first, without Qt.
"""

from __future__ import annotations

import ctypes
import os
import sys
from collections.abc import Callable

from cifar_gui.i18n import _

# The libraries Qt 6's xcb platform plugin links against, and the Debian/Ubuntu packages.
XCB_PACKAGES = {
    "libxcb.so.1": "libxcb1",
    "libX11.so.6": "libx11-6",
    "libX11-xcb.so.1": "libx11-xcb1",
    "libxcb-cursor.so.0": "libxcb-cursor0",
    "libxcb-icccm.so.4": "libxcb-icccm4",
    "libxcb-image.so.0": "libxcb-image0",
    "libxcb-keysyms.so.1": "libxcb-keysyms1",
    "libxcb-randr.so.0": "libxcb-randr0",
    "libxcb-render.so.0": "libxcb-render0",
    "libxcb-render-util.so.0": "libxcb-render-util0",
    "libxcb-shape.so.0": "libxcb-shape0",
    "libxcb-shm.so.0": "libxcb-shm0",
    "libxcb-sync.so.1": "libxcb-sync1",
    "libxcb-util.so.1": "libxcb-util1",
    "libxcb-xfixes.so.0": "libxcb-xfixes0",
    "libxcb-xkb.so.1": "libxcb-xkb1",
    "libxkbcommon.so.0": "libxkbcommon0",
    "libxkbcommon-x11.so.0": "libxkbcommon-x11-0",
}


def uses_xcb(environ: dict[str, str] | None = None) -> bool:
    """Whether Qt will pick its X11 plugin: Linux, and no other platform asked for."""
    env = os.environ if environ is None else environ
    platform = env.get("QT_QPA_PLATFORM", "")
    return sys.platform.startswith("linux") and (
        platform in ("", "xcb") or platform.startswith("xcb:")
    )


def missing_xcb_packages(load: Callable[[str], object] = ctypes.CDLL) -> list[str]:
    """The packages whose libraries cannot be loaded, in a stable order."""
    missing = []
    for library, package in XCB_PACKAGES.items():
        try:
            load(library)
        except OSError:
            missing.append(package)
    return missing


def display_problem(display: str | None) -> str | None:
    """None when an X server answers on ``display``; else why not (libxcb is present)."""
    if not display:
        return _("no display to open the window on (DISPLAY is not set)")
    xcb = ctypes.CDLL("libxcb.so.1")
    xcb.xcb_connect.restype = ctypes.c_void_p
    xcb.xcb_connect.argtypes = [ctypes.c_char_p, ctypes.c_void_p]
    xcb.xcb_connection_has_error.argtypes = [ctypes.c_void_p]
    xcb.xcb_disconnect.argtypes = [ctypes.c_void_p]
    connection = xcb.xcb_connect(display.encode(), None)
    try:
        if xcb.xcb_connection_has_error(connection):
            return _(
                "cannot connect to the X display {display!r} (is a desktop session running?)"
            ).format(display=display)
    finally:
        xcb.xcb_disconnect(connection)
    return None


def window_problem(environ: dict[str, str] | None = None) -> str | None:
    """One line saying why the window cannot open here, or None."""
    env = os.environ if environ is None else environ
    if not sys.platform.startswith("linux") or env.get("QT_QPA_PLATFORM") == "offscreen":
        return None
    if not uses_xcb(env):
        return None
    wayland = bool(env.get("WAYLAND_DISPLAY"))
    if not env.get("DISPLAY") and not wayland:
        return _("no display to open the window on (DISPLAY is not set)")
    if wayland and (not env.get("DISPLAY") or env.get("XDG_SESSION_TYPE") == "wayland"):
        return None  # Qt picks its Wayland plugin, which needs none of the X11 libraries
    if missing := missing_xcb_packages():
        return _(
            "Qt cannot open a window: system libraries are missing; install them with `sudo apt-get install {missing}` (Debian/Ubuntu package names)"
        ).format(missing=" ".join(missing))
    return display_problem(env.get("DISPLAY"))
