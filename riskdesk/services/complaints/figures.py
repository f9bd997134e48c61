"""Complaints as lists and figures: the Complaints tab's filtered, most-urgent-first pages and
counts, and a month's figures and tables for the dashboard and the monthly report, by the one
period rule."""
from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlmodel import Session, col, select

from riskdesk.domain.complaints import Complaint
from riskdesk.domain.users import User
from riskdesk.services.actor import Actor
from riskdesk.services.complaints.handling import DUE_SOON, OPEN
from riskdesk.services.permissions import Action, allowed, require
from riskdesk.storage.clock import utcnow


@dataclass(frozen=True)
class ComplaintFilter:
    statuses: tuple[str, ...] = ()
    category: str | None = None
    channel: str | None = None
    assignee_id: int | None = None
    overdue: bool = False  # not yet answered and past the due date
    due_soon: bool = False  # not yet answered, due within two days
    escalated: bool = False


@dataclass(frozen=True)
class ComplaintRow:
    id: int
    number: str
    status: str
    category: str
    channel: str
    complainant_name: str
    received_at: datetime
    due_at: datetime
    extension: str
    escalated: bool
    assignee: str | None
    version: int
    responded_at: datetime | None = None

    @property
    def late(self) -> bool:
        """Replied after the due time, extensions counted (issue 28)."""
        return self.responded_at is not None and self.responded_at > self.due_at


def _unanswered(at: datetime) -> Any:
    """Not yet answered at ``at``: received and registered by then, no reply, not closed or
    withdrawn."""
    from sqlalchemy import and_, or_

    k = Complaint
    return and_(col(k.received_at) <= at, col(k.created_at) <= at,
                or_(col(k.responded_at).is_(None), col(k.responded_at) > at),
                or_(col(k.closed_at).is_(None), col(k.closed_at) > at))


def _filtered(session: Session, q: Any, f: ComplaintFilter) -> Any:
    k = Complaint
    now = utcnow(session)
    if f.statuses:
        q = q.where(col(k.status).in_(f.statuses))
    for column, value in ((k.category, f.category), (k.channel, f.channel),
                          (k.assignee_id, f.assignee_id)):
        if value is not None:
            q = q.where(col(column) == value)
    if f.overdue:
        q = q.where(col(k.status).in_(OPEN), col(k.due_at) < now)
    if f.due_soon:
        q = q.where(col(k.status).in_(OPEN), col(k.due_at) >= now,
                    col(k.due_at) < now + DUE_SOON)
    if f.escalated:
        q = q.where(col(k.escalated).is_(True), col(k.status).in_(OPEN))
    return q


def count(session: Session, actor: Actor, *, f: ComplaintFilter) -> int:
    from sqlalchemy import func

    require(actor, Action.APPLICATION_VIEW)
    return int(session.scalar(_filtered(session, select(func.count()).select_from(Complaint),
                                        f)) or 0)


def deadline_counts(session: Session, actor: Actor) -> tuple[int, int]:
    """Overdue and due within two days: what the main window's status bar says on start,
    before the Complaints tab is built (issue 35), and on every refresh."""
    return (count(session, actor, f=ComplaintFilter(overdue=True)),
            count(session, actor, f=ComplaintFilter(due_soon=True)))


def page(session: Session, actor: Actor, *, f: ComplaintFilter,
         after: tuple[datetime, int] | None = None, limit: int = 200) -> list[ComplaintRow]:
    """Most urgent first (due date, then id), a keyset page at a time."""
    from sqlalchemy import and_, or_

    require(actor, Action.APPLICATION_VIEW)
    k = Complaint
    names = ("id", "number", "status", "category", "channel", "complainant_name",
             "received_at", "due_at", "extension", "escalated")
    columns: list[Any] = [col(getattr(k, n)) for n in names]
    columns += [col(User.username), col(k.version), col(k.responded_at)]
    q = (select(*columns)
         .join(User, col(User.id) == k.assignee_id, isouter=True))
    q = _filtered(session, q, f)
    if after is not None:
        due, last = after
        q = q.where(or_(col(k.due_at) > due, and_(col(k.due_at) == due, col(k.id) > last)))
    rows = [ComplaintRow(*r) for r in session.execute(
        q.order_by(col(k.due_at), col(k.id)).limit(limit))]
    if not allowed(actor, Action.PII_UNMASK):  # auditors and admins: names masked (issue 25)
        from dataclasses import replace

        from riskdesk.security.masking import mask_name

        rows = [replace(r, complainant_name=mask_name(r.complainant_name)) for r in rows]
    return rows


@dataclass(frozen=True)
class Figures:
    month: str
    received: int
    responded: int
    on_time_rate: float | None  # of the replies given this month, the share in time
    extension_rate: float | None  # of complaints received this month
    reopen_rate: float | None
    overdue: int  # unanswered past their due time at the cut-off
    open_by_category: dict[str, int]  # unanswered at the cut-off
    late: int = 0  # replies given this month after their due time, extensions counted


def figures(session: Session, actor: Actor, *, month: str,
            cut_off: datetime | None = None) -> Figures:
    """The month's complaint figures for the dashboard and the monthly report, by the one
    period rule (:mod:`riskdesk.services.periods`): received in the month as registered by the
    cut-off (default now), replies given in the month, and what is open and overdue at the
    cut-off itself."""
    from sqlalchemy import case, func

    from riskdesk.services.periods import period

    require(actor, Action.APPLICATION_VIEW)
    p = period(session, month=month, cut_off=cut_off)
    at = p.at
    k = Complaint
    received, extended, reopened = session.execute(
        select(func.count(), func.coalesce(func.sum(case((col(k.extension) != "none", 1),
                                                         else_=0)), 0),
               func.coalesce(func.sum(case((col(k.reopen_count) > 0, 1), else_=0)), 0))
        .where(p.holds(col(k.received_at), col(k.created_at)))).one()
    responded, in_time = session.execute(
        select(func.count(), func.coalesce(func.sum(case(
            (col(k.responded_at) <= col(k.due_at), 1), else_=0)), 0))
        .where(p.holds(col(k.responded_at)))).one()
    overdue = session.scalar(select(func.count()).select_from(k).where(
        _unanswered(at), col(k.due_at) < at)) or 0
    by_category = dict(session.execute(
        select(k.category, func.count()).where(_unanswered(at)).group_by(col(k.category)))
        .all())

    def rate(part: int, whole: int) -> float | None:
        return round(part / whole, 4) if whole else None

    return Figures(month, int(received), int(responded), rate(int(in_time), int(responded)),
                   rate(int(extended), int(received)), rate(int(reopened), int(received)),
                   int(overdue), {str(c): int(n) for c, n in by_category.items()},
                   late=int(responded) - int(in_time))


@dataclass(frozen=True)
class MonthDetails:
    by_channel: dict[str, int]  # received this month
    root_causes: dict[str, int]  # of complaints closed this month
    overdue: list[tuple[str, str, datetime, datetime]]  # number, category, received, due


def month_details(session: Session, actor: Actor, *, month: str,
                  cut_off: datetime | None = None) -> MonthDetails:
    """The monthly report's complaint tables, as of the cut-off like :func:`figures`."""
    from sqlalchemy import func

    from riskdesk.services.periods import period

    require(actor, Action.APPLICATION_VIEW)
    p = period(session, month=month, cut_off=cut_off)
    at = p.at
    k = Complaint
    by_channel = session.execute(
        select(col(k.channel), func.count()).where(
            p.holds(col(k.received_at), col(k.created_at)))
        .group_by(col(k.channel))).all()
    causes = session.execute(
        select(col(k.root_cause), func.count()).where(
            p.holds(col(k.closed_at)), col(k.root_cause) != "")
        .group_by(col(k.root_cause))).all()
    overdue = session.execute(
        select(col(k.number), col(k.category), col(k.received_at), col(k.due_at))
        .where(_unanswered(at), col(k.due_at) < at).order_by(col(k.due_at))).all()
    return MonthDetails({str(c): int(n) for c, n in by_channel},
                        {str(c): int(n) for c, n in causes},
                        [(str(a), str(b), c, d) for a, b, c, d in overdue])
