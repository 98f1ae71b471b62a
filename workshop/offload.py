"""Heavy work off the event loop: in gevent mode a picture re-encode or a zip of thirty
photos would stop every tablet's connection while it runs, so it goes to a real thread."""

from __future__ import annotations

from collections.abc import Callable
from typing import TypeVar

T = TypeVar("T")


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
