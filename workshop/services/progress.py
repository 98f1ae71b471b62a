"""What became of the children's ideas: the public progress page of a group, opened by an
unguessable link, and what the poster and the spotlight show."""

from __future__ import annotations

import secrets
from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session

from ..domain.errors import Refused
from ..domain.texts import shown_title
from ..store.board_models import BoardIdea, Partner
from ..store.models import Group, Idea, Participant, User
from .follow_up import milestones, updates
from .setup import get_series
from .snapshots import media_url


def progress_link(dbs: Session, actor: User, series_id: int) -> str:
    """The group's progress token, made on first use (the leader shares link or poster)."""
    group = get_series(dbs, actor, series_id).group
    if not group.progress_token:
        group.progress_token = secrets.token_urlsafe(18)
        dbs.commit()
    return group.progress_token


def set_first_names(dbs: Session, actor: User, series_id: int, on: bool) -> bool:
    """Whether the group's first names go with its ideas (to the network, on the progress
    page): the leader's choice, kept on the group so the series page shows it again."""
    group = get_series(dbs, actor, series_id).group
    group.show_first_names = bool(on)
    dbs.commit()
    return group.show_first_names


def group_by_token(dbs: Session, token: str) -> Group:
    """The group behind a progress link; a guessed link finds nothing."""
    if not token or len(token) < 16:
        raise Refused("not_found")
    group = dbs.scalar(select(Group).where(Group.progress_token == token))
    if group is None:
        raise Refused("not_found")
    return group


def _first_name(dbs: Session, item: BoardIdea) -> str | None:
    """The first name of the child whose idea it is (only when the leader allows names);
    an idea shipped from a laptop brought it along only if the leader allowed it there."""
    if item.idea_id is None:
        return (item.origin or {}).get("first_name")
    idea = dbs.get(Idea, item.idea_id)
    child = dbs.get(Participant, idea.participant_id) if idea else None
    return child.name if child else None


def progress(dbs: Session, group: Group) -> dict:
    """Each shipped idea of the group: where it stands, its latest news or the reason it
    is not for now. No child's name unless the leader allowed first names."""
    ideas = []
    for item in dbs.scalars(select(BoardIdea).where(BoardIdea.group_id == group.id)
                            .order_by(BoardIdea.id)):
        owner = dbs.get(Partner, item.owner_partner_id) if item.owner_partner_id else None
        news = updates(dbs, item.id)
        coming = [m for m in milestones(dbs, item.id)
                  if not m["done"] and m["due"] >= date.today().isoformat()]
        ideas.append({
            "id": item.id, "title": shown_title(item.title, item.text), "text": item.text,
            "stage": item.stage,
            "reason": item.reason, "owner": owner.name if owner else None,
            "picture": media_url(dbs, item.photo_id) or media_url(dbs, item.drawing_id),
            "latest": news[0] if news else None,
            "next_milestone": coming[0] if coming else None,
            "first_name": _first_name(dbs, item) if group.show_first_names else None,
        })
    return {"group": {"name": group.name, "school": group.school,
                      "neighbourhood": group.neighbourhood}, "ideas": ideas}
