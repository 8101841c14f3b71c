"""Thematic tables: the event's tables with their needs, host and PIN; where each phone sits; each table's verbale
with every saved version.

Revision ID: 0003
Revises: 0002
Create Date: 2026-12-06
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None

TZ = sa.DateTime(timezone=True)
NOTE_KINDS = "'key_point', 'priority', 'disagreement', 'new_need'"


def upgrade() -> None:
    op.create_table(
        "event_tables",
        sa.Column("event_id", sa.Integer, nullable=False),
        sa.Column("table_no", sa.Integer, nullable=False),
        sa.Column("name", sa.String(80), nullable=False),
        sa.Column("axis_id", sa.String(4)),
        sa.Column("need_ids", sa.String(400), nullable=False),
        sa.Column("host_name", sa.String(80), nullable=False),
        sa.Column("pin_hash", sa.String(64), nullable=False),
        sa.Column("created_at", TZ, nullable=False),
        sa.Column("updated_at", TZ, nullable=False),
        sa.ForeignKeyConstraint(["event_id"], ["events.event_id"], ondelete="CASCADE",
                                name=op.f("fk_event_tables_event_id_events")),
        sa.PrimaryKeyConstraint("event_id", "table_no", name=op.f("pk_event_tables")),
    )
    op.create_table(
        "table_seats",
        sa.Column("event_id", sa.Integer, nullable=False),
        sa.Column("device_hash", sa.String(80), nullable=False),
        sa.Column("table_no", sa.Integer, nullable=False),
        sa.Column("updated_at", TZ, nullable=False),
        sa.ForeignKeyConstraint(["event_id"], ["events.event_id"], ondelete="CASCADE",
                                name=op.f("fk_table_seats_event_id_events")),
        sa.PrimaryKeyConstraint("event_id", "device_hash", name=op.f("pk_table_seats")),
    )
    op.create_table(
        "table_notes",
        sa.Column("note_id", sa.Integer, nullable=False),
        sa.Column("event_id", sa.Integer, nullable=False),
        sa.Column("table_no", sa.Integer, nullable=False),
        sa.Column("kind", sa.String(16), nullable=False),
        sa.Column("need_id", sa.String(10)),
        sa.Column("axis_id", sa.String(4)),
        sa.Column("body", sa.Text, nullable=False),
        sa.Column("revision", sa.Integer, nullable=False),
        sa.Column("deleted", sa.Boolean, nullable=False),
        sa.Column("created_at", TZ, nullable=False),
        sa.Column("updated_at", TZ, nullable=False),
        sa.CheckConstraint(f"kind IN ({NOTE_KINDS})", name=op.f("ck_table_notes_kind")),
        sa.ForeignKeyConstraint(["event_id"], ["events.event_id"], ondelete="CASCADE",
                                name=op.f("fk_table_notes_event_id_events")),
        sa.PrimaryKeyConstraint("note_id", name=op.f("pk_table_notes")),
    )
    op.create_index("ix_table_notes_event", "table_notes", ["event_id", "table_no"])
    op.create_table(
        "table_note_log",
        sa.Column("log_id", sa.Integer, nullable=False),
        sa.Column("note_id", sa.Integer, nullable=False),
        sa.Column("revision", sa.Integer, nullable=False),
        sa.Column("kind", sa.String(16), nullable=False),
        sa.Column("need_id", sa.String(10)),
        sa.Column("axis_id", sa.String(4)),
        sa.Column("body", sa.Text, nullable=False),
        sa.Column("deleted", sa.Boolean, nullable=False),
        sa.Column("recorded_at", TZ, nullable=False),
        sa.ForeignKeyConstraint(["note_id"], ["table_notes.note_id"], ondelete="CASCADE",
                                name=op.f("fk_table_note_log_note_id_table_notes")),
        sa.PrimaryKeyConstraint("log_id", name=op.f("pk_table_note_log")),
    )
    op.create_index("ix_table_note_log_note", "table_note_log", ["note_id"])


def downgrade() -> None:
    op.drop_index("ix_table_note_log_note", table_name="table_note_log")
    op.drop_table("table_note_log")
    op.drop_index("ix_table_notes_event", table_name="table_notes")
    op.drop_table("table_notes")
    op.drop_table("table_seats")
    op.drop_table("event_tables")
