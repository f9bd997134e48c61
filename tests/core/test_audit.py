"""The hash-chained audit trail (issue 3): appends, verification, tampering, concurrency."""
from __future__ import annotations

import sqlite3
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
from sqlalchemy import Engine, select, text

from riskdesk.domain.audit import AuditEvent
from riskdesk.services.actor import Actor
from riskdesk.services.audit import trail as audit
from riskdesk.storage import audit_guard
from riskdesk.storage.session import unit_of_work
from tests.helpers import run_cli

ACTOR = Actor(1, "tester", frozenset({"admin"}))


def _append(engine: Engine, n: int, tag: str = "t") -> None:
    for i in range(n):
        with unit_of_work(engine) as session:
            audit.append(session, ACTOR, action="test.event", entity_type="thing",
                         entity_id=f"{tag}{i}",
                         before={"v": i}, after={"v": i + 1, "名": "中文"})


def _verify(engine: Engine) -> audit.VerifyResult:
    with unit_of_work(engine, write=False) as session:
        return audit.verify(session)


@contextmanager
def around_guard(engine: Engine) -> Iterator[None]:
    """What someone with DDL rights can do: drop the triggers, change rows, put them back."""
    with engine.begin() as conn:
        for sql in audit_guard.statements(engine.dialect.name, drop=True):
            conn.exec_driver_sql(sql)
    try:
        yield
    finally:
        with engine.begin() as conn:
            for sql in audit_guard.statements(engine.dialect.name):
                conn.exec_driver_sql(sql)


def test_the_database_refuses_to_change_or_remove_audit_events(engine: Engine) -> None:
    from sqlalchemy.exc import DBAPIError

    _append(engine, 2)
    for sql in ("UPDATE audit_event SET actor = 'mallory' WHERE seq = 1",
                "DELETE FROM audit_event WHERE seq = 2", "DELETE FROM audit_event"):
        with pytest.raises(DBAPIError, match="append-only"), engine.begin() as conn:
            conn.execute(text(sql))
    if engine.dialect.name == "postgresql":
        with pytest.raises(DBAPIError, match="append-only"), engine.begin() as conn:
            conn.execute(text("TRUNCATE audit_event"))
    assert _verify(engine).ok and _verify(engine).events == 2


def test_chain_verifies_and_head_moves(engine: Engine) -> None:
    assert _verify(engine).ok
    _append(engine, 5)
    first = _verify(engine)
    assert first.ok and first.events == 5
    _append(engine, 1)
    second = _verify(engine)
    assert second.ok and second.events == 6 and second.head_hash != first.head_hash


def test_stored_canonical_text_is_what_was_hashed(engine: Engine) -> None:
    _append(engine, 2)
    with unit_of_work(engine, write=False) as session:
        events = session.scalars(select(AuditEvent).order_by(AuditEvent.seq)).all()
    assert events[1].prev_hash == events[0].hash
    assert audit.sha256_hex(events[1].canonical) == events[1].hash
    assert "中文" in events[1].canonical


def test_edited_field_is_detected(engine: Engine) -> None:
    _append(engine, 4)
    with around_guard(engine), engine.begin() as conn:
        conn.execute(text("UPDATE audit_event SET actor = 'mallory' WHERE seq = 2"))
    result = _verify(engine)
    assert not result.ok and result.broken_seq == 2


def test_rehashed_row_breaks_the_next_link(engine: Engine) -> None:
    _append(engine, 4)
    with around_guard(engine), unit_of_work(engine) as session:
        ev = session.get(AuditEvent, 2)
        assert ev is not None
        ev.after = '{"v":999}'
        ev.canonical = audit.canonical_text(ev)
        ev.hash = audit.sha256_hex(ev.canonical)
    result = _verify(engine)
    assert not result.ok and result.broken_seq == 3


def test_deleted_rows_are_detected(engine: Engine) -> None:
    _append(engine, 4)
    with around_guard(engine), engine.begin() as conn:
        conn.execute(text("DELETE FROM audit_event WHERE seq = 2"))
    assert _verify(engine).broken_seq == 2
    with around_guard(engine), engine.begin() as conn:
        conn.execute(text("DELETE FROM audit_event WHERE seq >= 2"))
    result = _verify(engine)
    assert not result.ok and "head" in result.reason


def test_concurrent_writers_never_fork_the_chain(engine: Engine) -> None:
    errors: list[BaseException] = []

    def worker(tag: str) -> None:
        try:
            _append(engine, 10, tag)
        except BaseException as exc:  # noqa: BLE001
            errors.append(exc)

    threads = [threading.Thread(target=worker, args=(f"w{i}",)) for i in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert not errors
    result = _verify(engine)
    assert result.ok and result.events == 40


def test_cli_verify_exit_codes_after_hand_edit(sqlite_engine: Engine, sqlite_path: Path) -> None:
    """Acceptance: intact, exit 1 while nothing outside the chain vouches for it (issue 24;
    0 once anchored, see test_audit_anchors.py), exit 2 after one row is edited with sqlite3."""
    _append(sqlite_engine, 3)
    sqlite_engine.dispose()
    ok = run_cli("audit", "verify", "--db", str(sqlite_path))
    assert ok.returncode == 1, ok.stderr
    assert "head hash" in ok.stdout and "nothing outside the chain vouches" in ok.stderr
    con = sqlite3.connect(sqlite_path)
    with pytest.raises(sqlite3.IntegrityError, match="append-only"):
        con.execute("UPDATE audit_event SET entity_id = 'forged' WHERE seq = 2")
    con.execute("DROP TRIGGER audit_event_no_update")  # someone with DDL rights
    con.execute("UPDATE audit_event SET entity_id = 'forged' WHERE seq = 2")
    con.commit()
    con.close()
    broken = run_cli("audit", "verify", "--db", str(sqlite_path))
    assert broken.returncode == 2
    assert "event 2" in broken.stderr


def rewrite_from(engine: Engine, seq: int, after: str) -> None:
    """A forger with DDL rights: change one event and recompute every later hash and the
    head, so the chain alone is consistent again."""
    from riskdesk.domain.audit import AuditHead

    with around_guard(engine), unit_of_work(engine) as session:
        events = session.scalars(select(AuditEvent).where(AuditEvent.seq >= seq)
                                 .order_by(AuditEvent.seq)).all()
        prev = session.scalar(select(AuditEvent.hash).where(AuditEvent.seq == seq - 1))
        for ev in events:
            if ev.seq == seq:
                ev.after = after
            ev.prev_hash = prev or audit.GENESIS_HASH
            ev.canonical = audit.canonical_text(ev)
            ev.hash = prev = audit.sha256_hex(ev.canonical)
        head = session.get(AuditHead, 1)
        assert head is not None
        head.hash = prev or ""


def test_a_recomputed_rewrite_is_caught_by_the_heads_reports_printed(
        sqlite_engine: Engine, sqlite_actors: dict[str, Actor], sqlite_path: Path,
        tmp_path: Path) -> None:
    from riskdesk.services.reporting import archive as reports
    from riskdesk.storage.clock import utcnow
    from tests.helpers import local_month_utc

    _append(sqlite_engine, 3)
    with unit_of_work(sqlite_engine, write=False) as s:
        month, _, _ = local_month_utc(utcnow(s))
    issued = reports.monthly_report(sqlite_engine, sqlite_actors["compliance"], month=month,
                                    language="en")
    kept = tmp_path / "kept.pdf"  # the compliance officer's signed copy, outside the database
    kept.write_bytes(issued.pdf)
    _append(sqlite_engine, 2, "later")
    sqlite_engine.dispose()
    assert run_cli("audit", "verify", "--db", str(sqlite_path)).returncode == 0
    rewrite_from(sqlite_engine, 2, '{"v":999}')
    assert _verify(sqlite_engine).ok  # the chain alone no longer tells ...
    sqlite_engine.dispose()
    caught = run_cli("audit", "verify", "--db", str(sqlite_path))
    assert caught.returncode == 2 and "REWRITTEN" in caught.stderr  # ... the report does
    assert "monthly report RD-M-" in caught.stderr
    with sqlite_engine.begin() as conn:  # the forger removes the archived reports too ...
        conn.execute(text("DELETE FROM report"))
    sqlite_engine.dispose()
    gone = run_cli("audit", "verify", "--db", str(sqlite_path))  # ... their issue events tell
    assert gone.returncode == 2 and "is missing from the archive" in gone.stderr  # (issue 24)
    external = run_cli("audit", "verify", "--db", str(sqlite_path), "--report", str(kept))
    assert external.returncode == 2 and "kept.pdf" in external.stderr


def test_keyed_anchors_catch_a_rewrite_and_cannot_be_forged(
        sqlite_engine: Engine, sqlite_actors: dict[str, Actor], sqlite_path: Path,
        tmp_path: Path) -> None:
    from riskdesk.services.audit.anchor_file import set_folder
    from tests.conftest import PASSWORD

    _append(sqlite_engine, 3)
    with unit_of_work(sqlite_engine) as session:  # the anchor file on "a share"
        set_folder(session, sqlite_actors["admin"], folder=str(tmp_path / "share"))
    sqlite_engine.dispose()
    # A keyring of this test's own (the file keyring lives in the data home): the worker's
    # may hold an anchor key already.
    env = {"RISKDESK_PASSWORD": PASSWORD, "XDG_DATA_HOME": str(tmp_path / "home")}
    db = ["--db", str(sqlite_path)]
    none = run_cli("audit", "anchor", *db, "--user", "auditor", env=env)
    assert none.returncode == 0 and "not sealed: no anchor key" in none.stdout, none.stderr
    made = run_cli("audit", "anchor", "--create-key", *db, "--user", "auditor", env=env)
    assert made.returncode == 0 and "under key" in made.stdout, made.stderr
    assert run_cli("audit", "verify", *db, env=env).returncode == 0
    rewrite_from(sqlite_engine, 2, '{"v":999}')
    sqlite_engine.dispose()
    caught = run_cli("audit", "verify", *db, env=env)
    assert caught.returncode == 2 and "keyed anchor" in caught.stderr
    with sqlite_engine.begin() as conn:  # re-pointing the anchor at the forged head fails too
        head = conn.execute(text("SELECT hash FROM audit_head")).scalar_one()
        conn.execute(text("UPDATE audit_anchor SET hash = :h"), {"h": head})
    sqlite_engine.dispose()
    forged = run_cli("audit", "verify", *db, env=env)
    assert forged.returncode == 2 and "forged seal" in forged.stderr
