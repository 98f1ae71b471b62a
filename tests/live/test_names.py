"""'Make up a name for me' through the real pages and sockets: unique within the group."""

from sqlalchemy import select

from workshop.domain.names import NAME_MAX, is_generated
from workshop.services import take_part
from workshop.store.models import Participant

from .helpers import Screen, Tablet, start_workshop


def _joined(db) -> list[str]:
    with db.begin() as dbs:
        return list(dbs.scalars(select(Participant.name)))


def test_a_class_of_30_asking_for_names_gets_30_different_ones(app, client, leader, db):
    _, wid = start_workshop(leader)
    code = Screen(app, client, wid).state["code"]
    for _ in range(30):
        name = app.test_client().get(f"/j/{code}/name").get_json()["name"]
        assert is_generated(name)
        Tablet(app, code, name=name)
    names = _joined(db)
    assert len(names) == 30 and len({n.casefold() for n in names}) == 30


def test_two_tablets_that_got_the_same_name_at_once_end_up_different(app, client, leader, db):
    _, wid = start_workshop(leader)
    code = Screen(app, client, wid).state["code"]
    name = app.test_client().get(f"/j/{code}/name").get_json()["name"]
    first, second = Tablet(app, code, name=name), Tablet(app, code, name=name)
    assert first.state["me"]["name"] == name
    if len(name + " 2") <= NAME_MAX:
        assert second.state["me"]["name"] == name + " 2"
    else:  # "Dromerige Schildpad 2" is too long for a name: another made-up one
        other = second.state["me"]["name"]
        assert is_generated(other) and other.casefold() != name.casefold()
    # two children who typed the same first name keep it: that is their name
    assert Tablet(app, code, name="Sam").state["me"]["name"] == "Sam"
    assert Tablet(app, code, name="Sam").state["me"]["name"] == "Sam"


def test_a_group_of_200_stays_unique(app, client, leader, db):
    _, wid = start_workshop(leader)
    code = Screen(app, client, wid).state["code"]
    with db.begin(write=True) as dbs:
        for _ in range(200):
            take_part.join(dbs, code, take_part.suggest_name(dbs, code, "en"), "🦊", "en")
    names = _joined(db)
    assert len(names) == 200 and len({n.casefold() for n in names}) == 200


def test_asking_a_name_with_a_wrong_code_is_answered_in_words(client):
    reply = client.get("/j/NOPE99/name")
    assert reply.status_code == 404 and reply.get_json()["error"] == "wrong_code"
