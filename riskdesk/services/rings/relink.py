"""The whole link store filled again in SQL (``rings rebuild``): keys and edges by
``INSERT ... SELECT``, so a million applications' four million keyed values never travel to
Python and back.

Only the device needs Python: the application keeps the raw device ID (the rules match on
it), and its HMAC is made here, written to a temporary table by application id and joined from
there. The rows are those :func:`riskdesk.services.rings.links.add_links` writes for the same
applications, with the same ids: keys in (kind, key_hash) order, each key's masked form taken
from the first via (device, phone, card, contact_phone, employer) and then the lowest
application id that carries it, and an emergency contact's phone that is the applicant's own
phone adding no second edge. The store must be empty (see :func:`links.clear`).
"""
from __future__ import annotations

from sqlalchemy import Column, Connection, Integer, MetaData, String, Table

from riskdesk.security.datakey import DataCipher
from riskdesk.services.rings.keys import mask_device
from riskdesk.services.rings.links import VIAS
from riskdesk.storage.bulk import BULK_CACHE_KIB, insert_columns
from riskdesk.storage.engine import SQLITE_CACHE_KIB

DEVICES = Table("ring_device_key", MetaData(),
                Column("application_id", Integer, primary_key=True),
                Column("key_hash", String(64), nullable=False),
                Column("masked", String(32), nullable=False),
                prefixes=["TEMPORARY"])


def _present(col: str) -> str:
    return f"{col} IS NOT NULL AND {col} <> ''"


def _sources() -> list[tuple[str, str, str, str, str, str]]:
    """Per via: (via, kind, FROM clause, hash, masked, WHERE), in the order that picks a
    key's masked form."""
    out = [("device", "device", "ring_device_key a", "a.key_hash", "a.masked", "1 = 1")]
    for via, (kind, hash_col, masked_col) in VIAS.items():
        if via == "device":
            continue
        where = _present(f"a.{hash_col}")
        if via == "contact_phone":  # one's own phone as one's contact: one tie, not two
            where += " AND NOT (a.phone_hash IS NOT NULL AND a.phone_hash = a.contact_phone_hash)"
        out.append((via, kind, "application a", f"a.{hash_col}",
                    f"SUBSTR(COALESCE(a.{masked_col}, ''), 1, 32)", where))
    return out


def _devices(conn: Connection, cipher: DataCipher) -> None:
    """Fills the temporary table with every application's device key (HMAC and masked
    form)."""
    rows = conn.exec_driver_sql(
        f"SELECT id, device_id FROM application WHERE {_present('device_id')}").fetchall()
    ids = [int(r[0]) for r in rows]
    devices = [str(r[1]) for r in rows]
    del rows
    unique = list(dict.fromkeys(devices))
    digest = dict(zip(unique, cipher.digest_many("device", unique), strict=True))
    masked = {d: mask_device(d) for d in unique}
    insert_columns(conn, DEVICES, {"application_id": ids,
                                   "key_hash": [digest[d] for d in devices],
                                   "masked": [masked[d] for d in devices]})


def link_all(conn: Connection, cipher: DataCipher) -> int:
    """Fills the emptied store from every application; the number of edge rows written."""
    sqlite = conn.dialect.name == "sqlite"
    if sqlite:  # the temporary table's own page cache (2 MiB by default) spilled to its file
        conn.exec_driver_sql(f"PRAGMA temp.cache_size=-{BULK_CACHE_KIB}")
    DEVICES.create(conn)
    try:
        _devices(conn, cipher)
        sources = _sources()
        union = " UNION ALL ".join(
            f"SELECT '{kind}' AS kind, {h} AS key_hash, {m} AS masked, {prio} AS prio, "
            f"{'a.application_id' if via == 'device' else 'a.id'} AS app FROM {src} "
            f"WHERE {where}"
            for prio, (via, kind, src, h, m, where) in enumerate(sources))
        conn.exec_driver_sql(
            "INSERT INTO link_key (kind, key_hash, masked) SELECT kind, key_hash, masked FROM "
            "(SELECT kind, key_hash, masked, ROW_NUMBER() OVER (PARTITION BY kind, key_hash "
            f"ORDER BY prio, app) AS rn FROM ({union}) u) r WHERE rn = 1 "
            "ORDER BY kind, key_hash")
        edges = 0
        for via, kind, src, h, _, where in sources:
            if via == "device":
                src = "ring_device_key d CROSS JOIN application a"
                h, where = "d.key_hash", "a.id = d.application_id"
            # CROSS JOIN: SQLite then walks the applications in id order and looks each key
            # up by its unique index (left to itself it walks the keys and sorts after)
            done = conn.exec_driver_sql(
                "INSERT INTO link_edge (application_id, key_id, via, applicant_id, seen_at) "
                f"SELECT a.id, k.id, '{via}', a.applicant_id, a.submitted_at FROM {src} "
                f"CROSS JOIN link_key k WHERE k.kind = '{kind}' AND k.key_hash = {h} "
                f"AND {where}")
            edges += int(done.rowcount)
        return edges
    finally:
        DEVICES.drop(conn)  # MariaDB keeps a temporary table through a rollback
        if sqlite:
            conn.exec_driver_sql(f"PRAGMA temp.cache_size=-{SQLITE_CACHE_KIB}")
