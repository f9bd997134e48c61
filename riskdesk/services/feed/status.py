"""What compliance sees of the feed (issue 29, item 5): last sequence, exported up to,
acknowledged up to, and the records origination has not acknowledged (those older than the
warning time raise the status-bar warning and a line in the monthly report)."""
from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import func, select
from sqlalchemy.orm import Session
from sqlmodel import col

from riskdesk.domain.feed import FeedAck, FeedHead, FeedRecord
from riskdesk.services.actor import Actor
from riskdesk.services.feed.files import warn_hours
from riskdesk.services.permissions import Action, require
from riskdesk.storage.clock import utcnow


@dataclass(frozen=True)
class Unacknowledged:
    seq: int
    application_no: str
    loan_no: str
    decision: str
    final_at: datetime
    overdue: bool
    decided_by: str = ""
    checked_by: str = ""


@dataclass(frozen=True)
class FeedStatus:
    last_seq: int
    exported_to: int
    acknowledged_to: int  # every sequence up to here is acknowledged
    unacknowledged: int
    overdue: int  # unacknowledged for longer than warn_hours
    warn_hours: int
    rows: tuple[Unacknowledged, ...]  # the oldest unacknowledged, up to ``limit``


def _unacked() -> object:
    return ~select(col(FeedAck.seq)).where(col(FeedAck.seq) == col(FeedRecord.seq)).exists()


def overdue_count(session: Session, *, at: datetime | None = None) -> int:
    """Records not acknowledged within the warning time (as of ``at``, default now)."""
    cut = (at or utcnow(session)) - timedelta(hours=warn_hours(session))
    return int(session.execute(select(func.count()).select_from(FeedRecord).where(
        _unacked(), col(FeedRecord.final_at) < cut)).scalar_one())  # type: ignore[arg-type]


def feed_status(session: Session, actor: Actor, *, limit: int = 500) -> FeedStatus:
    require(actor, Action.FEED_EXPORT)
    head = session.get(FeedHead, 1)
    last = head.seq if head is not None else 0
    hours = warn_hours(session)
    cut = utcnow(session) - timedelta(hours=hours)
    pending = select(FeedRecord).where(_unacked())  # type: ignore[arg-type]
    total = int(session.execute(select(func.count()).select_from(pending.subquery()))
                .scalar_one())
    first = session.execute(select(func.min(FeedRecord.seq)).where(
        _unacked())).scalar_one()  # type: ignore[arg-type]
    rows = tuple(Unacknowledged(r.seq, r.application_no, r.loan_no, r.decision, r.final_at,
                                r.final_at < cut, r.decided_by, r.checked_by)
                 for r in session.execute(pending.order_by(col(FeedRecord.seq)).limit(limit))
                 .scalars())
    return FeedStatus(last, head.exported_to if head is not None else 0,
                      (int(first) - 1) if first is not None else last, total,
                      overdue_count(session), hours, rows)


def feed_warning(session: Session, actor: Actor) -> int:
    """For the status bar: how many records are overdue (0 for anyone but compliance)."""
    from riskdesk.domain.enums import Role

    if not actor.has(Role.COMPLIANCE):
        return 0
    return overdue_count(session)
