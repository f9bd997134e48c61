"""When rings are looked for: after each scoring run, for what it touched; on ``rings rebuild``,
for everything.

The scoring job (which every import runs on its new rows) links the applications it decided
and walks out from their applicants (:func:`after_scoring`): the work grows with the import,
not with the database. ``rings rebuild`` empties the link store, links every application again
(after a key rotation every keyed hash changed) and recomputes every ring in the window.
"""
from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import func, select
from sqlmodel import Session

from riskdesk.domain.applications import Application
from riskdesk.domain.tables import table_of
from riskdesk.rules.evaluate import Setting
from riskdesk.security.datakey import load_cipher
from riskdesk.services.actor import Actor
from riskdesk.services.audit import trail as audit
from riskdesk.services.credit.rulesets import current_rule_set
from riskdesk.services.permissions import Action, require
from riskdesk.services.rings import graph, links, relink
from riskdesk.services.rings.store import RingChanges, allowlisted_keys, save_rings
from riskdesk.storage.bulk import bulk_cache, bulk_load_bind, deferred_sqlite_indexes
from riskdesk.storage.clock import utcnow
from riskdesk.storage.session import unit_of_work
from riskdesk.tasks import TaskState


@dataclass(frozen=True)
class RebuildResult:
    edges: int
    rings: int
    changes: RingChanges


def after_scoring(session: Session, actor: Actor, *, application_ids: Sequence[int],
                  settings: dict[str, Setting], now: datetime) -> RingChanges | None:
    """Links the decided applications not linked yet and keeps the rings they are in (in
    the scoring run's transaction). None when FRAUD_RING is off or nothing new is in the
    window."""
    conn = session.connection()
    edges = links.add_links(conn, load_cipher(session, create=False), application_ids)
    params = graph.params_of(settings)
    if not params.enabled or edges.empty:
        return None
    start = params.window_start(now)
    touched = edges.loc[edges["seen_at"] >= start, "applicant_id"].unique().tolist()
    if not touched:
        return None
    pairs = graph.closure(conn, touched, start, params.key_cap, allowlisted_keys(session, now))
    return save_rings(session, actor, comps=graph.components(pairs), pairs=pairs, params=params,
                      now=now, full=False)


def recompute(session: Session, actor: Actor, *, params: graph.RingParams,
              now: datetime) -> tuple[int, RingChanges]:
    """Every component in the window from the whole store; (rings kept, changes)."""
    conn = session.connection()
    pairs = graph.usable(graph.window_edges(conn, params.window_start(now)), params.key_cap,
                         allowlisted_keys(session, now))
    changes = save_rings(session, actor, comps=graph.components(pairs), pairs=pairs, params=params,
                         now=now,
                         full=True)
    return len(changes.opened) + len(changes.updated), changes


def rebuild(engine: Any, actor: Actor, *, state: TaskState | None = None) -> RebuildResult:
    """The link store emptied and filled again from every application, then every ring
    recomputed, in one transaction (``Action.RING_REBUILD``: a senior officer or an
    administrator)."""
    require(actor, Action.RING_REBUILD)
    state = state or TaskState()
    with unit_of_work(engine, write=False) as session:
        expected = 3 * int(session.connection().execute(select(func.count()).select_from(
            table_of(Application))).scalar_one())  # about three keys an application
    # a large store is written once to the file, not to the WAL and again at its checkpoint
    with bulk_load_bind(engine, expected) as bind, unit_of_work(bind) as session:
        _, settings = current_rule_set(session, actor)
        now = utcnow(session)
        conn = session.connection()
        links.clear(conn)
        with bulk_cache(conn), deferred_sqlite_indexes(conn, ["link_edge"],
                                                       rows_added=expected):
            edges = relink.link_all(conn, load_cipher(session, create=False))
        state.check()
        rings, changes = recompute(session, actor, params=graph.params_of(settings), now=now)
        audit.append(session, actor, action="rings.rebuild", entity_type="fraud_ring", entity_id=0,
                     after={
            "edges": edges, "opened": len(changes.opened),
            "updated": len(changes.updated), "merged": len(changes.merged)})
    return RebuildResult(edges, rings, changes)
