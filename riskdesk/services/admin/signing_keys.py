"""Users' signing keys: made at first sign-in, countersigned by an administrator, revoked.

- At a user's first sign-in (and the first after an administrator reset their password) a new
  Ed25519 key is made in their own session; its private half is stored wrapped under a key
  derived from their password (security/passwords.py, the same argon2id run that checks the
  password) and re-wrapped when they change it. The public half is registered by a
  ``user.key.register`` event signed by the new key itself.
- The key stays *pending* until an administrator other than its owner countersigns it
  (``user.key.countersign``, signed with the administrator's own key) after comparing its
  fingerprint with the one the user reads out; until then the user can sign in and read, but
  every final decision is refused.
- The very first administrator's key has nobody to countersign it: it is the root, registered
  as such and pinned in the anchor file outside the database (and printed by the key escrow
  export). ``audit verify`` trusts a key only through this chain: pinned root, then
  countersignatures by administrators' keys, never through this table (docs/security.md).
- An administrator revokes a departing user's key (``user.key.revoke``; deactivating a user
  and resetting their password do it too); events signed by it afterwards fail verification.
"""
from __future__ import annotations

import logging
from dataclasses import dataclass, replace
from datetime import datetime

from sqlmodel import Session, col, select

from riskdesk.domain.enums import Role
from riskdesk.domain.users import User, UserKey, UserRole
from riskdesk.errors import InvalidInput, PermissionDenied
from riskdesk.i18n import translate
from riskdesk.security import signing
from riskdesk.services.actor import Actor
from riskdesk.services.audit import trail as audit
from riskdesk.services.permissions import Action, require
from riskdesk.storage.clock import utcnow

LIVE = ("pending", "active")
log = logging.getLogger(__name__)


def current_key(session: Session, *, user_id: int) -> UserKey | None:
    """The user's key that is pending or active (the newest, should there be two)."""
    return session.exec(select(UserKey).where(
        col(UserKey.user_id) == user_id, col(UserKey.status).in_(LIVE))
        .order_by(col(UserKey.id).desc())).first()


def _is_admin(session: Session, user_id: int) -> bool:
    return session.exec(select(UserRole).where(col(UserRole.user_id) == user_id,
                                               col(UserRole.role) == Role.ADMIN.value)).first() \
        is not None


def _has_root(session: Session) -> bool:
    return session.exec(select(UserKey.id).where(col(UserKey.root).is_(True))).first() \
        is not None


def unlock_at_sign_in(session: Session, *, who: Actor, kek: bytes) -> Actor:
    """The signed-in actor with their signing key unlocked; a user without a live key (first
    sign-in, or first since a reset) gets a new one, registered and pending."""
    assert who.user_id is not None
    key = current_key(session, user_id=who.user_id)
    if key is not None:
        signer = signing.unwrap(key.wrapped, kek, who.user_id, key.public_key)
        if signer is not None:
            return replace(who, signer=signer)
        # Wrapped under a password this user no longer has (its row was changed outside the
        # app): it cannot sign again; a new key takes its place, pending like any other.
        log.warning("signing key %s of %s cannot be unlocked; a new one is made",
                    key.fingerprint, who.username)
        key.status, key.changed_at = "lost", utcnow(session)
        session.add(key)
        audit.append(session, who, action="user.key.lost", entity_type="user",
                     entity_id=who.user_id, after={
            "fingerprint": key.fingerprint, "reason": "cannot be unlocked with this password"})
    return _register(session, who, kek)


def _register(session: Session, who: Actor, kek: bytes) -> Actor:
    user_id = who.user_id
    assert user_id is not None
    signer = signing.new_signer()
    # The root goes to an administrator of the trail's setting-up role history, never to
    # whoever the user_role table (which the application role can write) calls one.
    from riskdesk.services.audit.signatures import setting_up_admins

    root = not _has_root(session) and user_id in setting_up_admins(session)
    now = utcnow(session)
    session.add(UserKey(user_id=user_id, fingerprint=signer.fingerprint,
                        public_key=signer.public_key, wrapped=signing.wrap(signer, kek, user_id),
                        status="active" if root else "pending", root=root, created_at=now))
    session.flush()
    who = replace(who, signer=signer)
    audit.append(session, who, action="user.key.register", entity_type="user", entity_id=user_id,
                 after={
        "fingerprint": signer.fingerprint, "public_key": signer.public_key, "root": root})
    if root:
        from riskdesk.services.audit import anchor_file, anchors

        anchor_file.append_after_commit(session, path=anchor_file.configured_path(session),
                                        record=anchors.seal_admin_key({
            "kind": "admin-key", "user": who.username, "public_key": signer.public_key,
            "at": now.isoformat(), "database": anchor_file.database_id(session, create=True)}))
    return who


def rewrap(session: Session, *, user_id: int, old_kek: bytes, new_kek: bytes) -> None:
    """The live key wrapped under the new password's key (a password change or rehash)."""
    key = current_key(session, user_id=user_id)
    if key is None:
        return
    signer = signing.unwrap(key.wrapped, old_kek, user_id, key.public_key)
    if signer is None:
        return  # it could not sign before either; the next sign-in replaces it
    key.wrapped, key.changed_at = signing.wrap(signer, new_kek, user_id), utcnow(session)
    session.add(key)


def _username(session: Session, user_id: int) -> str:
    user = session.get(User, user_id)
    if user is None:
        raise InvalidInput(translate("Users", "There is no user {id}.").format(id=user_id))
    return user.username


def countersign(session: Session, actor: Actor, *, user_id: int, fingerprint: str) -> UserKey:
    """An administrator vouches that the pending key with this fingerprint is the user's (the
    whole fingerprint as the user reads it out: 32 hex digits, spaces and dashes ignored; a
    shorter prefix could be matched by a key made to match it)."""
    require(actor, Action.USER_MANAGE)
    if actor.user_id == user_id:
        raise PermissionDenied(translate(
            "Users", "Administrators cannot countersign their own signing key; ask another "
            "administrator."))
    name = _username(session, user_id)
    key = current_key(session, user_id=user_id)
    wanted = "".join(fingerprint.split()).replace("-", "").lower()
    if key is None or key.status != "pending":
        raise InvalidInput(translate("Users", "{user} has no signing key waiting for a "
                                     "countersignature.").format(user=name))
    if len(wanted) != len(key.fingerprint):
        raise InvalidInput(translate(
            "Users", "Type the whole fingerprint ({n} characters) as {user} reads it out; "
            "you typed {got}.").format(n=len(key.fingerprint), user=name, got=len(wanted)))
    if wanted != key.fingerprint:
        raise InvalidInput(translate(
            "Users", "The fingerprint does not match the key {user} registered: ask {user} "
            "to read it out again.").format(user=name))
    _not_who_set_the_password(session, actor, user_id, name)
    admin = _is_admin(session, user_id)
    key.status, key.countersigned_by, key.changed_at = "active", actor.username, \
        utcnow(session)
    session.add(key)
    audit.append(session, actor, action="user.key.countersign", entity_type="user",
                 entity_id=user_id, after={
        "user": name, "fingerprint": key.fingerprint, "public_key": key.public_key,
        "admin": admin})
    return key


def _not_who_set_the_password(session: Session, actor: Actor, user_id: int, name: str) -> None:
    """The administrator who set the user's password (creating the account or resetting it)
    knew it, and could have signed in as the user to make this key: another administrator
    countersigns it, where there is one (besides the user)."""
    from sqlalchemy import func

    from riskdesk.domain.audit import AuditEvent

    setter = session.exec(select(AuditEvent.actor_id).where(
        col(AuditEvent.action).in_(("user.create", "user.password_reset")),
        col(AuditEvent.entity_type) == "user", col(AuditEvent.entity_id) == str(user_id))
        .order_by(col(AuditEvent.seq).desc())).first()
    if setter is None or setter != actor.user_id:
        return
    others = session.exec(select(func.count()).select_from(User).join(
        UserRole, col(UserRole.user_id) == User.id).where(
        col(UserRole.role) == Role.ADMIN.value, col(User.active).is_(True),
        col(User.id).not_in((actor.user_id or 0, user_id)))).one()
    if others:
        raise PermissionDenied(translate(
            "Users", "You set the password of {user}, so another administrator countersigns "
            "their signing key.").format(user=name))


def revoke(session: Session, actor: Actor, *, user_id: int, reason: str) -> int:
    """Revoke the user's live key(s); returns how many. Audited, one event per key."""
    require(actor, Action.USER_MANAGE)
    if actor.user_id == user_id:
        raise PermissionDenied(translate(
            "Users", "Administrators cannot revoke their own signing key; ask another "
            "administrator."))
    name = _username(session, user_id)
    keys = session.exec(select(UserKey).where(col(UserKey.user_id) == user_id,
                                              col(UserKey.status).in_(LIVE))).all()
    for key in keys:
        key.status, key.changed_at = "revoked", utcnow(session)
        session.add(key)
        audit.append(session, actor, action="user.key.revoke", entity_type="user",
                     entity_id=user_id, after={
            "user": name, "fingerprint": key.fingerprint, "reason": reason[:200]})
    return len(keys)


@dataclass(frozen=True)
class KeyRow:
    username: str
    fingerprint: str
    status: str
    created_at: datetime
    countersigned_by: str
    admin: bool = False  # the user holds the admin role: countersigning makes an admin's key

    @property
    def grouped(self) -> str:
        return signing.grouped(self.fingerprint)


def key_rows(session: Session, actor: Actor, *, pending_only: bool = False) -> list[KeyRow]:
    require(actor, Action.USER_MANAGE)
    names = {uid: name for uid, name in session.execute(select(User.id, User.username))}
    admins = set(session.exec(select(UserRole.user_id).where(
        col(UserRole.role) == Role.ADMIN.value)))
    query = select(UserKey).order_by(col(UserKey.id))
    if pending_only:
        query = query.where(col(UserKey.status) == "pending")
    return [KeyRow(names.get(k.user_id, "?"), k.fingerprint, k.status, k.created_at,
                   k.countersigned_by, k.user_id in admins) for k in session.exec(query)]


def pending_key(session: Session, actor: Actor, *, user_id: int) -> KeyRow | None:
    """The user's key awaiting a countersignature, as the countersign dialog shows it."""
    require(actor, Action.USER_MANAGE)
    key = current_key(session, user_id=user_id)
    if key is None or key.status != "pending":
        return None
    return KeyRow(_username(session, user_id), key.fingerprint, key.status, key.created_at,
                  key.countersigned_by, _is_admin(session, user_id))


def root_key(session: Session) -> tuple[str, str] | None:
    """(user, public key) of the first administrator's key, for the escrow export."""
    key = session.exec(select(UserKey).where(col(UserKey.root).is_(True))
                       .order_by(col(UserKey.id))).first()
    if key is None:
        return None
    return _username(session, key.user_id), key.public_key


def pending_note(session: Session, actor: Actor) -> str:
    """What to tell a user whose key awaits its countersignature ("" when it does not)."""
    if actor.signer is None or actor.user_id is None:
        return ""
    key = current_key(session, user_id=actor.user_id)
    if key is None or key.status != "pending" or key.fingerprint != actor.signer.fingerprint:
        return ""
    return translate("Users", "your signing key {fp} awaits an administrator's "
                     "countersignature: read this fingerprint out to them; until then you "
                     "cannot record decisions.").format(fp=signing.grouped(key.fingerprint))
