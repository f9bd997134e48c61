"""Scoring, rules, decisions and cases: model registry, scores with reasons, versioned rule
settings and policy, blacklist, decision records, the review case, the dated LPR table;
stated age.

Revision ID: 0002
Revises: 0001
"""
from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from decimal import Decimal

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects import mysql

revision: str = '0002'
down_revision: str | None = '0001'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table('blacklist_entry',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('kind', sa.String(length=8), nullable=False),
    sa.Column('value_key', sa.String(length=64), nullable=False),
    sa.Column('masked', sa.String(length=32), nullable=False),
    sa.Column('reason', sa.String(length=500), nullable=False),
    sa.Column('added_by', sa.String(length=64), nullable=False),
    sa.Column('added_at', sa.DateTime().with_variant(mysql.DATETIME(fsp=6), 'mariadb').with_variant(mysql.DATETIME(fsp=6), 'mysql'), nullable=False),
    sa.PrimaryKeyConstraint('id'),
    sa.UniqueConstraint('kind', 'value_key')
    )
    op.create_table('lpr_rate',
    sa.Column('effective_date', sa.Date(), nullable=False),
    sa.Column('one_year_pct', sa.Numeric(precision=7, scale=4), nullable=False),
    sa.PrimaryKeyConstraint('effective_date')
    )
    op.create_table('model_version',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('name', sa.String(length=128), nullable=False),
    sa.Column('status', sa.String(length=16), nullable=False),
    sa.Column('active_slot', sa.Integer(), nullable=True),
    sa.Column('artefact', sa.LargeBinary().with_variant(mysql.LONGBLOB(), 'mariadb').with_variant(mysql.LONGBLOB(), 'mysql'), nullable=False),
    sa.Column('artefact_format', sa.String(length=8), nullable=False),
    sa.Column('artefact_sha256', sa.String(length=64), nullable=False),
    sa.Column('meta', sa.Text().with_variant(mysql.MEDIUMTEXT(), 'mariadb').with_variant(mysql.MEDIUMTEXT(), 'mysql'), nullable=False),
    sa.Column('training_sha256', sa.String(length=64), nullable=False),
    sa.Column('auc', sa.Float(precision=53).with_variant(mysql.DOUBLE(), 'mariadb').with_variant(mysql.DOUBLE(), 'mysql'), nullable=False),
    sa.Column('ks', sa.Float(precision=53).with_variant(mysql.DOUBLE(), 'mariadb').with_variant(mysql.DOUBLE(), 'mysql'), nullable=False),
    sa.Column('created_at', sa.DateTime().with_variant(mysql.DATETIME(fsp=6), 'mariadb').with_variant(mysql.DATETIME(fsp=6), 'mysql'), nullable=False),
    sa.Column('created_by', sa.String(length=64), nullable=False),
    sa.Column('proposed_at', sa.DateTime().with_variant(mysql.DATETIME(fsp=6), 'mariadb').with_variant(mysql.DATETIME(fsp=6), 'mysql'), nullable=True),
    sa.Column('proposed_by', sa.String(length=64), nullable=True),
    sa.Column('approved_at', sa.DateTime().with_variant(mysql.DATETIME(fsp=6), 'mariadb').with_variant(mysql.DATETIME(fsp=6), 'mysql'), nullable=True),
    sa.Column('approved_by', sa.String(length=64), nullable=True),
    sa.PrimaryKeyConstraint('id'),
    sa.UniqueConstraint('active_slot')
    )
    with op.batch_alter_table('model_version', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_model_version_status'), ['status'], unique=False)

    op.create_table('policy_version',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('approve_below', sa.Float(precision=53).with_variant(mysql.DOUBLE(), 'mariadb').with_variant(mysql.DOUBLE(), 'mysql'), nullable=False),
    sa.Column('decline_from', sa.Float(precision=53).with_variant(mysql.DOUBLE(), 'mariadb').with_variant(mysql.DOUBLE(), 'mysql'), nullable=False),
    sa.Column('review_sla_hours', sa.Integer(), nullable=False),
    sa.Column('four_eyes_amount', sa.Float(precision=53).with_variant(mysql.DOUBLE(), 'mariadb').with_variant(mysql.DOUBLE(), 'mysql'), nullable=False),
    sa.Column('effective_from', sa.DateTime().with_variant(mysql.DATETIME(fsp=6), 'mariadb').with_variant(mysql.DATETIME(fsp=6), 'mysql'), nullable=False),
    sa.Column('created_at', sa.DateTime().with_variant(mysql.DATETIME(fsp=6), 'mariadb').with_variant(mysql.DATETIME(fsp=6), 'mysql'), nullable=False),
    sa.Column('created_by', sa.String(length=64), nullable=False),
    sa.Column('note', sa.String(length=500), nullable=False),
    sa.PrimaryKeyConstraint('id')
    )
    op.create_table('rule_set',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('effective_from', sa.DateTime().with_variant(mysql.DATETIME(fsp=6), 'mariadb').with_variant(mysql.DATETIME(fsp=6), 'mysql'), nullable=False),
    sa.Column('created_at', sa.DateTime().with_variant(mysql.DATETIME(fsp=6), 'mariadb').with_variant(mysql.DATETIME(fsp=6), 'mysql'), nullable=False),
    sa.Column('created_by', sa.String(length=64), nullable=False),
    sa.Column('note', sa.String(length=500), nullable=False),
    sa.PrimaryKeyConstraint('id')
    )
    op.create_table('monitor_run',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('month', sa.String(length=7), nullable=False),
    sa.Column('model_version_id', sa.Integer(), nullable=False),
    sa.Column('computed_at', sa.DateTime().with_variant(mysql.DATETIME(fsp=6), 'mariadb').with_variant(mysql.DATETIME(fsp=6), 'mysql'), nullable=False),
    sa.Column('computed_by', sa.String(length=64), nullable=False),
    sa.Column('applications', sa.Integer(), nullable=False),
    sa.Column('score_psi', sa.Float(precision=53).with_variant(mysql.DOUBLE(), 'mariadb').with_variant(mysql.DOUBLE(), 'mysql'), nullable=True),
    sa.Column('auc', sa.Float(precision=53).with_variant(mysql.DOUBLE(), 'mariadb').with_variant(mysql.DOUBLE(), 'mysql'), nullable=True),
    sa.Column('ks', sa.Float(precision=53).with_variant(mysql.DOUBLE(), 'mariadb').with_variant(mysql.DOUBLE(), 'mysql'), nullable=True),
    sa.Column('override_rate', sa.Float(precision=53).with_variant(mysql.DOUBLE(), 'mariadb').with_variant(mysql.DOUBLE(), 'mysql'), nullable=True),
    sa.Column('details', sa.Text().with_variant(mysql.MEDIUMTEXT(), 'mariadb').with_variant(mysql.MEDIUMTEXT(), 'mysql'), nullable=False),
    sa.ForeignKeyConstraint(['model_version_id'], ['model_version.id'], ),
    sa.PrimaryKeyConstraint('id')
    )
    with op.batch_alter_table('monitor_run', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_monitor_run_month'), ['month'], unique=False)

    op.create_table('rule_setting',
    sa.Column('rule_set_id', sa.Integer(), nullable=False),
    sa.Column('code', sa.String(length=32), nullable=False),
    sa.Column('name', sa.String(length=128), nullable=False),
    sa.Column('severity', sa.String(length=8), nullable=False),
    sa.Column('enabled', sa.Boolean(), nullable=False),
    sa.Column('params', sa.Text().with_variant(mysql.MEDIUMTEXT(), 'mariadb').with_variant(mysql.MEDIUMTEXT(), 'mysql'), nullable=False),
    sa.Column('source', sa.String(length=255), nullable=False),
    sa.ForeignKeyConstraint(['rule_set_id'], ['rule_set.id'], ),
    sa.PrimaryKeyConstraint('rule_set_id', 'code')
    )
    op.create_table('score_run',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('model_version_id', sa.Integer(), nullable=False),
    sa.Column('rule_set_id', sa.Integer(), nullable=False),
    sa.Column('policy_version_id', sa.Integer(), nullable=False),
    sa.Column('started_at', sa.DateTime().with_variant(mysql.DATETIME(fsp=6), 'mariadb').with_variant(mysql.DATETIME(fsp=6), 'mysql'), nullable=False),
    sa.Column('finished_at', sa.DateTime().with_variant(mysql.DATETIME(fsp=6), 'mariadb').with_variant(mysql.DATETIME(fsp=6), 'mysql'), nullable=True),
    sa.Column('username', sa.String(length=64), nullable=False),
    sa.Column('scope', sa.String(length=16), nullable=False),
    sa.Column('evaluated', sa.Text().with_variant(mysql.MEDIUMTEXT(), 'mariadb').with_variant(mysql.MEDIUMTEXT(), 'mysql'), nullable=False),
    sa.Column('scored', sa.Integer(), nullable=False),
    sa.Column('flagged', sa.Integer(), nullable=False),
    sa.Column('rule_hits', sa.Integer(), nullable=False),
    sa.Column('cases', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['model_version_id'], ['model_version.id'], ),
    sa.ForeignKeyConstraint(['policy_version_id'], ['policy_version.id'], ),
    sa.ForeignKeyConstraint(['rule_set_id'], ['rule_set.id'], ),
    sa.PrimaryKeyConstraint('id')
    )
    op.create_table('rule_hit',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('application_id', sa.Integer(), nullable=False),
    sa.Column('rule_set_id', sa.Integer(), nullable=False),
    sa.Column('run_id', sa.Integer(), nullable=False),
    sa.Column('code', sa.String(length=32), nullable=False),
    sa.Column('severity', sa.String(length=8), nullable=False),
    sa.Column('detail', sa.String(length=500), nullable=False),
    sa.ForeignKeyConstraint(['application_id'], ['application.id'], ),
    sa.ForeignKeyConstraint(['rule_set_id'], ['rule_set.id'], ),
    sa.ForeignKeyConstraint(['run_id'], ['score_run.id'], ),
    sa.PrimaryKeyConstraint('id'),
    sa.UniqueConstraint('application_id', 'rule_set_id', 'code')
    )
    with op.batch_alter_table('rule_hit', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_rule_hit_code'), ['code'], unique=False)

    op.create_table('score',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('application_id', sa.Integer(), nullable=False),
    sa.Column('model_version_id', sa.Integer(), nullable=False),
    sa.Column('run_id', sa.Integer(), nullable=False),
    sa.Column('pd', sa.Float(precision=53).with_variant(mysql.DOUBLE(), 'mariadb').with_variant(mysql.DOUBLE(), 'mysql'), nullable=False),
    sa.Column('margin', sa.Float(precision=53).with_variant(mysql.DOUBLE(), 'mariadb').with_variant(mysql.DOUBLE(), 'mysql'), nullable=False),
    sa.Column('points', sa.Integer(), nullable=False),
    sa.Column('band', sa.String(length=8), nullable=False),
    sa.Column('scored_at', sa.DateTime().with_variant(mysql.DATETIME(fsp=6), 'mariadb').with_variant(mysql.DATETIME(fsp=6), 'mysql'), nullable=False),
    sa.ForeignKeyConstraint(['application_id'], ['application.id'], ),
    sa.ForeignKeyConstraint(['model_version_id'], ['model_version.id'], ),
    sa.ForeignKeyConstraint(['run_id'], ['score_run.id'], ),
    sa.PrimaryKeyConstraint('id'),
    sa.UniqueConstraint('application_id', 'model_version_id')
    )
    op.create_table('decision_record',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('application_id', sa.Integer(), nullable=False),
    sa.Column('score_id', sa.Integer(), nullable=False),
    sa.Column('model_version_id', sa.Integer(), nullable=False),
    sa.Column('rule_set_id', sa.Integer(), nullable=False),
    sa.Column('policy_version_id', sa.Integer(), nullable=False),
    sa.Column('run_id', sa.Integer(), nullable=False),
    sa.Column('outcome', sa.String(length=16), nullable=False),
    sa.Column('band', sa.String(length=8), nullable=False),
    sa.Column('pd', sa.Float(precision=53).with_variant(mysql.DOUBLE(), 'mariadb').with_variant(mysql.DOUBLE(), 'mysql'), nullable=False),
    sa.Column('points', sa.Integer(), nullable=False),
    sa.Column('flags', sa.String(length=255), nullable=False),
    sa.Column('current_slot', sa.Integer(), nullable=True),
    sa.Column('max_severity', sa.String(length=8), nullable=True),
    sa.Column('decided_at', sa.DateTime().with_variant(mysql.DATETIME(fsp=6), 'mariadb').with_variant(mysql.DATETIME(fsp=6), 'mysql'), nullable=False),
    sa.ForeignKeyConstraint(['application_id'], ['application.id'], ),
    sa.ForeignKeyConstraint(['model_version_id'], ['model_version.id'], ),
    sa.ForeignKeyConstraint(['policy_version_id'], ['policy_version.id'], ),
    sa.ForeignKeyConstraint(['rule_set_id'], ['rule_set.id'], ),
    sa.ForeignKeyConstraint(['run_id'], ['score_run.id'], ),
    sa.ForeignKeyConstraint(['score_id'], ['score.id'], ),
    sa.PrimaryKeyConstraint('id'),
    sa.UniqueConstraint('application_id', 'current_slot'),
    sa.UniqueConstraint('application_id', 'model_version_id', 'rule_set_id', 'policy_version_id')
    )
    op.create_table('score_reason',
    sa.Column('score_id', sa.Integer(), nullable=False),
    sa.Column('rank', sa.Integer(), autoincrement=False, nullable=False),
    sa.Column('feature', sa.String(length=64), nullable=False),
    sa.Column('value', sa.String(length=64), nullable=False),
    sa.Column('contribution', sa.Float(precision=53).with_variant(mysql.DOUBLE(), 'mariadb').with_variant(mysql.DOUBLE(), 'mysql'), nullable=False),
    sa.ForeignKeyConstraint(['score_id'], ['score.id'], ),
    sa.PrimaryKeyConstraint('score_id', 'rank')
    )
    op.create_table('review_case',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('kind', sa.String(length=24), nullable=False),
    sa.Column('application_id', sa.Integer(), nullable=True),
    sa.Column('dedupe_key', sa.String(length=64), nullable=True),
    sa.Column('status', sa.String(length=16), nullable=False),
    sa.Column('priority', sa.Integer(), nullable=False),
    sa.Column('due_at', sa.DateTime().with_variant(mysql.DATETIME(fsp=6), 'mariadb').with_variant(mysql.DATETIME(fsp=6), 'mysql'), nullable=False),
    sa.Column('assignee_id', sa.Integer(), nullable=True),
    sa.Column('decision', sa.String(length=16), nullable=True),
    sa.Column('maker_id', sa.Integer(), nullable=True),
    sa.Column('reason', sa.String(length=2000), nullable=False),
    sa.Column('decided_by_id', sa.Integer(), nullable=True),
    sa.Column('checked_by_id', sa.Integer(), nullable=True),
    sa.Column('decision_record_id', sa.Integer(), nullable=True),
    sa.Column('created_at', sa.DateTime().with_variant(mysql.DATETIME(fsp=6), 'mariadb').with_variant(mysql.DATETIME(fsp=6), 'mysql'), nullable=False),
    sa.Column('updated_at', sa.DateTime().with_variant(mysql.DATETIME(fsp=6), 'mariadb').with_variant(mysql.DATETIME(fsp=6), 'mysql'), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['application_id'], ['application.id'], ),
    sa.ForeignKeyConstraint(['assignee_id'], ['app_user.id'], ),
    sa.ForeignKeyConstraint(['checked_by_id'], ['app_user.id'], ),
    sa.ForeignKeyConstraint(['decided_by_id'], ['app_user.id'], ),
    sa.ForeignKeyConstraint(['decision_record_id'], ['decision_record.id'], ),
    sa.ForeignKeyConstraint(['maker_id'], ['app_user.id'], ),
    sa.PrimaryKeyConstraint('id'),
    sa.UniqueConstraint('dedupe_key')
    )
    with op.batch_alter_table('review_case', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_review_case_application_id'), ['application_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_review_case_due_at'), ['due_at'], unique=False)
        batch_op.create_index(batch_op.f('ix_review_case_kind'), ['kind'], unique=False)
        batch_op.create_index(batch_op.f('ix_review_case_status'), ['status'], unique=False)

    op.create_table('investigation_note',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('case_id', sa.Integer(), nullable=False),
    sa.Column('kind', sa.String(length=16), nullable=False),
    sa.Column('outcome', sa.String(length=16), nullable=False),
    sa.Column('text', sa.String(length=4000), nullable=False),
    sa.Column('corrects_id', sa.Integer(), nullable=True),
    sa.Column('author_id', sa.Integer(), nullable=False),
    sa.Column('author', sa.String(length=64), nullable=False),
    sa.Column('created_at', sa.DateTime().with_variant(mysql.DATETIME(fsp=6), 'mariadb').with_variant(mysql.DATETIME(fsp=6), 'mysql'), nullable=False),
    sa.ForeignKeyConstraint(['author_id'], ['app_user.id'], ),
    sa.ForeignKeyConstraint(['case_id'], ['review_case.id'], ),
    sa.ForeignKeyConstraint(['corrects_id'], ['investigation_note.id'], ),
    sa.PrimaryKeyConstraint('id')
    )
    with op.batch_alter_table('investigation_note', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_investigation_note_case_id'), ['case_id'], unique=False)

    op.create_table('note_draft',
    sa.Column('case_id', sa.Integer(), nullable=False),
    sa.Column('user_id', sa.Integer(), nullable=False),
    sa.Column('kind', sa.String(length=16), nullable=False),
    sa.Column('outcome', sa.String(length=16), nullable=False),
    sa.Column('text', sa.String(length=4000), nullable=False),
    sa.Column('updated_at', sa.DateTime().with_variant(mysql.DATETIME(fsp=6), 'mariadb').with_variant(mysql.DATETIME(fsp=6), 'mysql'), nullable=False),
    sa.ForeignKeyConstraint(['case_id'], ['review_case.id'], ),
    sa.ForeignKeyConstraint(['user_id'], ['app_user.id'], ),
    sa.PrimaryKeyConstraint('case_id', 'user_id')
    )
    with op.batch_alter_table('application', schema=None) as batch_op:
        batch_op.add_column(sa.Column('stated_age', sa.Integer(), nullable=True))
    # One-year LPR as published by the PBOC's National Interbank Funding Center (percent).
    op.bulk_insert(
        sa.table("lpr_rate", sa.column("effective_date", sa.Date),
                 sa.column("one_year_pct", sa.Numeric(7, 4))),
        [{"effective_date": date.fromisoformat(d), "one_year_pct": Decimal(r)} for d, r in (
            ("2019-08-20", "4.25"), ("2019-09-20", "4.20"), ("2019-11-20", "4.15"),
            ("2020-02-20", "4.05"), ("2020-04-20", "3.85"), ("2021-12-20", "3.80"),
            ("2022-01-20", "3.70"), ("2022-08-22", "3.65"), ("2023-06-20", "3.55"),
            ("2023-08-21", "3.45"), ("2024-07-22", "3.35"), ("2024-10-21", "3.10"),
            ("2025-05-20", "3.00"))],
    )


def downgrade() -> None:
    with op.batch_alter_table('application', schema=None) as batch_op:
        batch_op.drop_column('stated_age')

    op.drop_table('note_draft')
    with op.batch_alter_table('investigation_note', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_investigation_note_case_id'))

    op.drop_table('investigation_note')
    with op.batch_alter_table('review_case', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_review_case_status'))
        batch_op.drop_index(batch_op.f('ix_review_case_kind'))
        batch_op.drop_index(batch_op.f('ix_review_case_due_at'))
        batch_op.drop_index(batch_op.f('ix_review_case_application_id'))

    op.drop_table('review_case')
    op.drop_table('score_reason')
    op.drop_table('decision_record')
    op.drop_table('score')
    with op.batch_alter_table('rule_hit', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_rule_hit_code'))

    op.drop_table('rule_hit')
    op.drop_table('score_run')
    op.drop_table('rule_setting')
    with op.batch_alter_table('monitor_run', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_monitor_run_month'))

    op.drop_table('monitor_run')
    op.drop_table('rule_set')
    op.drop_table('policy_version')
    with op.batch_alter_table('model_version', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_model_version_status'))

    op.drop_table('model_version')
    op.drop_table('lpr_rate')
    op.drop_table('blacklist_entry')
