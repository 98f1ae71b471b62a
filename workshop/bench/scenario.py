"""The product run: screens, tablets joining, the idea burst, optionally the votes."""

from __future__ import annotations

import asyncio
import gc
import time
from collections import Counter

from .clientlog import closing
from .clients import Room, Tablet
from .ideas import idea_burst
from .idle import IdleProbe
from .phases import Options, bounded, describe, top
from .servers import SetupError
from .stats import LagProbe, deltas, own_cpu, summary
from .stress import Targets, stress_burst
from .votes import vote_round

QUIET = 3.0  # seconds of the idle socket alone before the tablets join


async def open_screens(rooms: list[Room]) -> None:
    """Each classroom screen connects, says hello and goes to the ideas step."""
    for room in rooms:
        try:
            await room.screen.open()
            await room.screen.control("goto", room.screen.step_of("ideas"))
        except Exception as exc:  # noqa: BLE001 - no screen, nothing to measure
            raise SetupError(f"classroom screen of workshop {room.workshop_id}: "
                             f"{describe(exc)}") from exc


def make_tablets(rooms: list[Room], urls: list[str], count: int) -> list[Tablet]:
    """Tablets spread evenly over the workshops and round-robin over the server processes."""
    tablets = []
    for i in range(count):
        tablet = Tablet(i, urls[i % len(urls)], rooms[i % len(rooms)])
        tablet.room.tablets.append(tablet)
        tablets.append(tablet)
    return tablets


async def join_all(tablets: list[Tablet], opts: Options) -> dict:
    """Connect, join and hello every tablet, `join_concurrency` at a time; the figures."""
    gate = asyncio.Semaphore(opts.join_concurrency)
    times, errors = [], Counter()
    last = [time.perf_counter()]

    async def one(tablet: Tablet) -> None:
        """One tablet joins, timed from its own start."""
        async with gate:
            begin = time.perf_counter()
            try:
                await tablet.join()
                times.append(time.perf_counter() - begin)
                last[0] = time.perf_counter()
            except Exception as exc:  # noqa: BLE001
                errors[describe(exc)] += 1

    begin = time.perf_counter()
    unfinished = await bounded([one(t) for t in tablets], opts.join_timeout)
    if unfinished:
        errors[f"not joined within {opts.join_timeout:.0f} s"] += unfinished
    wall = last[0] - begin if times else 0.0
    return {"joined": len(times), "failed": len(tablets) - len(times),
            "wall_s": round(wall, 2), "per_s": round(len(times) / wall, 1) if wall else None,
            "join_ms": summary(times), "failures": top(errors)}


async def close_all(rooms: list[Room]) -> None:
    """Disconnect the tablets, end the workshops, disconnect the screens (bounded)."""
    await bounded([t.close() for room in rooms for t in room.tablets if t.sio.connected], 30)
    for room in rooms:
        try:
            if room.screen.sio.connected:
                await asyncio.wait_for(room.screen.control("end"), 30)
        except Exception:  # noqa: BLE001 - ending is courtesy, not a figure
            pass
    await bounded([room.screen.close() for room in rooms], 10)


def drops(rooms: list[Room], ends: dict[str, float]) -> dict:
    """Connections the server side ended: how many, in which phase, and why."""
    def phase(moment: float) -> str:
        """The first phase that ended after this moment."""
        return next((name for name, end in ends.items() if moment <= end), "end")

    tablets = [t.drop for room in rooms for t in room.tablets if t.drop]
    screens = [r.screen.drop for r in rooms if r.screen.drop]
    return {"tablets": len(tablets), "screens": len(screens),
            "tablets_by_phase": dict(Counter(phase(m) for m, _ in tablets)),
            "screens_by_phase": dict(Counter(phase(m) for m, _ in screens)),
            "reasons": dict(Counter(why for _, why in tablets + screens))}


async def run_product(rooms: list[Room], urls: list[str], opts: Options, monitor,
                      targets: Targets | None = None) -> dict:
    """The whole run (the product's, or the raw baseline's); figures per phase, and the
    idle socket's round trip per phase."""
    probe, figures, cpu = LagProbe(), {}, {"start": own_cpu()}
    ends: dict[str, float] = {}
    windows: list[tuple[str, float, float]] = []

    def window(name: str, start: float, end: float | None = None) -> None:
        """A named stretch of time (monotonic) to file the idle round trips under."""
        windows.append((name, start, time.monotonic() if end is None else end))

    probe.start()
    idle = None
    try:
        await open_screens(rooms)
        idle = await asyncio.to_thread(IdleProbe, urls[0])
        began = time.monotonic()
        await asyncio.sleep(QUIET)
        window("quiet", began)
        tablets = make_tablets(rooms, urls, opts.tablets)
        monitor.mark("setup")
        began = time.monotonic()
        figures["join"] = await join_all(tablets, opts)
        window("join", began)
        monitor.mark("join")
        ends["join"] = time.perf_counter()
        cpu["join"], figures["join"]["bench_loop_lag_ms"] = own_cpu(), probe.take()
        # The simulated tablets share one process; its own full garbage collections (0.3 s
        # with 2,000 clients) would count as server latency. Real tablets are separate.
        gc.collect()
        gc.freeze()
        began = time.monotonic()
        figures["ideas"] = await idea_burst(rooms, opts)
        window("ideas", began)
        monitor.mark("ideas")
        ends["ideas"] = time.perf_counter()
        cpu["ideas"], figures["ideas"]["bench_loop_lag_ms"] = own_cpu(), probe.take()
        if opts.at_once:
            began = time.monotonic()
            figures["at_once"] = await idea_burst(rooms, opts, burst=0.0)
            window("at_once", began)
            monitor.mark("at_once")
            ends["at_once"] = time.perf_counter()
            cpu["at_once"], figures["at_once"]["bench_loop_lag_ms"] = own_cpu(), probe.take()
        if opts.stress and targets is not None:
            figures["stress"] = await stress_burst(rooms, opts, targets, window)
            monitor.mark("stress")
            ends["stress"] = time.perf_counter()
            cpu["stress"] = own_cpu()
            figures["stress"]["ideas"]["bench_loop_lag_ms"] = probe.take()
        if opts.votes:
            began = time.monotonic()
            figures["votes"] = await vote_round(rooms, opts)
            window("votes", began)
            monitor.mark("votes")
            ends["votes"] = time.perf_counter()
            cpu["votes"], figures["votes"]["bench_loop_lag_ms"] = own_cpu(), probe.take()
        figures["dropped"] = drops(rooms, ends)
    finally:
        gc.unfreeze()
        probe.stop()
        if idle is not None:
            idle.stop()
            figures["idle_rtt_ms"] = idle.figures(windows)
        closing(True)
        await close_all(rooms)
        closing(False)
    figures["bench_cpu_s"] = deltas(cpu)
    return figures
