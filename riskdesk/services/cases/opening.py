"""Opening review cases: the one place a case is inserted (issue 23).

Every case carries the queue's read model (see :class:`~riskdesk.domain.cases.Case`): the
application's number, product, channel, amount and submission time, the applicant's name and
masked ID number, and the PD, points, band, rule flags and id of the decision it is opened on.
:func:`copied` says once where each comes from, for both forms here:

- :func:`open_cases`: set-based, one ``INSERT ... SELECT`` in the database for every decision
  record that matches (the scoring job opens hundreds of thousands of pre-loan cases at once,
  none of them passing through Python);
- :func:`open_listed` (and :func:`open_case` for one): cases listed by their callers (the
  monitoring run, a fraud complaint, a partner review), each on an application and its current
  decision or on none, with the columns their cause fills otherwise (a loan's principal as the
  amount, the alert codes as flags, a partner's code and name), and a ``case.open`` audit event
  each.

Both add their cases to the queue's tallies in the same transaction
(:mod:`~riskdesk.services.cases.tally`).

One case per cause: a dedupe key ``<kind>:<application id>`` for pre-loan and fraud cases (the
caller names others, e.g. ``partner_review:<code>:<month>``; post-loan cases have none).
"""
from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from sqlalchemy import (
    Boolean,
    Connection,
    DateTime,
    String,
    and_,
    cast,
    exists,
    func,
    literal,
    select,
)
from sqlalchemy.sql.elements import ColumnElement
from sqlmodel import Session

from riskdesk.domain.applications import Applicant, Application
from riskdesk.domain.cases import Case
from riskdesk.domain.enums import CaseStatus
from riskdesk.domain.scoring import DecisionRecord
from riskdesk.domain.tables import table_of
from riskdesk.errors import NotFound
from riskdesk.i18n import translate
from riskdesk.services.actor import Actor
from riskdesk.services.audit import trail as audit
from riskdesk.services.cases import tally
from riskdesk.storage.bulk import next_ids
from riskdesk.storage.clock import utcnow

CASES = table_of(Case)
A, P, D = table_of(Application).c, table_of(Applicant).c, table_of(DecisionRecord).c
C = CASES.c
CHUNK = 900  # application ids per IN (...): under every driver's bound-parameter limit


def copied() -> dict[str, ColumnElement[Any]]:
    """The queue's columns of a case, over the application ``A``, its applicant ``P`` and the
    decision ``D`` the case is opened on ("" and -1 where there is no decision)."""
    return {
        "application_no": A.application_no, "applicant_name": P.name,
        "id_no_masked": P.id_no_masked, "product": A.product, "channel": A.channel,
        "amount": A.amount, "submitted_at": A.submitted_at,
        "pd": func.coalesce(D.pd, -1.0), "points": func.coalesce(D.points, -1),
        "band": func.coalesce(D.band, ""), "flags": func.coalesce(D.flags, ""),
        "decision_record_id": D.id,
    }


def open_cases(conn: Connection, *, kind: str, decisions: Sequence[ColumnElement[bool]],
               priority: ColumnElement[int] | int, now: datetime, due_at: datetime) -> None:
    """In one statement, a new case of ``kind`` on the application of each decision record
    matching ``decisions`` (conditions over ``D``) that has no case of that kind yet, its queue
    columns copied from that decision; ``priority`` may be an expression over ``D``. Cases
    are opened in application order. No audit event per case: the caller audits its run."""
    stamp = literal(now, DateTime)
    values: dict[str, Any] = {
        "kind": literal(kind), "application_id": D.application_id,
        "dedupe_key": literal(f"{kind}:") + cast(D.application_id, String),
        "status": literal(CaseStatus.NEW.value), "is_open": literal(True, Boolean),
        "priority": priority if isinstance(priority, ColumnElement) else literal(priority),
        "due_at": literal(due_at, DateTime), "reason": literal(""),
        "created_at": stamp, "updated_at": stamp, "version": literal(1), **copied()}
    query = (select(*values.values())
             .join_from(table_of(DecisionRecord), table_of(Application),
                        A.id == D.application_id)
             .join(table_of(Applicant), P.id == A.applicant_id)
             .where(*decisions, ~exists().where(C.application_id == D.application_id,
                                                C.kind == kind))
             .order_by(D.application_id))
    inserted = conn.execute(CASES.insert().from_select(list(values), query)
                            .execution_options(preserve_rowcount=True)).rowcount
    tally.opened(conn, None, n=int(inserted))


@dataclass(frozen=True)
class NewCase:
    """A case a caller lists: on ``application_id`` (and its current decision) or on none."""
    kind: str
    priority: int
    due_at: datetime
    application_id: int | None = None
    dedupe_key: str | None = None
    reason: str = ""
    # Queue columns the cause fills instead of the application (amount, flags, ...).
    queue: dict[str, Any] = field(default_factory=dict)
    # The case.open event's ``after`` beside the kind, or a function of the case's row.
    audit: Mapping[str, Any] | Callable[[dict[str, Any]], Mapping[str, Any]] = field(
        default_factory=dict)


def open_listed(session: Session, actor: Actor, *, cases: Sequence[NewCase],
                now: datetime | None = None) -> list[int]:
    """The listed cases, in order, with a ``case.open`` audit event each; their ids. An
    application that is not there is refused (NotFound)."""
    if not cases:
        return []
    conn = session.connection()
    now = now or utcnow(session)
    found = _queue_columns(conn, sorted({c.application_id for c in cases
                                          if c.application_id is not None}))
    rows, none = [], _defaults()
    for c in cases:
        if c.application_id is not None and c.application_id not in found:
            raise NotFound(translate("Cases", "There is no application {id}.").format(
                id=c.application_id))
        rows.append({
            "kind": c.kind, "application_id": c.application_id, "dedupe_key": c.dedupe_key,
            "status": CaseStatus.NEW.value, "is_open": True, "priority": c.priority,
            "due_at": c.due_at, "reason": c.reason[:2000], "created_at": now,
            "updated_at": now, "version": 1, **none,
            **(found[c.application_id] if c.application_id is not None else {}),
            **c.queue})
    ids = next_ids(conn, CASES, len(rows))
    if ids is not None:  # SQLite: the write lock makes MAX(id)+1... ours
        conn.execute(CASES.insert(), [{"id": i, **row} for i, row in zip(ids, rows,
                                                                          strict=True)])
    else:
        done = conn.execute(CASES.insert().returning(C.id, sort_by_parameter_order=True), rows)
        ids = [int(i) for i in done.scalars()]
    tally.opened(conn, actor, rows)
    audit.append_many(session, actor, action="case.open", entity_type="case", items=[
        (i, {"kind": c.kind, **(c.audit(row) if callable(c.audit) else c.audit)})
        for i, c, row in zip(ids, cases, rows, strict=True)])
    return ids


def open_case(session: Session, actor: Actor, *, kind: str, priority: int, due_at: datetime,
              application_id: int | None = None, dedupe_key: str | None = None,
              reason: str = "",
              audit: Mapping[str, Any] | Callable[[dict[str, Any]], Mapping[str, Any]]
              | None = None, now: datetime | None = None, **queue: Any) -> Case:
    """One case (see :func:`open_listed`); ``queue``: columns its cause fills."""
    [case_id] = open_listed(session, actor, cases=[NewCase(
        kind=kind, priority=priority, due_at=due_at, application_id=application_id,
        dedupe_key=dedupe_key, reason=reason, queue=queue, audit=audit or {})], now=now)
    case = session.get(Case, case_id)
    assert case is not None
    return case


def _defaults() -> dict[str, Any]:
    """The queue's "none" values (see Case) for a case on no application."""
    return {name: Case.model_fields[name].default for name in copied()}


def _queue_columns(conn: Connection, application_ids: list[int]) -> dict[int, dict[str, Any]]:
    """Each application's queue columns, from it, its applicant and its current decision."""
    columns = copied()
    out: dict[int, dict[str, Any]] = {}
    for start in range(0, len(application_ids), CHUNK):
        part = application_ids[start:start + CHUNK]
        query = (select(A.id, *(c.label(name) for name, c in columns.items()))
                 .join_from(table_of(Application), table_of(Applicant),
                            P.id == A.applicant_id)
                 .outerjoin(table_of(DecisionRecord), and_(D.application_id == A.id,
                                                           D.current_slot == 1))
                 .where(A.id.in_(part)))
        for row in conn.execute(query).mappings():
            out[int(row["id"])] = {name: row[name] for name in columns}
    return out
