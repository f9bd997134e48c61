"""Many complaints registered at once (the call centre's file, ``intake/complaints.py``): each
made exactly as one registered by hand (``handling.prepared``), written by the bulk path
(COPY on PostgreSQL, multi-row INSERT on MariaDB, issue 34) and audited one
``complaint.register`` event each, chained in file order, in the caller's transaction.
"""
from __future__ import annotations

import uuid
from collections.abc import Callable, Sequence
from typing import Any

from sqlmodel import Session

from riskdesk.domain.complaints import Complaint
from riskdesk.domain.tables import table_of
from riskdesk.services.actor import Actor
from riskdesk.services.audit import trail as audit
from riskdesk.services.complaints.handling import keep_found, number_of, prepared, registered
from riskdesk.storage.bulk import (
    bound_columns,
    insert_columns,
    next_ids,
    select_in,
    update_columns,
)

PROGRESS_EVERY = 200


def register_many(session: Session, actor: Actor, *, items: Sequence[tuple[str, dict[str, Any]]],
                  progress: Callable[[int], None] | None = None) -> list[int]:
    """Registers each ``(source_ref, fields)`` (``fields`` as ``handling.prepared`` takes
    them); returns the new ids in order. ``progress`` hears how many were checked so far.
    Nothing is committed here: a refused file or a failed audit event rolls all back."""
    drafts = []
    for i, (_ref, fields) in enumerate(items):
        if progress is not None and i % PROGRESS_EVERY == 0:
            progress(i)
        drafts.append(prepared(session, actor, **fields))
    if not drafts:
        return []
    conn = session.connection()
    table = table_of(Complaint)
    ids = next_ids(conn, table, len(drafts))
    # Without ids before the insert (MariaDB) each row gets a unique stand-in number first.
    stand_in = f"pending-{uuid.uuid4().hex[:8]}-"
    rows = []
    for k, ((ref, _), (values, _, _)) in enumerate(zip(items, drafts, strict=True)):
        number = number_of(values["received_at"], ids[k]) if ids is not None \
            else f"{stand_in}{k}"
        complaint = Complaint(number=number, source_ref=ref, **values)  # the model's defaults
        row = {c.name: getattr(complaint, c.name) for c in table.c if c.name != "id"}
        rows.append(row if ids is None else {"id": ids[k], **row})
    insert_columns(conn, table, bound_columns(conn, table, rows))
    if ids is None:
        found = dict(select_in(conn, table, "number", ["id"], [r["number"] for r in rows]))
        ids = [int(found[r["number"]]) for r in rows]
        update_columns(conn, table, {"number": [number_of(r["received_at"], i)
                                                for r, i in zip(rows, ids, strict=True)],
                                     "id": ids}, keys=["id"])
    for complaint_id, (_, said, authorised) in zip(ids, drafts, strict=True):
        keep_found(session, complaint_id=complaint_id, said=said, authorised=authorised)
    audit.append_many(session, actor, action="complaint.register", entity_type="complaint", items=[
        (complaint_id, registered(values, number_of(values["received_at"], complaint_id)))
        for complaint_id, (values, _, _) in zip(ids, drafts, strict=True)])
    return ids
