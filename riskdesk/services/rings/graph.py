"""Rings as connected components of the link store, within a window, in NumPy and SciPy.

An applicant and a key are nodes of one bipartite graph; a key joins applicants only if at
least two and at most ``key_cap`` distinct applicants carry it within the window and it is not
allowlisted (a shop's device, a call centre's phone). Components come from SciPy's
``connected_components`` over a sparse matrix (a union-find in C: a million applications'
four million edges in about a second), never a Python loop per edge.

Two ways in: :func:`window_edges` reads every edge in the window (``rings rebuild``, the
benchmark's build); :func:`closure` walks out from the applicants an import touched, hop by hop
in chunks of ids, so an import's update reads only the components it can change.
"""
from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

import numpy as np
import pandas as pd
from scipy.sparse import coo_matrix
from scipy.sparse.csgraph import connected_components
from sqlalchemy import Connection

from riskdesk.domain.rings import LinkEdge
from riskdesk.domain.tables import table_of
from riskdesk.rules.catalog import BY_CODE
from riskdesk.rules.evaluate import Setting
from riskdesk.storage.bulk import scalar_value

E = table_of(LinkEdge).c
CHUNK = 900
RULE = "FRAUD_RING"


@dataclass(frozen=True)
class RingParams:
    """FRAUD_RING's settings in force (the catalogue's defaults where a rule set written
    before the rule existed has none)."""
    enabled: bool
    min_applicants: int
    window_days: int
    key_cap: int
    severity: str

    def window_start(self, now: datetime) -> datetime:
        return now - timedelta(days=self.window_days)


def params_of(settings: dict[str, Setting]) -> RingParams:
    d = BY_CODE[RULE]
    s = settings.get(RULE)
    p: dict[str, Any] = {**d.params, **(s.params if s else {})}
    return RingParams(enabled=s.enabled if s else d.enabled,
                      min_applicants=int(p["min_applicants"]), window_days=int(p["days"]),
                      key_cap=int(p["key_cap"]), severity=s.severity if s else d.severity)


def usable(edges: pd.DataFrame, cap: int, allowed: Iterable[int]) -> pd.DataFrame:
    """The distinct (key_id, applicant_id) pairs of keys that join: 2..cap applicants, not
    allowlisted; by key. In NumPy on one int64 per pair (a million applications' 2.8 million
    edges: a quarter of the time pandas' drop_duplicates and value_counts took)."""
    keys = edges["key_id"].to_numpy(np.int64)
    people = edges["applicant_id"].to_numpy(np.int64)
    if len(keys) and (people.min() < 0 or people.max() >= 1 << 32):
        raise ValueError("applicant ids out of range")  # never: ids are positive int32s
    pairs = _distinct((keys << 32) | people)
    keys, people = pairs >> 32, pairs & 0xFFFFFFFF
    starts = np.flatnonzero(np.r_[True, keys[1:] != keys[:-1]])  # runs of one key
    counts = np.diff(np.r_[starts, len(keys)])
    n = np.repeat(counts, counts)
    keep = (n >= 2) & (n <= cap)
    allow = list(allowed)
    if allow:
        keep &= ~np.isin(keys, np.asarray(allow, dtype=np.int64))
    return pd.DataFrame({"key_id": keys[keep], "applicant_id": people[keep]})


def _distinct(values: np.ndarray) -> np.ndarray:
    """Sorted distinct values (NumPy 2's ``unique`` took ten times as long as this sort)."""
    v = np.sort(values)
    return v[np.r_[True, v[1:] != v[:-1]]] if len(v) else v


def components(pairs: pd.DataFrame) -> pd.DataFrame:
    """applicant_id, ring (a component label shared by the component's applicants) for every
    applicant joined to at least one other."""
    if pairs.empty:
        return pd.DataFrame({"applicant_id": pd.Series(dtype=np.int64),
                             "ring": pd.Series(dtype=np.int64)})
    people, p = np.unique(pairs["applicant_id"].to_numpy(np.int64), return_inverse=True)
    keys, k = np.unique(pairs["key_id"].to_numpy(np.int64), return_inverse=True)
    n = len(people) + len(keys)
    graph = coo_matrix((np.ones(len(p), dtype=np.int8), (p, k + len(people))), shape=(n, n))
    _, labels = connected_components(graph, directed=False)
    return pd.DataFrame({"applicant_id": people, "ring": labels[:len(people)].astype(np.int64)})


def window_edges(conn: Connection, *, start: datetime) -> pd.DataFrame:
    """key_id, applicant_id of every edge seen since ``start``: the table read in order
    (picking the shared keys' edges first looked each up at random: slower than all 2.8
    million of a million applications) straight into one array."""
    return _pairs(conn, [(f"SELECT key_id, applicant_id FROM link_edge WHERE seen_at >= "
                          f"{placeholder(conn)}", (scalar_value(conn, start),))])


def _pairs(conn: Connection, queries: Iterable[tuple[str, tuple[Any, ...]]]) -> pd.DataFrame:
    """The key_id, applicant_id rows of the queries (SQL, parameters), through the driver's
    own cursor (no row objects: a third of reading a million applications' edges) into one
    int64 array."""
    cursor = conn.connection.dbapi_connection.cursor()  # type: ignore[union-attr]
    rows: list[Any] = []
    try:
        for sql, params in queries:
            cursor.execute(sql, params)
            rows.extend(cursor.fetchall())
    finally:
        cursor.close()
    return pd.DataFrame(np.asarray(rows, dtype=np.int64).reshape(-1, 2),
                        columns=["key_id", "applicant_id"])


def placeholder(conn: Connection) -> str:
    """The driver's parameter marker, for plain SQL."""
    return {"qmark": "?", "numeric": "?", "named": "?"}.get(conn.dialect.paramstyle, "%s")


def edges_in(conn: Connection, *, column: str, ids: Sequence[int],
             start: datetime) -> pd.DataFrame:
    """key_id, applicant_id of the edges seen since ``start`` whose ``column`` is one of
    ``ids``: plain SQL through the driver in chunks (compiling a 900-value IN clause with
    SQLAlchemy cost more than running it)."""
    ph = placeholder(conn)
    since = scalar_value(conn, start)
    parts = [[int(v) for v in ids[i:i + CHUNK]] for i in range(0, len(ids), CHUNK)]
    return _pairs(conn, ((f"SELECT key_id, applicant_id FROM link_edge WHERE seen_at >= {ph} "
                          f"AND {column} IN ({', '.join([ph] * len(part))})", (since, *part))
                         for part in parts))


def closure(conn: Connection, *, applicants: Iterable[int], start: datetime, cap: int,
            allowed: Iterable[int], known: pd.DataFrame | None = None) -> pd.DataFrame:
    """The joining pairs (see :func:`usable`) of the components that hold ``applicants``,
    found by walking out from them: applicants -> their keys in the window -> each key's
    applicants in the window (a key over the cap or allowlisted is a dead end) -> ...

    ``known``: key_id, applicant_id of every edge in the window of keys that have no other
    edges (written by this import): their applicants are taken from it, not read again (at
    10,000 new applications, most of 25,000 keys; issue 33)."""
    allow = set(allowed)
    given = known if known is not None else pd.DataFrame({"key_id": [], "applicant_id": []})
    given_keys = set(given["key_id"].astype(np.int64).tolist())
    seen_people: set[int] = set()
    seen_keys: set[int] = set()
    frontier = sorted({int(a) for a in applicants})
    found: list[pd.DataFrame] = []
    while frontier:
        seen_people.update(frontier)
        theirs = edges_in(conn, column="applicant_id", ids=frontier, start=start)
        new_keys = sorted(set(theirs["key_id"].tolist()) - seen_keys - allow)
        seen_keys.update(new_keys)
        if not new_keys:
            break
        read = [k for k in new_keys if k not in given_keys]
        mine = given[given["key_id"].isin(new_keys)][["key_id", "applicant_id"]]
        shared = usable(pd.concat([edges_in(conn, column="key_id", ids=read, start=start),
                                   mine.astype(np.int64)], ignore_index=True), cap, ())
        found.append(shared)
        frontier = sorted(set(shared["applicant_id"].tolist()) - seen_people)
    if not found:
        return pd.DataFrame({"key_id": pd.Series(dtype=np.int64),
                             "applicant_id": pd.Series(dtype=np.int64)})
    return pd.concat(found, ignore_index=True).drop_duplicates()
