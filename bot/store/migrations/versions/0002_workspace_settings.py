"""Per-installation settings: one JSON row per team (where admin alerts go, and later more).

Revision ID: 0002
Revises: 0001
Create Date: 2026-12-01 23:40:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects import postgresql

JSON = sa.JSON().with_variant(postgresql.JSONB(astext_type=sa.Text()), "postgresql")

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "workspace_settings",
        sa.Column("team_id", sa.String(length=32), nullable=False),
        sa.Column("settings", JSON, nullable=False),
        sa.Column("updated_by", sa.String(length=32), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint("team_id", name=op.f("pk_workspace_settings")),
    )


def downgrade() -> None:
    op.drop_table("workspace_settings")
