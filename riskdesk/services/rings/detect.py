"""When rings are looked for: after each scoring run, for what it touched; on ``rings rebuild``,
for everything.

The scoring job (which every import runs on its new rows) links the applications it decided
and walks out from their applicants (:func:`after_scoring`): the work grows with the import,
not with the database. ``rings rebuild`` empties the link store, links every application again
(after a key rotation every keyed hash changed) and recomputes every ring in the window.
"""
from __future__ import annotations

from collections.abc import Iterator, Sequence
from contextlib import ExitStack, contextmanager
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import Connection, Engine, func, select
from sqlmodel import Session

from riskdesk.domain.applications import Application
from riskdesk.domain.rings import LinkEdge
from riskdesk.domain.tables import table_of
from riskdesk.errors import RiskdeskError
from riskdesk.i18n import translate
from riskdesk.rules.evaluate import Setting
from riskdesk.security.datakey import load_cipher
from riskdesk.services.actor import Actor
from riskdesk.services.audit import trail as audit
from riskdesk.services.credit.rulesets import current_rule_set
from riskdesk.services.permissions import Action, require
from riskdesk.services.rings import graph, links, relink
from riskdesk.services.rings.store import RingChanges, allowlisted_keys, save_rings
from riskdesk.storage.bulk import (
    BULK_CACHE_KIB,
    bulk_load_bind,
    deferred_foreign_keys,
    deferred_sqlite_indexes,
    is_empty,
)
from riskdesk.storage.clock import utcnow
from riskdesk.storage.engine import SQLITE_CACHE_KIB
from riskdesk.storage.mysql_keys import checks_off
from riskdesk.storage.session import unit_of_work
from riskdesk.storage.unique_keys import deferred_unique_keys
from riskdesk.tasks import TaskState


class RingsNotLinked(RiskdeskError):
    """A committed scoring run whose first fill of the link store failed; ``scored``: what
    the run did (set by the scoring job), for the caller to show beside the message."""
    scored: object | None = None


@dataclass(frozen=True)
class RebuildResult:
    edges: int
    rings: int
    changes: RingChanges


def after_scoring(session: Session, actor: Actor, *, application_ids: Sequence[int],
                  settings: dict[str, Setting], now: datetime) -> RingChanges | None:
    """Links the decided applications not linked yet and keeps the rings they are in (in
    the scoring run's transaction). None when FRAUD_RING is off or nothing new is in the
    window. A run that :func:`fills_store_after` leaves the store to :func:`fill_store`."""
    conn = session.connection()
    edges = links.add_links(conn, cipher=load_cipher(session, create=False),
                            application_ids=application_ids)
    params = graph.params_of(settings)
    if not params.enabled or edges.empty:
        return None
    start = params.window_start(now)
    recent = edges[edges["seen_at"] >= start]
    touched = recent["applicant_id"].unique().tolist()
    if not touched:
        return None
    pairs = graph.closure(conn, applicants=touched, start=start, cap=params.key_cap,
                          allowed=allowlisted_keys(session, now=now),
                          known=recent.loc[recent["new_key"], ["key_id", "applicant_id"]])
    return save_rings(session, actor, comps=graph.components(pairs), pairs=pairs, params=params,
                      now=now, full=False)


def fills_store_after(session: Session, *, application_ids: Sequence[int]) -> bool:
    """Is the link store empty with at least ``relink.SQL_FROM`` applications in the
    database (a new database's first load, or a first fill that failed)? Then the run
    leaves its links and rings to :func:`fill_store`, after it commits, instead of
    :func:`after_scoring`. Counted over the database, not the run: a small run after a fill
    that failed links every application, not its own alone.

    In the run's own transaction a million applications' links and rings took 54-57 s of
    CPU (the per-import path and the SQL path alike: SQLite checks each of 2.8 million edges'
    three foreign keys, and the pages go through the WAL); filled as ``rings rebuild`` fills
    the store, 29-34 s (issue 35)."""
    conn = session.connection()
    if not is_empty(conn, table_of(LinkEdge)):
        return False
    return bool(application_ids) and _applications(conn) >= relink.SQL_FROM


def _applications(conn: Connection) -> int:
    return int(conn.execute(select(func.count()).select_from(table_of(Application)))
               .scalar_one())


def fill_store(engine: Any, actor: Actor, *,
               application_ids: Sequence[int]) -> RebuildResult | None:
    """A first scoring run's links and rings, after the run committed: every application
    linked in SQL and the window's rings kept, as ``rings rebuild`` does (its two
    transactions). Not cancellable: the run it follows has committed.

    Fills are serialised (the store is looked at under a lock: SQLite's write lock, a row
    lock on the servers); when another writer linked first, this run's applications are
    linked and their rings kept by the per-import path instead (None then). A failure in
    the store's transaction leaves it empty, and the next scoring run fills it; one in the
    rings' transaction leaves the store filled with no ring kept from it, which ``rings
    rebuild`` recomputes (the error says so)."""
    try:
        result = _refill(engine, actor, state=TaskState(), first=True)
    except Exception as exc:  # the run is saved: say so, and what mends the rings
        raise RingsNotLinked(translate(
            "Rings", "The scoring run was saved, but linking its applications for fraud rings "
            "failed ({reason}). The next scoring run tries again; a senior officer can run "
            "'riskdesk rings rebuild' now.").format(reason=str(exc).splitlines()[0][:200])) \
            from exc
    if result is None:
        with unit_of_work(engine) as session:
            _, settings = current_rule_set(session, actor)
            after_scoring(session, actor, application_ids=application_ids, settings=settings,
                          now=utcnow(session))
    return result


def _whole_window(session: Session, actor: Actor, *, params: graph.RingParams, now: datetime,
                  full: bool) -> RingChanges:
    """Every component in the window from the whole store, read at once."""
    pairs = graph.usable(graph.window_edges(session.connection(), start=params.window_start(now)),
                         params.key_cap, allowlisted_keys(session, now=now))
    return save_rings(session, actor, comps=graph.components(pairs), pairs=pairs, params=params,
                      now=now, full=full)


@contextmanager
def _one_connection(bind: Engine | Connection) -> Iterator[Engine | Connection]:
    """What a rebuild's two transactions run on: on SQLite one connection with the bulk page
    cache for both (the rings read the 2.8 million edges just written, and the applications,
    from memory: the workstation's 64 MiB cache had let them go); elsewhere ``bind``."""
    if bind.dialect.name != "sqlite":
        yield bind
        return
    with ExitStack() as stack:
        conn = bind if isinstance(bind, Connection) else stack.enter_context(bind.connect())
        raw = conn.connection.driver_connection
        assert raw is not None
        raw.execute(f"PRAGMA cache_size=-{BULK_CACHE_KIB}")  # pages taken as needed
        try:
            yield conn
        finally:
            if conn.in_transaction():
                conn.rollback()
            raw.execute(f"PRAGMA cache_size=-{SQLITE_CACHE_KIB}")


@contextmanager
def _unchecked_links(conn: Engine | Connection) -> Iterator[None]:
    """On SQLite (a connection from :func:`_one_connection`): foreign keys not checked until
    the link store's transaction ends.

    Every link row comes from a join to the rows it points at (the application, its
    applicant, the key written just before in the same transaction), so the three checks on
    each of a million applications' 2.8 million edges prove nothing, and they were half the
    edges' insert (100,000 rows: 1.26 -> 0.65 s of CPU). SQLite takes the switch only between
    transactions, which is why the store is written in a transaction of its own."""
    if not isinstance(conn, Connection) or conn.dialect.name != "sqlite":
        yield
        return
    raw = conn.connection.driver_connection
    assert raw is not None
    raw.execute("PRAGMA foreign_keys=OFF")
    try:
        yield
    finally:
        if conn.in_transaction():  # refused inside a transaction
            conn.rollback()
        raw.execute("PRAGMA foreign_keys=ON")


@contextmanager
def _server_checks_once(conn: Connection, rows: int) -> Iterator[None]:
    """The link rows' foreign keys on a server, for the reason :func:`_unchecked_links` gives:
    PostgreSQL drops them for the load and adds them back after it, checking every row by
    one join instead of a trigger per row (``bulk.deferred_foreign_keys``); MariaDB does not
    check them in this transaction (``foreign_key_checks``, a session variable, set back
    before the connection goes back to the pool: ``mysql_keys.checks_off``). At 200,000
    applications on MariaDB the edges' statement took 30.9 s with the checks and 14.2 s
    without (issue 34). ``rows`` 0:
    PostgreSQL keeps its per-row checks (a rebuild on a working database: dropping the keys
    would lock the applications against every reader until the load commits). With the
    keys pointing at them set aside, a first fill's link keys and edges are also written
    without their own primary and unique keys, built once after them (``unique_keys``; the
    edges' 560,000 rows at 200,000 applications: 1.82-1.93 s with their key, 1.26-1.36 s
    without)."""
    if conn.dialect.name in ("mysql", "mariadb"):
        with checks_off(conn):
            yield
        return
    with deferred_foreign_keys(conn, ["link_edge"], rows_added=rows) as set_aside, \
            deferred_unique_keys(conn, ["link_key", "link_edge"],
                                 rows_added=rows if set_aside else 0):
        yield


def rebuild(engine: Any, actor: Actor, *, state: TaskState | None = None) -> RebuildResult:
    """The link store emptied and filled again from every application (one transaction),
    then every ring recomputed (a second one), ``Action.RING_REBUILD``: a senior officer or an
    administrator.

    Two transactions because the store is written without foreign-key checks (see
    :func:`_unchecked_links`); the rings' writes keep theirs. A failure or a cancel between
    or during the second leaves the new store with the rings as they were: consistent (rings
    name applicants, not keys), and the next import or rebuild keeps them."""
    require(actor, Action.RING_REBUILD)
    result = _refill(engine, actor, state=state or TaskState(), first=False)
    assert result is not None
    return result


def _lock_for_fill(conn: Connection) -> None:
    """Serialises first fills, and holds other writers of the link store off until this one
    commits (a per-import link or a rebuild's clear waits instead of running into its keys),
    taken by the application role as by any other: on SQLite the write lock is ours already;
    PostgreSQL locks the edges' table in ``SHARE ROW EXCLUSIVE`` mode (it conflicts with
    itself and with inserts; the application role may take it with its UPDATE grant, where
    ``FOR UPDATE`` on the read-only ``alembic_version`` was refused it; the owner's fill then
    sets the table's keys and indexes aside, which locks it and the tables they point at
    against readers too, until it commits); MariaDB locks the schema's revision row (``FOR
    UPDATE`` asks only SELECT there)."""
    if conn.dialect.name == "postgresql":
        conn.exec_driver_sql(
            f"LOCK TABLE {table_of(LinkEdge).name} IN SHARE ROW EXCLUSIVE MODE")
    elif conn.dialect.name != "sqlite":
        conn.exec_driver_sql("SELECT version_num FROM alembic_version FOR UPDATE")


def _refill(engine: Any, actor: Actor, *, state: TaskState, first: bool) -> RebuildResult | None:
    """:func:`rebuild`'s work; ``first``: :func:`fill_store`'s (an empty store only, rings
    kept as a scoring run keeps them, audited as ``rings.first_fill``)."""
    with unit_of_work(engine, write=False) as session:
        expected = 3 * _applications(session.connection())  # about three keys an application
    # a large store is written once to the file, not to the WAL and again at its checkpoint
    with bulk_load_bind(engine, expected) as bulk, _one_connection(bulk) as bind:
        with _unchecked_links(bind), unit_of_work(bind) as session:
            conn = session.connection()
            if first:
                _lock_for_fill(conn)
            if first and not is_empty(conn, table_of(LinkEdge)):
                return None
            links.clear(conn)
            with deferred_sqlite_indexes(conn, ["link_edge"], rows_added=expected), \
                    _server_checks_once(conn, expected if first else 0):
                edges = relink.link_all(conn, cipher=load_cipher(session, create=False))
        state.check()
        with unit_of_work(bind) as session:
            _, settings = current_rule_set(session, actor)
            params, now = graph.params_of(settings), utcnow(session)
            if first and not params.enabled:
                changes = RingChanges()
            else:
                changes = _whole_window(session, actor, params=params, now=now, full=not first)
            audit.append(session, actor, action="rings.first_fill" if first else "rings.rebuild",
                         entity_type="fraud_ring", entity_id=0, after={
                "edges": edges, "opened": len(changes.opened),
                "updated": len(changes.updated), "merged": len(changes.merged)})
    return RebuildResult(edges, len(changes.opened) + len(changes.updated), changes)
