"""The hash-chained audit trail (issue 3): appends, verification, tampering, concurrency."""
from __future__ import annotations

import sqlite3
import threading
from pathlib import Path

from sqlalchemy import Engine, select, text

from riskdesk.domain.audit import AuditEvent
from riskdesk.services import audit
from riskdesk.services.actor import Actor
from riskdesk.storage.session import unit_of_work
from tests.helpers import run_cli

ACTOR = Actor(1, "tester", frozenset({"admin"}))


def _append(engine: Engine, n: int, tag: str = "t") -> None:
    for i in range(n):
        with unit_of_work(engine) as session:
            audit.append(session, ACTOR, "test.event", "thing", f"{tag}{i}",
                         before={"v": i}, after={"v": i + 1, "名": "中文"})


def _verify(engine: Engine) -> audit.VerifyResult:
    with unit_of_work(engine, write=False) as session:
        return audit.verify(session)


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
    with engine.begin() as conn:
        conn.execute(text("UPDATE audit_event SET actor = 'mallory' WHERE seq = 2"))
    result = _verify(engine)
    assert not result.ok and result.broken_seq == 2


def test_rehashed_row_breaks_the_next_link(engine: Engine) -> None:
    _append(engine, 4)
    with unit_of_work(engine) as session:
        ev = session.get(AuditEvent, 2)
        assert ev is not None
        ev.after = '{"v":999}'
        ev.canonical = audit.canonical_text(ev)
        ev.hash = audit.sha256_hex(ev.canonical)
    result = _verify(engine)
    assert not result.ok and result.broken_seq == 3


def test_deleted_rows_are_detected(engine: Engine) -> None:
    _append(engine, 4)
    with engine.begin() as conn:
        conn.execute(text("DELETE FROM audit_event WHERE seq = 2"))
    assert _verify(engine).broken_seq == 2
    with engine.begin() as conn:
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
    """Acceptance: exit 0 when intact, non-zero after one row is edited with sqlite3."""
    _append(sqlite_engine, 3)
    sqlite_engine.dispose()
    ok = run_cli("audit", "verify", "--db", str(sqlite_path))
    assert ok.returncode == 0, ok.stderr
    assert "head hash" in ok.stdout
    con = sqlite3.connect(sqlite_path)
    con.execute("UPDATE audit_event SET entity_id = 'forged' WHERE seq = 2")
    con.commit()
    con.close()
    broken = run_cli("audit", "verify", "--db", str(sqlite_path))
    assert broken.returncode != 0
    assert "event 2" in broken.stderr
