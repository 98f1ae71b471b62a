"""How often the totals of a vote, poll or cards step go out."""

from __future__ import annotations

from workshop.live.results import results_every


def test_tallies_go_out_less_often_to_very_big_classes():
    assert results_every(0.25, 30) == results_every(0.25, 1000) == 0.25
    assert results_every(0.25, 2000) == 0.5
