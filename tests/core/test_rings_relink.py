"""``rings rebuild`` fills the link store in SQL (services/rings/relink.py): the same keys, in
the same id order with the same masked forms, and the same edges as the incremental path
(links.add_links) writes for the same applications, and the same rings, on every database."""
from __future__ import annotations

from pathlib import Path
from typing import Any

from sqlalchemy import Engine

from riskdesk.security.datakey import load_cipher
from riskdesk.services.actor import Actor
from riskdesk.services.rings import links
from riskdesk.services.rings.detect import rebuild
from riskdesk.storage.session import unit_of_work
from tests.ring_helpers import import_rings, ring_frame


def _store(engine: Engine) -> tuple[list[Any], list[Any], list[Any]]:
    """Keys in id order, edges by application, rings with their members (ids compared by
    order: a PostgreSQL sequence never restarts)."""
    with unit_of_work(engine, write=False) as s:
        conn = s.connection()
        keys = [tuple(r) for r in conn.exec_driver_sql(
            "SELECT kind, key_hash, masked FROM link_key ORDER BY id")]
        edges = [tuple(r) for r in conn.exec_driver_sql(
            "SELECT e.application_id, k.kind, k.key_hash, e.via, e.applicant_id, e.seen_at "
            "FROM link_edge e JOIN link_key k ON k.id = e.key_id "
            "ORDER BY e.application_id, k.kind, k.key_hash, e.via")]
        rings = [tuple(r) for r in conn.exec_driver_sql(
            "SELECT r.id, r.status, r.case_id, r.applicants, r.applications, r.metrics, "
            "m.applicant_id FROM fraud_ring r JOIN ring_member m ON m.ring_id = r.id "
            "ORDER BY r.id, m.applicant_id")]
    return keys, edges, rings


def test_rebuild_in_sql_writes_what_the_incremental_path_writes(
        scored: tuple[int, int], engine: Engine, actors: dict[str, Actor],
        tmp_path: Path) -> None:
    frame = ring_frame(prefix="RL")
    # contact phones: another's own phone, one's own phone (no second edge), one shared by
    # two contacts; one employer under two spellings (masked from the first application)
    frame["contact_phone"] = None
    frame.loc[0, "contact_phone"] = frame.loc[1, "phone"]
    frame.loc[2, "contact_phone"] = frame.loc[2, "phone"]
    frame.loc[[3, 4], "contact_phone"] = "13912345678"
    frame["employer"] = None
    frame.loc[5, "employer"] = "深圳市某某科技有限公司"
    frame.loc[6, "employer"] = " 深圳市某某科技 有限公司 "
    import_rings(engine, actors["officer"], tmp_path, frame)
    with unit_of_work(engine) as s:  # the incremental path over every application at once
        conn = s.connection()
        links.clear(conn)
        links.add_links(conn, cipher=load_cipher(s, create=False), application_ids=None)
    before = _store(engine)
    rebuild(engine, actors["senior"])
    after = _store(engine)
    assert after[0] == before[0] and after[1] == before[1] and after[2] == before[2]
    kinds = {k for k, _, _ in after[0]}
    vias = {e[3] for e in after[1]}
    assert kinds == {"device", "phone", "card", "employer"}
    assert vias == {"device", "phone", "card", "contact_phone", "employer"}
    assert len(after[2]) >= 12  # the chain's ring
