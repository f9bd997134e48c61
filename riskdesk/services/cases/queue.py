"""Read model of the case queue: saved views, filters, searches, counts and keyset pages, all
in the database (deep pages cost what the first does; the count is a real COUNT).

Searches by ID number or phone go through the keyed hashes, so plain PII never reaches SQL.
"""
from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import datetime
from decimal import Decimal
from typing import Any

from sqlalchemy import Select, and_, case, exists, false, func, or_, select, true, tuple_
from sqlmodel import Session

from riskdesk.domain.applications import Applicant, Application
from riskdesk.domain.cases import QUEUE_SORTS, Case
from riskdesk.domain.enums import CaseKind, CaseStatus
from riskdesk.domain.rules import RuleHit
from riskdesk.domain.tables import table_of
from riskdesk.domain.users import User
from riskdesk.errors import InvalidInput
from riskdesk.i18n import translate
from riskdesk.security.datakey import load_cipher
from riskdesk.security.masking import mask_name
from riskdesk.services.actor import Actor
from riskdesk.services.cases import tally
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
    # What a case of another kind shows as its key facts (see FACTS): "" for the others.
    facts: str = ""
    # A post-loan (or annual review) case's loan as the latest monitoring run saw it, read for
    # the page's rows only (issue 27): "" / -1 where the case is on no loan.
    loan_no: str = ""
    dpd: int = -1
    loan_class: str = ""
    balance: Decimal = Decimal(-1)


@dataclass(frozen=True)
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
    # A masked ID number as the grid shows it (6 digits, stars, 4): matched on the masked
    # column the grid shows, never on the full number's keyed hash (issue 27, docs/search.md).
    id_no_masked: str | None = None
    phone: str | None = None
    # A masked phone as the Applications grid shows it (3 digits, stars, 4): matched on the
    # application's masked column, as a masked ID number is (issue 27).
    phone_masked: str | None = None
    name_prefix: str | None = None


# A sort key is a column with an index (column, id) on review_case (see Case), and whether
# it runs against the column's order: points and band follow PD (both derive from it).
SORT_KEYS: dict[str, tuple[Any, bool]] = {
    **{name: (C[name], False) for name in QUEUE_SORTS},
    "points": (C.pd, True), "band": (C.pd, False), "id": (C.id, False),
    "name": (C.applicant_name, False),
}
SORT_FIELD = {"points": "pd", "band": "pd"}
# The queue's default order (issue 27): priority, then due time, then id. Its sort value is the
# pair (priority, due_at); indexes (priority, due_at, id) and, for "My cases", (assignee_id,
# is_open, priority, due_at, id) serve it (domain/cases.py, migration 0013).
DEFAULT_SORT = "priority"
POSTLOAN_KINDS = (CaseKind.POST_LOAN.value, CaseKind.ANNUAL_REVIEW.value)
# Each case kind's key facts in its queue row (issue 27), beside what every row shows: a column
# of the case read as CaseRow.facts. A partner review already carries the partner's code and
# name as its number and name, and the breached thresholds as its flags (codes the queue
# labels); its facts are the figures that breached them. Post-loan cases read their loan's
# standing per page instead (_with_loans). Ring cases (issue 33) add their entry here.
FACTS: dict[str, Any] = {
    CaseKind.PARTNER_REVIEW.value: C.reason,
    CaseKind.MODEL_REVIEW.value: C.reason,  # the breaches' figures (issue 32)
}


def _base(columns: list[Any]) -> Select[Any]:
    return select(*columns).select_from(table_of(Case))


def _where(session: Session, actor: Actor, q: Select[Any], f: CaseFilter) -> Select[Any]:
    if f.view not in VIEWS:
        raise InvalidInput(translate("Queue", "Unknown view {view}.").format(view=f.view))
    searched = [t for t in (f.application_no, f.id_no, f.id_no_masked, f.phone, f.phone_masked,
                            f.name_prefix, f.rule) if t]
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
    if f.application_no:  # or a post-loan case's loan number, as its row shows (issue 27)
        from riskdesk.domain.loans import Loan  # issue 35: loaded when first needed

        number = f.application_no.strip()
        loans = table_of(Loan).c
        q = q.where(or_(C.application_no == number, C.application_id.in_(
            select(loans.application_id).where(loans.loan_no == number))))
    if f.id_no_masked:
        q = q.where(C.id_no_masked == f.id_no_masked.strip())
    if f.phone_masked:  # the (phone_masked, id) index finds the applications
        q = q.where(C.application_id.in_(
            select(A.id).where(A.phone_masked == f.phone_masked.strip())))
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


def count_cases(session: Session, actor: Actor, *, f: CaseFilter) -> int:
    """A real count; "All", "Unassigned", "Awaiting check" and "Overdue" with no other filter
    from the tallies kept with every case write (at 10 million cases counting them costs over
    100 ms, the unassigned ones 28-38 ms on PostgreSQL; issues 27, 34): "Overdue" is the open
    cases less those not yet due, which the (is_open, due_at, id) index counts."""
    require(actor, Action.APPLICATION_VIEW)
    if replace(f, view="all") == CaseFilter(view="all") and f.view in (
            "all", "unassigned", "awaiting_check", "overdue"):
        if f.view != "overdue":
            return tally.total(session, name=f.view)
        not_due = _base([func.count()]).where(C.is_open == true(), C.due_at >= utcnow(session))
        return tally.total(session, name="open") - int(session.execute(not_due).scalar() or 0)
    q = _where(session, actor, _base([func.count()]), f)
    return int(session.execute(q).scalar() or 0)


def page_cases(session: Session, actor: Actor, *, f: CaseFilter, sort: str = DEFAULT_SORT,
               descending: bool | None = None, after: tuple[Any, int] | None = None,
               limit: int = 200) -> list[CaseRow]:
    """One page in ``sort`` order, ties broken by case id; ``after`` = the previous page's last
    (sort value, id). For the last page, sort the other way and reverse. The default order is
    priority (1 first), then due time (soonest first)."""
    require(actor, Action.APPLICATION_VIEW)
    if sort not in SORT_KEYS:
        raise InvalidInput(translate("Queue", "Cannot sort by {key}.").format(key=sort))
    key, flip = SORT_KEYS[sort]
    descending = natural(sort, descending) != flip
    q = _where(session, actor, select(
        C.id, C.kind, C.status, C.priority, C.due_at, C.version, C.application_no,
        C.applicant_name, C.id_no_masked, C.product, C.channel, C.amount, C.pd, C.points,
        C.band, C.flags, U.username,
        case((C.status == CaseStatus.RETURNED.value, C.reason), else_=""),
        case(*((C.kind == kind, column) for kind, column in FACTS.items()), else_=""),
        C.application_id
    ).select_from(table_of(Case))
        .outerjoin(table_of(User), U.id == C.assignee_id), f)
    keys = [C.priority, C.due_at] if sort == DEFAULT_SORT else [key]
    if after is not None:
        value, last_id = after
        values = list(value) if sort == DEFAULT_SORT else [value]
        # A row comparison the (keys..., id) index seeks on, with its leading column as a
        # plain range too (every database's planner takes that one).
        row, at = tuple_(*keys, C.id), tuple_(*values, last_id)
        q = q.where(and_(keys[0] <= values[0], row < at) if descending
                    else and_(keys[0] >= values[0], row > at))
    order = [k.desc() if descending else k.asc() for k in (*keys, C.id)]
    q = q.order_by(*order)
    found = session.execute(q.limit(limit)).all()
    rows = [CaseRow(*r[:-1]) for r in found]
    rows = _with_loans(session, rows, [r[-1] for r in found])
    if not allowed(actor, Action.PII_UNMASK):  # auditors and admins see names masked
        rows = [replace(r, name=mask_name(r.name)) for r in rows]
    return rows


def natural(sort: str, descending: bool | None) -> bool:
    """None: the sort's own direction: priority then due ascending (most urgent first), the
    others descending (as before issue 27)."""
    return sort != DEFAULT_SORT if descending is None else descending


def _with_loans(session: Session, rows: list[CaseRow],
                application_ids: list[int | None]) -> list[CaseRow]:
    """The page's post-loan rows with their loan's number, days past due, five-category class
    and balance (the loan's latest monthly standing): one query for the page, by the loans'
    unique application id and the standing's (month, loan) key."""
    wanted = {a for r, a in zip(rows, application_ids, strict=True)
              if a is not None and r.kind in POSTLOAN_KINDS}
    if not wanted:
        return rows
    from riskdesk.domain.loans import Loan, LoanSnapshot  # not for a page of pre-loan cases

    L, S = table_of(Loan).c, table_of(LoanSnapshot).c
    latest = (select(func.max(S.month)).where(S.loan_id == L.id)
              .correlate(table_of(Loan)).scalar_subquery())
    found = {int(a): (no, dpd, cls, bal) for a, no, dpd, cls, bal in session.execute(
        select(L.application_id, L.loan_no, S.dpd, func.coalesce(L.category_override,
                                                                  S.category), S.balance)
        .select_from(table_of(Loan))
        .outerjoin(table_of(LoanSnapshot), and_(S.loan_id == L.id, S.month == latest))
        .where(L.application_id.in_(sorted(wanted)))).all()}
    out = []
    for r, a in zip(rows, application_ids, strict=True):
        loan = found.get(int(a)) if a is not None and r.kind in POSTLOAN_KINDS else None
        if loan is not None:
            no, dpd, cls, bal = loan
            r = replace(r, loan_no=no, dpd=-1 if dpd is None else int(dpd),
                        loan_class=cls or "", balance=Decimal(-1) if bal is None else bal)
        out.append(r)
    return out


def export_rows(session: Session, actor: Actor, *, f: CaseFilter, sort: str = DEFAULT_SORT,
                descending: bool | None = None, batch: int = 5000) -> Any:
    """Every row of a view in its order, a keyset page at a time (for export)."""
    after = None
    while True:
        rows = page_cases(session, actor, f=f, sort=sort, descending=descending, after=after,
                          limit=batch)
        yield from rows
        if len(rows) < batch:
            return
        after = (sort_value(rows[-1], sort), rows[-1].id)


def last_page(session: Session, actor: Actor, *, f: CaseFilter, sort: str = DEFAULT_SORT,
              descending: bool | None = None, limit: int = 200) -> list[CaseRow]:
    rows = page_cases(session, actor, f=f, sort=sort, descending=not natural(sort, descending),
                      limit=limit)
    return rows[::-1]


def sort_value(row: CaseRow, sort: str) -> Any:
    if sort == DEFAULT_SORT:
        return (row.priority, row.due_at)
    return getattr(row, SORT_FIELD.get(sort, sort))
