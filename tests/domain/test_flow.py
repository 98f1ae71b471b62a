"""The live workshop's rules: what a step accepts, votes, the timer, the lifecycle."""

import pytest

from workshop.domain import flow
from workshop.domain.errors import Refused
from workshop.domain.plans import parse_plan

PLAN = parse_plan("""name: t
kind: dream
title: T
steps:
  - {kind: welcome, title: W, prompt: W}
  - {kind: ideas, title: I, prompt: I, categories: [{id: make, label: M}]}
  - {kind: vote, title: V, prompt: V, budget: 3, max_per_idea: 2}
  - {kind: wrapup, title: E, prompt: E}
""")


def refused(code, fn, *args, **kwargs):
    with pytest.raises(Refused) as caught:
        fn(*args, **kwargs)
    assert caught.value.code == code


def test_a_step_takes_only_its_own_kind_of_input():
    assert flow.check_input(PLAN, 1, 1, "idea", locked=False, status="live").kind == "ideas"
    refused("step_changed", flow.check_input, PLAN, 1, 1, "vote", locked=False, status="live")
    refused("step_changed", flow.check_input, PLAN, 0, 0, "idea", locked=False, status="live")


def test_locked_input_and_lifecycle():
    refused("input_locked", flow.check_input, PLAN, 1, 1, "idea", locked=True, status="live")
    refused("workshop_not_started", flow.check_input, PLAN, 1, 1, "idea", locked=False,
            status="planned")
    refused("workshop_live", flow.can_start, "live")
    refused("workshop_ended", flow.can_start, "ended")
    flow.can_start("planned")


def test_what_a_child_made_offline_is_accepted_after_the_screen_moved_on():
    # an idea typed in the ideas step arrives when the screen shows the vote step
    assert flow.check_input(PLAN, 2, 1, "idea", locked=True, status="live").kind == "ideas"
    assert flow.check_input(PLAN, 3, 1, "idea", locked=False, status="ended").kind == "ideas"
    # a vote for a step that is over does not count
    refused("step_changed", flow.check_input, PLAN, 3, 2, "vote", locked=False, status="live")
    refused("workshop_ended", flow.check_input, PLAN, 2, 2, "vote", locked=False,
            status="ended")


@pytest.mark.parametrize("submitted", [-1, 4, "1", None, True])
def test_a_step_index_from_a_tablet_is_checked(submitted):
    with pytest.raises(Refused):
        flow.check_input(PLAN, 1, submitted, "idea", locked=False, status="live")


def test_vote_budget_and_limit_per_idea():
    step = PLAN.steps[2]
    flow.check_vote(step, flow.VoteCount(used=2, on_idea=1))
    refused("no_votes_left", flow.check_vote, step, flow.VoteCount(used=3, on_idea=0))
    refused("idea_vote_limit", flow.check_vote, step, flow.VoteCount(used=2, on_idea=2))


def test_moving_between_steps_stays_in_the_plan():
    assert flow.move(PLAN, 0, delta=1) == 1
    assert flow.move(PLAN, 3, to=0) == 0
    refused("no_such_step", flow.move, PLAN, 3, delta=1)
    refused("no_such_step", flow.move, PLAN, 0, delta=-1)


def test_timer_start_pause_resume_add():
    timer = flow.Timer().start(100.0, 300)
    assert timer.left(160.0) == 240.0
    paused = timer.pause(160.0)
    assert paused.ends_at is None and paused.left(999.0) == 240.0
    resumed = paused.resume(200.0)
    assert resumed.left(200.0) == 240.0
    assert resumed.add(200.0, 60).left(200.0) == 300.0
    assert paused.add(0, 60).left(0) == 300.0
    finished = flow.Timer().start(0.0, 10)
    assert finished.left(50.0) == 0.0
    assert finished.add(50.0, 60).left(50.0) == 60.0  # a minute more after time ran out
