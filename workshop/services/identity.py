"""Who may be a child on a tablet: picking yourself with your picture key, asking the
leader, and the leader's yes or no, removing a child's tablets and letting them back.

The rules are in domain/identity.py; this module reads and writes the rows. Whether the
child is connected on another tablet right now is known to the socket edge (the
connections it holds) and comes in as `elsewhere`."""

from __future__ import annotations

import secrets

from sqlalchemy import and_, delete, or_, select, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from ..domain import flow
from ..domain import identity as rules
from ..domain.errors import Refused
from ..store.models import ChildDevice, JoinRequest, Participant, Removal, User, Workshop, utcnow
from . import snapshots
from .run import find_by_code
from .setup import get_workshop

MAX_SHOWN_REQUESTS = 5  # on the classroom screen at once; the rest wait their turn


# --- removed children and tablets ------------------------------------------------------------


def child_removed(dbs: Session, workshop_id: int, child_id: int) -> bool:
    """The leader removed this child from this workshop."""
    return dbs.scalar(select(Removal.id).where(Removal.workshop_id == workshop_id,
                                               Removal.participant_id == child_id)
                      .limit(1)) is not None


def device_removed(dbs: Session, workshop_id: int, device: str | None) -> bool:
    """This tablet acted as a child the leader removed from this workshop."""
    if not device:
        return False
    return dbs.scalar(
        select(Removal.id).join(ChildDevice, and_(
            ChildDevice.workshop_id == Removal.workshop_id,
            ChildDevice.participant_id == Removal.participant_id))
        .where(Removal.workshop_id == workshop_id, ChildDevice.device_id == device)
        .limit(1)) is not None


def check_device_may_join(dbs: Session, workshop_id: int, device: str | None) -> None:
    """A removed tablet cannot join this workshop again, not even as a new child."""
    if device_removed(dbs, workshop_id, device):
        raise Refused("removed")


def check_device_here(dbs: Session, code: str, device: str | None) -> None:
    """Before "who are you?": a removed tablet hears "ask your teacher" at once."""
    check_device_may_join(dbs, find_by_code(dbs, code).id, device)


def record_device(dbs: Session, workshop_id: int, child_id: int, device: str | None,
                  *, known: bool | None = None) -> None:
    """Remember that this tablet acts as this child here (once; not committed). `known`:
    whether the caller already looked (a new child has no tablets yet)."""
    if not device:
        return
    if known is None:
        known = dbs.scalar(select(ChildDevice.id).where(
            ChildDevice.workshop_id == workshop_id, ChildDevice.participant_id == child_id,
            ChildDevice.device_id == device)) is not None
    if not known:
        dbs.add(ChildDevice(workshop_id=workshop_id, participant_id=child_id, device_id=device))


def check_hello(dbs: Session, workshop: Workshop, child: Participant, device: str | None) -> None:
    """A tablet says hello as a child: refused when the child or the tablet was removed.
    The tablet is remembered as one of the removed child's, so letting the child back in
    lets it back in too."""
    removed = set(dbs.scalars(_removed_here(workshop.id, child.id, device)))  # one query
    if child.id in removed:
        record_device(dbs, workshop.id, child.id, device)
        _commit_quietly(dbs)
        raise Refused("removed")
    if removed:  # another child this tablet acted as
        raise Refused("removed")


def _removed_here(workshop_id: int, child_id: int, device: str | None):
    """The removed children of the workshop that are this child or that this tablet acted
    as (child_removed and device_removed in one query)."""
    which = Removal.participant_id == child_id
    if device:
        which = or_(which, Removal.participant_id.in_(select(ChildDevice.participant_id).where(
            ChildDevice.workshop_id == workshop_id, ChildDevice.device_id == device)))
    return select(Removal.participant_id).where(Removal.workshop_id == workshop_id, which)


def _commit_quietly(dbs: Session) -> None:
    try:
        dbs.commit()
    except IntegrityError:  # the same tablet said hello twice at once
        dbs.rollback()


def _devices(dbs: Session, workshop_id: int, child_id: int) -> list[str]:
    return list(dbs.scalars(select(ChildDevice.device_id).where(
        ChildDevice.workshop_id == workshop_id, ChildDevice.participant_id == child_id)))


def _child_of_group(dbs: Session, workshop: Workshop, child_id) -> Participant:
    child = dbs.get(Participant, child_id) if isinstance(child_id, int) else None
    if child is None or child.group_id != workshop.series.group_id:
        raise Refused("not_found")
    return child


def remove(dbs: Session, actor: User, workshop_id: int, child_id: int) -> dict:
    """The leader removes a child, and every tablet that acted as it here, from the
    workshop. What the child made stays (hide it with hide-all); a waiting question to
    the leader for this child is dropped."""
    workshop = get_workshop(dbs, actor, workshop_id)
    child = _child_of_group(dbs, workshop, child_id)
    if not child_removed(dbs, workshop.id, child.id):
        dbs.add(Removal(workshop_id=workshop.id, participant_id=child.id, removed_by=actor.id))
    dbs.execute(update(JoinRequest).where(
        JoinRequest.workshop_id == workshop.id, JoinRequest.participant_id == child.id,
        JoinRequest.status == rules.Status.WAITING).values(status=rules.Status.CANCELLED,
                                                           decided_at=utcnow()))
    dbs.commit()
    return {"child": snapshots.child_data(child),
            "devices": _devices(dbs, workshop.id, child.id)}


def let_back(dbs: Session, actor: User, workshop_id: int, child_id: int) -> dict:
    """The leader lets a removed child (and its tablets) back into the workshop."""
    workshop = get_workshop(dbs, actor, workshop_id)
    child = _child_of_group(dbs, workshop, child_id)
    dbs.execute(delete(Removal).where(Removal.workshop_id == workshop.id,
                                      Removal.participant_id == child.id))
    dbs.commit()
    return {"child": snapshots.child_data(child),
            "devices": _devices(dbs, workshop.id, child.id)}


def removed_children(dbs: Session, workshop_id: int) -> list[dict]:
    """The children the leader removed from this workshop, for the leader's lists."""
    rows = dbs.scalars(select(Participant).join(Removal, Removal.participant_id ==
                                                Participant.id)
                       .where(Removal.workshop_id == workshop_id).order_by(Removal.id))
    return [snapshots.child_data(c) for c in rows]


# --- picking yourself -------------------------------------------------------------------


def _facts(dbs: Session, workshop: Workshop, child: Participant, device: str | None,
           elsewhere: bool) -> rules.Child:
    return rules.Child(has_key=bool(child.key_hash), wrong=child.key_wrong or 0,
                       removed=(child_removed(dbs, workshop.id, child.id)
                                or device_removed(dbs, workshop.id, device)),
                       connected_elsewhere=elsewhere)


def _live_child(dbs: Session, code: str, child_id) -> tuple[Workshop, Participant]:
    workshop = find_by_code(dbs, code)
    flow.require_live(workshop.status)
    return workshop, _child_of_group(dbs, workshop, child_id)


def _token(dbs: Session, workshop: Workshop, child: Participant, device: str | None) -> dict:
    record_device(dbs, workshop.id, child.id, device)
    dbs.commit()
    return {"token": child.token, "participant": snapshots.child_data(child)}


def pick(dbs: Session, code: str, child_id: int, key, device: str | None,
         elsewhere: bool) -> dict:
    """A child picks themself from the group with their picture key. Returns the token,
    or `waiting` when the leader decides (the child is on another tablet right now)."""
    workshop, child = _live_child(dbs, code, child_id)
    facts = _facts(dbs, workshop, child, device, elsewhere)
    outcome = rules.pick(facts, key, lambda pictures: rules.key_matches(pictures,
                                                                        child.key_hash))
    if outcome is rules.Outcome.WRONG:
        wrong = dbs.scalar(update(Participant).where(Participant.id == child.id)
                           .values(key_wrong=Participant.key_wrong + 1)
                           .returning(Participant.key_wrong))
        dbs.commit()
        raise rules.after_wrong(wrong)
    child.key_wrong = 0
    if outcome is rules.Outcome.ASK_LEADER:
        return _ask(dbs, workshop, child, device, rules.Reason.IN_USE)
    return _token(dbs, workshop, child, device)


def ask_leader(dbs: Session, code: str, child_id: int, device: str | None,
               elsewhere: bool) -> dict:
    """A tablet asks the leader to become this child (no key, forgotten, locked, or the
    child is on another tablet). Asking again is safe: it returns the same question, or
    the token once the leader said yes to this tablet."""
    if device is None:
        raise Refused("bad_request")  # the answer goes to this tablet, known by its id
    workshop, child = _live_child(dbs, code, child_id)
    facts = _facts(dbs, workshop, child, device, elsewhere)
    reason = rules.ask_reason(facts)
    yes = dbs.scalar(select(JoinRequest).where(
        JoinRequest.workshop_id == workshop.id, JoinRequest.participant_id == child.id,
        JoinRequest.device_id == device, JoinRequest.status == rules.Status.APPROVED))
    if yes is not None:
        return _token(dbs, workshop, child, device)
    return _ask(dbs, workshop, child, device, reason)


def _ask(dbs: Session, workshop: Workshop, child: Participant, device: str | None,
         reason: str) -> dict:
    if device is None:
        raise Refused("bad_request")
    waiting = list(dbs.scalars(select(JoinRequest).where(
        JoinRequest.workshop_id == workshop.id, JoinRequest.device_id == device,
        JoinRequest.status == rules.Status.WAITING)))
    same = next((r for r in waiting if r.participant_id == child.id), None)
    for other in waiting:  # one question per tablet: asking for another child replaces it
        if other is not same:
            other.status, other.decided_at = rules.Status.CANCELLED, utcnow()
    if same is None:
        same = JoinRequest(workshop_id=workshop.id, participant_id=child.id, device_id=device,
                           reason=reason, status=rules.Status.WAITING)
        dbs.add(same)
    else:
        same.reason = reason
    dbs.commit()
    return {"waiting": True, "workshop_id": workshop.id}


def cancel_ask(dbs: Session, code: str, device: str | None) -> int:
    """The tablet went back: its waiting question disappears from the screen."""
    workshop = find_by_code(dbs, code)
    if device is None:
        return workshop.id
    dbs.execute(update(JoinRequest).where(
        JoinRequest.workshop_id == workshop.id, JoinRequest.device_id == device,
        JoinRequest.status == rules.Status.WAITING).values(status=rules.Status.CANCELLED,
                                                           decided_at=utcnow()))
    dbs.commit()
    return workshop.id


def open_requests(dbs: Session, workshop_id: int) -> list[dict]:
    """The questions waiting for the leader's yes or no, oldest first."""
    rows = dbs.execute(select(JoinRequest, Participant)
                       .join(Participant, Participant.id == JoinRequest.participant_id)
                       .where(JoinRequest.workshop_id == workshop_id,
                              JoinRequest.status == rules.Status.WAITING)
                       .order_by(JoinRequest.id))
    return [{"id": r.id, "child": snapshots.child_data(c), "reason": r.reason,
             "at": r.created_at.isoformat() + "+00:00"} for r, c in rows]


def answer(dbs: Session, actor: User, workshop_id: int, request_id, yes: bool) -> dict:
    """The leader's yes or no. Yes: the tablet becomes the child (a child who forgot the
    key chooses a new one); no: the tablet goes back to "who are you?"."""
    workshop = get_workshop(dbs, actor, workshop_id)
    request = dbs.get(JoinRequest, request_id) if isinstance(request_id, int) else None
    if request is None or request.workshop_id != workshop.id:
        raise Refused("not_found")
    if request.status != rules.Status.WAITING:
        raise Refused("request_gone")
    child = dbs.get(Participant, request.participant_id)
    if yes and child_removed(dbs, workshop.id, child.id):
        raise Refused("child_removed")
    request.status = rules.Status.APPROVED if yes else rules.Status.DECLINED
    request.decided_at, request.decided_by = utcnow(), actor.id
    out = {"device": request.device_id, "child": snapshots.child_data(child), "yes": bool(yes)}
    if yes:
        child.key_wrong = 0
        if rules.key_cleared_on_yes(request.reason):
            child.key_hash = None
        record_device(dbs, workshop.id, child.id, request.device_id)
        out["token"] = child.token
    dbs.commit()
    return out


# --- the picture key --------------------------------------------------------------------


def new_key_hash(key) -> str | None:
    """The stored form of a key sent with `join` (none sent: None)."""
    if key is None or key == []:
        return None
    return rules.hash_key(key)


def set_key(dbs: Session, child_id: int, key) -> None:
    """A child without a picture key (it was cleared after the leader's yes, or the child
    joined before keys existed) chooses one. A key is never replaced this way."""
    child = dbs.get(Participant, child_id)
    if child is None:
        raise Refused("unknown_child")
    if child.key_hash:
        raise Refused("key_exists")
    child.key_hash, child.key_wrong = rules.hash_key(key), 0
    dbs.commit()


def new_device_id() -> str:
    """A tablet id as the tablet makes one (for tests and scripts)."""
    return secrets.token_urlsafe(18)
