"""The Post-loan tab (issue 28): for a month, the book by five-category class (loans, principal
outstanding, overdue), the class mix of the last months, the overdue buckets, the vintage curves
(30+ and 90+ days past due by months on book) and the roll-rate matrix from the month before,
coloured by rate. Clicking a class, a bucket or a roll-rate cell lists its loans; a loan opens its
window. Also the two jobs that feed it: importing the core system's loan, repayment and flow
files, and the monitoring run."""
from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFileDialog,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTableWidget,
    QVBoxLayout,
    QWidget,
)

from riskdesk.domain.enums import label
from riskdesk.services.admin.backend import Backend, call
from riskdesk.services.periods import current_month
from riskdesk.services.permissions import Action, allowed
from riskdesk.services.postloan.book import Portfolio, portfolio
from riskdesk.services.postloan.charts import (
    BUCKETS,
    PostLoanCharts,
    bucket_label,
    loans_in,
    postloan_charts,
    shares_to_100,
)
from riskdesk.services.postloan.policy import CATEGORIES
from riskdesk.tasks import TaskState
from riskdesk.ui.charts import PALETTE, BarChart, LineChart, Series, share_ticks
from riskdesk.ui.dialogs import Dialogs
from riskdesk.ui.fit import fit_combos
from riskdesk.ui.formats import date_text, money, number, percent
from riskdesk.ui.loans.loan_list import LoanListDialog
from riskdesk.ui.month_picker import MonthPicker
from riskdesk.ui.operations import read_op, reads_op
from riskdesk.ui.table_fill import fill_table
from riskdesk.ui.worker import BackgroundTask, run_task

if TYPE_CHECKING:  # loan files and the monitoring run load pandas: on first use (issue 35)
    from riskdesk.services.intake.loans import LoanImportResult
    from riskdesk.services.postloan.monitoring import MonitorResult

CLASS_COLORS = PALETTE[:5]  # normal green ... loss purple
OVERDUE = BUCKETS[1:]  # the chart draws the overdue buckets (current loans are in the table)


def rate_color(rate: float, diagonal: bool) -> QColor:
    """A roll-rate cell's background: staying put pale blue by share, moving worse from pale
    to deep red by rate."""
    if diagonal:
        return QColor.fromHsvF(0.58, 0.05 + 0.25 * rate, 1.0)
    return QColor.fromHsvF(0.0, min(1.0, 0.08 + 1.6 * rate), 1.0)


class PortfolioTab(QWidget):
    def __init__(self, backend: Backend, dialogs: Dialogs,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.backend, self.dialogs = backend, dialogs
        self.actor = actor = backend.actor
        self.last_task: BackgroundTask | None = None
        self.book: Portfolio | None = None
        self.charts: PostLoanCharts | None = None
        self.loan_list: LoanListDialog | None = None
        self.roll_rows: list[str] = []
        self.month = MonthPicker(backend.lookup(current_month), self)
        self.month.monthChanged.connect(lambda _m: self.reload())
        fit_combos(self.month.year_box, self.month.month_box)
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
        self.categories.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.categories.cellClicked.connect(lambda row, _c: self.show_class(row))
        self.roll.cellClicked.connect(self.show_roll_cell)
        self.mix_chart = BarChart(self.tr("Loans by class, by month"), self)
        self.mix_chart.clicked.connect(self._mix_clicked)
        self.bucket_chart = BarChart(self.tr("Overdue buckets"), self)
        self.bucket_chart.clicked.connect(lambda i, _k: self.show_bucket(OVERDUE[i][0]))
        self.vintage_chart = LineChart(
            self.tr("Vintages: 30+ days past due (solid), 90+ (dashed)"), self)
        self.summary = QLabel(self)
        self.summary.setWordWrap(True)
        self.roll_title = QLabel(self)
        self.hint = QLabel(self.tr("Click a class, a bucket or a roll-rate cell to list its "
                                   "loans."), self)
        top = QHBoxLayout()
        top.addWidget(QLabel(self.tr("Month"), self))
        top.addWidget(self.month)
        top.addWidget(self.buttons["show"])
        top.addWidget(self.hint)
        top.addStretch(1)
        top.addWidget(self.buttons["import"])
        top.addWidget(self.buttons["monitor"])
        roll_box = QVBoxLayout()
        roll_box.addWidget(self.roll_title)
        roll_box.addWidget(self.roll, 1)
        grid = QGridLayout()
        grid.addWidget(self.mix_chart, 0, 0)
        grid.addWidget(self.bucket_chart, 0, 1)
        grid.addWidget(self.vintage_chart, 1, 0)
        grid.addLayout(roll_box, 1, 1)
        grid.setRowStretch(0, 1)
        grid.setRowStretch(1, 1)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.summary)
        layout.addWidget(self.categories)
        layout.addLayout(grid, 1)
        self.reload()

    def reload(self) -> None:
        month = self.month.text().strip()
        reads_op(self, call(portfolio, month=month), call(postloan_charts, month=month),
                 title=self.tr("Not shown"), on_done=self._show_all, on_error=self._refused)

    def _refused(self, error: BaseException) -> None:
        """A month without figures (before the data, or not yet run): said in the tab, the
        charts and tables emptied, instead of zeros that look like a quiet month."""
        self.book = self.charts = None
        self.summary.setStyleSheet("color: #a01010;")
        self.summary.setText(str(error))
        self.roll_title.setText("")
        self.categories.setRowCount(0)
        self.roll.setRowCount(0)
        self.roll_rows = []
        for chart in (self.mix_chart, self.bucket_chart, self.vintage_chart):
            chart.set_data([], [])

    def _show_all(self, found: tuple[Any, ...]) -> None:
        self._show(found[0])
        self._draw(found[1])

    def _show(self, book: Portfolio) -> None:
        self.book = book
        self.summary.setStyleSheet("")
        total = book.total_balance
        fill_table(self.categories, [
            [label(c), number(book.loans[c]), number(book.balance[c], 2),
             number(book.overdue[c], 2),
             percent(book.balance[c] / total) if total else "-"] for c in CATEGORIES])
        rows = self.categories.rowCount()
        self.categories.setFixedWidth(sum(self.categories.columnWidth(c) for c in range(5))
                                      + 2 * self.categories.frameWidth() + 2)
        self.categories.setFixedHeight(self.categories.horizontalHeader().height()
                                       + sum(self.categories.rowHeight(r) for r in range(rows))
                                       + 2 * self.categories.frameWidth())
        npl = book.npl_ratio
        self.summary.setText(self.tr(
            "Loans {n}; principal outstanding {balance}; non-performing ratio {npl}").format(
            n=number(book.total_loans), balance=money(total), npl=percent(npl, 2)))
        self.roll_title.setText(self.tr("Roll rates {previous} to {month}").format(
            previous=book.previous, month=book.month))

    def _draw(self, charts: PostLoanCharts) -> None:
        self.charts = charts
        self.mix_chart.set_data(
            charts.months,
            [Series(label(c), tuple(float(m[k]) for m in charts.mix), CLASS_COLORS[k])
             for k, c in enumerate(CATEGORIES)],
            x_title=self.tr("Month"), y_title=self.tr("Loans"),
            value_text=lambda v: number(v))
        overdue = charts.buckets[1:]
        self.bucket_chart.set_data(
            [k for k, *_ in OVERDUE],
            [Series(self.tr("Loans"), tuple(float(b.loans) for b in overdue), "#c62828")],
            x_title=self.tr("Days past due"), y_title=self.tr("Loans"),
            value_text=lambda v: number(v))
        longest = max((len(v.dpd30) for v in charts.vintages), default=0)
        series = []
        for k, v in enumerate(charts.vintages):
            color = PALETTE[(k + 5) % len(PALETTE)] if k < 3 else PALETTE[k - 3]
            series.append(Series(v.start_month, v.dpd30, color))
            series.append(Series("", v.dpd90, color, dashed=True))
        self.vintage_chart.set_data(
            [str(m) for m in range(1, longest + 1)], series,
            x_title=self.tr("Months on book"), y_title=self.tr("Share of loans"),
            value_text=lambda v: percent(v, share_ticks(v)),
            empty_text=self.tr("No vintages yet"))
        rows = [(src, row) for src, row in zip(CATEGORIES, charts.roll_counts, strict=True)
                if sum(row)]
        self.roll_rows = [src for src, _ in rows]
        fill_table(self.roll, [
            [label(src), *(percent(v / 100) for v in shares_to_100(list(row))),
             number(sum(row))] for src, row in rows])
        for r, (src, row) in enumerate(rows):
            total = sum(row)
            for k, n in enumerate(row):
                item = self.roll.item(r, k + 1)
                if item is not None:
                    item.setBackground(rate_color(n / total, CATEGORIES[k] == src))
                    item.setForeground(QColor("#000000"))

    def _mix_clicked(self, month_index: int, class_index: int) -> None:
        if self.charts is not None:
            self.show_loans(self.charts.months[month_index], category=CATEGORIES[class_index])

    def show_class(self, row: int) -> LoanListDialog | None:
        if self.book is None or not 0 <= row < len(CATEGORIES):
            return None
        return self.show_loans(self.book.month, category=CATEGORIES[row])

    def show_bucket(self, key: str) -> LoanListDialog | None:
        if self.charts is None:
            return None
        return self.show_loans(self.charts.month, bucket=key)

    def show_roll_cell(self, row: int, column: int) -> LoanListDialog | None:
        """A cell of the matrix: the loans that were in the row's class the month before and
        are in the column's class now."""
        if self.charts is None or not 0 <= row < len(self.roll_rows) or \
                not 1 <= column <= len(CATEGORIES):
            return None
        return self.show_loans(self.charts.month, category=CATEGORIES[column - 1],
                               rolled_from=self.roll_rows[row])

    def show_loans(self, month: str, *, category: str | None = None, bucket: str | None = None,
                   rolled_from: str | None = None) -> LoanListDialog | None:
        if rolled_from is not None and category is not None:
            title = self.tr("Loans {month}: {before} last month, {now} now").format(
                month=month, before=label(rolled_from), now=label(category))
        elif bucket is not None:
            title = self.tr("Loans {month}: {bucket} past due").format(
                month=month, bucket=bucket_label(bucket))
        else:
            title = self.tr("Loans {month}: {category}").format(month=month,
                                                                 category=label(category))
        shown: list[LoanListDialog] = []

        def done(loans: Any) -> None:
            self.loan_list = LoanListDialog(self.backend, title, loans, self)
            self.loan_list.show()
            shown.append(self.loan_list)

        read_op(self, loans_in, month=month, category=category, bucket=bucket,
                rolled_from=rolled_from, title=self.tr("Not shown"), on_done=done)
        return shown[0] if shown else None

    def monitor(self) -> BackgroundTask:
        backend = self.backend

        def work(state: TaskState) -> MonitorResult:
            from riskdesk.services.postloan.monitoring import run_monitoring  # on this thread

            return backend.job(run_monitoring, state=state)

        def done(result: MonitorResult) -> None:
            self.reload()
            self.dialogs.info(self, self.tr("Monitoring done"), self.tr(
                "Monitoring as of {day}: loans {loans}, new early warnings {alerts}, cases "
                "opened {opened}, cases updated {updated}.").format(loans=number(result.loans), day=date_text(result.as_of),
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
            from riskdesk.services.intake.loans import import_loan_file  # on this thread

            return [backend.job(import_loan_file, path=Path(p), state=state) for p in paths]

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
