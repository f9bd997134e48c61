"""Append to and verify the hash-chained audit trail.

Appends lock the single ``audit_head`` row (``SELECT ... FOR UPDATE`` on server databases; the
write transaction's ``BEGIN IMMEDIATE`` on SQLite), so concurrent writers queue and the chain
never forks. The stored ``canonical`` text is exactly what was hashed.
"""
from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from datetime import datetime
from typing import Any, cast

from sqlalchemy import select
from sqlalchemy.orm import Session
from sqlmodel import col

from riskdesk.domain.audit import GENESIS_HASH, AuditEvent, AuditHead
from riskdesk.i18n import translate
from riskdesk.services.actor import Actor
from riskdesk.storage.clock import utcnow
from riskdesk.storage.engine import is_pack_engine


def _json(value: Any) -> str | None:
    if value is None:
        return None
    return json.dumps(value, sort_keys=True, ensure_ascii=False, separators=(",", ":"), default=str)


def _fmt_time(at: datetime) -> str:
    return at.strftime("%Y-%m-%dT%H:%M:%S.%fZ")


def canonical_text(ev: AuditEvent) -> str:
    body = {
        "seq": ev.seq,
        "at": _fmt_time(ev.at),
        "actor_id": ev.actor_id,
        "actor": ev.actor,
        "action": ev.action,
        "entity_type": ev.entity_type,
        "entity_id": ev.entity_id,
        "before": ev.before,
        "after": ev.after,
        "prev_hash": ev.prev_hash,
    }
    return json.dumps(body, sort_keys=True, ensure_ascii=False, separators=(",", ":"))


# The kinds of event that are final decisions: each carries its actor's signature over its
# canonical text, made with the key unlocked at their sign-in, and `audit verify` refuses one
# without it (services/audit/signatures.py). A new kind of final decision belongs here.
SIGNED_ACTIONS = frozenset({
    "case.decide", "case.check.confirm", "case.check.send_back",  # decisions, overrides, 4-eyes
    "case.postloan", "case.postloan.confirm", "case.postloan.send_back",  # post-loan actions
    "model.approve", "rules.change", "policy.change", "blacklist.add",  # model, rule, list
    "model.governance",  # protected attributes, default definition (issue 31)
    "model.review.close",  # the validator's decision on a model under review (issue 32)
    "model.shadow", "model.shadow.stop",  # a challenger approved for shadow, stopped (32)
    "rules.approve", "rules.reject",  # a second person's word on a rule or policy proposal
    "list.add", "list.import", "list.remove.request", "list.remove.approve",  # lists (issue 30)
    "loan.policy.change", "partner.status",
    "ring.confirm.propose", "ring.confirm", "ring.confirm.send_back",  # fraud rings (issue 33)
    "complaint.close", "complaint.withdraw", "complaint.special_approved",
    "finding.import", "finding.follow_up",
    "user.roles_approved", "user.roles_rejected", "user.activate", "user.deactivate",
    "user.password_reset", "user.roles_change", "user.roles_requested",
    "user.key.register", "user.key.countersign", "user.key.revoke",
})
# The events that change a user's roles: `audit verify` decides who is an administrator from
# these alone (signed by an administrator's trusted key), never from the user_role table the
# application role can write. While a database has no signing key yet (setting up: the first
# administrator created without signing in, and the users they add before their first
# sign-in) they are recorded unsigned; verify trusts those by the chain alone.
ROLE_ACTIONS = frozenset({"user.roles_change", "user.roles_requested", "user.roles_approved"})


def sha256_hex(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def _locked_head(session: Session) -> AuditHead:
    """The chain's head, locked until the transaction ends: appends queue, never fork."""
    return session.execute(
        select(AuditHead).where(col(AuditHead.id) == 1).with_for_update()
        .execution_options(populate_existing=True)
    ).scalar_one()


def _chained(seq: int, prev: str, at: datetime, actor: Actor, action: str, entity_type: str,
             entity_id: str | int, before: dict[str, Any] | None,
             after: dict[str, Any] | None) -> AuditEvent:
    """The event after ``prev`` in the chain, with the text that is hashed and its hash."""
    ev = AuditEvent(seq=seq, at=at, actor_id=actor.user_id, actor=actor.username,
                    action=action, entity_type=entity_type, entity_id=str(entity_id),
                    before=_json(before), after=_json(after), prev_hash=prev, hash="",
                    canonical="")
    ev.canonical = canonical_text(ev)
    ev.hash = sha256_hex(ev.canonical)
    return ev


def append(
    session: Session,
    actor: Actor,
    *,
    action: str,
    entity_type: str,
    entity_id: str | int,
    before: dict[str, Any] | None = None,
    after: dict[str, Any] | None = None,
) -> AuditEvent:
    """Record one event; ``before``/``after`` must already be masked (no plain PII). In an
    audit pack (read-only, offline) nothing is recorded: its export was."""
    if is_pack_engine(session.connection()):
        return AuditEvent(seq=0, at=utcnow(session), actor=actor.username, action=action,
                          entity_type=entity_type, entity_id=str(entity_id), prev_hash="",
                          hash="", canonical="")
    head = _locked_head(session)
    ev = _chained(head.seq + 1, head.hash, utcnow(session), actor, action, entity_type,
                  entity_id, before, after)
    if action in SIGNED_ACTIONS and not _setting_up(session, actor, action):
        ev.signature = _signature(session, actor, action, ev.canonical)
    head.seq, head.hash = ev.seq, ev.hash
    session.add(ev)
    session.flush()
    return ev


def _setting_up(session: Session, actor: Actor, action: str) -> bool:
    """A role change recorded unsigned: by an actor holding no key, while the database has no
    signing key at all (before its first administrator's first sign-in)."""
    if action not in ROLE_ACTIONS or actor.signer is not None:
        return False
    from riskdesk.domain.users import UserKey

    return session.execute(select(col(UserKey.id)).limit(1)).first() is None


def _signature(session: Session, actor: Actor, action: str, text: str) -> str:
    """The actor's signature, refused when they hold no usable key: a final decision is never
    recorded unsigned. A key registration is signed by the new key itself (proof of
    possession) before any administrator has countersigned it."""
    from riskdesk.domain.users import UserKey
    from riskdesk.errors import PermissionDenied

    signer = actor.signer
    if signer is None or actor.user_id is None:
        raise PermissionDenied(translate(
            "Audit", "{user} has no unlocked signing key: sign in again to record this.")
            .format(user=actor.username))
    if action != "user.key.register":
        key = session.execute(select(UserKey).where(
            col(UserKey.fingerprint) == signer.fingerprint)).scalar_one_or_none()
        if key is not None and key.user_id == actor.user_id and key.status in (
                "revoked", "lost"):
            raise PermissionDenied((translate(
                "Audit", "The signing key of {user} was revoked by an administrator: it signs "
                "nothing more. Sign in again to make a new key, then have an administrator "
                "countersign it.") if key.status == "revoked" else translate(
                "Audit", "The signing key of {user} was lost (it no longer opens with their "
                "password): sign in again to make a new key, then have an administrator "
                "countersign it.")).format(user=actor.username))
        if key is None or key.user_id != actor.user_id or key.status != "active":
            raise PermissionDenied(translate(
                "Audit", "The signing key of {user} is not active: an administrator must "
                "countersign it (riskdesk user countersign) before {user} records decisions.")
                .format(user=actor.username))
    from sqlmodel import Session as SQLModelSession

    from riskdesk.services.audit.anchor_file import database_id

    # bound to this database's identity: an event signed in a copy does not verify here
    return signer.sign(text, database_id(cast(SQLModelSession, session), create=True))


def append_many(session: Session, actor: Actor, *, action: str, entity_type: str,
                items: list[tuple[str | int, dict[str, Any]]]) -> int:
    """One event per item (entity id, masked ``after``), chained in order under one lock and
    inserted in one statement: a monitoring run that opens thousands of cases records each."""
    if action in SIGNED_ACTIONS:
        raise ValueError(f"{action} is signed one event at a time: use append")
    if not items or is_pack_engine(session.connection()):
        return 0
    head = _locked_head(session)
    at = utcnow(session)
    rows: list[dict[str, Any]] = []
    seq, prev = head.seq, head.hash
    for entity_id, after in items:
        seq += 1
        ev = _chained(seq, prev, at, actor, action, entity_type, entity_id, None, after)
        prev = ev.hash
        rows.append({k: getattr(ev, k) for k in (
            "seq", "at", "actor_id", "actor", "action", "entity_type", "entity_id", "before",
            "after", "prev_hash", "hash", "canonical")})
    session.execute(AuditEvent.__table__.insert(), rows)  # type: ignore[attr-defined]
    head.seq, head.hash = seq, prev
    session.flush()
    return len(rows)


@dataclass(frozen=True)
class VerifyResult:
    ok: bool
    events: int
    head_hash: str
    broken_seq: int | None = None
    reason: str = ""


def verify(session: Session, *, batch: int = 5000) -> VerifyResult:
    """Walk the chain from the first row; report the first row that does not hold."""
    expected_seq, prev = 1, GENESIS_HASH
    rows = session.execute(
        select(AuditEvent).order_by(col(AuditEvent.seq)).execution_options(yield_per=batch)
    ).scalars()
    for ev in rows:
        problem = _check_row(ev, expected_seq, prev)
        if problem:
            return VerifyResult(False, expected_seq - 1, prev, expected_seq, problem)
        expected_seq, prev = ev.seq + 1, ev.hash
        session.expunge(ev)
    count = expected_seq - 1
    head = session.execute(select(AuditHead).where(col(AuditHead.id) == 1)).scalar_one_or_none()
    if head is None or head.seq != count or head.hash != prev:
        return VerifyResult(
            False, count, prev, count + 1,
            translate("Audit", "the chain head does not match the last event "
                      "(events were removed from the end)"),
        )
    return VerifyResult(True, count, prev)


def _check_row(ev: AuditEvent, expected_seq: int, prev: str) -> str:
    if ev.seq != expected_seq:
        return translate("Audit", "event {seq} is missing").format(seq=expected_seq)
    if sha256_hex(ev.canonical) != ev.hash:
        return translate("Audit", "the stored text does not match its hash")
    if ev.prev_hash != prev:
        return translate("Audit", "the link to the previous event is broken")
    if canonical_text(ev) != ev.canonical:
        return translate("Audit", "the event's fields differ from the text that was hashed")
    return ""
