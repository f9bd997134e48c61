"""Reading post-loan data: one loan as its case shows it (schedule, repayments, standing by
month, flows, alerts with evidence) and the portfolio by category with its roll rates."""
from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, fields
from datetime import date, datetime
from decimal import Decimal
from typing import Any, TypeVar

from sqlalchemy import func
from sqlmodel import Session, col, select

from riskdesk.domain.loans import (
    FundFlow,
    Loan,
    LoanAlert,
    LoanSnapshot,
    MonitoringRun,
    Repayment,
)
from riskdesk.errors import NotFound
from riskdesk.i18n import translate
from riskdesk.services.actor import Actor
from riskdesk.services.periods import month_days, months_back, period
from riskdesk.services.permissions import Action, require
from riskdesk.services.postloan.policy import CATEGORIES

T = TypeVar("T")


@dataclass(frozen=True)
class AlertRow:
    code: str
    name: str
    severity: str
    detected_on: date
    sentence: str


def _alert_row(a: LoanAlert) -> AlertRow:
    # The monitoring run's module (and pandas with it) loads with the first alert shown,
    # not with the Post-loan tab (issue 35).
    from riskdesk.services.postloan.monitoring import alert_name, alert_sentence

    return AlertRow(a.code, alert_name(a.code), a.severity, a.detected_on,
                    alert_sentence(a.code, a.detail))


@dataclass(frozen=True)
class LoanTerms:
    id: int
    loan_no: str
    application_id: int | None
    principal: Decimal
    disbursed_at: datetime
    term_months: int
    apr: Decimal
    repayment_type: str


@dataclass(frozen=True)
class Instalment:
    instalment_no: int
    due_date: date
    due_amount: Decimal
    due_principal: Decimal
    paid_date: date | None
    paid_amount: Decimal


@dataclass(frozen=True)
class Flow:
    id: int
    at: datetime
    amount: Decimal
    direction: str
    channel: str
    counterparty_masked: str
    counterparty_name: str
    counterparty_type: str
    mcc: str


@dataclass(frozen=True)
class Standing:
    month: str
    as_of: date
    dpd: int
    category: str
    balance: Decimal
    overdue_amount: Decimal


@dataclass(frozen=True)
class LoanView:
    """One loan as its window shows it (frozen read models, not the rows)."""

    loan: LoanTerms
    schedule: tuple[Instalment, ...]
    flows: tuple[Flow, ...]
    standing: tuple[Standing, ...]  # by month, oldest first: the DPD history
    alerts: tuple[AlertRow, ...] = ()
    alert_keys: tuple[str, ...] = ()  # what each warning was keyed on
    flagged_flows: frozenset[int] = frozenset()  # the flows a warning names (drawn red)


def _copy(kind: type[T], row: Any) -> T:
    return kind(**{f.name: getattr(row, f.name) for f in fields(kind)})  # type: ignore[arg-type]


def loan_view(session: Session, actor: Actor, *, loan_id: int) -> LoanView:
    require(actor, Action.APPLICATION_VIEW)
    loan = session.get(Loan, loan_id)
    if loan is None:
        raise NotFound(translate("Loans", "There is no loan {id}.").format(id=loan_id))
    schedule = session.exec(select(Repayment).where(col(Repayment.loan_id) == loan_id)
                            .order_by(col(Repayment.instalment_no))).all()
    flows = session.exec(select(FundFlow).where(col(FundFlow.loan_id) == loan_id)
                         .order_by(col(FundFlow.at))).all()
    standing = session.exec(select(LoanSnapshot).where(col(LoanSnapshot.loan_id) == loan_id)
                            .order_by(col(LoanSnapshot.month))).all()
    rows = list(session.exec(select(LoanAlert).where(col(LoanAlert.loan_id) == loan_id)
                             .order_by(col(LoanAlert.id))))
    keys = [a.trigger_key for a in rows]
    return LoanView(_copy(LoanTerms, loan), tuple(_copy(Instalment, r) for r in schedule),
                    tuple(_copy(Flow, f) for f in flows),
                    tuple(_copy(Standing, x) for x in standing),
                    tuple(_alert_row(a) for a in rows), tuple(keys),
                    frozenset(_flagged_flows(flows, keys)))


def _flagged_flows(flows: Sequence[FundFlow], keys: list[str]) -> set[int]:
    """Flows named by a warning's key ("flow:<id>") or, for proceeds moved out at once,
    those to the account the warning names within its hours."""
    out = {int(key[5:]) for key in keys if key.startswith("flow:")}
    out |= {f.id or 0 for f in flows
            if f.counterparty_hash and any(f.counterparty_hash[:32] == key for key in keys)}
    return out


def loan_id_of_application(session: Session, *, application_id: int) -> int | None:
    return session.scalar(select(col(Loan.id)).where(col(Loan.application_id) == application_id))


def case_alerts(session: Session, actor: Actor, *, case_id: int) -> list[AlertRow]:
    """The evidence a post-loan case was raised or updated with."""
    require(actor, Action.APPLICATION_VIEW)
    return [_alert_row(a)
            for a in session.exec(select(LoanAlert).where(col(LoanAlert.case_id) == case_id)
                                  .order_by(col(LoanAlert.id)))]


@dataclass(frozen=True)
class Portfolio:
    month: str
    loans: dict[str, int]  # category -> loans
    balance: dict[str, Decimal]  # category -> principal outstanding
    overdue: dict[str, Decimal]  # category -> amount overdue
    previous: str  # the month the roll rates start from
    # from category -> to category -> share of the loans (each row sums to 1)
    roll: dict[str, dict[str, float]]
    roll_counts: dict[str, dict[str, int]]

    @property
    def total_loans(self) -> int:
        return sum(self.loans.values())

    @property
    def total_balance(self) -> Decimal:
        return sum(self.balance.values(), Decimal(0))

    @property
    def npl_ratio(self) -> float | None:
        """Non-performing (substandard, doubtful, loss) balance over all balance."""
        total = self.total_balance
        bad = sum((self.balance[c] for c in CATEGORIES[2:]), Decimal(0))
        return float(bad / total) if total else None


def portfolio(session: Session, actor: Actor, *, month: str) -> Portfolio:
    """From the month's snapshots (each loan as its latest run in the month saw it)."""
    require(actor, Action.APPLICATION_VIEW)
    month_days(month)  # refuses anything but YYYY-MM
    s = LoanSnapshot
    loans = {c: 0 for c in CATEGORIES}
    balance = {c: Decimal(0) for c in CATEGORIES}
    overdue = {c: Decimal(0) for c in CATEGORIES}
    for category, n, bal, due in session.execute(
            select(col(s.category), func.count(), func.sum(col(s.balance)),
                   func.sum(col(s.overdue_amount)))
            .where(col(s.month) == month).group_by(col(s.category))):
        loans[str(category)] = int(n)
        balance[str(category)] = Decimal(str(bal or 0)).quantize(Decimal("0.01"))
        overdue[str(category)] = Decimal(str(due or 0)).quantize(Decimal("0.01"))
    previous = months_back(month, 1)
    now = LoanSnapshot.__table__.alias("now_")  # type: ignore[attr-defined]
    before = LoanSnapshot.__table__.alias("before_")  # type: ignore[attr-defined]
    counts: dict[str, Counter[str]] = defaultdict(Counter)
    for src, dst, n in session.execute(
            select(before.c.category, now.c.category, func.count())
            .select_from(before.join(now, before.c.loan_id == now.c.loan_id))
            .where(before.c.month == previous, now.c.month == month)
            .group_by(before.c.category, now.c.category)):
        counts[str(src)][str(dst)] += int(n)
    roll = {src: {dst: counts[src][dst] / sum(counts[src].values()) for dst in CATEGORIES}
            for src in CATEGORIES if counts[src]}
    return Portfolio(month, loans, balance, overdue, previous, roll,
                     {src: {dst: counts[src][dst] for dst in CATEGORIES}
                      for src in CATEGORIES if counts[src]})


@dataclass(frozen=True)
class PostLoanFigures:
    portfolio: Portfolio
    alerts: dict[str, int]  # early warnings raised in the month, by rule
    cases_opened: int
    runs: int
    last_run: date | None


def postloan_figures(session: Session, actor: Actor, *, month: str, cut_off: datetime,
                     ) -> PostLoanFigures:
    """The monthly report's post-loan section: the month's snapshot (closed once the month's
    report is issued, see services.postloan.monitoring) and the warnings of runs finished by the
    cut-off."""
    require(actor, Action.APPLICATION_VIEW)
    p = period(session, month=month, cut_off=cut_off)
    runs = session.exec(select(MonitoringRun).where(
        p.days(col(MonitoringRun.as_of), col(MonitoringRun.finished_at)),
        col(MonitoringRun.finished_at).is_not(None))).all()
    ids = [r.id for r in runs]
    alerts: dict[str, int] = {}
    opened = 0
    if ids:
        alerts = {str(c): int(n) for c, n in session.execute(
            select(col(LoanAlert.code), func.count()).where(col(LoanAlert.run_id).in_(ids))
            .group_by(col(LoanAlert.code)))}
        opened = sum(r.cases_opened for r in runs)
    return PostLoanFigures(portfolio(session, actor, month=month), dict(sorted(alerts.items())),
                           opened, len(runs), max((r.as_of for r in runs), default=None))
