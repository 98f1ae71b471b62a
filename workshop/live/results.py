"""Vote tallies and poll counts: each server process tells its own screens and tablets, a
few times a second, when the totals have changed.

Sending the totals with every vote made a 2,000-tablet vote round cost millions of
messages. A timer started by a vote did not work with several processes either: a process
hears only its own tablets' votes, yet its tablets must see the others' too, and every
process sent to every tablet (measured: 244,000 messages and 2,849 votes timed out with
two processes). So each process looks at the workshops its own clients are in, reads their
totals with a few indexed queries per tick, and sends what changed to its own clients only.
"""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Callable

from ..services import snapshots
from . import rooms

log = logging.getLogger(__name__)

IDLE_TICKS = 20  # stop after this many ticks without a client on this process


def results_every(base: float, children: int) -> float:
    """Seconds between tally messages: `base` up to 1,000 children in the workshop, then
    longer, so that sending them stays a small part of the work (2,000: two a second). It
    counts the whole class, not this process's share, so that two processes do not send
    twice as often as one."""
    return base * max(1.0, children / 1000)


class ResultsTicker:
    """Runs while this process has screens or tablets connected. (A screen whose leader
    moves on from another process, and whose children vote on another process, hears of
    neither here; so the ticker does not wait for a vote step to start.)"""

    def __init__(self, clients: dict[str, dict], send: Callable[..., None],
                 start: Callable[..., object], sleep: Callable[[float], None]) -> None:
        self.clients, self.send, self.start, self.sleep = clients, send, start, sleep
        self.last: dict[int, dict] = {}      # workshop id -> totals last sent
        self.sent_at: dict[int, float] = {}  # workshop id -> when
        self._running = False
        self._lock = threading.Lock()

    def wake(self, app) -> None:
        """Make sure the ticker runs (a tablet or screen arrived, or someone voted)."""
        with self._lock:
            if self._running:
                return
            self._running = True
        self.start(self._run, app)

    def _run(self, app) -> None:
        idle = 0
        try:
            while idle < IDLE_TICKS and not app.extensions["db"].closed:
                base = app.config.get("RESULTS_EVERY", 0.25)
                self.sleep(base)
                try:
                    idle = 0 if self.tick(app, base) else idle + 1
                except Exception:  # noqa: BLE001 - the next tick tries again
                    log.exception("sending results failed")
        finally:
            with self._lock:
                self._running = False

    def tick(self, app, base: float, now: float | None = None) -> int:
        """Send changed totals of the local clients' workshops; how many workshops have
        clients here (0 lets the ticker stop)."""
        now = time.monotonic() if now is None else now
        tablets: dict[int, int] = {}
        for client in list(self.clients.values()):
            if client.get("workshop_id"):
                tablets.setdefault(client["workshop_id"], 0)
                tablets[client["workshop_id"]] += client.get("kind") == "tablet"
        if not tablets:
            return 0
        with app.app_context(), app.extensions["db"].begin() as dbs:
            results = snapshots.step_results_of(dbs, list(tablets))
            changed = [w for w, totals in results.items() if self.last.get(w) != totals]
            sizes = snapshots.class_sizes(dbs, changed) if changed else {}
        for workshop_id in changed:
            totals = results[workshop_id]
            size = max(tablets[workshop_id], sizes.get(workshop_id, 0))
            if now - self.sent_at.get(workshop_id, 0.0) < results_every(base, size):
                continue
            self.last[workshop_id], self.sent_at[workshop_id] = totals, now
            self.send("results", totals, rooms.screen(workshop_id))
            if totals["revealed"]:
                self.send("results", totals, rooms.tablets(workshop_id))
        for gone in set(self.last) - set(results):
            self.last.pop(gone, None)
        return len(tablets)
