"""One loan, opened from its case: terms and standing, the schedule as paid, days past due by
month, where the money went (a timeline from disbursement, flagged flows in red) and the
early warnings with their evidence. Read-only: post-loan data comes from the core system."""
from __future__ import annotations

from datetime import datetime
from typing import Any

from PySide6.QtCore import QLocale, QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QPainter, QPen
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QLabel,
    QTableWidget,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from riskdesk.domain.enums import label
from riskdesk.services.admin.backend import Backend
from riskdesk.services.postloan.book import LoanView, loan_view
from riskdesk.services.postloan.mcc import mcc_text
from riskdesk.ui.formats import date_text, datetime_text, money, number
from riskdesk.ui.table_fill import fill_table
from riskdesk.ui.table_tools import equip_window

FLAGGED = QColor("#c0392b")
PLAIN = QColor("#2a5d9f")


def _table(parent: QWidget, headers: list[str], rows: list[list[str]],
           red: set[int] | None = None, codes: frozenset[int] = frozenset()) -> QTableWidget:
    t = QTableWidget(0, len(headers), parent)
    t.setHorizontalHeaderLabels(headers)
    t.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    t.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    fill_table(t, rows, red, FLAGGED, codes)
    t.horizontalHeader().setStretchLastSection(True)
    return t


class FlowTimeline(QWidget):
    """Outgoing flows as bars on a time axis from disbursement: the first hours and days,
    where cash-out shows, are on the left; height is the amount."""

    def __init__(self, start: datetime, flows: list[tuple[datetime, float, bool]],
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.start, self.flows = start, flows
        self.setMinimumHeight(170)

    def paintEvent(self, _event: Any) -> None:  # noqa: N802
        p = QPainter(self)
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        box = QRectF(self.rect()).adjusted(40, 10, -10, -28)
        p.setPen(QPen(self.palette().text().color()))
        p.drawLine(box.bottomLeft(), box.bottomRight())
        if not self.flows:
            p.drawText(box, Qt.AlignmentFlag.AlignCenter, self.tr("No fund flows"))
            return
        days = max(1.0, max((at - self.start).total_seconds() for at, _, _ in self.flows)
                   / 86400)
        top = max(amount for _, amount, _ in self.flows) or 1.0
        for tick in range(0, int(days) + 1, max(1, int(days) // 6)):
            x = box.left() + box.width() * tick / days
            p.drawLine(QPointF(x, box.bottom()), QPointF(x, box.bottom() + 4))
            p.drawText(QRectF(x - 30, box.bottom() + 5, 60, 16), Qt.AlignmentFlag.AlignCenter,
                       self.tr("day {n}").format(n=tick))
        for at, amount, flagged in self.flows:
            x = box.left() + box.width() * (at - self.start).total_seconds() / 86400 / days
            h = max(3.0, box.height() * amount / top)
            p.fillRect(QRectF(x - 2, box.bottom() - h, 4, h), FLAGGED if flagged else PLAIN)
        p.end()


class LoanDialog(QDialog):
    def __init__(self, backend: Backend, loan_id: int,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.view: LoanView = backend.read(loan_view, loan_id=loan_id)
        v = self.view
        loan = v.loan
        self.setWindowTitle(self.tr("Loan {no}").format(no=loan.loan_no))
        self.resize(980, 640)
        last = v.standing[-1] if v.standing else None
        summary = self.tr(
            "{no}: principal {principal}, {term} months at {apr} %, {kind}; disbursed {at}. "
            "Standing {as_of}: {dpd} days past due, {category}, balance {balance}, overdue "
            "{overdue}.").format(
            no=loan.loan_no, principal=money(loan.principal), term=loan.term_months,
            apr=number(loan.apr, 2), kind=label(loan.repayment_type),
            at=datetime_text(loan.disbursed_at),
            as_of=date_text(last.as_of) if last else "-", dpd=last.dpd if last else 0,
            category=label(last.category) if last else "-",
            balance=money(last.balance) if last else "-",
            overdue=money(last.overdue_amount) if last else "-")
        self.summary = QLabel(summary, self)
        self.summary.setWordWrap(True)
        self.tabs = QTabWidget(self)
        self.schedule = _table(self, [self.tr("No."), self.tr("Due"), self.tr("Amount due (CNY)"),
                                      self.tr("Principal (CNY)"), self.tr("Paid on"),
                                      self.tr("Paid (CNY)")], [
            [str(r.instalment_no), date_text(r.due_date), number(r.due_amount, 2),
             number(r.due_principal, 2), date_text(r.paid_date), number(r.paid_amount, 2)]
            for r in v.schedule],
            red={i for i, r in enumerate(v.schedule)
                 if (last and r.due_date < last.as_of and (r.paid_date is None
                     or float(r.paid_amount) < float(r.due_amount)))})
        self.history = _table(self, [self.tr("Month"), self.tr("As of"),
                                     self.tr("Days past due"), self.tr("Category"),
                                     self.tr("Balance (CNY)"), self.tr("Overdue (CNY)")], [
            [s.month, date_text(s.as_of), str(s.dpd), label(s.category), number(s.balance, 2),
             number(s.overdue_amount, 2)] for s in v.standing])
        flagged_flows = self._flagged_flow_ids()
        chinese = QLocale().language() == QLocale.Language.Chinese
        self.flows = _table(self, [self.tr("Time"), self.tr("After disbursement"),
                                   self.tr("Direction"), self.tr("Channel"), self.tr("Amount (CNY)"),
                                   self.tr("Counterparty"), self.tr("Type"), self.tr("Merchant category")], [
            [datetime_text(f.at), self._since(f.at), label(f.direction), label(f.channel),
             number(f.amount, 2), f"{f.counterparty_masked} {f.counterparty_name}".strip(),
             label(f.counterparty_type), mcc_text(f.mcc, chinese)] for f in v.flows],
            red={i for i, f in enumerate(v.flows) if f.id in flagged_flows},
            codes=frozenset({7}))  # the merchant category code
        self.timeline = FlowTimeline(loan.disbursed_at, [
            (f.at, float(f.amount), f.id in flagged_flows) for f in v.flows
            if f.direction == "out"], self)
        flow_page = QWidget(self)
        flow_layout = QVBoxLayout(flow_page)
        flow_layout.addWidget(self.timeline)
        flow_layout.addWidget(self.flows, 1)
        self.alerts = _table(self, [self.tr("Detected"), self.tr("Warning"),
                                    self.tr("Severity"), self.tr("Evidence")], [
            [date_text(a.detected_on), a.name, label(a.severity), a.sentence] for a in v.alerts])
        self.tabs.addTab(self.schedule, self.tr("Schedule and repayments"))
        self.tabs.addTab(self.history, self.tr("Days past due by month"))
        self.tabs.addTab(flow_page, self.tr("Fund flows"))
        self.tabs.addTab(self.alerts, self.tr("Early warnings"))
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addWidget(self.tabs, 1)
        equip_window(self, self.windowTitle(), backend)  # export in the context menu (issue 28)

    def _since(self, at: datetime) -> str:
        hours = (at - self.view.loan.disbursed_at).total_seconds() / 3600
        if hours < 48:
            return self.tr("{h} h").format(h=number(hours, 1))
        return self.tr("{d} days").format(d=int(hours // 24))

    def _flagged_flow_ids(self) -> set[int]:
        """Flows a warning names (services.postloan.book decides which)."""
        return set(self.view.flagged_flows)
