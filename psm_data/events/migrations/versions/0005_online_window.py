"""Widen participation: an event's online window (two dates), its publication on the public page, and the
`online` origin of answers, participants and texts.

Revision ID: 0005
Revises: 0004
Create Date: 2026-12-06
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None

OLD_ORIGINS = "'web', 'paper'"
NEW_ORIGINS = "'web', 'paper', 'online'"
ORIGIN_TABLES = ("participants", "answers", "texts")


def _origins(allowed: str) -> None:
    for table in ORIGIN_TABLES:
        with op.batch_alter_table(table) as batch:
            batch.drop_constraint(op.f(f"ck_{table}_origin"), type_="check")
            batch.create_check_constraint(op.f(f"ck_{table}_origin"), f"origin IN ({allowed})")


def upgrade() -> None:
    with op.batch_alter_table("events") as batch:
        batch.add_column(sa.Column("online_from", sa.String(10)))
        batch.add_column(sa.Column("online_until", sa.String(10)))
        batch.add_column(sa.Column("published_at", sa.DateTime(timezone=True)))
    _origins(NEW_ORIGINS)


def downgrade() -> None:
    _origins(OLD_ORIGINS)
    with op.batch_alter_table("events") as batch:
        batch.drop_column("published_at")
        batch.drop_column("online_until")
        batch.drop_column("online_from")
