"""A Turkish, a Polish and an Arabic child in one workshop: each tablet hears its own
language (refusals, the words sent to a removed or declined tablet), the plan's texts come
in all five for the tablet to pick, and the classroom screen stays in the leader's Dutch."""

from workshop.domain.languages import CHILD
from workshop.store.models import Participant

from .helpers import Screen, Tablet, goto, start_workshop


def _child(app, code, name, lang):
    """A child joins on a tablet that reads `lang` (the tablet sends its page language)."""
    tablet = Tablet(app, code, hello=False)
    reply = tablet.call("join", code=code, name=name, avatar="🦊", key=["rocket", "fish"],
                        device=tablet.device, lang=lang)
    assert reply["ok"], reply
    tablet.token = reply["token"]
    tablet.state = tablet.hello()
    return tablet


def test_each_child_hears_their_own_language_and_the_screen_stays_dutch(app, client,
                                                                       leader, db):
    _, wid = start_workshop(leader)
    screen = Screen(app, client, wid)
    code = screen.state["code"]
    ayse, kuba, noor = (_child(app, code, "Ayşe", "tr"), _child(app, code, "Kuba", "pl"),
                        _child(app, code, "Noor", "ar"))
    assert [t.state["me"]["lang"] for t in (ayse, kuba, noor)] == ["tr", "pl", "ar"]
    with db.begin() as dbs:
        assert dbs.get(Participant, ayse.state["me"]["id"]).lang == "tr"
    goto(screen, "ideas")
    for tablet in (ayse, kuba, noor):
        tablet.hello()
    words = {name: t.submit("idea", {"text": ""})["message"]
             for name, t in (("ayse", ayse), ("kuba", kuba), ("noor", noor))}
    assert words == {"ayse": "Önce bir şey yaz.", "kuba": "Najpierw coś napisz.",
                     "noor": "اكتب شيئًا أولًا."}
    # the plan's texts reach every tablet in all five; each picks its own
    step = ayse.state["step"]
    assert set(step["prompt"]) == set(CHILD) and set(step["choices"][0]["label"]) == set(CHILD)
    assert step["choices"][0]["label"]["tr"] == "Yapmak ve inşa etmek"
    # the leader's screen and its refusals stay Dutch
    assert screen.call("control", action="nonsense")["message"] == "Onbekende actie."
    assert screen.call("moderate", op="nonsense", id=1)["message"] == "Onbekende actie."


def test_a_child_switches_language_and_is_answered_in_it(app, client, leader):
    _, wid = start_workshop(leader)
    screen = Screen(app, client, wid)
    sam = _child(app, screen.state["code"], "Sam", "nl")
    goto(screen, "ideas")
    sam.hello()
    assert sam.call("lang", lang="ar") == {"ok": True, "lang": "ar"}
    assert sam.submit("idea", {"text": ""})["message"] == "اكتب شيئًا أولًا."
    assert sam.hello()["me"]["lang"] == "ar"  # remembered on the server
    assert sam.call("lang", lang="xx") == {"ok": True, "lang": "nl"}
    assert sam.submit("idea", {"text": ""})["message"] == "Typ eerst iets."


def test_a_removed_polish_tablet_is_told_in_polish(app, client, leader):
    _, wid = start_workshop(leader)
    screen = Screen(app, client, wid)
    kuba = _child(app, screen.state["code"], "Kuba", "pl")
    assert screen.call("manage_child", op="remove", child_id=kuba.state["me"]["id"]) == \
        {"ok": True}
    [removed] = [e["args"][0] for e in kuba.received() if e["name"] == "removed"]
    assert removed["message"] == "Ten tablet jest wstrzymany. Zapytaj nauczyciela."
    assert removed["messages"]["tr"] == "Bu tablet durduruldu. Öğretmenine sor."
    assert set(removed["messages"]) == set(CHILD)


def test_a_declined_turkish_tablet_is_told_in_turkish(app, client, leader):
    _, wid = start_workshop(leader)
    screen = Screen(app, client, wid)
    code = screen.state["code"]
    sam = _child(app, code, "Sam", "nl")
    sam_id = sam.state["me"]["id"]
    sam.sio.disconnect(namespace="/live")
    other = Tablet(app, code, hello=False)
    assert other.call("ask_leader", code=code, participant_id=sam_id, device=other.device,
                      lang="tr")["waiting"]
    [request] = [e["args"][0] for e in screen.received()
                 if e["name"] == "join_requests"][-1]["requests"]
    assert screen.call("answer_join", request_id=request["id"], yes=False) == {"ok": True}
    [answer] = [e["args"][0] for e in other.received() if e["name"] == "join_answer"]
    assert answer["message"] == "Lider hayır dedi. Kendi adını seç."
    assert answer["messages"]["nl"] and answer["messages"]["ar"]
