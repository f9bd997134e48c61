"""Rings kept: their members, metrics and status, and their one fraud case each.

A component found by :mod:`riskdesk.services.rings.graph` is a ring when it has at least
FRAUD_RING's ``min_applicants`` applicants, or holds an applicant with a blacklisted identifier
or one in a ring confirmed as fraud. A ring keeps its ID while it grows: a component that
overlaps a kept ring updates it (the oldest, when it joins several: the others are marked
merged), and its case is updated and linked to the new applications, never opened twice.
Cases are opened only through ``services/cases/opening.py`` (all of a run's in one call).

Everything is set-based (figures by group, one insert or update per table, one audit call per
kind of event): a rebuild keeps thousands of rings in seconds.
"""
from __future__ import annotations

import json
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import Any

import numpy as np
import pandas as pd
from sqlalchemy import Connection, Float, and_, select, tuple_, type_coerce
from sqlmodel import Session

from riskdesk.domain.applications import Applicant, Application
from riskdesk.domain.cases import Case
from riskdesk.domain.enums import CaseKind, DecisionOutcome
from riskdesk.domain.rings import (
    LIVE_STATUSES,
    CaseApplication,
    FraudRing,
    LinkEdge,
    LinkKey,
    RingMember,
    ring_code,
)
from riskdesk.domain.scoring import DecisionRecord
from riskdesk.domain.tables import table_of
from riskdesk.services.actor import Actor
from riskdesk.services.audit import trail as audit
from riskdesk.services.cases.opening import NewCase, open_listed
from riskdesk.services.credit.rulesets import current_policy
from riskdesk.services.rings.graph import RULE, RingParams
from riskdesk.storage.bulk import (
    frame_of,
    insert_columns,
    next_ids,
    scalar_value,
    select_in,
    update_columns,
)

A, P, D = table_of(Application).c, table_of(Applicant).c, table_of(DecisionRecord).c
K, M, R = table_of(LinkKey).c, table_of(RingMember).c, table_of(FraudRing).c
E, CA = table_of(LinkEdge).c, table_of(CaseApplication).c
RINGS, CHUNK = table_of(FraudRing), 900
LIVE = LIVE_STATUSES  # statuses a growing component joins


@dataclass(frozen=True)
class RingChanges:
    opened: list[int] = field(default_factory=list)
    updated: list[int] = field(default_factory=list)
    merged: list[int] = field(default_factory=list)


def _lists(session: Session, now: datetime) -> tuple[pd.DataFrame, pd.DataFrame]:
    """The managed blacklist and allowlist in force (issue 30): (kind, value_key) frames."""
    from riskdesk.services.lists.entries import rule_lists

    return rule_lists(session.connection(), at=now)


def _key_ids(conn: Connection, listed: pd.DataFrame) -> set[int]:
    """link_key ids of listed keyed hashes (devices, phones and cards are keyed alike)."""
    out: set[int] = set()
    for kind, part in listed.groupby("kind"):
        out.update(int(i) for _, i in select_in(conn, table_of(LinkKey), "key_hash", ["id"],
                                                part["value_key"].tolist(),
                                                where={"kind": kind}))
    return out


def allowlisted_keys(session: Session, *, now: datetime) -> set[int]:
    """link_key ids on the allowlist in force: they join nobody."""
    return _key_ids(session.connection(), _lists(session, now)[1])


def tainted_applicants(session: Session, *, now: datetime) -> set[int]:
    """Applicants with a blacklisted identifier, or in a ring confirmed as fraud."""
    conn = session.connection()
    black = _lists(session, now)[0]
    out: set[int] = set()
    keys = sorted(_key_ids(conn, black))
    for i in range(0, len(keys), CHUNK):
        out.update(int(r[0]) for r in conn.execute(
            select(E.applicant_id).where(E.key_id.in_(keys[i:i + CHUNK])).distinct()))
    ids = black.loc[black["kind"] == "id_no", "value_key"].tolist()
    out.update(int(a) for _, a in select_in(conn, table_of(Applicant), "id_no_hash", ["id"], ids))
    out.update(int(r[0]) for r in conn.execute(
        select(M.applicant_id).join_from(table_of(RingMember), RINGS, R.id == M.ring_id)
        .where(R.status == "confirmed")))
    return out


def _in_chunks(conn: Connection, query: Any, column: Any, ids: list[int],
               names: list[str]) -> pd.DataFrame:
    parts = [frame_of(conn, query.where(column.in_(ids[i:i + CHUNK])))
             for i in range(0, len(ids), CHUNK)]
    parts = [p for p in parts if len(p)]
    return pd.concat(parts, ignore_index=True) if parts else pd.DataFrame(
        {n: pd.Series(dtype=object) for n in names})


def _applications(conn: Connection, people: list[int], start: datetime) -> pd.DataFrame:
    """The members' applications in the window, with their current decision's outcome."""
    names = ["id", "applicant_id", "amount", "outcome", "submitted_at", "decided"]
    q = (select(A.id, A.applicant_id, type_coerce(A.amount, Float).label("amount"), A.outcome,
                A.submitted_at, D.outcome.label("decided"))
         .outerjoin(table_of(DecisionRecord), and_(D.application_id == A.id,
                                                   D.current_slot == 1))
         .where(A.submitted_at >= start))
    out = _in_chunks(conn, q, A.applicant_id, people, names)
    out["submitted_at"] = pd.to_datetime(out["submitted_at"])
    out["amount"] = out["amount"].astype(float)
    return out.astype({"id": np.int64, "applicant_id": np.int64}).sort_values("id")


def metrics(comps: pd.DataFrame, pairs: pd.DataFrame, kinds: pd.Series,
            apps: pd.DataFrame) -> pd.DataFrame:
    """The issue's figures per ring (index: the component label): applicants, applications,
    keys (shared), keys by kind, density (share of applicant pairs that share a key), time
    span in days, share flagged, share with bad outcomes, total amount applied."""
    ring_of = comps.set_index("applicant_id")["ring"]
    out = pd.DataFrame({"applicants": comps.groupby("ring").size()})
    a = apps.assign(ring=apps["applicant_id"].map(ring_of),
                    flagged=apps["decided"] == DecisionOutcome.FLAGGED.value,
                    bad=apps["outcome"] == "bad")
    g = a.groupby("ring")
    out["applications"] = g.size()
    out["amount"] = g["amount"].sum().round(2)
    out["first_seen"], out["last_seen"] = g["submitted_at"].min(), g["submitted_at"].max()
    out["share_flagged"], out["share_bad"] = g["flagged"].mean().round(4), g["bad"].mean() \
        .round(4)
    p = pairs.assign(ring=pairs["applicant_id"].map(ring_of),
                     kind=pairs["key_id"].map(kinds))
    out["keys"] = p.groupby("ring")["key_id"].nunique()
    by_kind = p.drop_duplicates(["ring", "key_id"]).groupby(["ring", "kind"]).size()
    kinds_of: dict[Any, dict[str, int]] = {}
    for (r, k), v in zip(by_kind.index.tolist(), by_kind.tolist(), strict=True):  # one pass
        kinds_of.setdefault(r, {})[str(k)] = int(v)  # (a groupby per ring: 0.9 s at 2,300 rings)
    out["keys_by_kind"] = pd.Series(kinds_of)
    both = p[["key_id", "applicant_id", "ring"]].merge(p[["key_id", "applicant_id"]],
                                                     on="key_id", suffixes=("", "_b"))
    both = both[both["applicant_id"] < both["applicant_id_b"]]
    linked = both.drop_duplicates(["applicant_id", "applicant_id_b"]).groupby("ring").size()
    n = out["applicants"].astype(float)
    out["density"] = (linked.reindex(out.index).fillna(0) / (n * (n - 1) / 2)).round(4)
    out["span_days"] = ((out["last_seen"] - out["first_seen"]).dt.total_seconds() / 86400) \
        .round(2)
    return out.fillna({"applications": 0, "amount": 0.0, "keys": 0})


FIGURES = ("applicants", "applications", "keys", "keys_by_kind", "density", "span_days",
           "share_flagged", "share_bad", "amount")


def _figures(row: Any) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for name in FIGURES:
        v = row[name]
        out[name] = v if isinstance(v, dict) else (
            int(v) if name in ("applicants", "applications", "keys") else float(v))
    return out


def save_rings(session: Session, actor: Actor, *, comps: pd.DataFrame, pairs: pd.DataFrame,
               params: RingParams, now: datetime, full: bool) -> RingChanges:
    """Keeps the components that are rings (see the module's docstring); ``full``: the
    components are every one in the window, so an open ring none of them holds expired."""
    conn = session.connection()
    sizes = comps.groupby("ring")["applicant_id"].size()
    tainted = tainted_applicants(session, now=now)
    hot = set(comps.loc[comps["applicant_id"].isin(list(tainted)), "ring"].tolist())
    keep = sorted(set(sizes[sizes >= params.min_applicants].index.tolist()) | hot)
    comps = comps[comps["ring"].isin(keep)]
    people = sorted(int(a) for a in comps["applicant_id"].tolist())
    apps = _applications(conn, people, params.window_start(now))
    pairs = pairs[pairs["applicant_id"].isin(people)]
    kinds = pd.Series(dict(select_in(conn, table_of(LinkKey), "id", ["kind"],
                                     sorted(set(pairs["key_id"].tolist())))), dtype=object)
    figures = metrics(comps, pairs, kinds, apps) if len(comps) else pd.DataFrame()
    # Each component's ring: the oldest live ring any member is in, else a new one.
    old = _in_chunks(conn, select(M.applicant_id, M.ring_id).join_from(
        table_of(RingMember), RINGS, R.id == M.ring_id).where(R.status.in_(LIVE)),
        M.applicant_id, people, ["applicant_id", "ring_id"])
    old = old.astype({"applicant_id": np.int64, "ring_id": np.int64}).merge(comps,
                                                                             on="applicant_id")
    joined = old.groupby("ring")["ring_id"].apply(lambda s: sorted(set(s.tolist())))
    stamp = scalar_value(conn, now)
    new_labels = [r for r in figures.index if r not in joined.index]
    ring_ids = dict(zip(new_labels, _insert_rings(conn, len(new_labels), stamp), strict=True))
    merged = [(o, rs[0]) for rs in joined for o in rs[1:]]
    before = _before(conn, [rs[0] for rs in joined])
    for label, rs in joined.items():
        ring_ids[label] = rs[0]
    _write_figures(conn, figures, ring_ids, stamp)
    members = comps.assign(ring_id=comps["ring"].map(ring_ids))
    touched = sorted(set(ring_ids.values()))
    _keep_members(conn, touched, members)
    if merged:
        update_columns(conn, RINGS, {"status": ["merged"] * len(merged),
                                     "updated_at": [stamp] * len(merged),
                                     "id": [o for o, _ in merged]}, keys=["id"])
        audit.append_many(session, actor, action="ring.merge", entity_type="fraud_ring", items=[
            (o, {"into": ring_code(into)}) for o, into in merged])
    described = {ring_ids[label]: _figures(row) for label, row in figures.iterrows()}
    opened = sorted(ring_ids[label] for label in new_labels)
    audit.append_many(session, actor, action="ring.open", entity_type="fraud_ring", items=[
        (r, {"ring": ring_code(r), **described[r]}) for r in opened])
    grown = [r for r, was in before.items()
             if (was["applicants"], was["applications"]) != (described[r]["applicants"],
                                                             described[r]["applications"])]
    changes = RingChanges(opened=opened, updated=sorted(grown),
                          merged=[o for o, _ in merged])
    for r in changes.updated:  # one event each: its before and after
        audit.append(session, actor, action="ring.update", entity_type="fraud_ring", entity_id=r,
                     before=before[r], after={
            k: described[r][k] for k in ("applicants", "applications", "amount")})
    _ring_cases(session, actor, touched, apps.assign(
        ring_id=apps["applicant_id"].map(members.set_index("applicant_id")["ring_id"])), now)
    if full:
        _expire(session, actor, set(touched) | {o for o, _ in merged}, stamp)
    return changes


def _keep_members(conn: Connection, ring_ids: list[int], members: pd.DataFrame) -> None:
    """The ``touched`` rings' members made ``members`` (ring_id, applicant_id): only the rows
    that changed deleted or inserted. A ring of 11,578 applicants that an import of 10,000
    grew by a few had all its rows deleted and written again: 0.45 s of the update (issue 33)."""
    have = _in_chunks(conn, select(M.ring_id, M.applicant_id), M.ring_id, ring_ids,
                      ["ring_id", "applicant_id"])
    old = set(zip(have["ring_id"].astype(int).tolist(), have["applicant_id"].astype(int).tolist(),
                  strict=True))
    new = set(zip(members["ring_id"].astype(int).tolist(),
                  members["applicant_id"].astype(int).tolist(), strict=True))
    gone = sorted(old - new)
    for i in range(0, len(gone), CHUNK):  # rare: a member whose links left the window
        part = gone[i:i + CHUNK]
        conn.execute(table_of(RingMember).delete().where(
            tuple_(M.ring_id, M.applicant_id).in_(part)))
    added = sorted(new - old)
    if added:
        insert_columns(conn, table_of(RingMember), {"ring_id": [r for r, _ in added],
                                                    "applicant_id": [a for _, a in added]})


def _insert_rings(conn: Connection, n: int, stamp: Any) -> list[int]:
    if n == 0:
        return []
    ids = next_ids(conn, RINGS, n)
    rows: dict[str, list[Any]] = {
        "status": ["open"] * n, "applicants": [0] * n, "applications": [0] * n,
        "keys": [0] * n, "amount": [0] * n, "metrics": ["{}"] * n,
        "created_at": [stamp] * n, "updated_at": [stamp] * n}
    if ids is not None:
        insert_columns(conn, RINGS, {"id": ids, **rows})
        return ids
    records = [dict(zip(rows, values, strict=True)) for values in zip(*rows.values(),
                                                                      strict=True)]
    done = conn.execute(RINGS.insert().returning(R.id, sort_by_parameter_order=True), records)
    return [int(i) for i in done.scalars()]


def _before(conn: Connection, ring_ids: list[int]) -> dict[int, dict[str, Any]]:
    return {int(i): {"applicants": int(a), "applications": int(n), "amount": float(m)}
            for i, a, n, m in select_in(conn, RINGS, "id",
                                        ["applicants", "applications", "amount"], ring_ids)}


def _write_figures(conn: Connection, figures: pd.DataFrame, ring_ids: dict[Any, int],
                   stamp: Any) -> None:
    if figures.empty:
        return
    rows = [(ring_ids[label], _figures(row), row["first_seen"], row["last_seen"])
            for label, row in figures.iterrows()]

    def when(t: Any) -> Any:
        return None if pd.isna(t) else scalar_value(conn, pd.Timestamp(t).to_pydatetime())

    # A proposal to close as confirmed fraud (services/rings/closing.py) outlives new figures.
    kept = {int(i): json.loads(m or "{}").get("proposal") for i, m in conn.execute(
        select(R.id, R.metrics).where(R.status == "awaiting_check"))}
    update_columns(conn, RINGS, {
        "applicants": [f["applicants"] for _, f, _, _ in rows],
        "applications": [f["applications"] for _, f, _, _ in rows],
        "keys": [f["keys"] for _, f, _, _ in rows],
        "amount": [f["amount"] for _, f, _, _ in rows],
        "metrics": [json.dumps({**f, "proposal": kept[r]} if kept.get(r) else f,
                               sort_keys=True, separators=(",", ":")) for r, f, _, _ in rows],
        "first_seen": [when(a) for _, _, a, _ in rows],
        "last_seen": [when(b) for _, _, _, b in rows],
        "updated_at": [stamp] * len(rows), "id": [r for r, _, _, _ in rows]}, keys=["id"])


def _ring_cases(session: Session, actor: Actor, ring_ids: list[int], apps: pd.DataFrame,
                now: datetime) -> None:
    """Each ring's one fraud case: opened the first time (all in one call), its queue
    columns kept up to date after, and linked to every member application."""
    if not ring_ids:
        return
    conn = session.connection()
    rings: dict[int, Any] = {}
    for i in range(0, len(ring_ids), CHUNK):
        rings.update((int(r.id), r) for r in conn.execute(
            select(R.id, R.case_id, R.applicants, R.applications, R.amount, R.first_seen)
            .where(R.id.in_(ring_ids[i:i + CHUNK]))))

    def queue(r: Any) -> dict[str, Any]:
        return {"application_no": ring_code(int(r.id)), "amount": float(r.amount),
                "flags": RULE, "submitted_at": r.first_seen,
                "applicant_name": f"{r.applicants} / {r.applications}"}

    due = now + timedelta(hours=current_policy(session, actor).review_sla_hours)
    new = [i for i in ring_ids if rings[i].case_id is None]
    opened = open_listed(session, actor, cases=[NewCase(
        kind=CaseKind.FRAUD.value, priority=1, due_at=due, dedupe_key=f"ring:{i}",
        queue=queue(rings[i]), audit={"ring": ring_code(i),
                                      "applicants": int(rings[i].applicants),
                                      "applications": int(rings[i].applications)})
        for i in new], now=now)
    if new:
        update_columns(conn, RINGS, {"case_id": opened, "id": new}, keys=["id"])
    case_of = {i: int(rings[i].case_id) for i in ring_ids if rings[i].case_id is not None}
    case_of.update(zip(new, opened, strict=True))
    kept = [i for i in ring_ids if i not in new]
    if kept:
        q = [queue(rings[i]) for i in kept]
        for row in q:  # as the driver takes a time
            row["submitted_at"] = None if row["submitted_at"] is None else scalar_value(
                conn, row["submitted_at"])
        update_columns(conn, table_of(Case), {
            **{name: [row[name] for row in q] for name in q[0]},
            "updated_at": [scalar_value(conn, now)] * len(kept),
            "id": [case_of[i] for i in kept]}, keys=["id"])
    links = apps.assign(case_id=apps["ring_id"].map(case_of))[["case_id", "id"]]
    cases = sorted(case_of.values())
    have = _in_chunks(conn, select(CA.case_id, CA.application_id), CA.case_id, cases,
                      ["case_id", "application_id"])
    have_pairs = set(zip(have["case_id"].astype(int), have["application_id"].astype(int),
                         strict=True))
    todo = [(int(c), int(a)) for c, a in zip(links["case_id"], links["id"], strict=True)
            if (int(c), int(a)) not in have_pairs]
    if todo:
        insert_columns(conn, table_of(CaseApplication), {
            "case_id": [c for c, _ in todo], "application_id": [a for _, a in todo]})


def _expire(session: Session, actor: Actor, found: set[int], stamp: Any) -> None:
    """Open rings no component of the window holds any more: their links expired."""
    conn = session.connection()
    gone = [int(r[0]) for r in conn.execute(select(R.id).where(R.status == "open"))
            if int(r[0]) not in found]
    if not gone:
        return
    update_columns(conn, RINGS, {"status": ["expired"] * len(gone),
                                 "updated_at": [stamp] * len(gone), "id": gone}, keys=["id"])
    audit.append_many(session, actor, action="ring.expire", entity_type="fraud_ring", items=[
        (r, {"ring": ring_code(r)}) for r in gone])
