"""The loans behind a post-loan figure (a class, an overdue bucket, a roll-rate cell), listed
from the Post-loan tab's charts; a loan opens its window (issue 28)."""
from __future__ import annotations

from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QLabel,
    QTableWidget,
    QVBoxLayout,
    QWidget,
)

from riskdesk.domain.enums import label
from riskdesk.services.admin.backend import Backend
from riskdesk.services.postloan.charts import LoanLine
from riskdesk.ui.formats import date_text, number
from riskdesk.ui.loans.loan_window import LoanDialog
from riskdesk.ui.table_fill import fill_table
from riskdesk.ui.table_tools import equip_window


class LoanListDialog(QDialog):
    def __init__(self, backend: Backend, title: str, loans: tuple[LoanLine, ...],
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.backend, self.loans = backend, loans
        self.loan_window: LoanDialog | None = None
        self.setWindowTitle(title)
        self.resize(860, 520)
        self.table = QTableWidget(0, 7, self)
        self.table.setHorizontalHeaderLabels([
            self.tr("Loan"), self.tr("Start"), self.tr("Principal (CNY)"),
            self.tr("Days past due"), self.tr("Category"), self.tr("Balance (CNY)"),
            self.tr("Overdue (CNY)")])
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        fill_table(self.table, [
            [x.loan_no, date_text(x.start_date), number(x.principal, 2), number(x.dpd),
             label(x.category), number(x.balance, 2), number(x.overdue_amount, 2)]
            for x in loans])
        self.table.horizontalHeader().setStretchLastSection(True)
        # double-click, and Enter where the platform activates with it (either may fire both)
        self.table.cellActivated.connect(self.open_loan)
        self.table.cellDoubleClicked.connect(self.open_loan)
        if len(loans) == 1:
            text = self.tr("One loan. Double-click it to open it.")
        elif loans:
            text = self.tr("{n} loans. Double-click a loan to open it.").format(
                n=number(len(loans)))
        else:
            text = self.tr("No loans.")
        head = QLabel(text, self)
        layout = QVBoxLayout(self)
        layout.addWidget(head)
        layout.addWidget(self.table, 1)
        equip_window(self, title, backend)  # export in the context menu (issue 28)

    def open_loan(self, row: int, _column: int = 0) -> LoanDialog | None:
        if not 0 <= row < len(self.loans):
            return None
        shown = self.loan_window
        if shown is not None and shown.isVisible() and \
                shown.view.loan.id == self.loans[row].id:
            shown.raise_()
            return shown
        self.loan_window = LoanDialog(self.backend, self.loans[row].id, self)
        self.loan_window.show()
        return self.loan_window
