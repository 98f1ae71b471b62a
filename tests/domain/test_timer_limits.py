"""The leader's timer takes whole minutes from 1 to 120; anything else is refused."""

import pytest

from workshop.domain import flow
from workshop.domain.errors import Refused


@pytest.mark.parametrize("value, minutes", [(None, 5), ("", 5), (1, 1), (120, 120), ("15", 15),
                                            (7.0, 7), (" 3 ", 3)])
def test_sensible_minutes_are_taken(value, minutes):
    assert flow.timer_minutes(value, 5) == minutes


@pytest.mark.parametrize("value", [0, -5, 121, 10**9, 1.5, float("nan"), float("inf"), "abc",
                                   "-3", "1e9", True, [], {"x": 1}])
def test_absurd_minutes_are_refused_with_the_range(value):
    with pytest.raises(Refused) as caught:
        flow.timer_minutes(value, 5)
    assert caught.value.code == "timer_minutes_invalid"
    assert caught.value.detail == {"maximum": 120}


def test_adding_never_makes_a_timer_longer_than_the_maximum():
    flow.check_timer_total(120 * 60)
    flow.check_timer_total(None)
    with pytest.raises(Refused):
        flow.check_timer_total(120 * 60 + 1)
