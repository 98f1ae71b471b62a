"""Shared helpers of the measured phases: options, error labels, bounded waiting."""

from __future__ import annotations

import asyncio
import time
from collections import Counter
from dataclasses import dataclass


@dataclass
class Options:
    """What one run does."""

    tablets: int = 30
    workshops: int = 1
    burst: float = 10.0
    votes: bool = False
    ballot: int = 12
    join_concurrency: int = 50
    join_timeout: float = 240.0
    settle: float = 30.0
    at_once: bool = True  # a second idea each, all at once (ideas per second)
    stress: bool = False  # a third idea each, with posters, wrong logins and a locked file


def describe(exc: BaseException) -> str:
    """A short label for an error, to count alike errors together."""
    text = str(exc).strip().splitlines()[0][:80] if str(exc).strip() else ""
    return f"{type(exc).__name__}: {text}" if text else type(exc).__name__


def top(errors: Counter, n: int = 4) -> dict:
    """The most common error labels with their counts."""
    return dict(errors.most_common(n))


async def sleep_until(moment: float) -> None:
    """Sleep until a perf_counter moment."""
    await asyncio.sleep(max(0.0, moment - time.perf_counter()))


async def bounded(coros: list, timeout: float) -> int:
    """Run coroutines together; cancel what is still running after `timeout`; how many."""
    if not coros:
        return 0
    tasks = [asyncio.ensure_future(c) for c in coros]
    _done, pending = await asyncio.wait(tasks, timeout=timeout)
    for task in pending:
        task.cancel()
    if pending:
        await asyncio.wait(pending, timeout=5)
    return len(pending)


async def wait_for_condition(check, deadline: float, every: float = 0.05) -> bool:
    """Poll `check()` until it is true or the perf_counter deadline passes."""
    while not check():
        if time.perf_counter() >= deadline:
            return False
        await asyncio.sleep(every)
    return True


def _settle(loop: asyncio.AbstractEventLoop, tasks: list, timeout: float) -> None:
    """Let cancelled tasks finish for at most `timeout` seconds."""
    if tasks:
        try:
            loop.run_until_complete(asyncio.wait(tasks, timeout=timeout))
        except BaseException:  # noqa: BLE001 - on the way out anyway
            pass


def run_bounded(coro, grace: float = 10.0):
    """Run a coroutine in its own loop; on Ctrl-C or an error, allow `grace` s to clean up."""
    loop = asyncio.new_event_loop()
    main = loop.create_task(coro)
    try:
        return loop.run_until_complete(main)
    except BaseException:
        main.cancel()
        _settle(loop, [main], grace)
        raise
    finally:
        leftovers = [t for t in asyncio.all_tasks(loop) if not t.done()]
        for task in leftovers:
            task.cancel()
        _settle(loop, leftovers, 5)
        loop.close()
