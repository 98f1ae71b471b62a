"""The inspire workshop: open questions on a wall, a picture poll, reactions to cards."""

from .helpers import Screen, Tablet, goto, start_workshop


def test_poll_cards_and_answers_reach_the_screen(app, client, leader):
    _, wid = start_workshop(leader, position=1)
    screen = Screen(app, client, wid)
    sam, noor = Tablet(app, screen.state["code"]), Tablet(app, screen.state["code"], "Noor")

    poll = goto(screen, "poll")
    options = [c["id"] for c in poll["step"]["choices"]]
    sam.hello()
    noor.hello()
    assert sam.submit("poll", {"choice": options[0]})["ok"]
    assert sam.submit("poll", {"choice": options[1]})["ok"]  # changed her mind
    assert noor.submit("poll", {"choice": options[1]})["ok"]
    # counts go to the screen a few times a second, not with every answer
    assert screen.results({options[1]: 2})["counts"] == {options[1]: 2}
    assert not [e for e in sam.received() if e["name"] == "results"]  # not revealed yet
    assert sam.submit("poll", {"choice": "unicorns"})["error"] == "unknown_choice"

    cards = goto(screen, "cards")
    card = cards["step"]["choices"][0]["id"]
    sam.hello()
    assert sam.submit("reaction", {"card": card, "reaction": "love"})["ok"]
    assert sam.submit("reaction", {"card": card, "reaction": "hmm"})["ok"]
    assert sam.submit("reaction", {"card": card, "reaction": "meh"})["error"] == "unknown_choice"
    assert screen.results({f"{card}:hmm": 1})["counts"] == {f"{card}:hmm": 1}

    goto(screen, "question")
    sam.hello()
    assert sam.submit("answer", {"text": "Naar de bso"})["ok"]
    assert sam.submit("answer", {"text": "Voetbal"})["ok"]
    state = screen.control("next")
    screen.control("prev")
    sam.hello()
    assert [m["text"] for m in sam.state["mine"]] == ["Naar de bso", "Voetbal"]
    assert state["step"]["kind"] != "question" or state["items"] == []

    wrapup = goto(screen, "wrapup")
    kinds = [s["step"]["kind"] for s in wrapup["summary"]]
    assert kinds == ["poll", "cards"]
    assert wrapup["summary"][0]["counts"] == {options[1]: 2}


def test_answers_wait_for_approval_and_hidden_ones_leave_the_wall(app, client, leader):
    _, wid = start_workshop(leader, position=1)
    screen = Screen(app, client, wid)
    sam = Tablet(app, screen.state["code"])
    goto(screen, "question")
    sam.hello()
    shown = sam.submit("answer", {"text": "zichtbaar"})["result"]["item"]
    screen.control("approval_on")
    waiting = sam.submit("answer", {"text": "wacht"})["result"]["item"]
    assert waiting["visibility"] == "pending"
    screen.moderate("hide", shown["id"], kind="response")
    state = screen.latest("screen_state")
    assert {i["text"]: i["visibility"] for i in state["items"]} == {"zichtbaar": "hidden",
                                                                    "wacht": "pending"}
    screen.moderate("approve", waiting["id"], kind="response")
    state = screen.latest("screen_state")
    assert {i["text"]: i["visibility"] for i in state["items"]}["wacht"] == "visible"


def test_timer_controls(app, client, leader):
    _, wid = start_workshop(leader, position=1)
    screen = Screen(app, client, wid)
    state = goto(screen, "poll")
    minutes = state["step"]["minutes"]
    assert state["timer"]["remaining"] == minutes * 60 and state["timer"]["ends_at"] is None
    assert state["timer"]["ready"]
    running = screen.control("timer_start")["timer"]
    assert not running["ready"]
    assert running["ends_at"] - running["server_now"] <= minutes * 60 + 1
    paused = screen.control("timer_pause")["timer"]
    assert paused["ends_at"] is None and 0 < paused["remaining"] <= minutes * 60
    more = screen.control("timer_add")["timer"]
    assert more["remaining"] == paused["remaining"] + 60
    assert screen.call("control", action="explode")["error"] == "unknown_action"
    assert screen.call("control", action="goto", value=99)["error"] == "no_such_step"
