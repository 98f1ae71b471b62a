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
