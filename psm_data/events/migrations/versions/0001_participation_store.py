"""The participation store: events, agenda items, participants, answers with their log, comments and proposals.

Revision ID: 0001
Revises:
Create Date: 2026-11-26
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None

ANSWERS = "'agree', 'partly', 'disagree', 'unclear'"
ORIGINS = "'web', 'paper'"
TZ = sa.DateTime(timezone=True)


def upgrade() -> None:
    op.create_table(
        "events",
        sa.Column("event_id", sa.Integer, primary_key=True),
        sa.Column("code", sa.String(12), nullable=False),
        sa.Column("title", sa.String(200), nullable=False),
        sa.Column("event_date", sa.String(10), nullable=False),
        sa.Column("place", sa.String(200), nullable=False),
        sa.Column("zone_ids", sa.String(40), nullable=False),
        sa.Column("status", sa.String(10), nullable=False),
        sa.Column("salt", sa.String(64), nullable=False),
        sa.Column("created_at", TZ, nullable=False),
        sa.Column("opened_at", TZ),
        sa.Column("closed_at", TZ),
        sa.CheckConstraint("status IN ('draft', 'open', 'closed')", name=op.f("ck_events_status")),
        sa.PrimaryKeyConstraint("event_id", name=op.f("pk_events")),
        sa.UniqueConstraint("code", name=op.f("uq_events_code")),
    )
    op.create_table(
        "agenda_items",
        sa.Column("event_id", sa.Integer, nullable=False),
        sa.Column("need_id", sa.String(10), nullable=False),
        sa.Column("position", sa.Integer, nullable=False),
        sa.Column("status", sa.String(10), nullable=False),
        sa.Column("opened_at", TZ),
        sa.Column("closed_at", TZ),
        sa.Column("outcome", sa.String(20)),
        sa.Column("outcome_note", sa.Text, nullable=False),
        sa.CheckConstraint("status IN ('pending', 'open', 'closed')", name=op.f("ck_agenda_items_status")),
        sa.CheckConstraint("outcome IS NULL OR outcome IN ('validata', 'da_riformulare', 'respinta', 'non_discussa')",
                           name=op.f("ck_agenda_items_outcome")),
        sa.ForeignKeyConstraint(["event_id"], ["events.event_id"], ondelete="CASCADE",
                                name=op.f("fk_agenda_items_event_id_events")),
        sa.PrimaryKeyConstraint("event_id", "need_id", name=op.f("pk_agenda_items")),
    )
    op.create_table(
        "participants",
        sa.Column("event_id", sa.Integer, nullable=False),
        sa.Column("device_hash", sa.String(80), nullable=False),
        sa.Column("zone_id", sa.String(4)),
        sa.Column("role", sa.String(20)),
        sa.Column("origin", sa.String(10), nullable=False),
        sa.Column("joined_at", TZ, nullable=False),
        sa.Column("updated_at", TZ, nullable=False),
        sa.CheckConstraint("role IS NULL OR role IN ('cittadino', 'comune', 'ente', 'impresa', 'altro')",
                           name=op.f("ck_participants_role")),
        sa.CheckConstraint(f"origin IN ({ORIGINS})", name=op.f("ck_participants_origin")),
        sa.ForeignKeyConstraint(["event_id"], ["events.event_id"], ondelete="CASCADE",
                                name=op.f("fk_participants_event_id_events")),
        sa.PrimaryKeyConstraint("event_id", "device_hash", name=op.f("pk_participants")),
    )
    op.create_table(
        "answers",
        sa.Column("event_id", sa.Integer, nullable=False),
        sa.Column("device_hash", sa.String(80), nullable=False),
        sa.Column("need_id", sa.String(10), nullable=False),
        sa.Column("answer", sa.String(10)),
        sa.Column("star", sa.Boolean, nullable=False),
        sa.Column("origin", sa.String(10), nullable=False),
        sa.Column("revision", sa.Integer, nullable=False),
        sa.Column("updated_at", TZ, nullable=False),
        sa.CheckConstraint(f"answer IS NULL OR answer IN ({ANSWERS})", name=op.f("ck_answers_answer")),
        sa.CheckConstraint(f"origin IN ({ORIGINS})", name=op.f("ck_answers_origin")),
        sa.ForeignKeyConstraint(["event_id"], ["events.event_id"], ondelete="CASCADE",
                                name=op.f("fk_answers_event_id_events")),
        sa.UniqueConstraint("event_id", "device_hash", "need_id", name="uq_answers_event_device_need"),
    )
    op.create_table(
        "answer_log",
        sa.Column("log_id", sa.Integer, nullable=False),
        sa.Column("event_id", sa.Integer, nullable=False),
        sa.Column("device_hash", sa.String(80), nullable=False),
        sa.Column("need_id", sa.String(10), nullable=False),
        sa.Column("answer", sa.String(10)),
        sa.Column("star", sa.Boolean, nullable=False),
        sa.Column("origin", sa.String(10), nullable=False),
        sa.Column("revision", sa.Integer, nullable=False),
        sa.Column("recorded_at", TZ, nullable=False),
        sa.ForeignKeyConstraint(["event_id"], ["events.event_id"], ondelete="CASCADE",
                                name=op.f("fk_answer_log_event_id_events")),
        sa.PrimaryKeyConstraint("log_id", name=op.f("pk_answer_log")),
    )
    op.create_index("ix_answer_log_event", "answer_log", ["event_id", "need_id"])
    op.create_table(
        "texts",
        sa.Column("text_id", sa.Integer, nullable=False),
        sa.Column("event_id", sa.Integer, nullable=False),
        sa.Column("device_hash", sa.String(80), nullable=False),
        sa.Column("kind", sa.String(10), nullable=False),
        sa.Column("text_key", sa.String(80), nullable=False),
        sa.Column("need_id", sa.String(10)),
        sa.Column("axis_id", sa.String(4)),
        sa.Column("zone_id", sa.String(4)),
        sa.Column("body", sa.Text, nullable=False),
        sa.Column("status", sa.String(10), nullable=False),
        sa.Column("origin", sa.String(10), nullable=False),
        sa.Column("created_at", TZ, nullable=False),
        sa.Column("updated_at", TZ, nullable=False),
        sa.Column("moderated_at", TZ),
        sa.CheckConstraint("kind IN ('comment', 'proposal')", name=op.f("ck_texts_kind")),
        sa.CheckConstraint("status IN ('pending', 'approved', 'rejected')", name=op.f("ck_texts_status")),
        sa.CheckConstraint(f"origin IN ({ORIGINS})", name=op.f("ck_texts_origin")),
        sa.ForeignKeyConstraint(["event_id"], ["events.event_id"], ondelete="CASCADE",
                                name=op.f("fk_texts_event_id_events")),
        sa.PrimaryKeyConstraint("text_id", name=op.f("pk_texts")),
        sa.UniqueConstraint("event_id", "device_hash", "kind", "text_key", name="uq_texts_event_device_kind_key"),
    )
    op.create_index("ix_texts_event_status", "texts", ["event_id", "status"])


def downgrade() -> None:
    for table in ("texts", "answer_log", "answers", "participants", "agenda_items", "events"):
        op.drop_table(table)
