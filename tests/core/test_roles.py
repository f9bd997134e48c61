"""Database roles (issue 9): the application role starts and works the app (issue 24: on
MariaDB it could not read alembic_version) but is refused DDL and any change to audit events,
on PostgreSQL and MariaDB, as the DBA's script sets them up."""
from __future__ import annotations

import uuid
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import Engine, create_engine, text
from sqlalchemy.engine import make_url
from sqlalchemy.exc import DBAPIError

from riskdesk.services.actor import Actor
from riskdesk.services.audit import trail as audit
from riskdesk.storage.roles import script
from riskdesk.storage.session import unit_of_work
from tests.conftest import MY_ADMIN, PASSWORD, PG_ADMIN, add_users
from tests.helpers import (
    activate_default,
    drop_roles,
    run_role_script,
    sample,
    scored_cases,
    write_csv,
)

ACTOR = Actor(None, "app-role-test", frozenset({"admin"}))


def _works_as_the_application_role(app_url: str, capsys: pytest.CaptureFixture[str],
                                   case_id: int, version: int) -> None:
    """What a workstation does first and then all day, connected as the application role:
    the schema check (`riskdesk db current`), sign-in, a queue page, a note and a decision."""
    from riskdesk.cli import main
    from riskdesk.services.admin.backend import open_database
    from riskdesk.services.cases import work as cases
    from riskdesk.services.cases.queue import CaseFilter, page_cases

    capsys.readouterr()
    assert main(["db", "current", "--db", app_url]) == 0, capsys.readouterr().err
    out = capsys.readouterr().out
    assert "revision" in out and "this riskdesk" in out, out
    entrance = open_database(app_url, create=False)
    try:
        assert entrance.has_users()
        backend = entrance.sign_in("officer", PASSWORD)
        assert backend is not None
        assert backend.read(page_cases, f=CaseFilter(), limit=20)
        case = backend.write(cases.claim, case_id=case_id, version=version)
        backend.write(cases.add_note, case_id=case_id, kind="identity", outcome="verified",
                      text="ID card checked against the applicant")
        decided = backend.write(cases.decide, case_id=case_id, version=case.version,
                                decision="decline",
                                reason="identity could not be verified")
        assert decided.status != case.status
    finally:
        entrance.close()


@pytest.mark.server
def test_the_application_role_works_and_is_refused_ddl_and_audit_changes(
        server_engine: Engine, capsys: pytest.CaptureFixture[str]) -> None:
    from riskdesk.services.cases.work import get_case

    engine = server_engine
    dialect = engine.dialect.name
    suffix = uuid.uuid4().hex[:8]
    owner, app = f"rd_owner_{suffix}", f"rd_app_{suffix}"
    database = engine.url.database or ""
    _, alone = scored_cases(engine, add_users(engine))
    with unit_of_work(engine) as session:
        version = get_case(session, case_id=alone).version
        audit.append(session, ACTOR, action="test.event", entity_type="thing", entity_id=1)
    as_app_url = make_url(str(engine.url.render_as_string(hide_password=False))).set(
        username=app, password=None)
    try:
        run_role_script(engine, script(dialect, database=database, owner=owner, app=app))
        _works_as_the_application_role(as_app_url.render_as_string(hide_password=False),
                                       capsys, alone, version)
        as_app = create_engine(as_app_url, isolation_level="AUTOCOMMIT")
        try:
            # the app's own work goes through: an audit append, a setting
            with unit_of_work(as_app) as session:
                audit.append(session, ACTOR, action="test.event", entity_type="thing", entity_id=2)
            with as_app.connect() as conn:
                conn.execute(text("INSERT INTO app_setting (`key`, value, changed_by, changed_at) "
                                  "VALUES ('k', 'v', 'x', '2026-11-24 00:00:00')"
                                  if dialect != "postgresql" else
                                  "INSERT INTO app_setting (key, value, changed_by, changed_at) "
                                  "VALUES ('k', 'v', 'x', '2026-11-24 00:00:00')"))
            refused = {
                "update an audit event": "UPDATE audit_event SET actor = 'x' WHERE seq = 1",
                "delete an audit event": "DELETE FROM audit_event WHERE seq = 1",
                "create a table": "CREATE TABLE sneaky (id INTEGER)",
                "drop a table": "DROP TABLE app_setting",
                "drop the guard": ("DROP TRIGGER audit_event_no_change ON audit_event"
                                   if dialect == "postgresql" else
                                   "DROP TRIGGER audit_event_no_update"),
                "alter a table": "ALTER TABLE audit_event ADD COLUMN x INTEGER",
            }
            for what, sql in refused.items():
                with pytest.raises(DBAPIError) as caught, as_app.connect() as conn:
                    conn.execute(text(sql))
                message = str(caught.value.orig).lower()
                assert "denied" in message or "must be owner" in message, (what, message)
        finally:
            as_app.dispose()
        with unit_of_work(engine, write=False) as session:
            result = audit.verify(session)
        assert result.ok and result.events > 2
    finally:
        drop_roles(PG_ADMIN if dialect == "postgresql" else MY_ADMIN, database, dialect,
                   [app, owner])


def _at_any_size(trick: Any) -> Any:
    """A first-load trick that applies to a load of any size (a caller's own ``minimum``
    overridden too)."""
    def anywhere(*args: Any, **kwargs: Any) -> Any:
        return trick(*args, **{**kwargs, "minimum": 1})
    return anywhere


@pytest.mark.server
def test_the_application_role_makes_a_first_bulk_load(
        server_engine: Engine, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A first import and scoring run as the application role, with every first-load trick
    switched on at a test's size (issue 34). On PostgreSQL the role owns no table, so it may
    not drop and add back keys or indexes (ALTER TABLE and DROP INDEX are the owner's): the
    load keeps them and is checked row by row, as any later load; ANALYZE of tables it does
    not own is left to autovacuum. On MariaDB the session's key checks and LOAD DATA need no
    more than INSERT; its joined updates, the ring store's device keys and the run's rule
    marks need temporary tables (granted by the script: without it, 1044 access denied)."""
    from riskdesk.services.credit import scoring_job
    from riskdesk.services.intake import applications as intake
    from riskdesk.services.rings import detect, links, relink
    from riskdesk.storage import bulk, mysql_keys, mysql_load, planner
    from riskdesk.storage.engine import make_engine
    from riskdesk.storage.unique_keys import deferred_unique_keys

    engine = server_engine
    dialect = engine.dialect.name
    actors = add_users(engine)
    activate_default(engine, actors)
    for module, name in ((intake, "deferred_foreign_keys"), (intake, "deferred_sqlite_indexes"),
                         (scoring_job, "deferred_foreign_keys"),
                         (scoring_job, "deferred_sqlite_indexes"),
                         (detect, "deferred_foreign_keys"), (detect, "deferred_sqlite_indexes"),
                         (links, "deferred_sqlite_indexes")):
        monkeypatch.setattr(module, name, _at_any_size(getattr(bulk, name)))
    monkeypatch.setattr(detect, "deferred_unique_keys", _at_any_size(deferred_unique_keys))
    monkeypatch.setattr(planner, "ANALYZE_FROM", 1)
    monkeypatch.setattr(relink, "SQL_FROM", 1)  # the run's first fill of the ring link store
    monkeypatch.setattr(mysql_keys, "KEYS_ONCE_ROWS", 1)
    monkeypatch.setattr(mysql_load, "LOAD_ROWS", 1)
    monkeypatch.setattr(bulk, "JOINED_UPDATE_ROWS", 1)  # the servers: by a temporary table
    suffix = uuid.uuid4().hex[:8]
    owner, app = f"rd_owner_{suffix}", f"rd_app_{suffix}"
    database = engine.url.database or ""
    as_app_url = make_url(str(engine.url.render_as_string(hide_password=False))).set(
        username=app, password=None).render_as_string(hide_password=False)
    path = write_csv(sample(40, seed=9), tmp_path / "first.csv")
    try:
        run_role_script(engine, script(dialect, database=database, owner=owner, app=app))
        as_app = make_engine(as_app_url)
        try:
            result = intake.import_file(as_app, actors["officer"], path=path)
        finally:
            as_app.dispose()
        assert result.inserted == 40 and not result.refused, result.scoring_note
        assert result.scoring is not None and result.scoring.decisions == 40, result.scoring_note
        assert "rings" not in (result.scoring_note or ""), result.scoring_note
        with engine.connect() as conn:
            assert conn.exec_driver_sql("SELECT COUNT(*) FROM decision_record").scalar_one() \
                == 40
            assert conn.exec_driver_sql("SELECT COUNT(*) FROM link_edge").scalar_one() >= 40
            assert conn.exec_driver_sql(
                "SELECT COUNT(*) FROM audit_event WHERE action = 'rings.first_fill'"
            ).scalar_one() == 1
    finally:
        drop_roles(PG_ADMIN if dialect == "postgresql" else MY_ADMIN, database, dialect,
                   [app, owner])
