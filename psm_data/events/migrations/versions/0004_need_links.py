"""Need links: the report's need (or a new need and its axis) each comment or proposal speaks to.

Revision ID: 0004
Revises: 0003
Create Date: 2026-12-06
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "need_links",
        sa.Column("text_id", sa.Integer, nullable=False),
        sa.Column("decision", sa.String(10), nullable=False),
        sa.Column("need_id", sa.String(10)),
        sa.Column("axis_id", sa.String(4)),
        sa.Column("suggested", sa.String(40), nullable=False),
        sa.Column("decided_at", sa.DateTime(timezone=True), nullable=False),
        sa.CheckConstraint("decision IN ('confirmed', 'picked', 'new')", name=op.f("ck_need_links_decision")),
        sa.CheckConstraint("(decision = 'new' AND need_id IS NULL AND axis_id IS NOT NULL) OR "
                           "(decision <> 'new' AND need_id IS NOT NULL AND axis_id IS NULL)",
                           name=op.f("ck_need_links_target")),
        sa.ForeignKeyConstraint(["text_id"], ["texts.text_id"], name=op.f("fk_need_links_text_id_texts"),
                                ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("text_id", name=op.f("pk_need_links")),
    )


def downgrade() -> None:
    op.drop_table("need_links")
