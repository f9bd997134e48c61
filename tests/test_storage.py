"""Engines, keyring passwords, migrations and the one clock."""
from __future__ import annotations

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
