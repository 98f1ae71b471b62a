"""Preparing workshops: groups of children and series of the three workshops."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from ..domain.errors import Refused
from ..domain.plans import PLAN_KINDS
from ..domain.texts import clean_text
from ..store.models import Group, Series, User, Workshop
from .plan_library import PlanLibrary


def _may_lead(actor: User, group: Group | None) -> Group:
    if group is None:
        raise Refused("not_found")
    if actor.role != "admin" and group.leader_id != actor.id:
        raise Refused("forbidden")
    return group


def create_group(dbs: Session, actor: User, name: str, school: str = "",
                 neighbourhood: str = "", age_min: int = 8, age_max: int = 12) -> dict:
    """Create a group of children led by the actor."""
    if actor.role not in ("leader", "admin"):
        raise Refused("forbidden")
    try:
        age_min, age_max = int(age_min), int(age_max)
    except (TypeError, ValueError):
        raise Refused("age_invalid") from None
    if not 4 <= age_min <= age_max <= 18:
        raise Refused("age_invalid")
    group = Group(leader_id=actor.id, name=clean_text(name, "title", filtered=False),
                  school=clean_text(school, "title", required=False, filtered=False),
                  neighbourhood=clean_text(neighbourhood, "title", required=False,
                                           filtered=False),
                  age_min=age_min, age_max=age_max)
    dbs.add(group)
    dbs.commit()
    return group_data(group)


def create_series(dbs: Session, actor: User, library: PlanLibrary, group_id: int, title: str,
                  plans: dict[str, str] | None = None) -> dict:
    """Create a series of the three workshops for a group, each with its plan."""
    group = _may_lead(actor, dbs.get(Group, group_id))
    plans = plans or {}
    series = Series(group_id=group.id, title=clean_text(title, "title", filtered=False))
    dbs.add(series)
    for position, kind in enumerate(PLAN_KINDS, start=1):
        name = plans.get(kind) or library.default_for(kind)
        plan = library.get(name)
        if plan.kind != kind:
            raise Refused("plan_wrong_kind", name=name)
        series.workshops.append(Workshop(position=position, plan_name=name))
    dbs.commit()
    return series_data(series)


def set_plan(dbs: Session, actor: User, library: PlanLibrary, workshop_id: int,
             name: str) -> None:
    """Choose another plan for a workshop that has not started yet."""
    workshop = dbs.get(Workshop, workshop_id)
    if workshop is None:
        raise Refused("not_found")
    _may_lead(actor, workshop.series.group)
    if workshop.status != "planned":
        raise Refused("workshop_live")
    plan = library.get(name)
    expected = PLAN_KINDS[workshop.position - 1]
    if plan.kind != expected:
        raise Refused("plan_wrong_kind", name=name)
    workshop.plan_name = name
    dbs.commit()


def groups_of(dbs: Session, actor: User) -> list[dict]:
    """The groups the actor leads (all groups for an admin), each with its series."""
    query = select(Group).order_by(Group.created_at.desc())
    if actor.role != "admin":
        query = query.where(Group.leader_id == actor.id)
    out = []
    for group in dbs.scalars(query):
        data = group_data(group)
        data["series"] = [series_data(s) for s in dbs.scalars(
            select(Series).where(Series.group_id == group.id).order_by(Series.id))]
        out.append(data)
    return out


def get_series(dbs: Session, actor: User, series_id: int) -> Series:
    """A series the actor may lead."""
    series = dbs.get(Series, series_id)
    if series is None:
        raise Refused("not_found")
    _may_lead(actor, series.group)
    return series


def get_workshop(dbs: Session, actor: User, workshop_id: int) -> Workshop:
    """A workshop the actor may lead."""
    workshop = dbs.get(Workshop, workshop_id)
    if workshop is None:
        raise Refused("not_found")
    _may_lead(actor, workshop.series.group)
    return workshop


def group_data(group: Group) -> dict:
    """Plain data of a group."""
    return {"id": group.id, "name": group.name, "school": group.school,
            "neighbourhood": group.neighbourhood, "age_min": group.age_min,
            "age_max": group.age_max}


def series_data(series: Series) -> dict:
    """Plain data of a series and its workshops."""
    return {"id": series.id, "title": series.title, "group_id": series.group_id,
            "workshops": [{"id": w.id, "position": w.position, "plan": w.plan_name,
                           "status": w.status, "join_code": w.join_code}
                          for w in series.workshops]}
