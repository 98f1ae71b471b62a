"""Following an adopted idea for months: milestones, progress updates and the children's
feedback after an intro activity."""

from __future__ import annotations

import re
import secrets
from datetime import date
from pathlib import Path

from sqlalchemy import func, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from ..domain.board import FEEDBACK_FACES, Role, may_run_board
from ..domain.errors import Refused
from ..domain.texts import clean_text
from ..media import images
from ..store.board_models import BoardIdea, Feedback, FeedbackPoll, Milestone, ProgressUpdate
from ..store.models import Media, User, utcnow
from .board import get_idea
from .run import CODE_ALPHABET
from .snapshots import media_url

MILESTONE_KINDS = ("first_meeting", "intro", "series_start", "evaluation", "other")


def _owner_or_board(actor: User, item: BoardIdea) -> None:
    """The owning partner's people, or the network's advisor, look after an idea."""
    if actor.role == Role.ADMIN:
        return
    if may_run_board(actor.role) and actor.network_id == item.network_id:
        return
    if actor.role == Role.PARTNER and item.owner_partner_id and \
            actor.partner_id == item.owner_partner_id:
        return
    raise Refused("forbidden")


def may_follow(actor: User, item: BoardIdea) -> bool:
    """True when the actor looks after this idea (its owner's people or the advisor)."""
    try:
        _owner_or_board(actor, item)
    except Refused:
        return False
    return True


def open_poll(dbs: Session, board_idea_id: int) -> str | None:
    """The code of the idea's open feedback poll, if one is open."""
    return dbs.scalar(select(FeedbackPoll.code).where(FeedbackPoll.board_idea_id == board_idea_id,
                                                      FeedbackPoll.open.is_(True)))


def add_milestone(dbs: Session, actor: User, board_idea_id: int, kind: str, due: str,
                  title: str = "") -> dict:
    """A dated milestone for an idea."""
    item = get_idea(dbs, actor, board_idea_id)
    _owner_or_board(actor, item)
    if kind not in MILESTONE_KINDS:
        raise Refused("milestone_invalid")
    try:
        when = date.fromisoformat(str(due))
    except ValueError:
        raise Refused("date_invalid") from None
    if not 2000 <= when.year <= 2100:
        raise Refused("date_invalid")
    dbs.add(Milestone(board_idea_id=item.id, kind=kind, due=when,
                      title=clean_text(title, "title", required=False)))
    dbs.commit()
    return {"milestones": milestones(dbs, item.id)}


def set_milestone_done(dbs: Session, actor: User, milestone_id: int, done: bool) -> dict:
    """Tick a milestone off (or on again)."""
    row = dbs.get(Milestone, milestone_id)
    if row is None:
        raise Refused("not_found")
    item = get_idea(dbs, actor, row.board_idea_id)
    _owner_or_board(actor, item)
    row.done = bool(done)
    item.last_news_at = utcnow()
    dbs.commit()
    return {"milestones": milestones(dbs, item.id)}


def milestones(dbs: Session, board_idea_id: int) -> list[dict]:
    """The milestones of an idea by date."""
    return [{"id": m.id, "kind": m.kind, "title": m.title, "due": m.due.isoformat(),
             "done": m.done} for m in dbs.scalars(
        select(Milestone).where(Milestone.board_idea_id == board_idea_id)
        .order_by(Milestone.due, Milestone.id))]


def post_update(dbs: Session, actor: User, board_idea_id: int, text: str,
                photo: bytes | None, media_folder: Path) -> dict:
    """News about an idea, with an optional photo (re-encoded, metadata stripped)."""
    item = get_idea(dbs, actor, board_idea_id)
    _owner_or_board(actor, item)
    text = clean_text(text, "long")
    photo_id = None
    if photo:
        stored = images.store(photo, "photo", media_folder)
        media = Media(kind="photo", filename=stored.filename, width=stored.width,
                      height=stored.height)
        dbs.add(media)
        dbs.flush()
        photo_id = media.id
    dbs.add(ProgressUpdate(board_idea_id=item.id, user_id=actor.id, text=text,
                           partner_id=actor.partner_id, photo_id=photo_id))
    item.last_news_at = utcnow()
    dbs.commit()
    return {"updates": updates(dbs, item.id)}


def updates(dbs: Session, board_idea_id: int) -> list[dict]:
    """The progress updates of an idea, newest first."""
    return [{"id": u.id, "text": u.text, "photo": media_url(dbs, u.photo_id),
             "at": u.at.isoformat()} for u in dbs.scalars(
        select(ProgressUpdate).where(ProgressUpdate.board_idea_id == board_idea_id)
        .order_by(ProgressUpdate.id.desc()))]


def open_feedback(dbs: Session, actor: User, board_idea_id: int) -> dict:
    """Open a feedback poll for the children who came to the intro activity."""
    item = get_idea(dbs, actor, board_idea_id)
    _owner_or_board(actor, item)
    poll = dbs.scalar(select(FeedbackPoll).where(FeedbackPoll.board_idea_id == item.id,
                                                 FeedbackPoll.open.is_(True)))
    if poll is None:
        poll = FeedbackPoll(board_idea_id=item.id, code=_code(dbs))
        dbs.add(poll)
        dbs.commit()
    return {"code": poll.code, "board_idea_id": item.id}


def close_feedback(dbs: Session, actor: User, board_idea_id: int) -> None:
    """Close the open feedback poll of an idea."""
    item = get_idea(dbs, actor, board_idea_id)
    _owner_or_board(actor, item)
    for poll in dbs.scalars(select(FeedbackPoll).where(FeedbackPoll.board_idea_id == item.id)):
        poll.open = False
    dbs.commit()


def _code(dbs: Session) -> str:
    while True:
        code = "".join(secrets.choice(CODE_ALPHABET) for _ in range(6))
        if dbs.scalar(select(FeedbackPoll.id).where(FeedbackPoll.code == code)) is None:
            return code


def find_poll(dbs: Session, code: str) -> FeedbackPoll:
    """An open feedback poll by its code."""
    code = re.sub(r"[\s-]", "", (code or "")).upper()
    poll = dbs.scalar(select(FeedbackPoll).where(FeedbackPoll.code == code))
    if poll is None:
        raise Refused("wrong_poll_code")
    if not poll.open:
        raise Refused("poll_closed")
    return poll


def give_feedback(dbs: Session, code: str, client_id: str, face: str, text: str = "") -> dict:
    """A child's smiley and "what was fun?"; stored once per id made on the phone."""
    poll = find_poll(dbs, code)
    if face not in FEEDBACK_FACES:
        raise Refused("unknown_choice")
    if not isinstance(client_id, str) or not re.fullmatch(r"[A-Za-z0-9_-]{8,64}", client_id):
        raise Refused("bad_request")
    dbs.add(Feedback(poll_id=poll.id, client_id=client_id, face=face,
                     text=clean_text(text, "answer", required=False)))
    try:
        dbs.commit()
    except IntegrityError:
        dbs.rollback()
    return {"ok": True}


def feedback_results(dbs: Session, board_idea_id: int) -> dict:
    """Smiley counts and the children's words for an idea."""
    polls = [p.id for p in dbs.scalars(select(FeedbackPoll)
                                       .where(FeedbackPoll.board_idea_id == board_idea_id))]
    counts = dict(dbs.execute(select(Feedback.face, func.count(Feedback.id))
                              .where(Feedback.poll_id.in_(polls or [0]))
                              .group_by(Feedback.face)).all())
    words = [t for t in dbs.scalars(select(Feedback.text).where(
        Feedback.poll_id.in_(polls or [0]), Feedback.text != "").order_by(Feedback.id))]
    return {"faces": {f: counts.get(f, 0) for f in FEEDBACK_FACES}, "words": words,
            "total": sum(counts.values())}
