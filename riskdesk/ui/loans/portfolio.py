"""The Post-loan tab: the book by five-category class for a month (loans, principal
outstanding, overdue), the roll rates from the month before, and the two jobs that feed it:
importing the core system's loan, repayment and flow files, and the monitoring run."""
from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableWidget,
    QVBoxLayout,
    QWidget,
)

from riskdesk.domain.enums import label
from riskdesk.services.admin.backend import Backend
from riskdesk.services.intake.loans import LoanImportResult, import_loan_file
from riskdesk.services.periods import current_month
from riskdesk.services.permissions import Action, allowed
from riskdesk.services.postloan.book import Portfolio, portfolio
from riskdesk.services.postloan.monitoring import MonitorResult, run_monitoring
from riskdesk.services.postloan.policy import CATEGORIES
from riskdesk.tasks import TaskState
from riskdesk.ui.dialogs import Dialogs
from riskdesk.ui.formats import date_text, money, number, percent
from riskdesk.ui.operations import read_op
from riskdesk.ui.table_fill import fill_table
from riskdesk.ui.worker import BackgroundTask, run_task


class PortfolioTab(QWidget):
    def __init__(self, backend: Backend, dialogs: Dialogs,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.backend, self.dialogs = backend, dialogs
        self.actor = actor = backend.actor
        self.last_task: BackgroundTask | None = None
        self.book: Portfolio | None = None
        self.month = QLineEdit(backend.lookup(current_month), self)
        self.month.setPlaceholderText("YYYY-MM")
        self.month.setMaximumWidth(100)
        self.month.returnPressed.connect(self.reload)
        self.buttons: dict[str, QPushButton] = {}
        for key, text, slot in (("show", self.tr("Show"), self.reload),
                                ("import", self.tr("Import loan files..."), self.import_files),
                                ("monitor", self.tr("Run monitoring now"), self.monitor)):
            button = QPushButton(text, self)
            button.clicked.connect(slot)
            self.buttons[key] = button
        self.buttons["import"].setEnabled(allowed(actor, Action.LOAN_IMPORT))
        self.buttons["monitor"].setEnabled(allowed(actor, Action.LOAN_MONITOR))
        self.categories = QTableWidget(0, 5, self)
        self.categories.setHorizontalHeaderLabels([
            self.tr("Category"), self.tr("Loans"), self.tr("Principal outstanding"),
            self.tr("Overdue amount"), self.tr("Share of balance")])
        self.roll = QTableWidget(0, len(CATEGORIES) + 2, self)
        self.roll.setHorizontalHeaderLabels(
            [self.tr("From \\ to"), *(label(c) for c in CATEGORIES), self.tr("Loans")])
        for t in (self.categories, self.roll):
            t.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
            t.horizontalHeader().setStretchLastSection(True)
        self.summary = QLabel(self)
        self.roll_title = QLabel(self)
        top = QHBoxLayout()
        top.addWidget(QLabel(self.tr("Month"), self))
        top.addWidget(self.month)
        top.addWidget(self.buttons["show"])
        top.addStretch(1)
        top.addWidget(self.buttons["import"])
        top.addWidget(self.buttons["monitor"])
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.summary)
        layout.addWidget(self.categories, 1)
        layout.addWidget(self.roll_title)
        layout.addWidget(self.roll, 1)
        self.reload()

    def reload(self) -> None:
        read_op(self, portfolio, self.month.text().strip(), title=self.tr("Not shown"),
                on_done=self._show)

    def _show(self, book: Portfolio) -> None:
        self.book = book
        total = book.total_balance
        fill_table(self.categories, [
            [label(c), number(book.loans[c]), number(book.balance[c], 2),
             number(book.overdue[c], 2),
             percent(book.balance[c] / total) if total else "-"] for c in CATEGORIES])
        npl = book.npl_ratio
        self.summary.setText(self.tr(
            "{n} loans, principal outstanding {balance}; non-performing ratio {npl}").format(
            n=number(book.total_loans), balance=money(total), npl=percent(npl, 2)))
        self.roll_title.setText(self.tr("Roll rates {previous} to {month}").format(
            previous=book.previous, month=book.month))
        from riskdesk.reports.postloan_section import shares_to_100

        fill_table(self.roll, [
            [label(src), *(percent(v / 100) for v in shares_to_100([row[c] for c in CATEGORIES])),
             str(sum(row.values()))] for src, row in book.roll_counts.items()])

    def monitor(self) -> BackgroundTask:
        backend = self.backend

        def work(state: TaskState) -> MonitorResult:
            return backend.job(run_monitoring, state=state)

        def done(result: MonitorResult) -> None:
            self.reload()
            self.dialogs.info(self, self.tr("Monitoring done"), self.tr(
                "{loans} loans as of {day}: {alerts} new early warnings, {opened} cases opened, "
                "{updated} updated.").format(loans=number(result.loans), day=date_text(result.as_of),
                                             alerts=result.alerts, opened=result.cases_opened,
                                             updated=result.cases_updated))

        self.last_task = run_task(self, work, label=self.tr("Post-loan monitoring"),
                                  on_done=done, on_error=self._failed,
                                  progress=self.dialogs.progress(self))
        return self.last_task

    def import_files(self, paths: list[str] | None = None) -> BackgroundTask | None:
        if not paths:
            paths, _ = QFileDialog.getOpenFileNames(
                self, self.tr("Import loan files"), "",
                QCoreApplication.translate("Dialogs", "Application files (*.csv *.xlsx);;"
                                           "All files (*)"))
        if not paths:
            return None
        backend = self.backend

        def work(state: TaskState) -> list[LoanImportResult]:
            return [backend.job(import_loan_file, Path(p), state) for p in paths]

        def done(results: list[LoanImportResult]) -> None:
            lines = []
            for r in results:
                if r.refused:
                    first = r.problems.head(10).itertuples(index=False)
                    lines.append(self.tr("{file}: refused, nothing imported").format(
                        file=r.file_name))
                    lines += [f"  {p.row} / {p.column} / {p.value}: {p.reason}" for p in first]
                else:
                    lines.append(self.tr("{file}: {kind}, {new} new, {updated} updated, "
                                         "{present} already present").format(
                        file=r.file_name, kind=r.kind, new=r.inserted, updated=r.updated,
                        present=r.present))
            if any(r.refused for r in results):
                self.dialogs.error(self, self.tr("Loan import"), "\n".join(lines))
            else:
                self.dialogs.info(self, self.tr("Loan import"), "\n".join(lines))

        self.last_task = run_task(self, work, label=self.tr("Importing loan files"),
                                  on_done=done, on_error=self._failed,
                                  progress=self.dialogs.progress(self))
        return self.last_task

    def _failed(self, error: BaseException) -> None:
        self.dialogs.error(self, self.tr("Not done"), str(error))
