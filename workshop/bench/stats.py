"""Small statistics: percentiles of latencies, an event-loop lag probe, CPU of this process."""

from __future__ import annotations

import asyncio
import math
import os
import time


def percentile(ordered: list[float], q: float) -> float:
    """The nearest-rank q-th percentile (0-100) of an ascending list."""
    rank = max(1, math.ceil(q / 100 * len(ordered)))
    return ordered[min(rank, len(ordered)) - 1]


def summary(seconds: list[float]) -> dict:
    """Count, median, p95, p99 and max of durations in seconds, as milliseconds."""
    if not seconds:
        return {"n": 0, "median": None, "p95": None, "p99": None, "max": None}
    ordered = sorted(seconds)
    ms = {q: round(percentile(ordered, q) * 1000, 1) for q in (50, 95, 99, 100)}
    return {"n": len(ordered), "median": ms[50], "p95": ms[95], "p99": ms[99], "max": ms[100]}


def own_cpu() -> float:
    """CPU seconds (user + system) this bench process has used so far."""
    times = os.times()
    return times.user + times.system


class LagProbe:
    """Measures how late the bench's own event loop wakes up (a client-side bottleneck)."""

    def __init__(self, every: float = 0.05) -> None:
        """Set up the fields."""
        self.every = every
        self.worst = 0.0
        self.task: asyncio.Task | None = None

    def start(self) -> None:
        """Start probing in the running loop."""
        self.task = asyncio.get_running_loop().create_task(self._run())

    async def _run(self) -> None:
        """Sleep a fixed time, again and again, and keep the worst oversleep."""
        while True:
            before = time.perf_counter()
            await asyncio.sleep(self.every)
            self.worst = max(self.worst, time.perf_counter() - before - self.every)

    def take(self) -> float:
        """The worst lag in ms since the last take, and start over."""
        worst, self.worst = self.worst, 0.0
        return round(worst * 1000, 1)

    def stop(self) -> None:
        """Stop probing."""
        if self.task:
            self.task.cancel()


def deltas(marks: dict[str, float]) -> dict[str, float]:
    """Differences between consecutive marks, named by the later mark."""
    names = list(marks)
    return {b: round(marks[b] - marks[a], 2) for a, b in zip(names, names[1:], strict=False)}
