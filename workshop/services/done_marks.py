""""I'm done" marks in the database (the rules are in domain/done.py): one row per child and
step, so they hold for the child on every tablet, after a reconnect or a restart, and on
every server process."""

from __future__ import annotations

from sqlalchemy import bindparam, delete, insert, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from ..domain import done as rules
from ..domain import flow
from ..domain.errors import Refused
from ..store.models import DoneMark, Removal, Workshop, utcnow
from .run import plan_of

_MARKS = DoneMark.__table__


def mark(dbs: Session, workshop_id: int, child_id: int, step_index: object,
         done: bool) -> dict:
    """The child says "I'm done" (or taps it again: not done); returns the change as the
    screen hears it: `{step_index, child_id, done}`."""
    workshop = dbs.get(Workshop, workshop_id)
    if workshop is None:
        raise Refused("bad_request")
    if dbs.scalar(select(Removal.id).where(Removal.workshop_id == workshop_id,
                                           Removal.participant_id == child_id).limit(1)):
        raise Refused("removed")
    rules.check_mark(plan_of(workshop), workshop.step_index, step_index, status=workshop.status)
    if not done:
        clear(dbs, workshop_id, step_index, child_id)
        dbs.commit()
    elif not is_marked(dbs, workshop_id, step_index, child_id):
        try:
            dbs.execute(insert(_MARKS).values(workshop_id=workshop_id, step_index=step_index,
                                              participant_id=child_id, created_at=utcnow()))
            dbs.commit()
        except IntegrityError:  # already done: another tablet of the child, just now
            dbs.rollback()
    return {"step_index": step_index, "child_id": child_id, "done": bool(done)}


def clear(dbs: Session, workshop_id: int, step_index: int, child_id: int) -> bool:
    """The child is busy again in that step (they added something); True when they had
    said they were done. Part of the caller's transaction."""
    gone = dbs.execute(_CLEAR, {"workshop": workshop_id, "step": step_index,
                                "child": child_id})
    return bool(gone.rowcount)


_CLEAR = delete(_MARKS).where(_MARKS.c.workshop_id == bindparam("workshop"),
                              _MARKS.c.step_index == bindparam("step"),
                              _MARKS.c.participant_id == bindparam("child"))


def marked(dbs: Session, workshop_id: int, step_index: int) -> list[int]:
    """The children who said they are done in that step, in the order they said it."""
    return list(dbs.scalars(select(_MARKS.c.participant_id).where(
        _MARKS.c.workshop_id == workshop_id, _MARKS.c.step_index == step_index)
        .order_by(_MARKS.c.id)))


def is_marked(dbs: Session, workshop_id: int, step_index: int, child_id: int) -> bool:
    return dbs.scalar(select(_MARKS.c.id).where(
        _MARKS.c.workshop_id == workshop_id, _MARKS.c.step_index == step_index,
        _MARKS.c.participant_id == child_id).limit(1)) is not None


def takes_marks(workshop: Workshop) -> bool:
    """Whether the current step is one where children say they are done."""
    return plan_of(workshop).steps[workshop.step_index].takes_input \
        and workshop.status == flow.Status.LIVE
