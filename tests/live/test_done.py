""""I'm done": a child says they finished a step; the screen hears who is still busy."""

from .helpers import Screen, Tablet, goto, start_workshop


def done_events(client, name: str = "done"):
    return [e["args"][0] for e in client.received() if e["name"] == name]


def test_done_is_per_child_per_step_and_undone_by_more(app, client, leader):
    _, wid = start_workshop(leader, position=1)       # inspire: poll, cards, questions
    screen = Screen(app, client, wid)
    code = screen.state["code"]
    sam, noor = Tablet(app, code, "Sam"), Tablet(app, code, "Noor")
    state = goto(screen, "question")
    index = state["step_index"]
    assert state["done"] == []
    sam.hello()
    noor.hello()
    assert sam.state["done"] is False

    # a welcome step takes no "done"; another step than the current one is refused
    assert sam.call("done", step_index=0)["error"] == "step_changed"
    reply = sam.call("done", step_index=index)
    assert reply == {"ok": True, "step_index": index, "child_id": sam.state["me"]["id"],
                     "done": True}
    screen.received()
    assert screen.call("screen_hello")["state"]["done"] == [sam.state["me"]["id"]]

    # Sam on a second tablet (the same child, not the same tablet) is done there too
    second = Tablet(app, code, token=sam.token)
    assert second.state["done"] is True

    # adding more makes Sam busy again: the screen and the other tablet hear it
    second.received()
    assert sam.submit("answer", {"text": "Nog een idee"})["result"]["undone"] is True
    assert {"step_index": index, "child_id": sam.state["me"]["id"], "done": False} \
        in done_events(screen)
    assert done_events(second)[-1]["done"] is False
    assert screen.call("screen_hello")["state"]["done"] == []
    assert "undone" not in sam.submit("answer", {"text": "En nog een"})["result"]

    # done and not done again; Noor is done too; the next step starts with nobody done
    assert sam.call("done", step_index=index)["done"] is True
    assert noor.call("done", step_index=index)["ok"]
    assert sorted(screen.call("screen_hello")["state"]["done"]) == sorted(
        [sam.state["me"]["id"], noor.state["me"]["id"]])
    assert sam.call("done", step_index=index, done=False)["done"] is False
    assert screen.call("screen_hello")["state"]["done"] == [noor.state["me"]["id"]]
    nxt = screen.control("next")
    assert nxt["done"] == []
    sam.hello()
    assert sam.state["done"] is False


def test_a_changed_choice_undoes_done_and_the_leader_cannot_say_done(app, client, leader):
    _, wid = start_workshop(leader, position=1)
    screen = Screen(app, client, wid)
    sam = Tablet(app, screen.state["code"])
    poll = goto(screen, "poll")
    sam.hello()
    options = [c["id"] for c in poll["step"]["choices"]]
    assert sam.submit("poll", {"choice": options[0]})["ok"]
    assert sam.call("done", step_index=poll["step_index"])["done"] is True
    assert sam.submit("poll", {"choice": options[1]})["result"]["undone"] is True
    # a screen is no child
    assert screen.call("done", step_index=poll["step_index"])["error"] == "unknown_child"
    assert sam.call("done", step_index="2")["error"] == "bad_request"
