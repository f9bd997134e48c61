"""``rings rebuild`` fills the link store in SQL (services/rings/relink.py): the same keys, in
the same id order with the same masked forms, and the same edges as the incremental path
(links.add_links) writes for the same applications, and the same rings, on every database."""
from __future__ import annotations

import functools
import json
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import Engine, text

from riskdesk.security.datakey import load_cipher
from riskdesk.services.actor import Actor
from riskdesk.services.credit.rulesets import current_rule_set
from riskdesk.services.credit.scoring_job import score_applications
from riskdesk.services.intake.applications import import_frame
from riskdesk.services.rings import detect, links, relink
from riskdesk.services.rings.detect import after_scoring, rebuild
from riskdesk.storage import bulk
from riskdesk.storage.clock import utcnow
from riskdesk.storage.session import unit_of_work
from riskdesk.storage.unique_keys import deferred_unique_keys
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


def _count(engine: Engine, sql: dict[str, str]) -> int:
    """What the dialect's query of ``sql`` counts (``mysql`` for MariaDB)."""
    name = "mysql" if engine.dialect.name == "mariadb" else engine.dialect.name
    with unit_of_work(engine, write=False) as s:
        return int(s.connection().exec_driver_sql(sql[name]).scalar_one())


def _link_edge_keys(engine: Engine) -> int:
    return _count(engine, {
        "postgresql": "SELECT count(*) FROM pg_constraint c JOIN pg_class t ON "
                      "t.oid = c.conrelid WHERE c.contype = 'f' AND t.relname = 'link_edge'",
        "sqlite": "SELECT count(*) FROM pragma_foreign_key_list('link_edge')",
        "mysql": "SELECT count(*) FROM information_schema.referential_constraints "
                 "WHERE constraint_schema = DATABASE() AND table_name = 'link_edge'"})


def _link_key_keys(engine: Engine) -> int:
    """The link keys' primary and unique keys."""
    return _count(engine, {
        "postgresql": "SELECT count(*) FROM pg_constraint WHERE conrelid = "
                      "'link_key'::regclass AND contype IN ('p', 'u')",
        "sqlite": "SELECT 1 + (SELECT count(*) FROM pragma_index_list('link_key') "
                  "WHERE \"unique\" = 1)",  # and the rowid primary key
        "mysql": "SELECT count(DISTINCT index_name) FROM information_schema.statistics WHERE "
                 "table_schema = DATABASE() AND table_name = 'link_key' AND non_unique = 0"})


def test_rebuild_in_sql_writes_what_the_incremental_path_writes(
        scored: tuple[int, int], engine: Engine, actors: dict[str, Actor],
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # PostgreSQL's link keys dropped for the load and added back (checking every row) at any
    # size here, not only from 20,000 rows
    monkeypatch.setattr(detect, "deferred_foreign_keys",
                        functools.partial(bulk.deferred_foreign_keys, minimum=1))
    keys = _link_edge_keys(engine)
    assert keys == 3
    frame = ring_frame(prefix="RL")
    # contact phones: another's own phone, one's own phone (no second edge), one shared by
    # two contacts; one employer under two spellings (masked from the first application)
    frame["contact_phone"] = None
    frame.loc[0, "contact_phone"] = frame.loc[1, "phone"]
    frame.loc[2, "contact_phone"] = frame.loc[2, "phone"]
    frame.loc[[3, 4], "contact_phone"] = "13912345678"
    frame["employer"] = None
    frame.loc[5, "employer"] = "深圳市某某科技有限公司"
    frame.loc[6, "employer"] = " 深圳市某某科技 "  # the same key, masked otherwise
    import_rings(engine, actors["officer"], tmp_path, frame)
    with unit_of_work(engine) as s:  # the first via wins over the lower id: a phone's key is
        # masked as the applicant's own phone (application 1) even where a lower id carries
        # it as a contact's (application 0), masked otherwise here
        s.connection().exec_driver_sql(
            "UPDATE application SET contact_phone_masked = '139****0000' "
            f"WHERE application_no = '{frame.loc[0, 'application_no']}'")
    with unit_of_work(engine) as s:  # the incremental path over every application at once
        conn = s.connection()
        links.clear(conn)
        links.add_links(conn, cipher=load_cipher(s, create=False), application_ids=None)
    before = _store(engine)
    rebuild(engine, actors["senior"])
    after = _store(engine)
    assert _link_edge_keys(engine) == keys
    if engine.dialect.name in ("mysql", "mariadb"):  # the pooled connection checks again
        with engine.connect() as conn:
            assert conn.exec_driver_sql("SELECT @@foreign_key_checks").scalar() == 1
            assert conn.exec_driver_sql("SELECT @@unique_checks").scalar() == 1
    assert after[0] == before[0] and after[1] == before[1] and after[2] == before[2]
    assert [m for k, _, m in after[0] if k == "employer"] == ["深圳******司"]  # the first's
    assert "139****0000" not in {m for _, _, m in after[0]}
    kinds = {k for k, _, _ in after[0]}
    vias = {e[3] for e in after[1]}
    assert kinds == {"device", "phone", "card", "employer"}
    assert vias == {"device", "phone", "card", "contact_phone", "employer"}
    assert len(after[2]) >= 12  # the chain's ring


class _Undo(Exception):
    """Rolls a run back once its store and rings were read."""


def _snapshot(conn: Any) -> tuple[list[Any], ...]:
    """Keys in id order, edges, and rings with their members and case links (ring ids by
    order: a sequence moves on through a rollback), their metrics but the share flagged
    (taken before and after the applications' decisions)."""
    def unflagged(metrics: str) -> dict[str, Any]:
        return {k: v for k, v in json.loads(metrics).items() if k != "share_flagged"}

    return (
        [tuple(r) for r in conn.exec_driver_sql(
            "SELECT kind, key_hash, masked FROM link_key ORDER BY id")],
        [tuple(r) for r in conn.exec_driver_sql(
            "SELECT e.application_id, k.kind, k.key_hash, e.via, e.applicant_id, e.seen_at "
            "FROM link_edge e JOIN link_key k ON k.id = e.key_id "
            "ORDER BY e.application_id, k.kind, k.key_hash, e.via")],
        [(*r[:3], unflagged(r[3]), *r[4:]) for r in conn.exec_driver_sql(
            "SELECT r.status, r.applicants, r.applications, r.metrics, m.applicant_id, "
            "c.application_id FROM fraud_ring r JOIN ring_member m ON m.ring_id = r.id "
            "JOIN case_application c ON c.case_id = r.case_id "
            "ORDER BY r.id, m.applicant_id, c.application_id")])


def test_a_first_scoring_run_fills_the_store_as_the_per_import_path_would(
        scored: tuple[int, int], engine: Engine, actors: dict[str, Actor],
        monkeypatch: pytest.MonkeyPatch) -> None:
    """A scoring run that finds the link store empty (a new database's first load) fills it
    after it commits, as ``rings rebuild`` does (issue 35): the same keys, edges, rings and
    case links as its own transaction would have written by the per-import path."""
    officer = actors["officer"]
    with unit_of_work(engine) as s:  # the template's scored applications never linked
        links.clear(s.connection())
        assert not s.connection().exec_driver_sql("SELECT 1 FROM fraud_ring").first()
    result = import_frame(engine, officer, frame=ring_frame(prefix="FS"), file_name="first.csv",
                          sha256="f" * 64, score=False)
    assert not result.refused
    with pytest.raises(_Undo), unit_of_work(engine) as s:  # the per-import path, undone
        conn = s.connection()
        ids = [int(i) for i in conn.exec_driver_sql("SELECT id FROM application").scalars()]
        _, settings = current_rule_set(s, officer)
        after_scoring(s, officer, application_ids=ids, settings=settings, now=utcnow(s))
        per_import = _snapshot(conn)
        raise _Undo
    filled: list[Any] = []
    fill = detect.fill_store
    monkeypatch.setattr(detect, "fill_store", lambda *a, **k: filled.append(fill(*a, **k)))
    monkeypatch.setattr(relink, "SQL_FROM", 100)  # the file's 238 applications are enough
    # PostgreSQL: the edges' keys and the link keys' own keys set aside at any size here
    monkeypatch.setattr(detect, "deferred_foreign_keys",
                        functools.partial(bulk.deferred_foreign_keys, minimum=1))
    set_aside: list[bool] = []

    @contextmanager
    def unique_keys(*args: Any, **kwargs: Any) -> Iterator[bool]:
        with deferred_unique_keys(*args, **{**kwargs, "minimum": 1}) as done:
            set_aside.append(done)
            yield done

    monkeypatch.setattr(detect, "deferred_unique_keys", unique_keys)
    run = score_applications(engine, officer, scope="all")
    assert run.decisions == len(ring_frame(prefix="FS")) and len(filled) == 1
    assert (True in set_aside) == (engine.dialect.name == "postgresql")
    assert _link_edge_keys(engine) == 3 and _link_key_keys(engine) == 2
    with unit_of_work(engine, write=False) as s:
        assert _snapshot(s.connection()) == per_import
        events = [r[0] for r in s.connection().execute(text(
            "SELECT action FROM audit_event WHERE action LIKE 'ring%' ORDER BY seq"))]
    keys, edges, rings = per_import
    assert len(keys) > len(ids) and len(edges) > 2 * len(ids)
    assert len({r[4] for r in rings}) == 12  # the chain's ring, and only that
    assert events == ["ring.open", "rings.first_fill"]
    with unit_of_work(engine) as s:  # a later run takes the per-import path again
        assert not detect.fills_store_after(s, application_ids=ids)


def _prepare_first_fill(engine: Engine, officer: Actor, prefix: str) -> list[int]:
    """The template's links cleared and a ring file imported unscored: its application ids."""
    with unit_of_work(engine) as s:
        links.clear(s.connection())
    result = import_frame(engine, officer, frame=ring_frame(prefix=prefix),
                          file_name=f"{prefix}.csv", sha256=prefix.lower() * 32, score=False)
    assert not result.refused
    with unit_of_work(engine, write=False) as s:
        return [int(i) for i in s.connection().execute(text(
            "SELECT id FROM application WHERE application_no LIKE :p"), {"p": prefix + "%"})
            .scalars()]


def _linked(engine: Engine, ids: list[int]) -> int:
    with unit_of_work(engine, write=False) as s:
        return len({int(r[0]) for r in s.connection().exec_driver_sql(
            "SELECT DISTINCT application_id FROM link_edge")} & set(ids))


def test_a_first_fill_that_finds_the_store_linked_links_its_run_as_an_import_would(
        scored: tuple[int, int], engine: Engine, actors: dict[str, Actor]) -> None:
    """Another writer linked first (between the run's commit and its fill): the fill leaves
    the store alone and links the run's applications by the per-import path."""
    officer = actors["officer"]
    ids = _prepare_first_fill(engine, officer, "FL")
    with unit_of_work(engine) as s:  # the other writer: one application linked
        links.add_links(s.connection(), cipher=load_cipher(s, create=False),
                        application_ids=ids[:1])
    assert detect.fill_store(engine, officer, application_ids=ids) is None
    assert _linked(engine, ids) == len(ids)
    with unit_of_work(engine, write=False) as s:
        assert s.connection().exec_driver_sql(
            "SELECT max(applicants) FROM fraud_ring").scalar_one() == 12  # the chain's ring


def test_a_failed_first_fill_keeps_the_run_and_the_next_run_fills_the_store(
        scored: tuple[int, int], engine: Engine, actors: dict[str, Actor],
        monkeypatch: pytest.MonkeyPatch) -> None:
    officer = actors["officer"]
    ids = _prepare_first_fill(engine, officer, "FF")
    monkeypatch.setattr(relink, "SQL_FROM", 100)

    def broken(conn: Any, *, cipher: Any) -> int:
        raise RuntimeError("disk unplugged")

    monkeypatch.setattr(relink, "link_all", broken)
    with pytest.raises(detect.RingsNotLinked, match="scoring run was saved.*disk unplugged") \
            as failed:
        score_applications(engine, officer, scope="all")
    assert getattr(failed.value.scored, "decisions", None) == len(ids)  # what the run did
    with unit_of_work(engine, write=False) as s:  # the run committed; the store is empty
        decided = s.connection().execute(text(
            "SELECT count(*) FROM decision_record d JOIN application a "
            "ON a.id = d.application_id WHERE a.application_no LIKE 'FF%'")).scalar_one()
        assert decided == len(ids)
    assert _linked(engine, ids) == 0
    # an import whose scoring run hits the same failure stands, and says why and what mends it
    imported = import_frame(engine, officer, frame=ring_frame(prefix="FI").head(4),
                            file_name="FI.csv", sha256="d" * 64)
    assert imported.scoring is not None and imported.scoring.decisions == 4
    assert "scoring run was saved" in imported.scoring_note
    assert "rings rebuild" in imported.scoring_note
    monkeypatch.undo()
    monkeypatch.setattr(relink, "SQL_FROM", 100)
    small = ring_frame(prefix="FN").head(3)  # a small run: it fills the whole store
    import_frame(engine, officer, frame=small, file_name="FN.csv", sha256="e" * 64)
    assert _linked(engine, ids) == len(ids)


def test_a_statement_failing_in_the_fill_is_the_error_reported(
        scored: tuple[int, int], engine: Engine, actors: dict[str, Actor],
        monkeypatch: pytest.MonkeyPatch) -> None:
    """A statement of the fill failing: the run's note gives that statement's error (on
    PostgreSQL dropping the devices' temporary table in the failed transaction had replaced it
    with "current transaction is aborted"), and the next run fills the store (no temporary
    table left behind where a rollback keeps it)."""
    officer = actors["officer"]
    ids = _prepare_first_fill(engine, officer, "FS")
    monkeypatch.setattr(relink, "SQL_FROM", 100)

    def failing(conn: Any) -> int:
        conn.exec_driver_sql("SELECT rd_no_such_column FROM link_key")
        return 0

    monkeypatch.setattr(relink, "_edges", failing)
    with pytest.raises(detect.RingsNotLinked, match="rd_no_such_column") as failed:
        score_applications(engine, officer, scope="all")
    assert "aborted" not in str(failed.value)
    assert _linked(engine, ids) == 0
    monkeypatch.undo()
    monkeypatch.setattr(relink, "SQL_FROM", 100)
    import_frame(engine, officer, frame=ring_frame(prefix="FT").head(3), file_name="FT.csv",
                 sha256="f" * 64)
    assert _linked(engine, ids) == len(ids)
