"""The tables of the network board: networks, partners, shipped ideas and their follow-up."""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import (
    JSON,
    Boolean,
    Date,
    DateTime,
    ForeignKey,
    Integer,
    String,
    Text,
    UniqueConstraint,
)
from sqlalchemy.orm import Mapped, mapped_column

from .models import Base, utcnow


class Network(Base):
    """One neighbourhood's learning ecosystem."""

    __tablename__ = "networks"
    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(80))
    neighbourhood: Mapped[str] = mapped_column(String(120), default="")
    stale_weeks: Mapped[int] = mapped_column(Integer, default=6)
    presenting_id: Mapped[int | None] = mapped_column(Integer, nullable=True)
    created_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)


class Partner(Base):
    """A partner organisation in a network."""

    __tablename__ = "partners"
    id: Mapped[int] = mapped_column(primary_key=True)
    network_id: Mapped[int] = mapped_column(ForeignKey("networks.id"), index=True)
    name: Mapped[str] = mapped_column(String(120))
    domain: Mapped[str] = mapped_column(String(20))
    contact_name: Mapped[str] = mapped_column(String(80), default="")
    contact_email: Mapped[str] = mapped_column(String(120), default="")
    contact_phone: Mapped[str] = mapped_column(String(40), default="")
    strengths: Mapped[list] = mapped_column(JSON, default=list)
    created_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)


class Invitation(Base):
    """A one-time link that creates an account with a role (and a partner)."""

    __tablename__ = "invitations"
    id: Mapped[int] = mapped_column(primary_key=True)
    token_hash: Mapped[str] = mapped_column(String(64), unique=True)
    role: Mapped[str] = mapped_column(String(20))
    network_id: Mapped[int | None] = mapped_column(ForeignKey("networks.id"), nullable=True)
    partner_id: Mapped[int | None] = mapped_column(ForeignKey("partners.id"), nullable=True)
    note: Mapped[str] = mapped_column(String(120), default="")
    created_by: Mapped[int] = mapped_column(ForeignKey("users.id"))
    expires_at: Mapped[datetime] = mapped_column(DateTime)
    used_at: Mapped[datetime | None] = mapped_column(DateTime, nullable=True)
    created_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)


class BoardIdea(Base):
    """A children's idea shipped to a network's board, with where it came from."""

    __tablename__ = "board_ideas"
    __table_args__ = (UniqueConstraint("network_id", "idea_id"),
                      UniqueConstraint("network_id", "origin_uid",
                                       name="uq_board_ideas_network_origin"))
    id: Mapped[int] = mapped_column(primary_key=True)
    network_id: Mapped[int] = mapped_column(ForeignKey("networks.id"), index=True)
    # the idea on this server; none for an idea shipped from a classroom laptop
    idea_id: Mapped[int | None] = mapped_column(ForeignKey("ideas.id"), nullable=True)
    # the idea's id everywhere ("<laptop>/idea/<id>"): a network stores each idea once
    origin_uid: Mapped[str | None] = mapped_column(String(80), nullable=True)
    shipment_id: Mapped[int | None] = mapped_column(ForeignKey("shipments.id"), nullable=True)
    group_id: Mapped[int] = mapped_column(ForeignKey("groups.id"), index=True)
    stage: Mapped[str] = mapped_column(String(12), default="new")
    title: Mapped[str] = mapped_column(String(80))
    text: Mapped[str] = mapped_column(Text)
    origin: Mapped[dict] = mapped_column(JSON, default=dict)
    drawing_id: Mapped[int | None] = mapped_column(ForeignKey("media.id"), nullable=True)
    photo_id: Mapped[int | None] = mapped_column(ForeignKey("media.id"), nullable=True)
    owner_partner_id: Mapped[int | None] = mapped_column(ForeignKey("partners.id"),
                                                         nullable=True)
    reason: Mapped[str] = mapped_column(String(300), default="")
    position: Mapped[int] = mapped_column(Integer, default=0)
    shipped_by: Mapped[int] = mapped_column(ForeignKey("users.id"))
    shipped_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)
    last_news_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)


class Move(Base):
    """One move of a board idea between stages: who, when, why."""

    __tablename__ = "board_moves"
    id: Mapped[int] = mapped_column(primary_key=True)
    board_idea_id: Mapped[int] = mapped_column(ForeignKey("board_ideas.id"), index=True)
    from_stage: Mapped[str] = mapped_column(String(12))
    to_stage: Mapped[str] = mapped_column(String(12))
    reason: Mapped[str] = mapped_column(String(300), default="")
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id"))
    at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)


class Fit(Base):
    """A partner saying "this fits us" about an idea."""

    __tablename__ = "board_fits"
    __table_args__ = (UniqueConstraint("board_idea_id", "partner_id"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    board_idea_id: Mapped[int] = mapped_column(ForeignKey("board_ideas.id"), index=True)
    partner_id: Mapped[int] = mapped_column(ForeignKey("partners.id"))
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id"))
    at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)


class Offer(Base):
    """A partner's offer of help: a space, materials, people, promotion or money."""

    __tablename__ = "board_offers"
    id: Mapped[int] = mapped_column(primary_key=True)
    board_idea_id: Mapped[int] = mapped_column(ForeignKey("board_ideas.id"), index=True)
    partner_id: Mapped[int] = mapped_column(ForeignKey("partners.id"), index=True)
    kind: Mapped[str] = mapped_column(String(12))
    amount_cents: Mapped[int | None] = mapped_column(Integer, nullable=True)
    note: Mapped[str] = mapped_column(String(300), default="")
    status: Mapped[str] = mapped_column(String(12), default="offered")
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id"))
    created_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)


class LedgerLine(Base):
    """Money for an idea: pledged or received, from a partner, the programme or a subsidy."""

    __tablename__ = "board_ledger"
    id: Mapped[int] = mapped_column(primary_key=True)
    board_idea_id: Mapped[int] = mapped_column(ForeignKey("board_ideas.id"), index=True)
    kind: Mapped[str] = mapped_column(String(10))
    amount_cents: Mapped[int] = mapped_column(Integer)
    source: Mapped[str] = mapped_column(String(12))
    partner_id: Mapped[int | None] = mapped_column(ForeignKey("partners.id"), nullable=True)
    note: Mapped[str] = mapped_column(String(200), default="")
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id"))
    at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)
    # the money offer this pledge was made from when the idea's owner accepted it: unique,
    # so a double click (or two people at once) makes one line
    offer_id: Mapped[int | None] = mapped_column(ForeignKey("board_offers.id"), nullable=True,
                                                 unique=True)


class Milestone(Base):
    """A dated step: first meeting, intro activity, series start, evaluation."""

    __tablename__ = "board_milestones"
    id: Mapped[int] = mapped_column(primary_key=True)
    board_idea_id: Mapped[int] = mapped_column(ForeignKey("board_ideas.id"), index=True)
    kind: Mapped[str] = mapped_column(String(20))
    title: Mapped[str] = mapped_column(String(120), default="")
    due: Mapped[date] = mapped_column(Date)
    done: Mapped[bool] = mapped_column(Boolean, default=False)


class ProgressUpdate(Base):
    """News about an idea, written by its owner: text and an optional photo."""

    __tablename__ = "board_updates"
    id: Mapped[int] = mapped_column(primary_key=True)
    board_idea_id: Mapped[int] = mapped_column(ForeignKey("board_ideas.id"), index=True)
    partner_id: Mapped[int | None] = mapped_column(ForeignKey("partners.id"), nullable=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id"))
    text: Mapped[str] = mapped_column(Text)
    photo_id: Mapped[int | None] = mapped_column(ForeignKey("media.id"), nullable=True)
    at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)


class FeedbackPoll(Base):
    """After an intro activity: children who came answer with a smiley and a few words."""

    __tablename__ = "feedback_polls"
    id: Mapped[int] = mapped_column(primary_key=True)
    board_idea_id: Mapped[int] = mapped_column(ForeignKey("board_ideas.id"), index=True)
    code: Mapped[str] = mapped_column(String(8), unique=True)
    open: Mapped[bool] = mapped_column(Boolean, default=True)
    created_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)


class Feedback(Base):
    """One child's feedback; the id made on the phone keeps a double tap single."""

    __tablename__ = "feedback"
    id: Mapped[int] = mapped_column(primary_key=True)
    poll_id: Mapped[int] = mapped_column(ForeignKey("feedback_polls.id"), index=True)
    client_id: Mapped[str] = mapped_column(String(64), unique=True)
    face: Mapped[str] = mapped_column(String(10))
    text: Mapped[str] = mapped_column(String(200), default="")
    at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)


from . import link_models  # noqa: E402,F401 - pairings and shipments refer to these tables
