"""Engines, keyring passwords, migrations and the one clock."""
from __future__ import annotations

import shutil
from pathlib import Path

import keyring
import pytest
from sqlalchemy import Engine, text

from riskdesk.config import KEYRING_DB_SERVICE
from riskdesk.errors import SchemaOutdated, SchemaTooNew
from riskdesk.storage import migrate
from riskdesk.storage.clock import utcnow
from riskdesk.storage.engine import make_engine, normalise_url, redact_url, set_password
from riskdesk.storage.session import unit_of_work


def test_path_becomes_sqlite_with_wal_foreign_keys_busy_timeout(tmp_path: Path) -> None:
    engine = make_engine(str(tmp_path / "sub" / "x.sqlite"))
    with engine.connect() as conn:
        assert conn.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
        assert conn.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
        assert conn.exec_driver_sql("PRAGMA busy_timeout").scalar() == 10_000


def test_env_variable_names_the_database(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("RISKDESK_DB", str(tmp_path / "env.sqlite"))
    assert make_engine().url.database == str(tmp_path / "env.sqlite")


def test_server_urls_get_our_drivers() -> None:
    assert normalise_url("postgresql://u@h/db").drivername == "postgresql+psycopg"
    assert normalise_url("mysql://u@h/db").drivername == "mysql+pymysql"
    assert normalise_url("mariadb://u@h/db").drivername == "mariadb+pymysql"


def test_password_comes_from_keyring_and_never_shows() -> None:
    entry = set_password("postgresql://risk@db.example/bank", "s3cret-pw")
    assert "s3cret" not in entry
    assert keyring.get_password(KEYRING_DB_SERVICE, entry) == "s3cret-pw"
    engine = make_engine("postgresql://risk@db.example/bank")
    assert engine.url.password == "s3cret-pw"
    assert "s3cret" not in redact_url(engine.url)
    assert "s3cret" not in repr(engine)


def test_upgrade_then_current(engine: Engine) -> None:
    assert migrate.current_revision(engine) == migrate.head_revision()
    migrate.check_current(engine)
    with unit_of_work(engine, write=False) as session:
        now = utcnow(session)
    assert now.tzinfo is None


def test_refuses_a_schema_newer_than_the_app(sqlite_engine: Engine) -> None:
    with sqlite_engine.begin() as conn:
        conn.execute(text("UPDATE alembic_version SET version_num = '9999_future'"))
    with pytest.raises(SchemaTooNew):
        migrate.check_current(sqlite_engine)
    with pytest.raises(SchemaTooNew):
        migrate.upgrade(sqlite_engine)


def test_the_shipped_head_is_read_without_alembic_and_only_a_current_schema_skips_it(
        sqlite_engine: Engine, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """issue 35: the window's start reads the head from the migration files and the
    database's revision by a plain query; anything else goes to Alembic as before."""
    assert migrate.shipped_head() == migrate.head_revision()
    assert migrate.at_shipped_head(sqlite_engine)
    with sqlite_engine.begin() as conn:
        conn.execute(text("UPDATE alembic_version SET version_num = '9999_future'"))
    assert not migrate.at_shipped_head(sqlite_engine)
    with pytest.raises(SchemaTooNew):  # the fallback still refuses a newer schema
        migrate.ensure_local_schema(sqlite_engine)
    assert migrate.stored_revision(make_engine(str(tmp_path / "empty.sqlite"))) is None
    # a second head (a branch) is left to Alembic rather than guessed
    copied = tmp_path / "migrations"
    shutil.copytree(migrate.migrations_dir() / "versions", copied / "versions")
    (copied / "versions" / "9999_branch.py").write_text(
        "revision: str = '9999'\ndown_revision: str | None = '0001'\n", encoding="utf-8")
    monkeypatch.setattr(migrate, "migrations_dir", lambda: copied)
    assert migrate.shipped_head() is None


def test_refuses_an_unmigrated_server_style_database(tmp_path: Path) -> None:
    engine = make_engine(str(tmp_path / "empty.sqlite"))
    with pytest.raises(SchemaOutdated):
        migrate.check_current(engine)


@pytest.mark.parametrize("dialect", ["postgresql", "mysql", "sqlite"])
def test_sql_script_for_dbas(dialect: str) -> None:
    script = migrate.sql_script(dialect)
    assert "CREATE TABLE audit_event" in script
    assert "CREATE TABLE application_features" in script
    assert "INSERT INTO audit_head" in script
    # a populated server upgraded by the script gets its queue tallies counted, not zeros
    for tally in ("all", "open", "unassigned", "awaiting_check"):
        assert f"WHERE tally = '{tally}' AND shard = 0" in script


def _journal(conn: object) -> str:
    return str(conn.exec_driver_sql("PRAGMA journal_mode").scalar())  # type: ignore[attr-defined]


def test_a_bulk_load_alone_writes_through_a_rollback_journal_then_wal_again(
        tmp_path: Path) -> None:
    from riskdesk.storage.bulk import JOURNAL_SWITCH_ROWS, bulk_load_bind

    engine = make_engine(str(tmp_path / "bulk.sqlite"))
    migrate.upgrade(engine)
    engine.dispose()  # nobody else has the file open
    with bulk_load_bind(engine, JOURNAL_SWITCH_ROWS) as bind:
        assert bind is not engine
        with unit_of_work(bind) as session:
            assert _journal(session.connection()) == "delete"
            assert session.connection().exec_driver_sql("PRAGMA synchronous").scalar() == 2
            # index rebuilds sort through temporary files (faster than in memory at this size)
            assert session.connection().exec_driver_sql("PRAGMA temp_store").scalar() == 1
            session.connection().exec_driver_sql("CREATE TABLE t (x INTEGER)")
            session.connection().exec_driver_sql("INSERT INTO t VALUES (1)")
            # a reader connecting meanwhile opens in the file's current mode, without waiting,
            # and sees what was committed before the load
            other = make_engine(str(tmp_path / "bulk.sqlite"))
            with other.connect() as conn:
                assert _journal(conn) == "delete"
                assert conn.exec_driver_sql(
                    "SELECT COUNT(*) FROM sqlite_master WHERE name = 't'").scalar() == 0
            other.dispose()
    with engine.connect() as conn:
        assert _journal(conn) == "wal"
        assert conn.exec_driver_sql("PRAGMA synchronous").scalar() == 1
        assert conn.exec_driver_sql("PRAGMA temp_store").scalar() == 2
    with pytest.raises(RuntimeError), bulk_load_bind(engine, JOURNAL_SWITCH_ROWS) as bind:
        with unit_of_work(bind) as session:
            session.connection().exec_driver_sql("INSERT INTO t VALUES (2)")
            raise RuntimeError("cancelled")
    with engine.connect() as conn:
        assert _journal(conn) == "wal"
        assert conn.exec_driver_sql("SELECT COUNT(*) FROM t").scalar() == 1
    # a failure that leaves the load's transaction open, with the temporary store in use,
    # surfaces as itself, rolled back, and the connection gets its settings back (SQLite
    # refuses to change temp_store inside such a transaction)
    with pytest.raises(RuntimeError, match="mid-transaction"), \
            bulk_load_bind(engine, JOURNAL_SWITCH_ROWS) as bind:
        bind.begin()
        bind.exec_driver_sql("INSERT INTO t VALUES (3)")
        bind.exec_driver_sql("CREATE TEMP TABLE scratch (x INTEGER)")  # temp store open
        raise RuntimeError("mid-transaction")
    with engine.connect() as conn:
        assert _journal(conn) == "wal"
        assert conn.exec_driver_sql("PRAGMA temp_store").scalar() == 2
        assert conn.exec_driver_sql("SELECT COUNT(*) FROM t").scalar() == 1
    engine.dispose()


def test_a_bulk_load_beside_other_connections_stays_in_wal(tmp_path: Path) -> None:
    from riskdesk.storage.bulk import JOURNAL_SWITCH_ROWS, bulk_load_bind

    engine = make_engine(str(tmp_path / "shared.sqlite"))
    migrate.upgrade(engine)
    reader = make_engine(str(tmp_path / "shared.sqlite"))
    with reader.connect() as held:
        assert _journal(held) == "wal"
        with bulk_load_bind(engine, JOURNAL_SWITCH_ROWS) as bind, \
                unit_of_work(bind) as session:
            assert _journal(session.connection()) == "wal"
    with bulk_load_bind(engine, JOURNAL_SWITCH_ROWS - 1) as bind:
        assert bind is engine  # a small load is not worth the switch
    reader.dispose()
    engine.dispose()


def test_the_collector_pauses_for_a_bulk_job_and_comes_back() -> None:
    import gc

    from riskdesk.storage.bulk import collector_paused

    assert gc.isenabled()
    with collector_paused():
        assert not gc.isenabled()
        with collector_paused():  # nested: the outer one decides
            assert not gc.isenabled()
        assert not gc.isenabled()
    assert gc.isenabled()
    with pytest.raises(ValueError), collector_paused():
        raise ValueError("failed load")
    assert gc.isenabled()


def test_the_window_start_pauses_the_collector_then_freezes_what_it_made() -> None:
    """Issue 35: after the start its objects are frozen, so the first collection after the
    pause does not walk them all (a failed start only resumes collecting)."""
    import gc

    from riskdesk.collector import paused_for_the_start

    assert gc.isenabled() and gc.get_freeze_count() == 0
    try:
        with pytest.raises(ValueError), paused_for_the_start():
            raise ValueError("failed start")
        assert gc.isenabled() and gc.get_freeze_count() == 0
        with paused_for_the_start():
            made = [[n] for n in range(1000)]
            assert not gc.isenabled()
        assert gc.isenabled() and gc.get_freeze_count() >= len(made)
        assert gc.get_count()[0] < 100  # nothing young left to walk
    finally:
        gc.unfreeze()  # the test process's objects go back to the collector


def test_bulk_insert_writes_one_value_for_every_row_on_each_database(engine: Engine) -> None:
    from sqlalchemy import Column, Integer, MetaData, String, Table

    from riskdesk.storage.bulk import insert_columns

    table = Table("bulk_same_probe", MetaData(), Column("id", Integer, primary_key=True),
                  Column("v", String(20)), Column("batch", Integer), Column("tag", String(20)))
    table.create(engine)
    try:
        with engine.begin() as conn:
            assert insert_columns(conn, table, {"id": [1, 2, 3], "v": ["a", None, "c"]},
                                  same={"batch": 7, "tag": "it's"}) == 3
        with engine.connect() as conn:
            assert conn.execute(table.select().order_by(table.c.id)).all() == [
                (1, "a", 7, "it's"), (2, None, 7, "it's"), (3, "c", 7, "it's")]
    finally:
        table.drop(engine)


def test_only_plain_values_are_written_into_a_statement() -> None:
    from datetime import datetime

    from riskdesk.storage.bulk import _sqlite_literal

    assert _sqlite_literal("a'b") == "'a''b'"
    assert _sqlite_literal(12) == "12"
    for bad in (True, 1.5, datetime(2026, 1, 1), None, b"x"):
        with pytest.raises(TypeError):
            _sqlite_literal(bad)
