"""Tables and the word cloud over sockets: the leader makes tables, moves a child, gives
tables ideas; each tablet hears its table; the screen sees every table's progress; a
question wall becomes a cloud without hidden answers."""

from workshop.store.models import Participant, Workshop

from .helpers import Screen, Tablet, goto, start_workshop


def _critical_with_ideas(app, client, leader, children=4, ideas=2):
    """A dream workshop with shortlisted ideas, then the critical workshop started, its
    screen and the children's tablets."""
    series_id, dream_id = start_workshop(leader, position=2)
    screen = Screen(app, client, dream_id)
    kids = [Tablet(app, screen.state["code"], f"Kind{chr(65 + n)}") for n in range(children)]
    goto(screen, "ideas")
    kids[0].hello()
    made = [kids[0].submit("idea", {"text": f"Idee {w}"})["result"]["item"]["id"]
            for w in ("speeltuin", "snoepmuseum", "robotles")[:ideas]]
    for idea in made:
        screen.moderate("shortlist", idea)
    screen.control("end")
    with app.extensions["db"].begin() as dbs:
        critical_id = dbs.query(Workshop).filter_by(series_id=series_id, position=3).one().id
    leader.client.post(f"/workshops/{critical_id}/start")
    screen = Screen(app, client, critical_id)
    kids = [Tablet(app, screen.state["code"], token=k.token) for k in kids]
    return screen, kids, made


def test_the_leader_makes_tables_and_each_tablet_hears_its_own(app, client, leader):
    screen, kids, _ = _critical_with_ideas(app, client, leader)
    assert screen.call("tables", op="make", value=2) == {"ok": True}
    state = screen.latest("screen_state")
    assert [t["icon"] for t in state["tables"]] == ["🦊", "🐳"]
    assert [c["table"] for c in state["children"]] == [1, 2, 1, 2]
    tables_heard = [e["args"][0]["table"] for e in kids[1].received() if e["name"] == "table"]
    assert tables_heard == [2]
    # moving a child
    child_id = state["children"][1]["id"]
    assert screen.call("tables", op="move", child_id=child_id, value=1) == {"ok": True}
    assert [c["table"] for c in screen.latest("screen_state")["children"]] == [1, 1, 1, 2]
    assert kids[1].hello()["me"]["table"] == 1


def test_bad_table_requests_get_a_clear_error(app, client, leader):
    screen, kids, _ = _critical_with_ideas(app, client, leader, children=1, ideas=1)
    reply = screen.call("tables", op="make", value=9)
    assert reply["error"] == "tables_count_invalid" and "2" in reply["message"]
    assert screen.call("tables", op="move", child_id=1, value=1)["error"] == "no_tables"
    assert screen.call("tables", op="make", value=3) == {"ok": True}
    assert screen.call("tables", op="move", child_id=999, value=1)["error"] == "not_found"
    assert screen.call("tables", op="idea", table=4, value=1)["error"] == "no_such_table"
    assert screen.call("tables", op="dance")["error"] == "unknown_action"
    # a tablet cannot make tables
    assert kids[0].call("tables", op="make", value=2,
                        workshop_id=screen.workshop_id)["error"] == "forbidden"


def test_in_critical_thinking_each_table_gets_its_idea_and_the_screen_its_progress(
        app, client, leader, db):
    screen, kids, ideas = _critical_with_ideas(app, client, leader)
    screen.call("tables", op="make", value=2)
    state = goto(screen, "critical")
    # entering critical thinking gives the tables the shortlist round-robin
    assert [t["idea_id"] for t in state["tables"]] == ideas
    for kid in kids:
        kid.hello()
    assert kids[0].state["me"]["table"] == 1 and kids[1].state["me"]["table"] == 2
    assert [t["idea_id"] for t in kids[1].state["tables"]] == ideas
    # two children of table 1 answer about table 1's idea, one of them twice
    kids[0].submit("critical", {"idea_id": ideas[0], "question": "where", "text": "op het plein"})
    kids[0].submit("critical", {"idea_id": ideas[0], "question": "for_whom", "text": "iedereen"})
    kids[2].submit("critical", {"idea_id": ideas[0], "question": "where", "text": "in de school"})
    heard = screen.latest("table_progress")  # after each answer, to the screens
    progress = screen.call("screen_hello")["state"]["table_progress"]
    assert heard["progress"] == progress and heard["step_index"] == state["step_index"]
    assert progress == [
        {"table": 1, "idea_id": ideas[0], "questions": 2, "of_questions": 5, "children": 2,
         "of_children": 2},
        {"table": 2, "idea_id": ideas[1], "questions": 0, "of_questions": 5, "children": 0,
         "of_children": 2},
    ]
    # the leader gives table 2 the first idea too; a hidden answer leaves the progress
    assert screen.call("tables", op="idea", table=2, value=ideas[0]) == {"ok": True}
    shared = [e["args"][0] for e in kids[1].received() if e["name"] == "shared"][-1]
    assert [t["idea_id"] for t in shared["tables"]] == [ideas[0], ideas[0]]
    answer = screen.latest("screen_state")["items"][-1]
    screen.moderate("hide", answer["id"], kind="response")
    assert screen.latest("screen_state")["table_progress"][0]["children"] == 1
    # and back to round-robin
    screen.call("tables", op="ideas_auto")
    assert [t["idea_id"] for t in screen.latest("screen_state")["tables"]] == ideas


def test_children_keep_their_table_in_the_next_workshop_and_newcomers_get_one(
        app, client, leader, db):
    series_id, dream_id = start_workshop(leader, position=2)
    screen = Screen(app, client, dream_id)
    kids = [Tablet(app, screen.state["code"], f"Kind{n}") for n in "ABC"]
    screen.call("tables", op="make", value=3)
    late = Tablet(app, screen.state["code"], "Laat")  # after the split: the smallest table
    assert late.state["me"]["table"] == 1
    screen.control("end")
    with db.begin() as dbs:
        critical_id = dbs.query(Workshop).filter_by(series_id=series_id, position=3).one().id
    leader.client.post(f"/workshops/{critical_id}/start")
    screen = Screen(app, client, critical_id)
    again = Tablet(app, screen.state["code"], token=kids[2].token)
    assert again.state["me"]["table"] == 3
    with db.begin() as dbs:
        assert sorted(dbs.query(Participant.table_no)) == [(1,), (1,), (2,), (3,)]


def test_no_tables_takes_them_away(app, client, leader):
    screen, kids, _ = _critical_with_ideas(app, client, leader, children=2, ideas=1)
    screen.call("tables", op="make", value=2)
    assert screen.call("tables", op="make", value=0) == {"ok": True}
    state = screen.latest("screen_state")
    assert state["tables"] == [] and [c["table"] for c in state["children"]] == [None, None]


def test_the_question_wall_as_a_word_cloud_without_hidden_answers(app, client, leader):
    _, wid = start_workshop(leader, position=1)
    screen = Screen(app, client, wid)
    sam, noor = Tablet(app, screen.state["code"]), Tablet(app, screen.state["code"], "Noor")
    state = goto(screen, "question")
    assert state["cloud"] is False and "words" not in state
    sam.hello()
    noor.hello()
    sam.submit("answer", {"text": "Voetbal op het plein"})
    noor.submit("answer", {"text": "voetbal en dansen"})
    state = screen.control("cloud_on")
    assert state["cloud"] is True
    # "Voetbal" and "voetbal" are one word, shown lowercase when both are typed as often
    assert state["words"] == [{"word": "voetbal", "count": 2, "level": 6},
                              {"word": "dansen", "count": 1, "level": 1},
                              {"word": "plein", "count": 1, "level": 1}]
    # a new answer: the screens get the new cloud
    reply = sam.submit("answer", {"text": "Dansen in de bibliotheek"})
    cloud = screen.latest("cloud")
    assert cloud["step_index"] == state["step_index"]
    assert {w["word"].lower(): w["count"] for w in cloud["words"]}["dansen"] == 2
    # hiding it takes its words out of the cloud
    screen.moderate("hide", reply["result"]["item"]["id"], kind="response")
    words = {w["word"].lower() for w in screen.latest("screen_state")["words"]}
    assert "bibliotheek" not in words and "dansen" in words
    # the tablets never get the class's words
    assert not [e for e in sam.received() if e["name"] == "cloud"]
    assert "words" not in [e for e in noor.received() if e["name"] == "shared"][-1]
    # kept per step: another step is no cloud; back on the wall it is
    nxt = screen.control("next")
    assert nxt["cloud"] is False
    back = screen.control("goto", state["step_index"])
    assert back["cloud"] is True
    assert screen.control("cloud_off")["cloud"] is False


def test_only_a_question_wall_becomes_a_cloud(app, client, leader):
    _, wid = start_workshop(leader, position=1)
    screen = Screen(app, client, wid)
    reply = screen.call("control", action="cloud_on")
    assert reply["error"] == "no_cloud_here" and reply["message"]
