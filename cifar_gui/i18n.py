"""Translations of the Qt-free core and the command line (GNU gettext), and the language choice.

Widgets translate through Qt (``self.tr`` and ``resources/translations/cifar_gui_<lang>.qm``);
everything below them (settings checks, data errors, training notes, CLI messages and ``--help``)
has no Qt and translates through this module's catalogue,
``resources/translations/locale/<lang>/LC_MESSAGES/cifar_gui.mo``. The window calls
``set_language`` with the language it shows, so both layers always speak the same language; the
command line follows ``LANGUAGE``/``LC_ALL``/``LC_MESSAGES``/``LANG`` like any gettext program.
``--json`` keys and files on disk keep their English identifiers.
"""

from __future__ import annotations

import errno
import gettext as _gettext
import os
import unicodedata
from collections.abc import Mapping

from cifar_gui.paths import resources_dir

DOMAIN = "cifar_gui"
LANGUAGES = ("en", "ko")  # English is the source language: no catalogue
_translation: _gettext.NullTranslations = _gettext.NullTranslations()
_language = "en"


def locale_dir():
    """The folder holding ``<lang>/LC_MESSAGES/cifar_gui.mo``."""
    return resources_dir() / "translations" / "locale"


def detect_language(environ: Mapping[str, str] | None = None) -> str:
    """``"ko"`` or ``"en"`` from the first set variable of LANGUAGE, LC_ALL, LC_MESSAGES, LANG
    (the order gettext uses); anything that is not a supported language gives ``"en"``."""
    environ = os.environ if environ is None else environ
    for name in ("LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG"):
        value = environ.get(name, "")
        if value:
            first = value.split(":")[0].split(".")[0].split("_")[0].lower()
            return first if first in LANGUAGES else "en"
    return "en"


def set_language(code: str | None) -> str:
    """Switch the core's messages to ``code`` (``None``: detect from the environment); returns
    the language in use. An unknown code, or a missing catalogue, gives English."""
    global _translation, _language
    code = detect_language() if code is None else code
    if code not in LANGUAGES or code == "en":
        _translation, _language = _gettext.NullTranslations(), "en"
        return _language
    _translation = _gettext.translation(
        DOMAIN, localedir=str(locale_dir()), languages=[code], fallback=True
    )
    _language = code if isinstance(_translation, _gettext.GNUTranslations) else "en"
    return _language


def language() -> str:
    """The language the core speaks now (``"en"`` or ``"ko"``)."""
    return _language


def _(message: str) -> str:
    """``message`` (an English source string, marked for extraction) in the current language;
    an empty string stays empty (gettext would give the catalogue's header for it)."""
    return _translation.gettext(message) if message else message


def ngettext(singular: str, plural: str, n: int) -> str:
    """The singular or plural form for ``n`` in the current language."""
    return _translation.ngettext(singular, plural, n)


# CIFAR-10's classes as Korean courses name them; files and --json keep the English identifiers.
CLASS_NAMES_KO = {
    "airplane": "비행기",
    "automobile": "자동차",
    "bird": "새",
    "cat": "고양이",
    "deer": "사슴",
    "dog": "개",
    "frog": "개구리",
    "horse": "말",
    "ship": "배",
    "truck": "트럭",
}


# The built-in demo data set's shapes (cifar_gui/data/demo.py), named in Korean too.
DEMO_CLASS_NAMES_KO = {
    "horizontal stripes": "가로 줄무늬",
    "vertical stripes": "세로 줄무늬",
    "diagonal stripes": "대각선 줄무늬",
    "disc": "원판",
    "square": "정사각형",
    "ring": "고리",
    "cross": "십자",
    "checkerboard": "체크무늬",
    "triangle": "삼각형",
    "gradient": "그라데이션",
}


def class_label(name: str) -> str:
    """A class name as shown to the user: CIFAR-10's ten names (and the demo data's shapes) in
    the current language, any other class (an image folder's) exactly as its folder is named."""
    if _language == "ko":
        return CLASS_NAMES_KO.get(name) or DEMO_CLASS_NAMES_KO.get(name, name)
    return name


def N_(message: str) -> str:
    """Mark ``message`` for extraction without translating it now (module-level texts such as
    help strings, translated with ``_`` where they are shown)."""
    return message


# Python's OSError.strerror is the C library's English text whatever the locale: the reasons a
# user meets when opening files, in the current language.
_OS_REASONS = {
    errno.ENOENT: N_("no such file or folder"),
    errno.EACCES: N_("permission denied"),
    errno.EPERM: N_("permission denied"),
    errno.EISDIR: N_("it is a folder"),
    errno.ENOTDIR: N_("a path component is not a folder"),
    errno.ENOSPC: N_("the disk is full"),
    errno.EROFS: N_("the disk is read-only"),
    errno.ENAMETOOLONG: N_("the name is too long"),
    errno.EIO: N_("input/output error (a damaged disk or a removed drive?)"),
}


def os_error_text(exc: OSError) -> str:
    """Why ``exc`` happened, in one short phrase of the current language (the common causes
    translated; others in the system's own words)."""
    if exc.errno in _OS_REASONS:
        return _(_OS_REASONS[exc.errno])
    return exc.strerror or str(exc)


def display_width(text: str) -> int:
    """Terminal columns ``text`` takes: Hangul and other East Asian wide characters take two
    (Unicode's East Asian Width property, as terminals draw them)."""
    return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in text)


def pad(text: str, width: int, *, right: bool = False) -> str:
    """``text`` aligned in ``width`` terminal columns (left, or right for numbers)."""
    fill = " " * max(0, width - display_width(text))
    return fill + text if right else text + fill


def format_duration(seconds: float) -> str:
    """A duration as people read it, in the current language: ``"12 min 3 s"`` / ``"12분 3초"``,
    ``"1 h 2 min"`` / ``"1시간 2분"``, ``"4.2 s"`` / ``"4.2초"`` under a minute."""
    seconds = max(0.0, float(seconds))
    if seconds < 60:
        return _("{seconds:.1f} s").format(seconds=seconds)
    whole = round(seconds)
    hours, rest = divmod(whole, 3600)
    minutes, secs = divmod(rest, 60)
    if hours:
        return _("{hours} h {minutes} min").format(hours=hours, minutes=minutes)
    return _("{minutes} min {seconds} s").format(minutes=minutes, seconds=secs)
