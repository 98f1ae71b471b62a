"""Networks, partner organisations and the people who log in: roles and one-time invites."""

from __future__ import annotations

import hashlib
import secrets
from datetime import timedelta

from sqlalchemy import select
from sqlalchemy.orm import Session

from ..domain.board import Role, may_run_board
from ..domain.errors import Refused
from ..domain.texts import clean_text
from ..store.board_models import Invitation, Network, Partner
from ..store.models import Group, User, utcnow
from . import accounts

DOMAINS = ("culture", "childcare", "education", "welfare", "sport", "housing", "library",
           "municipality", "residents")
STRENGTHS = ("spaces", "materials", "people", "skills", "money", "promotion")
INVITE_DAYS = 14


def require_board(actor: User, network_id: int | None) -> None:
    """Refuse anyone but an admin or this network's advisor."""
    if actor.role == Role.ADMIN:
        return
    if not may_run_board(actor.role) or actor.network_id != network_id:
        raise Refused("forbidden")


def may_see_network(actor: User, network_id: int) -> bool:
    """Admins see every network; others only their own."""
    return actor.role == Role.ADMIN or actor.network_id == network_id


def create_network(dbs: Session, actor: User, name: str, neighbourhood: str = "",
                   stale_weeks: int = 6) -> dict:
    """An admin creates a network; an advisor who has none gets this one."""
    if actor.role not in (Role.ADMIN, Role.ADVISOR) or (actor.role == Role.ADVISOR
                                                       and actor.network_id):
        raise Refused("forbidden")
    try:
        stale_weeks = int(stale_weeks)
    except (TypeError, ValueError):
        raise Refused("weeks_invalid") from None
    if not 1 <= stale_weeks <= 52:
        raise Refused("weeks_invalid")
    network = Network(name=clean_text(name, "title", filtered=False),
                      neighbourhood=clean_text(neighbourhood, "title", required=False,
                                               filtered=False),
                      stale_weeks=stale_weeks)
    dbs.add(network)
    dbs.flush()
    if actor.role == Role.ADVISOR or actor.network_id is None:
        dbs.get(User, actor.id).network_id = network.id
    dbs.commit()
    return network_data(network)


def networks_of(dbs: Session, actor: User) -> list[dict]:
    """The networks the actor may see."""
    query = select(Network).order_by(Network.name)
    if actor.role != Role.ADMIN:
        query = query.where(Network.id == actor.network_id)
    return [network_data(n) for n in dbs.scalars(query)]


def ship_targets(dbs: Session, actor: User, group: Group) -> list[dict]:
    """The networks the leader may ship this group's ideas to: the group's own once it has
    one; else the networks the actor belongs to, or every network for a leader who belongs
    to none (leaders usually do). Read-only."""
    if group.network_id is not None:
        own = dbs.get(Network, group.network_id)
        return [network_data(own)] if own else []
    found = networks_of(dbs, actor)
    if found:
        return found
    return [network_data(n) for n in dbs.scalars(select(Network).order_by(Network.name))]


def add_partner(dbs: Session, actor: User, network_id: int, name: str, domain: str,
                contact_name: str = "", contact_email: str = "", contact_phone: str = "",
                strengths: list[str] | None = None) -> dict:
    """Add a partner organisation to a network."""
    require_board(actor, network_id)
    if dbs.get(Network, network_id) is None:
        raise Refused("not_found")
    if domain not in DOMAINS:
        raise Refused("domain_invalid")
    strengths = [s for s in (strengths or []) if s in STRENGTHS]
    email = clean_text(contact_email, "title", required=False, filtered=False)
    if email and ("@" not in email or " " in email):
        raise Refused("email_invalid")
    partner = Partner(network_id=network_id, name=clean_text(name, "title", filtered=False),
                      domain=domain, strengths=strengths, contact_email=email,
                      contact_name=clean_text(contact_name, "title", required=False,
                                              filtered=False),
                      contact_phone=clean_text(contact_phone, "title", required=False,
                                               filtered=False))
    dbs.add(partner)
    dbs.commit()
    return partner_data(partner)


def partners_of(dbs: Session, network_id: int) -> list[dict]:
    """The partners of a network."""
    return [partner_data(p) for p in dbs.scalars(
        select(Partner).where(Partner.network_id == network_id).order_by(Partner.name))]


def people(dbs: Session, actor: User, network_id: int) -> list[dict]:
    """The people of a network with their role and partner (advisors and admins only)."""
    require_board(actor, network_id)
    names = {p.id: p.name for p in dbs.scalars(select(Partner)
                                                .where(Partner.network_id == network_id))}
    return [accounts.user_data(u) | {"partner": names.get(u.partner_id)} for u in dbs.scalars(
        select(User).where(User.network_id == network_id).order_by(User.role, User.username))]


def _hash(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def invite(dbs: Session, actor: User, role: str, network_id: int | None,
           partner_id: int | None = None, note: str = "") -> str:
    """Make a one-time link token for a new person; only its hash is stored."""
    if role not in (Role.LEADER, Role.ADVISOR, Role.PARTNER, Role.ADMIN):
        raise Refused("role_invalid")
    if role == Role.ADMIN and actor.role != Role.ADMIN:
        raise Refused("forbidden")
    if network_id is not None:
        require_board(actor, network_id)
    elif actor.role != Role.ADMIN:
        raise Refused("forbidden")
    if role == Role.PARTNER:
        partner = dbs.get(Partner, partner_id) if partner_id else None
        if partner is None or partner.network_id != network_id:
            raise Refused("partner_needed")
    else:
        partner_id = None
    token = secrets.token_urlsafe(24)
    dbs.add(Invitation(token_hash=_hash(token), role=role, network_id=network_id,
                       partner_id=partner_id, created_by=actor.id,
                       note=clean_text(note, "title", required=False, filtered=False),
                       expires_at=utcnow() + timedelta(days=INVITE_DAYS)))
    dbs.commit()
    return token


def open_invitation(dbs: Session, token: str) -> Invitation:
    """The unused, unexpired invitation for a token."""
    found = dbs.scalar(select(Invitation).where(Invitation.token_hash == _hash(token or "")))
    if found is None or found.used_at is not None or found.expires_at < utcnow():
        raise Refused("invite_invalid")
    return found


def accept(dbs: Session, token: str, username: str, password: str, name: str) -> dict:
    """Create the invited person's account and use up the link."""
    invitation = open_invitation(dbs, token)
    user = accounts.create_user(dbs, username, password, role=invitation.role,
                                display_name=name, commit=False)
    row = dbs.get(User, user["id"])
    row.network_id, row.partner_id = invitation.network_id, invitation.partner_id
    invitation.used_at = utcnow()
    dbs.commit()
    return accounts.user_data(row)


def network_data(network: Network) -> dict:
    """Plain data of a network."""
    return {"id": network.id, "name": network.name, "neighbourhood": network.neighbourhood,
            "stale_weeks": network.stale_weeks}


def partner_data(partner: Partner) -> dict:
    """Plain data of a partner."""
    return {"id": partner.id, "network_id": partner.network_id, "name": partner.name,
            "domain": partner.domain, "contact_name": partner.contact_name,
            "contact_email": partner.contact_email, "contact_phone": partner.contact_phone,
            "strengths": list(partner.strengths or [])}
