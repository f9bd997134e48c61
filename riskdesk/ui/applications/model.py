"""The applications table model: pages of the applications read model, newest first."""
from __future__ import annotations

from typing import Any

from riskdesk.i18n import QT_TRANSLATE_NOOP
from riskdesk.services.admin.backend import Backend, Call, call
from riskdesk.services.cases.applications import (
    ApplicationFilter,
    ApplicationRow,
    count_applications,
    page_applications,
    sort_value,
)
from riskdesk.ui.paged_model import PagedTableModel, RowRole, SortRole

__all__ = ["FIELDS", "ApplicationsModel", "RowRole", "SortRole"]

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


class ApplicationsModel(PagedTableModel):
    CONTEXT = "ApplicationsModel"
    NUMERIC = frozenset({"amount", "term_months", "apr", "pd", "points"})
    UNSORTABLE = frozenset({"id_no_masked", "phone_masked", "flags"})

    def __init__(self, backend: Backend, parent: Any = None):
        super().__init__(COLUMNS, backend, "submitted_at", parent)
        self.filter = ApplicationFilter()
        self.reload()

    def set_filter(self, f: ApplicationFilter) -> None:
        self.filter = f
        self.reload()

    def count_call(self) -> Call[int]:
        return call(count_applications, f=self.filter)

    def page_call(self, after: tuple[Any, int] | None) -> Call[list[ApplicationRow]]:
        return call(page_applications, f=self.filter, sort=self._sort, descending=self._descending,
                    after=after, limit=self.PAGE)

    def sort_value(self, row: Any) -> Any:
        return sort_value(row, self._sort)

    def row_at(self, row: int) -> ApplicationRow:
        return self._rows[row]  # type: ignore[no-any-return]
