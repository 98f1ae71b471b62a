"""Children taking part: joining with a code, and everything they send from a tablet.

Every submission carries an id made on the tablet. The receipt of that id is written in
the same transaction as what it adds, under a primary key, so a double tap or a resend
after a lost acknowledgement is stored once and answered with the first result."""

from __future__ import annotations

import re
import secrets
from collections.abc import Callable
from pathlib import Path
from types import SimpleNamespace

from sqlalchemy import bindparam, exists, func, insert, select, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from ..domain import done as done_rules
from ..domain import flow, names
from ..domain.errors import Refused
from ..domain.languages import CHILD
from ..domain.names import AVATARS
from ..domain.texts import clean_text
from ..media import images
from ..store.models import (
    Attendance,
    ChildDevice,
    DoneMark,
    Idea,
    Media,
    Participant,
    Receipt,
    Removal,
    Response,
    Vote,
    Workshop,
    utcnow,
)
from . import done_marks, identity, snapshots, tables
from .run import find_by_code, plan_of

_CLIENT_ID = re.compile(r"^[A-Za-z0-9_-]{8,64}$")
LANGS = CHILD  # the languages a child may read the tablet in


def join(dbs: Session, code: str, name: str, avatar: str, lang: str = "nl", key=None,
         device: str | None = None) -> dict:
    """A new child joins with a first name (or generated name), an avatar and the picture
    key that lets it be this child on another tablet later (domain/identity.py)."""
    _workshop, child = join_child(dbs, code, name, avatar, lang, key, device)
    return {"token": child.token, "participant": snapshots.child_data(child)}


def join_child(dbs: Session, code: str, name: str, avatar: str, lang: str = "nl", key=None,
               device: str | None = None) -> tuple[Workshop, Participant]:
    """join, giving the workshop (with its series and group) and the new child, committed:
    the tablet's state is read from them without reading them again."""
    workshop = find_by_code(dbs, code)
    flow.require_live(workshop.status)
    if avatar not in AVATARS:
        raise Refused("avatar_invalid")
    key_hash = identity.new_key_hash(key)
    identity.check_device_may_join(dbs, workshop.id, device)
    lang = lang if lang in LANGS else "nl"
    name = _unique_name(dbs, workshop.series.group_id, clean_text(name, "name"), lang)
    child = Participant(group_id=workshop.series.group_id, name=name, avatar=avatar,
                        token=secrets.token_urlsafe(24), lang=lang, key_hash=key_hash)
    dbs.add(child)
    dbs.flush()
    dbs.add(Attendance(workshop_id=workshop.id, participant_id=child.id))
    identity.record_device(dbs, workshop.id, child.id, device, known=False)  # a new child
    tables.seat(dbs, workshop, child)  # a class at tables: the smallest table
    dbs.commit()
    return workshop, child


def suggest_name(dbs: Session, code: str, lang: str = "nl") -> str:
    """A made-up friendly name that no child of the group has yet."""
    workshop = find_by_code(dbs, code)
    return names.friendly_name(lang, _names_taken(dbs, workshop.series.group_id))


def _names_taken(dbs: Session, group_id: int) -> set[str]:
    return set(dbs.scalars(select(Participant.name).where(Participant.group_id == group_id)))


def _unique_name(dbs: Session, group_id: int, name: str, lang: str) -> str:
    """The joining child's name (names.unique_generated). Only a made-up name can need a
    number, and only the group's names that start like it can take one: reading every name
    of the group at each join made joining a big class quadratic (2,000 tablets: 42% of
    the join handler's time)."""
    if not names.is_generated(name):
        return name
    base = " ".join(name.split()[:2])
    alike = set(dbs.scalars(select(Participant.name).where(
        Participant.group_id == group_id,
        func.lower(Participant.name).like(base.lower() + "%"))))
    chosen = names.unique_generated(name, alike, lang)
    if chosen.casefold().startswith(base.casefold()):
        return chosen
    return names.unique_generated(name, _names_taken(dbs, group_id), lang)  # made up anew


def group_children(dbs: Session, code: str) -> list[dict]:
    """The children of the group, for a child who picks themself in a later workshop."""
    workshop = find_by_code(dbs, code)
    children = dbs.scalars(select(Participant)
                           .where(Participant.group_id == workshop.series.group_id)
                           .order_by(Participant.name))
    return [snapshots.child_data(c) for c in children]


def identify(dbs: Session, code: str, token: str,
             device: str | None = None) -> tuple[Workshop, Participant]:
    """The workshop and the child a tablet speaks for; records attendance and the tablet.
    A child or tablet the leader removed from this workshop is refused."""
    workshop = find_by_code(dbs, code, ended_too=True)
    child = dbs.scalar(select(Participant).where(Participant.token == (token or "")))
    if child is None or child.group_id != workshop.series.group_id:
        raise Refused("unknown_child")
    identity.check_hello(dbs, workshop, child, device)
    if workshop.status == flow.Status.LIVE:
        seen, known = dbs.execute(select(  # both in one query
            select(Attendance.id).where(Attendance.workshop_id == workshop.id,
                                        Attendance.participant_id == child.id)
            .limit(1).scalar_subquery(),
            select(ChildDevice.id).where(ChildDevice.workshop_id == workshop.id,
                                         ChildDevice.participant_id == child.id,
                                         ChildDevice.device_id == (device or ""))
            .limit(1).scalar_subquery())).one()
        if seen is None:
            dbs.add(Attendance(workshop_id=workshop.id, participant_id=child.id))
        identity.record_device(dbs, workshop.id, child.id, device, known=known is not None)
    if dbs.new:
        try:
            dbs.commit()
        except IntegrityError:  # the same child on two tablets at once
            dbs.rollback()
    return workshop, child


def set_language(dbs: Session, child: Participant, lang: str) -> None:
    """Remember the child's language."""
    if lang in LANGS:
        child.lang = lang
        dbs.commit()


def submit(dbs: Session, workshop_id: int, child_id: int, client_id: str, what: str,
           step_index: int, payload: dict, media_folder: Path) -> dict:
    """Store one submission from a tablet exactly once and return what it added.

    This runs for every idea and every vote of every tablet, so it reads plain rows with
    SQL expressions rather than loading ORM objects (measured: about half the CPU time of a
    2,000-tablet vote round went to loading and flushing objects)."""
    if not isinstance(client_id, str) or not _CLIENT_ID.match(client_id):
        raise Refused("bad_request")
    if not isinstance(payload, dict):
        raise Refused("bad_request")
    handler = _HANDLERS.get(what)
    if handler is None:
        raise Refused("bad_request")
    # Take the child's row lock first: it serialises this child's submissions across
    # tablets and processes (SQLite: the write lock; PostgreSQL: the row lock).
    child = dbs.execute(_LOCK_CHILD, {"child": child_id}).first()
    if child is None:
        raise Refused("unknown_child")
    # Then one statement for the rest of what the rules need: the workshop, whether this
    # id came before, whether the leader removed the child, whether the child said "I'm
    # done" in that step, the idea voted on (four statements of their own before: each
    # is a tenth of the time of a submission at saturation).
    workshop = dbs.execute(_CONTEXT, {
        "workshop": workshop_id, "child": child_id, "client": client_id,
        "step": step_index if type(step_index) is int else -1,
        "idea": payload.get("idea_id") if type(payload.get("idea_id")) is int else -1}).one()
    if workshop.receipt_child is not None:
        dbs.rollback()
        return _again(workshop, child_id)
    if workshop.removed:
        dbs.rollback()
        raise Refused("removed")  # by the leader, on any server process
    step = flow.check_input(plan_of(workshop), workshop.step_index, step_index, what,
                            locked=workshop.locked, status=workshop.status)
    try:
        result = handler(dbs, workshop, child, step, step_index, payload, media_folder)
        result = dict(result, client_id=client_id, what=what)
        dbs.execute(_ADD_RECEIPT, {"client_id": client_id, "participant_id": child_id,
                                   "result": result, "created_at": utcnow()})
        # adding something in a step makes the child busy again there ("I'm done" is undone)
        undone = workshop.done and done_rules.clears_mark(what) \
            and done_marks.clear(dbs, workshop_id, step_index, child_id)
        dbs.commit()
    except IntegrityError:  # the same id from another tablet or process, just now
        _remove_new_pictures(dbs)
        dbs.rollback()
        earlier = _receipt(dbs, client_id)
        if earlier is None:
            raise
        return _again(earlier, child_id)
    except BaseException:  # e.g. a drawing stored, then a broken photo refused
        _remove_new_pictures(dbs)
        raise
    dbs.info.pop(_NEW_PICTURES, None)
    return dict(result, undone=True) if undone else result


# The statements of every submission, built once (building them anew each time was a
# tenth of the work).
_CHILDREN, _WORKSHOPS, _RECEIPTS = Participant.__table__, Workshop.__table__, Receipt.__table__
_IDEAS, _VOTES = Idea.__table__, Vote.__table__
_LOCK_CHILD = (update(_CHILDREN).where(_CHILDREN.c.id == bindparam("child"))
               .values(lock_seq=_CHILDREN.c.lock_seq + 1)
               .returning(_CHILDREN.c.id, _CHILDREN.c.name, _CHILDREN.c.avatar))
_RECEIPT = (select(_RECEIPTS.c.participant_id.label("receipt_child"),
                   _RECEIPTS.c.result.label("receipt_result"))
            .where(_RECEIPTS.c.client_id == bindparam("client")))
_ADD_VOTE, _ADD_RECEIPT = insert(_VOTES), insert(_RECEIPTS)
_REMOVALS, _MARKS = Removal.__table__, DoneMark.__table__
_CONTEXT = select(
    *[_WORKSHOPS.c[name] for name in (
        "id", "series_id", "plan_yaml", "step_index", "locked", "status", "approval")],
    _RECEIPT.with_only_columns(_RECEIPTS.c.participant_id).scalar_subquery()
    .label("receipt_child"),
    _RECEIPT.with_only_columns(_RECEIPTS.c.result).scalar_subquery().label("receipt_result"),
    exists().where(_REMOVALS.c.workshop_id == _WORKSHOPS.c.id,
                   _REMOVALS.c.participant_id == bindparam("child")).label("removed"),
    exists().where(_MARKS.c.workshop_id == _WORKSHOPS.c.id,
                   _MARKS.c.step_index == bindparam("step"),
                   _MARKS.c.participant_id == bindparam("child")).label("done"),
    *[_IDEAS.c[name].label(f"idea_{name}") for name in (  # the idea voted on or questioned
        "id", "series_id", "visibility", "merged_into_id", "shortlisted")],
).select_from(_WORKSHOPS.outerjoin(_IDEAS, _IDEAS.c.id == bindparam("idea"))
              ).where(_WORKSHOPS.c.id == bindparam("workshop"))


def _receipt(dbs: Session, client_id: str):
    return dbs.execute(_RECEIPT, {"client": client_id}).first()


def _again(earlier, child_id: int) -> dict:
    """The first answer to a submission sent again (a receipts row, or the submission's
    context row); another child's id is refused."""
    if earlier.receipt_child != child_id:
        raise Refused("bad_request")
    return dict(earlier.receipt_result, duplicate=True)


def _visibility(workshop: Workshop) -> str:
    return flow.Visibility.PENDING if workshop.approval else flow.Visibility.VISIBLE


def _answer(dbs, workshop, child, step, index, payload, _media) -> dict:
    response = Response(workshop_id=workshop.id, step_index=index,
                        participant_id=child.id, kind="answer",
                        text=clean_text(payload.get("text"), "answer"),
                        visibility=_visibility(workshop))
    dbs.add(response)
    dbs.flush()
    return {"item": snapshots.response_data(response, child)}


def _one_per_child(dbs, workshop, child, index, kind: str, choice: str, **match) -> Response:
    existing = dbs.scalar(select(Response).where(
        Response.workshop_id == workshop.id, Response.step_index == index,
        Response.participant_id == child.id, Response.kind == kind,
        *[getattr(Response, k) == v for k, v in match.items()]))
    if existing is None:
        existing = Response(workshop_id=workshop.id, step_index=index,
                            participant_id=child.id, kind=kind, **match)
        dbs.add(existing)
    existing.choice = choice
    dbs.flush()
    return existing


def _poll(dbs, workshop, child, step, index, payload, _media) -> dict:
    choice = payload.get("choice")
    flow.check_choice(step, choice)
    response = _one_per_child(dbs, workshop, child, index, "poll", choice)
    return {"item": snapshots.response_data(response, child)}


def _reaction(dbs, workshop, child, step, index, payload, _media) -> dict:
    card, reaction = payload.get("card"), payload.get("reaction")
    flow.check_choice(step, card)
    flow.check_reaction(reaction)
    response = _one_per_child(dbs, workshop, child, index, "reaction", f"{card}:{reaction}",
                              text=card)
    return {"item": snapshots.response_data(response, child)}


def _picture(dbs, payload, key: str, kind: str, folder: Path) -> int | None:
    if not payload.get(key):
        return None
    stored = images.store(images.decode_data_url(payload[key]), kind, folder)
    dbs.info.setdefault(_NEW_PICTURES, []).append(folder / stored.filename)
    media = Media(kind=kind, filename=stored.filename, width=stored.width, height=stored.height)
    dbs.add(media)
    dbs.flush()
    return media.id


_NEW_PICTURES = "new_pictures"  # files written in this transaction, in dbs.info


def _remove_new_pictures(dbs: Session) -> None:
    """The submission was not stored: its pictures must not stay behind on disk."""
    for path in dbs.info.pop(_NEW_PICTURES, []):
        path.unlink(missing_ok=True)


def _idea(dbs, workshop, child, step, index, payload, media_folder) -> dict:
    has_picture = bool(payload.get("drawing") or payload.get("photo"))
    text = clean_text(payload.get("text"), "idea", required=not has_picture)
    category = payload.get("category") or ""
    if category:
        flow.check_choice(step, category)
    # a Core insert: the ORM's unit of work was a fifth of a submission's time
    idea = SimpleNamespace(
        series_id=workshop.series_id, workshop_id=workshop.id, step_index=index,
        participant_id=child.id, text=text, title="", category=category,
        visibility=_visibility(workshop), merged_into_id=None, shortlisted=False,
        drawing_id=_picture(dbs, payload, "drawing", "drawing", media_folder),
        photo_id=_picture(dbs, payload, "photo", "photo", media_folder))
    idea.id = dbs.execute(_ADD_IDEA, {name: getattr(idea, name) for name in _IDEA_FIELDS}
                          ).scalar_one()
    return {"item": snapshots.idea_data(dbs, idea, child)}


_IDEA_FIELDS = ("series_id", "workshop_id", "step_index", "participant_id", "text", "title",
                "category", "visibility", "drawing_id", "photo_id", "shortlisted")
_ADD_IDEA = insert(_IDEAS).returning(_IDEAS.c.id)


def _votable_idea(dbs, workshop):
    """The idea of a vote or critical answer, read with the submission's context."""
    idea = SimpleNamespace(id=workshop.idea_id, series_id=workshop.idea_series_id,
                           visibility=workshop.idea_visibility,
                           merged_into_id=workshop.idea_merged_into_id,
                           shortlisted=workshop.idea_shortlisted)
    if (idea.id is None or idea.series_id != workshop.series_id
            or idea.visibility != "visible" or idea.merged_into_id is not None):
        raise Refused("idea_gone")
    if not idea.shortlisted:
        flow.check_on_ballot(False, dbs.scalar(
            select(Idea.id).where(Idea.series_id == workshop.series_id, Idea.shortlisted,
                                  Idea.visibility == "visible", Idea.merged_into_id.is_(None))
            .limit(1)) is not None)
    return idea


def _vote(dbs, workshop, child, step, index, payload, _media) -> dict:
    idea = _votable_idea(dbs, workshop)
    mine = snapshots.my_votes(dbs, workshop, child)
    flow.check_vote(step, flow.VoteCount(used=sum(mine.values()),
                                         on_idea=mine.get(str(idea.id), 0)))
    dbs.execute(_ADD_VOTE, {"workshop_id": workshop.id, "step_index": index,
                            "participant_id": child.id, "idea_id": idea.id,
                            "created_at": utcnow()})
    mine[str(idea.id)] = mine.get(str(idea.id), 0) + 1
    return _vote_result(step, idea.id, mine)


def _unvote(dbs, workshop, child, step, index, payload, _media) -> dict:
    idea_id = payload.get("idea_id")
    vote = dbs.scalar(select(Vote).where(
        Vote.workshop_id == workshop.id, Vote.step_index == index,
        Vote.participant_id == child.id, Vote.idea_id == idea_id).order_by(Vote.id.desc()))
    if vote is None:
        raise Refused("no_vote_here")
    dbs.delete(vote)
    dbs.flush()
    return _vote_result(step, idea_id, snapshots.my_votes(dbs, workshop, child))


def _vote_result(step, idea_id: int, my_votes: dict) -> dict:
    """The child's own votes. The class's tally goes out separately, a few times a second,
    so a flurry of 6,000 votes does not count all votes 6,000 times."""
    return {"idea_id": idea_id, "my_votes": my_votes, "budget": step.budget}


def _critical(dbs, workshop, child, step, index, payload, _media) -> dict:
    question = payload.get("question")
    flow.check_choice(step, question)
    idea = _votable_idea(dbs, workshop)
    response = Response(workshop_id=workshop.id, step_index=index,
                        participant_id=child.id, kind="critical", choice=question,
                        idea_id=idea.id, text=clean_text(payload.get("text"), "answer"),
                        visibility=_visibility(workshop))
    dbs.add(response)
    dbs.flush()
    return {"item": snapshots.response_data(response, child)}


COUNTED = frozenset({"poll", "reaction", "vote", "unvote"})  # change a tally or counts

_HANDLERS: dict[str, Callable[..., dict]] = {
    "answer": _answer, "poll": _poll, "reaction": _reaction, "idea": _idea,
    "vote": _vote, "unvote": _unvote, "critical": _critical,
}
