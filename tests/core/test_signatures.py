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
from riskdesk.domain.users import AppSetting
from riskdesk.errors import PermissionDenied
from riskdesk.security.signing import Signer
from riskdesk.services.actor import Actor
from riskdesk.services.admin import signing_keys, users
from riskdesk.services.audit import anchor_file, trail
from riskdesk.services.audit.signatures import SignatureCheck, verify_signatures
from riskdesk.storage.clock import utcnow
from riskdesk.storage.session import unit_of_work
from tests.conftest import PASSWORD, PG_ADMIN, sign_in_countersigned
from tests.helpers import drop_roles, run_cli, run_role_script


def _forge(engine: Engine, claimed: Actor, action: str, after: dict[str, Any],
           signer: Signer | None = None, entity_id: int | str = 1) -> int:
    """What someone holding the database role can do without the app: insert an event with a
    correct hash, linked to the head, and move the head; signed with ``signer`` when given
    (bound to this database's identity, as the app signs)."""
    with engine.begin() as conn:
        seq, prev = conn.execute(text("SELECT seq, hash FROM audit_head WHERE id = 1")).one()
        database = conn.execute(select(AppSetting.value).where(  # type: ignore[call-overload]
            col(AppSetting.key) == anchor_file.DATABASE_SETTING)).scalar_one_or_none()
        ev = trail._chained(seq + 1, prev, utcnow(), claimed, action, "case" if action.startswith(
            "case.") else "user", entity_id, None, after)
        conn.execute(AuditEvent.__table__.insert().values({  # type: ignore[attr-defined]
            "seq": ev.seq, "at": ev.at, "actor_id": ev.actor_id, "actor": ev.actor,
            "action": ev.action, "entity_type": ev.entity_type, "entity_id": ev.entity_id,
            "before": ev.before, "after": ev.after, "prev_hash": ev.prev_hash, "hash": ev.hash,
            "canonical": ev.canonical,
            "signature": signer.sign(ev.canonical, database) if signer is not None else None}))
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
        users.set_active(s, actors["admin"], user_id=actors["auditor"].user_id or 0, active=False)
    check = _check(engine)
    assert check.ok and check.root_pinned is True and check.before is None
    assert check.signed >= 6  # four countersignatures, a deactivation, a revocation


@pytest.mark.server
@pytest.mark.parametrize("db_url", [pytest.param("postgresql", marks=pytest.mark.server)],
                         indirect=True)
def test_a_decision_forged_as_the_application_role_on_postgresql_fails(
        engine: Engine, actors: dict[str, Actor]) -> None:
    """Issue 24, acceptance: the application role may INSERT audit events and move the head,
    so hashes cannot tell its forgery from the app's events; the signature can."""
    from riskdesk.storage.roles import script

    database = engine.url.database or ""
    suffix = uuid.uuid4().hex[:8]
    owner, app = f"rd_owner_{suffix}", f"rd_app_{suffix}"
    try:
        run_role_script(engine, script("postgresql", database=database, owner=owner, app=app))
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
        drop_roles(PG_ADMIN, database, "postgresql", [app, owner])


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
        signed_in = users.sign_in(s, username="mallory", password=PASSWORD, channel="test")
    assert signed_in is not None and signed_in.signer is not None
    with unit_of_work(engine, write=False) as s:
        assert "awaits" in signing_keys.pending_note(s, signed_in)
    with pytest.raises(PermissionDenied, match="countersign"), unit_of_work(engine) as s:
        trail.append(s, signed_in, action="case.decide", entity_type="case", entity_id=1,
                     after={"decision": "approve"})
    with engine.begin() as conn:  # the forger activates the key where the app looks ...
        conn.execute(text("UPDATE user_key SET status = 'active' WHERE user_id = :u"),
                     {"u": mallory.id})
    with unit_of_work(engine) as s:  # ... so the app now lets mallory sign
        ev = trail.append(s, signed_in, action="case.decide", entity_type="case", entity_id=1,
                          after={"decision": "approve"})
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
        signing_keys.countersign(s, actors["admin"], user_id=mallory.id or 0,
                                 fingerprint=fingerprint)
    with unit_of_work(engine) as s:
        later = trail.append(s, signed_in, action="case.decide", entity_type="case", entity_id=1,
                             after={"decision": "decline"}).seq
    assert later not in _failed(_check(engine))


def test_a_revoked_keys_later_events_fail(engine: Engine, actors: dict[str, Actor]) -> None:
    """A departing user's key is revoked by an administrator: what it signed before holds,
    what it signs afterwards (the app refuses; plain SQL does not) fails."""
    officer = actors["officer"]
    before = _forge(engine, officer, "case.decide", {"decision": "approve"},
                    signer=officer.signer)
    with unit_of_work(engine) as s:
        assert signing_keys.revoke(s, actors["admin"], user_id=officer.user_id or 0,
                                   reason="left the bank") == 1
    with pytest.raises(PermissionDenied), unit_of_work(engine) as s:
        trail.append(s, officer, action="case.decide", entity_type="case", entity_id=2,
                     after={"decision": "approve"})
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
        again = users.sign_in(s, username="officer", password="new-pass-word", channel="test")
    assert again is not None and again.signer is not None
    assert again.signer.fingerprint == officer.signer.fingerprint  # re-wrapped, same key
    with unit_of_work(engine) as s:
        assert users.reset_password(s, actors["admin"], user_id=officer.user_id,
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
        trail.append(s, renewed, action="case.decide", entity_type="case", entity_id=1,
                     after={"decision": "approve"})
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
        admin = users.sign_in(s, username="first", password=PASSWORD, channel="test")
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
    # the template's users: intact and signed, but never anchored outside the chain (the
    # anchor file pins the root key only): exit 1, exactly
    assert ok.returncode == 1 and "signed event(s) verified" in ok.stdout, ok.stderr
    assert "nothing outside the chain vouches for it" in ok.stderr
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
        users.reset_password(s, admin, user_id=officer_id, new_password="temporary-1")
    with unit_of_work(sqlite_engine) as s:
        renewed = users.sign_in(s, username="officer", password="temporary-1", channel="test")
    assert renewed is not None and renewed.signer is not None
    with pytest.raises(PermissionDenied, match="another administrator"), \
            unit_of_work(sqlite_engine) as s:
        signing_keys.countersign(s, admin, user_id=officer_id,
                                 fingerprint=renewed.signer.fingerprint)
    with unit_of_work(sqlite_engine) as s:
        signing_keys.countersign(s, admin2, user_id=officer_id,
                                 fingerprint=renewed.signer.fingerprint)
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
        assert users.sign_in(s, username="old", password="wrong-password", channel="test") is None
    with unit_of_work(sqlite_engine) as s:
        first = users.sign_in(s, username="old", password=PASSWORD, channel="test")
    with unit_of_work(sqlite_engine, write=False) as s:
        stored = s.exec(select(User.password_hash).where(col(User.username) == "old")).one()
    assert stored.startswith("$rdkek1$") and first is not None and first.signer is not None
    with unit_of_work(sqlite_engine) as s:
        again = users.sign_in(s, username="old", password=PASSWORD, channel="test")
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
    short = run_cli("user", "countersign", "bob", "--fingerprint", fingerprint[:8], "--db", db,
                    "--user", "root", env=env)  # 32 bits: a key could be made to match them
    assert short.returncode != 0 and "whole fingerprint" in short.stderr, short.stderr
    spoken = " ".join(fingerprint[i:i + 4] for i in range(0, len(fingerprint), 4))
    done = run_cli("user", "countersign", "bob", "--fingerprint", spoken, "--db", db,
                   "--user", "root", env=env)
    assert done.returncode == 0 and "countersigned by root" in done.stdout, done.stderr
    assert "ADMINISTRATOR" not in done.stdout
    # signed: bob's role change (signed by root) and the countersignature; nothing outside the
    # chain vouches for this new database yet (no anchor): exit 1 and its warning, exactly
    verified = run_cli("audit", "verify", "--db", db)
    assert verified.returncode == 1, verified.stdout + verified.stderr
    assert "2 signed event(s) verified" in verified.stdout, verified.stdout
    assert "nothing outside the chain vouches for it" in verified.stderr


def test_the_key_escrow_export_pins_the_first_administrators_key(
        sqlite_engine: Engine, sqlite_actors: dict[str, Actor], sqlite_path: Path) -> None:
    admin = sqlite_actors["admin"]
    assert admin.signer is not None
    sqlite_engine.dispose()
    out = run_cli("key", "export", "--db", str(sqlite_path), "--user", "admin",
                  env={"RISKDESK_PASSWORD": PASSWORD})
    assert out.returncode == 0, out.stderr
    assert f"admin-key admin {admin.signer.public_key}" in out.stdout


def _last(engine: Engine, action: str, user_id: int | None) -> int:
    with unit_of_work(engine, write=False) as s:
        return int(s.exec(select(AuditEvent.seq).where(
            col(AuditEvent.action) == action, col(AuditEvent.entity_id) == str(user_id))
            .order_by(col(AuditEvent.seq).desc())).first() or 0)


def test_an_admin_role_written_with_sql_makes_no_administrators_key(
        engine: Engine, actors: dict[str, Actor]) -> None:
    """Issue 24 review (HIGH): verify took a key for an administrator's when its
    countersignature said "admin": True, a flag read from the user_role table, which the
    application role can write. Officer bob gives himself the admin role with SQL, an honest
    administrator countersigns his new key (the table calls him an administrator), then bob
    registers a key in the senior officer's name, countersigns it with his own key and
    confirms a decision as senior: every forged step fails, and the countersignature that
    repeated the forged role is named. Who is an administrator comes from signed role
    changes only."""
    from riskdesk.security import signing

    with unit_of_work(engine) as s:
        bob_row = users.create_user(s, actors["admin"], username="bob", password=PASSWORD,
                                    roles=["officer"])
    with engine.begin() as conn:  # the application role may write user_role
        conn.execute(text("INSERT INTO user_role (user_id, role) VALUES (:u, 'admin')"),
                     {"u": bob_row.id})
    with unit_of_work(engine) as s:
        bob = users.sign_in(s, username="bob", password=PASSWORD, channel="test")
    assert bob is not None and bob.signer is not None
    with unit_of_work(engine, write=False) as s:  # what the countersign dialog and CLI show
        shown = signing_keys.pending_key(s, actors["admin"], user_id=bob_row.id or 0)
        assert shown is not None and shown.admin
    with unit_of_work(engine) as s:
        signing_keys.countersign(s, actors["admin"], user_id=bob_row.id or 0,
                                 fingerprint=bob.signer.fingerprint)
    honest = _last(engine, "user.key.countersign", bob_row.id)
    senior = actors["senior"]
    fake = signing.new_signer()  # bob's key for "senior"
    registered = _forge(engine, senior, "user.key.register", {
        "fingerprint": fake.fingerprint, "public_key": fake.public_key, "root": False},
        signer=fake, entity_id=senior.user_id or 0)
    vouched = _forge(engine, bob, "user.key.countersign", {
        "user": "senior", "fingerprint": fake.fingerprint, "public_key": fake.public_key,
        "admin": False}, signer=bob.signer, entity_id=senior.user_id or 0)
    confirmed = _forge(engine, senior, "case.check.confirm", _decision(actors), signer=fake)
    failed = _failed(_check(engine))
    assert set(failed) == {honest, vouched, confirmed} and registered not in failed
    assert "calls bob an administrator" in failed[honest]
    assert "not an administrator's" in failed[vouched]
    assert "no administrator had countersigned" in failed[confirmed]


def test_a_role_change_signed_by_an_administrator_makes_one(
        engine: Engine, actors: dict[str, Actor]) -> None:
    """The other side of the above: an administrator made through the app (a signed role
    change) countersigns keys that verify trusts; a role change with no signature, written
    with SQL, makes nobody an administrator."""
    with unit_of_work(engine) as s:
        users.create_user(s, actors["admin"], username="admin2", password=PASSWORD,
                          roles=["admin"])
    admin2 = sign_in_countersigned(engine, "admin2", actors["admin"])
    with unit_of_work(engine) as s:
        users.create_user(s, actors["admin"], username="carol", password=PASSWORD,
                          roles=["officer"])
    carol = sign_in_countersigned(engine, "carol", admin2)  # vouched for by admin2
    unsigned = _forge(engine, actors["admin"], "user.roles_change",
                      {"roles": ["admin", "officer"]}, entity_id=carol.user_id or 0)
    check = _check(engine)
    assert _failed(check).keys() == {unsigned} and "no signature" in _failed(check)[unsigned]


def test_the_root_key_goes_to_the_trails_first_administrator_not_the_role_table(
        engine: Engine) -> None:
    """Issue 24 review: the root key went to the first user to sign in whom the user_role
    table calls an administrator. An officer who writes himself that role with SQL and signs
    in before the administrator gets a pending key; the administrator's is the root."""
    from riskdesk.domain.users import UserKey

    with unit_of_work(engine) as s:
        first = users.create_user(s, None, username="first", password=PASSWORD,
                                  roles=["admin"])
        creator = Actor(first.id, "first", frozenset({"admin"}))
        bob_row = users.create_user(s, creator, username="bob", password=PASSWORD,
                                    roles=["officer"])
    with engine.begin() as conn:
        conn.execute(text("INSERT INTO user_role (user_id, role) VALUES (:u, 'admin')"),
                     {"u": bob_row.id})
    with unit_of_work(engine) as s:
        assert users.sign_in(s, username="bob", password=PASSWORD, channel="test") is not None
    with unit_of_work(engine) as s:
        assert users.sign_in(s, username="first", password=PASSWORD, channel="test") is not None
    with unit_of_work(engine, write=False) as s:
        keys = {k.user_id: (k.root, k.status) for k in s.exec(select(UserKey))}
    assert keys == {first.id: (True, "active"), bob_row.id: (False, "pending")}
    check = _check(engine)
    assert check.ok and check.root_pinned is True


def test_a_malformed_key_registration_is_a_failure_not_a_crash(
        sqlite_engine: Engine, sqlite_actors: dict[str, Actor], sqlite_path: Path) -> None:
    """Issue 24 review: a key registration whose public key is not 32 bytes of base64 ("a")
    made verify raise (exit 1 and a traceback); it is a failure named by its event, exit 2."""
    officer = sqlite_actors["officer"]
    bad = _forge(sqlite_engine, officer, "user.key.register", {
        "fingerprint": "0" * 32, "public_key": "a", "root": False}, signer=officer.signer,
        entity_id=officer.user_id or 0)
    short = _forge(sqlite_engine, officer, "user.key.register", {
        "fingerprint": "0" * 32, "public_key": "AAAA", "root": False}, signer=officer.signer,
        entity_id=officer.user_id or 0)  # valid base64, 3 bytes
    failed = _failed(_check(sqlite_engine))
    assert set(failed) == {bad, short} and "32 bytes" in failed[bad]
    sqlite_engine.dispose()
    caught = run_cli("audit", "verify", "--db", str(sqlite_path))
    assert caught.returncode == 2, caught.stdout + caught.stderr
    assert "Traceback" not in caught.stderr
    assert f"event {bad} (user.key.register by officer)" in caught.stderr


def test_a_revoked_or_lost_key_is_refused_as_such_and_a_lost_one_audited(
        engine: Engine, actors: dict[str, Actor]) -> None:
    """Issue 24 review: a revoked or lost key was refused with "an administrator must
    countersign it", and a key that no longer opened was marked lost with no audit event."""
    from riskdesk.security import passwords

    officer, senior = actors["officer"], actors["senior"]
    with unit_of_work(engine) as s:
        signing_keys.revoke(s, actors["admin"], user_id=officer.user_id or 0, reason="left")
    with pytest.raises(PermissionDenied, match="was revoked") as refused, \
            unit_of_work(engine) as s:
        trail.append(s, officer, action="case.decide", entity_type="case", entity_id=1,
                     after={"decision": "approve"})
    assert "must countersign it" not in str(refused.value)
    # the senior's password hash replaced outside the app: the key no longer opens
    other, _ = passwords.hash_and_key("another-password-1")
    with engine.begin() as conn:
        conn.execute(text("UPDATE app_user SET password_hash = :h WHERE id = :u"),
                     {"h": other, "u": senior.user_id})
    with unit_of_work(engine) as s:
        renewed = users.sign_in(s, username="senior", password="another-password-1", channel="test")
    assert renewed is not None and renewed.signer is not None
    assert senior.signer is not None
    with unit_of_work(engine, write=False) as s:
        lost = s.exec(select(AuditEvent).where(col(AuditEvent.action) == "user.key.lost")).one()
    assert lost.entity_id == str(senior.user_id)
    assert senior.signer.fingerprint in (lost.after or "")
    with pytest.raises(PermissionDenied, match="was lost"), unit_of_work(engine) as s:
        trail.append(s, senior, action="case.decide", entity_type="case", entity_id=1,
                     after={"decision": "approve"})


def test_an_event_signed_in_a_copy_of_the_database_does_not_verify_in_the_original(
        sqlite_engine: Engine, sqlite_actors: dict[str, Actor], sqlite_path: Path) -> None:
    """Issue 24 review: a signature covered the event's text only, so a decision signed in a
    copy (staging, a restored backup) could be inserted into production and verify there.
    Signatures are now bound to the database's identity."""
    import shutil

    from riskdesk.storage.engine import make_engine

    sqlite_engine.dispose()
    copy_path = sqlite_path.with_name("staging.sqlite")
    shutil.copyfile(sqlite_path, copy_path)
    staging = make_engine(str(copy_path))
    try:
        with unit_of_work(staging) as s:  # the copy is a database of its own
            row = s.get(AppSetting, anchor_file.DATABASE_SETTING)
            assert row is not None
            row.value = uuid.uuid4().hex
        with unit_of_work(staging) as s:  # signed by the senior's real key, in the copy
            ev = trail.append(s, sqlite_actors["senior"], action="case.check.confirm",
                              entity_type="case", entity_id=1,
                              after=_decision(sqlite_actors))
            replayed = {c: getattr(ev, c) for c in (
                "seq", "at", "actor_id", "actor", "action", "entity_type", "entity_id",
                "before", "after", "prev_hash", "hash", "canonical", "signature")}
    finally:
        staging.dispose()
    with sqlite_engine.begin() as conn:  # replayed into the original, head moved
        conn.execute(AuditEvent.__table__.insert().values(replayed))  # type: ignore[attr-defined]
        conn.execute(text("UPDATE audit_head SET seq = :s, hash = :h WHERE id = 1"),
                     {"s": replayed["seq"], "h": replayed["hash"]})
    failed = _failed(_check(sqlite_engine))
    assert set(failed) == {replayed["seq"]}
    assert "does not hold for this database" in failed[replayed["seq"]]
    # an unbound signature (the form from before the binding) after bound ones: refused too
    old_form = _forge(sqlite_engine, sqlite_actors["senior"], "case.decide",
                      {"decision": "approve"})
    with sqlite_engine.begin() as conn:
        conn.execute(text("DROP TRIGGER audit_event_no_update"))
        canonical = conn.execute(text("SELECT canonical FROM audit_event WHERE seq = :s"),
                                 {"s": old_form}).scalar_one()
        senior = sqlite_actors["senior"].signer
        assert senior is not None
        conn.execute(text("UPDATE audit_event SET signature = :g WHERE seq = :s"),
                     {"g": senior.sign(canonical), "s": old_form})
    failed = _failed(_check(sqlite_engine))
    assert "replayed from an older copy" in failed[old_form]


def test_unsigned_role_changes_from_before_the_binding_still_count(tmp_path: Path) -> None:
    """A database signed by the first version of signed approvals: role changes were not
    signed then, and signatures not bound to the database. Its unsigned role changes count
    (the chain vouches for them) until the first bound signature; after it, an unsigned one
    is a failure and grants nothing."""
    from riskdesk.security import signing
    from riskdesk.services.audit.signatures import _Walk, _walk

    root, second, officer = (signing.new_signer() for _ in range(3))
    events: list[AuditEvent] = []

    def add(actor: Actor, action: str, entity: int, after: dict[str, Any],
            signer: Signer | None = None, database: str | None = None) -> int:
        prev = events[-1].hash if events else trail.GENESIS_HASH
        ev = trail._chained(len(events) + 1, prev, utcnow(), actor, action, "user", entity,
                            None, after)
        ev.signature = signer.sign(ev.canonical, database) if signer is not None else None
        events.append(ev)
        return ev.seq

    system = Actor(None, "system", frozenset())
    first, admin2 = Actor(1, "first", frozenset()), Actor(2, "admin2", frozenset())
    add(system, "user.roles_change", 1, {"roles": ["admin"]})
    add(first, "user.key.register", 1, {"fingerprint": root.fingerprint,
                                         "public_key": root.public_key, "root": True}, root)
    add(first, "user.roles_change", 2, {"roles": ["admin"]})  # unsigned, as that version
    add(admin2, "user.key.register", 2, {"fingerprint": second.fingerprint,
                                          "public_key": second.public_key, "root": False},
        second)
    add(first, "user.key.countersign", 2, {"fingerprint": second.fingerprint}, root)
    add(Actor(3, "officer", frozenset()), "user.key.register", 3, {
        "fingerprint": officer.fingerprint, "public_key": officer.public_key, "root": False},
        officer, "db1")  # the first bound signature
    vouched = add(admin2, "user.key.countersign", 3, {"fingerprint": officer.fingerprint},
                  second, "db1")
    late = add(first, "user.roles_change", 3, {"roles": ["admin"]})  # unsigned, after
    walk = _Walk([{"kind": "admin-key", "user": "first", "public_key": root.public_key}], "db1")
    _walk(walk, events)
    assert {f.seq for f in walk.failures} == {late}
    assert vouched not in {f.seq for f in walk.failures} and walk.admins == {1, 2}
