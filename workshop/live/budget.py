"""A budget per connection on the socket events a device can flood, and one per address on
wrong join codes, so one tablet (or a laptop with a script) cannot guess codes or fill the
wall as fast as the server answers. A device over its budget is told to slow down, in words
a child understands; the rest of the room does not notice.

Each event draws from its own bucket: `burst` events at once, refilled at `per_second`. The
tablet's outbox keeps an item that was answered "slow down" and sends it again a moment
later (static/js/live.js), so nothing a child made is lost. Wrong join codes are counted per
client address with the rate limiter's storage (Redis with a message queue: every process
shares the count), whatever connection they came over.
"""

from __future__ import annotations

import threading
import time

from flask import current_app, request

from ..domain.errors import Refused
from ..i18n.messages import error_body

# event: (burst, refill per second)
BUDGETS = {
    "on_join": (10, 0.5),
    "on_children": (10, 0.5),
    "on_pick": (10, 0.5),
    # a tablet back online sends what it kept in one go: room for a workshop's worth
    "on_submit": (100, 5.0),
    "on_done": (10, 1.0),  # "I'm done" and back: a child taps it now and then
}
CODE_EVENTS = {"on_join", "on_children", "on_pick", "on_tablet_hello", "on_ask_leader",
               "on_cancel_ask"}
WRONG_CODES = "30/minute"  # per client address, over every connection

_buckets: dict[str, dict[str, list[float]]] = {}
_lock = threading.Lock()


def slow_down() -> dict:
    """The answer to a device over its budget."""
    return error_body(Refused("slow_down"))


def check(sid: str, event: str) -> dict | None:
    """None when the connection may have this event now; else the "slow down" answer."""
    budget = BUDGETS.get(event)
    if budget is not None and not _spend(sid, event, *budget):
        return slow_down()
    if event in CODE_EVENTS and not _codes_left():
        return slow_down()
    return None


def refused(event: str, code: str) -> None:
    """Count a wrong join code against the client's address."""
    if event in CODE_EVENTS and code == "wrong_code":
        limiter, item = _limiter()
        if limiter is not None:
            try:
                limiter.limiter.hit(item, *_key())
            except Exception:  # noqa: BLE001 - the limiter's storage down
                pass


def forget(sid: str) -> None:
    """The connection is gone."""
    with _lock:
        _buckets.pop(sid, None)


def _spend(sid: str, event: str, burst: int, per_second: float) -> bool:
    now = time.monotonic()
    with _lock:
        bucket = _buckets.setdefault(sid, {}).setdefault(event, [float(burst), now])
        bucket[0] = min(float(burst), bucket[0] + (now - bucket[1]) * per_second)
        bucket[1] = now
        if bucket[0] < 1:
            return False
        bucket[0] -= 1
        return True


def _limiter():
    from limits import parse

    limiter = current_app.extensions.get("workshop_limiter")
    return limiter, parse(WRONG_CODES)


def _codes_left() -> bool:
    limiter, item = _limiter()
    if limiter is None:
        return True
    try:
        return limiter.limiter.test(item, *_key())
    except Exception:  # noqa: BLE001 - the limiter's storage down: the bucket still holds
        return True


def _key() -> tuple[str, str, str]:
    channel = current_app.config.get("MESSAGE_CHANNEL") or "workshop"
    return f"{channel}-limits", "socket-wrong-code", request.remote_addr or "unknown"
