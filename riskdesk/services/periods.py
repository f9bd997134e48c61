"""The one rule for every period figure (docs/periods.md).

A month is a calendar month in the bank's time zone: one database-wide setting (default
Asia/Shanghai), changed by compliance and audited. An event belongs to the month of its
*business* time (a complaint's receipt, an application's submission, a decision made final, a
loan's disbursement) as *recorded* at the report's cut-off. So a complaint received on the 20th
and registered on the 2nd of the next month counts in the month it was received, once it is
registered; a report reissued at its original cut-off shows the figures it first showed, and a
report issued later lists what late registrations changed in months already reported
(:func:`restatements`).

Every monthly report, figure, dashboard and monitoring run takes its bounds from
:func:`period`; none computes a month's instants itself.
"""
from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from typing import Any
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from sqlalchemy import and_
from sqlalchemy.sql.elements import ColumnElement
from sqlmodel import Session

from riskdesk.domain.users import AppSetting
from riskdesk.errors import InvalidInput
from riskdesk.i18n import QT_TRANSLATE_NOOP, translate
from riskdesk.services.actor import Actor
from riskdesk.services.audit import trail as audit
from riskdesk.services.permissions import Action, require
from riskdesk.storage.clock import utcnow

TIME_ZONE = "report.time_zone"
TIME_ZONE_DEFAULT = "Asia/Shanghai"


def business_zone(session: Session, *, at: datetime | None = None) -> str:
    """The bank's time zone: months, local days and the times printed on reports. With
    ``at``, the zone in force then, from the audit trail of its changes: a report reissued at
    its cut-off keeps the months it was first issued with after compliance changes the zone."""
    if at is not None:
        import json

        from sqlalchemy import select
        from sqlmodel import col

        from riskdesk.domain.audit import AuditEvent

        after = session.scalars(select(col(AuditEvent.after)).where(
            col(AuditEvent.action) == "setting.change", col(AuditEvent.entity_type) == "setting",
            col(AuditEvent.entity_id) == TIME_ZONE, col(AuditEvent.at) <= at)
            .order_by(col(AuditEvent.seq).desc()).limit(1)).first()
        value = json.loads(after or "{}").get("value") if after is not None else None
        return str(value) if value else TIME_ZONE_DEFAULT
    row = session.get(AppSetting, TIME_ZONE)
    return row.value if row is not None and row.value else TIME_ZONE_DEFAULT


def checked_zone(zone: str) -> str:
    zone = zone.strip()
    try:
        if not zone or "/" not in zone and zone != "UTC":
            raise ZoneInfoNotFoundError(zone)
        ZoneInfo(zone)
    except (ZoneInfoNotFoundError, ValueError):
        raise InvalidInput(translate(
            "Periods", "{zone} is not a time zone name such as Asia/Shanghai.").format(
            zone=zone or '""')) from None
    return zone


def set_business_zone(session: Session, actor: Actor, *, zone: str) -> None:
    """Compliance sets it; every later figure and report follows. Audited."""
    require(actor, Action.TIME_ZONE_CHANGE)
    zone = checked_zone(zone)
    before = business_zone(session)
    now = utcnow(session)
    row = session.get(AppSetting, TIME_ZONE) or AppSetting(
        key=TIME_ZONE, value="", changed_by="", changed_at=now)
    row.value, row.changed_by, row.changed_at = zone, actor.username, now
    session.add(row)
    audit.append(session, actor, action="setting.change", entity_type="setting",
                 entity_id=TIME_ZONE,
                 before={"value": before}, after={"value": zone})


def month_days(month: str) -> tuple[date, date]:
    """The month's first day and the next month's first day (calendar dates)."""
    try:
        first = datetime.strptime(month, "%Y-%m").date()
    except (TypeError, ValueError):
        raise InvalidInput(translate("Monthly", "A month is written YYYY-MM, not {month}.")
                           .format(month=month)) from None
    return first, date(first.year + (first.month == 12), first.month % 12 + 1, 1)


def months_back(month: str, n: int) -> str:
    """The month ``n`` months before ``month`` (YYYY-MM); negative ``n`` goes forward."""
    month_days(month)
    index = int(month[:4]) * 12 + int(month[5:7]) - 1 - n
    return f"{index // 12}-{index % 12 + 1:02d}"


def utc_of(day: date, zone: str) -> datetime:
    """Midnight starting ``day`` in ``zone``, as a naive UTC instant."""
    return datetime.combine(day, datetime.min.time(), ZoneInfo(zone)).astimezone(
        UTC).replace(tzinfo=None)


def local_of(instant: datetime, zone: str) -> datetime:
    """A stored (naive UTC) instant as wall-clock time in ``zone`` (naive)."""
    return instant.replace(tzinfo=UTC).astimezone(ZoneInfo(zone)).replace(tzinfo=None)


@dataclass(frozen=True)
class Period:
    """One calendar month in the bank's zone, as recorded at a cut-off."""

    month: str
    zone: str
    start: datetime  # naive UTC, inclusive
    end: datetime  # naive UTC, exclusive
    cut_off: datetime  # naive UTC: what was recorded after it does not count
    first_day: date
    last_day: date

    def holds(self, business: Any, recorded: Any | None = None) -> ColumnElement[bool]:
        """SQL: the business time falls in the month and the row was recorded by the cut-off.
        ``recorded`` is the row's creation time; None where the business time is itself the
        time of recording (an audit event, a decision made final)."""
        cond = and_(business >= self.start, business < self.end, business <= self.cut_off)
        return cond if recorded is None else and_(cond, recorded <= self.cut_off)

    def days(self, business_day: Any, recorded: Any | None = None) -> ColumnElement[bool]:
        """Like :meth:`holds` for a column holding a local calendar date (a loan's start)."""
        cond = and_(business_day >= self.first_day, business_day <= self.last_day)
        return cond if recorded is None else and_(cond, recorded <= self.cut_off)

    def contains(self, instant: datetime) -> bool:
        return self.start <= instant < self.end

    @property
    def at(self) -> datetime:
        """The instant states are read at ("open at", "overdue at"): the cut-off itself."""
        return self.cut_off


def period(session: Session, *, month: str, cut_off: datetime | None = None,
           zone: str | None = None) -> Period:
    """The month ``YYYY-MM`` in the bank's zone, as recorded at ``cut_off`` (default now).
    ``zone``: another zone's calendar month (a restatement counts a month again in the zone it
    was first reported in)."""
    first, nxt = month_days(month)
    # A past cut-off reads the zone then in force; "now" reads today's setting.
    if zone is None:
        zone = business_zone(session) if cut_off is None else business_zone(session, at=cut_off)
    return Period(month, zone, utc_of(first, zone), utc_of(nxt, zone),
                  cut_off if cut_off is not None else utcnow(session), first,
                  nxt - timedelta(days=1))


def current_month(session: Session, *, back: int = 0) -> str:
    """This month (or ``back`` months before it) in the bank's zone, by the one clock."""
    return months_back(f"{local_of(utcnow(session), business_zone(session)):%Y-%m}", back)


def local_day(session: Session, *, instant: datetime | None = None) -> date:
    """The bank's calendar day of ``instant`` (default now)."""
    return local_of(instant or utcnow(session), business_zone(session)).date()


# --- Restatements --------------------------------------------------------------------------

Headline = Callable[[Session, Period], int]


def _headlines() -> dict[str, Headline]:
    """The headline figures a monthly report records when issued and a later report compares,
    each a count by business time as recorded at the cut-off (cheap enough for every month)."""
    from sqlalchemy import func, select
    from sqlmodel import col

    from riskdesk.domain.applications import Application
    from riskdesk.domain.complaints import Complaint
    from riskdesk.domain.scoring import DecisionRecord

    def applications(session: Session, p: Period) -> int:
        return int(session.scalar(select(func.count()).select_from(Application).where(
            p.holds(col(Application.submitted_at), col(Application.created_at)))) or 0)

    def flagged(session: Session, p: Period) -> int:
        apps = select(col(Application.id)).where(
            p.holds(col(Application.submitted_at), col(Application.created_at)))
        latest = select(func.max(DecisionRecord.id)).where(
            col(DecisionRecord.application_id).in_(apps),
            col(DecisionRecord.decided_at) <= p.cut_off).group_by(
            col(DecisionRecord.application_id))
        return int(session.scalar(select(func.count()).select_from(DecisionRecord).where(
            col(DecisionRecord.id).in_(latest), col(DecisionRecord.outcome) == "flagged"))
            or 0)

    def complaints(session: Session, p: Period) -> int:
        return int(session.scalar(select(func.count()).select_from(Complaint).where(
            p.holds(col(Complaint.received_at), col(Complaint.created_at)))) or 0)

    return {"applications_received": applications, "flagged": flagged,
            "complaints_received": complaints}


HEADLINE_LABELS = {
    "applications_received": QT_TRANSLATE_NOOP("MonthlyReport", "Applications received"),
    "flagged": QT_TRANSLATE_NOOP("MonthlyReport", "Flagged for review"),
    "complaints_received": QT_TRANSLATE_NOOP("MonthlyReport", "Complaints received"),
}


def headline_figures(session: Session, *, p: Period) -> dict[str, int]:
    return {name: count(session, p) for name, count in _headlines().items()}


@dataclass(frozen=True)
class Restatement:
    month: str
    figure: str  # a key of HEADLINE_LABELS
    as_issued: int
    now: int
    report_no: str  # the report that first issued it

    @property
    def label(self) -> str:
        return translate("MonthlyReport", HEADLINE_LABELS[self.figure])


def restatements(session: Session, actor: Actor, *, cut_off: datetime,
                 other_than: str) -> list[Restatement]:
    """Figures of months already reported (first issue of each, before ``cut_off``) that
    differ when counted again at ``cut_off``: late registrations, in month order."""
    import json

    from sqlalchemy import select
    from sqlmodel import col

    from riskdesk.domain.audit import AuditEvent
    from riskdesk.domain.reports import Report

    require(actor, Action.APPLICATION_VIEW)
    first: dict[str, Report] = {}
    for row in session.scalars(select(Report).where(
            col(Report.kind) == "monthly", col(Report.cut_off) < cut_off,
            col(Report.subject) != other_than).order_by(col(Report.id))):
        first.setdefault(row.subject, row)
    if not first:
        return []
    issued: dict[int, dict[str, Any]] = {}
    for entity, after in session.execute(select(
            col(AuditEvent.entity_id), col(AuditEvent.after)).where(
            col(AuditEvent.action) == "report.generate", col(AuditEvent.entity_type) == "report",
            col(AuditEvent.entity_id).in_([str(r.id) for r in first.values()]))):
        issued[int(entity)] = json.loads(after or "{}")
    out: list[Restatement] = []
    for month in sorted(first):
        report = first[month]
        recorded = issued.get(int(report.id or 0), {})
        before = dict(recorded.get("headline") or {})
        if not before:  # reports issued before headlines were recorded carry two of them
            before = {k: v for k, v in (("applications_received", recorded.get("received")),
                                        ("flagged", recorded.get("flagged"))) if v is not None}
        zone = str(recorded.get("zone") or business_zone(session, at=report.cut_off))
        now = headline_figures(session, p=period(session, month=month, cut_off=cut_off, zone=zone))
        for name, value in before.items():
            if name in now and int(value) != now[name]:
                out.append(Restatement(month, name, int(value), now[name], report.report_no))
    return out

