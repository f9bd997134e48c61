"""Filling the small read-only QTableWidgets (a partner list, one loan's schedule) from rows of
display strings; the rows to draw attention to in red."""
from __future__ import annotations

import re

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QTableWidget, QTableWidgetItem

RED = QColor("#c0392b")
# An amount, count or share (as riskdesk.ui.formats writes them): right-aligned so digits line up.
_NUMBER = re.compile(r"^-?[¥]?[\d,]+(\.\d+)?\s?%?$")
_RIGHT = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter


def fill_table(table: QTableWidget, rows: list[list[str]], red: set[int] | None = None,
               color: QColor = RED, codes: frozenset[int] = frozenset()) -> None:
    """``codes``: columns of digits that are not quantities (a merchant code), kept left."""
    table.setRowCount(len(rows))
    for r, row in enumerate(rows):
        for c, value in enumerate(row):
            item = QTableWidgetItem(value)
            if c not in codes and _NUMBER.match(value):
                item.setTextAlignment(_RIGHT)
            if red and r in red:
                item.setForeground(color)
            table.setItem(r, c, item)
    table.verticalHeader().setVisible(False)  # row numbers say nothing in these short lists
    table.resizeColumnsToContents()
