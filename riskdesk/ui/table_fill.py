"""Filling the small read-only QTableWidgets (a partner list, one loan's schedule) from rows of
display strings; the rows to draw attention to in red."""
from __future__ import annotations

from PySide6.QtGui import QColor
from PySide6.QtWidgets import QTableWidget, QTableWidgetItem

RED = QColor("#c0392b")


def fill_table(table: QTableWidget, rows: list[list[str]], red: set[int] | None = None,
               color: QColor = RED) -> None:
    table.setRowCount(len(rows))
    for r, row in enumerate(rows):
        for c, value in enumerate(row):
            item = QTableWidgetItem(value)
            if red and r in red:
                item.setForeground(color)
            table.setItem(r, c, item)
    table.resizeColumnsToContents()
