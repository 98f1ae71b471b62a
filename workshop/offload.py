"""Heavy work off the event loop: in gevent mode a picture re-encode or a zip of thirty
photos would stop every tablet's connection while it runs, so it goes to a real thread."""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import TypeVar

T = TypeVar("T")
_making = threading.Lock()  # held for an instant, never across a wait


def _green() -> bool:
    try:
        from gevent import monkey
    except ImportError:  # pragma: no cover - gevent is a dependency
        return False
    return monkey.is_module_patched("socket")


def off_loop(work: Callable[..., T], *args, **kwargs) -> T:
    """Run `work` in gevent's thread pool when the loop is gevent's; else just call it."""
    if not _green():
        return work(*args, **kwargs)
    import gevent

    return gevent.get_hub().threadpool.apply(work, args, kwargs)


class Capped:
    """At most `limit` pieces of this work at once off the loop; the rest wait their turn
    as greenlets (gevent) or threads, so the loop never waits for a turn.

    For password hashing: scrypt holds 32 MB while it runs, and ten wrong logins at once
    ran side by side in gevent's thread pool: +319 MB (663 MB at the peak of the bench's
    `--stress` run). Two at a time also leave the tablets' event loop more of the
    interpreter (a check lets go of it only inside OpenSSL)."""

    def __init__(self, limit: int) -> None:
        self.limit = limit
        self._turns = None  # made at first use: gevent's patching comes after the import

    def _semaphore(self):
        with _making:  # two threads using it first must not make one each
            if self._turns is None:
                if _green():
                    from gevent.lock import BoundedSemaphore
                else:
                    from threading import BoundedSemaphore
                self._turns = BoundedSemaphore(self.limit)
        return self._turns

    def __call__(self, work: Callable[..., T], *args, **kwargs) -> T:
        with self._semaphore():
            return off_loop(work, *args, **kwargs)


def off_loop_each(work: Callable[..., T], calls: list[tuple]) -> list[T]:
    """Run `work(*args)` for each args tuple in real threads, one core fewer than the
    machine has (Pillow lets go of the interpreter lock while it codes), so the event loop
    keeps a core for the tablets; results in order."""
    import os

    workers = max(1, (os.cpu_count() or 2) - 1)
    if not _green():
        from concurrent.futures import ThreadPoolExecutor

        with ThreadPoolExecutor(max_workers=workers) as pool:
            return list(pool.map(lambda args: work(*args), calls))
    import gevent

    pool, results = gevent.get_hub().threadpool, []
    for start in range(0, len(calls), workers):
        jobs = [pool.spawn(work, *args) for args in calls[start:start + workers]]
        results.extend(job.get() for job in jobs)
    return results
