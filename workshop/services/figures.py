"""Programme figures: children reached, workshops, ideas, shipped, selected, adopted,
running, money and partners; for one network or the whole programme."""

from __future__ import annotations

from sqlalchemy import func, select, union
from sqlalchemy.orm import Session

from ..domain.board import ORDER, Stage, is_stale, may_see_figures
from ..domain.errors import Refused
from ..store.board_models import BoardIdea, Fit, LedgerLine, Network, Offer
from ..store.link_models import Shipment
from ..store.models import Attendance, Group, Idea, Series, User, Workshop, utcnow
from .support import money_totals


def _stale(dbs: Session, network_id: int | None) -> int:
    """How many ideas being worked on have had no news for their network's set weeks."""
    query = select(BoardIdea.stage, BoardIdea.last_news_at, Network.stale_weeks).join(
        Network, Network.id == BoardIdea.network_id)
    if network_id is not None:
        query = query.where(BoardIdea.network_id == network_id)
    now = utcnow()
    return sum(1 for stage, news, weeks in dbs.execute(query)
               if is_stale(stage, (now - news).total_seconds() / (7 * 86400), weeks))


def _from_laptops(dbs: Session, network_id: int | None) -> dict:
    """What classroom laptops counted for the groups they shipped here: per series the
    newest shipment's counts; children per group once (the same class in each series)."""
    query = select(Shipment.group_id, Shipment.counts).order_by(Shipment.id)
    if network_id is not None:
        query = query.where(Shipment.network_id == network_id)
    per_series, children = {}, {}
    for group_id, counts in dbs.execute(query):
        per_series[(group_id, counts.get("series"))] = counts
        children[group_id] = max(children.get(group_id, 0), counts.get("children", 0))
    return {"children": sum(children.values()),
            "workshops": sum(c.get("workshops", 0) for c in per_series.values()),
            "ideas": sum(c.get("ideas", 0) for c in per_series.values())}


def _forgotten(dbs: Session, groups) -> dict:
    """What the retention kept as numbers when it forgot the children (services/retention.py):
    children reached per group, ideas per series."""
    return {"children": dbs.scalar(select(func.sum(Group.forgotten_children))
                                   .where(Group.id.in_(groups))) or 0,
            "ideas": dbs.scalar(select(func.sum(Series.forgotten_ideas))
                                .where(Series.group_id.in_(groups))) or 0}


def figures(dbs: Session, actor: User, network_id: int | None = None) -> dict:
    """The figures of one network, or of the whole programme when `network_id` is None;
    who may see which: `may_see_figures`."""
    if not may_see_figures(actor.role, actor.network_id, network_id):
        raise Refused("forbidden")
    if network_id is not None and dbs.get(Network, network_id) is None:
        raise Refused("not_found")
    groups = select(Group.id)
    if network_id is not None:
        groups = groups.where(Group.network_id == network_id)
    workshops = select(Workshop.id).join(Series, Series.id == Workshop.series_id).where(
        Series.group_id.in_(groups), Workshop.started_at.is_not(None))
    board = select(BoardIdea.stage, func.count(BoardIdea.id)).group_by(BoardIdea.stage)
    if network_id is not None:
        board = board.where(BoardIdea.network_id == network_id)
    stages = dict(dbs.execute(board).all())

    def at_least(stage: Stage) -> int:
        return sum(n for s, n in stages.items() if s != Stage.NOT_NOW
                   and ORDER[Stage(s)] >= ORDER[stage])

    ideas_in = select(BoardIdea.id)
    if network_id is not None:
        ideas_in = ideas_in.where(BoardIdea.network_id == network_id)
    partners = union(select(Fit.partner_id).where(Fit.board_idea_id.in_(ideas_in)),
                     select(Offer.partner_id).where(Offer.board_idea_id.in_(ideas_in)),
                     select(BoardIdea.owner_partner_id).where(
                         BoardIdea.id.in_(ideas_in), BoardIdea.owner_partner_id.is_not(None)),
                     select(LedgerLine.partner_id).where(
                         LedgerLine.board_idea_id.in_(ideas_in),
                         LedgerLine.partner_id.is_not(None))).subquery()
    money = money_totals(dbs, network_id)
    stale = _stale(dbs, network_id)
    remote = _from_laptops(dbs, network_id)
    forgotten = _forgotten(dbs, groups)
    return {
        "stale": stale,
        "scope": dbs.get(Network, network_id).name if network_id else None,
        "children": remote["children"] + forgotten["children"] + (dbs.scalar(
            select(func.count(func.distinct(Attendance.participant_id)))
            .where(Attendance.workshop_id.in_(workshops))) or 0),
        "workshops": remote["workshops"] + (dbs.scalar(
            select(func.count()).select_from(workshops.subquery())) or 0),
        "ideas": remote["ideas"] + forgotten["ideas"] + (dbs.scalar(
            select(func.count(Idea.id)).join(Series, Series.id == Idea.series_id)
            .where(Series.group_id.in_(groups), Idea.merged_into_id.is_(None))) or 0),
        "shipped": sum(stages.values()),
        "selected": at_least(Stage.SELECTED),
        "adopted": at_least(Stage.ADOPTED),
        "running": stages.get(Stage.RUNNING, 0) + stages.get(Stage.EVALUATED, 0),
        "not_now": stages.get(Stage.NOT_NOW, 0),
        "stages": {s.value: stages.get(s.value, 0) for s in (*ORDER, Stage.NOT_NOW)},
        "pledged_cents": money["pledged_cents"],
        "received_cents": money["received_cents"],
        "contributions": dbs.scalar(select(func.count(LedgerLine.id)).where(
            LedgerLine.board_idea_id.in_(ideas_in))) or 0,
        "partners": dbs.scalar(select(func.count()).select_from(partners)) or 0,
        "money_by_source": money["by_source"],
    }
