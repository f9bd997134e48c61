"""A table model that pages, sorts and counts in the database through a read-model service.

Holds only the rows fetched so far; the view's scrolling asks for more (keyset pages, never
OFFSET); sorting re-queries; the total is a real COUNT, so the status bar is honest before all
pages are loaded. Subclasses say how to count, fetch a page and read a row's sort value.
"""
from __future__ import annotations

import re
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, Qt

from riskdesk.domain.enums import label
from riskdesk.i18n import join_list, translate
from riskdesk.rules.catalog import rule_name
from riskdesk.services.admin.backend import Backend, Call
from riskdesk.ui.formats import datetime_text, number
from riskdesk.ui.table_model import ALIGNMENT, DISPLAY, ColumnTableModel

SortRole = Qt.ItemDataRole.UserRole + 1
RowRole = Qt.ItemDataRole.UserRole + 2
ANSWERED = frozenset({DISPLAY, SortRole, RowRole, ALIGNMENT})  # every other role: None
RIGHT = int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
# A fraud ring's case names no applicant: its queue row carries "applicants / applications"
# (services/rings/store.py), which no name can look like (issue 33).
RING_COUNTS = re.compile(r"(\d+) / (\d+)")
ENUM_FIELDS = {"product", "channel", "outcome", "band", "kind", "status", "category", "extension"}


def display_value(field: str, value: Any) -> str:
    """How a stored value reads in a table cell, written as the locale writes it."""
    if value is None:
        return ""
    if field in ENUM_FIELDS:
        return label(value)
    if field in ("submitted_at", "due_at", "received_at"):
        return datetime_text(value)
    if field in ("amount", "apr"):
        return number(value, 2)
    if field == "pd":
        return number(100 * float(value), 1)
    if field == "flags":
        return join_list(rule_name(c) for c in str(value).split(",") if c)
    if field == "applicant_name" and (ring := RING_COUNTS.fullmatch(str(value))):
        return translate("Queue", "{a} applicants, {n} applications").format(
            a=ring.group(1), n=ring.group(2))
    return str(value)


class PagedTableModel(ColumnTableModel):
    PAGE = 200
    NUMERIC: frozenset[str] = frozenset()
    UNSORTABLE: frozenset[str] = frozenset()

    def __init__(self, columns: list[tuple[str, str]], backend: Backend,
                 sort: str, parent: Any = None) -> None:
        super().__init__(columns, parent)
        self._fields = [f for f, _ in columns]
        self._backend = backend
        self._rows: list[Any] = []
        self._total = 0
        self._sort = sort
        self._descending = True
        self._at_end = False  # showing the last page (reached without reading the middle)
        self._settling = False  # inside sorts_settled: a sort only takes note

    # -- what subclasses provide: the service calls (run by the backend) -----------------
    def count_call(self) -> Call[int]:
        raise NotImplementedError

    def page_call(self, after: tuple[Any, int] | None) -> Call[list[Any]]:
        raise NotImplementedError

    def sort_value(self, row: Any) -> Any:
        raise NotImplementedError

    def last_page_call(self) -> Call[list[Any]]:
        raise NotImplementedError

    # -- data loading -------------------------------------------------------------------
    def reload(self) -> None:
        self.beginResetModel()
        self._total, self._rows = self._backend.read_all(self.count_call(),
                                                         self.page_call(None))
        self._at_end = False
        self.endResetModel()

    def count_now(self) -> int:
        """Re-count (the status bar's number) without reloading rows."""
        (self._total,) = self._backend.read_all(self.count_call())
        return self._total

    def last_page(self) -> None:
        """The final rows in the current order, by the reverse keyset: as cheap as the first."""
        self.beginResetModel()
        self._total, self._rows = self._backend.read_all(self.count_call(),
                                                         self.last_page_call())
        self._at_end = True
        self.endResetModel()

    @contextmanager
    def sorts_settled(self) -> Iterator[None]:
        """Sorts asked for inside the block only take note; at its end the rows are read
        again once, and only if the order differs from that of the rows held. Setting up a
        table sorts several times (Qt sorts on setSortingEnabled and on each new sort
        indicator, a saved header sorts again): each read the count and the first page
        afresh, seven reads at the main window's start where two do (issue 35)."""
        held = (self._sort, self._descending)
        self._settling = True
        try:
            yield
        finally:
            self._settling = False
        if (self._sort, self._descending) != held:
            self.reload()

    @property
    def total(self) -> int:
        return self._total

    @property
    def at_end(self) -> bool:
        return self._at_end

    def canFetchMore(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> bool:  # noqa: B008, N802
        return not parent.isValid() and not self._at_end and len(self._rows) < self._total

    def fetchMore(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> None:  # noqa: B008, N802
        if parent.isValid() or not self._rows or self._at_end:
            return
        last = self._rows[-1]
        (page,) = self._backend.read_all(self.page_call((self.sort_value(last), last.id)))
        if not page:
            self._total = len(self._rows)
            return
        start = len(self._rows)
        self.beginInsertRows(QModelIndex(), start, start + len(page) - 1)
        self._rows.extend(page)
        self.endInsertRows()

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        field = self._fields[column]
        if field in self.UNSORTABLE:
            return
        self._sort = field
        self._descending = order == Qt.SortOrder.DescendingOrder
        if not self._settling:
            self.reload()

    # -- Qt model interface -------------------------------------------------------------
    def data(self, index: QModelIndex | QPersistentModelIndex,
             role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role not in ANSWERED or not index.isValid():  # most of the roles Qt asks for
            return None
        row = self._rows[index.row()]
        field = self._fields[index.column()]
        if role == DISPLAY:
            return display_value(field, getattr(row, field))
        if role == SortRole:
            return getattr(row, field)
        if role == RowRole:
            return row
        return RIGHT if field in self.NUMERIC else None  # the text's alignment

    def row_at(self, row: int) -> Any:
        return self._rows[row]
