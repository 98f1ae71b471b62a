"""A classroom over sockets: a screen and tablets, steps, ideas, votes, nothing lost."""

import time

from sqlalchemy import func, select

from workshop.store.models import AuditEntry, Idea, Receipt, Vote

from .helpers import Screen, Tablet, client_id, goto, start_workshop


def test_children_join_and_the_screen_sees_them(app, client, leader):
    _, wid = start_workshop(leader)
    screen = Screen(app, client, wid)
    assert screen.state["step"]["kind"] == "welcome"
    code = screen.state["code"]
    Tablet(app, code, "Sam", "🦊")
    Tablet(app, code, "Noor", "🦉")
    joined = [e["args"][0] for e in screen.received() if e["name"] == "child_joined"]
    assert [(c["name"], c["avatar"]) for c in joined] == [("Sam", "🦊"), ("Noor", "🦉")]
    again = Screen(app, client, screen.workshop_id)
    assert [c["name"] for c in again.state["children"]] == ["Sam", "Noor"]


def test_tablets_follow_the_screen_and_see_only_what_they_show(app, client, leader):
    _, wid = start_workshop(leader)
    screen = Screen(app, client, wid)
    sam, noor = Tablet(app, screen.state["code"]), Tablet(app, screen.state["code"], "Noor")
    goto(screen, "ideas")
    shared = [e["args"][0] for e in sam.received() if e["name"] == "shared"][-1]
    assert shared["step"]["kind"] == "ideas"
    sam.hello()
    reply = sam.submit("idea", {"text": "Een brug voor insecten", "category": "nature"})
    assert reply["ok"], reply
    added = screen.latest("added")
    assert added["item"]["text"] == "Een brug voor insecten"
    # Noor's tablet does not receive Sam's idea while it shows the idea wall input
    assert not [e for e in noor.received() if e["name"] in ("added", "mine")]


def test_a_double_tap_or_resend_is_stored_once(app, client, leader, db):
    _, wid = start_workshop(leader)
    screen = Screen(app, client, wid)
    sam = Tablet(app, screen.state["code"])
    goto(screen, "ideas")
    sam.hello()
    cid = client_id()
    first = sam.submit("idea", {"text": "Snoepmuseum"}, cid=cid)
    again = sam.submit("idea", {"text": "Snoepmuseum"}, cid=cid)
    assert first["ok"] and again["ok"] and again["result"]["duplicate"]
    assert again["result"]["item"]["id"] == first["result"]["item"]["id"]
    with db.begin() as dbs:
        assert dbs.scalar(select(func.count(Idea.id))) == 1
        assert dbs.scalar(select(func.count(Receipt.client_id))) == 1
    # the screen heard about it once
    assert len([e for e in screen.received() if e["name"] == "added"]) == 1


def test_html_in_an_idea_is_kept_as_text(app, client, leader):
    _, wid = start_workshop(leader)
    screen = Screen(app, client, wid)
    sam = Tablet(app, screen.state["code"])
    goto(screen, "ideas")
    sam.hello()
    reply = sam.submit("idea", {"text": "<img src=x onerror=alert(1)>"})
    assert reply["result"]["item"]["text"] == "<img src=x onerror=alert(1)>"


def test_refusals_say_why_in_the_childs_language(app, client, leader):
    _, wid = start_workshop(leader)
    screen = Screen(app, client, wid)
    sam = Tablet(app, screen.state["code"])
    reply = sam.submit("idea", {"text": "te vroeg"})
    assert reply["error"] == "step_changed" and reply["message"]
    goto(screen, "ideas")
    sam.hello()
    for payload, code in [({"text": ""}, "text_empty"), ({"text": "x" * 500}, "text_too_long"),
                          ({"text": "kanker"}, "text_bad_word"),
                          ({"text": "ok", "category": "nope"}, "unknown_choice"),
                          ({"text": "ok", "photo": "data:image/png;base64,AAAA"},
                           "image_invalid")]:
        reply = sam.submit("idea", payload)
        assert reply["ok"] is False and reply["error"] == code, (payload, reply)
    screen.control("lock")
    assert sam.submit("idea", {"text": "na slot"})["error"] == "input_locked"


def test_a_tablet_cannot_lead_or_send_for_another_workshop(app, client, leader, db):
    _, wid = start_workshop(leader)
    screen = Screen(app, client, wid)
    sam = Tablet(app, screen.state["code"])
    reply = sam.call("control", workshop_id=wid, action="next")
    assert reply["error"] == "forbidden"
    reply = sam.call("moderate", workshop_id=wid, op="hide", id=1, type="idea")
    assert reply["error"] == "forbidden"
    goto(screen, "ideas")
    sam.hello()
    assert sam.submit("idea", {"text": "elders"}, workshop_id=wid + 1)["ok"] is False
    with db.begin() as dbs:
        logged = [a.what for a in dbs.scalars(select(AuditEntry))]
    assert logged == ["leader_event_refused", "leader_event_refused", "wrong_workshop"]
    assert screen.state["step_index"] == goto(screen, "ideas")["step_index"]


def test_wrong_and_ended_codes_are_friendly(app, client, leader):
    _, wid = start_workshop(leader)
    screen = Screen(app, client, wid)
    tablet = app.extensions["workshop_socketio"].test_client(app, namespace="/live")
    reply = tablet.emit("join", {"code": "NOPE42", "name": "Sam", "avatar": "🦊"},
                        namespace="/live", callback=True)
    assert reply["error"] == "wrong_code"
    screen.control("end")
    reply = tablet.emit("join", {"code": screen.state["code"], "name": "Sam", "avatar": "🦊"},
                        namespace="/live", callback=True)
    assert reply["error"] == "workshop_ended"
    # the tablet app still opens for an ended workshop, to send what it kept
    assert client.get(f"/j/{screen.state['code']}").status_code == 200
    assert client.get("/j/NOPE42").status_code == 404


def test_dot_voting_budget_and_reveal(app, client, leader, db):
    _, wid = start_workshop(leader)
    screen = Screen(app, client, wid)
    sam, noor = Tablet(app, screen.state["code"]), Tablet(app, screen.state["code"], "Noor")
    goto(screen, "ideas")
    sam.hello()
    ideas = [sam.submit("idea", {"text": t})["result"]["item"]["id"] for t in ("a1", "b2")]
    goto(screen, "vote")  # dream: budget 3, at most 2 per idea
    sam.hello()
    noor.hello()
    assert {i["id"] for i in sam.state["ideas"]} == set(ideas)
    assert sam.submit("vote", {"idea_id": ideas[0]})["ok"]
    assert sam.submit("vote", {"idea_id": ideas[0]})["ok"]
    assert sam.submit("vote", {"idea_id": ideas[0]})["error"] == "idea_vote_limit"
    reply = sam.submit("vote", {"idea_id": ideas[1]})
    assert reply["result"]["my_votes"] == {str(ideas[0]): 2, str(ideas[1]): 1}
    assert sam.submit("vote", {"idea_id": ideas[1]})["error"] == "no_votes_left"
    assert sam.submit("unvote", {"idea_id": ideas[0]})["ok"]
    assert sam.submit("vote", {"idea_id": ideas[1]})["ok"]
    # the screen follows the tally from the start; the tablets only after the reveal
    tally = screen.results({"votes": {str(ideas[0]): 1, str(ideas[1]): 2}, "voters": 1})
    assert tally["tally"]["votes"] == {str(ideas[0]): 1, str(ideas[1]): 2}
    assert not [e for e in noor.received() if e["name"] == "results"]
    screen.control("reveal")
    noor.received()
    noor.submit("vote", {"idea_id": ideas[1]})
    sam.submit("unvote", {"idea_id": ideas[1]})
    sam.submit("vote", {"idea_id": ideas[1]})
    final = {str(ideas[0]): 1, str(ideas[1]): 3}
    results = []
    for _ in range(60):  # the results of a flurry of votes go out together, shortly after
        results += [e["args"][0] for e in noor.received() if e["name"] == "results"]
        if results and results[-1]["tally"]["votes"] == final:
            break
        time.sleep(0.05)
    assert results[-1]["tally"]["votes"] == final
    assert len(results) <= 2  # three votes, at most two messages (a tick may fall between)
    time.sleep(0.6)
    assert not [e for e in noor.received() if e["name"] == "results"]  # nothing new, no message
    with db.begin() as dbs:
        assert dbs.scalar(select(func.count(Vote.id))) == 4


def test_with_a_shortlist_the_children_vote_on_the_shortlist_only(app, client, leader):
    _, wid = start_workshop(leader)
    screen = Screen(app, client, wid)
    sam = Tablet(app, screen.state["code"])
    goto(screen, "ideas")
    sam.hello()
    ideas = [sam.submit("idea", {"text": t})["result"]["item"]["id"] for t in ("a1", "b2", "c3")]
    assert screen.moderate("shortlist", ideas[1]) == {"ok": True}
    assert screen.moderate("shortlist", ideas[2]) == {"ok": True}
    state = goto(screen, "vote")
    assert state["from_shortlist"] and len(state["ideas"]) == 3  # the leader still sees all
    sam.hello()
    assert sam.state["from_shortlist"]
    assert [i["id"] for i in sam.state["ideas"]] == ideas[1:]
    assert sam.submit("vote", {"idea_id": ideas[0]})["error"] == "idea_gone"
    assert sam.submit("vote", {"idea_id": ideas[1]})["ok"]
    # taking the shortlist away opens the vote to every idea again, on every tablet
    screen.moderate("unshortlist", ideas[1])
    screen.moderate("unshortlist", ideas[2])
    shared = [e["args"][0] for e in sam.received() if e["name"] == "shared"][-1]
    assert not shared["from_shortlist"] and len(shared["ideas"]) == 3
    assert sam.submit("vote", {"idea_id": ideas[0]})["ok"]


def test_after_a_step_change_a_tablet_asks_only_for_its_own_items(app, client, leader):
    _, wid = start_workshop(leader)
    screen = Screen(app, client, wid)
    sam = Tablet(app, screen.state["code"])
    goto(screen, "ideas")
    sam.hello()
    idea = sam.submit("idea", {"text": "eigen"})["result"]["item"]
    vote = goto(screen, "vote")
    sam.submit("vote", {"idea_id": idea["id"]}, step_index=vote["step_index"])
    reply = sam.call("tablet_own")
    assert reply["ok"] and reply["own"]["my_votes"] == {str(idea["id"]): 1}
    assert reply["step_index"] == vote["step_index"]
    stranger = app.extensions["workshop_socketio"].test_client(app, namespace="/live")
    assert stranger.emit("tablet_own", {}, namespace="/live", callback=True)["ok"] is False


def test_reconnect_gets_the_whole_state_back(app, client, leader):
    _, wid = start_workshop(leader)
    screen = Screen(app, client, wid)
    sam = Tablet(app, screen.state["code"])
    goto(screen, "ideas")
    sam.hello()
    sam.submit("idea", {"text": "robotwerkplaats"})
    sam.sio.disconnect(namespace="/live")
    again = Tablet(app, screen.state["code"], token=sam.token)
    assert again.state["step"]["kind"] == "ideas"
    assert [i["text"] for i in again.state["mine"]] == ["robotwerkplaats"]
    assert again.state["me"]["name"] == "Sam"


def test_an_idea_made_offline_arrives_after_the_screen_moved_on(app, client, leader, db):
    _, wid = start_workshop(leader)
    screen = Screen(app, client, wid)
    sam = Tablet(app, screen.state["code"])
    state = goto(screen, "ideas")
    goto(screen, "vote")
    reply = sam.submit("idea", {"text": "gemaakt zonder wifi"}, step_index=state["step_index"])
    assert reply["ok"], reply
    with db.begin() as dbs:
        assert dbs.scalar(select(Idea.text)) == "gemaakt zonder wifi"


def test_approval_hiding_merging_and_shortlist(app, client, leader):
    _, wid = start_workshop(leader)
    screen = Screen(app, client, wid)
    sam = Tablet(app, screen.state["code"])
    goto(screen, "ideas")
    screen.control("approval_on")
    sam.hello()
    pending = sam.submit("idea", {"text": "wacht even"})["result"]["item"]
    assert pending["visibility"] == "pending"
    screen.control("approval_off")
    first = sam.submit("idea", {"text": "dansen"})["result"]["item"]
    dup = sam.submit("idea", {"text": "dans!"})["result"]["item"]
    assert screen.moderate("approve", pending["id"])["ok"]
    assert screen.moderate("merge", dup["id"], value=first["id"])["ok"]
    assert screen.moderate("shortlist", first["id"])["ok"]
    assert screen.moderate("title", first["id"], value="Dansfeest")["ok"]
    state = screen.latest("screen_state")
    by_id = {i["id"]: i for i in state["ideas"]}
    assert by_id[pending["id"]]["visibility"] == "visible"
    assert by_id[dup["id"]]["merged_into"] == first["id"]
    assert by_id[first["id"]]["shortlisted"] and by_id[first["id"]]["title"] == "Dansfeest"
    assert by_id[first["id"]]["merged_count"] == 1
    assert screen.moderate("hide", first["id"])["ok"]
    goto(screen, "vote")
    sam.hello()
    assert [i["text"] for i in sam.state["ideas"]] == ["wacht even"]


def test_a_drawing_alone_is_an_idea_and_hiding_tells_the_author(app, client, leader):
    import base64
    import io

    from PIL import Image

    _, wid = start_workshop(leader)
    screen = Screen(app, client, wid)
    sam = Tablet(app, screen.state["code"])
    goto(screen, "ideas")
    sam.hello()
    png = io.BytesIO()
    Image.new("RGBA", (200, 100), (255, 0, 0, 255)).save(png, "PNG")
    drawing = "data:image/png;base64," + base64.b64encode(png.getvalue()).decode()
    item = sam.submit("idea", {"text": "", "drawing": drawing})["result"]["item"]
    assert item["drawing"].startswith("/media/drawing-") and item["text"] == ""
    assert sam.submit("idea", {"text": ""})["error"] == "text_empty"
    assert client.get(item["drawing"]).mimetype == "image/png"
    # a good drawing with a broken photo: refused, and the drawing leaves no file behind
    media = app.config["MEDIA_DIR"]
    files = sorted(media.iterdir())
    reply = sam.submit("idea", {"text": "", "drawing": drawing,
                                "photo": "data:image/jpeg;base64,AAAA"})
    assert not reply["ok"]
    assert sorted(media.iterdir()) == files
    sam.received()
    screen.moderate("hide", item["id"])
    mine = [e["args"][0] for e in sam.received() if e["name"] == "mine"]
    assert mine[-1]["item"]["id"] == item["id"] and mine[-1]["item"]["visibility"] == "hidden"


def test_critical_answers_per_shortlisted_idea(app, client, leader):
    series_id, dream_id = start_workshop(leader, position=2)
    screen = Screen(app, client, dream_id)
    sam = Tablet(app, screen.state["code"])
    goto(screen, "ideas")
    sam.hello()
    idea = sam.submit("idea", {"text": "Speeltuin voor iedereen"})["result"]["item"]
    screen.moderate("shortlist", idea["id"])
    screen.control("end")
    from workshop.store.models import Workshop

    with app.extensions["db"].begin() as dbs:
        critical_id = dbs.query(Workshop).filter_by(series_id=series_id, position=3).one().id
    leader.client.post(f"/workshops/{critical_id}/start")
    screen = Screen(app, client, critical_id)
    sam = Tablet(app, screen.state["code"], token=sam.token)  # picks up the same child
    state = goto(screen, "critical")
    assert state["focus_idea_id"] == idea["id"]
    sam.hello()
    assert [i["id"] for i in sam.state["ideas"]] == [idea["id"]]
    reply = sam.submit("critical", {"idea_id": idea["id"], "question": "where",
                                    "text": "op het plein"})
    assert reply["ok"], reply
    assert screen.latest("added")["item"]["idea_id"] == idea["id"]
    assert sam.submit("critical", {"idea_id": idea["id"], "question": "nope",
                                   "text": "x"})["error"] == "unknown_choice"


def test_the_wrap_up_shows_the_top_ideas_shortlist_first(app, client, leader):
    _, wid = start_workshop(leader)
    screen = Screen(app, client, wid)
    sam = Tablet(app, screen.state["code"])
    goto(screen, "ideas")
    sam.hello()
    ids = [sam.submit("idea", {"text": f"idee {n}", "category": "food"})["result"]["item"]["id"]
           for n in range(10)]
    screen.moderate("hide", ids[0])
    goto(screen, "vote")
    sam.hello()
    sam.submit("vote", {"idea_id": ids[3]})
    sam.submit("vote", {"idea_id": ids[3]})
    sam.submit("vote", {"idea_id": ids[5]})
    screen.moderate("shortlist", ids[9])  # after the vote: a shortlist limits the ballot
    state = goto(screen, "wrapup")
    top = state["step"]["top"]
    expected = [ids[9], ids[3], ids[5]] + [i for i in ids[1:] if i not in (ids[3], ids[5],
                                                                           ids[9])]
    assert [i["id"] for i in state["ideas"]] == expected[:top]
    assert state["ideas"][0]["category_label"]["icon"]
    sam.hello()
    assert [i["id"] for i in sam.state["ideas"]] == expected[:top]
