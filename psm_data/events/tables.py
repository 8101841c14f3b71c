"""The schema of the participation store (SQLAlchemy Core). Alembic migrations create it; keep the two in step.

Identity: a participant is `device_hash` = SHA-256 of (the event's salt + the phone's anonymous cookie token), so
the same phone is a different, unlinkable participant in each event, and no IP, user agent or Streamlit session id
is ever stored. Paper respondents get `device_hash = "paper:<sheet id>"`.

Idempotency: the current answer has one row per (event, device, need), written by upsert; an unchanged re-send
(Streamlit re-runs an interrupted script after a reconnect) writes nothing. Every change appends to `answer_log`,
so the store keeps the history.
"""

from __future__ import annotations

from sqlalchemy import (
    Boolean,
    CheckConstraint,
    Column,
    DateTime,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    String,
    Table,
    Text,
    UniqueConstraint,
    false,
)

from psm_data.events.vocabulary import ANSWERS, MODERATION, ORIGINS, OUTCOMES, ROLES

metadata = MetaData(naming_convention={
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
})


def _one_of(column: str, values: tuple[str, ...], name: str, nullable: bool = False) -> CheckConstraint:
    allowed = ", ".join(f"'{v}'" for v in values)
    condition = f"{column} IN ({allowed})"
    return CheckConstraint(f"{column} IS NULL OR {condition}" if nullable else condition, name=name)


EVENT_STATUSES = ("draft", "open", "closed")
ITEM_STATUSES = ("pending", "open", "closed")
TEXT_KINDS = ("comment", "proposal")

events = Table(
    "events", metadata,
    Column("event_id", Integer, primary_key=True),
    Column("code", String(12), nullable=False, unique=True),
    Column("title", String(200), nullable=False),
    Column("event_date", String(10), nullable=False),  # ISO date, as the facilitator typed it
    Column("place", String(200), nullable=False, default=""),
    Column("zone_ids", String(40), nullable=False, default=""),  # "5;7": the zones the event focuses on
    Column("status", String(10), nullable=False, default="draft"),
    Column("salt", String(64), nullable=False),
    Column("created_at", DateTime(timezone=True), nullable=False),
    Column("opened_at", DateTime(timezone=True)),
    Column("closed_at", DateTime(timezone=True)),
    # A rehearsal (prova) is never counted in results; an archived event leaves the explorer's results but stays
    # in exports and backups. Both are orthogonal to `status` (a closed event may be archived).
    Column("is_rehearsal", Boolean, nullable=False, default=False, server_default=false()),
    Column("archived_at", DateTime(timezone=True)),
    # The online window: ISO dates, both inclusive (Europe/Rome days). Open while today is between them; it closes
    # by itself after `online_until` (checked on every read and write, no scheduler).
    Column("online_from", String(10)),
    Column("online_until", String(10)),
    # Set while the facilitator publishes the event's outcome on the public page; None: not public.
    Column("published_at", DateTime(timezone=True)),
    _one_of("status", EVENT_STATUSES, "status"),
)

agenda_items = Table(
    "agenda_items", metadata,
    Column("event_id", Integer, ForeignKey("events.event_id", ondelete="CASCADE"), primary_key=True),
    Column("need_id", String(10), primary_key=True),
    Column("position", Integer, nullable=False),
    Column("status", String(10), nullable=False, default="pending"),
    Column("opened_at", DateTime(timezone=True)),
    Column("closed_at", DateTime(timezone=True)),
    Column("outcome", String(20)),
    Column("outcome_note", Text, nullable=False, default=""),
    _one_of("status", ITEM_STATUSES, "status"),
    _one_of("outcome", OUTCOMES, "outcome", nullable=True),
)

participants = Table(
    "participants", metadata,
    Column("event_id", Integer, ForeignKey("events.event_id", ondelete="CASCADE"), primary_key=True),
    Column("device_hash", String(80), primary_key=True),
    Column("zone_id", String(4)),
    Column("role", String(20)),
    Column("origin", String(10), nullable=False, default="web"),
    Column("joined_at", DateTime(timezone=True), nullable=False),
    Column("updated_at", DateTime(timezone=True), nullable=False),
    _one_of("role", ROLES, "role", nullable=True),
    _one_of("origin", ORIGINS, "origin"),
)

answers = Table(
    "answers", metadata,
    Column("event_id", Integer, ForeignKey("events.event_id", ondelete="CASCADE"), nullable=False),
    Column("device_hash", String(80), nullable=False),
    Column("need_id", String(10), nullable=False),
    Column("answer", String(10)),  # NULL: only a star, no answer yet
    Column("star", Boolean, nullable=False, default=False),
    Column("origin", String(10), nullable=False, default="web"),
    Column("revision", Integer, nullable=False, default=1),
    Column("updated_at", DateTime(timezone=True), nullable=False),
    UniqueConstraint("event_id", "device_hash", "need_id", name="uq_answers_event_device_need"),
    _one_of("answer", ANSWERS, "answer", nullable=True),
    _one_of("origin", ORIGINS, "origin"),
)

answer_log = Table(
    "answer_log", metadata,
    Column("log_id", Integer, primary_key=True),
    Column("event_id", Integer, ForeignKey("events.event_id", ondelete="CASCADE"), nullable=False),
    Column("device_hash", String(80), nullable=False),
    Column("need_id", String(10), nullable=False),
    Column("answer", String(10)),
    Column("star", Boolean, nullable=False),
    Column("origin", String(10), nullable=False),
    Column("revision", Integer, nullable=False),
    Column("recorded_at", DateTime(timezone=True), nullable=False),
    Index("ix_answer_log_event", "event_id", "need_id"),
)

texts = Table(
    "texts", metadata,
    Column("text_id", Integer, primary_key=True),
    Column("event_id", Integer, ForeignKey("events.event_id", ondelete="CASCADE"), nullable=False),
    Column("device_hash", String(80), nullable=False),
    Column("kind", String(10), nullable=False),
    # The dedup key: a comment is one per need and device (edits replace it); a proposal is keyed by its text.
    Column("text_key", String(80), nullable=False),
    Column("need_id", String(10)),  # comment: its need; proposal: the need it completes, if any
    Column("axis_id", String(4)),
    Column("zone_id", String(4)),
    Column("body", Text, nullable=False),
    Column("status", String(10), nullable=False, default="pending"),
    Column("origin", String(10), nullable=False, default="web"),
    Column("created_at", DateTime(timezone=True), nullable=False),
    Column("updated_at", DateTime(timezone=True), nullable=False),
    Column("moderated_at", DateTime(timezone=True)),
    # Bumped on every change of the body: an approval names the revision the facilitator saw, so an edit made
    # after the queue was shown is never approved unseen.
    Column("revision", Integer, nullable=False, default=1, server_default="1"),
    UniqueConstraint("event_id", "device_hash", "kind", "text_key", name="uq_texts_event_device_kind_key"),
    Index("ix_texts_event_status", "event_id", "status"),
    _one_of("kind", TEXT_KINDS, "kind"),
    _one_of("status", MODERATION, "status"),
    _one_of("origin", ORIGINS, "origin"),
)

# ---------------------------------------------------------------------------------------------- thematic tables
NOTE_KINDS = ("key_point", "priority", "disagreement", "new_need")

#: A table of the event: its needs (a subset of the agenda; a need belongs to at most one table, so the table
#: host opening or closing it is the need's one state), its host's name, and the hash of its short PIN.
event_tables = Table(
    "event_tables", metadata,
    Column("event_id", Integer, ForeignKey("events.event_id", ondelete="CASCADE"), primary_key=True),
    Column("table_no", Integer, primary_key=True),
    Column("name", String(80), nullable=False),
    Column("axis_id", String(4)),  # the axis the needs came from, when chosen by axis
    Column("need_ids", String(400), nullable=False),  # "N1.1;N1.2", in the agenda's order
    Column("host_name", String(80), nullable=False, default=""),
    Column("pin_hash", String(64), nullable=False),
    Column("created_at", DateTime(timezone=True), nullable=False),
    Column("updated_at", DateTime(timezone=True), nullable=False),
)

#: The table a phone sits at (one per event and device): which needs it sees first. Answers stay the device's.
table_seats = Table(
    "table_seats", metadata,
    Column("event_id", Integer, ForeignKey("events.event_id", ondelete="CASCADE"), primary_key=True),
    Column("device_hash", String(80), primary_key=True),
    Column("table_no", Integer, nullable=False),
    Column("updated_at", DateTime(timezone=True), nullable=False),
)

#: The table's verbale: one row per point, as last saved; `table_note_log` keeps every saved version.
table_notes = Table(
    "table_notes", metadata,
    Column("note_id", Integer, primary_key=True),
    Column("event_id", Integer, ForeignKey("events.event_id", ondelete="CASCADE"), nullable=False),
    Column("table_no", Integer, nullable=False),
    Column("kind", String(16), nullable=False),
    Column("need_id", String(10)),  # the need the point is about (None for a new need)
    Column("axis_id", String(4)),   # a new need's axis
    Column("body", Text, nullable=False),
    Column("revision", Integer, nullable=False, default=1),
    Column("deleted", Boolean, nullable=False, default=False),
    Column("created_at", DateTime(timezone=True), nullable=False),
    Column("updated_at", DateTime(timezone=True), nullable=False),
    Index("ix_table_notes_event", "event_id", "table_no"),
    _one_of("kind", NOTE_KINDS, "kind"),
)

table_note_log = Table(
    "table_note_log", metadata,
    Column("log_id", Integer, primary_key=True),
    Column("note_id", Integer, ForeignKey("table_notes.note_id", ondelete="CASCADE"), nullable=False),
    Column("revision", Integer, nullable=False),
    Column("kind", String(16), nullable=False),
    Column("need_id", String(10)),
    Column("axis_id", String(4)),
    Column("body", Text, nullable=False),
    Column("deleted", Boolean, nullable=False),
    Column("recorded_at", DateTime(timezone=True), nullable=False),
    Index("ix_table_note_log_note", "note_id"),
)

# Which of the report's needs a comment or proposal speaks to, as the facilitator decided it (issue 16): the
# matcher suggests (psm_data/matching), a person confirms, picks another need, or marks a new need with its axis.
LINK_DECISIONS = ("confirmed", "picked", "new")

need_links = Table(
    "need_links", metadata,
    Column("text_id", Integer, ForeignKey("texts.text_id", ondelete="CASCADE"), primary_key=True),
    Column("decision", String(10), nullable=False),
    Column("need_id", String(10)),  # confirmed / picked: the report's need
    Column("axis_id", String(4)),   # new: the axis of the new need
    Column("suggested", String(40), nullable=False, default=""),  # the matcher's top 3 when decided, "N3.3;N3.4"
    Column("decided_at", DateTime(timezone=True), nullable=False),
    _one_of("decision", LINK_DECISIONS, "decision"),
    CheckConstraint("(decision = 'new' AND need_id IS NULL AND axis_id IS NOT NULL) OR "
                    "(decision <> 'new' AND need_id IS NOT NULL AND axis_id IS NULL)", name="target"),
)
