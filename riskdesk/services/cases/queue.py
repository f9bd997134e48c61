"""Read model of the case queue: saved views, filters, searches, counts and keyset pages, all
in the database (deep pages cost what the first does; the count is a real COUNT).

Searches by ID number or phone go through the keyed hashes, so plain PII never reaches SQL.
"""
from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import datetime
from decimal import Decimal
from typing import Any

from sqlalchemy import Select, and_, case, exists, false, func, or_, select, true
from sqlmodel import Session

from riskdesk.domain.applications import Applicant, Application
from riskdesk.domain.cases import QUEUE_SORTS, Case
from riskdesk.domain.enums import CaseStatus
from riskdesk.domain.rules import RuleHit
from riskdesk.domain.tables import table_of
from riskdesk.domain.users import User
from riskdesk.errors import InvalidInput
from riskdesk.i18n import translate
from riskdesk.security.datakey import load_cipher
from riskdesk.security.masking import mask_name
from riskdesk.services.actor import Actor
from riskdesk.services.permissions import Action, allowed, require
from riskdesk.storage.clock import utcnow

C, A, P = table_of(Case).c, table_of(Application).c, table_of(Applicant).c
H, U = table_of(RuleHit).c, table_of(User).c
VIEWS = ("mine", "unassigned", "escalated", "awaiting_check", "overdue", "all")



@dataclass(frozen=True)
class CaseRow:
    id: int
    kind: str
    status: str
    priority: int
    due_at: datetime
    version: int
    application_no: str
    name: str
    id_no_masked: str
    product: str
    channel: str
    amount: Decimal  # -1: none (as pd and points; "" for the texts), see Case
    pd: float
    points: int
    band: str
    flags: str
    assignee: str | None
    returned_reason: str = ""  # the checker's reason while the case is sent back (issue 26)


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


# A sort key is a column with an index (column, id) on review_case (see Case), and whether
# it runs against the column's order: points and band follow PD (both derive from it).
SORT_KEYS: dict[str, tuple[Any, bool]] = {
    **{name: (C[name], False) for name in QUEUE_SORTS},
    "points": (C.pd, True), "band": (C.pd, False), "id": (C.id, False),
    "name": (C.applicant_name, False),
}
SORT_FIELD = {"points": "pd", "band": "pd"}


def _base(columns: list[Any]) -> Select[Any]:
    return select(*columns).select_from(table_of(Case))


def _where(session: Session, actor: Actor, q: Select[Any], f: CaseFilter) -> Select[Any]:
    if f.view not in VIEWS:
        raise InvalidInput(translate("Queue", "Unknown view {view}.").format(view=f.view))
    searched = [t for t in (f.application_no, f.id_no, f.phone, f.name_prefix, f.rule) if t]
    if not all(searchable(t) for t in searched):
        return q.where(false())  # nothing stored can match it: "no match", not an error
    open_ = C.is_open == true()  # "= true", which every database's index can seek
    if f.view == "mine":
        q = q.where(C.assignee_id == actor.user_id, open_)
    elif f.view == "unassigned":
        q = q.where(C.assignee_id.is_(None), open_)
    elif f.view == "escalated":
        q = q.where(C.status == CaseStatus.ESCALATED.value)
    elif f.view == "awaiting_check":
        q = q.where(C.status == CaseStatus.AWAITING_CHECK.value)
    elif f.view == "overdue":
        q = q.where(C.due_at < utcnow(session), open_)
    for column, values in ((C.kind, f.kinds), (C.status, f.statuses), (C.band, f.bands),
                           (C.product, f.products), (C.channel, f.channels)):
        if values:
            q = q.where(column.in_(values))
    if f.assignee_id is not None:
        q = q.where(C.assignee_id == f.assignee_id)
    if f.rule:
        q = q.where(exists().where(H.application_id == C.application_id, H.code == f.rule))
    if f.submitted_from is not None:
        q = q.where(C.submitted_at >= f.submitted_from)
    if f.submitted_to is not None:
        q = q.where(C.submitted_at < f.submitted_to)
    if f.application_no:
        q = q.where(C.application_no == f.application_no.strip())
    if f.id_no or f.phone:
        cipher = load_cipher(session, create=False)
        apps = select(A.id)
        if f.id_no:
            apps = apps.join(table_of(Applicant), P.id == A.applicant_id).where(
                P.id_no_hash == cipher.digest("id_no", f.id_no.strip().upper()))
        if f.phone:
            apps = apps.where(A.phone_hash == cipher.digest("phone", f.phone.strip()))
        q = q.where(C.application_id.in_(apps))
    if f.name_prefix:
        q = q.where(*prefix_match(C.applicant_name, f.name_prefix.strip()))
    return q


MAX_SEARCH = 200  # longer than any stored name, number or reference


def searchable(text: str) -> bool:
    """Whether any stored value could equal or start with ``text`` (issue 25): not with a NUL
    (PostgreSQL refuses one in a parameter), a lone surrogate (no database can encode it) or
    more characters than any column holds. Such a search answers "no match"."""
    if len(text) > MAX_SEARCH or "\x00" in text:
        return False
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


def prefix_match(column: Any, prefix: str) -> list[Any]:
    """A range the (column, id) index can seek (a name starting with the prefix sorts inside
    it under binary and Unicode collations), plus LIKE where the range holds more. A prefix
    ending at or above U+D7FF gets LIKE alone: the next code point may be a surrogate or lie
    beyond U+10FFFF, and collations order those planes differently."""
    if not searchable(prefix):
        return [false()]
    escaped = prefix.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    like = column.like(escaped + "%", escape="\\")
    if not prefix or ord(prefix[-1]) >= 0xD7FF:
        return [like]
    upper = prefix[:-1] + chr(ord(prefix[-1]) + 1)
    return [column >= prefix, column < upper, like]


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
    key, flip = SORT_KEYS[sort]
    descending = descending != flip
    q = _where(session, actor, select(
        C.id, C.kind, C.status, C.priority, C.due_at, C.version, C.application_no,
        C.applicant_name, C.id_no_masked, C.product, C.channel, C.amount, C.pd, C.points,
        C.band, C.flags, U.username,
        case((C.status == CaseStatus.RETURNED.value, C.reason), else_="")
    ).select_from(table_of(Case))
        .outerjoin(table_of(User), U.id == C.assignee_id), f)
    if after is not None:
        value, last_id = after
        q = q.where(or_(key < value, and_(key == value, C.id < last_id)) if descending
                    else or_(key > value, and_(key == value, C.id > last_id)))
    q = q.order_by(key.desc(), C.id.desc()) if descending else q.order_by(key.asc(), C.id.asc())
    rows = [CaseRow(*r) for r in session.execute(q.limit(limit)).all()]
    if not allowed(actor, Action.PII_UNMASK):  # auditors and admins see names masked
        rows = [replace(r, name=mask_name(r.name)) for r in rows]
    return rows


def export_rows(session: Session, actor: Actor, f: CaseFilter, *, sort: str = "pd",
                descending: bool = True, batch: int = 5000) -> Any:
    """Every row of a view in its order, a keyset page at a time (for export)."""
    after = None
    while True:
        rows = page_cases(session, actor, f, sort=sort, descending=descending, after=after,
                          limit=batch)
        yield from rows
        if len(rows) < batch:
            return
        after = (sort_value(rows[-1], sort), rows[-1].id)


def last_page(session: Session, actor: Actor, f: CaseFilter, *, sort: str = "pd",
              descending: bool = True, limit: int = 200) -> list[CaseRow]:
    rows = page_cases(session, actor, f, sort=sort, descending=not descending, limit=limit)
    return rows[::-1]


def sort_value(row: CaseRow, sort: str) -> Any:
    return getattr(row, SORT_FIELD.get(sort, sort))
