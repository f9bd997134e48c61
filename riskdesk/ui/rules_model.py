"""The "Rules and policy" tab's tables (issue 30): rows of display text with the value each
column sorts by (RAW) and the row's read model (ROW), after the queue's models."""
from __future__ import annotations

from collections.abc import Callable
from typing import Any, Generic, TypeVar

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtWidgets import QWidget

from riskdesk.ui.table_model import ColumnTableModel

RAW = Qt.ItemDataRole.UserRole + 1
ROW = Qt.ItemDataRole.UserRole + 2
Index = QModelIndex | QPersistentModelIndex
T = TypeVar("T")


class RowsModel(ColumnTableModel, Generic[T]):
    """``columns``: (header, raw value of a row, its display text); the headers are
    translated in ``context``."""

    def __init__(self, context: str,
                 columns: list[tuple[str, Callable[[T], Any], Callable[[T], str]]],
                 parent: QWidget | None = None) -> None:
        super().__init__([(c[0], c[0]) for c in columns], parent)
        self.CONTEXT = context
        self.getters = [(c[1], c[2]) for c in columns]
        self.rows: list[T] = []
        self._rows = self.rows

    def set_rows(self, rows: list[T]) -> None:
        self.beginResetModel()
        self.rows = self._rows = list(rows)
        self.endResetModel()

    def row(self, index: int) -> T:
        return self.rows[index]

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        r = self.rows[index.row()]
        raw, text = self.getters[index.column()]
        if role == Qt.ItemDataRole.DisplayRole:
            return text(r)
        if role == RAW:
            return raw(r)
        if role == ROW:
            return r
        if role == Qt.ItemDataRole.TextAlignmentRole and isinstance(raw(r), int | float) \
                and not isinstance(raw(r), bool):
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None
