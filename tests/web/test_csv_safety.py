"""Every text cell of the series CSV is safe in a spreadsheet: hostile names and ideas."""

import csv
import io

from sqlalchemy import update

from workshop.store.models import Idea, Participant

from ..live.helpers import Screen, Tablet, goto, start_workshop

HOSTILE = ["=1+2", "@SUM(1+1)", "+cmd", "-2+3", "\t=x", "\r=x"]
AVATARS = ["🦊", "🦉", "🐼", "🐬", "🐯", "🦔"]


def test_hostile_names_and_ideas_never_become_formulas(app, client, leader, db):
    series_id, wid = start_workshop(leader)
    screen = Screen(app, client, wid)
    goto(screen, "ideas")
    made = []
    for value, avatar in zip(HOSTILE, AVATARS, strict=True):
        tablet = Tablet(app, screen.state["code"], name=value, avatar=avatar)
        reply = tablet.submit("idea", {"text": value + " idee"})
        assert reply["ok"], reply
        made.append((tablet.state["me"]["id"], reply["result"]["item"]["id"], value))
    # Typing strips a leading tab or carriage return; an import or an old row may not have.
    with db.begin() as dbs:
        for child_id, idea_id, value in made:
            dbs.execute(update(Participant).where(Participant.id == child_id)
                        .values(name=value))
            dbs.execute(update(Idea).where(Idea.id == idea_id)
                        .values(text=value + " idee", title=value))
        dbs.commit()
    body = client.get(f"/series/{series_id}/export.csv").data.decode("utf-8-sig")
    rows = list(csv.DictReader(io.StringIO(body, newline="")))
    assert len(rows) == len(HOSTILE)
    by_author = {row["author"]: row for row in rows}
    for value in HOSTILE:
        row = by_author["'" + value]
        assert row["text"] == "'" + value + " idee" and row["title"] == "'" + value
    for row in rows:
        for column, cell in row.items():
            assert not cell.startswith(("=", "+", "-", "@", "\t", "\r")), (column, cell)
        assert row["id"].isdigit() and row["score"] == "0"  # numbers stay numbers
