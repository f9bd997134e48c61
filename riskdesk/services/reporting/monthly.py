"""The monthly compliance figures, frozen at a cut-off: only what existed at the cut-off
counts (applications created, decisions made, audit events written by then), so computing them
again later with the same cut-off gives the same numbers.

The month and the cut-off follow the one rule of :mod:`riskdesk.services.periods`.
"""
from __future__ import annotations

import json
import statistics
from collections import Counter
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import func, select
from sqlmodel import Session, col

from riskdesk.domain.applications import Application
from riskdesk.domain.audit import AuditEvent
from riskdesk.domain.cases import Case
from riskdesk.domain.enums import Band, DecisionOutcome
from riskdesk.domain.feed import FeedAck, FeedRecord
from riskdesk.domain.scoring import DecisionRecord
from riskdesk.services.actor import Actor
from riskdesk.services.feed.files import warn_hours
from riskdesk.services.periods import Period, period
from riskdesk.services.permissions import Action, require
from riskdesk.services.rings.views import ring_counts

CHECKS = ("case.check.confirm", "case.check.send_back")
CEILINGS = ("COST_CEILING", "AMOUNT_CEILING")
APR_BANDS = ((24.0, "<= 24 %"), (36.0, "24-36 %"), (float("inf"), "> 36 %"))


@dataclass(frozen=True)
class Override:
    case_id: int
    maker: str
    made_at: datetime
    checker: str | None  # None: still waiting at the cut-off
    outcome: str | None  # confirmed / sent back


@dataclass(frozen=True)
class Reclassification:
    """A loan's five-category class set above its days-past-due floor (a post-loan action
    confirmed by a second person, services/cases/postloan_actions.py): an exception to the
    floor, listed in the report (issue 26)."""
    case_id: int
    loan_no: str
    floor: str
    category: str
    maker: str
    checker: str
    at: datetime  # confirmed
    reason: str


@dataclass(frozen=True)
class MonthlyFigures:
    month: str
    start: datetime
    end: datetime
    cut_off: datetime
    zone: str = "UTC"
    received: int = 0
    decided: int = 0
    flagged: int = 0
    auto_approved: int = 0
    by_rule: dict[str, int] = field(default_factory=dict)  # applications flagged per trigger
    # Triggers that fired on applications approved automatically (low severity only).
    auto_by_rule: dict[str, int] = field(default_factory=dict)
    # Automatic decisions by score band: band -> (approved automatically, flagged).
    by_band: dict[str, tuple[int, int]] = field(default_factory=dict)
    pd_bins: list[tuple[str, int]] = field(default_factory=list)  # decisions by PD band
    # Officer decisions made final this month (no check needed, or confirmed by the checker).
    officer_decisions: dict[str, int] = field(default_factory=dict)  # approve/decline/...
    awaiting_check: int = 0  # made this month, still waiting for the checker at the cut-off
    overrides: list[Override] = field(default_factory=list)
    hours_to_decision: list[float] = field(default_factory=list)
    sla_breaches: int = 0  # decided after the due time, or still open past it at the cut-off
    # Applications over the cost or amount ceiling: (rule, APR band, outcome) -> applications.
    ceilings: dict[tuple[str, str, str], int] = field(default_factory=dict)
    audit_head_seq: int = 0
    audit_head_hash: str = ""
    # Loans classed above their days-past-due floor, confirmed this month (issue 26).
    reclassified: list[Reclassification] = field(default_factory=list)
    # Decision-feed records of the month origination had not acknowledged by the cut-off,
    # though older than the warning time then (issue 29); 0 lines nothing up.
    feed_unacknowledged: int = 0
    feed_warn_hours: int = 2
    # Fraud rings found (first kept), confirmed and closed in the month (issue 33).
    rings: dict[str, int] = field(default_factory=dict)

    @property
    def flag_rate(self) -> float | None:
        return self.flagged / self.decided if self.decided else None

    @property
    def median_hours(self) -> float | None:
        return statistics.median(self.hours_to_decision) if self.hours_to_decision else None

    @property
    def p90_hours(self) -> float | None:
        h = sorted(self.hours_to_decision)
        return h[min(len(h) - 1, int(0.9 * len(h)))] if h else None


def monthly_figures(session: Session, actor: Actor, *, month: str,
                    cut_off: datetime) -> MonthlyFigures:
    require(actor, Action.APPLICATION_VIEW)
    p = period(session, month=month, cut_off=cut_off)
    apps = select(col(Application.id)).where(
        p.holds(col(Application.submitted_at), col(Application.created_at)))
    received = int(session.scalar(select(func.count()).select_from(apps.subquery())) or 0)
    # Each application's latest decision made by the cut-off.
    latest = (select(func.max(DecisionRecord.id)).where(
        col(DecisionRecord.application_id).in_(apps), col(DecisionRecord.decided_at) <= cut_off)
        .group_by(col(DecisionRecord.application_id)))
    flags: Counter[str] = Counter()
    auto_flags: Counter[str] = Counter()
    bands: dict[str, list[int]] = {b.value: [0, 0] for b in Band}
    bins = Counter[int]()
    over: list[tuple[int, str]] = []  # (application, flags) over a ceiling
    decided = flagged = auto_approved = 0
    for app_id, outcome, fired, pd_, band in session.execute(
            select(col(DecisionRecord.application_id), col(DecisionRecord.outcome),
                   col(DecisionRecord.flags), col(DecisionRecord.pd), col(DecisionRecord.band))
            .where(col(DecisionRecord.id).in_(latest))):
        decided += 1
        bands.setdefault(str(band), [0, 0])[outcome == DecisionOutcome.FLAGGED] += 1
        if any(c in (fired or "").split(",") for c in CEILINGS):
            over.append((int(app_id), fired or ""))
        bins[min(int(float(pd_) * 20), 9)] += 1  # 5-point bands, the last one open
        if outcome == DecisionOutcome.FLAGGED:
            flagged += 1
            flags.update(c for c in (fired or "").split(",") if c)
        elif outcome == DecisionOutcome.AUTO_APPROVE:
            auto_approved += 1
            auto_flags.update(c for c in (fired or "").split(",") if c)
    officer = _officer_steps(session, p, cut_off)
    unacknowledged, warn_hours = feed_late(session, start=p.start, end=p.end, cut_off=cut_off)
    head = session.execute(select(col(AuditEvent.seq), col(AuditEvent.hash)).where(
        col(AuditEvent.at) <= cut_off).order_by(col(AuditEvent.seq).desc()).limit(1)).first()
    return MonthlyFigures(
        month, p.start, p.end, cut_off, p.zone, received=received, decided=decided,
        flagged=flagged, auto_approved=auto_approved, by_rule=dict(sorted(flags.items())),
        auto_by_rule=dict(sorted(auto_flags.items())),
        by_band={b: (n[0], n[1]) for b, n in bands.items()},
        pd_bins=[(f"{5 * b}-{5 * b + 5}%" if b < 9 else "45%+", bins[b]) for b in range(10)],
        officer_decisions=officer.decisions, awaiting_check=officer.awaiting_check,
        overrides=officer.overrides, hours_to_decision=officer.hours_to_decision,
        sla_breaches=officer.sla_breaches, ceilings=_ceilings(session, cut_off, over),
        audit_head_seq=int(head[0]) if head is not None else 0,
        audit_head_hash=str(head[1]) if head is not None else "",
        reclassified=reclassifications(session, p=p), feed_unacknowledged=unacknowledged,
        feed_warn_hours=warn_hours, rings=ring_counts(session, start=p.start,
                          end=min(p.end, cut_off)))


def feed_late(session: Session, *, start: datetime, end: datetime,
              cut_off: datetime) -> tuple[int, int]:
    """Feed records made final in the month, older than the warning time at the cut-off and
    not acknowledged by then (issue 29): (records, warning hours)."""
    hours = warn_hours(session)
    acked = select(col(FeedAck.seq)).where(col(FeedAck.seq) == col(FeedRecord.seq),
                                           col(FeedAck.acknowledged_at) <= cut_off)
    late = session.scalar(select(func.count()).select_from(FeedRecord).where(
        col(FeedRecord.final_at) >= start, col(FeedRecord.final_at) < end,
        col(FeedRecord.final_at) <= cut_off - timedelta(hours=hours), ~acked.exists()))
    return int(late or 0), hours


def reclassifications(session: Session, *, p: Period) -> list[Reclassification]:
    """The period's confirmed reclassifications above the floor, from the trail as it was at
    the cut-off (the maker's reason from the maker's event)."""
    out = []
    for entity, who, at, after in session.execute(select(
            col(AuditEvent.entity_id), col(AuditEvent.actor), col(AuditEvent.at),
            col(AuditEvent.after)).where(
            col(AuditEvent.entity_type) == "case",
            col(AuditEvent.action) == "case.postloan.confirm",
            p.holds(col(AuditEvent.at))).order_by(col(AuditEvent.seq))):
        data: dict[str, Any] = json.loads(after) if after else {}
        if data.get("decision") != "reclassify":
            continue
        made = session.execute(select(col(AuditEvent.after)).where(
            col(AuditEvent.entity_type) == "case", col(AuditEvent.entity_id) == entity,
            col(AuditEvent.action) == "case.postloan", col(AuditEvent.at) <= at)
            .order_by(col(AuditEvent.seq).desc()).limit(1)).scalar()
        maker_reason = str(json.loads(made).get("reason") or "") if made else ""
        out.append(Reclassification(int(entity), str(data.get("loan") or ""),
                                    str(data.get("floor") or ""),
                                    str(data.get("category") or ""),
                                    str(data.get("maker") or ""), str(who), at, maker_reason))
    return out


@dataclass
class _Steps:
    """The period's decisions and checks as the trail had them at the cut-off."""
    finals: list[tuple[int, str, datetime]] = field(default_factory=list)  # case, decision, at
    overrides: list[Override] = field(default_factory=list)  # checked this period
    waiting: dict[int, Override] = field(default_factory=dict)  # made, unchecked at cut-off


def _steps(session: Session, p: Period) -> _Steps:
    """One walk over the period's ``case.decide`` and check events, for the monthly figures
    and for monitoring's override rate: a decision is final when made if it needed no check,
    when the checker confirmed it otherwise (possibly a month after it was made)."""
    events = session.execute(select(
        col(AuditEvent.entity_id), col(AuditEvent.action), col(AuditEvent.actor),
        col(AuditEvent.at), col(AuditEvent.after)).where(
        col(AuditEvent.entity_type) == "case",
        col(AuditEvent.action).in_(("case.decide", *CHECKS)),
        p.holds(col(AuditEvent.at))).order_by(col(AuditEvent.seq))).all()
    # A check this month may confirm a decision made in an earlier month.
    earlier = _pending_before(session, p, {int(e) for e, a, *_ in events if a in CHECKS})
    out = _Steps()
    pending: dict[int, str] = {}
    for entity, action, who, at, after in events:
        data: dict[str, Any] = json.loads(after) if after else {}
        case_id = int(entity)
        if action == "case.decide":
            if data.get("status") == "awaiting_check":
                out.waiting[case_id] = Override(case_id, who, at, None, None)
                pending[case_id] = str(data.get("decision") or "")
            elif data.get("status") == "decided":
                out.finals.append((case_id, str(data.get("decision") or ""), at))
        else:
            confirmed = action == "case.check.confirm"
            decision = pending.pop(case_id, None)
            made = out.waiting.pop(case_id, None)
            if made is None and case_id in earlier:
                made, decision = earlier[case_id]
            if made is not None:
                out.overrides.append(Override(case_id, made.maker, made.made_at, who,
                                              "confirmed" if confirmed else "sent_back"))
            if confirmed:
                out.finals.append((case_id, decision or "approve", at))
    return out


def final_decisions(session: Session, *, p: Period) -> dict[int, str]:
    """Each case whose decision became final in the period, with that decision."""
    return {case_id: decision for case_id, decision, _ in _steps(session, p).finals}


@dataclass(frozen=True)
class _OfficerSteps:
    """The officer-decision part of :class:`MonthlyFigures`, computed apart."""
    decisions: dict[str, int]
    awaiting_check: int
    overrides: list[Override]
    hours_to_decision: list[float]
    sla_breaches: int


def _officer_steps(session: Session, p: Period, cut_off: datetime) -> _OfficerSteps:
    """Decisions, overrides and their checks, from the audit trail (what was recorded by the
    cut-off is what happened); time to decision from each case's opening.

    A decision counts in the month it became final (:func:`_steps`). One still waiting for its
    checker at the cut-off counts apart (:attr:`MonthlyFigures.awaiting_check`), never as a
    decision."""
    steps = _steps(session, p)
    counts = Counter(decision for _, decision, _ in steps.finals)
    final = {case_id: at for case_id, _, at in steps.finals}
    hours: list[float] = []
    breaches = 0
    if final:
        rows = session.execute(select(col(Case.id), col(Case.created_at), col(Case.due_at)).where(
            col(Case.id).in_(list(final)))).all()
        for case_id, created, due in rows:
            done = final[case_id]
            hours.append(round((done - created) / timedelta(hours=1), 2))
            breaches += done > due
    # Opened this month, past due at the cut-off, and not decided by then (per the trail).
    overdue = set(session.scalars(select(col(Case.id)).where(
        p.holds(col(Case.created_at)), col(Case.due_at) < p.at)))
    if overdue:
        decided_by_then = {
            int(entity) for entity, after in session.execute(
                select(col(AuditEvent.entity_id), col(AuditEvent.after)).where(
                    col(AuditEvent.entity_type) == "case",
                    col(AuditEvent.action).in_(("case.decide", *CHECKS)),
                    col(AuditEvent.at) <= cut_off))
            if json.loads(after or "{}").get("status") == "decided"}
        breaches += len(overdue - decided_by_then - set(final))
    return _OfficerSteps(dict(sorted(counts.items())), len(steps.waiting),
                         steps.overrides + list(steps.waiting.values()), hours, breaches)


def _pending_before(session: Session, p: Period,
                    case_ids: set[int]) -> dict[int, tuple[Override, str]]:
    """For cases checked this month: the decision still waiting for its check at the month's
    start (maker, time and decision), from the trail before the month."""
    out: dict[int, tuple[Override, str]] = {}
    ids = sorted(case_ids)
    for start in range(0, len(ids), 900):
        part = [str(i) for i in ids[start:start + 900]]
        for entity, action, who, at, after in session.execute(select(
                col(AuditEvent.entity_id), col(AuditEvent.action), col(AuditEvent.actor),
                col(AuditEvent.at), col(AuditEvent.after)).where(
                col(AuditEvent.entity_type) == "case", col(AuditEvent.entity_id).in_(part),
                col(AuditEvent.action).in_(("case.decide", *CHECKS)),
                col(AuditEvent.at) < p.start).order_by(col(AuditEvent.seq))):
            data = json.loads(after or "{}")
            if action == "case.decide" and data.get("status") == "awaiting_check":
                out[int(entity)] = (Override(int(entity), who, at, None, None),
                                    str(data.get("decision") or ""))
            else:
                out.pop(int(entity), None)
    return out


def _ceilings(session: Session, cut_off: datetime,
              over: list[tuple[int, str]]) -> dict[tuple[str, str, str], int]:
    """What happened, by the cut-off, to applications over the cost or amount ceiling."""
    if not over:
        return {}
    ids = [a for a, _ in over]
    apr = dict(session.execute(select(col(Application.id), col(Application.apr)).where(
        col(Application.id).in_(ids))).all())
    case_of = dict(session.execute(select(col(Case.application_id), col(Case.id)).where(
        col(Case.application_id).in_(ids), col(Case.kind) == "pre_loan",
        col(Case.created_at) <= cut_off)).all())
    outcome = case_outcomes(session, case_ids=list(case_of.values()), cut_off=cut_off)
    counts: Counter[tuple[str, str, str]] = Counter()
    for app_id, fired in over:
        band = next(name for top, name in APR_BANDS if float(apr[app_id]) <= top)
        case_id = case_of.get(app_id)
        result = "no_case" if case_id is None else outcome.get(case_id, "open")
        for code in CEILINGS:
            if code in fired.split(","):
                counts[(code, band, result)] += 1
    return dict(sorted(counts.items()))


def case_outcomes(session: Session, *, case_ids: list[int], cut_off: datetime) -> dict[int, str]:
    """Each case's decision as the audit trail had it at the cut-off: approve / decline once
    final, awaiting_check while a second person is due, absent while still open."""
    state: dict[int, str] = {}
    pending: dict[int, str] = {}
    for start in range(0, len(case_ids), 900):
        part = [str(i) for i in case_ids[start:start + 900]]
        for entity, action, after in session.execute(
                select(col(AuditEvent.entity_id), col(AuditEvent.action),
                       col(AuditEvent.after)).where(
                    col(AuditEvent.entity_type) == "case", col(AuditEvent.entity_id).in_(part),
                    col(AuditEvent.action).in_(("case.decide", *CHECKS)),
                    col(AuditEvent.at) <= cut_off).order_by(col(AuditEvent.seq))):
            data = json.loads(after or "{}")
            case_id = int(entity)
            if action == "case.decide" and data.get("status") == "decided":
                state[case_id] = str(data.get("decision"))
            elif action == "case.decide" and data.get("status") == "awaiting_check":
                pending[case_id] = str(data.get("decision"))
                state[case_id] = "awaiting_check"
            elif action == "case.check.confirm":
                state[case_id] = pending.pop(case_id, "approve")
            elif action == "case.check.send_back":
                pending.pop(case_id, None)
                state.pop(case_id, None)
    return state
