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

# Qt's roles and orientation as plain values: looking them up on Qt's enum classes costs more
# than the rest of a data() call, which Qt makes some 24,000 times to fit the queue's columns
# to their contents at the window's start (issue 35).
DISPLAY = Qt.ItemDataRole.DisplayRole
TOOLTIP = Qt.ItemDataRole.ToolTipRole
FOREGROUND = Qt.ItemDataRole.ForegroundRole
ALIGNMENT = Qt.ItemDataRole.TextAlignmentRole
HORIZONTAL = Qt.Orientation.Horizontal


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
        if role == DISPLAY and orientation == HORIZONTAL:
            return QCoreApplication.translate(self.CONTEXT, self._columns[section][1])
        return None
