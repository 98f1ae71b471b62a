"""Pairing a classroom laptop with a network on the network server.

The advisor makes a one-time pairing code for a network; the leader types it once on the
laptop; the laptop gets a key for that network only. Only hashes of codes and keys are
stored. The advisor sees every paired laptop and can revoke its key: from then on the key
is refused with a message that says so."""

from __future__ import annotations

import hashlib
import secrets
from datetime import timedelta

from sqlalchemy import select
from sqlalchemy.orm import Session

from ..domain.board import Role
from ..domain.errors import Refused
from ..domain.texts import clean_text
from ..store.board_models import Network
from ..store.link_models import Pairing
from ..store.models import User, utcnow
from .network import require_board

CODE_DAYS = 7
# no 0/O, 1/I/L: a leader types the code from a phone message or a sheet of paper
_ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789"


def _hash(secret: str) -> str:
    return hashlib.sha256(secret.encode()).hexdigest()


def tidy_code(code: object) -> str:
    """A typed code without spaces, dashes or case: 'abcd-efgh 2345' -> 'ABCDEFGH2345'."""
    if not isinstance(code, str):
        return ""
    return "".join(c for c in code.upper() if c.isalnum())[:24]


def make_code(dbs: Session, actor: User, network_id: int, label: str = "") -> dict:
    """A new one-time pairing code for a network, shown once to the advisor."""
    require_board(actor, network_id)
    if dbs.get(Network, network_id) is None:
        raise Refused("not_found")
    raw = "".join(secrets.choice(_ALPHABET) for _ in range(12))
    pairing = Pairing(network_id=network_id, code_hash=_hash(raw), created_by=actor.id,
                      label=clean_text(label, "title", required=False, filtered=False),
                      code_expires_at=utcnow() + timedelta(days=CODE_DAYS))
    dbs.add(pairing)
    dbs.commit()
    return {"id": pairing.id, "code": "-".join(raw[i:i + 4] for i in range(0, 12, 4)),
            "expires_at": pairing.code_expires_at.isoformat()}


def pair(dbs: Session, code: str, label: str, leader_name: str = "") -> dict:
    """Use up a pairing code: the laptop gets its key (shown only now) and the network."""
    found = dbs.scalar(select(Pairing).where(Pairing.code_hash == _hash(tidy_code(code))))
    if found is None or found.paired_at is not None or found.revoked_at is not None \
            or found.code_expires_at < utcnow():
        raise Refused("pairing_code_invalid")
    network = dbs.get(Network, found.network_id)
    key = secrets.token_urlsafe(32)
    label = clean_text(label, "title", required=False, filtered=False) or found.label
    name = clean_text(leader_name, "title", required=False, filtered=False) or label
    # the paired laptop's leader, as the one who shipped; this account cannot log in
    stand_in = User(username=f"laptop-{found.id}-{secrets.token_hex(4)}",
                    display_name=name or f"laptop {found.id}", password_hash="!",
                    role=Role.LEADER, network_id=network.id)
    dbs.add(stand_in)
    dbs.flush()
    found.key_hash, found.user_id, found.label = _hash(key), stand_in.id, label
    found.paired_at = found.last_seen_at = utcnow()
    dbs.commit()
    return {"key": key, "pairing_id": found.id,
            "network": {"id": network.id, "name": network.name}}


def by_key(dbs: Session, key: object) -> Pairing:
    """The pairing a laptop's key belongs to; an unknown or revoked key is refused."""
    if not isinstance(key, str) or len(key) < 20:
        raise Refused("key_unknown")
    found = dbs.scalar(select(Pairing).where(Pairing.key_hash == _hash(key)))
    if found is None:
        raise Refused("key_unknown")
    if found.revoked_at is not None:
        raise Refused("key_revoked")
    found.last_seen_at = utcnow()
    return found


def pairings_of(dbs: Session, actor: User, network_id: int) -> list[dict]:
    """The codes and paired laptops of a network, newest first (advisors and admins)."""
    require_board(actor, network_id)
    rows = dbs.scalars(select(Pairing).where(Pairing.network_id == network_id)
                       .order_by(Pairing.id.desc()))
    now = utcnow()
    return [{"id": p.id, "label": p.label,
             "state": "revoked" if p.revoked_at else "paired" if p.paired_at
             else "expired" if p.code_expires_at < now else "open",
             "created_at": p.created_at.isoformat(),
             "paired_at": p.paired_at.isoformat() if p.paired_at else None,
             "last_seen_at": p.last_seen_at.isoformat() if p.last_seen_at else None}
            for p in rows]


def revoke(dbs: Session, actor: User, pairing_id: int) -> None:
    """End a laptop's key (or an unused code); what it shipped stays on the board."""
    found = dbs.get(Pairing, pairing_id)
    if found is None:
        raise Refused("not_found")
    require_board(actor, found.network_id)
    if found.revoked_at is None:
        found.revoked_at = utcnow()
    dbs.commit()
