"""The live workshop: its lifecycle, step navigation, the timer and what a step accepts."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from .errors import Refused
from .plans import Plan, Step


class Status(StrEnum):
    """Lifecycle of one workshop: planned, then live, then ended (ended is final)."""

    PLANNED = "planned"
    LIVE = "live"
    ENDED = "ended"


class Visibility(StrEnum):
    """What the room sees of a contribution."""

    VISIBLE = "visible"
    PENDING = "pending"   # waits for the leader's approval
    HIDDEN = "hidden"     # hidden by the leader; kept for the record


# What a child can send in each step kind.
ACCEPTS = {
    "question": {"answer"},
    "poll": {"poll"},
    "cards": {"reaction"},
    "ideas": {"idea"},
    "vote": {"vote", "unvote"},
    "critical": {"critical"},
}
REACTIONS = ("love", "like", "hmm")


def can_start(status: str) -> None:
    """Refuse to start a workshop that is live or ended."""
    if status == Status.LIVE:
        raise Refused("workshop_live")
    if status == Status.ENDED:
        raise Refused("workshop_ended")


def require_live(status: str) -> None:
    """Refuse anything but a live workshop."""
    if status == Status.PLANNED:
        raise Refused("workshop_not_started")
    if status == Status.ENDED:
        raise Refused("workshop_ended")


def move(plan: Plan, index: int, delta: int | None = None, to: int | None = None) -> int:
    """Return the step index after going `delta` steps or to step `to`; stays in range."""
    target = to if to is not None else index + (delta or 0)
    if not 0 <= target < len(plan.steps):
        raise Refused("no_such_step")
    return target


CREATIONS = ("answer", "idea", "critical")


def check_input(plan: Plan, current: int, submitted: object, what: str, *, locked: bool,
                status: str) -> Step:
    """Refuse a child's input that its step does not take; return that step.

    Things a child made (answers, ideas, critical answers) are accepted for the step they
    were made in even when the screen has moved on or the workshop ended meanwhile: a
    tablet that was offline must not lose them. Choices (polls, reactions, votes) count
    only in the current step of a live workshop."""
    if isinstance(submitted, bool) or not isinstance(submitted, int):
        raise Refused("bad_request")
    if not 0 <= submitted < len(plan.steps):
        raise Refused("step_changed")
    step = plan.steps[submitted]
    if what not in ACCEPTS.get(step.kind, set()):
        raise Refused("step_changed")
    if status == Status.PLANNED:
        raise Refused("workshop_not_started")
    if submitted != current or status == Status.ENDED:
        if what in CREATIONS:
            return step
        raise Refused("workshop_ended" if status == Status.ENDED else "step_changed")
    if locked:
        raise Refused("input_locked")
    return step


def check_choice(step: Step, choice: str) -> None:
    """Refuse an option, card or question id that is not part of the step."""
    if choice not in {c.id for c in step.choices}:
        raise Refused("unknown_choice")


def check_reaction(reaction: str) -> None:
    """Refuse a reaction that is not one of the known faces."""
    if reaction not in REACTIONS:
        raise Refused("unknown_choice")


@dataclass(frozen=True)
class VoteCount:
    """How many votes a child has used in a vote step, in all and on one idea."""

    used: int
    on_idea: int


def check_vote(step: Step, count: VoteCount) -> None:
    """Refuse a vote past the child's budget or past the limit on one idea."""
    if count.used >= step.budget:
        raise Refused("no_votes_left", budget=step.budget)
    if count.on_idea >= step.max_per_idea:
        raise Refused("idea_vote_limit", maximum=step.max_per_idea)


TIMER_MAX_MINUTES = 120  # longer than any workshop; a typing slip, not a plan


def timer_minutes(value: object, default: int) -> int:
    """The minutes a leader asked the timer for (`default` when none were given): a whole
    number from 1 to TIMER_MAX_MINUTES, or refused with the range."""
    if value is None or value == "":
        return default
    minutes = None
    if isinstance(value, int) and not isinstance(value, bool):
        minutes = value
    elif isinstance(value, float) and value.is_integer():
        minutes = int(value)
    elif isinstance(value, str) and value.strip().isdigit():
        minutes = int(value.strip())
    if minutes is None or not 1 <= minutes <= TIMER_MAX_MINUTES:
        raise Refused("timer_minutes_invalid", maximum=TIMER_MAX_MINUTES)
    return minutes


def check_timer_total(seconds_left: float | None) -> None:
    """Adding time never makes a timer longer than TIMER_MAX_MINUTES."""
    if seconds_left is not None and seconds_left > TIMER_MAX_MINUTES * 60:
        raise Refused("timer_minutes_invalid", maximum=TIMER_MAX_MINUTES)


@dataclass(frozen=True)
class Timer:
    """A step timer: running until `ends_at`, or paused with `remaining` seconds."""

    ends_at: float | None = None
    remaining: float | None = None

    def start(self, now: float, seconds: float) -> Timer:
        """Start (or restart) the timer for `seconds`."""
        return Timer(ends_at=now + seconds)

    def resume(self, now: float) -> Timer:
        """Continue a paused timer."""
        if self.remaining is None:
            return self
        return Timer(ends_at=now + self.remaining)

    def pause(self, now: float) -> Timer:
        """Stop the clock, keeping what is left."""
        if self.ends_at is None:
            return self
        return Timer(remaining=max(0.0, self.ends_at - now))

    def add(self, now: float, seconds: float) -> Timer:
        """Add time to a running, paused or finished timer."""
        if self.ends_at is not None:
            return Timer(ends_at=max(self.ends_at, now) + seconds)
        return Timer(remaining=(self.remaining or 0.0) + seconds)

    def left(self, now: float) -> float | None:
        """Seconds left, or None when there is no timer."""
        if self.ends_at is not None:
            return max(0.0, self.ends_at - now)
        return self.remaining


def ballot(ideas: list[dict]) -> list[dict]:
    """The ideas children vote on or question: the shortlist once the leader has made one
    (with hundreds of children that is the only list a tablet can show), else all of them."""
    shortlisted = [i for i in ideas if i.get("shortlisted")]
    return shortlisted or ideas


def check_on_ballot(idea_shortlisted: bool, shortlist_exists: bool) -> None:
    """Refuse a vote for an idea left off the shortlist (a tablet that had not heard yet)."""
    if shortlist_exists and not idea_shortlisted:
        raise Refused("idea_gone")
