"""Only a child can be that child: the picture key, the leader's yes or no, a child on
another tablet, and the leader removing a disruptive tablet, hiding and renaming."""

import pytest
from sqlalchemy import select

from workshop.domain.errors import Refused
from workshop.services import take_part
from workshop.store.models import Idea, Participant, Response

from .helpers import Screen, Tablet, client_id, goto, start_workshop

KEY = ["rocket", "fish"]


def _classroom(app, client, leader):
    _, wid = start_workshop(leader)
    screen = Screen(app, client, wid)
    return screen, screen.state["code"]


def _sam(app, code):
    """Sam joins on her own tablet with her picture key."""
    return Tablet(app, code, "Sam", "🦊", key=KEY)


def _stranger(app, code):
    """A second tablet in the room, not (yet) anybody."""
    return Tablet(app, code, hello=False)


def _pick(tablet, child_id, key=None):
    return tablet.call("pick", code=tablet.code, participant_id=child_id, key=key,
                       device=tablet.device)


def _ask(tablet, child_id):
    return tablet.call("ask_leader", code=tablet.code, participant_id=child_id,
                       device=tablet.device)


def _events(who, name):
    return [e["args"][0] for e in who.received() if e["name"] == name]


def _requests(screen):
    """The questions waiting on the classroom screen, from the last `join_requests`."""
    sent = _events(screen, "join_requests")
    return sent[-1]["requests"] if sent else None


def test_the_children_list_and_an_id_no_longer_make_a_tablet_that_child(app, client, leader):
    screen, code = _classroom(app, client, leader)
    sam = _sam(app, code)
    sam.sio.disconnect(namespace="/live")
    other = _stranger(app, code)
    children = other.call("children", code=code)["children"]
    assert children == [{"id": sam.state["me"]["id"], "name": "Sam", "avatar": "🦊"}]
    pictures = other.call("children", code=code)["pictures"]
    assert len(pictures) == 9 and {"id": "rocket", "icon": "🚀"} in pictures
    reply = _pick(other, children[0]["id"])
    assert reply["ok"] is False and reply["error"] == "key_needed" and reply["message"]
    assert "token" not in reply
    assert _pick(other, children[0]["id"], ["moon"])["error"] == "key_invalid"


def test_the_right_picture_key_makes_a_new_tablet_that_child(app, client, leader, db):
    screen, code = _classroom(app, client, leader)
    sam = _sam(app, code)
    sam_id = sam.state["me"]["id"]
    sam.sio.disconnect(namespace="/live")   # her own tablet is off: she takes another one
    other = _stranger(app, code)
    reply = _pick(other, sam_id, KEY)
    assert reply["ok"] and reply["token"] == sam.token, reply
    other.token = reply["token"]
    assert other.hello()["me"]["name"] == "Sam"
    with db.begin() as dbs:                  # stored hashed, never the pictures themselves
        stored = dbs.get(Participant, sam_id).key_hash
    assert stored and "rocket" not in stored and "fish" not in stored
    assert _requests(screen) is None         # nothing for the leader to decide


def test_three_wrong_keys_then_only_the_leaders_yes(app, client, leader):
    screen, code = _classroom(app, client, leader)
    sam = _sam(app, code)
    sam_id = sam.state["me"]["id"]
    sam.sio.disconnect(namespace="/live")
    other = _stranger(app, code)
    first = _pick(other, sam_id, ["apple", "bike"])
    assert first["error"] == "key_wrong" and "2" in first["message"]
    assert _pick(other, sam_id, ["bike", "apple"])["error"] == "key_wrong"
    assert _pick(other, sam_id, ["fish", "rocket"])["error"] == "key_locked"  # order counts
    locked = _pick(other, sam_id, KEY)       # now even the right key does not work
    assert locked["ok"] is False and locked["error"] == "key_locked" and "token" not in locked

    asked = _ask(other, sam_id)
    assert asked == {"ok": True, "waiting": True}
    [request] = _requests(screen)
    assert request["child"]["name"] == "Sam" and request["reason"] == "locked"
    assert Screen(app, client, screen.workshop_id).state["join_requests"] == [request]
    assert _ask(other, sam_id) == {"ok": True, "waiting": True}   # asking again: one question
    assert len(_requests(screen)) == 1

    assert screen.call("answer_join", request_id=request["id"], yes=True) == {"ok": True}
    [answer] = _events(other, "join_answer")
    assert answer["ok"] and answer["token"] == sam.token
    assert _requests(screen) == []
    other.token = answer["token"]
    me = other.hello()["me"]
    assert me["name"] == "Sam" and me["has_key"] is False   # she chooses new pictures
    assert other.call("set_key", key=["moon", "ball"]) == {"ok": True}
    assert other.call("set_key", key=["apple", "ball"])["error"] == "key_exists"
    third = _stranger(app, code)
    assert _pick(third, sam_id, ["moon", "ball"])["ok"]       # the new key works, tries reset


def test_the_leader_says_no(app, client, leader):
    screen, code = _classroom(app, client, leader)
    sam = _sam(app, code)
    sam_id = sam.state["me"]["id"]
    sam.sio.disconnect(namespace="/live")
    other = _stranger(app, code)
    assert _ask(other, sam_id)["waiting"]
    [request] = _requests(screen)
    assert request["reason"] == "forgot"
    assert screen.call("answer_join", request_id=request["id"], yes=False) == {"ok": True}
    [answer] = _events(other, "join_answer")
    assert answer["ok"] is False and answer["error"] == "declined" and answer["message"]
    assert "token" not in answer
    assert screen.call("answer_join", request_id=request["id"], yes=True)["error"] == \
        "request_gone"                       # a no stays a no; asking again is a new question
    assert _ask(other, sam_id)["waiting"] and len(_requests(screen)) == 1


def test_a_child_connected_now_is_never_taken_over_silently(app, client, leader):
    screen, code = _classroom(app, client, leader)
    sam = _sam(app, code)                    # Sam is on her tablet right now
    sam_id = sam.state["me"]["id"]
    other = _stranger(app, code)
    reply = _pick(other, sam_id, KEY)        # even with the right key
    assert reply == {"ok": True, "waiting": True}
    [request] = _requests(screen)
    assert request["reason"] == "in_use" and request["child"]["id"] == sam_id
    assert not _events(other, "join_answer")
    # the tablet goes back: the question leaves the screen
    assert other.call("cancel_ask", code=code, device=other.device) == {"ok": True}
    assert _requests(screen) == []
    # asked again, the leader says yes: now it may be Sam too
    assert _pick(other, sam_id, KEY)["waiting"]
    [request] = _requests(screen)
    screen.call("answer_join", request_id=request["id"], yes=True)
    assert _events(other, "join_answer")[-1]["token"] == sam.token
    # a child that joined without a key (an old tablet page) can only be asked for
    noor = Tablet(app, code, "Noor", "🦉")
    noor.sio.disconnect(namespace="/live")
    assert _pick(_stranger(app, code), noor.state["me"]["id"], KEY)["error"] == "no_key"


def test_a_removed_tablet_cannot_rejoin_until_the_leader_lets_it_back(app, client, leader, db,
                                                                      tmp_path):
    screen, code = _classroom(app, client, leader)
    sam = _sam(app, code)
    sam_id = sam.state["me"]["id"]
    noor = Tablet(app, code, "Noor", "🦉", key=["apple", "moon"])
    noor.sio.disconnect(namespace="/live")
    goto(screen, "ideas")
    sam.hello()
    assert sam.submit("idea", {"text": "Een skatebaan"})["ok"]

    assert screen.call("manage_child", op="remove", child_id=sam_id) == {"ok": True}
    [removed] = _events(sam, "removed")
    assert removed["message"]
    assert screen.latest("screen_state")["removed"] == [
        {"id": sam_id, "name": "Sam", "avatar": "🦊"}]
    # everything the tablet tries is refused with "removed"
    assert sam.submit("idea", {"text": "nog eentje"})["ok"] is False
    for reply in (sam.call("tablet_hello", code=code, token=sam.token, device=sam.device),
                  sam.call("children", code=code, device=sam.device),
                  sam.call("join", code=code, name="Nieuw", avatar="🐼", key=KEY,
                           device=sam.device),
                  _pick(sam, noor.state["me"]["id"], ["apple", "moon"]),
                  _ask(sam, noor.state["me"]["id"])):
        assert reply["ok"] is False and reply["error"] == "removed", reply
    # the same child on a fresh tablet, with her key or her token: refused too
    fresh = _stranger(app, code)
    assert _pick(fresh, sam_id, KEY)["error"] == "removed"
    assert fresh.call("tablet_hello", code=code, token=sam.token,
                      device=fresh.device)["error"] == "removed"
    # a connection of hers on another server process: its submission is refused in the
    # database, and the tablet keeps it in its outbox (live.js) until she is let back in
    with db.begin(write=True) as dbs, pytest.raises(Refused) as refused:
        take_part.submit(dbs, screen.workshop_id, sam_id, client_id(), "idea",
                         screen.state["step_index"], {"text": "elders"}, tmp_path)
    assert refused.value.code == "removed"

    assert screen.call("manage_child", op="let_back", child_id=sam_id) == {"ok": True}
    assert _events(sam, "let_back") and _events(fresh, "let_back")
    assert screen.latest("screen_state")["removed"] == []
    assert sam.hello()["me"]["id"] == sam_id
    assert sam.submit("idea", {"text": "Weer terug"})["ok"]
    assert fresh.call("tablet_hello", code=code, token=sam.token, device=fresh.device)["ok"]


def test_hide_everything_one_child_made_in_one_action(app, client, leader, db):
    screen, code = _classroom(app, client, leader)
    sam, noor = _sam(app, code), Tablet(app, code, "Noor", "🦉")
    goto(screen, "question")
    sam.hello()
    assert sam.submit("answer", {"text": "Een klimmuur"})["ok"]
    goto(screen, "ideas")
    sam.hello()
    noor.hello()
    for words in ("Een skatebaan", "Een snoepwinkel"):
        assert sam.submit("idea", {"text": words})["ok"]
    assert noor.submit("idea", {"text": "Een moestuin"})["ok"]
    sam.received()

    reply = screen.call("manage_child", op="hide_all", child_id=sam.state["me"]["id"])
    assert reply == {"ok": True, "hidden": 3}
    with db.begin() as dbs:
        ideas = {i.text: i.visibility for i in dbs.scalars(select(Idea))}
        answers = {r.text: r.visibility for r in dbs.scalars(select(Response))}
    assert ideas == {"Een skatebaan": "hidden", "Een snoepwinkel": "hidden",
                     "Een moestuin": "visible"}
    assert answers == {"Een klimmuur": "hidden"}
    mine = [e["item"]["text"] for e in _events(sam, "mine")]
    assert sorted(mine) == ["Een skatebaan", "Een snoepwinkel"]   # this step's, on her tablet
    wall = {i["text"]: i["visibility"] for i in screen.latest("screen_state")["ideas"]}
    assert wall["Een skatebaan"] == "hidden" and wall["Een moestuin"] == "visible"


def test_rename_a_child_whose_name_got_through(app, client, leader):
    screen, code = _classroom(app, client, leader)
    sam = Tablet(app, code, "Sammie", "🦊")
    sam_id = sam.state["me"]["id"]
    bad = screen.call("manage_child", op="rename", child_id=sam_id, value="kanker")
    assert bad["error"] == "text_bad_word"
    assert screen.call("manage_child", op="rename", child_id=sam_id, value="  Sam  ") == {
        "ok": True}
    assert _events(sam, "me")[-1] == {"id": sam_id, "name": "Sam", "avatar": "🦊"}
    assert [c["name"] for c in screen.latest("screen_state")["children"]] == ["Sam"]
    assert sam.hello()["me"]["name"] == "Sam"


def test_a_tablet_cannot_answer_for_the_leader_or_manage_children(app, client, leader):
    screen, code = _classroom(app, client, leader)
    sam = _sam(app, code)
    for event, data in (("answer_join", {"request_id": 1, "yes": True}),
                        ("manage_child", {"op": "let_back", "child_id": 1})):
        reply = sam.call(event, workshop_id=screen.workshop_id, **data)
        assert reply["error"] == "forbidden"
    assert sam.call("set_key", key=KEY)["error"] == "key_exists"
