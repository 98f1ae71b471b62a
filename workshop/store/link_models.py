"""Tables for the two servers: a classroom laptop linked to a hosted network server.

On the network server: pairings (one-time code, then a revocable key for one network) and
the shipments received, each stored once. On the classroom laptop: its links to network
servers, the shipments waiting to go, and the news it last fetched about shipped ideas."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import JSON, DateTime, ForeignKey, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from .models import Base, utcnow

# --- on the network server ---

class Pairing(Base):
    """An advisor's one-time pairing code for a network, and the key a laptop got for it.
    Only hashes are stored; a revoked key is refused from then on."""

    __tablename__ = "pairings"
    id: Mapped[int] = mapped_column(primary_key=True)
    network_id: Mapped[int] = mapped_column(ForeignKey("networks.id"), index=True)
    code_hash: Mapped[str] = mapped_column(String(64), unique=True)
    code_expires_at: Mapped[datetime] = mapped_column(DateTime)
    key_hash: Mapped[str | None] = mapped_column(String(64), unique=True, nullable=True)
    label: Mapped[str] = mapped_column(String(120), default="")
    # the account that stands for the paired laptop's leader on this server (cannot log in)
    user_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"), nullable=True)
    created_by: Mapped[int] = mapped_column(ForeignKey("users.id"))
    created_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)
    paired_at: Mapped[datetime | None] = mapped_column(DateTime, nullable=True)
    revoked_at: Mapped[datetime | None] = mapped_column(DateTime, nullable=True)
    last_seen_at: Mapped[datetime | None] = mapped_column(DateTime, nullable=True)


class Shipment(Base):
    """One shipment received (pushed by a laptop or uploaded as a file): its id once."""

    __tablename__ = "shipments"
    id: Mapped[int] = mapped_column(primary_key=True)
    uid: Mapped[str] = mapped_column(String(64), unique=True)
    network_id: Mapped[int] = mapped_column(ForeignKey("networks.id"), index=True)
    pairing_id: Mapped[int | None] = mapped_column(ForeignKey("pairings.id"), nullable=True)
    uploaded_by: Mapped[int | None] = mapped_column(ForeignKey("users.id"), nullable=True)
    group_id: Mapped[int] = mapped_column(ForeignKey("groups.id"))
    ideas: Mapped[int] = mapped_column(Integer, default=0)
    # what the classroom counted, for the programme figures: children, workshops, ideas
    counts: Mapped[dict] = mapped_column(JSON, default=dict)
    received_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)


# --- on the classroom laptop ---

class NetworkLink(Base):
    """This laptop's link to one network on a network server, made with a pairing code."""

    __tablename__ = "network_links"
    id: Mapped[int] = mapped_column(primary_key=True)
    server_url: Mapped[str] = mapped_column(String(300))
    public_url: Mapped[str] = mapped_column(String(300), default="")
    network_remote_id: Mapped[int] = mapped_column(Integer)
    network_name: Mapped[str] = mapped_column(String(80))
    key: Mapped[str] = mapped_column(String(100))
    created_by: Mapped[int] = mapped_column(ForeignKey("users.id"))
    created_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)
    revoked_at: Mapped[datetime | None] = mapped_column(DateTime, nullable=True)
    last_contact_at: Mapped[datetime | None] = mapped_column(DateTime, nullable=True)
    last_error: Mapped[str] = mapped_column(String(300), default="")


class OutgoingShipment(Base):
    """A shipment made on this laptop: waiting until the network server has it, then sent."""

    __tablename__ = "outgoing_shipments"
    id: Mapped[int] = mapped_column(primary_key=True)
    uid: Mapped[str] = mapped_column(String(64), unique=True)
    link_id: Mapped[int] = mapped_column(ForeignKey("network_links.id"), index=True)
    series_id: Mapped[int] = mapped_column(ForeignKey("series.id"), index=True)
    idea_ids: Mapped[list] = mapped_column(JSON, default=list)
    show_first_names: Mapped[bool] = mapped_column(default=False)
    status: Mapped[str] = mapped_column(String(10), default="waiting")  # waiting/sent/refused
    attempts: Mapped[int] = mapped_column(Integer, default=0)
    last_error: Mapped[str] = mapped_column(String(300), default="")
    created_by: Mapped[int] = mapped_column(ForeignKey("users.id"))
    created_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)
    sent_at: Mapped[datetime | None] = mapped_column(DateTime, nullable=True)
    result: Mapped[dict] = mapped_column(JSON, default=dict)


class IdeaNews(Base):
    """What the laptop last heard about one of its shipped ideas, shown in the news step."""

    __tablename__ = "idea_news"
    idea_id: Mapped[int] = mapped_column(ForeignKey("ideas.id"), primary_key=True)
    link_id: Mapped[int | None] = mapped_column(ForeignKey("network_links.id"), nullable=True)
    stage: Mapped[str] = mapped_column(String(12), default="new")
    owner: Mapped[str] = mapped_column(String(120), default="")
    reason: Mapped[str] = mapped_column(String(300), default="")
    latest_text: Mapped[str] = mapped_column(Text, default="")
    latest_at: Mapped[datetime | None] = mapped_column(DateTime, nullable=True)
    changed_at: Mapped[datetime | None] = mapped_column(DateTime, nullable=True)
    fetched_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)
