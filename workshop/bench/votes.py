"""The voting round: reveal, every tablet casts its votes, tallies must reach every tablet.

A vote's acknowledgement carries the tally including it; its total number of votes k
names it (with one database, commits are serialised so each total belongs to one vote).
A tablet has "seen" vote k once a `results` tally with a total of k or more arrives."""

from __future__ import annotations

import random
import secrets
import time
from collections import Counter

from .clients import Refusal, Room, Tablet
from .phases import Options, bounded, describe, sleep_until, top, wait_for_condition
from .stats import summary


def pick_votes(ideas: list[int], budget: int, max_per_idea: int) -> list[int]:
    """The ideas a child gives its votes to, within the budget and the per-idea limit."""
    counts: Counter = Counter()
    pool, picks = list(ideas), []
    while pool and len(picks) < budget:
        idea = random.choice(pool)
        picks.append(idea)
        counts[idea] += 1
        if counts[idea] >= max_per_idea:
            pool.remove(idea)
    return picks


async def _rehello(tablets: list[Tablet], timeout: float) -> dict:
    """Every tablet catches up at once after the step change, as the tablet app does
    (`shared` arrived for all; each asks `tablet_own`)."""
    times, errors = [], Counter()

    async def one(tablet: Tablet) -> None:
        """One tablet's hello, timed."""
        begin = time.perf_counter()
        try:
            await tablet.follow()
            times.append(time.perf_counter() - begin)
        except Exception as exc:  # noqa: BLE001
            tablet.state = {}
            errors[describe(exc)] += 1

    begin = time.perf_counter()
    unfinished = await bounded([one(t) for t in tablets], timeout)
    return {"wall_s": round(time.perf_counter() - begin, 2), "ok": len(times),
            "failed": sum(errors.values()) + unfinished, "failures": top(errors),
            "hello_ms": summary(times)}


async def _cast(tablet: Tablet, votes: list[dict], run: str, start: float, opts: Options,
                deadline: float) -> None:
    """One tablet's votes at random moments of the window, one after the other."""
    step = tablet.state.get("step") or {}
    ideas = [i["id"] for i in tablet.state.get("ideas", [])]
    picks = pick_votes(ideas, step.get("budget") or 3, step.get("max_per_idea") or 1)
    moments = sorted(start + random.uniform(0, opts.burst) for _ in picks)
    for n, (moment, idea_id) in enumerate(zip(moments, picks, strict=True)):
        await sleep_until(moment)
        record = {"room": tablet.room, "t_vote": time.perf_counter()}
        votes.append(record)
        try:
            result = await tablet.submit("vote", {"idea_id": idea_id},
                                         f"vote-{run}-{tablet.index:06d}-{n}",
                                         max(1.0, deadline - time.perf_counter()))
            record["t_ack"] = time.perf_counter()
            record["key"] = sum(result["tally"]["votes"].values())
        except Refusal as exc:
            record["problem"] = f"refused: {exc}"
        except Exception as exc:  # noqa: BLE001
            record["problem"] = describe(exc)


def _reached(record: dict) -> bool:
    """True when every connected tablet of the room has a tally including this vote."""
    room: Room = record["room"]
    return room.reach_count.get(record["key"], 0) >= len(room.listening())


async def vote_round(rooms: list[Room], opts: Options) -> dict:
    """Go to the vote step, reveal, re-hello, vote; the figures."""
    try:
        for room in rooms:
            await room.screen.control("goto", room.screen.step_of("vote"))
            await room.screen.control("reveal")
    except Exception as exc:  # noqa: BLE001 - no vote step, no round
        return {"error": f"the leader could not open the vote step: {describe(exc)}"}
    tablets = [t for room in rooms for t in room.listening()]
    rehello = await _rehello(tablets, opts.settle + 30)
    run, votes = secrets.token_hex(4), []
    start = time.perf_counter() + 0.5
    deadline = start + opts.burst + opts.settle
    voters = [t for t in tablets if (t.state.get("step") or {}).get("kind") == "vote"
              and not t.dropped]
    await bounded([_cast(t, votes, run, start, opts, deadline) for t in voters],
                  deadline - time.perf_counter() + 5)
    acked = [v for v in votes if "key" in v]
    await wait_for_condition(lambda: all(_reached(v) for v in acked), deadline, 0.2)
    reached = [v for v in acked if _reached(v)]
    return {
        "rehello": rehello, "voters": len(voters), "sent": len(votes), "acked": len(acked),
        "reached_all": len(reached), "incomplete": len(acked) - len(reached),
        "results_messages": sum(r.results_events for r in rooms),
        "failures": top(Counter(v["problem"] for v in votes if "problem" in v)),
        "vote_ack_ms": summary([v["t_ack"] - v["t_vote"] for v in acked]),
        "vote_all_tablets_ms": summary([v["room"].reach_last[v["key"]] - v["t_vote"]
                                        for v in reached]),
    }
