"""Initial schema: installations, policies, approvals, jobs, dedupe, audit, consent, confirms.

Revision ID: 0001
Revises:
Create Date: 2026-11-25 14:20:45.220623
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects import postgresql

JSON = sa.JSON().with_variant(postgresql.JSONB(astext_type=sa.Text()), 'postgresql')

# The audit trail is append-only: the database itself refuses UPDATE (retention purge deletes).
SQLITE_TRIGGER = '''
CREATE TRIGGER audit_events_append_only BEFORE UPDATE ON audit_events
BEGIN SELECT RAISE(ABORT, 'audit_events is append-only'); END
'''
PG_FUNCTION = '''
CREATE FUNCTION audit_events_append_only() RETURNS trigger AS $$
BEGIN RAISE EXCEPTION 'audit_events is append-only'; END $$ LANGUAGE plpgsql
'''
PG_TRIGGER = '''
CREATE TRIGGER audit_events_append_only BEFORE UPDATE ON audit_events
FOR EACH ROW EXECUTE FUNCTION audit_events_append_only()
'''

revision = '0001'
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('audit_events',
    sa.Column('id', sa.BigInteger().with_variant(sa.Integer(), 'sqlite'), autoincrement=True, nullable=False),
    sa.Column('at', sa.DateTime(), nullable=False),
    sa.Column('team_id', sa.String(length=32), nullable=False),
    sa.Column('channel_id', sa.String(length=32), nullable=False),
    sa.Column('user_id', sa.String(length=32), nullable=False),
    sa.Column('event', sa.String(length=32), nullable=False),
    sa.Column('action', sa.String(length=32), nullable=False),
    sa.Column('verdict', sa.String(length=16), nullable=False),
    sa.Column('kinds', JSON, nullable=False),
    sa.Column('counts', JSON, nullable=False),
    sa.Column('detail', JSON, nullable=False),
    sa.Column('message_hash', sa.String(length=128), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_audit_events'))
    )
    op.create_index(op.f('ix_audit_events_at'), 'audit_events', ['at'], unique=False)
    op.create_index('ix_audit_events_team_at', 'audit_events', ['team_id', 'at'], unique=False)
    op.create_table('channel_approvals',
    sa.Column('team_id', sa.String(length=32), nullable=False),
    sa.Column('channel_id', sa.String(length=32), nullable=False),
    sa.Column('approved', sa.Boolean(), nullable=False),
    sa.Column('updated_by', sa.String(length=32), nullable=False),
    sa.Column('updated_at', sa.DateTime(), nullable=False),
    sa.PrimaryKeyConstraint('team_id', 'channel_id', name=op.f('pk_channel_approvals'))
    )
    op.create_table('channel_policies',
    sa.Column('team_id', sa.String(length=32), nullable=False),
    sa.Column('channel_id', sa.String(length=32), nullable=False),
    sa.Column('policy', JSON, nullable=False),
    sa.Column('updated_by', sa.String(length=32), nullable=False),
    sa.Column('updated_at', sa.DateTime(), nullable=False),
    sa.PrimaryKeyConstraint('team_id', 'channel_id', name=op.f('pk_channel_policies'))
    )
    op.create_table('consent_attestations',
    sa.Column('attestation_id', sa.String(length=64), nullable=False),
    sa.Column('team_id', sa.String(length=32), nullable=False),
    sa.Column('channel_id', sa.String(length=32), nullable=False),
    sa.Column('user_id', sa.String(length=32), nullable=False),
    sa.Column('confirm_id', sa.String(length=64), nullable=False),
    sa.Column('points', JSON, nullable=False),
    sa.Column('intended_use', sa.String(length=32), nullable=False),
    sa.Column('channel_approved', sa.Boolean(), nullable=False),
    sa.Column('at', sa.DateTime(), nullable=False),
    sa.PrimaryKeyConstraint('attestation_id', name=op.f('pk_consent_attestations'))
    )
    op.create_table('event_dedupe',
    sa.Column('key', sa.String(length=255), nullable=False),
    sa.Column('expires_at', sa.DateTime(), nullable=False),
    sa.PrimaryKeyConstraint('key', name=op.f('pk_event_dedupe'))
    )
    op.create_index(op.f('ix_event_dedupe_expires_at'), 'event_dedupe', ['expires_at'], unique=False)
    op.create_table('gateway_actions',
    sa.Column('key', sa.String(length=255), nullable=False),
    sa.Column('result', JSON, nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.PrimaryKeyConstraint('key', name=op.f('pk_gateway_actions'))
    )
    op.create_index(op.f('ix_gateway_actions_created_at'), 'gateway_actions', ['created_at'], unique=False)
    op.create_table('installations',
    sa.Column('id', sa.Integer(), autoincrement=True, nullable=False),
    sa.Column('client_id', sa.String(length=64), nullable=False),
    sa.Column('enterprise_id', sa.String(length=32), nullable=True),
    sa.Column('team_id', sa.String(length=32), nullable=True),
    sa.Column('user_id', sa.String(length=32), nullable=True),
    sa.Column('is_enterprise_install', sa.Boolean(), nullable=False),
    sa.Column('bot_user_id', sa.String(length=32), nullable=True),
    sa.Column('bot_token_enc', sa.Text(), nullable=True),
    sa.Column('user_token_enc', sa.Text(), nullable=True),
    sa.Column('bot_refresh_token_enc', sa.Text(), nullable=True),
    sa.Column('user_refresh_token_enc', sa.Text(), nullable=True),
    sa.Column('data', JSON, nullable=False),
    sa.Column('installed_at', sa.DateTime(), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_installations'))
    )
    op.create_index('ix_installations_lookup', 'installations', ['client_id', 'enterprise_id', 'team_id', 'installed_at'], unique=False)
    op.create_table('oauth_states',
    sa.Column('state', sa.String(length=128), nullable=False),
    sa.Column('expires_at', sa.DateTime(), nullable=False),
    sa.PrimaryKeyConstraint('state', name=op.f('pk_oauth_states'))
    )
    op.create_table('pending_confirms',
    sa.Column('confirm_id', sa.String(length=64), nullable=False),
    sa.Column('team_id', sa.String(length=32), nullable=False),
    sa.Column('channel_id', sa.String(length=32), nullable=False),
    sa.Column('user_id', sa.String(length=32), nullable=False),
    sa.Column('message_ts', sa.String(length=32), nullable=False),
    sa.Column('thread_ts', sa.String(length=32), nullable=True),
    sa.Column('expires_at', sa.DateTime(), nullable=False),
    sa.Column('payload', JSON, nullable=True),
    sa.Column('status', sa.String(length=32), nullable=False),
    sa.Column('resolved_by', sa.String(length=32), nullable=True),
    sa.Column('resolved_at', sa.DateTime(), nullable=True),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.PrimaryKeyConstraint('confirm_id', name=op.f('pk_pending_confirms'))
    )
    op.create_index('ix_pending_confirms_due', 'pending_confirms', ['status', 'expires_at'], unique=False)
    op.create_table('scan_jobs',
    sa.Column('job_id', sa.String(length=255), nullable=False),
    sa.Column('team_id', sa.String(length=32), nullable=False),
    sa.Column('channel_id', sa.String(length=32), nullable=False),
    sa.Column('kind', sa.String(length=32), nullable=False),
    sa.Column('payload', JSON, nullable=True),
    sa.Column('status', sa.String(length=16), nullable=False),
    sa.Column('attempts', sa.Integer(), nullable=False),
    sa.Column('available_at', sa.DateTime(), nullable=False),
    sa.Column('lease_until', sa.DateTime(), nullable=True),
    sa.Column('lease_owner', sa.String(length=64), nullable=True),
    sa.Column('last_error', sa.String(length=128), nullable=True),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('finished_at', sa.DateTime(), nullable=True),
    sa.PrimaryKeyConstraint('job_id', name=op.f('pk_scan_jobs'))
    )
    op.create_index('ix_scan_jobs_ready', 'scan_jobs', ['status', 'available_at'], unique=False)

    if op.get_bind().dialect.name == "postgresql":
        op.execute(PG_FUNCTION)
        op.execute(PG_TRIGGER)
    else:
        op.execute(SQLITE_TRIGGER)

def downgrade() -> None:
    if op.get_bind().dialect.name == "postgresql":
        op.execute("DROP TRIGGER IF EXISTS audit_events_append_only ON audit_events")
        op.execute("DROP FUNCTION IF EXISTS audit_events_append_only()")
    else:
        op.execute("DROP TRIGGER IF EXISTS audit_events_append_only")
    op.drop_index('ix_scan_jobs_ready', table_name='scan_jobs')
    op.drop_table('scan_jobs')
    op.drop_index('ix_pending_confirms_due', table_name='pending_confirms')
    op.drop_table('pending_confirms')
    op.drop_table('oauth_states')
    op.drop_index('ix_installations_lookup', table_name='installations')
    op.drop_table('installations')
    op.drop_index(op.f('ix_gateway_actions_created_at'), table_name='gateway_actions')
    op.drop_table('gateway_actions')
    op.drop_index(op.f('ix_event_dedupe_expires_at'), table_name='event_dedupe')
    op.drop_table('event_dedupe')
    op.drop_table('consent_attestations')
    op.drop_table('channel_policies')
    op.drop_table('channel_approvals')
    op.drop_index('ix_audit_events_team_at', table_name='audit_events')
    op.drop_index(op.f('ix_audit_events_at'), table_name='audit_events')
    op.drop_table('audit_events')
