"""The rule for full garbage collections: at quiet moments, and at least every few minutes."""

from __future__ import annotations

import gc

from workshop.live.collector import NEVER, Collector, take_over


class Clock:
    def __init__(self):
        self.now = 100.0

    def __call__(self):
        return self.now


def test_collects_when_quiet_after_work_and_not_during_it():
    clock = Clock()
    c = Collector(quiet=2.0, longest=300.0, clock=clock)
    assert not c.due()  # nothing happened yet
    c.event()
    clock.now += 1.0
    assert not c.due()  # busy a second ago
    c.event()
    clock.now += 2.5
    assert c.due()
    c.collect()
    clock.now += 60
    assert not c.due()  # quiet, but nothing happened since the last collection


def test_collects_at_least_every_few_minutes_under_constant_load():
    clock = Clock()
    c = Collector(quiet=2.0, longest=300.0, clock=clock)
    for _ in range(299):
        clock.now += 1.0
        c.event()
        assert not c.due()
    clock.now += 1.0
    c.event()
    assert c.due()
    c.collect()
    assert c.runs == 1 and not c.due()


def test_take_over_stops_automatic_full_collections_and_starts_a_watch():
    before = gc.get_threshold()
    started = []
    try:
        take_over(lambda _s: None, started.append)
        assert gc.get_threshold()[2] == NEVER
        assert gc.get_freeze_count() > 0
        assert len(started) == 1 and callable(started[0])
    finally:
        gc.unfreeze()
        gc.set_threshold(*before)
