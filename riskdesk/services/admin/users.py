"""Users, roles and sign-in.

A new database has no users; the first account must be an administrator and can be created
without signing in (``riskdesk user add NAME --role admin``). After that only an administrator
creates users and changes roles, never their own. Granting the senior officer or admin role
waits for a second administrator (a pending :class:`RoleRequest`); while a database has only one
active administrator (setting up) the grant applies at once and the trail says so.
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import func
from sqlmodel import Session, col, select

from riskdesk.domain.enums import Role
from riskdesk.domain.users import RoleRequest, User, UserRole
from riskdesk.errors import InvalidInput, PermissionDenied
from riskdesk.i18n import join_list, translate
from riskdesk.security import passwords
from riskdesk.security.passwords import (
    MIN_LENGTH,
    hash_and_key,
    hash_password,
    needs_rehash,
    verify_password,
)
from riskdesk.services.actor import SYSTEM, Actor
from riskdesk.services.audit import trail as audit
from riskdesk.services.permissions import Action, require
from riskdesk.services.privacy import free_text
from riskdesk.storage.clock import utcnow

MAX_FAILED_SIGN_INS = 5
LOCK_MINUTES = 15
PRIVILEGED = frozenset({Role.SENIOR_OFFICER.value, Role.ADMIN.value})


def has_users(session: Session) -> bool:
    return bool(session.scalar(select(func.count()).select_from(User)))


def roles_of(session: Session, *, user_id: int) -> frozenset[str]:
    return frozenset(session.exec(select(UserRole.role).where(col(UserRole.user_id) == user_id)))


def create_user(
    session: Session,
    actor: Actor | None,
    *,
    username: str,
    password: str,
    roles: list[str],
    display_name: str = "",
) -> User:
    """Create a user; ``actor`` is None only for the first administrator of a new database."""
    if actor is None:
        if has_users(session):
            raise PermissionDenied(translate("Users", "Sign in as an administrator to add users."))
        if Role.ADMIN not in roles:
            raise InvalidInput(translate("Users", "The first user of a database must be an admin."))
        actor = SYSTEM
    else:
        require(actor, Action.USER_MANAGE)
    username = username.strip()
    if not username or len(username) > 64:
        raise InvalidInput(translate("Users", "A user name needs 1 to 64 characters."))
    _check_roles(roles)
    _check_length(password)
    if session.exec(select(User).where(col(User.username) == username)).first():
        raise InvalidInput(translate("Users", "User {name} already exists.").format(name=username))
    now = utcnow(session)
    user = User(username=username, display_name=display_name or username,
                password_hash=hash_password(password), created_at=now, password_changed_at=now)
    session.add(user)
    session.flush()
    assert user.id is not None
    audit.append(session, actor, action="user.create", entity_type="user", entity_id=user.id,
                 after={"username": username})
    _grant(session, actor, user, frozenset(roles))
    return user


@dataclass(frozen=True)
class UserRow:
    id: int
    username: str
    display_name: str
    roles: frozenset[str]
    active: bool
    locked_until: datetime | None
    pending: frozenset[str] | None  # the role set waiting for a second admin


@dataclass(frozen=True)
class PendingGrant:
    id: int
    username: str
    roles: frozenset[str]
    requested_by: str
    requested_at: datetime


def _check_roles(roles: list[str] | frozenset[str]) -> None:
    bad = [r for r in roles if r not in set(Role)]
    if bad or not roles:
        raise InvalidInput(
            translate("Users", "Unknown role(s): {roles}. Known roles: {known}.").format(
                roles=join_list(bad) or "-", known=join_list(Role)
            )
        )


def _other_admins(session: Session, actor: Actor) -> int:
    return int(session.scalar(
        select(func.count()).select_from(User).join(UserRole, col(UserRole.user_id) == User.id)
        .where(col(UserRole.role) == Role.ADMIN.value, col(User.active).is_(True),
               col(User.id) != actor.user_id)) or 0)


def _apply_roles(session: Session, user_id: int, roles: frozenset[str]) -> None:
    for row in session.exec(select(UserRole).where(col(UserRole.user_id) == user_id)):
        session.delete(row)
    session.flush()
    for role in sorted(roles):
        session.add(UserRole(user_id=user_id, role=role))
    session.flush()


def _grant(session: Session, actor: Actor, user: User, roles: frozenset[str]) -> RoleRequest | None:
    """Applies ``roles``; a new senior officer or admin role waits for a second admin."""
    assert user.id is not None
    current = roles_of(session, user_id=user.id)
    added = roles - current
    if added & PRIVILEGED and actor.user_id is not None and _other_admins(session, actor):
        for old in session.exec(select(RoleRequest).where(  # one pending request per user
                col(RoleRequest.user_id) == user.id, col(RoleRequest.status) == "pending")):
            old.status, old.decided_by_id, old.decided_at = "replaced", actor.user_id, \
                utcnow(session)
        request = RoleRequest(user_id=user.id, roles=",".join(sorted(roles)),
                              requested_by_id=actor.user_id, requested_at=utcnow(session))
        session.add(request)
        session.flush()
        # What needs no second admin applies now: the unprivileged part of the change.
        now_roles = (roles - PRIVILEGED) | (current & roles & PRIVILEGED)
        if now_roles != current:
            _apply_roles(session, user.id, now_roles)
        audit.append(session, actor, action="user.roles_requested", entity_type="user",
                     entity_id=user.id,
                     before={"roles": sorted(current)},
                     after={"roles": sorted(now_roles), "requested": sorted(roles),
                            "request": request.id})
        return request
    _apply_roles(session, user.id, roles)
    after: dict[str, object] = {"roles": sorted(roles)}
    if added & PRIVILEGED and actor.user_id is not None:
        after["note"] = "no second active administrator exists yet"
    audit.append(session, actor, action="user.roles_change", entity_type="user", entity_id=user.id,
                 before={"roles": sorted(current)}, after=after)
    return None


def _user(session: Session, user_id: int) -> User:
    user = session.get(User, user_id)
    if user is None:
        raise InvalidInput(translate("Users", "There is no user {id}.").format(id=user_id))
    return user


def _not_self(actor: Actor, user_id: int, message: str) -> None:
    if actor.user_id == user_id:
        raise PermissionDenied(message)


def change_roles(session: Session, actor: Actor, *, user_id: int,
                 roles: list[str] | frozenset[str]) -> RoleRequest | None:
    """Returns the request when the change waits for a second administrator."""
    require(actor, Action.USER_MANAGE)
    _not_self(actor, user_id, translate("Users", "Administrators cannot change their own roles; "
                                        "ask another administrator."))
    _check_roles(roles)
    return _grant(session, actor, _user(session, user_id), frozenset(roles))


def decide_role_request(session: Session, actor: Actor, *, request_id: int, approve: bool,
                        note: str = "") -> None:
    """The second administrator: not the one who asked, nor the user being granted."""
    require(actor, Action.USER_MANAGE)
    request = session.get(RoleRequest, request_id)
    if request is None or request.status != "pending":
        raise InvalidInput(translate("Users", "Role request {id} is not pending.").format(
            id=request_id))
    _not_self(actor, request.requested_by_id, translate(
        "Users", "The administrator who asked for a role cannot approve it; a second "
        "administrator must."))
    _not_self(actor, request.user_id, translate(
        "Users", "Administrators cannot approve roles for themselves."))
    request.status = "approved" if approve else "rejected"
    request.decided_by_id, request.decided_at = actor.user_id, utcnow(session)
    request.note = free_text.keep(session, cleaned=note, entity="role_request",
                                  entity_id=request.id or 0, field="note")[:500]
    before = roles_of(session, user_id=request.user_id)
    if approve:
        _apply_roles(session, request.user_id, frozenset(request.roles.split(",")))
    audit.append(session, actor, action="user.roles_approved" if approve else "user.roles_rejected",
                 entity_type="user", entity_id=request.user_id, before={"roles": sorted(before)},
                 after={"roles": sorted(roles_of(session, user_id=request.user_id)),
                        "request": request.id, "note": request.note})


def set_active(session: Session, actor: Actor, *, user_id: int, active: bool) -> None:
    require(actor, Action.USER_MANAGE)
    _not_self(actor, user_id, translate("Users", "Administrators cannot deactivate themselves."))
    user = _user(session, user_id)
    before = user.active
    user.active = active
    audit.append(session, actor, action="user.activate" if active else "user.deactivate",
                 entity_type="user",
                 entity_id=user_id, before={"active": before}, after={"active": active})
    if not active:  # a departing user's key signs nothing more
        from riskdesk.services.admin import signing_keys

        signing_keys.revoke(session, actor, user_id=user_id, reason="user deactivated")


def unlock(session: Session, actor: Actor, *, user_id: int) -> None:
    """Lifts a lock after failed sign-ins before it runs out."""
    require(actor, Action.USER_MANAGE)
    user = _user(session, user_id)
    before = user.locked_until
    user.locked_until, user.failed_logins = None, 0
    audit.append(session, actor, action="user.unlock", entity_type="user", entity_id=user_id,
                 before={"locked_until": before.isoformat() if before else None},
                 after={"locked_until": None})


def list_users(session: Session, actor: Actor) -> list[UserRow]:
    require(actor, Action.USER_MANAGE)
    roles: dict[int, set[str]] = {}
    for uid, role in session.execute(select(UserRole.user_id, UserRole.role)):
        roles.setdefault(uid, set()).add(role)
    pending = {r.user_id: frozenset(r.roles.split(",")) for r in session.exec(
        select(RoleRequest).where(col(RoleRequest.status) == "pending"))}
    return [UserRow(u.id or 0, u.username, u.display_name, frozenset(roles.get(u.id or 0, ())),
                    u.active, u.locked_until, pending.get(u.id or 0))
            for u in session.exec(select(User).order_by(col(User.username)))]


def pending_grants(session: Session, actor: Actor) -> list[PendingGrant]:
    require(actor, Action.USER_MANAGE)
    names = {uid: name for uid, name in session.execute(select(User.id, User.username))}
    return [PendingGrant(r.id or 0, names[r.user_id], frozenset(r.roles.split(",")),
                         names[r.requested_by_id], r.requested_at)
            for r in session.exec(select(RoleRequest).where(
                col(RoleRequest.status) == "pending").order_by(col(RoleRequest.id)))]


def _refused(username: str, reason: str, channel: str) -> None:
    import logging

    logging.getLogger(__name__).warning("sign-in refused for %s via %s: %s", username[:64],
                                        channel, reason)


def sign_in(session: Session, *, username: str, password: str, channel: str) -> Actor | None:
    """Check a password; every success and failure is audited. None means refused."""
    user = session.exec(select(User).where(col(User.username) == username)).first()
    now = utcnow(session)
    if user is None or not user.active:
        from riskdesk.logs import scrub  # a phone typed as a user name is not kept plain

        audit.append(session, SYSTEM, action="auth.sign_in_failed", entity_type="user",
                     entity_id=scrub(username)[:64],
                     after={"channel": channel, "reason": "unknown or inactive user"})
        _refused(username, "unknown or inactive user", channel)
        return None
    assert user.id is not None
    who = Actor(user.id, user.username, roles_of(session, user_id=user.id))
    if user.locked_until and user.locked_until > now:
        audit.append(session, who, action="auth.sign_in_failed", entity_type="user",
                     entity_id=user.id,
                     after={"channel": channel, "reason": "locked"})
        _refused(username, "locked", channel)
        return None
    kek = passwords.unlock(user.password_hash, password)  # the one argon2id run of this sign-in
    if kek is None and not user.password_hash.startswith(passwords.PREFIX) \
            and verify_password(user.password_hash, password):
        # a hash from before signing keys: replaced by one that also gives the wrapping key
        user.password_hash, kek = hash_and_key(password)
    if kek is None:
        user.failed_logins += 1
        reason = "wrong password"
        if user.failed_logins >= MAX_FAILED_SIGN_INS:
            user.locked_until = now + timedelta(minutes=LOCK_MINUTES)
            user.failed_logins = 0
            reason = "wrong password; account locked"
        audit.append(session, who, action="auth.sign_in_failed", entity_type="user",
                     entity_id=user.id,
                     after={"channel": channel, "reason": reason})
        _refused(username, reason, channel)
        return None
    user.failed_logins = 0
    user.locked_until = None
    audit.append(session, who, action="auth.sign_in", entity_type="user", entity_id=user.id,
                 after={"channel": channel})
    from riskdesk.services.admin import signing_keys

    if needs_rehash(user.password_hash):  # stronger parameters since: the key follows
        old_kek = kek
        user.password_hash, kek = hash_and_key(password)
        signing_keys.rewrap(session, user_id=user.id, old_kek=old_kek, new_kek=kek)
    return signing_keys.unlock_at_sign_in(session, who=who, kek=kek)


def _check_length(password: str) -> None:
    if len(password) < MIN_LENGTH:
        raise InvalidInput(
            translate("Users", "A password needs at least {n} characters.").format(n=MIN_LENGTH)
        )


def change_password(session: Session, actor: Actor, *, old_password: str,
                    new_password: str) -> None:
    """The user's own change: their signing key is re-wrapped under the new password."""
    from riskdesk.services.admin import signing_keys

    if actor.user_id is None:
        raise PermissionDenied(translate("Users", "Sign in to change your password."))
    user = _user(session, actor.user_id)
    old_kek = passwords.unlock(user.password_hash, old_password)
    if old_kek is None:
        raise PermissionDenied(translate("Users", "The current password is wrong."))
    _check_length(new_password)
    user.password_hash, new_kek = hash_and_key(new_password)
    user.password_changed_at = utcnow(session)
    signing_keys.rewrap(session, user_id=actor.user_id, old_kek=old_kek, new_kek=new_kek)
    audit.append(session, actor, action="user.password_change", entity_type="user",
                 entity_id=actor.user_id)


def reset_password(session: Session, actor: Actor, *, user_id: int, new_password: str) -> int:
    """An administrator sets a new password for someone who forgot theirs. Their signing key
    is revoked (the administrator cannot unwrap it, and must not be able to); their next
    sign-in makes a new one, pending until an administrator countersigns it. Returns the
    number of keys revoked."""
    from riskdesk.services.admin import signing_keys

    require(actor, Action.USER_MANAGE)
    _not_self(actor, user_id, translate("Users", "Administrators change their own password "
                                        "themselves, not by a reset."))
    user = _user(session, user_id)
    _check_length(new_password)
    revoked = signing_keys.revoke(session, actor, user_id=user_id, reason="password reset")
    user.password_hash = hash_password(new_password)
    user.password_changed_at = utcnow(session)
    user.failed_logins, user.locked_until = 0, None
    audit.append(session, actor, action="user.password_reset", entity_type="user",
                 entity_id=user_id,
                 after={"keys_revoked": revoked})
    return revoked


def sign_out(session: Session, actor: Actor, *, channel: str) -> None:
    """The end of a working session, for the trail of who was signed in when."""
    if actor.user_id is not None:
        audit.append(session, actor, action="auth.sign_out", entity_type="user",
                     entity_id=actor.user_id,
                     after={"channel": channel})


def record_lock(session: Session, actor: Actor, *, idle_minutes: int) -> None:
    """The session locked itself after the admin-set idle time."""
    if actor.user_id is not None:
        audit.append(session, actor, action="auth.session_locked", entity_type="user",
                     entity_id=actor.user_id,
                     after={"idle_minutes": idle_minutes})
