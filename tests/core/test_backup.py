"""Backups of a local database (issue 9): consistent while another connection writes, checked
before they count, restored whole or not at all, rotated on exit."""
from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from sqlalchemy import Engine

from riskdesk.errors import ConfigurationError, InvalidInput
from riskdesk.services.actor import Actor
from riskdesk.services.audit import trail as audit
from riskdesk.storage import backup
from riskdesk.storage.session import unit_of_work
from tests.helpers import audit_events_in, run_cli

ACTOR = Actor(1, "tester", frozenset({"admin"}))


def _events(engine: Engine, n: int) -> None:
    for i in range(n):
        with unit_of_work(engine) as session:
            audit.append(session, ACTOR, action="test.event", entity_type="thing", entity_id=i)




def test_backup_is_consistent_while_another_connection_writes(
        sqlite_engine: Engine, sqlite_path: Path, tmp_path: Path) -> None:
    _events(sqlite_engine, 3)
    committed = audit_events_in(sqlite_path)
    writer = sqlite3.connect(sqlite_path, isolation_level=None)
    writer.execute("BEGIN IMMEDIATE")  # the app, in the middle of a write
    writer.execute("INSERT INTO app_setting (key, value, changed_by, changed_at) VALUES "
                   "('x', 'half-done', 'w', '2026-11-24 00:00:00')")
    info = backup.backup(sqlite_engine, tmp_path / "b.sqlite")
    writer.execute("COMMIT")
    writer.close()
    assert info.audit_events == committed and info.size > 0
    con = sqlite3.connect(info.path)
    assert con.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    assert con.execute("SELECT count(*) FROM app_setting WHERE key = 'x'").fetchone()[0] == 0
    con.close()
    assert not list(tmp_path.glob(".*partial"))


def test_restore_replaces_the_database_and_keeps_the_one_it_replaced(
        sqlite_engine: Engine, sqlite_path: Path, tmp_path: Path) -> None:
    _events(sqlite_engine, 2)
    saved = backup.backup(sqlite_engine, tmp_path / "b.sqlite")
    _events(sqlite_engine, 3)
    later = audit_events_in(sqlite_path)
    kept = backup.restore(sqlite_engine, saved.path)
    assert audit_events_in(sqlite_path) == saved.audit_events and audit_events_in(kept) == later
    with unit_of_work(sqlite_engine, write=False) as session:
        assert audit.verify(session).ok
    damaged = tmp_path / "damaged.sqlite"
    damaged.write_bytes(b"SQLite format 3\x00" + b"\x00" * 200)
    for bad in (damaged, tmp_path / "missing.sqlite"):
        with pytest.raises(InvalidInput):
            backup.restore(sqlite_engine, bad)
    assert audit_events_in(sqlite_path) == saved.audit_events  # unchanged by the refused restores


def test_rotation_keeps_the_newest_and_server_databases_are_the_dbas(
        engine: Engine, tmp_path: Path) -> None:
    if engine.dialect.name != "sqlite":
        with pytest.raises(ConfigurationError, match="pg_dump"):
            backup.backup(engine, tmp_path / "x.sqlite")
        assert backup.rotate(engine, tmp_path, 3) is None
        return
    made = [backup.rotate(engine, tmp_path / "auto", 2) for _ in range(3)]
    left = sorted((tmp_path / "auto").iterdir())
    assert [p.name for p in left] == [m.path.name for m in made[1:] if m]
    assert backup.rotate(engine, tmp_path / "off", 0) is None


def test_cli_backup_and_restore(sqlite_engine: Engine, sqlite_path: Path,
                                tmp_path: Path) -> None:
    _events(sqlite_engine, 2)
    sqlite_engine.dispose()
    out = tmp_path / "copy.sqlite"
    made = run_cli("db", "backup", "--out", str(out), "--db", str(sqlite_path))
    assert made.returncode == 0 and "integrity ok" in made.stdout, made.stderr
    junk = tmp_path / "junk.sqlite"
    junk.write_text("not a database")
    refused = run_cli("db", "restore", str(junk), "--db", str(sqlite_path))
    assert refused.returncode == 2 and "junk.sqlite" in refused.stderr
    done = run_cli("db", "restore", str(out), "--db", str(sqlite_path))
    assert done.returncode == 0 and "before-restore" in done.stdout


