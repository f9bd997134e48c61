"""A flat table model with declared columns: counts and translated headers in one place."""
from __future__ import annotations

from collections.abc import Sized
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)


class ColumnTableModel(QAbstractTableModel):
    """Subclasses set ``CONTEXT`` (the translation context of the header labels), pass their
    ``(field, label)`` columns, and keep the loaded rows in ``self._rows``."""

    CONTEXT = ""

    def __init__(self, columns: list[tuple[str, str]], parent: Any = None) -> None:
        super().__init__(parent)
        self._columns = columns
        self._rows: Sized = []

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self._columns)

    def headerData(self, section: int, orientation: Qt.Orientation,  # noqa: N802
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return QCoreApplication.translate(self.CONTEXT, self._columns[section][1])
        return None
