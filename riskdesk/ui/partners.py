"""The Partners tab: the register with its due-diligence state and review dates (overdue in
red), each partner's month, and the joint-lending ratios. Compliance registers partners,
records checks with their evidence and changes a partner's status, each with a reason."""
from __future__ import annotations

from typing import Any

from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDateEdit,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableWidget,
    QVBoxLayout,
    QWidget,
)

from riskdesk.domain.enums import label
from riskdesk.i18n import translate
from riskdesk.services.admin.backend import Backend, call
from riskdesk.services.partners import register as partners
from riskdesk.services.partners.performance import (
    NEAR,
    OVER,
    PartnersPosition,
    partners_position,
    trend,
)
from riskdesk.services.periods import current_month
from riskdesk.services.permissions import Action, allowed
from riskdesk.ui.charts import PALETTE, LineChart, Series, share_ticks
from riskdesk.ui.dialogs import Dialogs
from riskdesk.ui.fit import fit_combos
from riskdesk.ui.formats import (
    clock_today,
    date_format,
    date_text,
    list_sep,
    local_today,
    number,
    percent,
)
from riskdesk.ui.month_picker import MonthPicker
from riskdesk.ui.operations import reads_op, write_op
from riskdesk.ui.table_fill import fill_table

OVERDUE = QColor("#a01010")
# a threshold passed (red) or at 80 % of it (amber), as the queue marks due times
LEVEL_COLORS = {OVER: QColor("#f4c7c3"), NEAR: QColor("#fce8b2")}
# performance table columns
BAD_RATE, COMPLAINTS, CAPITAL, LOWEST_SHARE = 6, 7, 8, 9


class PartnersTab(QWidget):
    def __init__(self, backend: Backend, dialogs: Dialogs,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.backend, self.dialogs = backend, dialogs
        self.actor = actor = backend.actor
        self.partner_rows: list[partners.PartnerRow] = []
        self.position: PartnersPosition | None = None
        self.month = MonthPicker(backend.lookup(current_month), self)
        self.month.monthChanged.connect(lambda _m: self.reload())
        fit_combos(self.month.year_box, self.month.month_box)
        self.banner = QLabel(self)
        self.banner.setWordWrap(True)
        self.banner.setVisible(False)
        self.trend_chart = LineChart(self.tr("Bad rate by partner, last six months"), self)
        show = QPushButton(self.tr("Show"), self)
        show.clicked.connect(self.reload)
        self.register_table = QTableWidget(0, 6, self)
        self.register_table.setHorizontalHeaderLabels([
            self.tr("Code"), self.tr("Name"), self.tr("Kind"), self.tr("Status"),
            self.tr("Due diligence"), self.tr("Next review")])
        self.performance_table = QTableWidget(0, 10, self)
        self.performance_table.setHorizontalHeaderLabels([
            self.tr("Partner"), self.tr("Applications"), self.tr("Approval rate"),
            self.tr("Flag rate"), self.tr("Fraud hits"), self.tr("Matured loans"),
            self.tr("Bad rate"), self.tr("Complaints per 1,000 loans"),
            self.tr("Of tier-1 capital"), self.tr("Lowest share")])
        for t in (self.register_table, self.performance_table):
            t.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
            t.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
            t.horizontalHeader().setStretchLastSection(True)
        self.joint = QLabel(self)
        self.joint.setWordWrap(True)
        # compliance's controls
        self.code, self.name = QLineEdit(self), QLineEdit(self)
        self.code.setPlaceholderText(self.tr("Code"))
        self.name.setPlaceholderText(self.tr("Name"))
        self.kind = QComboBox(self)
        for k in partners.KINDS:
            self.kind.addItem(label(k), k)
        self.item = QComboBox(self)
        for key, text in partners.CHECKLIST.items():
            self.item.addItem(translate("Partners", text), key)
        self.passed = QCheckBox(self.tr("Passed"), self)
        self.evidence = QLineEdit(self)
        self.evidence.setPlaceholderText(self.tr("Evidence (documents, dates)"))
        self.review_due = QDateEdit(clock_today().addYears(1), self)
        self.review_due.setDisplayFormat(date_format())
        self.review_due.setCalendarPopup(True)
        self.status = QComboBox(self)
        for st in partners.STATUSES:
            self.status.addItem(label(st), st)
        self.reason = QLineEdit(self)
        self.reason.setPlaceholderText(self.tr("Reason"))
        self.buttons = {key: QPushButton(text, self) for key, text in (
            ("register", self.tr("Register partner")), ("check", self.tr("Record check")),
            ("status", self.tr("Set status")))}
        self.buttons["register"].clicked.connect(self.register)
        self.buttons["check"].clicked.connect(self.record_check)
        self.buttons["status"].clicked.connect(self.set_status)
        manage = allowed(actor, Action.PARTNER_MANAGE)
        for b in self.buttons.values():
            b.setEnabled(manage)
        grid = QGridLayout()
        for col_, w in enumerate((self.code, self.name, self.kind, self.buttons["register"])):
            grid.addWidget(w, 0, col_)
        for col_, w in enumerate((self.item, self.passed, self.evidence, self.review_due,
                                  self.buttons["check"])):
            grid.addWidget(w, 1, col_)
        for col_, w in enumerate((self.status, self.reason, self.buttons["status"])):
            grid.addWidget(w, 2, col_)
        top = QHBoxLayout()
        top.addWidget(QLabel(self.tr("Month"), self))
        top.addWidget(self.month)
        top.addWidget(show)
        top.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.banner)
        register = QVBoxLayout()
        register.addWidget(QLabel(self.tr("Register"), self))
        register.addWidget(self.register_table, 1)
        upper = QHBoxLayout()
        upper.addLayout(register, 1)
        upper.addWidget(self.trend_chart, 1)
        layout.addLayout(upper, 1)
        layout.addLayout(grid)
        layout.addWidget(QLabel(self.tr("Performance in the month"), self))
        layout.addWidget(self.performance_table, 1)
        layout.addWidget(self.joint)
        self.reload()

    def reload(self) -> None:
        month = self.month.text().strip()
        reads_op(self, call(partners.listing), call(partners_position, month=month),
                 call(trend, month=month), title=self.tr("Not shown"), on_done=self._show)

    def _show(self, found: tuple[Any, ...]) -> None:
        listing, position, trends = found
        self.position = position
        joint = position.joint
        self.partner_rows = listing
        today = local_today()
        fill_table(self.register_table, [
            [p.code, p.name, label(p.kind), label(p.status),
             f"{p.checks_passed}/{len(p.checks)}",
             date_text(p.next_review) or "-"]
            for p in self.partner_rows],
            red={i for i, p in enumerate(self.partner_rows)
                 if p.next_review and p.next_review < today}, color=OVERDUE)
        fill_table(self.performance_table, [
            [f"{r.code} {r.name}", number(r.applications), percent(r.approval_rate),
             percent(r.flag_rate), number(r.fraud_hits), number(r.matured),
             percent(r.bad_rate), number(r.complaints_per_1000, 1) or "-",
             percent(p.capital_ratio) if p.capital_ratio is not None else "-",
             percent(p.lowest_share / 100, 0) if p.lowest_share is not None else "-"]
            for p in position.partners for r in (p.row,)])
        self._highlight(position)
        months = sorted({m for points in trends.values() for m, _ in points})
        self.trend_chart.set_data(months, [
            Series(code, tuple(dict(points).get(m) for m in months),
                   PALETTE[(k + 5) % len(PALETTE)] if k < 3 else PALETTE[k - 3])
            for k, (code, points) in enumerate(sorted(trends.items()))],
            x_title=self.tr("Month"), y_title=self.tr("Bad rate"),
            value_text=lambda v: percent(v, share_ticks(v)),
            empty_text=self.tr("No matured partner loans yet"))
        self._banner(position)
        if joint.tier1 is None:
            self.joint.setText(self.tr("Joint lending: no capital figures set."))
        else:
            ratios = list_sep().join(f"{c} {percent(v)}" for c, v in joint.ratio_one.items())
            self.joint.setText(self.tr(
                "Joint lending at {day}: against net tier-1 capital {ratios} (limit 25 % "
                "each); all partners {all} of the loan balance (limit 50 %).").format(
                day=date_text(joint.day), ratios=ratios or "-", all=percent(joint.ratio_all)))

    def _highlight(self, position: PartnersPosition) -> None:
        """Cells past a threshold red, at its 80 % warning amber; the tooltip says which."""
        for r, p in enumerate(position.partners):
            marks = (
                (BAD_RATE, OVER if p.bad_rate_doubled or p.bad_rate_high else "",
                 self.tr("Bad rate at least twice last month's or all partners'")),
                (COMPLAINTS, p.complaints_level,
                 self.tr("Limit: 20 complaints per 1,000 loans; warning at 80 %")),
                (CAPITAL, p.capital_level,
                 self.tr("Limit: 25 % of net tier-1 capital per partner; warning at 80 %")),
                (LOWEST_SHARE, OVER if p.share_below_minimum else "",
                 self.tr("The partner must fund at least {minimum} % of each joint loan")
                 .format(minimum=number(position.minimum_share, 0))))
            for column, level, why in marks:
                item = self.performance_table.item(r, column)
                if item is not None and level:
                    item.setBackground(LEVEL_COLORS[level])
                    item.setForeground(QColor("#000000"))
                    item.setToolTip(why)

    def _banner(self, position: PartnersPosition) -> None:
        if not position.alerts:
            self.banner.setVisible(False)
            return
        over = any(a.level == OVER for a in position.alerts)
        said = self.tr("; ").join(a.text for a in position.alerts)
        self.banner.setText(self.tr("Limit passed: {alerts}").format(alerts=said) if over else
                            self.tr("Limit near (80 % reached): {alerts}").format(alerts=said))
        color = "#f4c7c3" if over else "#fce8b2"
        self.banner.setStyleSheet(f"background: {color}; color: #000000; padding: 6px; "
                                  "border-radius: 3px;")
        self.banner.setVisible(True)

    def _selected(self) -> partners.PartnerRow | None:
        row = self.register_table.currentRow()
        if not 0 <= row < len(self.partner_rows):
            self.dialogs.error(self, self.tr("Not saved"), self.tr("Select a partner first."))
            return None
        return self.partner_rows[row]

    def _run(self, fn: Any, *args: Any, **kw: Any) -> None:
        if write_op(self, fn, *args, title=self.tr("Not saved"), **kw):
            self.reload()

    def register(self) -> None:
        self._run(partners.register, code=self.code.text(), name=self.name.text(),
                  kind=str(self.kind.currentData()))

    def record_check(self) -> None:
        p = self._selected()
        if p is not None:
            due = self.review_due.date().toPython()
            self._run(partners.record_check, partner_id=p.id, item=str(self.item.currentData()),
                      passed=self.passed.isChecked(), evidence=self.evidence.text(),
                      review_due=due)

    def set_status(self) -> None:
        p = self._selected()
        if p is not None:
            self._run(partners.set_status, partner_id=p.id, version=p.version,
                      status=str(self.status.currentData()),
                      reason=self.reason.text())
