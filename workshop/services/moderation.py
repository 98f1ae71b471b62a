"""The leader curates: hide or approve anything at once, merge duplicates, edit titles,
and shortlist the best ideas."""

from __future__ import annotations

from sqlalchemy import select, update
from sqlalchemy.orm import Session

from ..domain.errors import Refused
from ..domain.flow import Visibility
from ..domain.texts import clean_text
from ..store.models import Idea, Participant, Response, User, Vote, Workshop
from . import snapshots
from .setup import get_series, get_workshop

_VISIBILITY = {"hide": Visibility.HIDDEN, "show": Visibility.VISIBLE,
               "approve": Visibility.VISIBLE}


def set_visibility(dbs: Session, actor: User, workshop_id: int, item_type: str,
                   item_id: int, action: str) -> dict:
    """Hide, show or approve an idea or a response of this workshop's series."""
    workshop = get_workshop(dbs, actor, workshop_id)
    if action not in _VISIBILITY:
        raise Refused("unknown_action")
    if item_type == "idea":
        item = dbs.get(Idea, item_id)
        if item is None or item.series_id != workshop.series_id:
            raise Refused("not_found")
    else:
        item = dbs.get(Response, item_id)
        if item is None or item.workshop_id != workshop.id:
            raise Refused("not_found")
    item.visibility = _VISIBILITY[action]
    dbs.commit()
    author = dbs.get(Participant, item.participant_id)
    data = (snapshots.idea_data(dbs, item, author) if item_type == "idea"
            else snapshots.response_data(item, author))
    return {"item": data, "child_id": item.participant_id}


def _idea_of(dbs: Session, actor: User, idea_id: int) -> Idea:
    idea = dbs.get(Idea, idea_id)
    if idea is None:
        raise Refused("not_found")
    get_series(dbs, actor, idea.series_id)
    return idea


def edit_title(dbs: Session, actor: User, idea_id: int, title: str) -> dict:
    """Give an idea a short title for the wall and the board (the child's text stays)."""
    idea = _idea_of(dbs, actor, idea_id)
    idea.title = clean_text(title, "title", required=False)
    dbs.commit()
    return {"id": idea.id, "title": idea.title}


def set_shortlisted(dbs: Session, actor: User, idea_id: int, shortlisted: bool) -> dict:
    """Put an idea on the shortlist, or take it off."""
    idea = _idea_of(dbs, actor, idea_id)
    if idea.merged_into_id is not None:
        raise Refused("idea_merged")
    idea.shortlisted = bool(shortlisted)
    dbs.commit()
    return {"id": idea.id, "shortlisted": idea.shortlisted}


def merge(dbs: Session, actor: User, keep_id: int, duplicate_id: int) -> dict:
    """Merge a duplicate idea into another: it disappears from the wall, its votes and
    critical answers move to the kept idea, and it stays on record."""
    keep, duplicate = _idea_of(dbs, actor, keep_id), _idea_of(dbs, actor, duplicate_id)
    if keep.id == duplicate.id or keep.series_id != duplicate.series_id:
        raise Refused("merge_invalid")
    if keep.merged_into_id is not None:
        raise Refused("idea_merged")
    duplicate.merged_into_id = keep.id
    duplicate.shortlisted = False
    for idea in dbs.scalars(select(Idea).where(Idea.merged_into_id == duplicate.id)):
        idea.merged_into_id = keep.id
    dbs.execute(update(Vote).where(Vote.idea_id == duplicate.id).values(idea_id=keep.id))
    dbs.execute(update(Response).where(Response.idea_id == duplicate.id)
                .values(idea_id=keep.id))
    keep.shortlisted = keep.shortlisted or bool(duplicate.shortlisted)
    dbs.commit()
    return {"keep": keep.id, "merged": duplicate.id}


def _child_here(dbs: Session, workshop, child_id) -> Participant:
    child = dbs.get(Participant, child_id) if isinstance(child_id, int) else None
    if child is None or child.group_id != workshop.series.group_id:
        raise Refused("not_found")
    return child


def hide_child(dbs: Session, actor: User, workshop_id: int, child_id: int) -> dict:
    """Hide everything one child made in this series in one action: ideas, answers and
    critical answers (poll choices, reactions and votes are counts, not shown words).
    Returns the hidden items of the current step, for that child's tablets."""
    workshop = get_workshop(dbs, actor, workshop_id)
    child = _child_here(dbs, workshop, child_id)
    series_workshops = select(Workshop.id).where(Workshop.series_id == workshop.series_id)
    ideas = list(dbs.scalars(select(Idea).where(Idea.series_id == workshop.series_id,
                                               Idea.participant_id == child.id,
                                               Idea.visibility != Visibility.HIDDEN)))
    responses = list(dbs.scalars(select(Response).where(
        Response.workshop_id.in_(series_workshops), Response.participant_id == child.id,
        Response.kind.in_(("answer", "critical")), Response.visibility != Visibility.HIDDEN)))
    for item in ideas + responses:
        item.visibility = Visibility.HIDDEN
    dbs.commit()
    here = workshop.step_index
    mine = ([snapshots.idea_data(dbs, i, child) for i in ideas
             if i.workshop_id == workshop.id and i.step_index == here]
            + [snapshots.response_data(r, child) for r in responses
               if r.workshop_id == workshop.id and r.step_index == here])
    return {"hidden": len(ideas) + len(responses), "mine": mine, "child_id": child.id}


def rename_child(dbs: Session, actor: User, workshop_id: int, child_id: int,
                 name: str) -> dict:
    """Give a child another name (one that got through the word filter, or a mix-up).
    The new name passes the same checks as a name typed on a tablet."""
    workshop = get_workshop(dbs, actor, workshop_id)
    child = _child_here(dbs, workshop, child_id)
    child.name = clean_text(name, "name")
    dbs.commit()
    return snapshots.child_data(child)
