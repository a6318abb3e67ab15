"""Table cells that sort by value, for every sortable ``QTableWidget`` in the window.

A ``QTableWidget`` sorts whole rows, so each row's cells stay together, but only when every
cell of the row lives in the table: a label kept in the vertical header does not move with
its row. Every table therefore names its rows in a column of their own, and numbers sort as
numbers (``"10.0%"`` after ``"9.5%"``), with empty cells (no value) last in either order.
"""

from __future__ import annotations

import math
import re

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QTableWidgetItem

SORT_KEY_ROLE = Qt.ItemDataRole.UserRole + 1


class SortableItem(QTableWidgetItem):
    """A cell shown as ``text`` and sorted by its key (a number, or the text when none);
    a cell without a value ends up last in either order, as in a spreadsheet."""

    def __lt__(self, other: QTableWidgetItem) -> bool:
        mine, theirs = _sort_key(self), _sort_key(other)
        if (mine[0] == EMPTY) != (theirs[0] == EMPTY) and self._descending():
            return mine[0] == EMPTY  # reversed by the sort, so that it still comes last
        return mine < theirs

    def _descending(self) -> bool:
        table = self.tableWidget()
        return table is not None and (
            table.horizontalHeader().sortIndicatorOrder() == Qt.SortOrder.DescendingOrder
        )


NUMBER, TEXT, EMPTY = 0, 1, 2


def _sort_key(item: QTableWidgetItem) -> tuple:
    key = item.data(SORT_KEY_ROLE)
    if isinstance(key, int | float) and math.isfinite(key):
        return (NUMBER, float(key), "")
    if key is None and item.text():
        return (TEXT, 0.0, natural_key(item.text()))
    return (EMPTY, 0.0, "")


def natural_key(text: str) -> list:
    """Text in reading order regardless of case, its numbers by value: "run 9" before "run 10"
    (digits alternate with text in the split, so two keys always compare part by part)."""
    parts = re.split(r"(\d+)", text.casefold())
    return [int(part) if i % 2 else part for i, part in enumerate(parts)]


def text_cell(text: str) -> SortableItem:
    """A text cell, sorted by ``natural_key``."""
    return SortableItem(text)


def number_cell(text: str, value: float | None) -> SortableItem:
    """A cell shown as ``text`` and sorted by ``value`` (None or NaN: no value, sorted last)."""
    item = SortableItem(text)
    ok = isinstance(value, int | float) and math.isfinite(value)
    item.setData(SORT_KEY_ROLE, float(value) if ok else math.nan)
    item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
    return item
