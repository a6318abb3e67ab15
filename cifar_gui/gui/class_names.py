"""Class names as the window shows them: CIFAR-10's in the window's language
(``cifar_gui.i18n.class_label``), the built-in demo set's through Qt's catalogue, an image
folder's exactly as named. Files, CSV exports and
``--json`` keep the English identifiers: only what is drawn on screen goes through here."""

from __future__ import annotations

from collections.abc import Iterable

from PySide6.QtCore import QCoreApplication

from cifar_gui.data.demo import DEMO_CLASSES
from cifar_gui.i18n import class_label


def _demo_names() -> dict[str, str]:
    translate = QCoreApplication.translate
    return {
        "horizontal stripes": translate("ClassNames", "horizontal stripes"),
        "vertical stripes": translate("ClassNames", "vertical stripes"),
        "diagonal stripes": translate("ClassNames", "diagonal stripes"),
        "disc": translate("ClassNames", "disc"),
        "square": translate("ClassNames", "square"),
        "ring": translate("ClassNames", "ring"),
        "cross": translate("ClassNames", "cross"),
        "checkerboard": translate("ClassNames", "checkerboard"),
        "triangle": translate("ClassNames", "triangle"),
        "gradient": translate("ClassNames", "gradient"),
    }


def shown_name(name: str) -> str:
    """One class name (an English identifier) as shown on screen."""
    name = str(name)
    shown = class_label(name)
    if shown == name and name in DEMO_CLASSES:
        return _demo_names()[name]
    return shown


def shown_names(names: Iterable[str]) -> tuple[str, ...]:
    """Each of ``names`` (English identifiers, in class-index order) as shown on screen."""
    return tuple(shown_name(name) for name in names)


def test_image_name(index: int, name: str) -> str:
    """The caption of test image ``index`` of class ``name`` (an English identifier), e.g.
    "test #12 (cat)", in the window's language (safe to call on a worker thread)."""
    return QCoreApplication.translate("ClassNames", "test #{index} ({name})").format(
        index=index, name=shown_name(name)
    )
