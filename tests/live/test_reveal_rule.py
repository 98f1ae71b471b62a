"""Every counted step follows its plan's reveal rule: the inspire poll is "reveal" (no
counts on the screen or the tablets until "Show results"), its cards are "live"."""

import time

from .helpers import Screen, Tablet, goto, start_workshop


def wait_results(tablet, timeout: float = 3.0):
    end, seen = time.monotonic() + timeout, []
    while time.monotonic() < end and not seen:
        seen = [e["args"][0] for e in tablet.received() if e["name"] == "results"]
        time.sleep(0.05)
    return seen


def test_poll_on_reveal_and_cards_live(app, client, leader):
    _, wid = start_workshop(leader, position=1)
    screen = Screen(app, client, wid)
    sam = Tablet(app, screen.state["code"])
    poll = goto(screen, "poll")
    assert poll["step"]["results"] == "reveal" and poll["revealed"] is False
    sam.hello()
    assert "counts" not in sam.state and sam.state["revealed"] is False
    choice = poll["step"]["choices"][0]["id"]
    assert sam.submit("poll", {"choice": choice})["ok"]
    hidden = screen.results({choice: 1})
    assert hidden["revealed"] is False        # the screen shows no numbers with this
    assert wait_results(sam, 1.0) == []       # the tablets hear nothing
    shown = screen.control("reveal")
    assert shown["revealed"] is True and shown["counts"] == {choice: 1}
    assert any(r["revealed"] and r["counts"] == {choice: 1} for r in wait_results(sam))
    assert screen.control("hide_results")["revealed"] is False

    cards = goto(screen, "cards")
    assert cards["step"]["results"] == "live" and cards["revealed"] is True
    sam.hello()
    card = cards["step"]["choices"][0]["id"]
    assert sam.submit("reaction", {"card": card, "reaction": "love"})["ok"]
    live = [r for r in wait_results(sam) if r.get("counts")]
    assert live and live[-1]["revealed"] and live[-1]["counts"] == {f"{card}:love": 1}
