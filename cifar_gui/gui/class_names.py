"""Class names as the window shows them: CIFAR-10's in the window's language
(``cifar_gui.i18n.class_label``), an image folder's exactly as named. Files, CSV exports and
``--json`` keep the English identifiers: only what is drawn on screen goes through here."""

from __future__ import annotations

from collections.abc import Iterable

from PySide6.QtCore import QCoreApplication

from cifar_gui.i18n import class_label


def shown_names(names: Iterable[str]) -> tuple[str, ...]:
    """Each of ``names`` (English identifiers, in class-index order) as shown on screen."""
    return tuple(class_label(str(name)) for name in names)


def test_image_name(index: int, name: str) -> str:
    """The caption of test image ``index`` of class ``name`` (an English identifier), e.g.
    "test #12 (cat)", in the window's language (safe to call on a worker thread)."""
    return QCoreApplication.translate("ClassNames", "test #{index} ({name})").format(
        index=index, name=class_label(str(name))
    )
