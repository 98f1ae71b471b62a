""""I'm done": a child says they finished the current step; the leader sees who is busy.

Plain rules, no Flask. A mark belongs to one child (not one tablet) in one step of one
workshop, so it is reset per step by itself: a new step has no marks. Adding something in
that step (an answer, an idea, a choice, a vote) takes the child's mark away again: they
are busy once more and press "klaar" again when they are done.
"""

from __future__ import annotations

from dataclasses import dataclass

from .errors import Refused
from .flow import ACCEPTS, Status
from .plans import Plan, Step


def check_mark(plan: Plan, current: int, submitted: object, *, status: str) -> Step:
    """Refuse a "done" (or "not done") that is not for the current input step of a live
    workshop; return that step."""
    if isinstance(submitted, bool) or not isinstance(submitted, int):
        raise Refused("bad_request")
    if status == Status.PLANNED:
        raise Refused("workshop_not_started")
    if status == Status.ENDED:
        raise Refused("workshop_ended")
    if submitted != current or not 0 <= submitted < len(plan.steps):
        raise Refused("step_changed")
    step = plan.steps[submitted]
    if not step.takes_input:
        raise Refused("step_changed")
    return step


def clears_mark(what: str) -> bool:
    """Whether a submission of this kind makes its child busy again in that step."""
    return any(what in kinds for kinds in ACCEPTS.values())


@dataclass(frozen=True)
class Progress:
    """How far the class is in a step: `done` of `of` children, and who is still busy
    (in the order they joined)."""

    done: int
    of: int
    busy: tuple[int, ...]


def progress(children: list[int], removed: set[int], marked: set[int]) -> Progress:
    """The class's progress: the children who joined and were not removed count."""
    present = [c for c in children if c not in removed]
    busy = tuple(c for c in present if c not in marked)
    return Progress(done=len(present) - len(busy), of=len(present), busy=busy)
