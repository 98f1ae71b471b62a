"""Tables (subgroups) of a class: the leader makes them, moves a child, and gives each
table an idea to work out in critical thinking (rules in domain/tables.py).

The tables belong to the group, so a child keeps its table in every workshop of the
series; the ideas the tables work on belong to the workshop."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from ..domain import tables
from ..domain.errors import Refused
from ..store.models import Attendance, Idea, Participant, Response, User, Workshop
from .run import plan_of
from .setup import get_workshop


def _present(dbs: Session, workshop: Workshop) -> list[Participant]:
    """The children of this workshop, in the order they came."""
    return list(dbs.scalars(select(Participant).join(
        Attendance, Attendance.participant_id == Participant.id)
        .where(Attendance.workshop_id == workshop.id).order_by(Attendance.id)))


def seating(dbs: Session, workshop: Workshop) -> dict[int, int | None]:
    """Child id -> table number of the children of this workshop (None: no table)."""
    count = workshop.series.group.table_count
    return {c.id: tables.seated(c.table_no, count) for c in _present(dbs, workshop)}


def ballot_ids(dbs: Session, workshop: Workshop) -> list[int]:
    """The ideas the children question: the visible shortlist, else every visible idea."""
    rows = list(dbs.execute(select(Idea.id, Idea.shortlisted).where(
        Idea.series_id == workshop.series_id, Idea.visibility == "visible",
        Idea.merged_into_id.is_(None)).order_by(Idea.id)))
    shortlisted = [r.id for r in rows if r.shortlisted]
    return shortlisted or [r.id for r in rows]


def table_ideas(workshop: Workshop) -> dict[int, int]:
    """Table number -> the idea it works on, for the tables there are."""
    count = workshop.series.group.table_count
    return {int(k): v for k, v in (workshop.table_ideas or {}).items()
            if str(k).isdigit() and 1 <= int(k) <= count}


def _store_ideas(workshop: Workshop, ideas: dict[int, int]) -> None:
    workshop.table_ideas = {str(k): v for k, v in sorted(ideas.items())}


def auto_ideas(dbs: Session, workshop: Workshop) -> None:
    """Give the tables the ballot's ideas round-robin (no commit)."""
    _store_ideas(workshop, tables.assign_ideas(workshop.series.group.table_count,
                                               ballot_ids(dbs, workshop)))


def _changed(dbs: Session, workshop: Workshop) -> Workshop:
    workshop.version += 1
    dbs.commit()
    return workshop


def make(dbs: Session, actor: User, workshop_id: int, count: object) -> Workshop:
    """Split this workshop's children evenly over `count` tables (0: no tables). Children
    of the group who are not here keep their table if it still exists."""
    workshop = get_workshop(dbs, actor, workshop_id)
    count = tables.check_count(count)
    group = workshop.series.group
    group.table_count = count
    present = _present(dbs, workshop)
    seats = tables.split([c.id for c in present], count) if count else {}
    for child in present:
        child.table_no = seats.get(child.id)
    _store_ideas(workshop, {})
    if count and _in_critical(workshop):
        auto_ideas(dbs, workshop)
    return _changed(dbs, workshop)


def move(dbs: Session, actor: User, workshop_id: int, child_id: object,
         number: object) -> Workshop:
    """Move one child of the workshop to another table."""
    workshop = get_workshop(dbs, actor, workshop_id)
    number = tables.check_table(number, workshop.series.group.table_count)
    child = dbs.get(Participant, child_id) if isinstance(child_id, int) else None
    if child is None or child.group_id != workshop.series.group_id:
        raise Refused("not_found")
    child.table_no = number
    return _changed(dbs, workshop)


def assign(dbs: Session, actor: User, workshop_id: int, number: object,
           idea_id: object) -> Workshop:
    """The leader gives one table an idea to work out."""
    workshop = get_workshop(dbs, actor, workshop_id)
    number = tables.check_table(number, workshop.series.group.table_count)
    ideas = table_ideas(workshop)
    ideas[number] = tables.check_idea(idea_id, ballot_ids(dbs, workshop))
    _store_ideas(workshop, ideas)
    return _changed(dbs, workshop)


def reassign(dbs: Session, actor: User, workshop_id: int) -> Workshop:
    """The ballot's ideas over the tables again, round-robin."""
    workshop = get_workshop(dbs, actor, workshop_id)
    tables.check_table(1, workshop.series.group.table_count)  # refused without tables
    auto_ideas(dbs, workshop)
    return _changed(dbs, workshop)


def _in_critical(workshop: Workshop) -> bool:
    return workshop.status == "live" and \
        plan_of(workshop).steps[workshop.step_index].kind == "critical"


def needs_seat(workshop: Workshop, child: Participant) -> bool:
    """A child of a class that sits at tables, without a table (yet)."""
    count = workshop.series.group.table_count
    return bool(count) and tables.seated(child.table_no, count) is None


def seat(dbs: Session, workshop: Workshop, child: Participant) -> bool:
    """A newcomer sits at the smallest table (no commit); whether anything changed."""
    if not needs_seat(workshop, child):
        return False
    others = {k: v for k, v in seating(dbs, workshop).items() if k != child.id}
    child.table_no = tables.place_newcomer(others, workshop.series.group.table_count)
    return True


def data(workshop: Workshop) -> list[dict]:
    """The tables for the screen and the tablets: number, name key, animal, colour, idea."""
    ideas = table_ideas(workshop)
    return [{"table": n, "id": t.id, "icon": t.icon, "colour": t.colour,
             "idea_id": ideas.get(n)}
            for n, t in enumerate(tables.TABLES[:workshop.series.group.table_count], 1)]


def progress(dbs: Session, workshop: Workshop) -> list[dict]:
    """For a critical step: per table its idea, questions answered, children answering."""
    count = workshop.series.group.table_count
    if not count:
        return []
    index = workshop.step_index
    rows = dbs.execute(select(Response.participant_id, Response.idea_id, Response.choice)
                       .where(Response.workshop_id == workshop.id,
                              Response.step_index == index, Response.kind == "critical",
                              Response.visibility != "hidden"))
    answers = [tables.Answer(r.participant_id, r.idea_id, r.choice) for r in rows]
    return tables.progress(count, seating(dbs, workshop), table_ideas(workshop), answers,
                           len(plan_of(workshop).steps[index].choices))
