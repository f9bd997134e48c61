"""Users, roles, sign-in and its audit (issue 3)."""
from __future__ import annotations

import pytest
from sqlalchemy import Engine, select

from riskdesk.domain.audit import AuditEvent
from riskdesk.domain.users import User
from riskdesk.errors import InvalidInput, PermissionDenied
from riskdesk.services.actor import Actor
from riskdesk.services.admin.users import MAX_FAILED_SIGN_INS, create_user, sign_in
from riskdesk.storage.session import unit_of_work
from tests.conftest import PASSWORD, sign_in_countersigned


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
        assert user.password_hash.startswith("$rdkek1$argon2id$")  # also wraps the signing key


def test_riskdesk_hashes_passwords_with_the_real_argon2id_parameters() -> None:
    """The suite's own processes hash cheaply (tests/conftest.py); riskdesk in a process of its
    own uses argon2-cffi's RFC 9106 defaults, 64 MiB, three passes, four lanes, and its hash
    checks here (checking reads the parameters from the hash)."""
    import subprocess
    import sys

    from riskdesk.security.passwords import hash_password, verify_password
    from tests.helpers import ROOT

    done = subprocess.run([sys.executable, "-c", "from riskdesk.security.passwords import "
                           "hash_password; print(hash_password('a-long-password'))"],
                          capture_output=True, text=True, cwd=ROOT, timeout=60)
    stored = done.stdout.strip()
    assert stored.startswith("$rdkek1$argon2id$v=19$m=65536,t=3,p=4$"), done.stderr
    assert verify_password(stored, "a-long-password") and not verify_password(stored, "a-wrong-one")
    assert hash_password("a-long-password").startswith("$rdkek1$argon2id$v=19$m=8,t=1,p=1$")


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
        who = sign_in(session, username="officer", password=PASSWORD, channel="test")
    assert who is not None and who.roles == frozenset({"officer"})
    for _ in range(MAX_FAILED_SIGN_INS):
        with unit_of_work(engine) as session:
            assert sign_in(session, username="officer", password="wrong-password",
                           channel="test") is None
    with unit_of_work(engine) as session:  # locked now, even with the right password
        assert sign_in(session, username="officer", password=PASSWORD, channel="test") is None
        user = session.scalars(select(User).where(User.username == "officer")).one()
        assert user.locked_until is not None
        actions = session.scalars(select(AuditEvent.action).order_by(AuditEvent.seq)).all()
        canon = " ".join(session.scalars(select(AuditEvent.canonical)).all())
    assert actions.count("auth.sign_in_failed") == MAX_FAILED_SIGN_INS + 1
    assert "auth.sign_in" in actions
    assert "wrong-password" not in canon and PASSWORD not in canon


def test_role_changes_need_a_second_admin_and_never_ones_own(sqlite_engine: Engine,
                                                              sqlite_actors: dict) -> None:
    from riskdesk.domain.users import RoleRequest
    from riskdesk.services.admin import users

    admin, officer = sqlite_actors["admin"], sqlite_actors["officer"]
    with unit_of_work(sqlite_engine) as s:  # the only admin: a grant applies at once
        second = create_user(s, admin, username="admin2", password=PASSWORD, roles=["admin"])
        assert users.roles_of(s, user_id=second.id or 0) == {"admin"}
    admin2 = sign_in_countersigned(sqlite_engine, "admin2", admin)  # approving is signed
    with pytest.raises(PermissionDenied), unit_of_work(sqlite_engine) as s:
        users.change_roles(s, admin, user_id=admin.user_id or 0, roles=["admin", "compliance"])
    with unit_of_work(sqlite_engine) as s:  # two admins now: senior officer waits
        request = users.change_roles(s, admin, user_id=officer.user_id or 0,
                                     roles=["officer", "senior_officer"])
        assert request is not None
        assert users.roles_of(s, user_id=officer.user_id or 0) == {"officer"}
        assert [p.username for p in users.pending_grants(s, admin)] == ["officer"]
    with pytest.raises(PermissionDenied), unit_of_work(sqlite_engine) as s:
        users.decide_role_request(s, admin, request_id=request.id or 0, approve=True)
    with unit_of_work(sqlite_engine) as s:
        users.decide_role_request(s, admin2, request_id=request.id or 0, approve=True)
        assert users.roles_of(s, user_id=officer.user_id or 0) == {"officer", "senior_officer"}
    with unit_of_work(sqlite_engine) as s:  # dropping a role needs nobody else
        assert users.change_roles(s, admin2, user_id=officer.user_id or 0,
                                  roles=["officer"]) is None
        assert users.roles_of(s, user_id=officer.user_id or 0) == {"officer"}
        request = users.change_roles(s, admin2, user_id=officer.user_id or 0, roles=["admin"])
        assert request is not None
    with unit_of_work(sqlite_engine) as s:
        users.decide_role_request(s, admin, request_id=request.id or 0, approve=False, note="no")
        assert s.get(RoleRequest, request.id).status == "rejected"
        assert users.roles_of(s, user_id=officer.user_id or 0) == set()  # unprivileged part applied
        actions = [e.action for e in s.scalars(select(AuditEvent).where(
            AuditEvent.entity_type == "user", AuditEvent.entity_id == str(officer.user_id))
            .order_by(AuditEvent.seq))]
    assert actions[-5:] == ["user.roles_requested", "user.roles_approved",
                            "user.roles_change", "user.roles_requested",
                            "user.roles_rejected"]


def test_deactivate_unlock_and_idle_lock_setting(sqlite_engine: Engine,
                                                 sqlite_actors: dict) -> None:
    from riskdesk.services.admin import settings, users

    admin, officer = sqlite_actors["admin"], sqlite_actors["officer"]
    for _ in range(MAX_FAILED_SIGN_INS):
        with unit_of_work(sqlite_engine) as s:
            sign_in(s, username="officer", password="wrong password!", channel="test")
    with unit_of_work(sqlite_engine) as s:
        assert sign_in(s, username="officer", password=PASSWORD, channel="test") is None  # locked
        users.unlock(s, admin, user_id=officer.user_id or 0)
    with unit_of_work(sqlite_engine) as s:
        assert sign_in(s, username="officer", password=PASSWORD, channel="test") is not None
        users.set_active(s, admin, user_id=officer.user_id or 0, active=False)
    with unit_of_work(sqlite_engine) as s:
        assert sign_in(s, username="officer", password=PASSWORD, channel="test") is None
        with pytest.raises(PermissionDenied):
            users.set_active(s, admin, user_id=admin.user_id or 0, active=False)
    with unit_of_work(sqlite_engine) as s:
        assert settings.idle_lock_minutes(s) == settings.IDLE_LOCK_DEFAULT
        settings.set_idle_lock_minutes(s, admin, minutes=5)
    with unit_of_work(sqlite_engine) as s:
        assert settings.idle_lock_minutes(s) == 5
        with pytest.raises(InvalidInput):
            settings.set_idle_lock_minutes(s, admin, minutes=0)
        with pytest.raises(PermissionDenied):
            settings.set_idle_lock_minutes(s, sqlite_actors["senior"], minutes=30)
