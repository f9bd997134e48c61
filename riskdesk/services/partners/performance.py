"""How each partner performs, month by month, and where joint lending stands against the
regulator's limits; partners crossing the thresholds raise a partner review case.

Per partner and month: applications received, approval and flag rates of the decisions, fraud
rule hits, the bad rate of its matured loans (started at least ``SEASONED_MONTHS`` before the
month's end; bad = at least ``BAD_DPD`` days past due in the month's snapshot), complaints per
1,000 of its loans and their categories.
"""
from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from decimal import Decimal

from sqlalchemy import case, func
from sqlmodel import Session, col, select

from riskdesk.domain.applications import Application
from riskdesk.domain.cases import Case
from riskdesk.domain.complaints import Complaint
from riskdesk.domain.enums import BAD_RATE_DOUBLED, COMPLAINTS_OVER, CaseKind
from riskdesk.domain.loans import Loan, LoanSnapshot
from riskdesk.domain.partners import Partner
from riskdesk.domain.rules import RuleHit
from riskdesk.domain.scoring import DecisionRecord, ScoreRun
from riskdesk.i18n import translate
from riskdesk.services.actor import Actor
from riskdesk.services.cases.opening import open_case
from riskdesk.services.partners.register import capital_on
from riskdesk.services.periods import month_days, months_back, period
from riskdesk.services.permissions import Action, require
from riskdesk.services.reporting.monthly import case_outcomes
from riskdesk.storage.clock import utcnow

SEASONED_MONTHS = 3
BAD_DPD = 30
FRAUD_RULES = ("SHARED_DEVICE", "SHARED_PHONE", "SHARED_CARD", "MULTI_APPLY", "AGE_MISMATCH",
               "BLACKLIST")
LIMIT_ONE = 0.25  # joint loans with one partner / net tier-1 capital
LIMIT_ALL = 0.50  # joint loans with all partners / total loan balance
WARN_AT = 0.8  # internal warning at 80 % of a limit
COMPLAINTS_PER_1000 = 20.0  # a partner above this is reviewed
# The thresholds a partner review case is opened for, as its flags (the queue labels them),
# are BAD_RATE_DOUBLED and COMPLAINTS_OVER, named in domain/enums.py.


@dataclass(frozen=True)
class PartnerMonth:
    partner_id: int
    code: str
    name: str
    applications: int = 0
    decided: int = 0
    approved: int = 0
    flagged: int = 0
    fraud_hits: int = 0
    matured: int = 0
    bad: int = 0
    loans: int = 0
    complaints: int = 0
    categories: dict[str, int] = field(default_factory=dict)

    @property
    def approval_rate(self) -> float | None:
        return self.approved / self.decided if self.decided else None

    @property
    def flag_rate(self) -> float | None:
        return self.flagged / self.decided if self.decided else None

    @property
    def bad_rate(self) -> float | None:
        return self.bad / self.matured if self.matured else None

    @property
    def complaints_per_1000(self) -> float | None:
        return 1000 * self.complaints / self.loans if self.loans else None


def _month_end(month: str) -> date:
    return month_days(month)[1] - timedelta(days=1)


def performance(session: Session, actor: Actor, *, month: str,
                cut_off: datetime | None = None) -> list[PartnerMonth]:
    """Each partner's month by the one period rule, as recorded at ``cut_off`` (default now):
    the monthly report's frozen view, the same whenever it is computed again."""
    require(actor, Action.APPLICATION_VIEW)
    p = period(session, month=month, cut_off=cut_off)
    at = p.at
    names = {int(r.id or 0): (r.code, r.name)
             for r in session.exec(select(Partner).where(col(Partner.created_at) <= at)
                                   .order_by(col(Partner.code)))}
    # Counts per partner and PartnerMonth field, built complete at the end (it is frozen).
    tally: dict[int, Counter[str]] = defaultdict(Counter)
    A, D = Application, DecisionRecord
    in_month = (col(A.partner_id).is_not(None),
                p.holds(col(A.submitted_at), col(A.created_at)))
    for pid, n in session.execute(select(col(A.partner_id), func.count()).where(*in_month)
                                  .group_by(col(A.partner_id))):
        tally[int(pid)]["applications"] = int(n)
    # Each application's latest decision made by the cut-off (a later re-scoring does not
    # move a reissued report), as the monthly figures take it.
    latest = (select(func.max(D.id)).where(
        col(D.application_id).in_(select(col(A.id)).where(*in_month)), col(D.decided_at) <= at)
        .group_by(col(D.application_id)))
    for pid, outcome, n in session.execute(select(col(A.partner_id), col(D.outcome), func.count())
                                           .join(D, col(D.application_id) == col(A.id))
                                           .where(col(D.id).in_(latest))
                                           .group_by(col(A.partner_id), col(D.outcome))):
        r = tally[int(pid)]
        r["decided"] += int(n)
        if outcome == "flagged":
            r["flagged"] += int(n)
        else:
            r["approved"] += int(n)  # approved automatically
    # Approved by an officer after review: the case's decision as the audit trail had it at
    # the cut-off (final, not waiting for its checker).
    reviewed = dict(session.execute(select(col(Case.id), col(A.partner_id))
                                    .join(A, col(Case.application_id) == col(A.id))
                                    .where(*in_month, col(Case.kind) == CaseKind.PRE_LOAN.value,
                                           col(Case.created_at) <= at)).all())
    outcome_of = case_outcomes(session, case_ids=[int(c) for c in reviewed], cut_off=at)
    for case_id, pid in reviewed.items():
        if outcome_of.get(int(case_id)) == "approve":
            tally[int(pid)]["approved"] += 1
    for pid, n in session.execute(select(col(A.partner_id), func.count())
                                  .join(RuleHit, col(RuleHit.application_id) == col(A.id))
                                  .join(ScoreRun, col(ScoreRun.id) == col(RuleHit.run_id))
                                  .where(*in_month, col(RuleHit.code).in_(FRAUD_RULES),
                                         col(ScoreRun.started_at) <= at)
                                  .group_by(col(A.partner_id))):
        tally[int(pid)]["fraud_hits"] = int(n)
    seasoned = _month_end(months_back(month, SEASONED_MONTHS))
    for pid, matured, bad in session.execute(
            select(col(Loan.partner_id), func.count(),
                   func.sum(case((col(LoanSnapshot.dpd) >= BAD_DPD, 1), else_=0)))
            .join(LoanSnapshot, (col(LoanSnapshot.loan_id) == col(Loan.id))
                  & (col(LoanSnapshot.month) == month), isouter=True)
            .where(col(Loan.partner_id).is_not(None), col(Loan.start_date) <= seasoned,
                   col(Loan.created_at) <= at)
            .group_by(col(Loan.partner_id))):
        tally[int(pid)].update(matured=int(matured), bad=int(bad or 0))
    for pid, n in session.execute(select(col(Loan.partner_id), func.count()).where(
            col(Loan.partner_id).is_not(None), col(Loan.start_date) <= _month_end(month),
            col(Loan.created_at) <= at)
            .group_by(col(Loan.partner_id))):
        tally[int(pid)]["loans"] = int(n)
    cats: dict[int, Counter[str]] = defaultdict(Counter)
    for pid, category, n in session.execute(
            select(col(Complaint.partner_id), col(Complaint.category), func.count()).where(
                col(Complaint.partner_id).is_not(None),
                p.holds(col(Complaint.received_at), col(Complaint.created_at)))
            .group_by(col(Complaint.partner_id), col(Complaint.category))):
        if int(pid) in names:
            cats[int(pid)][str(category)] += int(n)
    return [PartnerMonth(pid, code, name, complaints=sum(cats[pid].values()),
                         categories=dict(sorted(cats[pid].items())), **tally[pid])
            for pid, (code, name) in names.items()]


@dataclass(frozen=True)
class JointPosition:
    day: date
    tier1: Decimal | None
    total_balance: Decimal | None
    by_partner: dict[str, Decimal]  # the bank's part of joint loans outstanding
    ratio_one: dict[str, float]  # per partner, against net tier-1 capital
    ratio_all: float | None  # all partners, against the total loan balance
    warnings: list[str]


def joint_position(session: Session, actor: Actor, *, month: str,
                   cut_off: datetime | None = None) -> JointPosition:
    """At the month's end, from its snapshot: the bank's own part of each jointly funded
    loan's balance (the partner funds its share), against the capital figures set by the
    cut-off (default now), so a reissued report shows what it first showed."""
    require(actor, Action.APPLICATION_VIEW)
    p = period(session, month=month, cut_off=cut_off)
    day = p.last_day
    by: dict[str, Decimal] = defaultdict(Decimal)
    for code, balance, share in session.execute(
            select(col(Partner.code), col(LoanSnapshot.balance), col(Loan.partner_share))
            .join(Loan, col(Loan.id) == col(LoanSnapshot.loan_id))
            .join(Partner, col(Partner.id) == col(Loan.partner_id))
            .where(col(LoanSnapshot.month) == month, col(Loan.partner_share).is_not(None),
                   col(Loan.created_at) <= p.at)):
        by[str(code)] += Decimal(str(balance)) * (1 - Decimal(str(share)) / 100)
    capital = capital_on(session, day=day, cut_off=p.at)
    ratio_one: dict[str, float] = {}
    warnings = []
    ratio_all = None
    if capital is not None:
        for code, amount in sorted(by.items()):
            ratio_one[code] = float(amount / capital.net_tier1_capital)
        ratio_all = float(sum(by.values(), Decimal(0)) / capital.total_loan_balance)
        for code, r in ratio_one.items():
            if r >= LIMIT_ONE * WARN_AT:
                warnings.append(translate(
                    "Partners", "{code}: {ratio:.1f} % of net tier-1 capital (limit {limit:.0f} "
                    "%)").format(code=code, ratio=100 * r, limit=100 * LIMIT_ONE))
        if ratio_all >= LIMIT_ALL * WARN_AT:
            warnings.append(translate(
                "Partners", "all partners: {ratio:.1f} % of the loan balance (limit {limit:.0f} "
                "%)").format(ratio=100 * ratio_all, limit=100 * LIMIT_ALL))
    return JointPosition(day, capital.net_tier1_capital if capital else None,
                         capital.total_loan_balance if capital else None, dict(by), ratio_one,
                         ratio_all, warnings)


def trend(session: Session, actor: Actor, *, month: str, months: int = 6,
          cut_off: datetime | None = None) -> dict[str, list[tuple[str, float | None]]]:
    """Each partner's bad rate over the months up to ``month``, oldest first, each as
    recorded at ``cut_off`` (default now)."""
    out: dict[str, list[tuple[str, float | None]]] = defaultdict(list)
    at = cut_off if cut_off is not None else utcnow(session)
    for back in range(months - 1, -1, -1):
        m = months_back(month, back)
        for r in performance(session, actor, month=m, cut_off=at):
            out[r.code].append((m, r.bad_rate))
    return dict(out)


def raise_review_cases(session: Session, actor: Actor, *, month: str) -> list[int]:
    """A partner whose bad rate doubled against the month before (with at least 10 matured
    loans), or whose complaints per 1,000 loans pass the threshold, gets a partner review case
    for the month (once)."""
    require(actor, Action.LOAN_MONITOR)
    now = utcnow(session)
    before = {r.partner_id: r for r in performance(session, actor, month=months_back(month, 1))}
    opened = []
    for r in performance(session, actor, month=month):
        why, breached = [], []  # the figures, and the thresholds' codes the queue labels
        prev = before.get(r.partner_id)
        if r.matured >= 10 and r.bad_rate is not None and prev is not None and \
                prev.bad_rate is not None and prev.bad_rate > 0 and \
                r.bad_rate >= 2 * prev.bad_rate:
            why.append(f"bad rate {100 * prev.bad_rate:.1f} % -> {100 * r.bad_rate:.1f} %")
            breached.append(BAD_RATE_DOUBLED)
        if (r.complaints_per_1000 or 0) >= COMPLAINTS_PER_1000:
            why.append(f"{r.complaints_per_1000:.1f} complaints per 1,000 loans")
            breached.append(COMPLAINTS_OVER)
        key = f"partner_review:{r.code}:{month}"[:64]
        if not why or session.exec(select(Case).where(col(Case.dedupe_key) == key)).first():
            continue
        case = open_case(session, actor, kind=CaseKind.PARTNER_REVIEW.value, priority=1,
                         due_at=now + timedelta(days=5), dedupe_key=key, reason="; ".join(why),
                         audit={"partner": r.code, "month": month, "why": why}, now=now,
                         application_no=r.code, applicant_name=r.name[:128],
                         flags=",".join(breached))
        opened.append(case.id or 0)
    return opened



NEAR, OVER = "near", "over"  # at 80 % of a limit (the internal warning), at or past it


def _level(value: float | None, limit: float) -> str:
    if value is None:
        return ""
    if value >= limit:
        return OVER
    return NEAR if value >= limit * WARN_AT else ""


@dataclass(frozen=True)
class PartnerStanding:
    """One partner's month with the thresholds it meets (issue 28): each ``*_level`` is "",
    NEAR (80 % of the limit) or OVER."""

    row: PartnerMonth
    previous_bad_rate: float | None
    bad_rate_doubled: bool  # >= twice last month's, with at least 10 matured loans
    bad_rate_high: bool  # >= twice all partners' pooled bad rate, at least 10 matured
    complaints_level: str  # against COMPLAINTS_PER_1000
    capital_ratio: float | None  # joint loans (bank's part) / net tier-1 capital
    capital_level: str  # against LIMIT_ONE
    lowest_share: float | None  # the lowest partner share (%) of its joint loans
    share_below_minimum: bool  # a joint loan the partner funds less than the minimum of


@dataclass(frozen=True)
class PartnerAlert:
    level: str  # NEAR or OVER
    text: str


@dataclass(frozen=True)
class PartnersPosition:
    month: str
    partners: tuple[PartnerStanding, ...]
    joint: JointPosition
    all_level: str  # all partners' joint loans against LIMIT_ALL
    minimum_share: float  # per cent
    alerts: tuple[PartnerAlert, ...]  # what the banner says, worst first


def partners_position(session: Session, actor: Actor, *, month: str,
                      cut_off: datetime | None = None) -> PartnersPosition:
    """The Partners tab's table with its thresholds, and the banner's sentences."""
    from riskdesk.services.postloan.policy import current, params

    require(actor, Action.APPLICATION_VIEW)
    rows = performance(session, actor, month=month, cut_off=cut_off)
    before = {r.partner_id: r for r in performance(session, actor, month=months_back(month, 1),
                                                   cut_off=cut_off)}
    joint = joint_position(session, actor, month=month, cut_off=cut_off)
    minimum = float(params(current(session))["joint_min_partner_share"])
    lowest = {int(pid): float(v) for pid, v in session.execute(
        select(col(Loan.partner_id), func.min(col(Loan.partner_share)))
        .where(col(Loan.partner_id).is_not(None), col(Loan.partner_share).is_not(None),
               col(Loan.start_date) <= _month_end(month))
        .group_by(col(Loan.partner_id)))}
    matured = sum(r.matured for r in rows)
    pooled = sum(r.bad for r in rows) / matured if matured else None
    out, alerts = [], []
    for r in rows:
        prev = before.get(r.partner_id)
        prev_rate = prev.bad_rate if prev is not None else None
        doubled = (r.matured >= 10 and r.bad_rate is not None and prev_rate is not None
                   and prev_rate > 0 and r.bad_rate >= 2 * prev_rate)
        ratio = joint.ratio_one.get(r.code)
        high = (r.matured >= 10 and r.bad_rate is not None and pooled is not None
                and pooled > 0 and r.bad_rate >= 2 * pooled)
        standing = PartnerStanding(
            r, prev_rate, doubled, high, _level(r.complaints_per_1000, COMPLAINTS_PER_1000), ratio,
            _level(ratio, LIMIT_ONE), lowest.get(r.partner_id),
            lowest.get(r.partner_id, 100.0) < minimum)
        out.append(standing)
        who = f"{r.code} {r.name}"
        if doubled:
            alerts.append(PartnerAlert(OVER, translate(
                "Partners", "{who}: bad rate {now} against {before} last month (doubled)")
                .format(who=who, now=_pct(r.bad_rate), before=_pct(prev_rate))))
        elif high:
            alerts.append(PartnerAlert(OVER, translate(
                "Partners", "{who}: bad rate {rate}, at least twice all partners' {pooled}")
                .format(who=who, rate=_pct(r.bad_rate), pooled=_pct(pooled))))
        if standing.complaints_level:
            alerts.append(PartnerAlert(standing.complaints_level, translate(
                "Partners", "{who}: {n} complaints per 1,000 loans (limit {limit})")
                .format(who=who, n=f"{r.complaints_per_1000:.1f}",
                        limit=f"{COMPLAINTS_PER_1000:.0f}")))
        if standing.capital_level:
            alerts.append(PartnerAlert(standing.capital_level, translate(
                "Partners", "{who}: joint loans {ratio} of net tier-1 capital (limit {limit})")
                .format(who=who, ratio=_pct(ratio), limit=_pct(LIMIT_ONE, 0))))
        if standing.share_below_minimum:
            alerts.append(PartnerAlert(OVER, translate(
                "Partners", "{who}: funds {share} of a joint loan (at least {minimum} "
                "required)").format(who=who, share=_pct((standing.lowest_share or 0) / 100, 0),
                                    minimum=_pct(minimum / 100, 0))))
    all_level = _level(joint.ratio_all, LIMIT_ALL)
    if all_level:
        alerts.append(PartnerAlert(all_level, translate(
            "Partners", "All partners: joint loans {ratio} of the loan balance (limit {limit})")
            .format(ratio=_pct(joint.ratio_all), limit=_pct(LIMIT_ALL, 0))))
    alerts.sort(key=lambda a: a.level != OVER)
    return PartnersPosition(month, tuple(out), joint, all_level, minimum, tuple(alerts))


def _pct(value: float | None, decimals: int = 1) -> str:
    """12.3 % in English, 12.3% in Chinese."""
    if value is None:
        return "-"
    return translate("Partners", "{value} %").format(value=f"{100 * value:.{decimals}f}")
