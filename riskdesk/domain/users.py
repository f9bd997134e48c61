"""Users of the local or shared database and their roles."""
from __future__ import annotations

from datetime import datetime

from sqlmodel import Field, SQLModel

from riskdesk.domain.types import UtcDateTime


class User(SQLModel, table=True):
    __tablename__ = "app_user"  # "user" is reserved on PostgreSQL

    id: int | None = Field(default=None, primary_key=True)
    username: str = Field(max_length=64, unique=True)
    display_name: str = Field(default="", max_length=128)
    team: str = Field(default="", max_length=64)  # for recusal: nobody handles a complaint
    # about their own team
    password_hash: str = Field(max_length=255)
    active: bool = Field(default=True)
    failed_logins: int = Field(default=0)
    locked_until: datetime | None = Field(default=None, sa_type=UtcDateTime)
    created_at: datetime = Field(sa_type=UtcDateTime)
    password_changed_at: datetime = Field(sa_type=UtcDateTime)


class UserRole(SQLModel, table=True):
    __tablename__ = "user_role"

    user_id: int = Field(foreign_key="app_user.id", primary_key=True)
    role: str = Field(max_length=32, primary_key=True)


class RoleRequest(SQLModel, table=True):
    """A grant of the senior officer or admin role, waiting for a second administrator."""
    __tablename__ = "role_request"

    id: int | None = Field(default=None, primary_key=True)
    user_id: int = Field(foreign_key="app_user.id", index=True)
    roles: str = Field(max_length=255)  # the user's whole new role set, comma-separated
    requested_by_id: int = Field(foreign_key="app_user.id")
    requested_at: datetime = Field(sa_type=UtcDateTime)
    status: str = Field(default="pending", max_length=16)  # pending, approved, rejected
    decided_by_id: int | None = Field(default=None, foreign_key="app_user.id")
    decided_at: datetime | None = Field(default=None, sa_type=UtcDateTime)
    note: str = Field(default="", max_length=500)


class AppSetting(SQLModel, table=True):
    """Settings an administrator changes for every workstation (e.g. the idle lock)."""
    __tablename__ = "app_setting"

    key: str = Field(primary_key=True, max_length=64)
    value: str = Field(max_length=2000)
    changed_by: str = Field(max_length=64)
    changed_at: datetime = Field(sa_type=UtcDateTime)


class UserKey(SQLModel, table=True):
    """A user's signing key: the public half, the private half wrapped under a key derived from
    their password, and where it stands (pending an administrator's countersignature, active,
    revoked). What a verifier trusts comes from the audit trail, never from this row."""
    __tablename__ = "user_key"

    id: int | None = Field(default=None, primary_key=True)
    user_id: int = Field(foreign_key="app_user.id", index=True)
    fingerprint: str = Field(max_length=32, unique=True)
    public_key: str = Field(max_length=64)
    wrapped: str = Field(max_length=255)
    status: str = Field(default="pending", max_length=16)  # pending, active, revoked
    root: bool = Field(default=False)  # the first administrator's, pinned in the anchor file
    created_at: datetime = Field(sa_type=UtcDateTime)
    countersigned_by: str = Field(default="", max_length=64)
    changed_at: datetime | None = Field(default=None, sa_type=UtcDateTime)
