"""The complaints list: most urgent first, overdue rows red and those due within two days amber."""
from __future__ import annotations

import math
from dataclasses import replace
from typing import Any

from PySide6.QtCore import QCoreApplication, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QColor

from riskdesk.i18n import QT_TRANSLATE_NOOP
from riskdesk.services.admin.backend import Backend, Call, call
from riskdesk.services.complaints import figures
from riskdesk.services.complaints import handling as complaints
from riskdesk.services.complaints.figures import ComplaintFilter, ComplaintRow
from riskdesk.storage.clock import utcnow
from riskdesk.ui.paged_model import PagedTableModel, RowRole, SortRole

COLUMNS: list[tuple[str, str]] = [
    ("number", QT_TRANSLATE_NOOP("ComplaintsModel", "Complaint no.")),
    ("status", QT_TRANSLATE_NOOP("ComplaintsModel", "Status")),
    ("category", QT_TRANSLATE_NOOP("ComplaintsModel", "Category")),
    ("channel", QT_TRANSLATE_NOOP("ComplaintsModel", "Channel")),
    ("complainant_name", QT_TRANSLATE_NOOP("ComplaintsModel", "Complainant")),
    ("received_at", QT_TRANSLATE_NOOP("ComplaintsModel", "Received")),
    ("due_at", QT_TRANSLATE_NOOP("ComplaintsModel", "Due")),
    ("days_left", QT_TRANSLATE_NOOP("ComplaintsModel", "Days left")),
    ("extension", QT_TRANSLATE_NOOP("ComplaintsModel", "Extension")),
    ("assignee", QT_TRANSLATE_NOOP("ComplaintsModel", "Handler")),
]
OVERDUE = QColor("#f8d0d0")
DUE_SOON = QColor("#fbe7b5")
LATE = QColor("#f3dede")  # closed or replied, but late: a paler red


class ComplaintsModel(PagedTableModel):
    CONTEXT = "ComplaintsModel"
    UNSORTABLE = frozenset(f for f, _ in COLUMNS)  # one order: the most urgent first

    def __init__(self, backend: Backend, parent: Any = None):
        super().__init__(COLUMNS, backend, "due_at", parent)
        self.filter = ComplaintFilter()
        self.reload()

    def set_filters(self, changes: dict[str, Any]) -> None:
        self.filter = replace(self.filter, **changes)
        self.reload()

    def count_call(self) -> Call[int]:
        return call(figures.count, f=self.filter)

    def page_call(self, after: tuple[Any, int] | None) -> Call[list[ComplaintRow]]:
        return call(figures.page, f=self.filter, after=after, limit=self.PAGE)

    def last_page_call(self) -> Call[list[ComplaintRow]]:
        raise NotImplementedError  # lists of complaints stay short enough to scroll

    def sort_value(self, row: Any) -> Any:
        return row.due_at

    def days_left(self, row: ComplaintRow) -> str:
        """Days to the due time for an open complaint (negative: overdue); "late" for one
        replied after its due time (issue 28)."""
        if row.status in complaints.OPEN:
            left = (row.due_at - utcnow()).total_seconds() / 86400
            if left < 0:
                return QCoreApplication.translate("ComplaintsModel", "overdue {n} d").format(n=math.ceil(-left))
            return QCoreApplication.translate("ComplaintsModel", "{n} d").format(n=math.floor(left))
        if row.late:
            return QCoreApplication.translate("ComplaintsModel", "replied late")
        return ""

    def data(self, index: QModelIndex | QPersistentModelIndex,
             role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        row: ComplaintRow = self.row_at(index.row())
        if role == Qt.ItemDataRole.BackgroundRole:
            if row.status in complaints.OPEN:
                now = utcnow()
                if row.due_at < now:
                    return QBrush(OVERDUE)
                if row.due_at < now + complaints.DUE_SOON:
                    return QBrush(DUE_SOON)
            elif row.late:
                return QBrush(LATE)
            return None
        if self._fields[index.column()] == "days_left":
            if role == Qt.ItemDataRole.DisplayRole:
                return self.days_left(row)
            if role == SortRole:
                return row.due_at
            if role == RowRole:
                return row
            if role == Qt.ItemDataRole.TextAlignmentRole:
                return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            return None
        return super().data(index, role)
