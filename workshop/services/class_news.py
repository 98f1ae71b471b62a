"""What became of a group's shipped ideas, for the news step on the classroom screen.

Two sources: a board on this server (one laptop does everything: `BoardIdea.idea_id` is
the idea here, its news the newest progress update), and the news this laptop fetched from
a network server it shipped to (`IdeaNews`, one row per idea). Hidden and merged ideas are
left out; no child's name is in it."""

from __future__ import annotations

from datetime import UTC, datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from ..domain import news
from ..store.board_models import BoardIdea, Partner, ProgressUpdate
from ..store.link_models import IdeaNews
from ..store.models import Idea, Series
from .media_links import media_url


def _iso(moment: datetime | None) -> str | None:
    """A stored time (UTC, without tzinfo) as ISO 8601 with its offset, for browsers."""
    return moment.replace(tzinfo=UTC).isoformat() if moment else None


def _shown_ideas(query, group_id: int):
    """Rows of `query` (joined to Idea) for visible, unmerged ideas of the group's series."""
    return query.join(Series, Series.id == Idea.series_id).where(
        Series.group_id == group_id, Idea.visibility == "visible", Idea.merged_into_id.is_(None))


def _from_board(dbs: Session, item: BoardIdea) -> dict:
    owner = dbs.get(Partner, item.owner_partner_id) if item.owner_partner_id else None
    latest = dbs.scalar(select(ProgressUpdate).where(ProgressUpdate.board_idea_id == item.id)
                        .order_by(ProgressUpdate.id.desc()).limit(1))
    changed = max(item.last_news_at, latest.at) if latest else item.last_news_at
    return {"stage": item.stage, "owner": owner.name if owner else None, "reason": item.reason,
            "latest": {"text": latest.text, "at": _iso(latest.at)} if latest else None,
            "changed": changed}


def _from_fetched(row: IdeaNews) -> dict:
    latest = {"text": row.latest_text, "at": _iso(row.latest_at)} if row.latest_text else None
    return {"stage": row.stage, "owner": row.owner or None, "reason": row.reason,
            "latest": latest, "changed": row.changed_at or row.latest_at or row.fetched_at}


def news_for_group(dbs: Session, group_id: int) -> dict:
    """Every shipped idea of any series of the group with where it stands, the idea whose
    news changed last first; and when this laptop last fetched news from a network server
    (None when all of it is on this server, so always up to date)."""
    reports: dict[int, list[dict]] = {}
    ideas: dict[int, Idea] = {}
    for item, idea in dbs.execute(_shown_ideas(
            select(BoardIdea, Idea).join(Idea, Idea.id == BoardIdea.idea_id), group_id)
            .order_by(BoardIdea.id)):
        ideas[idea.id] = idea
        reports.setdefault(idea.id, []).append(_from_board(dbs, item))
    fetched: list[datetime] = []
    for row, idea in dbs.execute(_shown_ideas(
            select(IdeaNews, Idea).join(Idea, Idea.id == IdeaNews.idea_id), group_id)):
        ideas[idea.id] = idea
        reports.setdefault(idea.id, []).append(_from_fetched(row))
        fetched.append(row.fetched_at)
    out = []
    for idea_id, candidates in reports.items():
        idea = ideas[idea_id]
        report = news.newest(candidates)
        out.append({
            "idea_id": idea.id, "title": idea.title,
            "text": idea.text, "stage": report["stage"], "owner": report["owner"],
            "reason": report["reason"], "latest": report["latest"],
            "picture": media_url(dbs, idea.photo_id) or media_url(dbs, idea.drawing_id),
            "changed": report["changed"],
        })
    ideas_out = news.newest_first(out)
    for item in ideas_out:
        item["changed_at"] = _iso(item.pop("changed"))
    return {"ideas": ideas_out, "fetched_at": _iso(max(fetched)) if fetched else None}


def has_news(dbs: Session, group_id: int) -> bool:
    """True when the group has a shipped idea to tell the children about."""
    return bool(news_for_group(dbs, group_id)["ideas"])
