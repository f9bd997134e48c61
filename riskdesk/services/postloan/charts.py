"""The Post-loan tab's figures (issue 28): the five-category class mix by month, the overdue
buckets of a month, the vintage curves (share of each start-month cohort 30+ and 90+ days past
due by months on book) and the roll-rate matrix; and the loans behind a class, a bucket or a
roll-rate cell. All from the monthly snapshots; a month without snapshots is refused."""
from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from sqlalchemy import func
from sqlalchemy import select as sa_select  # eight columns: past sqlmodel.select's overloads
from sqlmodel import Session, col, select

from riskdesk.domain.loans import Loan, LoanSnapshot
from riskdesk.errors import InvalidInput
from riskdesk.i18n import QT_TRANSLATE_NOOP, translate
from riskdesk.services.actor import Actor
from riskdesk.services.periods import month_days, months_back
from riskdesk.services.permissions import Action, require
from riskdesk.services.postloan.book import portfolio
from riskdesk.services.postloan.policy import CATEGORIES

MIX_MONTHS = 6  # months of class mix up to the one shown
VINTAGES = 6  # start-month cohorts drawn
# (key, first day past due, last day past due or None, label)
BUCKETS: tuple[tuple[str, int, int | None, str], ...] = (
    ("current", 0, 0, QT_TRANSLATE_NOOP("PostLoan", "Current")),
    ("1-30", 1, 30, QT_TRANSLATE_NOOP("PostLoan", "1-30 days")),
    ("31-60", 31, 60, QT_TRANSLATE_NOOP("PostLoan", "31-60 days")),
    ("61-90", 61, 90, QT_TRANSLATE_NOOP("PostLoan", "61-90 days")),
    ("91-180", 91, 180, QT_TRANSLATE_NOOP("PostLoan", "91-180 days")),
    ("181+", 181, None, QT_TRANSLATE_NOOP("PostLoan", "Over 180 days")),
)


def bucket_label(key: str) -> str:
    return next(translate("PostLoan", text) for k, _, _, text in BUCKETS if k == key)


def shares_to_100(counts: list[int]) -> list[float]:
    """Percentages to one decimal that add up to exactly 100.0 (largest remainder), so a
    roll-rate row sums as it should, on the tab and in the printed report alike."""
    total = sum(counts)
    if not total:
        return [0.0] * len(counts)
    exact = [1000 * c / total for c in counts]
    floors = [int(x) for x in exact]
    short = 1000 - sum(floors)
    for i in sorted(range(len(counts)), key=lambda k: floors[k] - exact[k])[:short]:
        floors[i] += 1
    return [f / 10 for f in floors]


@dataclass(frozen=True)
class Bucket:
    key: str
    loans: int
    overdue: Decimal


@dataclass(frozen=True)
class Vintage:
    start_month: str  # the cohort: loans started in this month
    loans: int
    dpd30: tuple[float, ...]  # share 30+ days past due at months on book 1, 2, ...
    dpd90: tuple[float, ...]


@dataclass(frozen=True)
class PostLoanCharts:
    month: str
    previous: str  # the month roll rates start from
    months: tuple[str, ...]  # class mix months, oldest first (only months with data)
    mix: tuple[tuple[int, ...], ...]  # per month, loans per category in CATEGORIES order
    buckets: tuple[Bucket, ...]
    vintages: tuple[Vintage, ...]
    roll_counts: tuple[tuple[int, ...], ...]  # from category (row) -> to category (column)


@dataclass(frozen=True)
class LoanLine:
    id: int
    loan_no: str
    principal: Decimal
    start_date: date
    dpd: int
    category: str
    balance: Decimal
    overdue_amount: Decimal


def snapshot_months(session: Session) -> list[str]:
    return sorted(str(m) for m in session.scalars(select(col(LoanSnapshot.month)).distinct()))


def checked_month(session: Session, *, month: str) -> list[str]:
    """Refuses a month without loan snapshots (before the data or not yet run), naming the
    months there are; returns them."""
    month_days(month)  # refuses anything but YYYY-MM
    months = snapshot_months(session)
    if not months:
        raise InvalidInput(translate(
            "PostLoan", "There are no post-loan figures yet: import loan files and run "
            "monitoring first."))
    if month not in months:
        raise InvalidInput(translate(
            "PostLoan", "There are no post-loan figures for {month}: the data covers {first} "
            "to {last}.").format(month=month, first=months[0], last=months[-1]))
    return months


def _months_on_book(start: date, month: str) -> int:
    return (int(month[:4]) - start.year) * 12 + int(month[5:7]) - start.month


def postloan_charts(session: Session, actor: Actor, *, month: str) -> PostLoanCharts:
    require(actor, Action.APPLICATION_VIEW)
    have = checked_month(session, month=month)
    s = LoanSnapshot
    shown = [m for m in (months_back(month, b) for b in range(MIX_MONTHS - 1, -1, -1))
             if m in have]
    mix_of: dict[str, dict[str, int]] = defaultdict(dict)
    for m, category, n in session.execute(
            select(col(s.month), col(s.category), func.count())
            .where(col(s.month).in_(shown)).group_by(col(s.month), col(s.category))):
        mix_of[str(m)][str(category)] = int(n)
    buckets = []
    for key, low, high, _ in BUCKETS:
        where = [col(s.month) == month, col(s.dpd) >= low]
        if high is not None:
            where.append(col(s.dpd) <= high)
        n, due = session.execute(select(func.count(), func.sum(col(s.overdue_amount)))
                                 .where(*where)).one()
        buckets.append(Bucket(key, int(n), Decimal(str(due or 0)).quantize(Decimal("0.01"))))
    # vintages: loans by start month, their days past due in each month up to the one shown
    cohort: dict[str, int] = defaultdict(int)
    bad30: dict[str, dict[int, int]] = defaultdict(lambda: defaultdict(int))
    bad90: dict[str, dict[int, int]] = defaultdict(lambda: defaultdict(int))
    for start, m, dpd in session.execute(
            select(col(Loan.start_date), col(s.month), col(s.dpd))
            .join(Loan, col(Loan.id) == col(s.loan_id)).where(col(s.month) <= month)):
        mob = _months_on_book(start, str(m))
        if mob < 1:
            continue
        v = f"{start:%Y-%m}"
        bad30[v][mob] += int(dpd) >= 30
        bad90[v][mob] += int(dpd) >= 90
    for start, n in session.execute(select(col(Loan.start_date), func.count())
                                    .group_by(col(Loan.start_date))):
        if f"{start:%Y-%m}" <= month:
            cohort[f"{start:%Y-%m}"] += int(n)
    vintages = []
    for v in sorted(cohort)[-VINTAGES:]:
        last = _months_on_book(month_days(v)[0], month)
        n = cohort[v]
        vintages.append(Vintage(v, n, tuple(bad30[v][k] / n for k in range(1, last + 1)),
                                tuple(bad90[v][k] / n for k in range(1, last + 1))))
    book = portfolio(session, actor, month=month)
    roll = tuple(tuple(book.roll_counts.get(src, {}).get(dst, 0) for dst in CATEGORIES)
                 for src in CATEGORIES)
    return PostLoanCharts(month, book.previous, tuple(shown),
                          tuple(tuple(mix_of[m].get(c, 0) for c in CATEGORIES) for m in shown),
                          tuple(buckets), tuple(vintages), roll)


def loans_in(session: Session, actor: Actor, *, month: str, category: str | None = None,
             bucket: str | None = None, rolled_from: str | None = None,
             limit: int = 1000) -> tuple[LoanLine, ...]:
    """The loans behind a figure of ``month``: those in ``category`` (with ``rolled_from``,
    those that were in that class the month before: one roll-rate cell), or in ``bucket``."""
    require(actor, Action.APPLICATION_VIEW)
    checked_month(session, month=month)
    s = LoanSnapshot
    q = (sa_select(col(Loan.id), col(Loan.loan_no), col(Loan.principal), col(Loan.start_date),
                col(s.dpd), col(s.category), col(s.balance), col(s.overdue_amount))
         .join(Loan, col(Loan.id) == col(s.loan_id)).where(col(s.month) == month))
    for value in (category, rolled_from):
        if value is not None and value not in CATEGORIES:
            raise InvalidInput(translate("PostLoan", "Unknown loan class: {value}.")
                               .format(value=value))
    if category is not None:
        q = q.where(col(s.category) == category)
    if rolled_from is not None:
        before = select(col(LoanSnapshot.loan_id)).where(
            col(LoanSnapshot.month) == months_back(month, 1),
            col(LoanSnapshot.category) == rolled_from)
        q = q.where(col(s.loan_id).in_(before))
    if bucket is not None:
        found = [(low, high) for key, low, high, _ in BUCKETS if key == bucket]
        if not found:
            raise InvalidInput(translate("PostLoan", "Unknown overdue bucket: {value}.")
                               .format(value=bucket))
        low, high = found[0]
        q = q.where(col(s.dpd) >= low)
        if high is not None:
            q = q.where(col(s.dpd) <= high)
    q = q.order_by(col(s.dpd).desc(), col(Loan.loan_no)).limit(limit)
    return tuple(LoanLine(int(i), str(no), Decimal(str(p)), start, int(d), str(c),
                          Decimal(str(b)), Decimal(str(o)))
                 for i, no, p, start, d, c, b, o in session.execute(q))
