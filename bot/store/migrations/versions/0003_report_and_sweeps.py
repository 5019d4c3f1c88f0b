"""Posts scanned per workspace and day (the compliance report), and history sweeps.

Revision ID: 0003
Revises: 0002
Create Date: 2026-12-01 22:55:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects import postgresql

JSON = sa.JSON().with_variant(postgresql.JSONB(astext_type=sa.Text()), "postgresql")

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "scan_tallies",
        sa.Column("team_id", sa.String(length=32), nullable=False),
        sa.Column("day", sa.Date(), nullable=False),
        sa.Column("posts", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("team_id", "day", name=op.f("pk_scan_tallies")),
    )
    op.create_table(
        "sweeps",
        sa.Column("sweep_id", sa.String(length=64), nullable=False),
        sa.Column("team_id", sa.String(length=32), nullable=False),
        sa.Column("channel_id", sa.String(length=32), nullable=False),
        sa.Column("requested_by", sa.String(length=32), nullable=False),
        sa.Column("mode", sa.String(length=16), nullable=False),
        sa.Column("oldest", sa.String(length=32), nullable=False),
        sa.Column("status", sa.String(length=16), nullable=False),
        sa.Column("seq", sa.Integer(), nullable=False),
        sa.Column("state", JSON, nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint("sweep_id", name=op.f("pk_sweeps")),
    )
    op.create_index("ix_sweeps_team_status", "sweeps", ["team_id", "status"], unique=False)


def downgrade() -> None:
    op.drop_index("ix_sweeps_team_status", table_name="sweeps")
    op.drop_table("sweeps")
    op.drop_table("scan_tallies")
