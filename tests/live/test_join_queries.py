"""How many SQL statements a join and a tablet's hello make (counted, not timed): with
2,000 tablets joining at once each statement counts, and the hello once read the workshop,
the child, the series and the group three times over (23 statements for join + hello)."""

from __future__ import annotations

from sqlalchemy import event

from workshop.store.models import Workshop

from .helpers import Tablet, start_workshop


def test_join_and_hello_read_each_row_once(app, db, leader):
    _series, workshop_id = start_workshop(leader)
    with db.begin() as dbs:
        code = dbs.get(Workshop, workshop_id).join_code
    Tablet(app, code, name="Noor", key=["apple", "moon"])
    statements: list[str] = []
    event.listen(db.engine, "before_cursor_execute",
                 lambda _c, _cur, sql, *_rest: statements.append(sql))
    tablet = Tablet(app, code, name="Sam", key=["apple", "moon"], hello=False)
    reply = tablet.call("join", code=code, name="Sam", avatar="🦊", key=["apple", "moon"],
                        device=tablet.device)
    assert reply["ok"], reply
    joined = len(statements)
    tablet.token = reply["token"]
    assert tablet.hello()["me"]["name"] == "Sam"
    hello = len(statements) - joined
    assert joined <= 5 + 4, statements  # the join, then the state it answers with
    assert hello <= 4 + 2, statements[joined:]  # the step's own part may read a row or two
    assert not any(s.lstrip().upper().startswith("SELECT SERIES") for s in statements)


def test_a_join_answers_with_the_state_and_the_tablet_is_in_its_rooms(app, db, leader):
    """A new tablet needs no hello after joining: the join's answer is the hello's state,
    the screen hears the child, and the tablet hears the next step change."""
    from .helpers import Screen, goto

    _series, workshop_id = start_workshop(leader)
    with db.begin() as dbs:
        code = dbs.get(Workshop, workshop_id).join_code
    screen = Screen(app, leader.client, workshop_id)
    screen.received()
    tablet = Tablet(app, code, hello=False)
    statements: list[str] = []
    event.listen(db.engine, "before_cursor_execute",
                 lambda _c, _cur, sql, *_rest: statements.append(sql))
    reply = tablet.call("join", code=code, name="Sam", avatar="🦊", key=["apple", "moon"],
                        device=tablet.device)
    assert reply["ok"], reply
    assert reply["state"]["me"]["name"] == "Sam"
    assert reply["state"]["workshop_id"] == workshop_id
    assert len(statements) <= 5 + 4, statements  # join, then the state's own reading
    joined = [e["args"][0] for e in screen.received() if e["name"] == "child_joined"]
    assert [c["name"] for c in joined] == ["Sam"]
    tablet.token = reply["token"]
    tablet.state = reply["state"]
    again = tablet.hello()  # the same state a hello gives (but for the clock's reading)
    assert {**again, "timer": None} == {**reply["state"], "timer": None}
    tablet.received()
    goto(screen, "ideas")
    assert any(e["name"] == "shared" for e in tablet.received())
    # and a submission goes through at once, no hello in between
    fresh = Tablet(app, code, hello=False)
    answer = fresh.call("join", code=code, name="Noor", avatar="🐼", key=["apple", "moon"],
                        device=fresh.device)
    fresh.state = answer["state"]
    sent = fresh.submit("idea", {"text": "een boomhut"})
    assert sent["ok"], sent
