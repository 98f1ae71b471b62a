"""Running a workshop: the leader starts it, walks the steps, runs the timer and ends it."""

from __future__ import annotations

import secrets
import time
from functools import lru_cache

from sqlalchemy import select
from sqlalchemy.orm import Session, joinedload

from ..domain import flow, news
from ..domain.errors import Refused
from ..domain.plans import Plan, dump_plan, parse_plan
from ..store.models import Idea, Series, User, Workshop, utcnow
from .class_news import has_news
from .plan_library import PlanLibrary
from .setup import get_workshop

CODE_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"  # no 0/O, 1/I: easy to read aloud
CODE_LENGTH = 6


@lru_cache(maxsize=64)
def _parse(text: str) -> Plan:
    return parse_plan(text)


def plan_of(workshop: Workshop) -> Plan:
    """The plan a workshop runs (frozen when it started)."""
    return _parse(workshop.plan_yaml)


def start(dbs: Session, actor: User, library: PlanLibrary, workshop_id: int) -> Workshop:
    """Start a workshop: freeze its plan and give it a join code."""
    workshop = get_workshop(dbs, actor, workshop_id)
    flow.can_start(workshop.status)
    others = dbs.scalars(select(Workshop).where(Workshop.series_id == workshop.series_id,
                                                Workshop.status == flow.Status.LIVE)).first()
    if others is not None:
        raise Refused("other_workshop_live")
    workshop.plan_yaml = dump_plan(_plan_for(dbs, workshop, library.get(workshop.plan_name)))
    workshop.status = flow.Status.LIVE
    workshop.step_index = 0
    workshop.started_at = utcnow()
    workshop.join_code = _new_code(dbs)
    _reset_timer(workshop, plan_of(workshop))
    workshop.version += 1
    dbs.commit()
    return workshop


def _plan_for(dbs: Session, workshop: Workshop, plan: Plan) -> Plan:
    """The plan as this group runs it: without the news step while nothing of the group was
    shipped (the step indexes of the frozen plan are those the children see)."""
    if news.has_news_step(plan) and not has_news(dbs, workshop.series.group_id):
        return news.without_news(plan)
    return plan


def _new_code(dbs: Session) -> str:
    while True:
        code = "".join(secrets.choice(CODE_ALPHABET) for _ in range(CODE_LENGTH))
        if dbs.scalar(select(Workshop.id).where(Workshop.join_code == code)) is None:
            return code


def _reset_timer(workshop: Workshop, plan: Plan) -> None:
    step = plan.steps[workshop.step_index]
    workshop.timer_ends_at = None
    workshop.timer_remaining = float(step.minutes * 60) if step.minutes else None


def _timer(workshop: Workshop) -> flow.Timer:
    return flow.Timer(ends_at=workshop.timer_ends_at, remaining=workshop.timer_remaining)


def _set_timer(workshop: Workshop, timer: flow.Timer) -> None:
    workshop.timer_ends_at = timer.ends_at
    workshop.timer_remaining = timer.remaining


ACTIONS = ("next", "prev", "goto", "timer_start", "timer_pause", "timer_add", "lock",
           "unlock", "reveal", "hide_results", "approval_on", "approval_off", "focus", "end",
           "cloud_on", "cloud_off")


def control(dbs: Session, actor: User, workshop_id: int, action: str,
            value: int | None = None, now: float | None = None) -> Workshop:
    """Apply one leader control to a live workshop."""
    workshop = get_workshop(dbs, actor, workshop_id)
    flow.require_live(workshop.status)
    if action not in ACTIONS:
        raise Refused("unknown_action")
    now = time.time() if now is None else now
    plan = plan_of(workshop)
    if action in ("next", "prev", "goto"):
        delta = {"next": 1, "prev": -1}.get(action)
        target = flow.move(plan, workshop.step_index, delta=delta,
                           to=_int(value) if action == "goto" else None)
        if target != workshop.step_index:
            workshop.step_index = target
            workshop.locked = False
            _reset_timer(workshop, plan)
            if plan.steps[target].kind == "critical" and workshop.focus_idea_id is None:
                workshop.focus_idea_id = _first_shortlisted(dbs, workshop)
            if plan.steps[target].kind == "critical" and workshop.series.group.table_count \
                    and not workshop.table_ideas:
                from . import tables  # it builds on this module
                tables.auto_ideas(dbs, workshop)
    elif action == "timer_start":
        minutes = flow.timer_minutes(value, 5)  # refused even when a paused timer resumes
        timer = _timer(workshop)
        if timer.remaining is not None:
            _set_timer(workshop, timer.resume(now))
        else:
            _set_timer(workshop, timer.start(now, minutes * 60))
    elif action == "timer_pause":
        _set_timer(workshop, _timer(workshop).pause(now))
    elif action == "timer_add":
        timer = _timer(workshop).add(now, 60 * flow.timer_minutes(value, 1))
        flow.check_timer_total(timer.left(now))
        _set_timer(workshop, timer)
    elif action in ("lock", "unlock"):
        workshop.locked = action == "lock"
    elif action in ("reveal", "hide_results"):
        revealed = set(workshop.revealed or [])
        (revealed.add if action == "reveal" else revealed.discard)(workshop.step_index)
        workshop.revealed = sorted(revealed)
    elif action in ("approval_on", "approval_off"):
        workshop.approval = action == "approval_on"
    elif action == "focus":
        idea = dbs.get(Idea, _int(value))
        if idea is None or idea.series_id != workshop.series_id:
            raise Refused("not_found")
        workshop.focus_idea_id = idea.id
    elif action in ("cloud_on", "cloud_off"):
        from . import clouds
        clouds.switch(workshop, plan.steps[workshop.step_index].kind, action == "cloud_on")
    elif action == "end":
        workshop.status = flow.Status.ENDED
        workshop.ended_at = utcnow()
        workshop.timer_ends_at = None
    workshop.version += 1
    dbs.commit()
    return workshop


def _int(value: object) -> int | None:
    if value is None or value == "":
        return None
    try:
        return int(value)
    except (TypeError, ValueError):
        raise Refused("bad_request") from None


def _first_shortlisted(dbs: Session, workshop: Workshop) -> int | None:
    return dbs.scalar(select(Idea.id).where(Idea.series_id == workshop.series_id,
                                            Idea.shortlisted.is_(True),
                                            Idea.visibility == "visible",
                                            Idea.merged_into_id.is_(None))
                      .order_by(Idea.id))


def find_by_code(dbs: Session, code: str, *, ended_too: bool = False) -> Workshop:
    """The live workshop with this join code; a friendly refusal otherwise. A tablet that
    already took part may still reach an ended one (`ended_too`) to send what it kept."""
    code = (code or "").strip().upper().replace(" ", "").replace("-", "")
    if not code or len(code) > 12:
        raise Refused("wrong_code")
    # its series and group in the same query: every join and hello reads both (the group
    # id, the tables), two round trips fewer for each of 2,000 tablets
    workshop = dbs.scalar(select(Workshop).where(Workshop.join_code == code)
                          .options(joinedload(Workshop.series).joinedload(Series.group)))
    if workshop is None:
        raise Refused("wrong_code")
    if workshop.status == flow.Status.ENDED and not ended_too:
        raise Refused("workshop_ended")
    return workshop
