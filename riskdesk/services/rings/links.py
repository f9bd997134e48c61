"""The link store kept up to date: the keys of new applications, in proportion to them.

Called by the scoring job for the applications it decided (those already linked are left
alone), and by ``rings rebuild`` for all of them after the store was emptied. Keys of one kind
that another application already brought are looked up, the others inserted; then one edge row
per application and key. Device IDs are keyed here (the application keeps the device ID the
rules match on; the store keeps only its HMAC and a masked form).
"""
from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import numpy as np
import pandas as pd
from sqlalchemy import Connection, select

from riskdesk.domain.applications import Application
from riskdesk.domain.rings import LinkEdge, LinkKey
from riskdesk.domain.tables import table_of
from riskdesk.security.datakey import DataCipher
from riskdesk.services.rings.graph import placeholder
from riskdesk.services.rings.keys import mask_device
from riskdesk.storage.bulk import (
    column_values,
    deferred_sqlite_indexes,
    frame_of,
    insert_columns,
    is_empty,
    next_ids,
    select_in,
)

A, E, K = table_of(Application).c, table_of(LinkEdge).c, table_of(LinkKey).c
CHUNK = 900
# via -> (key kind, hash column, masked column); the device's hash is made here.
VIAS = {
    "device": ("device", "device_id", "device_id"),
    "phone": ("phone", "phone_hash", "phone_masked"),
    "card": ("card", "card_hash", "card_masked"),
    "contact_phone": ("phone", "contact_phone_hash", "contact_phone_masked"),
    "employer": ("employer", "employer_hash", "employer_masked"),
}
READ = sorted({c for _, h, m in VIAS.values() for c in (h, m)})


def read_applications(conn: Connection, *, application_ids: Sequence[int] | None) -> pd.DataFrame:
    """The keys of the listed applications not linked yet (of every application when None;
    the store is then empty)."""
    cols = [A.id, A.applicant_id, A.submitted_at, *(A[c] for c in READ)]
    if application_ids is None:
        return frame_of(conn, select(*cols).order_by(A.id))
    names = [c.name for c in cols]
    ph = placeholder(conn)
    unlinked = "" if is_empty(conn, table_of(LinkEdge)) else \
        " AND NOT EXISTS (SELECT 1 FROM link_edge e WHERE e.application_id = a.id)"
    ids = sorted({int(i) for i in application_ids})
    rows: list[tuple[Any, ...]] = []
    for start in range(0, len(ids), CHUNK):  # plain SQL: compiling the IN list cost more
        part = ids[start:start + CHUNK]
        sql = (f"SELECT {', '.join('a.' + n for n in names)} FROM application a WHERE a.id IN "
               f"({', '.join([ph] * len(part))}){unlinked}")
        rows.extend(tuple(r) for r in conn.exec_driver_sql(sql, tuple(part)).fetchall())
    if not rows:
        return pd.DataFrame({n: pd.Series(dtype=object) for n in names})
    return pd.DataFrame.from_records(rows, columns=names, coerce_float=False)


def long_edges(apps: pd.DataFrame, cipher: DataCipher) -> pd.DataFrame:
    """One row per application and key it carries: application_id, applicant_id, seen_at,
    via, kind, key_hash, masked."""
    parts = []
    for via, (kind, hash_col, masked_col) in VIAS.items():
        s = apps[apps[hash_col].notna() & (apps[hash_col].astype(str) != "")]
        if s.empty:
            continue
        if via == "device":
            uniques = pd.unique(s[hash_col].astype(str))
            digests = dict(zip(uniques, cipher.digest_many("device", uniques.tolist()),
                               strict=True))
            hashes = s[hash_col].astype(str).map(digests)
            masked = s[hash_col].astype(str).map(mask_device)
        else:
            hashes, masked = s[hash_col].astype(str), s[masked_col].fillna("").astype(str)
        parts.append(pd.DataFrame({
            "application_id": s["id"].astype(np.int64).to_numpy(),
            "applicant_id": s["applicant_id"].astype(np.int64).to_numpy(),
            "seen_at": pd.to_datetime(s["submitted_at"]).to_numpy(), "via": via,
            "kind": kind, "key_hash": hashes.to_numpy(), "masked": masked.str.slice(0, 32)
            .to_numpy()}))
    if not parts:
        return pd.DataFrame(columns=["application_id", "applicant_id", "seen_at", "via", "kind",
                                     "key_hash", "masked"])
    # An applicant's contact phone that is also their own phone is one tie, not two.
    out = pd.concat(parts, ignore_index=True)
    return out.drop_duplicates(["application_id", "kind", "key_hash"], keep="first")


def key_ids(conn: Connection, *, edges: pd.DataFrame) -> tuple[np.ndarray, np.ndarray]:
    """The link_key id of each edge row's key, inserting keys seen for the first time (each
    masked as the first edge row that carries it), and whether each row's key is one of
    those (all its edges are these rows). Keys are matched as one integer per (kind,
    hash) pair, not by merges and sorts on the strings: at a million applications' 2.8
    million edges those were 15 s of CPU (issue 35)."""
    kind_codes, kinds = pd.factorize(edges["kind"].to_numpy(object), sort=True)
    hash_codes, hashes = pd.factorize(edges["key_hash"].to_numpy(object))
    pairs = kind_codes.astype(np.int64) * max(1, len(hashes)) + hash_codes
    unique, first, inverse = np.unique(pairs, return_index=True, return_inverse=True)
    key_kind, key_hash = kind_codes[first], hash_codes[first]
    ids = np.full(len(unique), -1, dtype=np.int64)
    table = table_of(LinkKey)

    def take(kind: int, found: list[tuple[Any, ...]]) -> None:
        """Sets the ids of ``kind``'s keys from (key_hash, id) rows."""
        if found:
            at = pd.Index(hashes).get_indexer([str(h) for h, _ in found])
            ids[np.searchsorted(unique, kind * max(1, len(hashes)) + at)] = [
                int(i) for _, i in found]

    for k, kind in enumerate(kinds):
        take(k, select_in(conn, table, "key_hash", ["id"],
                          hashes[key_hash[key_kind == k]].tolist(), where={"kind": kind}))
    new = np.flatnonzero(ids < 0)
    if len(new):
        # in the unique index's (kind, key_hash) order: appended, not inserted at random (at
        # millions of keys the random inserts cost several times the rows)
        rank = np.empty(len(hashes), dtype=np.int64)
        rank[np.argsort(np.asarray(hashes, dtype=str), kind="stable")] = np.arange(len(hashes))
        new = new[np.lexsort((rank[key_hash[new]], key_kind[new]))]
        given = next_ids(conn, table, len(new))
        cols = {"kind": kinds[key_kind[new]].tolist(), "key_hash": hashes[key_hash[new]].tolist(),
                "masked": edges["masked"].to_numpy(object)[first[new]].tolist()}
        insert_columns(conn, table, cols if given is None else {"id": given, **cols})
        if given is not None:
            ids[new] = given
        else:  # MariaDB: the ids the inserts were given
            for k, kind in enumerate(kinds):
                mine = new[key_kind[new] == k]
                take(k, select_in(conn, table, "key_hash", ["id"],
                                  hashes[key_hash[mine]].tolist(), where={"kind": kind}))
    fresh = np.zeros(len(unique), dtype=bool)
    fresh[new] = True
    return np.asarray(ids[inverse.ravel()]), fresh[inverse.ravel()]


def add_links(conn: Connection, *, cipher: DataCipher,
              application_ids: Sequence[int] | None) -> pd.DataFrame:
    """Links for the applications not linked yet (see :func:`read_applications`); the edge
    rows written (application_id, applicant_id, key_id, seen_at, via, and new_key: the key
    was written with them, so these are all its edges)."""
    edges = long_edges(read_applications(conn, application_ids=application_ids), cipher)
    if edges.empty:
        return edges.assign(key_id=pd.Series(dtype=np.int64), new_key=pd.Series(dtype=bool))
    ids, fresh = key_ids(conn, edges=edges)
    edges = edges.assign(key_id=ids, new_key=fresh).sort_values(
        ["application_id", "key_id", "via"])  # the primary key's order (see key_ids)
    # A first scoring run of a million applications adds 2.8 million edges: the two walk
    # indexes built by sorting once after, not by as many random inserts (issue 35).
    with deferred_sqlite_indexes(conn, [table_of(LinkEdge).name], rows_added=len(edges)):
        insert_columns(conn, table_of(LinkEdge), {
            "application_id": edges["application_id"].tolist(),
            "key_id": edges["key_id"].tolist(), "via": edges["via"].tolist(),
            "applicant_id": edges["applicant_id"].tolist(),
            "seen_at": column_values(conn, edges["seen_at"])})
    return edges


def clear(conn: Connection) -> None:
    """Empties the store (a rebuild; a key rotation changes every hash)."""
    conn.execute(table_of(LinkEdge).delete())
    conn.execute(table_of(LinkKey).delete())
