"""Users, roles, sign-in and its audit (issue 3)."""
from __future__ import annotations

import pytest
from sqlalchemy import Engine, select

from riskdesk.domain.audit import AuditEvent
from riskdesk.domain.users import User
from riskdesk.errors import InvalidInput, PermissionDenied
from riskdesk.services.actor import Actor
from riskdesk.services.users import MAX_FAILED_SIGN_INS, create_user, sign_in
from riskdesk.storage.session import unit_of_work
from tests.conftest import PASSWORD


def test_first_user_must_be_admin(sqlite_engine: Engine) -> None:
    with pytest.raises(InvalidInput), unit_of_work(sqlite_engine) as session:
        create_user(session, None, username="bob", password=PASSWORD, roles=["officer"])
    with unit_of_work(sqlite_engine) as session:
        create_user(session, None, username="root", password=PASSWORD, roles=["admin"])
    with pytest.raises(PermissionDenied), unit_of_work(sqlite_engine) as session:
        create_user(session, None, username="sneaky", password=PASSWORD, roles=["admin"])


def test_only_admin_creates_users(engine: Engine, actors: dict[str, Actor]) -> None:
    with pytest.raises(PermissionDenied) as info, unit_of_work(engine) as session:
        create_user(session, actors["officer"], username="x", password=PASSWORD,
                    roles=["officer"])
    assert "officer" in str(info.value)
    with unit_of_work(engine) as session:
        user = create_user(session, actors["admin"], username="multi", password=PASSWORD,
                           roles=["officer", "compliance"])
        assert user.password_hash.startswith("$argon2id$")


@pytest.mark.parametrize("kwargs", [
    {"username": "", "password": PASSWORD, "roles": ["officer"]},
    {"username": "u1", "password": "short", "roles": ["officer"]},
    {"username": "u2", "password": PASSWORD, "roles": ["wizard"]},
    {"username": "officer", "password": PASSWORD, "roles": ["officer"]},
])
def test_bad_user_input_is_refused(sqlite_engine: Engine, sqlite_actors: dict[str, Actor],
                                   kwargs: dict) -> None:
    with pytest.raises(InvalidInput), unit_of_work(sqlite_engine) as session:
        create_user(session, sqlite_actors["admin"], **kwargs)


def test_sign_in_success_failure_and_lockout_are_audited(
        engine: Engine, actors: dict[str, Actor]) -> None:
    with unit_of_work(engine) as session:
        who = sign_in(session, "officer", PASSWORD, channel="test")
    assert who is not None and who.roles == frozenset({"officer"})
    for _ in range(MAX_FAILED_SIGN_INS):
        with unit_of_work(engine) as session:
            assert sign_in(session, "officer", "wrong-password", channel="test") is None
    with unit_of_work(engine) as session:  # locked now, even with the right password
        assert sign_in(session, "officer", PASSWORD, channel="test") is None
        user = session.scalars(select(User).where(User.username == "officer")).one()
        assert user.locked_until is not None
        actions = session.scalars(select(AuditEvent.action).order_by(AuditEvent.seq)).all()
        canon = " ".join(session.scalars(select(AuditEvent.canonical)).all())
    assert actions.count("auth.sign_in_failed") == MAX_FAILED_SIGN_INS + 1
    assert "auth.sign_in" in actions
    assert "wrong-password" not in canon and PASSWORD not in canon
