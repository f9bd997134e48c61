"""Signed approvals (issue 24): every final decision carries its actor's signature, and
`audit verify` trusts a key only through the trail's chain of registrations (the first
administrator's key pinned in the anchor file, then administrators' countersignatures), so an
event written with plain SQL, or one claiming another user, fails even with correct hashes."""
from __future__ import annotations

import uuid
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import Engine, create_engine, text
from sqlalchemy.engine import make_url
from sqlmodel import col, select

from riskdesk.domain.audit import AuditEvent
from riskdesk.errors import PermissionDenied
from riskdesk.security.signing import Signer
from riskdesk.services.actor import Actor
from riskdesk.services.admin import signing_keys, users
from riskdesk.services.audit import anchor_file, trail
from riskdesk.services.audit.signatures import SignatureCheck, verify_signatures
from riskdesk.storage.clock import utcnow
from riskdesk.storage.session import unit_of_work
from tests.conftest import PASSWORD, PG_ADMIN, sign_in_countersigned
from tests.helpers import run_cli


def _forge(engine: Engine, claimed: Actor, action: str, after: dict[str, Any],
           signer: Signer | None = None, entity_id: int | str = 1) -> int:
    """What someone holding the database role can do without the app: insert an event with a
    correct hash, linked to the head, and move the head; signed with ``signer`` when given."""
    with engine.begin() as conn:
        seq, prev = conn.execute(text("SELECT seq, hash FROM audit_head WHERE id = 1")).one()
        ev = trail._chained(seq + 1, prev, utcnow(), claimed, action, "case" if action.startswith(
            "case.") else "user", entity_id, None, after)
        conn.execute(AuditEvent.__table__.insert().values({  # type: ignore[attr-defined]
            "seq": ev.seq, "at": ev.at, "actor_id": ev.actor_id, "actor": ev.actor,
            "action": ev.action, "entity_type": ev.entity_type, "entity_id": ev.entity_id,
            "before": ev.before, "after": ev.after, "prev_hash": ev.prev_hash, "hash": ev.hash,
            "canonical": ev.canonical,
            "signature": signer.sign(ev.canonical) if signer is not None else None}))
        conn.execute(text("UPDATE audit_head SET seq = :s, hash = :h WHERE id = 1"),
                     {"s": ev.seq, "h": ev.hash})
    return ev.seq


def _pins() -> list[dict[str, object]]:
    return anchor_file.read_records(anchor_file.default_path())


def _check(engine: Engine) -> SignatureCheck:
    with unit_of_work(engine, write=False) as s:
        assert trail.verify(s).ok  # the hashes hold in every case below
        return verify_signatures(s, anchor_records=_pins(), database=anchor_file.database_id(s))


def _failed(check: SignatureCheck) -> dict[int, str]:
    return {f.seq: f.reason for f in check.failures}


def _decision(actors: dict[str, Actor]) -> dict[str, Any]:
    return {"status": "decided", "decided_by_id": actors["officer"].user_id,
            "checked_by_id": actors["senior"].user_id}


def test_the_test_users_sign_and_their_trail_verifies(engine: Engine,
                                                      actors: dict[str, Actor]) -> None:
    """The starting point of the tests below: every test user holds a countersigned key and
    the first administrator's is pinned in the anchor file."""
    assert all(a.signer is not None for a in actors.values())
    with unit_of_work(engine) as s:  # a real signed decision through a service
        users.set_active(s, actors["admin"], actors["auditor"].user_id or 0, False)
    check = _check(engine)
    assert check.ok and check.root_pinned is True and check.before is None
    assert check.signed >= 6  # four countersignatures, a deactivation, a revocation


@pytest.mark.server
def test_a_decision_forged_as_the_application_role_on_postgresql_fails(
        db_url: str, actors: dict[str, Actor]) -> None:
    """Issue 24, acceptance: the application role may INSERT audit events and move the head,
    so hashes cannot tell its forgery from the app's events; the signature can."""
    if not db_url.startswith("postgresql"):
        pytest.skip("the PostgreSQL application role")
    from riskdesk.storage.engine import make_engine
    from riskdesk.storage.roles import script

    engine = make_engine(db_url)
    database = engine.url.database or ""
    suffix = uuid.uuid4().hex[:8]
    owner, app = f"rd_owner_{suffix}", f"rd_app_{suffix}"
    try:
        with engine.connect().execution_options(isolation_level="AUTOCOMMIT") as conn:
            for statement in script("postgresql", database=database, owner=owner,
                                    app=app).split(";\n"):
                body = "\n".join(x for x in statement.splitlines()
                                 if not x.startswith("--")).strip()
                if body:
                    conn.exec_driver_sql(body.rstrip(";"))
        as_app = create_engine(make_url(engine.url.render_as_string(hide_password=False)).set(
            username=app, password=None))
        try:
            unsigned = _forge(as_app, actors["senior"], "case.check.confirm",
                              _decision(actors))
            # the officer, holding only their own key, signs as the senior officer
            other = _forge(as_app, actors["senior"], "case.check.confirm", _decision(actors),
                           signer=actors["officer"].signer)
        finally:
            as_app.dispose()
        failed = _failed(_check(engine))
        assert set(failed) == {unsigned, other}
        assert "no signature" in failed[unsigned]
        assert "key of officer" in failed[other]
    finally:
        engine.dispose()
        admin = create_engine(PG_ADMIN, isolation_level="AUTOCOMMIT")
        try:
            db_admin = create_engine(str(make_url(PG_ADMIN).set(database=database)),
                                     isolation_level="AUTOCOMMIT")
            with db_admin.connect() as inner:
                inner.exec_driver_sql(f"REASSIGN OWNED BY {owner}, {app} TO CURRENT_USER")
                inner.exec_driver_sql(f"DROP OWNED BY {owner}, {app}")
            db_admin.dispose()
            with admin.connect() as conn:
                conn.exec_driver_sql(f"DROP ROLE IF EXISTS {app}")
                conn.exec_driver_sql(f"DROP ROLE IF EXISTS {owner}")
        finally:
            admin.dispose()


def test_an_event_claiming_another_user_fails(engine: Engine, actors: dict[str, Actor]) -> None:
    """Right hashes, a real signature, but by the officer's key on an event naming the
    senior officer; and one with no signature at all."""
    other = _forge(engine, actors["senior"], "case.check.confirm", _decision(actors),
                   signer=actors["officer"].signer)
    unsigned = _forge(engine, actors["senior"], "case.decide", {"decision": "approve"})
    own = _forge(engine, actors["senior"], "case.decide", {"decision": "decline"},
                 signer=actors["senior"].signer)  # what the app itself writes: holds
    failed = _failed(_check(engine))
    assert set(failed) == {other, unsigned} and own not in failed
    assert "key of officer, not of senior" in failed[other]


def test_a_key_without_an_administrators_countersignature_is_not_trusted(
        engine: Engine, actors: dict[str, Actor]) -> None:
    """Issue 24, acceptance: a new user's key is pending until an administrator countersigns
    it; the app refuses their decisions meanwhile, and marking the key active in the users'
    tables (which the application role can write) does not make the verifier trust it."""
    from riskdesk.domain.users import UserKey

    with unit_of_work(engine) as s:
        mallory = users.create_user(s, actors["admin"], username="mallory", password=PASSWORD,
                                    roles=["senior_officer"])
    with unit_of_work(engine) as s:
        signed_in = users.sign_in(s, "mallory", PASSWORD, channel="test")
    assert signed_in is not None and signed_in.signer is not None
    with unit_of_work(engine, write=False) as s:
        assert "awaits" in signing_keys.pending_note(s, signed_in)
    with pytest.raises(PermissionDenied, match="countersign"), unit_of_work(engine) as s:
        trail.append(s, signed_in, "case.decide", "case", 1, after={"decision": "approve"})
    with engine.begin() as conn:  # the forger activates the key where the app looks ...
        conn.execute(text("UPDATE user_key SET status = 'active' WHERE user_id = :u"),
                     {"u": mallory.id})
    with unit_of_work(engine) as s:  # ... so the app now lets mallory sign
        ev = trail.append(s, signed_in, "case.decide", "case", 1, after={"decision": "approve"})
        seq = ev.seq
    # a countersignature the forger writes with mallory's own key is no administrator's
    with unit_of_work(engine, write=False) as s:
        key = s.exec(select(UserKey).where(col(UserKey.user_id) == mallory.id)).one()
        fingerprint, public_key = key.fingerprint, key.public_key
    self_signed = _forge(engine, signed_in, "user.key.countersign", {
        "user": "mallory", "fingerprint": fingerprint, "public_key": public_key,
        "admin": True}, signer=signed_in.signer, entity_id=mallory.id or 0)
    failed = _failed(_check(engine))
    assert set(failed) == {seq, self_signed}
    assert "countersigned" in failed[seq]
    # the administrator's countersignature makes the next decision trusted
    with unit_of_work(engine) as s:
        s.execute(text("UPDATE user_key SET status = 'pending' WHERE user_id = :u"),
                  {"u": mallory.id})
    with unit_of_work(engine) as s:
        signing_keys.countersign(s, actors["admin"], mallory.id or 0,
                                 fingerprint=fingerprint[:8])
    with unit_of_work(engine) as s:
        later = trail.append(s, signed_in, "case.decide", "case", 1,
                             after={"decision": "decline"}).seq
    assert later not in _failed(_check(engine))


def test_a_revoked_keys_later_events_fail(engine: Engine, actors: dict[str, Actor]) -> None:
    """A departing user's key is revoked by an administrator: what it signed before holds,
    what it signs afterwards (the app refuses; plain SQL does not) fails."""
    officer = actors["officer"]
    before = _forge(engine, officer, "case.decide", {"decision": "approve"},
                    signer=officer.signer)
    with unit_of_work(engine) as s:
        assert signing_keys.revoke(s, actors["admin"], officer.user_id or 0,
                                   reason="left the bank") == 1
    with pytest.raises(PermissionDenied), unit_of_work(engine) as s:
        trail.append(s, officer, "case.decide", "case", 2, after={"decision": "approve"})
    after = _forge(engine, officer, "case.decide", {"decision": "approve"},
                   signer=officer.signer, entity_id=2)
    failed = _failed(_check(engine))
    assert set(failed) == {after} and before not in failed
    assert "revoked" in failed[after]


def test_a_password_reset_makes_a_new_key_and_a_change_rewraps_it(
        engine: Engine, actors: dict[str, Actor]) -> None:
    officer = actors["officer"]
    assert officer.signer is not None and officer.user_id is not None
    with unit_of_work(engine) as s:
        users.change_password(s, officer, old_password=PASSWORD, new_password="new-pass-word")
    with unit_of_work(engine) as s:
        again = users.sign_in(s, "officer", "new-pass-word", channel="test")
    assert again is not None and again.signer is not None
    assert again.signer.fingerprint == officer.signer.fingerprint  # re-wrapped, same key
    with unit_of_work(engine) as s:
        assert users.reset_password(s, actors["admin"], officer.user_id,
                                    new_password="temporary-1") == 1
    renewed = sign_in_countersigned(engine, "officer", actors["admin"], password="temporary-1")
    assert renewed.signer is not None
    assert renewed.signer.fingerprint != officer.signer.fingerprint
    with unit_of_work(engine, write=False) as s:
        actions = list(s.exec(select(AuditEvent.action).where(
            col(AuditEvent.entity_type) == "user",
            col(AuditEvent.entity_id) == str(officer.user_id)).order_by(col(AuditEvent.seq))))
    assert actions[-5:] == ["user.key.revoke", "user.password_reset", "auth.sign_in",
                            "user.key.register", "user.key.countersign"]
    with unit_of_work(engine) as s:
        trail.append(s, renewed, "case.decide", "case", 1, after={"decision": "approve"})
    assert _check(engine).ok


def test_events_before_signatures_are_summarised_once_not_failed(
        engine: Engine, tmp_path: Path) -> None:
    """A database upgraded with decisions already in its trail: they are counted once as
    "before signatures"; the first administrator's sign-in starts signing, and an unsigned
    decision after that fails."""
    with unit_of_work(engine) as s:
        admin_row = users.create_user(s, None, username="first", password=PASSWORD,
                                      roles=["admin"])
    old = Actor(admin_row.id, "first", frozenset({"admin"}))
    seqs = [_forge(engine, old, "case.decide", {"decision": "approve"}, entity_id=i)
            for i in range(3)]
    with unit_of_work(engine) as s:
        admin = users.sign_in(s, "first", PASSWORD, channel="test")
    assert admin is not None
    unsigned = _forge(engine, old, "case.decide", {"decision": "decline"})
    check = _check(engine)
    assert check.before is not None
    assert (check.before.count, check.before.first_seq, check.before.last_seq) == \
        (3, seqs[0], seqs[-1])
    assert _failed(check).keys() == {unsigned}
    assert check.root_pinned is True


def test_a_root_key_the_anchor_file_does_not_pin_fails(engine: Engine,
                                                       actors: dict[str, Actor]) -> None:
    with unit_of_work(engine, write=False) as s:
        database = anchor_file.database_id(s)
        unpinned = verify_signatures(s, anchor_records=None, database=database)
        other = verify_signatures(s, anchor_records=[{
            "kind": "admin-key", "user": "admin", "public_key": "A" * 43 + "=",
            "at": "2026-11-25T04:00:00", "database": database}], database=database)
    assert unpinned.ok and unpinned.root_pinned is False and unpinned.warnings
    assert not other.ok and "pins" in other.failures[0].reason


def test_cli_verify_exits_2_on_a_forged_decision(sqlite_engine: Engine,
                                                 sqlite_actors: dict[str, Actor],
                                                 sqlite_path: Path) -> None:
    ok = run_cli("audit", "verify", "--db", str(sqlite_path))
    assert ok.returncode in (0, 1) and "signed event(s) verified" in ok.stdout, ok.stderr
    seq = _forge(sqlite_engine, sqlite_actors["senior"], "case.check.confirm",
                 _decision(sqlite_actors))
    sqlite_engine.dispose()
    caught = run_cli("audit", "verify", "--db", str(sqlite_path))
    assert caught.returncode == 2 and "FORGED" in caught.stderr
    assert f"event {seq} (case.check.confirm by senior)" in caught.stderr


def test_who_set_the_password_does_not_countersign_the_key(
        sqlite_engine: Engine, sqlite_actors: dict[str, Actor]) -> None:
    """The administrator who reset a password knew it and could have made the new key by
    signing in as the user: a second administrator countersigns it."""
    admin = sqlite_actors["admin"]
    with unit_of_work(sqlite_engine) as s:
        users.create_user(s, admin, username="admin2", password=PASSWORD, roles=["admin"])
    admin2 = sign_in_countersigned(sqlite_engine, "admin2", admin)  # setting up: one admin
    officer_id = sqlite_actors["officer"].user_id or 0
    with unit_of_work(sqlite_engine) as s:
        users.reset_password(s, admin, officer_id, new_password="temporary-1")
    with unit_of_work(sqlite_engine) as s:
        renewed = users.sign_in(s, "officer", "temporary-1", channel="test")
    assert renewed is not None and renewed.signer is not None
    with pytest.raises(PermissionDenied, match="another administrator"), \
            unit_of_work(sqlite_engine) as s:
        signing_keys.countersign(s, admin, officer_id, fingerprint=renewed.signer.fingerprint)
    with unit_of_work(sqlite_engine) as s:
        signing_keys.countersign(s, admin2, officer_id, fingerprint=renewed.signer.fingerprint)
    assert _check(sqlite_engine).ok


def test_an_older_password_hash_is_upgraded_at_sign_in_and_then_wraps_the_key(
        sqlite_engine: Engine) -> None:
    """A user from before signing keys (argon2-cffi's own hash): their first sign-in replaces
    the hash with one that also gives the wrapping key, and makes their key."""
    from argon2 import PasswordHasher

    from riskdesk.domain.users import User

    with unit_of_work(sqlite_engine) as s:
        user = users.create_user(s, None, username="old", password=PASSWORD, roles=["admin"])
        user.password_hash = PasswordHasher().hash(PASSWORD)
    with unit_of_work(sqlite_engine) as s:
        assert users.sign_in(s, "old", "wrong-password", channel="test") is None
    with unit_of_work(sqlite_engine) as s:
        first = users.sign_in(s, "old", PASSWORD, channel="test")
    with unit_of_work(sqlite_engine, write=False) as s:
        stored = s.exec(select(User.password_hash).where(col(User.username) == "old")).one()
    assert stored.startswith("$rdkek1$") and first is not None and first.signer is not None
    with unit_of_work(sqlite_engine) as s:
        again = users.sign_in(s, "old", PASSWORD, channel="test")
    assert again is not None and again.signer is not None
    assert again.signer.fingerprint == first.signer.fingerprint


def test_cli_countersigns_a_new_users_key(tmp_path: Path) -> None:
    db = str(tmp_path / "k.sqlite")
    env = {"RISKDESK_PASSWORD": PASSWORD, "RISKDESK_NEW_PASSWORD": PASSWORD}
    assert run_cli("user", "add", "root", "--role", "admin", "--db", db, env=env).returncode == 0
    assert run_cli("user", "add", "bob", "--role", "compliance", "--db", db, "--user", "root",
                   env=env).returncode == 0
    changed = run_cli("user", "password", "--db", db, "--user", "bob",
                      env={**env, "RISKDESK_NEW_PASSWORD": "bobs-own-password"})
    assert changed.returncode == 0, changed.stderr
    assert "awaits an administrator's countersignature" in changed.stderr
    listed = run_cli("user", "keys", "--pending", "--db", db, "--user", "root", env=env)
    assert listed.returncode == 0, listed.stderr
    fingerprint = next(line.split("\t")[1] for line in listed.stdout.splitlines()
                       if line.startswith("bob\t"))
    done = run_cli("user", "countersign", "bob", "--fingerprint", fingerprint[:8], "--db", db,
                   "--user", "root", env=env)
    assert done.returncode == 0 and "countersigned by root" in done.stdout, done.stderr
    verified = run_cli("audit", "verify", "--db", db)
    assert verified.returncode in (0, 1) and "1 signed event(s) verified" in verified.stdout, \
        verified.stderr


def test_the_key_escrow_export_pins_the_first_administrators_key(
        sqlite_engine: Engine, sqlite_actors: dict[str, Actor], sqlite_path: Path) -> None:
    admin = sqlite_actors["admin"]
    assert admin.signer is not None
    sqlite_engine.dispose()
    out = run_cli("key", "export", "--db", str(sqlite_path), "--user", "admin",
                  env={"RISKDESK_PASSWORD": PASSWORD})
    assert out.returncode == 0, out.stderr
    assert f"admin-key admin {admin.signer.public_key}" in out.stdout
