"""Read model of the case queue: saved views, filters, searches, counts and keyset pages, all
in the database (deep pages cost what the first does; the count is a real COUNT).

Searches by ID number or phone go through the keyed hashes, so plain PII never reaches SQL.
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from decimal import Decimal
from typing import Any

from sqlalchemy import Select, and_, exists, func, or_, select
from sqlmodel import Session

from riskdesk.domain.applications import Applicant, Application
from riskdesk.domain.cases import Case
from riskdesk.domain.enums import CaseStatus
from riskdesk.domain.rules import RuleHit
from riskdesk.domain.scoring import DecisionRecord
from riskdesk.domain.tables import table_of
from riskdesk.domain.users import User
from riskdesk.errors import InvalidInput
from riskdesk.i18n import translate
from riskdesk.security.datakey import load_cipher
from riskdesk.services.actor import Actor
from riskdesk.services.permissions import Action, require
from riskdesk.storage.clock import utcnow

C, A, P = table_of(Case).c, table_of(Application).c, table_of(Applicant).c
D, H, U = table_of(DecisionRecord).c, table_of(RuleHit).c, table_of(User).c
VIEWS = ("mine", "unassigned", "escalated", "awaiting_check", "overdue", "all")
CLOSED = (CaseStatus.DECIDED.value, CaseStatus.CLOSED.value)


@dataclass(frozen=True)
class CaseRow:
    id: int
    kind: str
    status: str
    priority: int
    due_at: datetime
    version: int
    application_no: str | None
    name: str | None
    id_no_masked: str | None
    product: str | None
    channel: str | None
    amount: Decimal | None
    pd: float | None
    points: int | None
    band: str | None
    flags: str | None
    assignee: str | None


@dataclass
class CaseFilter:
    view: str = "all"
    kinds: tuple[str, ...] = ()
    statuses: tuple[str, ...] = ()
    assignee_id: int | None = None
    bands: tuple[str, ...] = ()
    rule: str | None = None
    products: tuple[str, ...] = ()
    channels: tuple[str, ...] = ()
    submitted_from: datetime | None = None
    submitted_to: datetime | None = None
    application_no: str | None = None
    id_no: str | None = None
    phone: str | None = None
    name_prefix: str | None = None


# Sort keys are never NULL, so keyset paging needs no NULLS FIRST/LAST (MariaDB has none).
SORT_KEYS: dict[str, Any] = {
    "pd": func.coalesce(D.pd, -1.0), "points": func.coalesce(D.points, -1),
    "due_at": C.due_at, "priority": C.priority, "created_at": C.created_at, "id": C.id,
    "status": C.status, "kind": C.kind, "amount": func.coalesce(A.amount, -1),
    "application_no": func.coalesce(A.application_no, ""),
}
NULL_SORT = {"pd": -1.0, "points": -1, "amount": -1, "application_no": ""}


def _base(columns: list[Any]) -> Select[Any]:
    return (select(*columns).select_from(table_of(Case))
            .outerjoin(table_of(Application), A.id == C.application_id)
            .outerjoin(table_of(Applicant), P.id == A.applicant_id)
            .outerjoin(table_of(DecisionRecord), and_(D.application_id == C.application_id,
                                                      D.current_slot == 1))
            .outerjoin(table_of(User), U.id == C.assignee_id))


def _where(session: Session, actor: Actor, q: Select[Any], f: CaseFilter) -> Select[Any]:
    if f.view not in VIEWS:
        raise InvalidInput(translate("Queue", "Unknown view {view}.").format(view=f.view))
    if f.view == "mine":
        q = q.where(C.assignee_id == actor.user_id, C.status.not_in(CLOSED))
    elif f.view == "unassigned":
        q = q.where(C.assignee_id.is_(None), C.status.not_in(CLOSED))
    elif f.view == "escalated":
        q = q.where(C.status == CaseStatus.ESCALATED.value)
    elif f.view == "awaiting_check":
        q = q.where(C.status == CaseStatus.AWAITING_CHECK.value)
    elif f.view == "overdue":
        q = q.where(C.due_at < utcnow(session), C.status.not_in(CLOSED))
    for column, values in ((C.kind, f.kinds), (C.status, f.statuses), (D.band, f.bands),
                           (A.product, f.products), (A.channel, f.channels)):
        if values:
            q = q.where(column.in_(values))
    if f.assignee_id is not None:
        q = q.where(C.assignee_id == f.assignee_id)
    if f.rule:
        q = q.where(exists().where(H.application_id == C.application_id, H.code == f.rule))
    if f.submitted_from is not None:
        q = q.where(A.submitted_at >= f.submitted_from)
    if f.submitted_to is not None:
        q = q.where(A.submitted_at < f.submitted_to)
    if f.application_no:
        q = q.where(A.application_no == f.application_no.strip())
    if f.id_no or f.phone:
        cipher = load_cipher(session, create=False)
        if f.id_no:
            q = q.where(P.id_no_hash == cipher.digest("id_no", f.id_no.strip().upper()))
        if f.phone:
            q = q.where(A.phone_hash == cipher.digest("phone", f.phone.strip()))
    if f.name_prefix:
        prefix = f.name_prefix.strip().replace("\\", "\\\\").replace("%", "\\%") \
            .replace("_", "\\_")
        q = q.where(P.name.like(prefix + "%", escape="\\"))
    return q


def count_cases(session: Session, actor: Actor, f: CaseFilter) -> int:
    require(actor, Action.APPLICATION_VIEW)
    q = _where(session, actor, _base([func.count()]), f)
    return int(session.execute(q).scalar() or 0)


def page_cases(session: Session, actor: Actor, f: CaseFilter, *, sort: str = "pd",
               descending: bool = True, after: tuple[Any, int] | None = None,
               limit: int = 200) -> list[CaseRow]:
    """One page in ``sort`` order, ties broken by case id; ``after`` = the previous page's last
    (sort value, id). For the last page, sort the other way and reverse."""
    require(actor, Action.APPLICATION_VIEW)
    if sort not in SORT_KEYS:
        raise InvalidInput(translate("Queue", "Cannot sort by {key}.").format(key=sort))
    key = SORT_KEYS[sort]
    q = _where(session, actor, _base([
        C.id, C.kind, C.status, C.priority, C.due_at, C.version, A.application_no, P.name,
        P.id_no_masked, A.product, A.channel, A.amount, D.pd, D.points, D.band, D.flags,
        U.username]), f)
    if after is not None:
        value, last_id = after
        q = q.where(or_(key < value, and_(key == value, C.id < last_id)) if descending
                    else or_(key > value, and_(key == value, C.id > last_id)))
    q = q.order_by(key.desc(), C.id.desc()) if descending else q.order_by(key.asc(), C.id.asc())
    return [CaseRow(*r) for r in session.execute(q.limit(limit)).all()]


def last_page(session: Session, actor: Actor, f: CaseFilter, *, sort: str = "pd",
              descending: bool = True, limit: int = 200) -> list[CaseRow]:
    rows = page_cases(session, actor, f, sort=sort, descending=not descending, limit=limit)
    return rows[::-1]


def sort_value(row: CaseRow, sort: str) -> Any:
    value = getattr(row, sort)
    return NULL_SORT.get(sort, "") if value is None else value
