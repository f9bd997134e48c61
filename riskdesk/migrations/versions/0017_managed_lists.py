"""managed blacklist and allowlist

``list_entry`` replaces ``blacklist_entry`` (issue 30): one table for both lists, with source,
expiry, and a removal that waits for a second user (``live`` NULL once removed, so a value can
be listed again). The blacklist's rows move over with their ids (their reasons' personal data
in ``text_pii`` follows). Device entries were stored as typed: they move over marked
``unhashed`` and ``services.lists.entries`` replaces each by its keyed hash the first time the
lists are read with the data key at hand (a migration has no key: the DBA's offline script
neither).

The new rule PARTNER_SUSPENDED is versioned like the others: a database with rule sets gets
one more version, the one in force plus the new rule at its default, audited. Online only: a
database the DBA's offline script creates has no rule set yet (its first one, from the
catalogue, holds the rule); one with rule sets upgraded by that script does not get it.

Revision ID: 0017
Revises: 0016
"""
from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import context, op
from sqlalchemy.dialects import mysql

revision: str = '0017'
down_revision: str | None = '0016'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

UtcDateTime = sa.DateTime().with_variant(mysql.DATETIME(fsp=6), "mysql", "mariadb")
COPIED = "kind, value_key, masked, reason, added_by, added_at"


def upgrade() -> None:
    op.create_table(
        'list_entry',
        sa.Column('id', sa.Integer(), nullable=False),
        sa.Column('list_name', sa.String(length=8), nullable=False),
        sa.Column('kind', sa.String(length=8), nullable=False),
        sa.Column('value_key', sa.String(length=64), nullable=False),
        sa.Column('masked', sa.String(length=32), nullable=False),
        sa.Column('reason', sa.String(length=500), nullable=False),
        sa.Column('source', sa.String(length=128), nullable=False),
        sa.Column('expires_at', UtcDateTime, nullable=True),
        sa.Column('added_by', sa.String(length=64), nullable=False),
        sa.Column('added_at', UtcDateTime, nullable=False),
        sa.Column('live', sa.Integer(), nullable=True),
        sa.Column('removal_requested_by', sa.String(length=64), nullable=True),
        sa.Column('removal_requested_at', UtcDateTime, nullable=True),
        sa.Column('removal_reason', sa.String(length=500), nullable=False),
        sa.Column('removed_by', sa.String(length=64), nullable=True),
        sa.Column('removed_at', UtcDateTime, nullable=True),
        sa.PrimaryKeyConstraint('id'),
        sa.UniqueConstraint('list_name', 'kind', 'value_key', 'live'),
    )
    op.create_index('ix_list_entry_key', 'list_entry', ['kind', 'value_key'])
    op.execute(
        f"INSERT INTO list_entry (id, list_name, source, live, removal_reason, {COPIED}) "
        f"SELECT id, 'black', CASE WHEN kind = 'device' THEN 'unhashed' ELSE 'manual' END, 1, "
        f"'', {COPIED} FROM blacklist_entry")
    if op.get_context().dialect.name == "postgresql":  # ids copied: the sequence follows
        op.execute("SELECT setval(pg_get_serial_sequence('list_entry', 'id'), "
                   "COALESCE((SELECT MAX(id) FROM list_entry), 0) + 1, false)")
    op.execute("UPDATE text_pii SET entity = 'list_entry' WHERE entity = 'blacklist_entry'")
    op.drop_table('blacklist_entry')
    _partner_rule()


RULE = {"code": "PARTNER_SUSPENDED", "name": "Partner not active", "severity": "high",
        "enabled": True, "params": "{}", "source": "internal policy", "hard_stop": False}


def _partner_rule() -> None:
    """The rule set in force plus PARTNER_SUSPENDED, as a new version (nothing without one)."""
    if context.is_offline_mode():
        return
    from sqlmodel import Session

    from riskdesk.services.actor import Actor
    from riskdesk.services.audit import trail as audit
    from riskdesk.storage.clock import utcnow

    bind = op.get_bind()
    meta = sa.MetaData()
    rule_set = sa.Table("rule_set", meta, autoload_with=bind)
    setting = sa.Table("rule_setting", meta, autoload_with=bind)
    session = Session(bind=bind)
    now = utcnow(session)
    current = bind.execute(sa.select(rule_set.c.id).where(rule_set.c.effective_from <= now)
                           .order_by(rule_set.c.effective_from.desc(), rule_set.c.id.desc())
                           .limit(1)).scalar()
    if current is None:
        return
    rows = [dict(r) for r in bind.execute(sa.select(setting).where(
        setting.c.rule_set_id == current)).mappings()]
    if any(r["code"] == RULE["code"] for r in rows):
        return
    new_id = bind.execute(rule_set.insert().values(
        effective_from=now, created_at=now, created_by="migration 0017",
        note="PARTNER_SUSPENDED added")).inserted_primary_key[0]
    bind.execute(setting.insert(), [r | {"rule_set_id": new_id} for r in rows]
                 + [RULE | {"rule_set_id": new_id}])
    audit.append(session, Actor(user_id=None, username="migration 0017"), "rules.seed",
                 "rule_set", new_id, after={"rules": {RULE["code"]: {
                     "severity": "high", "enabled": True, "params": {}, "hard_stop": False}}})
    session.flush()


def downgrade() -> None:
    op.create_table(
        'blacklist_entry',
        sa.Column('id', sa.Integer(), nullable=False),
        sa.Column('kind', sa.String(length=8), nullable=False),
        sa.Column('value_key', sa.String(length=64), nullable=False),
        sa.Column('masked', sa.String(length=32), nullable=False),
        sa.Column('reason', sa.String(length=500), nullable=False),
        sa.Column('added_by', sa.String(length=64), nullable=False),
        sa.Column('added_at', UtcDateTime, nullable=False),
        sa.PrimaryKeyConstraint('id'),
        sa.UniqueConstraint('kind', 'value_key'),
    )
    op.execute(f"INSERT INTO blacklist_entry (id, {COPIED}) SELECT id, {COPIED} FROM list_entry "
               "WHERE list_name = 'black' AND live = 1")
    op.execute("UPDATE text_pii SET entity = 'blacklist_entry' WHERE entity = 'list_entry'")
    op.drop_index('ix_list_entry_key', table_name='list_entry')
    op.drop_table('list_entry')
