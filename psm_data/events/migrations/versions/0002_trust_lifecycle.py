"""Trust and lifecycle: rehearsal and archived events, the revision of a text that moderation approves.

Revision ID: 0002
Revises: 0001
Create Date: 2026-12-06
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("events") as batch:
        batch.add_column(sa.Column("is_rehearsal", sa.Boolean, nullable=False, server_default=sa.false()))
        batch.add_column(sa.Column("archived_at", sa.DateTime(timezone=True)))
    with op.batch_alter_table("texts") as batch:
        batch.add_column(sa.Column("revision", sa.Integer, nullable=False, server_default="1"))


def downgrade() -> None:
    with op.batch_alter_table("texts") as batch:
        batch.drop_column("revision")
    with op.batch_alter_table("events") as batch:
        batch.drop_column("archived_at")
        batch.drop_column("is_rehearsal")
