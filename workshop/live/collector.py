"""Full garbage collections at quiet moments, not in the middle of a burst.

With 2,000 tablets connected the server holds about half a million objects, and a full
collection of them takes 0.3-0.4 s in which a gevent server answers no one. Python starts
one by itself whenever the old generation has grown by a quarter: several times while a
class joins and again during an idea burst (measured with `workshop bench --tablets 2000`).
So the server takes over the full collections: it makes one when no socket event came for
`quiet` seconds, and at least every `longest` seconds. The young collections stay
automatic; they free nearly all garbage, as socket events leave almost no cycles."""

from __future__ import annotations

import gc
import time
from collections.abc import Callable

NEVER = 1 << 30  # a generation-2 threshold that is never reached


class Collector:
    """When to make a full collection; the clock is a parameter so the rule can be tested."""

    def __init__(self, quiet: float = 2.0, longest: float = 300.0,
                 clock: Callable[[], float] = time.monotonic) -> None:
        self.quiet, self.longest, self.clock = quiet, longest, clock
        self.last_event = self.last_full = clock()
        self.runs = 0

    def event(self) -> None:
        """A socket event arrived: the server is busy now."""
        self.last_event = self.clock()

    def due(self) -> bool:
        """Quiet for a while after some work, or too long since the last full collection."""
        now = self.clock()
        quiet_after_work = (now - self.last_event >= self.quiet
                            and self.last_event > self.last_full)
        return quiet_after_work or now - self.last_full >= self.longest

    def collect(self) -> int:
        """A full collection now; the number of objects it freed."""
        freed = gc.collect()
        self.last_full = self.clock()
        self.runs += 1
        return freed


COLLECTOR = Collector()


def take_over(sleep: Callable[[float], None], start: Callable[..., object],
              collector: Collector = COLLECTOR, every: float = 1.0) -> None:
    """Freeze the objects made at start-up (modules, mappers, templates: never garbage),
    stop automatic full collections and check `collector` every `every` seconds in a
    background task started with `start` (the Socket.IO server's, so it suits gevent)."""
    gc.collect()
    gc.freeze()
    young, middle, _old = gc.get_threshold()
    gc.set_threshold(young, middle, NEVER)

    def watch() -> None:
        while True:
            sleep(every)
            if collector.due():
                collector.collect()

    start(watch)
