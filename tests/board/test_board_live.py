"""The network meeting over sockets: the advisor presents, partners' phones follow and
respond, the presenter sees every response arrive; bad input is refused, nothing crashes."""

from sqlalchemy import func, select

from workshop.services import accounts, board, network
from workshop.store.board_models import BoardIdea, Fit, Offer
from workshop.store.models import User

NS = "/board"
PASSWORD = "geheim-123"


class Phone:
    """A logged-in person's browser with the /board socket open."""

    def __init__(self, app, username: str | None):
        self.http = app.test_client()
        if username:
            response = self.http.post("/login", data={"username": username,
                                                      "password": PASSWORD})
            assert response.status_code == 302
        self.sio = app.extensions["workshop_socketio"].test_client(
            app, namespace=NS, flask_test_client=self.http)

    def call(self, event: str, data=None):
        return self.sio.emit(event, data if data is not None else {}, namespace=NS,
                             callback=True)

    def received(self, name: str) -> list:
        return [e["args"][0] for e in self.sio.get_received(NS) if e["name"] == name]


def shipped(hood) -> list[int]:
    with hood.db.begin() as dbs:
        board.ship(dbs, hood.leader, hood.series_id, hood.network_id)
        return list(dbs.scalars(select(BoardIdea.id).order_by(BoardIdea.id)))


def test_the_presenter_sees_both_partners_respond(app, hood):
    first, second = shipped(hood)
    advisor, library, theatre = (Phone(app, n) for n in ("adviseur", "bieb", "theater"))
    for phone in (advisor, library, theatre):
        assert phone.call("board_hello", {"network_id": hood.network_id}) == {
            "ok": True, "presenting": None}
    reply = advisor.call("present", {"network_id": hood.network_id, "board_idea_id": first})
    assert reply["ok"] and reply["presenting"]["idea"]["text"] == "Een brug voor insecten"
    for phone in (library, theatre):
        shown = phone.received("presenting")
        assert [s["idea"]["id"] for s in shown] == [first]
    assert library.call("fit", {"board_idea_id": first, "fits": True})["ok"]
    reply = theatre.call("offer", {"board_idea_id": first, "kind": "money", "amount": "250,00",
                                   "note": "Voor materiaal"})
    assert reply["ok"] and reply["responses"]["offers"][0]["amount_cents"] == 25000
    heard = advisor.received("responses")
    assert len(heard) == 2
    assert [f["partner"] for f in heard[-1]["fits"]] == ["Bibliotheek"]
    assert [(o["partner"], o["kind"], o["note"]) for o in heard[-1]["offers"]] == [
        ("Theaterschool", "money", "Voor materiaal")]
    # a phone that opens late hears what is on the screen now, with the responses
    late = Phone(app, "bieb")
    hello = late.call("board_hello", {"network_id": hood.network_id})
    assert hello["presenting"]["idea"]["id"] == first
    assert len(hello["presenting"]["responses"]["offers"]) == 1
    # the next idea: every phone follows
    advisor.call("present", {"network_id": hood.network_id, "board_idea_id": second})
    assert late.received("presenting")[-1]["idea"]["id"] == second


def test_the_advisor_selects_and_says_not_now_from_the_presentation(app, hood):
    first, second = shipped(hood)
    advisor, library = Phone(app, "adviseur"), Phone(app, "bieb")
    for phone in (advisor, library):
        phone.call("board_hello", {"network_id": hood.network_id})
    reply = advisor.call("move", {"board_idea_id": first, "target": "selected"})
    assert reply["ok"] and reply["presenting"]["idea"]["stage"] == "selected"
    assert library.received("moved")[-1]["idea"]["stage"] == "selected"
    refused = advisor.call("move", {"board_idea_id": second, "target": "not_now"})
    assert refused["ok"] is False and refused["error"] == "reason_needed" and refused["message"]
    reason = "Niet nu, want het is te duur. Misschien volgend jaar!"
    reply = advisor.call("move", {"board_idea_id": second, "target": "not_now",
                                  "reason": reason})
    assert reply["presenting"]["idea"]["reason"] == reason
    assert library.call("move", {"board_idea_id": first, "target": "new"})["error"] == \
        "forbidden"


def test_partners_cannot_present_and_strangers_cannot_listen(app, hood):
    first, _ = shipped(hood)
    library = Phone(app, "bieb")
    library.call("board_hello", {"network_id": hood.network_id})
    reply = library.call("present", {"network_id": hood.network_id, "board_idea_id": first})
    assert reply["error"] == "forbidden"
    with hood.db.begin() as dbs:
        other = network.create_network(dbs, hood.admin, "Schilderswijk")
        user = accounts.create_user(dbs, "buur", PASSWORD, role="advisor")
        dbs.get(User, user["id"]).network_id = other["id"]
        dbs.commit()
    stranger = Phone(app, "buur")
    assert stranger.call("board_hello", {"network_id": hood.network_id})["error"] == "forbidden"
    assert stranger.call("present", {"network_id": other["id"],
                                     "board_idea_id": first})["error"] == "forbidden"
    assert stranger.call("fit", {"board_idea_id": first, "fits": True})["error"] == "forbidden"
    nobody = Phone(app, None)
    assert nobody.call("board_hello", {"network_id": hood.network_id})["error"] == \
        "login_required"
    advisor = Phone(app, "adviseur")
    advisor.call("board_hello", {"network_id": hood.network_id})
    advisor.call("present", {"network_id": hood.network_id, "board_idea_id": first})
    assert not stranger.received("presenting") and not nobody.received("presenting")


def test_bad_input_is_refused_and_saves_nothing(app, hood):
    first, _ = shipped(hood)
    theatre, advisor = Phone(app, "theater"), Phone(app, "adviseur")
    theatre.call("board_hello", {"network_id": hood.network_id})
    cases = [
        ("board_hello", {"network_id": "abc"}, "bad_request"),
        ("board_hello", {"network_id": 999}, "forbidden"),
        ("board_hello", ["not", "a", "dict"], "bad_request"),
        ("fit", {"board_idea_id": first, "fits": "yes"}, "bad_request"),
        ("fit", {"board_idea_id": None, "fits": True}, "bad_request"),
        ("fit", {"board_idea_id": True, "fits": True}, "bad_request"),
        ("offer", {"board_idea_id": first, "kind": "money", "amount": "abc"}, "amount_invalid"),
        ("offer", {"board_idea_id": first, "kind": "money", "amount": {"x": 1}},
         "amount_invalid"),
        ("offer", {"board_idea_id": first, "kind": "money", "amount": -5},
         "amount_not_positive"),
        ("offer", {"board_idea_id": first, "kind": "cake"}, "help_kind_invalid"),
        ("offer", {"board_idea_id": first, "kind": "space", "note": ["x"]}, "text_invalid"),
        ("offer", {"board_idea_id": first, "kind": "space", "note": "x" * 400},
         "text_too_long"),
        ("offer", {"board_idea_id": 424242, "kind": "space"}, "not_found"),
    ]
    for event, data, code in cases:
        reply = theatre.call(event, data)
        assert reply["ok"] is False and reply["error"] == code, (event, data, reply)
        assert reply["message"]
    # an advisor speaks for no partner on the phone view
    assert advisor.call("fit", {"board_idea_id": first, "fits": True})["error"] == \
        "partner_needed"
    with hood.db.begin() as dbs:
        assert dbs.scalar(select(func.count(Offer.id))) == 0
        assert dbs.scalar(select(func.count(Fit.id))) == 0
    assert not advisor.received("responses")
    # and the namespace still works afterwards
    assert theatre.call("fit", {"board_idea_id": first, "fits": True})["ok"]
    assert theatre.call("fit", {"board_idea_id": first, "fits": False})["responses"]["fits"] == []
