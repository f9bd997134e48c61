"""Database triggers that make the audit table append-only, per dialect.

The application never updates or deletes an audit event; these triggers make the database
refuse it too, whoever asks (the app's own role, a script, a hand-typed statement). Someone
with DDL rights can drop them: ``riskdesk audit verify`` still catches what they then change,
against the chain and against anchors kept outside it (see services.audit.anchors).
"""
from __future__ import annotations

MESSAGE = "audit_event is append-only: UPDATE and DELETE are refused"

CREATE: dict[str, list[str]] = {
    "sqlite": [
        "CREATE TRIGGER audit_event_no_update BEFORE UPDATE ON audit_event "
        f"BEGIN SELECT RAISE(ABORT, '{MESSAGE}'); END",
        "CREATE TRIGGER audit_event_no_delete BEFORE DELETE ON audit_event "
        f"BEGIN SELECT RAISE(ABORT, '{MESSAGE}'); END",
    ],
    "postgresql": [
        "CREATE FUNCTION audit_event_append_only() RETURNS trigger LANGUAGE plpgsql AS "
        f"$$ BEGIN RAISE EXCEPTION '{MESSAGE}' USING ERRCODE = 'insufficient_privilege'; END $$",
        "CREATE TRIGGER audit_event_no_change BEFORE UPDATE OR DELETE ON audit_event "
        "FOR EACH ROW EXECUTE FUNCTION audit_event_append_only()",
        "CREATE TRIGGER audit_event_no_truncate BEFORE TRUNCATE ON audit_event "
        "FOR EACH STATEMENT EXECUTE FUNCTION audit_event_append_only()",
    ],
    "mysql": [
        "CREATE TRIGGER audit_event_no_update BEFORE UPDATE ON audit_event FOR EACH ROW "
        f"SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = '{MESSAGE}'",
        "CREATE TRIGGER audit_event_no_delete BEFORE DELETE ON audit_event FOR EACH ROW "
        f"SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = '{MESSAGE}'",
    ],
}
DROP: dict[str, list[str]] = {
    "sqlite": ["DROP TRIGGER IF EXISTS audit_event_no_update",
               "DROP TRIGGER IF EXISTS audit_event_no_delete"],
    "postgresql": ["DROP TRIGGER IF EXISTS audit_event_no_change ON audit_event",
                   "DROP TRIGGER IF EXISTS audit_event_no_truncate ON audit_event",
                   "DROP FUNCTION IF EXISTS audit_event_append_only()"],
    "mysql": ["DROP TRIGGER IF EXISTS audit_event_no_update",
              "DROP TRIGGER IF EXISTS audit_event_no_delete"],
}


def statements(dialect: str, *, drop: bool = False) -> list[str]:
    name = "mysql" if dialect in ("mysql", "mariadb") else dialect
    return (DROP if drop else CREATE).get(name, [])
