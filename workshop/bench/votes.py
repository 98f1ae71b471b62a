"""The voting round: reveal, every tablet casts its votes, tallies must reach every tablet.

Each room's final tally has as many votes as were acknowledged there (the bench only adds
votes). The figure the issue asks for: from the moment of a room's last vote until each of
its tablets has a tally with that final total."""

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
            await tablet.submit("vote", {"idea_id": idea_id},
                                f"vote-{run}-{tablet.index:06d}-{n}",
                                max(1.0, deadline - time.perf_counter()))
            record["t_ack"] = time.perf_counter()
        except Refusal as exc:
            record["problem"] = f"refused: {exc}"
        except Exception as exc:  # noqa: BLE001
            record["problem"] = describe(exc)


def _final(rooms: list[Room], votes: list[dict]) -> dict[int, tuple[int, float]]:
    """Per room (by workshop id): the final total of votes and the moment of the last vote."""
    final: dict[int, tuple[int, float]] = {}
    for v in votes:
        if "t_ack" in v:
            total, last = final.get(v["room"].workshop_id, (0, 0.0))
            final[v["room"].workshop_id] = (total + 1, max(last, v["t_vote"]))
    return {r.workshop_id: final.get(r.workshop_id, (0, 0.0)) for r in rooms}


def _caught_up(rooms: list[Room], final: dict) -> list[float | None]:
    """For each listening tablet: seconds from its room's last vote to its final tally."""
    out = []
    for room in rooms:
        total, last = final[room.workshop_id]
        for tablet in room.listening():
            seen = tablet.saw_total(total) if total else None
            out.append(None if seen is None else max(0.0, seen - last))
    return out


async def vote_round(rooms: list[Room], opts: Options) -> dict:
    """Go to the vote step, reveal, re-hello, vote; the figures."""
    try:
        for room in rooms:
            if opts.ballot and len(room.idea_ids) > opts.ballot:
                # as a leader of a big group does: the children vote on a shortlist
                for idea_id in random.sample(room.idea_ids, opts.ballot):
                    await room.screen.shortlist(idea_id)
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
    acked = [v for v in votes if "t_ack" in v]
    final = _final(rooms, votes)
    await wait_for_condition(lambda: None not in _caught_up(rooms, final), deadline, 0.2)
    caught_up = _caught_up(rooms, final)
    return {
        "rehello": rehello, "voters": len(voters), "sent": len(votes), "acked": len(acked),
        "final_total": sum(total for total, _ in final.values()),
        "tablets_with_final_tally": sum(1 for c in caught_up if c is not None),
        "tablets_without": sum(1 for c in caught_up if c is None),
        "results_messages": sum(r.results_events for r in rooms),
        "failures": top(Counter(v["problem"] for v in votes if "problem" in v)),
        "vote_ack_ms": summary([v["t_ack"] - v["t_vote"] for v in acked]),
        "last_vote_to_tally_ms": summary([c for c in caught_up if c is not None]),
    }
