"""The case queue model: one saved view (and its filters) of the queue read model."""
from __future__ import annotations

from dataclasses import replace
from typing import Any

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QColor

from riskdesk.domain.enums import (
    BAD_RATE_DOUBLED,
    CLOSED_STATUSES,
    COMPLAINTS_OVER,
    CaseKind,
    label,
)
from riskdesk.i18n import QT_TRANSLATE_NOOP
from riskdesk.services.admin.backend import Backend, Call, call
from riskdesk.services.cases.queue import (
    DEFAULT_SORT,
    POSTLOAN_KINDS,
    CaseFilter,
    CaseRow,
    count_cases,
    last_page,
    page_cases,
    sort_value,
)
from riskdesk.services.cases.search import parse_search
from riskdesk.storage.clock import utcnow
from riskdesk.ui.formats import list_sep, number
from riskdesk.ui.paged_model import ANSWERED, PagedTableModel
from riskdesk.ui.table_model import DISPLAY, FOREGROUND, TOOLTIP

COLUMNS: list[tuple[str, str]] = [
    ("application_no", QT_TRANSLATE_NOOP("CasesModel", "Application no.")),
    ("kind", QT_TRANSLATE_NOOP("CasesModel", "Kind")),
    ("status", QT_TRANSLATE_NOOP("CasesModel", "Status")),
    ("priority", QT_TRANSLATE_NOOP("CasesModel", "Priority")),
    ("due_at", QT_TRANSLATE_NOOP("CasesModel", "Due")),
    ("name", QT_TRANSLATE_NOOP("CasesModel", "Applicant")),
    ("id_no_masked", QT_TRANSLATE_NOOP("CasesModel", "ID number")),
    ("product", QT_TRANSLATE_NOOP("CasesModel", "Product")),
    ("amount", QT_TRANSLATE_NOOP("CasesModel", "Amount (CNY)")),
    ("pd", QT_TRANSLATE_NOOP("CasesModel", "PD %")),
    ("points", QT_TRANSLATE_NOOP("CasesModel", "Points")),
    ("band", QT_TRANSLATE_NOOP("CasesModel", "Band")),
    ("flags", QT_TRANSLATE_NOOP("CasesModel", "Rule hits")),
    ("assignee", QT_TRANSLATE_NOOP("CasesModel", "Assignee")),
    ("returned_reason", QT_TRANSLATE_NOOP("CasesModel", "Sent back because")),
]
FIELDS = [f for f, _ in COLUMNS]
PARTNER_REVIEW = CaseKind.PARTNER_REVIEW.value
THRESHOLDS: dict[str, str] = {  # services/partners/performance.py opens a review for these
    BAD_RATE_DOUBLED: QT_TRANSLATE_NOOP("CasesModel", "Bad rate doubled"),
    COMPLAINTS_OVER: QT_TRANSLATE_NOOP("CasesModel", "Complaints over the limit"),
    # a model review's breaches (services/credit/model_review.py, issue 32)
    "PSI": QT_TRANSLATE_NOOP("CasesModel", "Score PSI over 0.25"),
    "CSI": QT_TRANSLATE_NOOP("CasesModel", "Feature CSI over 0.25"),
    "AUC": QT_TRANSLATE_NOOP("CasesModel", "AUC down from validation"),
    "BAND": QT_TRANSLATE_NOOP("CasesModel", "Band outside calibration"),
    "OVERDUE": QT_TRANSLATE_NOOP("CasesModel", "Validation overdue"),
}
ROLES = ANSWERED | {TOOLTIP, FOREGROUND}  # what a queue cell answers
REVIEWS = (PARTNER_REVIEW, CaseKind.MODEL_REVIEW.value)  # their flags name THRESHOLDS
DUE = FIELDS.index("due_at")
STATUS = FIELDS.index("status")
PAST_DUE = QColor("#b3261e")
VIEW_LABELS: dict[str, str] = {
    "mine": QT_TRANSLATE_NOOP("CasesModel", "My cases"),
    "unassigned": QT_TRANSLATE_NOOP("CasesModel", "Unassigned"),
    "escalated": QT_TRANSLATE_NOOP("CasesModel", "Escalated"),
    "awaiting_check": QT_TRANSLATE_NOOP("CasesModel", "Awaiting check"),
    "overdue": QT_TRANSLATE_NOOP("CasesModel", "Overdue"),
    "all": QT_TRANSLATE_NOOP("CasesModel", "All"),
}


class CasesModel(PagedTableModel):
    CONTEXT = "CasesModel"
    NUMERIC = frozenset({"amount", "pd", "points", "priority"})
    UNSORTABLE = frozenset({"id_no_masked", "flags", "assignee", "returned_reason"})

    def __init__(self, backend: Backend, parent: Any = None):
        super().__init__(COLUMNS, backend, DEFAULT_SORT, parent)
        self._descending = False  # priority 1 first, then the soonest due (issue 27)
        self.filter = CaseFilter(view="all")
        self.reload()

    def loan_text(self, row: CaseRow, field: str) -> str | None:
        """A post-loan row's cell: its loan number, days past due, five-category class and
        balance where a pre-loan row shows the application, PD, band and amount; None for the
        other cells and rows."""
        if row.kind not in POSTLOAN_KINDS or not row.loan_no:
            return None
        if field == "application_no":
            return row.loan_no
        if field == "pd":
            return self.tr("{n} DPD").format(n=number(row.dpd)) if row.dpd >= 0 else ""
        if field == "band":
            return label(row.loan_class) if row.loan_class else ""
        if field == "amount":
            return number(row.balance, 2) if row.balance >= 0 else ""
        if field == "points":
            return ""
        return None

    def partner_text(self, row: CaseRow, field: str) -> str | None:
        """A partner review's row (issue 27): the partner's code and name stand as its number
        and applicant; its rule hits cell names the thresholds breached (the figures in its
        tooltip). None for the other cells and rows. Ring cases (issue 33) go beside it."""
        if row.kind not in REVIEWS or field != "flags":
            return None
        return list_sep().join(self.tr(THRESHOLDS[c]) if c in THRESHOLDS else c
                               for c in row.flags.split(",") if c)

    def data(self, index: QModelIndex | QPersistentModelIndex,
             role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        """An open case past its SLA shows its due time in red (the Overdue view lists them)."""
        if role not in ROLES:  # most of those Qt asks for (issue 35)
            return None
        if role == DISPLAY and index.isValid():
            shown: CaseRow = self.row_at(index.row())
            text = self.loan_text(shown, FIELDS[index.column()])
            if text is None:
                text = self.partner_text(shown, FIELDS[index.column()])
            if text is not None:
                return text
        if role == TOOLTIP and index.isValid() and \
                index.column() in (FIELDS.index("flags"), FIELDS.index("name")):
            facts = self.row_at(index.row()).facts  # a partner's figures (issue 27)
            if facts:
                return facts
            if FIELDS[index.column()] in ("pd", "points", "amount") and \
                    getattr(shown, FIELDS[index.column()]) < 0:
                return ""  # -1: none (a case on no application or no score)
        if role == TOOLTIP and index.isValid() and \
                index.column() in (FIELDS.index("pd"), FIELDS.index("amount")):
            loan: CaseRow = self.row_at(index.row())
            if loan.kind in POSTLOAN_KINDS and loan.loan_no:
                return self.tr("Loan {no}: days past due, class and balance from the latest "
                               "monitoring run").format(no=loan.loan_no)
        if role == TOOLTIP and index.isValid() and index.column() == STATUS:
            returned: CaseRow = self.row_at(index.row())  # why it was sent back (issue 26)
            return returned.returned_reason or None
        if role == FOREGROUND and index.isValid() and index.column() == DUE:
            row: CaseRow = self.row_at(index.row())
            if row.status not in CLOSED_STATUSES and \
                    row.due_at < utcnow():
                return QBrush(PAST_DUE)
            return None
        return super().data(index, role)

    def set_view(self, view: str) -> None:
        self.filter = replace(self.filter, view=view)
        self.reload()

    def set_filters(self, changes: dict[str, Any]) -> None:
        self.filter = replace(self.filter, **changes)
        self.reload()

    def sort_state(self) -> tuple[str, bool]:
        return self._sort, self._descending

    def set_search(self, text: str) -> None:
        """One box for everything (services/cases/search.py): an ID number or a phone (with
        spaces, dashes or +86) through its keyed hash, a masked ID number copied from the grid
        on its visible parts (narrowed by a name typed beside it), Chinese text as a name
        prefix, anything else as an application or loan number."""
        self.filter = replace(self.filter, **parse_search(text))
        self.reload()

    def searching(self) -> bool:
        f = self.filter
        return any((f.id_no, f.id_no_masked, f.phone, f.phone_masked, f.name_prefix,
                    f.application_no))

    def ambiguous_people(self) -> int:
        """How many different people the loaded rows of a masked ID or phone search are (more
        than one: the visible digits are shared; a name narrows them)."""
        masked = self.filter.id_no_masked or self.filter.phone_masked
        if not masked or self.filter.name_prefix:
            return 0
        return len({r.name for r in self._rows})

    def count_calls(self) -> list[Call[int]]:
        """The counts of the saved views with the current filters, in VIEW_LABELS' order."""
        return [call(count_cases, f=replace(self.filter, view=v)) for v in VIEW_LABELS]

    def counts(self) -> dict[str, int]:
        """The number of cases in each saved view, with the current filters."""
        counts = self._backend.read_all(*self.count_calls())
        return dict(zip(VIEW_LABELS, counts, strict=True))

    def count_call(self) -> Call[int]:
        return call(count_cases, f=self.filter)

    def page_call(self, after: tuple[Any, int] | None) -> Call[list[CaseRow]]:
        return call(page_cases, f=self.filter, sort=self._sort, descending=self._descending,
                    after=after, limit=self.PAGE)

    def last_page_call(self) -> Call[list[CaseRow]]:
        return call(last_page, f=self.filter, sort=self._sort, descending=self._descending,
                    limit=self.PAGE)

    def sort_value(self, row: Any) -> Any:
        return sort_value(row, self._sort)
