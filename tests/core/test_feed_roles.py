"""The origination role (issue 29) on PostgreSQL and MariaDB, as `riskdesk db roles-sql` sets
it up: it reads the decision feed's view, writes an acknowledgement (which then shows in the
view), and is refused every table and every other change."""
from __future__ import annotations

import uuid

import pytest
from sqlalchemy import Engine, create_engine, text
from sqlalchemy.engine import make_url
from sqlalchemy.exc import DBAPIError

from riskdesk.domain.feed import FeedRecord
from riskdesk.services.cases import work as cases
from riskdesk.storage.roles import script
from riskdesk.storage.session import unit_of_work
from tests.conftest import MY_ADMIN, PG_ADMIN, add_users
from tests.helpers import drop_roles, run_role_script, scored_cases


@pytest.mark.server
def test_origination_reads_the_view_acknowledges_and_is_refused_the_rest(
        server_engine: Engine) -> None:
    engine = server_engine
    dialect = engine.dialect.name
    suffix = uuid.uuid4().hex[:8]
    owner, app, orig = f"rd_owner_{suffix}", f"rd_app_{suffix}", f"rd_orig_{suffix}"
    database = engine.url.database or ""
    actors = add_users(engine)
    _, alone = scored_cases(engine, actors)
    with unit_of_work(engine) as s:
        c = cases.get_case(s, case_id=alone)
        cases.decide(s, actors["officer"], case_id=alone, version=c.version, decision="decline",
                     reason="identity unverified")
    with engine.connect() as conn:
        total = conn.execute(text("SELECT count(*) FROM decision_feed")).scalar_one()
    as_orig = create_engine(make_url(engine.url.render_as_string(hide_password=False)).set(
        username=orig, password=None), isolation_level="AUTOCOMMIT")
    try:
        sql = script(dialect, database=database, owner=owner, app=app, origination=orig)
        assert "decision_feed_view" in sql
        run_role_script(engine, sql)
        with as_orig.connect() as conn:
            rows = conn.execute(text("SELECT seq, decision, acknowledged_at FROM "
                                     "decision_feed_view ORDER BY seq")).all()
            assert len(rows) == total > 0 and rows[-1][1] == "decline"
            assert all(r[2] is None for r in rows)
            conn.execute(text("INSERT INTO feed_ack (seq) VALUES (:s)"), {"s": rows[0][0]})
            acked = conn.execute(text("SELECT acknowledged_at FROM decision_feed_view "
                                      "WHERE seq = :s"), {"s": rows[0][0]}).scalar_one()
            assert acked is not None
        refused = {
            "read the feed table": "SELECT * FROM decision_feed",
            "read the acknowledgements": "SELECT * FROM feed_ack",
            "read applications": "SELECT * FROM application",
            "read cases": "SELECT * FROM review_case",
            "read users": "SELECT * FROM app_user",
            "read the audit trail": "SELECT * FROM audit_event",
            "change an acknowledgement": "UPDATE feed_ack SET source = 'x'",
            "delete an acknowledgement": "DELETE FROM feed_ack",
            "write the feed": "INSERT INTO decision_feed (seq) VALUES (999999)",
            "change the feed": "UPDATE decision_feed SET decision = 'approve'",
            "create a table": "CREATE TABLE sneaky (id INTEGER)",
        }
        for what, statement in refused.items():
            with pytest.raises(DBAPIError) as caught, as_orig.connect() as conn:
                conn.execute(text(statement))
            message = str(caught.value.orig).lower()
            assert "denied" in message or "permission" in message, (what, message)
        with engine.connect() as conn:  # the app role's script keeps the feed insert-only
            assert conn.execute(text("SELECT count(*) FROM feed_ack")).scalar_one() == 1
        assert FeedRecord.__tablename__ in sql
    finally:
        as_orig.dispose()
        drop_roles(PG_ADMIN if dialect == "postgresql" else MY_ADMIN, database, dialect,
                   [orig, app, owner])
