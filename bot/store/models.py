"""The database schema, as SQLAlchemy Core tables shared by the repositories and Alembic.

Why Core rather than the ORM: every write is a single conditional statement (insert-if-absent,
claim-with-lease, resolve-once), which reads more plainly as SQL than as object state.
No column holds PHI except `scan_jobs.payload` and `pending_confirms.payload`, which are nulled
as soon as the job or confirm is finished.
"""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

import sqlalchemy as sa
from sqlalchemy.dialects.postgresql import JSONB
from sqlalchemy.engine import Dialect

metadata = sa.MetaData(
    naming_convention={
        "ix": "ix_%(column_0_label)s",
        "uq": "uq_%(table_name)s_%(column_0_name)s",
        "pk": "pk_%(table_name)s",
    }
)

# none_as_null: Python None must be SQL NULL (a dropped payload), not the JSON value null.
JSONType = sa.JSON(none_as_null=True).with_variant(JSONB(none_as_null=True), "postgresql")


class UTCDateTime(sa.TypeDecorator[datetime]):
    """Timezone-aware UTC in Python, naive UTC on disk, so SQLite and PostgreSQL compare alike."""

    impl = sa.DateTime
    cache_ok = True

    def process_bind_param(self, value: datetime | None, dialect: Dialect) -> datetime | None:
        if value is None:
            return None
        if value.tzinfo is None:
            raise ValueError("naive datetime given to the store; use datetime.now(UTC)")
        return value.astimezone(UTC).replace(tzinfo=None)

    def process_result_value(self, value: Any, dialect: Dialect) -> datetime | None:
        if value is None:
            return None
        if isinstance(value, str):  # pragma: no cover - SQLite returns datetime already
            value = datetime.fromisoformat(value)
        assert isinstance(value, datetime)
        return value.replace(tzinfo=UTC)


def utcnow() -> datetime:
    return datetime.now(UTC)


installations = sa.Table(
    "installations",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
    sa.Column("client_id", sa.String(64), nullable=False),
    sa.Column("enterprise_id", sa.String(32), nullable=True),
    sa.Column("team_id", sa.String(32), nullable=True),
    sa.Column("user_id", sa.String(32), nullable=True),
    sa.Column("is_enterprise_install", sa.Boolean, nullable=False, default=False),
    sa.Column("bot_user_id", sa.String(32), nullable=True),
    # Tokens are Fernet ciphertext (bot.store.crypto); the rest of the installation as JSON.
    sa.Column("bot_token_enc", sa.Text, nullable=True),
    sa.Column("user_token_enc", sa.Text, nullable=True),
    sa.Column("bot_refresh_token_enc", sa.Text, nullable=True),
    sa.Column("user_refresh_token_enc", sa.Text, nullable=True),
    sa.Column("data", JSONType, nullable=False),
    sa.Column("installed_at", UTCDateTime, nullable=False),
    sa.Index("ix_installations_lookup", "client_id", "enterprise_id", "team_id", "installed_at"),
)

oauth_states = sa.Table(
    "oauth_states",
    metadata,
    sa.Column("state", sa.String(128), primary_key=True),
    sa.Column("expires_at", UTCDateTime, nullable=False),
)

channel_policies = sa.Table(
    "channel_policies",
    metadata,
    sa.Column("team_id", sa.String(32), primary_key=True),
    # "*" is the workspace default.
    sa.Column("channel_id", sa.String(32), primary_key=True),
    sa.Column("policy", JSONType, nullable=False),
    sa.Column("updated_by", sa.String(32), nullable=False),
    sa.Column("updated_at", UTCDateTime, nullable=False),
)

channel_approvals = sa.Table(
    "channel_approvals",
    metadata,
    sa.Column("team_id", sa.String(32), primary_key=True),
    sa.Column("channel_id", sa.String(32), primary_key=True),
    sa.Column("approved", sa.Boolean, nullable=False),
    sa.Column("updated_by", sa.String(32), nullable=False),
    sa.Column("updated_at", UTCDateTime, nullable=False),
)

# Per-installation settings (`bot.store.api.WorkspaceSettings`), one JSON row per team.
workspace_settings = sa.Table(
    "workspace_settings",
    metadata,
    sa.Column("team_id", sa.String(32), primary_key=True),
    sa.Column("settings", JSONType, nullable=False),
    sa.Column("updated_by", sa.String(32), nullable=False),
    sa.Column("updated_at", UTCDateTime, nullable=False),
)

scan_jobs = sa.Table(
    "scan_jobs",
    metadata,
    sa.Column("job_id", sa.String(255), primary_key=True),
    sa.Column("team_id", sa.String(32), nullable=False),
    sa.Column("channel_id", sa.String(32), nullable=False),
    sa.Column("kind", sa.String(32), nullable=False),
    # The Slack event (message text): NULL once the job is done or failed.
    sa.Column("payload", JSONType, nullable=True),
    sa.Column("status", sa.String(16), nullable=False),  # pending|running|done|failed
    sa.Column("attempts", sa.Integer, nullable=False, default=0),
    sa.Column("available_at", UTCDateTime, nullable=False),
    sa.Column("lease_until", UTCDateTime, nullable=True),
    sa.Column("lease_owner", sa.String(64), nullable=True),
    sa.Column("last_error", sa.String(128), nullable=True),  # exception class name only
    sa.Column("created_at", UTCDateTime, nullable=False),
    sa.Column("finished_at", UTCDateTime, nullable=True),
    sa.Index("ix_scan_jobs_ready", "status", "available_at"),
)

event_dedupe = sa.Table(
    "event_dedupe",
    metadata,
    sa.Column("key", sa.String(255), primary_key=True),
    sa.Column("expires_at", UTCDateTime, nullable=False, index=True),
)

audit_events = sa.Table(
    "audit_events",
    metadata,
    sa.Column(
        "id",
        sa.BigInteger().with_variant(sa.Integer, "sqlite"),
        primary_key=True,
        autoincrement=True,
    ),
    sa.Column("at", UTCDateTime, nullable=False, index=True),
    sa.Column("team_id", sa.String(32), nullable=False),
    sa.Column("channel_id", sa.String(32), nullable=False),
    sa.Column("user_id", sa.String(32), nullable=False),
    sa.Column("event", sa.String(32), nullable=False),
    sa.Column("action", sa.String(32), nullable=False, default=""),
    sa.Column("verdict", sa.String(16), nullable=False, default=""),
    sa.Column("kinds", JSONType, nullable=False),
    sa.Column("counts", JSONType, nullable=False),
    sa.Column("detail", JSONType, nullable=False),
    sa.Column("message_hash", sa.String(128), nullable=False, default=""),
    sa.Index("ix_audit_events_team_at", "team_id", "at"),
)

consent_attestations = sa.Table(
    "consent_attestations",
    metadata,
    sa.Column("attestation_id", sa.String(64), primary_key=True),
    sa.Column("team_id", sa.String(32), nullable=False),
    sa.Column("channel_id", sa.String(32), nullable=False),
    sa.Column("user_id", sa.String(32), nullable=False),
    sa.Column("confirm_id", sa.String(64), nullable=False),
    sa.Column("points", JSONType, nullable=False),
    sa.Column("intended_use", sa.String(32), nullable=False),
    sa.Column("channel_approved", sa.Boolean, nullable=False),
    sa.Column("at", UTCDateTime, nullable=False),
)

pending_confirms = sa.Table(
    "pending_confirms",
    metadata,
    sa.Column("confirm_id", sa.String(64), primary_key=True),
    sa.Column("team_id", sa.String(32), nullable=False),
    sa.Column("channel_id", sa.String(32), nullable=False),
    sa.Column("user_id", sa.String(32), nullable=False),
    sa.Column("message_ts", sa.String(32), nullable=False),
    sa.Column("thread_ts", sa.String(32), nullable=True),
    sa.Column("expires_at", UTCDateTime, nullable=False),
    sa.Column("payload", JSONType, nullable=True),  # NULL once resolved
    sa.Column("status", sa.String(32), nullable=False),  # pending | the outcome
    sa.Column("resolved_by", sa.String(32), nullable=True),
    sa.Column("resolved_at", UTCDateTime, nullable=True),
    sa.Column("created_at", UTCDateTime, nullable=False),
    sa.Index("ix_pending_confirms_due", "status", "expires_at"),
)

# Posts scanned per workspace and UTC day, for the compliance report: the audit trail records only
# posts with findings or actions, so clean posts are counted here (a number, nothing else).
scan_tallies = sa.Table(
    "scan_tallies",
    metadata,
    sa.Column("team_id", sa.String(32), primary_key=True),
    sa.Column("day", sa.Date, primary_key=True),
    sa.Column("posts", sa.Integer, nullable=False),
)

# A history sweep of one channel (`/phi sweep`, or the bot joining a channel): its cursor and
# tallies, so a restart resumes where it stopped. `hits` holds message ts and kinds only.
sweeps = sa.Table(
    "sweeps",
    metadata,
    sa.Column("sweep_id", sa.String(64), primary_key=True),
    sa.Column("team_id", sa.String(32), nullable=False),
    sa.Column("channel_id", sa.String(32), nullable=False),
    sa.Column("requested_by", sa.String(32), nullable=False),  # "" when the bot joined
    sa.Column("mode", sa.String(16), nullable=False),  # report | apply
    sa.Column("oldest", sa.String(32), nullable=False),  # Slack ts: the window's start
    sa.Column("status", sa.String(16), nullable=False),  # running | done | failed
    sa.Column("seq", sa.Integer, nullable=False),  # the page job that may run next
    sa.Column("state", JSONType, nullable=False),  # cursor, threads still to read, counts
    sa.Column("created_at", UTCDateTime, nullable=False),
    sa.Column("updated_at", UTCDateTime, nullable=False),
    sa.Index("ix_sweeps_team_status", "team_id", "status"),
)

# A workspace's vocabulary (`/phi terms`): words that are not names, its institutions.
# `term` is normalised (bot.detect.vocabulary.normalise); admins' words, never post text.
workspace_terms = sa.Table(
    "workspace_terms",
    metadata,
    sa.Column("team_id", sa.String(32), primary_key=True),
    sa.Column("kind", sa.String(16), primary_key=True),  # not_name | institution
    sa.Column("term", sa.String(80), primary_key=True),
    sa.Column("added_by", sa.String(32), nullable=False),
    sa.Column("added_at", UTCDateTime, nullable=False),
)

gateway_actions = sa.Table(
    "gateway_actions",
    metadata,
    sa.Column("key", sa.String(255), primary_key=True),
    sa.Column("result", JSONType, nullable=False),  # ids only (channel, ts)
    sa.Column("created_at", UTCDateTime, nullable=False, index=True),
)
