"""Read model of the applications table: counted, sorted and paged in the database.

Pages are fetched by keyset (the last row's sort value and id), never by OFFSET, so a deep page
costs what the first one does. Rows come back as plain dataclasses, safe to hand to the GUI.
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from decimal import Decimal
from typing import Any

from sqlalchemy import Select, and_, func, or_, select
from sqlalchemy.orm import Session

from riskdesk.domain.applications import Applicant, Application
from riskdesk.domain.scoring import DecisionRecord
from riskdesk.domain.tables import table_of
from riskdesk.services.actor import Actor
from riskdesk.services.permissions import Action, require


@dataclass(frozen=True)
class ApplicationRow:
    id: int
    application_no: str
    submitted_at: datetime
    name: str
    id_no_masked: str
    phone_masked: str
    product: str
    channel: str
    amount: Decimal
    term_months: int
    apr: Decimal
    outcome: str | None
    pd: float | None = None
    points: int | None = None
    band: str | None = None
    flags: str | None = None


A = table_of(Application).c
P = table_of(Applicant).c
D = table_of(DecisionRecord).c
# Unscored rows sort as these values (keyset paging needs non-NULL sort keys).
UNSCORED = {"pd": -1.0, "points": -1, "band": "", "outcome": ""}

SORT_KEYS: dict[str, Any] = {
    "application_no": A.application_no,
    "submitted_at": A.submitted_at,
    "name": P.name,
    "product": A.product,
    "channel": A.channel,
    "amount": A.amount,
    "term_months": A.term_months,
    "apr": A.apr,
    # Sort keys are never NULL, so keyset paging needs no NULLS FIRST/LAST (MariaDB has none).
    "outcome": func.coalesce(A.outcome, UNSCORED["outcome"]),
    "pd": func.coalesce(D.pd, UNSCORED["pd"]),
    "points": func.coalesce(D.points, UNSCORED["points"]),
    "band": func.coalesce(D.band, UNSCORED["band"]),
}


def _query() -> Select[Any]:
    return select(
        A.id, A.application_no, A.submitted_at, P.name, P.id_no_masked, A.phone_masked,
        A.product, A.channel, A.amount, A.term_months, A.apr, A.outcome,
        D.pd, D.points, D.band, D.flags,
    ).join_from(table_of(Application), table_of(Applicant),
                P.id == A.applicant_id).outerjoin(
        table_of(DecisionRecord), and_(D.application_id == A.id, D.current_slot == 1))


def count_applications(session: Session, actor: Actor) -> int:
    require(actor, Action.APPLICATION_VIEW)
    return int(session.scalar(select(func.count()).select_from(table_of(Application))) or 0)


def page_applications(session: Session, actor: Actor, *, sort: str = "submitted_at",
                      descending: bool = True, after: tuple[Any, int] | None = None,
                      limit: int = 200) -> list[ApplicationRow]:
    """One page in ``sort`` order (ties broken by id); ``after`` is the previous page's last
    (sort value, id)."""
    require(actor, Action.APPLICATION_VIEW)
    key = SORT_KEYS[sort]
    q = _query()
    if after is not None:
        value, last_id = after
        if descending:
            q = q.where(or_(key < value, and_(key == value, A.id < last_id)))
        else:
            q = q.where(or_(key > value, and_(key == value, A.id > last_id)))
    if descending:
        q = q.order_by(key.desc(), A.id.desc())
    else:
        q = q.order_by(key.asc(), A.id.asc())
    return [ApplicationRow(*r) for r in session.execute(q.limit(limit)).all()]


def sort_value(row: ApplicationRow, sort: str) -> Any:
    """The keyset value of a row for ``sort``, as the database compares it."""
    value = getattr(row, sort)
    return UNSCORED.get(sort, "") if value is None else value
