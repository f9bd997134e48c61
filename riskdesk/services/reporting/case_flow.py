"""Cases opened, closed and still open, for the monthly report (issue 28): from what the
database and the audit trail held at the cut-off, like the report's other figures, so a reissue
with the same cut-off gives the same numbers.

Opened: cases created in the month (as registered by the cut-off). Closed: cases whose status
became decided or closed in the month by an audited step. Open at the cut-off: cases created by
then whose latest audited status by then is not a closed one."""
from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import func, select
from sqlmodel import Session, col

from riskdesk.domain.audit import AuditEvent
from riskdesk.domain.cases import Case
from riskdesk.domain.enums import CLOSED_STATUSES
from riskdesk.services.actor import Actor
from riskdesk.services.periods import period
from riskdesk.services.permissions import Action, require


@dataclass(frozen=True)
class CaseFlow:
    opened: int
    closed: int
    open_at_cut_off: int


def case_flow(session: Session, actor: Actor, *, month: str,
              cut_off: datetime | None = None) -> CaseFlow:
    require(actor, Action.REPORT_MONTHLY)
    p = period(session, month=month, cut_off=cut_off)
    at = p.at
    opened = int(session.scalar(select(func.count()).select_from(Case).where(
        p.holds(col(Case.created_at)))) or 0)
    latest: dict[str, tuple[str, datetime]] = {}  # case -> (status, when) by the cut-off
    closed_in_month: set[str] = set()
    for entity, when, after in session.execute(select(
            col(AuditEvent.entity_id), col(AuditEvent.at), col(AuditEvent.after)).where(
            col(AuditEvent.entity_type) == "case", col(AuditEvent.at) <= at,
            col(AuditEvent.after).contains('"status"')).order_by(col(AuditEvent.seq))):
        status = json.loads(after or "{}").get("status")
        if not isinstance(status, str):
            continue
        before = latest.get(entity, ("", when))[0]
        latest[entity] = (status, when)
        if (status in CLOSED_STATUSES and before not in CLOSED_STATUSES
                and p.start <= when < p.end):
            closed_in_month.add(entity)
    created = [str(i) for i in session.scalars(select(col(Case.id)).where(
        col(Case.created_at) <= at))]
    still_open = sum(1 for i in created if latest.get(i, ("new", at))[0] not in CLOSED_STATUSES)
    return CaseFlow(opened, len(closed_in_month), still_open)
