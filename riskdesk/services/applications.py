"""Read model of the applications table: counted, sorted and paged in the database.

Pages are fetched by keyset (the last row's sort value and id), never by OFFSET, so a deep page
costs what the first one does. Rows come back as plain dataclasses, safe to hand to the GUI.
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from decimal import Decimal
from typing import Any

from sqlalchemy import and_, func, or_, select
from sqlalchemy.orm import Session

from riskdesk.domain.applications import Applicant, Application
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


SORT_KEYS: dict[str, Any] = {
    "application_no": Application.application_no,
    "submitted_at": Application.submitted_at,
    "name": Applicant.name,
    "product": Application.product,
    "channel": Application.channel,
    "amount": Application.amount,
    "term_months": Application.term_months,
    "apr": Application.apr,
    # Sort keys are never NULL, so keyset paging needs no NULLS FIRST/LAST (MariaDB has none).
    "outcome": func.coalesce(Application.outcome, ""),
}


def _query() -> Any:
    return select(
        Application.id, Application.application_no, Application.submitted_at, Applicant.name,
        Applicant.id_no_masked, Application.phone_masked, Application.product,
        Application.channel, Application.amount, Application.term_months, Application.apr,
        Application.outcome,
    ).join(Applicant, Applicant.id == Application.applicant_id)


def count_applications(session: Session, actor: Actor) -> int:
    require(actor, Action.APPLICATION_VIEW)
    return int(session.scalar(select(func.count()).select_from(Application)) or 0)


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
            q = q.where(or_(key < value, and_(key == value, Application.id < last_id)))
        else:
            q = q.where(or_(key > value, and_(key == value, Application.id > last_id)))
    if descending:
        q = q.order_by(key.desc(), Application.id.desc())
    else:
        q = q.order_by(key.asc(), Application.id.asc())
    return [ApplicationRow(*r) for r in session.execute(q.limit(limit)).all()]


def sort_value(row: ApplicationRow, sort: str) -> Any:
    """The keyset value of a row for ``sort``, as the database compares it."""
    value = getattr(row, sort)
    return "" if value is None else value
