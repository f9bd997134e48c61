"""The whole link store filled again in SQL (``rings rebuild``): keys and edges by
``INSERT ... SELECT``, so a million applications' four million keyed values never travel to
Python and back.

The rows are those :func:`riskdesk.services.rings.links.add_links` writes for the same
applications, with the same ids: keys in (kind, key_hash) order, each key's masked form taken
from the first via (device, phone, card, contact_phone, employer) and then the lowest
application id that carries it, and an emergency contact's phone that is the applicant's own
phone adding no second edge. The store must be empty (see :func:`links.clear`).

How, and why so (SQLite, a million applications):

- keys kind by kind in kind order (so their ids are in (kind, key_hash) order), each from the
  first application per keyed value: a grouped ``MIN(id)`` that SQLite reads off the hash
  column's index in order, no window function over every value (the servers, whose lookups
  back by id cost more, keep the first of each value from one pass instead);
- only the device needs Python: the application keeps the raw device ID (the rules match on
  it); its HMAC and masked form are made here for each distinct device (on a thread, while
  the database writes the card keys), the keys written in hash order with their ids known,
  and each application's device key id put in a temporary table that the edges join by
  application id;
- edges in one statement ordered by application id: on SQLite a merge of the vias' scans
  (no sort), so the edges' primary key is written in order, not swept through five times.
"""
from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass

import numpy as np
import pandas as pd
from sqlalchemy import Column, Connection, Integer, MetaData, Table

from riskdesk.domain.rings import LinkKey
from riskdesk.domain.tables import table_of
from riskdesk.security.datakey import DataCipher
from riskdesk.services.rings.keys import mask_device
from riskdesk.services.rings.links import VIAS
from riskdesk.storage import planner
from riskdesk.storage.bulk import BULK_CACHE_KIB, insert_columns, next_ids
from riskdesk.storage.engine import SQLITE_CACHE_KIB
from riskdesk.storage.mysql_keys import insert_into_empty
from riskdesk.storage.temporary import temporary_table

# From how many applications a first scoring run links in SQL (below it the per-import path
# of links.py is as quick and its output the same).
SQL_FROM = 1_000

DEVICES = Table("ring_device_key", MetaData(),
                Column("application_id", Integer, primary_key=True, autoincrement=False),
                Column("key_id", Integer, nullable=False),
                prefixes=["TEMPORARY"])


def _present(col: str) -> str:
    return f"{col} IS NOT NULL AND {col} <> ''"


def _where(via: str) -> str:
    """The applications (alias ``a``) that carry a key by ``via``."""
    hash_col = VIAS[via][1]
    where = _present(f"a.{hash_col}")
    if via == "contact_phone":  # one's own phone as one's contact: one tie, not two
        where += " AND NOT (a.phone_hash IS NOT NULL AND a.phone_hash = a.contact_phone_hash)"
    return where


def _keys(conn: Connection, kind: str) -> int:
    """A kind's keys (device excepted) in hash order, each masked as its first via and
    application carry it. SQLite: per via, the first application of each value (a grouped
    MIN(id)), less values an earlier via of the kind holds; the servers keep the first
    carrier of each value by via, then id, from one pass (:func:`_keys_distinct_on`,
    :func:`_keys_ranked`)."""
    if conn.dialect.name == "postgresql":
        return _keys_distinct_on(conn, kind)
    if conn.dialect.name in ("mysql", "mariadb"):
        return _keys_ranked(conn, kind)
    arms: list[str] = []
    earlier: list[str] = []
    for via, (k, hash_col, masked_col) in VIAS.items():
        if k != kind:
            continue
        held = "".join(f" AND NOT EXISTS (SELECT 1 FROM application p WHERE p.{h} = g.h)"
                       for h in earlier)
        arms.append(
            f"SELECT g.h AS h, SUBSTR(COALESCE(m.{masked_col}, ''), 1, 32) AS masked FROM "
            f"(SELECT a.{hash_col} AS h, MIN(a.id) AS first FROM application a "
            f"WHERE {_where(via)} GROUP BY a.{hash_col}) g "
            f"CROSS JOIN application m WHERE m.id = g.first{held}")
        earlier.append(hash_col)
    return _insert_keys(conn, kind, f"({' UNION ALL '.join(arms)}) u")


def _carried(kind: str) -> str:
    """Every (value ``h``, ``masked``, ``via`` rank, application ``id``) carrying a key of
    ``kind``, as a derived table's query."""
    return " UNION ALL ".join(
        f"SELECT a.{hash_col} AS h, SUBSTR(COALESCE(a.{masked_col}, ''), 1, 32) AS masked, "
        f"{rank} AS via, a.id AS id FROM application a WHERE {_where(via)}"
        for rank, (via, (k, hash_col, masked_col)) in enumerate(VIAS.items()) if k == kind)


def _keys_distinct_on(conn: Connection, kind: str) -> int:
    """:func:`_keys` on PostgreSQL: every carrying (value, via, application) sorted once and
    the first of each value kept (``DISTINCT ON``), the same rows without a grouped MIN per
    via joined back to the applications and checked against the earlier vias (200,000
    applications: the phones' 174,242 keys selected in 0.9-1.0 s against 1.6-1.7 s). The
    hashes sorted byte by byte (``COLLATE "C"``): the same groups (equality is the bytes' in
    every deterministic collation) and the same order for hex digits, without the database's
    language rules (the cards' sort 0.20-0.32 s against 0.11-0.14 s, issue 34)."""
    return _insert_keys(conn, kind, f"(SELECT DISTINCT ON (h) h, masked FROM (SELECT h COLLATE "
                                    f"\"C\" AS h, masked, via, id FROM ({_carried(kind)}) c) u "
                                    "ORDER BY h, via, id) f")


def _keys_ranked(conn: Connection, kind: str) -> int:
    """:func:`_keys` on MariaDB: the same first carrier of each value, by ``ROW_NUMBER()``
    over the value (MariaDB has no ``DISTINCT ON``). One pass over the applications in
    their stored order, where the grouped MIN(id) joined back looked each value's first
    application up by its id, a random read per key: under the server's 128 MiB buffer
    pool, read directly from disk (200,000 applications, cards' 140,625 keys with their
    commit: 3.5-5.2 s so, 1.4 s this way; phones' 174,242: 2.5-3.1 s, 2.2 s)."""
    return _insert_keys(conn, kind, "(SELECT h, masked FROM (SELECT h, masked, ROW_NUMBER() "
                                    f"OVER (PARTITION BY h ORDER BY via, id) AS n FROM "
                                    f"({_carried(kind)}) u) w WHERE n = 1) f")


def _insert_keys(conn: Connection, kind: str, rows: str) -> int:
    """``rows`` (a derived table of ``h`` and ``masked``) inserted as ``kind``'s keys in hash
    order, so their ids follow it; how many."""
    return int(conn.exec_driver_sql(
        f"INSERT INTO link_key (kind, key_hash, masked) SELECT '{kind}', h, masked FROM "
        f"{rows} ORDER BY h").rowcount)


@dataclass(frozen=True)
class _Devices:
    """The device keys to write, made from the applications' raw device ids: the applications
    (``ids``) and each one's device (``codes`` into ``hashes``), the distinct devices' HMACs
    and masked forms in hash order, ``order`` mapping hash order to ``codes``' numbering."""
    ids: np.ndarray
    codes: np.ndarray
    order: np.ndarray
    hashes: list[str]
    masked: list[str]


def _device_rows(conn: Connection) -> tuple[np.ndarray, list[str]]:
    """Each application with a device: its id and raw device id, read through the driver's
    cursor as arrays (a million of them)."""
    cursor = conn.connection.dbapi_connection.cursor()  # type: ignore[union-attr]
    try:
        cursor.execute(f"SELECT a.id, a.device_id FROM application a WHERE {_where('device')}")
        rows = cursor.fetchall()
    finally:
        cursor.close()
    ids = np.fromiter((r[0] for r in rows), dtype=np.int64, count=len(rows))
    return ids, [str(r[1]) for r in rows]


def _device_keys(ids: np.ndarray, devices: list[str], cipher: DataCipher) -> _Devices:
    """The HMAC and masked form of each distinct device, factorised (no database: made on a
    thread while the database writes the card keys)."""
    codes, uniques = pd.factorize(pd.Series(devices, dtype=object))
    unique = uniques.tolist()  # an Index read one item at a time costs 3 µs an item
    hashes = np.asarray(cipher.digest_many("device", unique), dtype=str)
    order = np.argsort(hashes, kind="stable")
    return _Devices(ids, codes, order, hashes[order].tolist(),
                    [mask_device(unique[i]) for i in order.tolist()])


def _devices(conn: Connection, made: _Devices) -> int:
    """The device keys in hash order, and each application's device key id in the temporary
    table; how many keys."""
    table, n = table_of(LinkKey), len(made.order)
    key_ids = next_ids(conn, table, n)
    cols = {"kind": ["device"] * n, "key_hash": made.hashes, "masked": made.masked}
    insert_columns(conn, table, cols if key_ids is None else {"id": key_ids, **cols})
    if key_ids is None:  # MariaDB: the ids the inserts were given
        found: dict[str, int] = {str(h): int(i) for h, i in conn.exec_driver_sql(
            "SELECT key_hash, id FROM link_key WHERE kind = 'device'")}
        key_ids = [found[h] for h in cols["key_hash"]]
    key_of = np.empty(n, dtype=np.int64)
    key_of[made.order] = key_ids
    insert_columns(conn, DEVICES, {"application_id": made.ids.tolist(),
                                   "key_id": key_of[made.codes].tolist()})
    return n


def _edges(conn: Connection) -> int:
    """Every edge in one statement, in application id order (see the module's docstring)."""
    arms = []
    for via, (kind, hash_col, _) in VIAS.items():
        if via == "device":
            arms.append("SELECT d.application_id AS app, d.key_id AS key_id, 'device' AS via, "
                        "a.applicant_id AS applicant_id, a.submitted_at AS seen_at "
                        "FROM ring_device_key d CROSS JOIN application a "
                        "WHERE a.id = d.application_id")
            continue
        # CROSS JOIN: SQLite walks the applications in id order and looks each key up by its
        # unique index (left to itself it walks the keys and sorts after)
        arms.append(f"SELECT a.id, k.id, '{via}', a.applicant_id, a.submitted_at "
                    f"FROM application a CROSS JOIN link_key k WHERE k.kind = '{kind}' "
                    f"AND k.key_hash = a.{hash_col} AND {_where(via)}")
    return insert_into_empty(  # MariaDB: loaded in bulk
        conn, "link_edge", "INSERT INTO link_edge (application_id, key_id, via, applicant_id, "
        f"seen_at) {' UNION ALL '.join(arms)} ORDER BY 1")


def link_all(conn: Connection, *, cipher: DataCipher) -> int:
    """Fills the emptied store from every application; the number of edge rows written."""
    sqlite = conn.dialect.name == "sqlite"
    if sqlite:  # the temporary table's own page cache (2 MiB by default) spilled to its file
        conn.exec_driver_sql(f"PRAGMA temp.cache_size=-{BULK_CACHE_KIB}")
    try:
        with temporary_table(conn, DEVICES):
            # The devices' HMACs and masks (Python's work) on a thread while the database
            # writes the card keys, which come first in kind order (the driver waits without
            # the GIL).
            with ThreadPoolExecutor(1, thread_name_prefix="device-keys") as pool:
                devices = pool.submit(_device_keys, *_device_rows(conn), cipher)
                keys = 0
                for kind in sorted({kind for kind, _, _ in VIAS.values()}):
                    keys += _devices(conn, devices.result()) if kind == "device" \
                        else _keys(conn, kind)
            planner.analyzed(conn, [table_of(LinkKey).name], rows_added=keys)  # joined next
            edges = _edges(conn)
    finally:
        if sqlite:
            conn.exec_driver_sql(f"PRAGMA temp.cache_size=-{SQLITE_CACHE_KIB}")
    return edges
