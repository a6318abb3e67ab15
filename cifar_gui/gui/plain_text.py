"""Text from users shown as typed, in the Qt widgets that would read it as HTML.

Qt guesses whether a label's, a tooltip's or a message box's text is HTML
(``Qt::mightBeRichText``: a tag such as ``<b>`` in the first line). A run renamed
``test <b>x</b>``, a file or a folder named so, then showed a bold "x" in some places and the
tags in others. Labels and message boxes take ``Qt.TextFormat.PlainText`` where they are
made; tooltips have no such setting, hence ``plain_tooltip``.
"""

from __future__ import annotations

import html

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QWidget


def plain_tooltip(text: str) -> str:
    """A tooltip that shows ``text`` literally. Text with ``<`` or ``&`` is escaped and
    marked as HTML (``<qt>``), so Qt neither guesses nor draws tags; line breaks are kept.
    Other text, which Qt cannot take for HTML, comes back as it is."""
    text = str(text)
    if "<" not in text and "&" not in text:
        return text
    return "<qt>" + html.escape(text, quote=False).replace("\n", "<br>") + "</qt>"


def plain_labels(widget: QWidget) -> None:
    """Set every label inside ``widget`` (a ready-made dialog's) to plain text."""
    for label in widget.findChildren(QLabel):
        label.setTextFormat(Qt.TextFormat.PlainText)
