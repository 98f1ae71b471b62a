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
    assert joined <= 5, statements
    assert hello <= 4 + 2, statements[joined:]  # the step's own part may read a row or two
    assert not any(s.lstrip().upper().startswith("SELECT SERIES") for s in statements)
