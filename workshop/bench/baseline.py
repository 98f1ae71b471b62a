"""The baseline run: as many raw Socket.IO clients, one `echo` each in the same burst window."""

from __future__ import annotations

import asyncio
import random
import time
from collections import Counter

from .clientlog import closing
from .clients import CALL_TIMEOUT, NS, new_client
from .phases import Options, bounded, describe, sleep_until, top
from .stats import summary


def echo_payload(index: int) -> dict:
    """A message shaped and sized like a tablet's idea submission."""
    return {"client_id": f"bench-0000abcd-{index:06d}", "workshop_id": 1, "what": "idea",
            "step_index": 2, "payload": {"text": f"Idee {index + 1}: een klimmuur met een "
                                                 "glijbaan naar het zwembad", "category": "make"}}


async def _connect_all(clients: list, url: str, opts: Options, spread: float) -> dict:
    """Connect every client, `join_concurrency` at a time, paced over `spread` seconds."""
    # paced like the product's joins, so the server's pings are as spread out as there
    gate, times, errors = asyncio.Semaphore(opts.join_concurrency), [], Counter()
    start = time.perf_counter()

    async def one(index: int, sio) -> None:
        """One connection, timed."""
        await sleep_until(start + spread * index / len(clients))
        async with gate:
            begin = time.perf_counter()
            try:
                await sio.connect(url, transports=["websocket"], namespaces=[NS],
                                  wait_timeout=CALL_TIMEOUT)
                times.append(time.perf_counter() - begin)
            except Exception as exc:  # noqa: BLE001
                errors[describe(exc)] += 1

    begin = time.perf_counter()
    unfinished = await bounded([one(i, c) for i, c in enumerate(clients)],
                               opts.join_timeout + spread)
    return {"connected": len(times), "failed": len(clients) - len(times),
            "wall_s": round(time.perf_counter() - begin, 2), "connect_ms": summary(times),
            "failures": top(errors) | ({"unfinished": unfinished} if unfinished else {})}


async def _echo_burst(clients: list, opts: Options) -> dict:
    """Each connected client sends one echo at a random moment of the window."""
    start = time.perf_counter() + 0.5
    deadline = start + opts.burst + opts.settle
    times, errors = [], Counter()

    async def one(index: int, sio) -> None:
        """One echo, timed until its acknowledgement."""
        await sleep_until(start + random.uniform(0, opts.burst))
        data = echo_payload(index)
        begin = time.perf_counter()
        try:
            reply = await sio.call("echo", data, namespace=NS,
                                   timeout=max(1.0, deadline - time.perf_counter()))
            if reply != data:
                raise ValueError("echo differs")
            times.append(time.perf_counter() - begin)
        except Exception as exc:  # noqa: BLE001
            errors[describe(exc)] += 1

    live = [(i, c) for i, c in enumerate(clients) if c.connected]
    await bounded([one(i, c) for i, c in live], deadline - time.perf_counter() + 5)
    return {"sent": len(live), "acked": len(times), "failures": top(errors),
            "ack_ms": summary(times)}


async def run_baseline(url: str, opts: Options, monitor, spread: float) -> dict:
    """Connect (paced over `spread` s), burst, disconnect; the figures."""
    clients = [new_client() for _ in range(opts.tablets)]
    try:
        figures = {"connect": await _connect_all(clients, url, opts, spread)}
        monitor.mark("connect")
        figures["echo"] = await _echo_burst(clients, opts)
        monitor.mark("echo")
    finally:
        closing(True)
        await bounded([c.disconnect() for c in clients if c.connected], 30)
        closing(False)
    return figures
