"""Read model of the applications table: counted, sorted and paged in the database.

Pages are fetched by keyset (the last row's sort value and id), never by OFFSET, so a deep page
costs what the first one does. Rows come back as plain dataclasses, safe to hand to the GUI.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from decimal import Decimal
from typing import Any

from sqlalchemy import Select, and_, false, func, or_, select
from sqlmodel import Session

from riskdesk.domain.applications import Applicant, Application
from riskdesk.domain.cases import Case
from riskdesk.domain.scoring import DecisionRecord
from riskdesk.domain.tables import table_of
from riskdesk.security.datakey import load_cipher
from riskdesk.services.actor import Actor
from riskdesk.services.cases.queue import prefix_match, searchable
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


@dataclass(frozen=True)
class ApplicationFilter:
    """The Applications tab's search (read by services/cases/search.py, as the queue's) and
    filters; empty: every application."""
    application_no: str | None = None
    id_no: str | None = None
    id_no_masked: str | None = None
    phone: str | None = None
    phone_masked: str | None = None
    name_prefix: str | None = None
    products: tuple[str, ...] = field(default=())
    channels: tuple[str, ...] = field(default=())
    bands: tuple[str, ...] = field(default=())
    outcomes: tuple[str, ...] = field(default=())


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


def _filtered(session: Session, q: Select[Any], f: ApplicationFilter | None) -> Select[Any]:
    if f is None:
        return q
    searched = [t for t in (f.application_no, f.id_no, f.id_no_masked, f.phone, f.phone_masked,
                            f.name_prefix) if t]
    if not all(searchable(t) for t in searched):
        return q.where(false())
    if f.application_no:  # or the loan made on it
        from riskdesk.domain.loans import Loan  # issue 35: loaded when first needed

        number = f.application_no.strip()
        loans = table_of(Loan).c
        q = q.where(or_(A.application_no == number, A.id.in_(
            select(loans.application_id).where(loans.loan_no == number))))
    if f.id_no or f.phone:
        cipher = load_cipher(session, create=False)
        if f.id_no:
            q = q.where(P.id_no_hash == cipher.digest("id_no", f.id_no.strip().upper()))
        if f.phone:
            q = q.where(A.phone_hash == cipher.digest("phone", f.phone.strip()))
    if f.id_no_masked:
        q = q.where(P.id_no_masked == f.id_no_masked)
    if f.phone_masked:
        q = q.where(A.phone_masked == f.phone_masked)
    if f.name_prefix:
        q = q.where(*prefix_match(P.name, f.name_prefix.strip()))
    for column, values in ((A.product, f.products), (A.channel, f.channels),
                           (D.band, f.bands), (A.outcome, f.outcomes)):
        if values:
            q = q.where(column.in_(values))
    return q


def _counted(f: ApplicationFilter | None) -> Select[Any]:
    if f is None or f == ApplicationFilter():
        return select(func.count()).select_from(table_of(Application))
    return select(func.count()).select_from(
        table_of(Application)).join(table_of(Applicant), P.id == A.applicant_id).outerjoin(
        table_of(DecisionRecord), and_(D.application_id == A.id, D.current_slot == 1))


def count_applications(session: Session, actor: Actor, *,
                       f: ApplicationFilter | None = None) -> int:
    require(actor, Action.APPLICATION_VIEW)
    return int(session.scalar(_filtered(session, _counted(f), f)) or 0)


def case_of_application(session: Session, actor: Actor, *, application_id: int) -> int | None:
    """The case an application opens in its window: its pre-loan case if it has one, else its
    newest case of any kind; None without a case."""
    require(actor, Action.APPLICATION_VIEW)
    C = table_of(Case).c
    found = session.execute(select(C.id).where(C.application_id == application_id).order_by(
        (C.kind == "pre_loan").desc(), C.id.desc()).limit(1)).scalar()
    return int(found) if found is not None else None


def page_applications(session: Session, actor: Actor, *, f: ApplicationFilter | None = None,
                      sort: str = "submitted_at", descending: bool = True,
                      after: tuple[Any, int] | None = None,
                      limit: int = 200) -> list[ApplicationRow]:
    """One page in ``sort`` order (ties broken by id); ``after`` is the previous page's last
    (sort value, id)."""
    require(actor, Action.APPLICATION_VIEW)
    key = SORT_KEYS[sort]
    q = _filtered(session, _query(), f)
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
