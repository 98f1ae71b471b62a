"""The idea burst: every tablet submits one idea at a random moment; screen and store check."""

from __future__ import annotations

import asyncio
import random
import secrets
import time
from collections import Counter

from .clients import Refusal, Room, Screen, Tablet
from .phases import Options, bounded, describe, sleep_until, top, wait_for_condition
from .stats import summary

TEXTS = ["een klimmuur met een glijbaan naar het zwembad", "een moestuin op het dak van school",
         "een podium in het park voor iedereen", "een fietsenmaker die les geeft aan kinderen"]


def idea_payload(tablet: Tablet) -> dict:
    """An idea of ordinary size: a sentence and a category of the step."""
    choices = [c["id"] for c in tablet.state["step"].get("choices") or []]
    # no number in the text: the word filter reads digits as letters ("Idee 455" is refused)
    payload = {"text": f"Een idee: {random.choice(TEXTS)}"}
    if choices:
        payload["category"] = random.choice(choices)
    return payload


async def _submit_one(tablet: Tablet, record: dict, at: float, deadline: float) -> None:
    """Wait for the tablet's moment, submit, note the acknowledgement."""
    await sleep_until(at)
    if tablet.dropped or not tablet.sio.connected:
        record["not_sent"] = True
        return
    payload = idea_payload(tablet)
    record["t_submit"] = time.perf_counter()
    while True:
        try:
            result = await tablet.submit("idea", payload, record["cid"],
                                         max(1.0, deadline - time.perf_counter()))
            record["t_ack"] = time.perf_counter()
            record["duplicate_ack"] = bool(result.get("duplicate"))
        except Refusal as exc:
            # a locked database ("db_busy": nothing stored): the same id again in a moment,
            # as a tablet's outbox does; the acknowledgement time counts from the first try
            if str(exc) == "db_busy" and time.perf_counter() + BUSY_AGAIN < deadline:
                record["busy"] = record.get("busy", 0) + 1
                await asyncio.sleep(BUSY_AGAIN)
                continue
            record["refused"] = f"refused: {exc}"
        except Exception as exc:  # noqa: BLE001 - every failure is a figure
            record["error"] = describe(exc)
        return


BUSY_AGAIN = 1.0  # seconds before an idea refused "busy" goes again


def _all_seen(rooms: list[Room], records: list[dict]) -> bool:
    """True when the screen has seen every idea that was sent."""
    return all(r["cid"] in r["room"].seen for r in records if "t_submit" in r)


async def stored_ideas(room: Room) -> int:
    """A fresh screen connection's screen_hello: ideas of this workshop in the state."""
    screen = Screen(room)
    try:
        state = await screen.open()
        return sum(1 for i in state.get("ideas", []) if i.get("workshop_id") == room.workshop_id)
    finally:
        await screen.close()


async def idea_burst(rooms: list[Room], opts: Options, burst: float | None = None) -> dict:
    """All joined tablets submit one idea within the burst window (`opts.burst` unless
    given; 0 = all at once); the figures. A tablet may take part in several bursts."""
    run, burst = secrets.token_hex(4), opts.burst if burst is None else burst
    start = time.perf_counter() + 0.5
    deadline = start + burst + opts.settle
    records, coros = [], []
    for room in rooms:
        for tablet in room.tablets:
            if tablet.joined:
                record = {"cid": f"bench-{run}-{tablet.index:06d}", "room": room}
                records.append(record)
                coros.append(_submit_one(tablet, record, start + random.uniform(0, burst),
                                         deadline))
    await bounded(coros, deadline - time.perf_counter() + 5)
    await wait_for_condition(lambda: _all_seen(rooms, records), deadline)
    stored, verify_error = 0, None
    try:
        for room in rooms:
            total = await stored_ideas(room)
            stored += total - room.stored
            room.stored = total
    except Exception as exc:  # noqa: BLE001
        verify_error = describe(exc)
    return _figures(records, stored, verify_error) | {"window_s": burst}


def _rate(sent: list[dict], seen: list[dict]) -> dict:
    """Ideas per second: seen on the screen, from the first submission to the last arrival."""
    if not seen:
        return {"seen_per_s": None, "first_submit_to_last_seen_s": None}
    first = min(r["t_submit"] for r in sent)
    last = max(r["room"].seen[r["cid"]][0] for r in seen)
    took = last - first
    return {"seen_per_s": round(len(seen) / took, 1) if took > 0 else None,
            "first_submit_to_last_seen_s": round(took, 3)}


def _figures(records: list[dict], stored: int, verify_error: str | None) -> dict:
    """Counts and latencies of the burst."""
    sent = [r for r in records if "t_submit" in r]
    acked = [r for r in sent if "t_ack" in r]
    seen = [r for r in sent if r["cid"] in r["room"].seen]
    problems = Counter(r.get("refused") or r.get("error") for r in sent if "t_ack" not in r)
    return {
        "sent": len(sent), "not_sent_disconnected": sum(1 for r in records if r.get("not_sent")),
        "acked": len(acked), "seen": len(seen),
        "lost": len(sent) - len(seen),
        "duplicated": sum(1 for r in sent if len(r["room"].seen.get(r["cid"], [])) > 1),
        "stored": stored, "verify_error": verify_error,
        "acked_after_15s": sum(1 for r in acked if r["t_ack"] - r["t_submit"] > 15),
        "sent_again_busy": sum(1 for r in sent if r.get("busy")),
        "failures": top(problems),
        "submit_ack_ms": summary([r["t_ack"] - r["t_submit"] for r in acked]),
        "submit_screen_ms": summary([r["room"].seen[r["cid"]][0] - r["t_submit"]
                                     for r in seen]),
    } | _rate(sent, seen)
