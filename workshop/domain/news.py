"""What the children hear back about their shipped ideas: plain rules, no database.

The news step of a workshop shows each shipped idea of the group with where it stands on
the network's board. These functions decide which news wins, in what order the ideas come,
how a stage looks, and whether a plan keeps its news step."""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime

from .board import COLUMNS, ORDER, Stage
from .plans import Plan

NEWS_KIND = "news"

# One icon per stage, shared by the progress page, the spotlight and the classroom screen.
STAGE_ICONS = {Stage.NEW: "👀", Stage.SELECTED: "⭐", Stage.ADOPTED: "🤝", Stage.PLANNED: "📅",
               Stage.INTRO: "🎈", Stage.RUNNING: "🎉", Stage.EVALUATED: "💬",
               Stage.NOT_NOW: "⏸️"}
UNKNOWN_ICON = "💡"
_NOT_NOW_STARTS = ("niet nu", "not now", "not for now", "nu niet")


def says_not_now(reason: str) -> bool:
    """True when the advisor's reason already starts with "not now" (so it is not said twice)."""
    return (reason or "").strip().lower().startswith(_NOT_NOW_STARTS)


def stage_icon(stage: str) -> str:
    """The icon of a stage; an unknown stage (from a newer server) gets a light bulb."""
    return STAGE_ICONS.get(stage, UNKNOWN_ICON)


def track_position(stage: str) -> int:
    """Where a stage is on the track new → evaluated; -1 for "not now" or an unknown one."""
    try:
        return ORDER.get(Stage(stage), -1)
    except ValueError:
        return -1


def track() -> list[dict]:
    """The stages of the track in order, each with its icon."""
    return [{"stage": str(s), "icon": STAGE_ICONS[s]} for s in COLUMNS]


def newest(candidates: list[dict]) -> dict:
    """Of several reports about one idea (boards on this server, news fetched from another
    one), the one that changed last; the first one given wins a tie."""
    best = candidates[0]
    for other in candidates[1:]:
        if _when(other) > _when(best):
            best = other
    return best


def newest_first(items: list[dict]) -> list[dict]:
    """Ideas whose news changed most recently first; then by idea, oldest first."""
    return sorted(items, key=lambda i: (_when(i), -i["idea_id"]), reverse=True)


def _when(item: dict) -> datetime:
    changed = item.get("changed")
    return changed if isinstance(changed, datetime) else datetime.min


def has_news_step(plan: Plan) -> bool:
    """True when the plan has a news step."""
    return any(step.kind == NEWS_KIND for step in plan.steps)


def without_news(plan: Plan) -> Plan:
    """The plan without its news steps, for a group with nothing shipped yet. A plan made of
    news steps only keeps them (a plan has at least one step): the screen then says so."""
    steps = tuple(step for step in plan.steps if step.kind != NEWS_KIND)
    return replace(plan, steps=steps) if steps else plan
