"""Users, roles and sign-in.

A new database has no users; the first account must be an administrator and can be created
without signing in (``riskdesk user add NAME --role admin``). After that only an administrator
creates users.
"""
from __future__ import annotations

from datetime import timedelta

from sqlalchemy import func
from sqlmodel import Session, col, select

from riskdesk.domain.enums import Role
from riskdesk.domain.users import User, UserRole
from riskdesk.errors import InvalidInput, PermissionDenied
from riskdesk.i18n import translate
from riskdesk.security.passwords import MIN_LENGTH, hash_password, needs_rehash, verify_password
from riskdesk.services import audit
from riskdesk.services.actor import SYSTEM, Actor
from riskdesk.services.permissions import Action, require
from riskdesk.storage.clock import utcnow

MAX_FAILED_SIGN_INS = 5
LOCK_MINUTES = 15


def has_users(session: Session) -> bool:
    return bool(session.scalar(select(func.count()).select_from(User)))


def roles_of(session: Session, user_id: int) -> frozenset[str]:
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
        require(actor, Action.USER_CREATE)
    username = username.strip()
    if not username or len(username) > 64:
        raise InvalidInput(translate("Users", "A user name needs 1 to 64 characters."))
    bad = [r for r in roles if r not in set(Role)]
    if bad or not roles:
        raise InvalidInput(
            translate("Users", "Unknown role(s): {roles}. Known roles: {known}.").format(
                roles=", ".join(bad) or "-", known=", ".join(Role)
            )
        )
    if len(password) < MIN_LENGTH:
        raise InvalidInput(
            translate("Users", "A password needs at least {n} characters.").format(n=MIN_LENGTH)
        )
    if session.exec(select(User).where(col(User.username) == username)).first():
        raise InvalidInput(translate("Users", "User {name} already exists.").format(name=username))
    now = utcnow(session)
    user = User(username=username, display_name=display_name or username,
                password_hash=hash_password(password), created_at=now, password_changed_at=now)
    session.add(user)
    session.flush()
    assert user.id is not None
    for role in sorted(set(roles)):
        session.add(UserRole(user_id=user.id, role=role))
    audit.append(session, actor, "user.create", "user", user.id,
                 after={"username": username, "roles": sorted(set(roles))})
    return user


def sign_in(session: Session, username: str, password: str, *, channel: str) -> Actor | None:
    """Check a password; every success and failure is audited. None means refused."""
    user = session.exec(select(User).where(col(User.username) == username)).first()
    now = utcnow(session)
    if user is None or not user.active:
        audit.append(session, SYSTEM, "auth.sign_in_failed", "user", username[:64],
                     after={"channel": channel, "reason": "unknown or inactive user"})
        return None
    assert user.id is not None
    who = Actor(user.id, user.username, roles_of(session, user.id))
    if user.locked_until and user.locked_until > now:
        audit.append(session, who, "auth.sign_in_failed", "user", user.id,
                     after={"channel": channel, "reason": "locked"})
        return None
    if not verify_password(user.password_hash, password):
        user.failed_logins += 1
        reason = "wrong password"
        if user.failed_logins >= MAX_FAILED_SIGN_INS:
            user.locked_until = now + timedelta(minutes=LOCK_MINUTES)
            user.failed_logins = 0
            reason = "wrong password; account locked"
        audit.append(session, who, "auth.sign_in_failed", "user", user.id,
                     after={"channel": channel, "reason": reason})
        return None
    user.failed_logins = 0
    user.locked_until = None
    if needs_rehash(user.password_hash):
        user.password_hash = hash_password(password)
    audit.append(session, who, "auth.sign_in", "user", user.id, after={"channel": channel})
    return who


def sign_out(session: Session, actor: Actor, *, channel: str) -> None:
    """The end of a working session, for the trail of who was signed in when."""
    if actor.user_id is not None:
        audit.append(session, actor, "auth.sign_out", "user", actor.user_id,
                     after={"channel": channel})
