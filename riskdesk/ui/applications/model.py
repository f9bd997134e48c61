"""The applications table model: pages fetched from the database as the view scrolls.

Holds only the rows fetched so far; sorting resets and re-queries in the database; the true
total comes from a COUNT so the status bar is honest even before all pages are loaded.
"""
from __future__ import annotations

from collections.abc import Callable
from datetime import UTC
from typing import Any

from PySide6.QtCore import (
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)

from riskdesk.domain.enums import label
from riskdesk.i18n import QT_TRANSLATE_NOOP
from riskdesk.rules.catalog import rule_name
from riskdesk.services.actor import Actor
from riskdesk.services.applications import (
    ApplicationRow,
    count_applications,
    page_applications,
    sort_value,
)
from riskdesk.ui.table_model import ColumnTableModel

SortRole = Qt.ItemDataRole.UserRole + 1
RowRole = Qt.ItemDataRole.UserRole + 2

COLUMNS: list[tuple[str, str]] = [
    ("application_no", QT_TRANSLATE_NOOP("ApplicationsModel", "Application no.")),
    ("submitted_at", QT_TRANSLATE_NOOP("ApplicationsModel", "Submitted")),
    ("name", QT_TRANSLATE_NOOP("ApplicationsModel", "Applicant")),
    ("id_no_masked", QT_TRANSLATE_NOOP("ApplicationsModel", "ID number")),
    ("phone_masked", QT_TRANSLATE_NOOP("ApplicationsModel", "Phone")),
    ("product", QT_TRANSLATE_NOOP("ApplicationsModel", "Product")),
    ("channel", QT_TRANSLATE_NOOP("ApplicationsModel", "Channel")),
    ("amount", QT_TRANSLATE_NOOP("ApplicationsModel", "Amount (CNY)")),
    ("term_months", QT_TRANSLATE_NOOP("ApplicationsModel", "Term (months)")),
    ("apr", QT_TRANSLATE_NOOP("ApplicationsModel", "APR %")),
    ("pd", QT_TRANSLATE_NOOP("ApplicationsModel", "PD %")),
    ("points", QT_TRANSLATE_NOOP("ApplicationsModel", "Points")),
    ("band", QT_TRANSLATE_NOOP("ApplicationsModel", "Band")),
    ("flags", QT_TRANSLATE_NOOP("ApplicationsModel", "Rule hits")),
    ("outcome", QT_TRANSLATE_NOOP("ApplicationsModel", "Known outcome")),
]
FIELDS = [f for f, _ in COLUMNS]
NUMERIC = {"amount", "term_months", "apr", "pd", "points"}
ENUMS = {"product", "channel", "outcome", "band"}
UNSORTABLE = {"id_no_masked", "phone_masked", "flags"}


class ApplicationsModel(ColumnTableModel):
    CONTEXT = "ApplicationsModel"
    PAGE = 200

    def __init__(self, session_factory: Callable[[], Any], actor: Actor, parent: Any = None):
        super().__init__(COLUMNS, parent)
        self._session_factory = session_factory
        self._actor = actor
        self._rows: list[ApplicationRow] = []
        self._total = 0
        self._sort = "submitted_at"
        self._descending = True
        self.reload()

    # -- data loading -------------------------------------------------------------------
    def reload(self) -> None:
        self.beginResetModel()
        with self._session_factory() as session:
            self._total = count_applications(session, self._actor)
            self._rows = page_applications(session, self._actor, sort=self._sort,
                                           descending=self._descending, limit=self.PAGE)
        self.endResetModel()

    @property
    def total(self) -> int:
        return self._total

    def canFetchMore(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> bool:  # noqa: B008, N802
        return not parent.isValid() and len(self._rows) < self._total

    def fetchMore(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> None:  # noqa: B008, N802
        if parent.isValid() or not self._rows:
            return
        last = self._rows[-1]
        with self._session_factory() as session:
            page = page_applications(session, self._actor, sort=self._sort,
                                     descending=self._descending,
                                     after=(sort_value(last, self._sort), last.id),
                                     limit=self.PAGE)
        if not page:
            self._total = len(self._rows)
            return
        start = len(self._rows)
        self.beginInsertRows(QModelIndex(), start, start + len(page) - 1)
        self._rows.extend(page)
        self.endInsertRows()

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        field = FIELDS[column]
        if field in UNSORTABLE:
            return
        self._sort = field
        self._descending = order == Qt.SortOrder.DescendingOrder
        self.reload()

    # -- Qt model interface -------------------------------------------------------------
    def data(self, index: QModelIndex | QPersistentModelIndex,
             role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        row = self._rows[index.row()]
        field = FIELDS[index.column()]
        value = getattr(row, field)
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(field, value)
        if role == SortRole:
            return value
        if role == RowRole:
            return row
        if role == Qt.ItemDataRole.TextAlignmentRole and field in NUMERIC:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    @staticmethod
    def _display(field: str, value: Any) -> str:
        if value is None:
            return ""
        if field in ENUMS:
            return label(value)
        if field == "submitted_at":  # stored in UTC, shown in the workstation's time zone
            return str(value.replace(tzinfo=UTC).astimezone().strftime("%Y-%m-%d %H:%M"))
        if field == "amount":
            return f"{float(value):,.2f}"
        if field == "apr":
            return f"{float(value):.2f}"
        if field == "pd":
            return f"{100 * float(value):.1f}"
        if field == "flags":
            return "; ".join(rule_name(c) for c in str(value).split(",") if c)
        return str(value)

    def row_at(self, row: int) -> ApplicationRow:
        return self._rows[row]
