"""The board: leaders ship shortlisted ideas, advisors select and move them, partners adopt.

Every move is recorded with who and when; the timeline of an idea is read from those rows."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from ..domain.board import COLUMNS, Role, Stage, check_move, is_stale, may_act_for_partner
from ..domain.errors import Refused
from ..domain.texts import clean_text, shown_title
from ..store.board_models import BoardIdea, Move, Network, Partner
from ..store.models import Group, Idea, Series, User, utcnow
from . import exports
from .network import may_see_network, require_board
from .setup import get_series
from .snapshots import media_url


def ship(dbs: Session, actor: User, series_id: int, network_id: int,
         show_first_names: bool | None = None) -> dict:
    """Ship the series' shortlist to a network's board; ideas shipped before are skipped.
    `show_first_names` None: as the group's kept choice (progress.set_first_names)."""
    series = get_series(dbs, actor, series_id)
    group = series.group
    if dbs.get(Network, network_id) is None:
        raise Refused("not_found")
    if group.network_id not in (None, network_id):
        raise Refused("other_network")
    group.network_id = network_id
    if show_first_names is not None:
        group.show_first_names = bool(show_first_names)
    show_first_names = group.show_first_names
    done = set(dbs.scalars(select(BoardIdea.idea_id).where(BoardIdea.network_id == network_id)))
    shipped, skipped = [], []
    for idea in exports.ideas_in_depth(dbs, series):
        if not idea["shortlisted"] or idea["visibility"] != "visible" or idea["merged_into"]:
            continue
        if idea["id"] in done:
            skipped.append(idea["id"])
            continue
        row = dbs.get(Idea, idea["id"])
        dbs.add(BoardIdea(network_id=network_id, idea_id=row.id, group_id=group.id,
                          title=row.title or short_title(row.text), text=row.text,
                          origin=idea_origin(idea, series, group, show_first_names),
                          drawing_id=row.drawing_id, photo_id=row.photo_id,
                          shipped_by=actor.id))
        shipped.append(row.id)
    try:
        dbs.commit()
    except IntegrityError:  # shipped by someone else at the same moment
        dbs.rollback()
        raise Refused("already_shipped") from None
    return {"shipped": shipped, "already": skipped}


def short_title(text: str) -> str:
    """The first words of an idea, as its title when it has none."""
    words = text.split()
    return " ".join(words[:6]) + ("…" if len(words) > 6 else "")


def idea_origin(idea: dict, series: Series, group: Group, first_names: bool) -> dict:
    """Where an idea came from, without any child's name unless the leader allowed it."""
    return {
        "group": group.name, "school": group.school, "neighbourhood": group.neighbourhood,
        "series": series.title, "workshop": idea["workshop_position"], "votes": idea["score"],
        "category": idea["category_label"],
        "critical": [{"question": a["label"], "text": a["text"]} for a in idea["critical"]
                     if a["visibility"] == "visible"],
        "merged": idea.get("merged_count", 0),
        "first_name": idea["author"]["name"] if first_names and idea["author"] else None,
    }


def shipped_ids(dbs: Session, series_id: int) -> set[int]:
    """Which ideas of a series are on a board already."""
    return set(dbs.scalars(select(BoardIdea.idea_id).join(Idea, Idea.id == BoardIdea.idea_id)
                           .where(Idea.series_id == series_id)))


def get_idea(dbs: Session, actor: User, board_idea_id: int) -> BoardIdea:
    """A board idea the actor may see (its network's people, the leader of its group)."""
    item = dbs.get(BoardIdea, board_idea_id)
    if item is None:
        raise Refused("not_found")
    group = dbs.get(Group, item.group_id)
    if not may_see_network(actor, item.network_id) and group.leader_id != actor.id:
        raise Refused("forbidden")
    return item


def move(dbs: Session, actor: User, board_idea_id: int, target: str, reason: str = "") -> dict:
    """Move an idea to another column. Advisors select and say "not now" (with a reason a
    child understands); the owning partner moves its own idea on from adopted."""
    item = get_idea(dbs, actor, board_idea_id)
    reason = clean_text(reason, "reason", required=False)
    owner_moving = (actor.role == Role.PARTNER and item.owner_partner_id is not None
                    and actor.partner_id == item.owner_partner_id
                    and target not in (Stage.NEW, Stage.SELECTED, Stage.NOT_NOW))
    if not owner_moving:
        require_board(actor, item.network_id)
    check_move(item.stage, target, has_owner=item.owner_partner_id is not None, reason=reason)
    _record(dbs, item, actor, target, reason)
    if target == Stage.NOT_NOW:
        item.reason = reason
    elif target in (Stage.NEW, Stage.SELECTED):
        item.reason = ""
        item.owner_partner_id = None  # back before "adopted": nobody owns it yet
    dbs.commit()
    return board_item(dbs, item)


def _record(dbs: Session, item: BoardIdea, actor: User, target: str, reason: str) -> None:
    dbs.add(Move(board_idea_id=item.id, from_stage=item.stage, to_stage=target, reason=reason,
                 user_id=actor.id))
    item.stage = target
    item.last_news_at = utcnow()


def adopt(dbs: Session, actor: User, board_idea_id: int, partner_id: int) -> dict:
    """One partner adopts a selected idea as project owner; a second owner is refused."""
    item = get_idea(dbs, actor, board_idea_id)
    partner = dbs.get(Partner, partner_id)
    if partner is None or partner.network_id != item.network_id:
        raise Refused("not_found")
    if not may_act_for_partner(actor.role, actor.partner_id, partner_id) or \
            not may_see_network(actor, item.network_id):
        raise Refused("forbidden")
    if item.owner_partner_id is not None:
        raise Refused("owner_exists")
    if item.stage != Stage.SELECTED:
        raise Refused("select_first")
    item.owner_partner_id = partner.id
    _record(dbs, item, actor, Stage.ADOPTED, "")
    dbs.commit()
    return board_item(dbs, item)


def present(dbs: Session, actor: User, network_id: int, board_idea_id: int) -> BoardIdea:
    """The advisor shows this idea now; kept in the database so every process knows."""
    require_board(actor, network_id)
    item = get_idea(dbs, actor, board_idea_id)
    if item.network_id != network_id:
        raise Refused("not_found")
    dbs.get(Network, network_id).presenting_id = item.id
    dbs.commit()
    return item


def presenting(dbs: Session, network_id: int) -> int | None:
    """The idea being presented in a network's meeting, if any."""
    network = dbs.get(Network, network_id)
    return network.presenting_id if network else None


def board(dbs: Session, actor: User, network_id: int) -> dict:
    """The board of a network: its columns with the ideas in them, and "not now"."""
    if not may_see_network(actor, network_id):
        raise Refused("forbidden")
    network = dbs.get(Network, network_id)
    if network is None:
        raise Refused("not_found")
    items = [board_item(dbs, i, network.stale_weeks) for i in dbs.scalars(
        select(BoardIdea).where(BoardIdea.network_id == network_id)
        .order_by(BoardIdea.position, BoardIdea.id))]
    columns = {stage.value: [] for stage in (*COLUMNS, Stage.NOT_NOW)}
    for item in items:
        columns[item["stage"]].append(item)
    return {"network": {"id": network.id, "name": network.name,
                        "stale_weeks": network.stale_weeks},
            "columns": columns, "ideas": items}


def board_item(dbs: Session, item: BoardIdea, stale_weeks: int | None = None) -> dict:
    """A board idea as plain data: words, pictures, origin, owner, stage, staleness."""
    if stale_weeks is None:
        stale_weeks = dbs.get(Network, item.network_id).stale_weeks
    owner = dbs.get(Partner, item.owner_partner_id) if item.owner_partner_id else None
    weeks = (utcnow() - item.last_news_at).total_seconds() / (7 * 86400)
    return {
        "id": item.id, "idea_id": item.idea_id, "network_id": item.network_id,
        "group_id": item.group_id, "stage": item.stage,
        "title": shown_title(item.title, item.text), "text": item.text,
        "origin": item.origin, "drawing": media_url(dbs, item.drawing_id),
        "photo": media_url(dbs, item.photo_id), "reason": item.reason,
        "owner": {"id": owner.id, "name": owner.name} if owner else None,
        "stale": is_stale(item.stage, weeks, stale_weeks),
        "last_news_at": item.last_news_at.isoformat(),
    }


def timeline(dbs: Session, board_idea_id: int) -> list[dict]:
    """Every move of an idea, oldest first, with who made it."""
    rows = dbs.execute(select(Move, User.display_name).join(User, User.id == Move.user_id)
                       .where(Move.board_idea_id == board_idea_id).order_by(Move.id))
    return [{"from": m.from_stage, "to": m.to_stage, "reason": m.reason, "by": name,
             "at": m.at.isoformat()} for m, name in rows]
