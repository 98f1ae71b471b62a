"""After the retention period children's names and answers go; the figures stay."""

from datetime import timedelta

from sqlalchemy import func, select

from workshop.services import retention
from workshop.store.models import (
    Attendance,
    ChildDevice,
    Idea,
    Participant,
    Receipt,
    Response,
    utcnow,
)

from ..live.helpers import Screen, Tablet, goto, start_workshop


def test_purge_anonymises_children_and_keeps_the_figures(app, client, leader, db):
    _, wid = start_workshop(leader, position=1)
    screen = Screen(app, client, wid)
    sam = Tablet(app, screen.state["code"], key=["moon", "fish"])
    goto(screen, "question")
    sam.hello()
    sam.submit("answer", {"text": "Ik voetbal"})
    screen.control("end")
    with db.begin() as dbs:
        assert retention.purge(dbs, 30)["series"] == 0  # the other workshops never ran
        from workshop.store.models import Workshop

        for w in dbs.scalars(select(Workshop)):
            w.status, w.ended_at = "ended", utcnow() - timedelta(days=40)
        dbs.commit()
        assert retention.purge(dbs, 60)["series"] == 0  # not old enough yet
        done = retention.purge(dbs, 30)
        assert done == {"series": 1, "children": 1, "responses": 1}
        child = dbs.scalar(select(Participant))
        assert child.name == retention.ANONYMOUS and child.token != sam.token
        assert child.key_hash is None                      # the picture key goes too
        assert dbs.scalar(select(func.count(ChildDevice.id))) == 0   # and the tablet ids
        assert dbs.scalar(select(func.count(Response.id))) == 0
        assert dbs.scalar(select(func.count(Receipt.client_id))) == 0
        assert dbs.scalar(select(func.count(Attendance.id))) == 1  # children reached stays
        assert dbs.scalar(select(func.count(Idea.id))) == 0
        assert retention.purge(dbs, 30)["children"] == 0  # once is enough
