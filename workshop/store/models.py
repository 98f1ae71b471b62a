"""The database tables."""

from __future__ import annotations

from datetime import UTC, datetime

from sqlalchemy import (
    JSON,
    Boolean,
    DateTime,
    Float,
    ForeignKey,
    Index,
    Integer,
    String,
    Text,
    UniqueConstraint,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship


def utcnow() -> datetime:
    """Now, in UTC, without tzinfo (SQLite keeps none)."""
    return datetime.now(UTC).replace(tzinfo=None)


class Base(DeclarativeBase):
    """Base of all tables."""


class User(Base):
    """A grown-up who logs in: admin, leader, advisor or partner."""

    __tablename__ = "users"
    id: Mapped[int] = mapped_column(primary_key=True)
    username: Mapped[str] = mapped_column(String(80), unique=True)
    display_name: Mapped[str] = mapped_column(String(80))
    password_hash: Mapped[str] = mapped_column(String(255))
    role: Mapped[str] = mapped_column(String(20), default="leader")
    lang: Mapped[str] = mapped_column(String(5), default="nl")
    network_id: Mapped[int | None] = mapped_column(ForeignKey("networks.id"), nullable=True)
    partner_id: Mapped[int | None] = mapped_column(ForeignKey("partners.id"), nullable=True)
    # raised by a logout: every login session of the account ends (services/accounts.py)
    session_version: Mapped[int] = mapped_column(Integer, default=0, server_default="0")
    created_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)


class Group(Base):
    """A group of children (a class), led by one leader."""

    __tablename__ = "groups"
    id: Mapped[int] = mapped_column(primary_key=True)
    leader_id: Mapped[int] = mapped_column(ForeignKey("users.id"))
    name: Mapped[str] = mapped_column(String(80))
    school: Mapped[str] = mapped_column(String(120), default="")
    neighbourhood: Mapped[str] = mapped_column(String(120), default="")
    age_min: Mapped[int] = mapped_column(Integer, default=8)
    age_max: Mapped[int] = mapped_column(Integer, default=12)
    network_id: Mapped[int | None] = mapped_column(ForeignKey("networks.id"), nullable=True)
    progress_token: Mapped[str | None] = mapped_column(String(64), unique=True, nullable=True)
    show_first_names: Mapped[bool] = mapped_column(Boolean, default=False)
    # on a network server: the group's id on the laptop that shipped it ("<laptop>/group/<id>")
    remote_uid: Mapped[str | None] = mapped_column(String(80), unique=True, nullable=True)
    # on a laptop: the group's progress page on the network server it shipped to
    remote_progress_url: Mapped[str | None] = mapped_column(String(300), nullable=True)
    # children of the group forgotten after the retention period who took part: they stay
    # in "children reached" (services/retention.py, services/figures.py)
    forgotten_children: Mapped[int] = mapped_column(Integer, default=0, server_default="0")
    # how many tables (subgroups) the class sits at, 0 for none (domain/tables.py)
    table_count: Mapped[int] = mapped_column(Integer, default=0, server_default="0")
    created_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)


class Series(Base):
    """The three workshops with one group; ideas belong to the series."""

    __tablename__ = "series"
    id: Mapped[int] = mapped_column(primary_key=True)
    group_id: Mapped[int] = mapped_column(ForeignKey("groups.id"), index=True)
    title: Mapped[str] = mapped_column(String(80))
    created_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)
    # when the retention removed its child-level data, and how many ideas it had then
    forgotten_at: Mapped[datetime | None] = mapped_column(DateTime, nullable=True)
    forgotten_ideas: Mapped[int] = mapped_column(Integer, default=0, server_default="0")
    group: Mapped[Group] = relationship()
    workshops: Mapped[list[Workshop]] = relationship(order_by="Workshop.position",
                                                     back_populates="series")


class Workshop(Base):
    """One live workshop: its plan (frozen when it starts), step, timer and switches."""

    __tablename__ = "workshops"
    id: Mapped[int] = mapped_column(primary_key=True)
    series_id: Mapped[int] = mapped_column(ForeignKey("series.id"), index=True)
    position: Mapped[int] = mapped_column(Integer)
    plan_name: Mapped[str] = mapped_column(String(40))
    plan_yaml: Mapped[str] = mapped_column(Text, default="")
    status: Mapped[str] = mapped_column(String(10), default="planned")
    join_code: Mapped[str | None] = mapped_column(String(8), unique=True, nullable=True)
    step_index: Mapped[int] = mapped_column(Integer, default=0)
    timer_ends_at: Mapped[float | None] = mapped_column(Float, nullable=True)
    timer_remaining: Mapped[float | None] = mapped_column(Float, nullable=True)
    locked: Mapped[bool] = mapped_column(Boolean, default=False)
    approval: Mapped[bool] = mapped_column(Boolean, default=False)
    revealed: Mapped[list] = mapped_column(JSON, default=list)
    focus_idea_id: Mapped[int | None] = mapped_column(Integer, nullable=True)
    # the idea each table works out in critical thinking: {"1": idea id, ...}
    table_ideas: Mapped[dict | None] = mapped_column(JSON, nullable=True)
    # the question steps the screen shows as a word cloud (step indexes)
    clouds: Mapped[list | None] = mapped_column(JSON, nullable=True)
    version: Mapped[int] = mapped_column(Integer, default=0)
    started_at: Mapped[datetime | None] = mapped_column(DateTime, nullable=True)
    ended_at: Mapped[datetime | None] = mapped_column(DateTime, nullable=True)
    series: Mapped[Series] = relationship(back_populates="workshops")


class Participant(Base):
    """A child in a group: an avatar and a first or generated name, nothing more."""

    __tablename__ = "participants"
    id: Mapped[int] = mapped_column(primary_key=True)
    group_id: Mapped[int] = mapped_column(ForeignKey("groups.id"), index=True)
    name: Mapped[str] = mapped_column(String(40))
    avatar: Mapped[str] = mapped_column(String(16))
    token: Mapped[str] = mapped_column(String(64), unique=True)
    lang: Mapped[str] = mapped_column(String(5), default="nl")
    lock_seq: Mapped[int] = mapped_column(Integer, default=0)
    # the picture key, hashed (domain/identity.py), and the wrong keys in a row
    key_hash: Mapped[str | None] = mapped_column(String(120), nullable=True)
    key_wrong: Mapped[int] = mapped_column(Integer, default=0, server_default="0")
    # the child's table (1..group.table_count), kept across the series' workshops
    table_no: Mapped[int | None] = mapped_column(Integer, nullable=True)
    created_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)


class ChildDevice(Base):
    """A tablet (its own id, kept in its localStorage) that acted as a child in a workshop:
    removing the child removes these tablets too."""

    __tablename__ = "child_devices"
    __table_args__ = (UniqueConstraint("workshop_id", "participant_id", "device_id"),
                      Index("ix_child_devices_device", "workshop_id", "device_id"))
    id: Mapped[int] = mapped_column(primary_key=True)
    workshop_id: Mapped[int] = mapped_column(ForeignKey("workshops.id"))
    participant_id: Mapped[int] = mapped_column(ForeignKey("participants.id"))
    device_id: Mapped[str] = mapped_column(String(64))
    first_seen: Mapped[datetime] = mapped_column(DateTime, default=utcnow)


class Removal(Base):
    """The leader removed a child (and the tablets it used) from a workshop."""

    __tablename__ = "removals"
    __table_args__ = (UniqueConstraint("workshop_id", "participant_id"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    workshop_id: Mapped[int] = mapped_column(ForeignKey("workshops.id"))
    participant_id: Mapped[int] = mapped_column(ForeignKey("participants.id"))
    removed_by: Mapped[int] = mapped_column(ForeignKey("users.id"))
    created_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)


class JoinRequest(Base):
    """A tablet asks the leader to become a child of the group ("yes / no" on the screen)."""

    __tablename__ = "join_requests"
    __table_args__ = (Index("ix_join_requests_open", "workshop_id", "status"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    workshop_id: Mapped[int] = mapped_column(ForeignKey("workshops.id"))
    participant_id: Mapped[int] = mapped_column(ForeignKey("participants.id"))
    device_id: Mapped[str] = mapped_column(String(64))
    reason: Mapped[str] = mapped_column(String(12))
    status: Mapped[str] = mapped_column(String(10), default="waiting")
    created_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)
    decided_at: Mapped[datetime | None] = mapped_column(DateTime, nullable=True)
    decided_by: Mapped[int | None] = mapped_column(ForeignKey("users.id"), nullable=True)


class Attendance(Base):
    """Which children took part in which workshop."""

    __tablename__ = "attendance"
    __table_args__ = (UniqueConstraint("workshop_id", "participant_id"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    workshop_id: Mapped[int] = mapped_column(ForeignKey("workshops.id"), index=True)
    participant_id: Mapped[int] = mapped_column(ForeignKey("participants.id"))
    joined_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)


class Receipt(Base):
    """One row per submission id made on a tablet: the database keeps each id once."""

    __tablename__ = "receipts"
    client_id: Mapped[str] = mapped_column(String(64), primary_key=True)
    participant_id: Mapped[int] = mapped_column(ForeignKey("participants.id"))
    result: Mapped[dict] = mapped_column(JSON, default=dict)
    created_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)


class Media(Base):
    """A drawing or photo, re-encoded and stored in the data directory."""

    __tablename__ = "media"
    id: Mapped[int] = mapped_column(primary_key=True)
    kind: Mapped[str] = mapped_column(String(10))
    filename: Mapped[str] = mapped_column(String(80), unique=True)
    width: Mapped[int] = mapped_column(Integer)
    height: Mapped[int] = mapped_column(Integer)
    created_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)


class Idea(Base):
    """An idea on the idea wall; it belongs to the series."""

    __tablename__ = "ideas"
    # a child's own ideas in a step (every tablet asks after a step change)
    __table_args__ = (Index("ix_ideas_child_step", "participant_id", "workshop_id",
                            "step_index"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    series_id: Mapped[int] = mapped_column(ForeignKey("series.id"), index=True)
    workshop_id: Mapped[int] = mapped_column(ForeignKey("workshops.id"))
    step_index: Mapped[int] = mapped_column(Integer)
    participant_id: Mapped[int] = mapped_column(ForeignKey("participants.id"))
    text: Mapped[str] = mapped_column(Text)
    title: Mapped[str] = mapped_column(String(80), default="")
    category: Mapped[str] = mapped_column(String(40), default="")
    drawing_id: Mapped[int | None] = mapped_column(ForeignKey("media.id"), nullable=True)
    photo_id: Mapped[int | None] = mapped_column(ForeignKey("media.id"), nullable=True)
    visibility: Mapped[str] = mapped_column(String(10), default="visible")
    merged_into_id: Mapped[int | None] = mapped_column(ForeignKey("ideas.id"), nullable=True)
    shortlisted: Mapped[bool] = mapped_column(Boolean, default=False)
    created_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)


class Response(Base):
    """A child's answer, poll choice, card reaction or critical answer in one step."""

    __tablename__ = "responses"
    __table_args__ = (Index("ix_responses_step_child", "workshop_id", "step_index",
                            "participant_id"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    workshop_id: Mapped[int] = mapped_column(ForeignKey("workshops.id"), index=True)
    step_index: Mapped[int] = mapped_column(Integer)
    participant_id: Mapped[int] = mapped_column(ForeignKey("participants.id"))
    kind: Mapped[str] = mapped_column(String(10))
    choice: Mapped[str] = mapped_column(String(40), default="")
    text: Mapped[str] = mapped_column(Text, default="")
    idea_id: Mapped[int | None] = mapped_column(ForeignKey("ideas.id"), nullable=True)
    visibility: Mapped[str] = mapped_column(String(10), default="visible")
    created_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)


class Vote(Base):
    """One dot of dot voting."""

    __tablename__ = "votes"
    # A child's votes in a step (every vote) and the tally of a step: without these SQLite
    # read every vote of the workshop for each new vote (measured: 2,000 tablets, 6,000 votes).
    __table_args__ = (Index("ix_votes_step_child", "workshop_id", "step_index", "participant_id",
                            "idea_id"),
                      Index("ix_votes_step_idea", "workshop_id", "step_index", "idea_id"))
    id: Mapped[int] = mapped_column(primary_key=True)
    workshop_id: Mapped[int] = mapped_column(ForeignKey("workshops.id"), index=True)
    step_index: Mapped[int] = mapped_column(Integer)
    participant_id: Mapped[int] = mapped_column(ForeignKey("participants.id"), index=True)
    idea_id: Mapped[int] = mapped_column(ForeignKey("ideas.id"), index=True)
    created_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)


class DoneMark(Base):
    """A child said "I'm done" in one step of a workshop (domain/done.py); a new
    submission of the child in that step removes it."""

    __tablename__ = "done_marks"
    __table_args__ = (UniqueConstraint("workshop_id", "step_index", "participant_id"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    workshop_id: Mapped[int] = mapped_column(ForeignKey("workshops.id"))
    step_index: Mapped[int] = mapped_column(Integer)
    participant_id: Mapped[int] = mapped_column(ForeignKey("participants.id"), index=True)
    created_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)


class AuditEntry(Base):
    """A refused or notable event: a tablet sending leader events, a wrong workshop."""

    __tablename__ = "audit"
    id: Mapped[int] = mapped_column(primary_key=True)
    what: Mapped[str] = mapped_column(String(40))
    detail: Mapped[dict] = mapped_column(JSON, default=dict)
    created_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)


class Setting(Base):
    """A setting an admin changes on the settings page (e.g. the retention period); the
    configuration's value holds while none is saved."""

    __tablename__ = "settings"
    key: Mapped[str] = mapped_column(String(40), primary_key=True)
    value: Mapped[str] = mapped_column(String(200))
    updated_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)
