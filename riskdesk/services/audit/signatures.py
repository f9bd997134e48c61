"""Check the signatures of the audit trail's final decisions (issue 24).

Hashes tell whether the chain was changed; they cannot tell an event the application recorded
from one written with plain SQL by someone holding the application's database role, who may
insert rows and move the head. Signatures can: every event of a signed kind
(``trail.SIGNED_ACTIONS``) carries its actor's Ed25519 signature over its canonical text, and
the verifier trusts a key only through the chain of registrations in the trail itself:

1. the root: the first administrator's key (``user.key.register`` with ``root``), trusted when
   the anchor file outside the database pins the same public key for that user;
2. a user's key, once an administrator's trusted key countersigned it
   (``user.key.countersign`` naming its fingerprint) before the event it signs;
3. until an administrator revokes it (``user.key.revoke``): later events fail.

Who is an administrator is read from the trail too, never from the user_role table (the
application role can write it, and a countersignature's ``admin`` flag only repeats that
table): the role changes recorded before the first key registration (setting up, trusted by
the chain alone), then role changes and approvals signed by an administrator's trusted key
(``trail.ROLE_ACTIONS``). The root key must belong to an administrator of that history; a
countersignature or revocation, or a role change, by anyone else fails.

The users and key tables are never consulted: the application role can write them. Events of a
signed kind recorded before the trail's first key registration (before this change) are
summarised once as "before signatures", not failed.
"""
from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any

from sqlalchemy import select
from sqlmodel import Session, col

from riskdesk.domain.audit import AuditEvent
from riskdesk.domain.enums import Role
from riskdesk.i18n import translate
from riskdesk.security import signing
from riskdesk.services.audit.trail import ROLE_ACTIONS, SIGNED_ACTIONS, canonical_text


@dataclass(frozen=True)
class SignatureFailure:
    seq: int
    action: str
    actor: str
    reason: str

    def line(self) -> str:
        return translate("Audit", "event {seq} ({action} by {actor}): {reason}").format(
            seq=self.seq, action=self.action, actor=self.actor, reason=self.reason)


@dataclass(frozen=True)
class BeforeSignatures:
    """Events of a signed kind from before the trail's first signing key: one summary."""
    count: int
    first_seq: int
    last_seq: int
    first_at: datetime
    last_at: datetime

    def line(self) -> str:
        return translate(
            "Audit", "{n} decision event(s) before signatures (events {first}-{last}, "
            "{start:%Y-%m-%d} to {end:%Y-%m-%d}): recorded before signing keys existed, "
            "checked by their hashes only").format(
            n=self.count, first=self.first_seq, last=self.last_seq, start=self.first_at,
            end=self.last_at)


@dataclass(frozen=True)
class SignatureCheck:
    signed: int  # events whose signature holds
    failures: tuple[SignatureFailure, ...]
    before: BeforeSignatures | None
    root_pinned: bool | None  # None: no root key in the trail yet; False: nothing pins it
    warnings: tuple[str, ...] = ()

    @property
    def ok(self) -> bool:
        return not self.failures


@dataclass
class _Key:
    user_id: int | None
    user: str
    public_key: str
    registered: int
    trusted_from: int | None = None  # the seq from which it signs for its user
    revoked_at: int | None = None


@dataclass
class _Walk:
    pins: list[dict[str, object]] | None
    database: str | None
    keys: dict[str, _Key] = field(default_factory=dict)
    admins: set[int] = field(default_factory=set)  # users the trail's role history made admins
    failures: list[SignatureFailure] = field(default_factory=list)
    signed: int = 0
    started: bool = False
    bound: int | None = None  # the first event signed over this database's identity
    root: bool | None = None
    before: list[tuple[int, datetime]] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)

    def fail(self, ev: AuditEvent, reason: str) -> None:
        self.failures.append(SignatureFailure(ev.seq, ev.action, ev.actor, reason))


def _after(ev: AuditEvent) -> dict[str, Any]:
    try:
        value = json.loads(ev.after or "{}")
    except ValueError:
        return {}
    return value if isinstance(value, dict) else {}


def _pins(walk: _Walk, ev: AuditEvent) -> list[tuple[object, object]]:
    """(user, public key) of the admin-key records for this database (or for no database);
    where this workstation holds the anchor key, only those it sealed (when there are any),
    and a pin with a forged seal is a failure of the root's registration."""
    from riskdesk.services.audit.anchors import admin_key_pins

    pins, forged = admin_key_pins(walk.pins or [], walk.database)
    for line in forged:
        walk.fail(ev, line)
    return pins


def _roles(walk: _Walk, ev: AuditEvent) -> None:
    """Follow a role change in the trail's role history: who holds the admin role after it.
    A role request applies only the unprivileged part at once: it may take the admin role
    away, never give it."""
    roles = _after(ev).get("roles")
    if not isinstance(roles, list) or not ev.entity_id.isdigit():
        return
    user_id = int(ev.entity_id)
    admin = Role.ADMIN in roles and (ev.action != "user.roles_requested" or user_id in walk.admins)
    if admin:
        walk.admins.add(user_id)
    else:
        walk.admins.discard(user_id)


def _is_admin(walk: _Walk, key: _Key) -> bool:
    return key.user_id is not None and key.user_id in walk.admins


def _register(walk: _Walk, ev: AuditEvent) -> None:
    after = _after(ev)
    public_key = str(after.get("public_key", ""))
    parts = signing.split(ev.signature)
    if not signing.valid_public_key(public_key):
        walk.fail(ev, translate("Audit", "a key registration whose public key is not an "
                                "Ed25519 key (32 bytes in base64)"))
        return
    own = parts is not None and parts[0] == signing.fingerprint(public_key)
    problem = _problem(walk, ev, public_key, parts[1]) if parts is not None and own else ""
    if not own or problem:
        mismatch = translate("Audit", "the signature does not match the event")
        walk.fail(ev, problem if own and problem != mismatch else translate(
            "Audit", "a key registration not signed by the key it registers"))
        return
    walk.started = True
    key = _Key(ev.actor_id, ev.actor, public_key, ev.seq)
    walk.keys[signing.fingerprint(public_key)] = key
    if after.get("root") is not True:
        return
    if walk.root is not None:
        walk.fail(ev, translate("Audit", "a second root key: only the first administrator's "
                                "key is trusted without a countersignature"))
        return
    if ev.actor_id is None or ev.actor_id not in walk.admins:
        walk.fail(ev, translate("Audit", "a root key of {user}, whom no role change in the "
                                "trail made an administrator").format(user=ev.actor))
        return
    pins = _pins(walk, ev)
    if not pins:
        walk.root = False
        walk.warnings.append(translate(
            "Audit", "the first administrator's key ({user}) could not be compared with a pin: "
            "no anchor file, or none that pins a key for this database").format(user=ev.actor))
    elif (ev.actor, public_key) in pins:
        walk.root = True
    else:
        walk.fail(ev, translate("Audit", "this root key is not the one the anchor file pins for "
                                "{user}").format(user=ev.actor))
        return
    key.trusted_from = ev.seq


def _problem(walk: _Walk, ev: AuditEvent, public_key: str, signature: str) -> str:
    """Why the signature does not hold over the event in this database ("" when it holds).
    Once one was bound to the database's identity, an unbound one (the form from before the
    binding) is refused: it was replayed from elsewhere."""
    if signing.is_bound(signature):
        if signing.check(public_key, signature, ev.canonical, walk.database):
            if walk.bound is None:
                walk.bound = ev.seq
            return ""
        return translate(
            "Audit", "the signature does not hold for this database ({database}): signed in "
            "another database or a copy, or the event was changed").format(
            database=walk.database or "-")
    if walk.bound is not None:
        return translate(
            "Audit", "signed without this database's identity after event {seq} bound the "
            "signatures to it (replayed from an older copy?)").format(seq=walk.bound)
    if signing.check(public_key, signature, ev.canonical):
        return ""
    return translate("Audit", "the signature does not match the event")


def _signer(walk: _Walk, ev: AuditEvent) -> _Key | None:
    """The trusted key that signed ``ev`` for its actor, or None (a failure recorded)."""
    parts = signing.split(ev.signature)
    if parts is None:
        walk.fail(ev, translate("Audit", "no signature (not recorded by the application)"))
        return None
    key = walk.keys.get(parts[0])
    if key is None:
        walk.fail(ev, translate("Audit", "signed by a key never registered in the trail"))
        return None
    if key.user_id != ev.actor_id or key.user != ev.actor:
        walk.fail(ev, translate("Audit", "signed with the key of {owner}, not of {actor}").format(
            owner=key.user, actor=ev.actor))
        return None
    problem = _problem(walk, ev, key.public_key, parts[1])
    if problem:
        walk.fail(ev, problem)
        return None
    if key.trusted_from is None or key.trusted_from > ev.seq:
        walk.fail(ev, translate("Audit", "signed by a key no administrator had countersigned"))
        return None
    if key.revoked_at is not None and key.revoked_at < ev.seq:
        walk.fail(ev, translate("Audit", "signed by a key revoked at event {seq}").format(
            seq=key.revoked_at))
        return None
    return key


def _apply(walk: _Walk, ev: AuditEvent, signer: _Key) -> None:
    """What a countersignature or revocation does to the key it names."""
    after = _after(ev)
    target = walk.keys.get(str(after.get("fingerprint", "")))
    if ev.action in ROLE_ACTIONS:
        if not _is_admin(walk, signer):
            walk.fail(ev, translate("Audit", "a role change signed by a key that is not an "
                                    "administrator's"))
        elif ev.entity_id == str(signer.user_id):
            walk.fail(ev, translate("Audit", "an administrator changed their own roles"))
        else:
            _roles(walk, ev)
    elif ev.action == "user.key.countersign":
        if not _is_admin(walk, signer):
            walk.fail(ev, translate("Audit", "countersigned by a key that is not an "
                                    "administrator's"))
        elif target is None or target.user_id is None or target.user_id == ev.actor_id \
                or str(target.user_id) != ev.entity_id:
            walk.fail(ev, translate("Audit", "a countersignature of no registered key of "
                                    "another user"))
        else:
            target.trusted_from = ev.seq
            if after.get("admin") is True and target.user_id not in walk.admins:
                # what the user_role table said when it was countersigned: written outside
                # the application, since no signed role change made them an administrator
                walk.fail(ev, translate(
                    "Audit", "the countersignature calls {user} an administrator, but no "
                    "signed role change made them one (their roles were written outside the "
                    "application)").format(user=target.user))
    elif ev.action == "user.key.revoke":
        if not _is_admin(walk, signer):
            walk.fail(ev, translate("Audit", "revoked by a key that is not an administrator's"))
        elif target is not None and target.revoked_at is None:
            target.revoked_at = ev.seq


def _walk(walk: _Walk, events: Iterable[AuditEvent]) -> None:
    for ev in events:
        if ev.action not in SIGNED_ACTIONS:
            continue
        if not walk.started and ev.action != "user.key.register":
            if ev.action in ROLE_ACTIONS:  # setting up: the role history starts
                _roles(walk, ev)
            else:
                walk.before.append((ev.seq, ev.at))
            continue
        if canonical_text(ev) != ev.canonical:  # what is read below is what was signed
            walk.fail(ev, translate("Audit", "the event's fields differ from the signed text"))
            continue
        if ev.action == "user.key.register":
            _register(walk, ev)
            continue
        if ev.action in ROLE_ACTIONS and ev.signature is None and walk.bound is None:
            # recorded before role changes were signed (with the signatures' binding to the
            # database): history the chain vouches for, like the setting-up grants
            _roles(walk, ev)
            continue
        signer = _signer(walk, ev)
        if signer is None:
            continue
        walk.signed += 1
        if ev.action in ROLE_ACTIONS or ev.action in ("user.key.countersign",
                                                       "user.key.revoke"):
            _apply(walk, ev, signer)


def _detached(session: Session, events: Iterable[AuditEvent]) -> Iterable[AuditEvent]:
    for ev in events:  # a long trail does not pile up in the session
        yield ev
        session.expunge(ev)


def verify_signatures(session: Session, *, anchor_records: list[dict[str, object]] | None,
                      database: str | None = None, batch: int = 5000) -> SignatureCheck:
    """Walk the trail and check every event of a signed kind. ``anchor_records``: the anchor
    file's records (None when there is no anchor file to check the root key against);
    ``database``: this database's identity in that file."""
    walk = _Walk(anchor_records, database)
    events = session.execute(
        select(AuditEvent).where(col(AuditEvent.action).in_(
            sorted(SIGNED_ACTIONS))).order_by(col(AuditEvent.seq))
        .execution_options(yield_per=batch)).scalars()
    _walk(walk, _detached(session, events))
    before = None
    if walk.before:
        (first, first_at), (last, last_at) = walk.before[0], walk.before[-1]
        before = BeforeSignatures(len(walk.before), first, last, first_at, last_at)
    return SignatureCheck(walk.signed, tuple(walk.failures), before, walk.root,
                          tuple(walk.warnings))


def setting_up_admins(session: Session) -> set[int]:
    """The users the trail's role changes made administrators before its first signing key
    was registered: whose key may become the root (never judged from the user_role table)."""
    walk = _Walk(None, None)
    for ev in session.execute(select(AuditEvent).where(col(AuditEvent.action).in_(
            sorted(ROLE_ACTIONS | {"user.key.register"}))).order_by(col(AuditEvent.seq))
            ).scalars():
        if ev.action == "user.key.register":
            break
        _roles(walk, ev)
    return walk.admins


def check_against_file(session: Session, *, path: Path | None,
                       database: str | None = None) -> SignatureCheck:
    """:func:`verify_signatures` with the root key compared with the anchor file at ``path``
    (the one ``audit verify`` reads; None or a missing file: nothing pins the root);
    ``database``: the identity to check the signatures against (default: this database's
    own word)."""
    from riskdesk.services.audit import anchor_file

    records = anchor_file.read_records(path) if path is not None and path.exists() else None
    return verify_signatures(session, anchor_records=records,
                             database=database or anchor_file.database_id(session))
