"""The news step over sockets: the classroom screen gets what became of the group's ideas,
the tablets only that they should look at the screen."""

from __future__ import annotations

import json

from workshop.store.models import User

from ..news_world import (
    ADOPTED,
    CHILD,
    NOT_NOW,
    OWNER,
    REASON,
    UPDATE,
    class_with_ideas,
    ship_and_follow,
)
from .helpers import Screen, Tablet, goto


def start(leader, workshop_id: int) -> None:
    response = leader.client.post(f"/workshops/{workshop_id}/start")
    assert response.status_code == 302, response.status_code


def test_the_screen_shows_the_news_and_the_tablets_look_at_it(app, client, leader, db):
    media = app.config["MEDIA_DIR"]
    with db.begin() as dbs:
        juf = dbs.get(User, leader.user["id"])
        world = ship_and_follow(dbs, class_with_ideas(dbs, juf, app.extensions["plans"], media),
                                media)
    start(leader, world.workshops[2])
    screen = Screen(app, client, world.workshops[2])
    assert [s["kind"] for s in screen.state["steps"]][:2] == ["welcome", "news"]
    assert "news" not in screen.state                       # only in the news step
    sam = Tablet(app, screen.state["code"], "Noor", "🦉")
    state = goto(screen, "news")
    assert state["step_index"] == 1 and state["step"]["kind"] == "news"
    news = state["news"]
    assert [i["text"] for i in news["ideas"]] == [NOT_NOW, ADOPTED]
    not_now, adopted = news["ideas"]
    assert (adopted["stage"], adopted["icon"], adopted["owner"]) == ("adopted", "🤝", OWNER)
    assert adopted["latest"]["text"] == UPDATE and adopted["track_step"] == 2
    assert adopted["picture"].startswith("/media/drawing-")
    assert client.get(adopted["picture"]).status_code == 200
    assert (not_now["icon"], not_now["reason"], not_now["track_step"]) == ("⏸️", REASON, -1)
    assert not_now["reason_says_not_now"] is False
    assert [s["icon"] for s in news["track"]] == ["👀", "⭐", "🤝", "📅", "🎈", "🎉", "💬"]
    assert news["fetched_at"] is None
    assert CHILD not in json.dumps(news)
    # a screen that comes back (a reload, the Wi-Fi) gets the news again
    assert Screen(app, client, world.workshops[2]).state["news"] == news
    # the tablets follow to the news step, without the news itself
    shared = [e["args"][0] for e in sam.received() if e["name"] == "shared"][-1]
    assert shared["step"]["kind"] == "news" and "news" not in shared
    assert "news" not in sam.hello() and sam.state["step"]["kind"] == "news"
    refused = sam.submit("answer", {"text": "Hoi"})
    assert refused["error"] == "step_changed"


def test_the_news_step_is_left_out_for_a_group_without_news(app, client, leader, db):
    with db.begin() as dbs:
        juf = dbs.get(User, leader.user["id"])
        world = class_with_ideas(dbs, juf, app.extensions["plans"], app.config["MEDIA_DIR"])
    start(leader, world.workshops[2])
    screen = Screen(app, client, world.workshops[2])
    assert "news" not in [s["kind"] for s in screen.state["steps"]]
    assert screen.state["steps"][1]["kind"] == "vote"


def test_news_fetched_while_the_news_step_shows_reaches_the_screen(app, client, leader, db):
    """The laptop fetches news from the network server it shipped to (exchange/outbox.py)
    while the projector shows the news step: the screen gets its state again, with the news."""
    from datetime import timedelta

    from workshop.live.news import news_fetched
    from workshop.store.link_models import IdeaNews
    from workshop.store.models import utcnow

    with db.begin() as dbs:
        juf = dbs.get(User, leader.user["id"])
        world = class_with_ideas(dbs, juf, app.extensions["plans"], app.config["MEDIA_DIR"])
        now = utcnow()
        dbs.add(IdeaNews(idea_id=world.ideas[ADOPTED], stage="adopted", owner=OWNER,
                         latest_text="", changed_at=now - timedelta(days=2),
                         fetched_at=now - timedelta(days=1)))
        dbs.commit()
    start(leader, world.workshops[2])
    screen = Screen(app, client, world.workshops[2])
    assert news_fetched(app) == 0                    # the welcome step: nothing to send
    assert goto(screen, "news")["news"]["ideas"][0]["stage"] == "adopted"
    screen.received()
    with db.begin(write=True) as dbs:                 # what fetch_news keeps, a day later
        row = dbs.get(IdeaNews, world.ideas[ADOPTED])
        row.stage, row.latest_text, row.latest_at = "running", UPDATE, utcnow()
        row.fetched_at = utcnow()
        dbs.commit()
    assert news_fetched(app) == 1
    state = screen.latest("screen_state")
    assert state is not None and state["step"]["kind"] == "news"
    idea = state["news"]["ideas"][0]
    assert (idea["stage"], idea["latest"]["text"]) == ("running", UPDATE)


def test_the_sender_tells_the_screens_when_news_came_in(monkeypatch):
    from workshop.exchange import outbox

    class Db:
        closed = False

        def begin(self, write=False):
            from contextlib import nullcontext

            class Dbs:
                def scalar(self, _query):
                    return 1                          # the laptop has a link
            return nullcontext(Dbs())

    database, calls = Db(), []
    monkeypatch.setattr(outbox, "send_waiting", lambda *a: None)
    heard = iter([0, 2])
    monkeypatch.setattr(outbox, "fetch_news", lambda *a: next(heard))

    def sleep(_seconds):
        if len(calls) or sleep.rounds >= 1:
            database.closed = True
        sleep.rounds += 1
    sleep.rounds = 0
    outbox.run_forever(database, "laptop", None, 1, sleep, fetched=lambda: calls.append(1))
    assert calls == [1]                               # after the round that heard news only


def test_the_leaders_phone_goes_through_the_news_ideas_on_the_screens(app, client, leader, db):
    """`news_show` from the phone reaches the workshop's screens; a screen answers with
    `news_shown`, which every other screen and leader view hears. Only a leader of this
    workshop may send either, and only in its news step."""
    from sqlalchemy import select

    from workshop.store.models import AuditEntry

    from ..conftest import Leader
    from .helpers import NS

    media = app.config["MEDIA_DIR"]
    with db.begin() as dbs:
        juf = dbs.get(User, leader.user["id"])
        world = ship_and_follow(dbs, class_with_ideas(dbs, juf, app.extensions["plans"], media),
                                media)
    wid = world.workshops[2]
    start(leader, wid)
    screen, phone = Screen(app, client, wid), Screen(app, client, wid)
    assert phone.call("news_show", index=1)["error"] == "step_changed"   # the welcome step
    state = goto(screen, "news")
    ideas = state["news"]["ideas"]
    screen.received(), phone.received()

    assert phone.call("news_show", index=1) == {"ok": True}
    assert screen.latest("news_show") == {"workshop_id": wid, "step_index": 1, "index": 1}
    assert phone.latest("news_show") is None                 # not back to the sender
    assert phone.call("news_show") == {"ok": True}           # "which idea is on?"
    assert screen.latest("news_show") == {"workshop_id": wid, "step_index": 1}
    reply = screen.call("news_shown", index=1, count=2, idea_id=ideas[1]["idea_id"])
    assert reply == {"ok": True}
    assert phone.latest("news_shown") == {"workshop_id": wid, "step_index": 1, "index": 1,
                                          "count": 2, "idea_id": ideas[1]["idea_id"]}
    for bad in ({"index": -1}, {"index": "1"}, {"index": True}, {"index": 5000}):
        assert phone.call("news_show", **bad)["error"] == "bad_request", bad
    assert screen.call("news_shown", index=2, count=2)["error"] == "bad_request"

    # a tablet, someone logged out and another leader are refused; the screens hear nothing
    screen.received()
    sam = Tablet(app, state["code"], "Noor", "🦉")
    assert sam.call("news_show", workshop_id=wid, index=0)["error"] == "forbidden"
    assert sam.call("news_shown", workshop_id=wid, index=0, count=2)["error"] == "forbidden"
    stranger = app.extensions["workshop_socketio"].test_client(app, namespace=NS)
    assert stranger.emit("news_show", {"workshop_id": wid, "index": 0}, namespace=NS,
                         callback=True)["error"] == "forbidden"
    other_http = app.test_client()
    Leader(other_http, db, "meester")
    other = app.extensions["workshop_socketio"].test_client(app, namespace=NS,
                                                            flask_test_client=other_http)
    refused = other.emit("news_show", {"workshop_id": wid, "index": 0}, namespace=NS,
                         callback=True)
    assert refused["ok"] is False and refused["error"] in ("forbidden", "not_found")
    assert screen.latest("news_show") is None and screen.latest("news_shown") is None
    with db.begin() as dbs:
        refusals = [a.detail for a in dbs.scalars(select(AuditEntry))
                    if a.what == "leader_event_refused"]
    assert len(refusals) == 3
