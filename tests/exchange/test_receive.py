"""The network server takes in shipments whole or not at all: hostile and broken archives
are refused with a reason and leave nothing behind; each shipment and idea is kept once."""

from __future__ import annotations

import base64
import io
import zipfile

import pytest
from PIL import Image
from sqlalchemy import func, select

from workshop.domain.errors import Refused
from workshop.exchange import archive
from workshop.exchange.receive import news, prepare, receive
from workshop.services import accounts, network, pairing
from workshop.store.board_models import BoardIdea
from workshop.store.link_models import Shipment
from workshop.store.models import Group, Media, User

from .classroom import picture


@pytest.fixture
def net(db):
    with db.begin() as dbs:
        admin = dbs.get(User, accounts.create_user(dbs, "admin", "geheim-123", "admin")["id"])
        first = network.create_network(dbs, admin, "Rivierenbuurt")["id"]
        second = network.create_network(dbs, admin, "Schilderswijk")["id"]
        code = pairing.make_code(dbs, admin, first, "Anna")["code"]
        key = pairing.pair(dbs, code, "Laptop Anna", "Anna")["key"]
    return {"admin": admin, "first": first, "second": second, "key": key}


def raw(data_url: str) -> bytes:
    return base64.b64decode(data_url.split(",", 1)[1])


def manifest(uid="ship-0001-aaaa", ideas=2, network_id=0, **group) -> dict:
    return {"format": 1, "uid": uid, "network_id": network_id, "sender": "laptop",
            "group": {"uid": "laptop-a/group/1", "name": "Groep 6B", "school": "De Regenboog",
                      "neighbourhood": "Rivierenbuurt", "show_first_names": False, **group},
            "series": "Voorjaar", "series_uid": "laptop-a/series/1",
            "counts": {"children": 24, "workshops": 3, "ideas": 40},
            "ideas": [{"uid": f"laptop-a/idea/{n}", "title": f"Idee {n}",
                       "text": f"Een idee nummer {n}", "drawing": f"pictures/drawing-{n}.png",
                       "photo": "pictures/photo-0.jpg" if n == 0 else None,
                       "origin": {"workshop": 2, "votes": 5 - n, "merged": 0,
                                  "first_name": "Sanne",
                                  "category": {"icon": "🎨", "label": {"nl": "Kunst"}},
                                  "critical": [{"question": {"icon": "👫",
                                                             "label": {"nl": "Voor wie?"}},
                                                "text": "Voor iedereen"}]}}
                      for n in range(ideas)]}


def pictures(ideas=2) -> dict[str, bytes]:
    found = {f"pictures/drawing-{n}.png": raw(picture("drawing")) for n in range(ideas)}
    found["pictures/photo-0.jpg"] = raw(picture("photo", gps=True))
    return found


def take(app, db, data: bytes, network_id: int, key: str | None = None) -> dict:
    media = app.config["MEDIA_DIR"]
    parsed, pics = prepare(data)
    with db.begin() as dbs:
        found = pairing.by_key(dbs, key) if key else None
        return receive(dbs, media, parsed, pics, network_id, pairing=found,
                       uploaded_by=None if key else 1)


def counts(app, db) -> tuple:
    with db.begin() as dbs:
        rows = tuple(dbs.scalar(select(func.count()).select_from(t))
                     for t in (BoardIdea, Shipment, Group, Media))
    files = sorted(p.name for p in app.config["MEDIA_DIR"].glob("*")) \
        if app.config["MEDIA_DIR"].exists() else []
    return rows + (len(files),)


def test_a_shipment_is_stored_once_with_pictures_stripped_and_no_names(app, db, net):
    body = archive.pack(manifest(), pictures())
    first = take(app, db, body, net["first"], net["key"])
    assert len(first["added"]) == 2 and not first["duplicate"]
    again = take(app, db, body, net["first"], net["key"])
    assert again["duplicate"] and again["added"] == []
    reshipped = take(app, db, archive.pack(manifest(uid="ship-0002-bbbb", ideas=3),
                                           pictures(3)), net["first"], net["key"])
    assert reshipped["added"] == ["laptop-a/idea/2"] and len(reshipped["already"]) == 2
    assert counts(app, db)[:4] == (3, 2, 1, 4)
    with db.begin() as dbs:
        item = dbs.scalar(select(BoardIdea).order_by(BoardIdea.id))
        assert item.origin["first_name"] is None and item.origin["group"] == "Groep 6B"
        assert item.origin["category"]["icon"] == "🎨"
        photo = dbs.get(Media, item.photo_id)
    with Image.open(app.config["MEDIA_DIR"] / photo.filename) as image:
        assert not image.getexif()


def test_another_networks_key_is_refused_and_adds_nothing(app, db, net):
    body = archive.pack(manifest(network_id=net["second"]), pictures())
    with pytest.raises(Refused) as refused:
        take(app, db, body, net["first"], net["key"])
    assert refused.value.code == "key_other_network"
    assert counts(app, db) == (0, 0, 0, 0, 0)


def test_a_group_stays_with_its_network(app, db, net):
    take(app, db, archive.pack(manifest(), pictures()), net["first"], net["key"])
    with pytest.raises(Refused) as refused:
        take(app, db, archive.pack(manifest(uid="ship-0003-cccc"), pictures()), net["second"])
    assert refused.value.code == "other_network"


def _zip(entries: dict[str, bytes]) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as made:
        for name, data in entries.items():
            made.writestr(name, data)
    return out.getvalue()


def _with(change) -> bytes:
    data = manifest()
    change(data)
    return archive.pack(data, pictures())


HOSTILE = {
    "truncated archive": (lambda: archive.pack(manifest(), pictures())[:900], "shipment_broken"),
    "not a zip": (lambda: b"<html>hello</html>", "shipment_broken"),
    "no manifest": (lambda: _zip({"pictures/drawing-0.png": b"x"}), "shipment_broken"),
    "manifest not json": (lambda: _zip({"shipment.json": b"{nope"}), "shipment_broken"),
    "other format": (lambda: _with(lambda m: m.update(format=2)), "shipment_format"),
    "picture not an image": (lambda: archive.pack(manifest(), {
        **pictures(), "pictures/drawing-1.png": b"MZ\x90\x00 this is a program"}),
        "image_invalid"),
    "picture too big": (lambda: archive.pack(manifest(), {
        **pictures(), "pictures/drawing-1.png": b"\x89PNG" + b"0" * (archive.MAX_PICTURE + 1)}),
        "image_too_big"),
    "picture missing": (lambda: archive.pack(manifest(), {"pictures/drawing-0.png":
                                                          raw(picture("drawing"))}),
                        "shipment_broken"),
    "path outside the archive": (lambda: _with(lambda m: m["ideas"][0].update(
        drawing="pictures/../../etc/passwd")), "shipment_broken"),
    "votes as text": (lambda: _with(lambda m: m["ideas"][0]["origin"].update(votes="5")),
                      "shipment_broken"),
    "idea text far too long": (lambda: _with(lambda m: m["ideas"][1].update(text="a" * 5000)),
                               "text_too_long"),
    "no ideas": (lambda: _with(lambda m: m.update(ideas=[])), "shipment_broken"),
    "same idea twice": (lambda: _with(lambda m: m["ideas"][1].update(
        uid=m["ideas"][0]["uid"])), "shipment_broken"),
    "a list for the group": (lambda: _with(lambda m: m.update(group=["Groep 6B"])),
                             "shipment_broken"),
}


@pytest.mark.parametrize("case", sorted(HOSTILE))
def test_a_hostile_or_broken_shipment_is_refused_whole(app, db, net, case):
    make, code = HOSTILE[case]
    with pytest.raises(Refused) as refused:
        take(app, db, make(), net["first"], net["key"])
    assert refused.value.code == code
    assert counts(app, db) == (0, 0, 0, 0, 0)


def test_html_in_every_field_stays_text_on_every_page(app, db, net, client):
    evil = '<script>alert(1)</script><img src=x onerror=alert(2)>'
    data = manifest(name=evil[:80], school=evil[:80], neighbourhood=evil[:80])
    data["series"] = evil[:80]
    for idea in data["ideas"]:
        idea["title"], idea["text"] = evil[:80], evil
        idea["origin"]["category"] = {"icon": "<b>", "label": {"nl": evil[:80]}}
        idea["origin"]["critical"] = [{"question": {"icon": "x", "label": {"nl": evil[:80]}},
                                       "text": evil}]
    take(app, db, archive.pack(data, pictures()), net["first"], net["key"])
    with db.begin() as dbs:
        group = dbs.scalar(select(Group))
        idea_id = dbs.scalar(select(BoardIdea.id))
    client.post("/login", data={"username": "admin", "password": "geheim-123"})
    for page in (f"/p/{group.progress_token}", f"/networks/{net['first']}/board",
                 f"/board/ideas/{idea_id}"):
        body = client.get(page).get_data(as_text=True)
        assert "<script>alert" not in body and "onerror=alert" not in body.replace(
            "onerror=alert(2)&gt;", ""), page
        assert "&lt;script&gt;" in body, page


def test_pairing_codes_work_once_and_revoked_keys_are_refused(db, net):
    with db.begin() as dbs:
        admin = dbs.get(User, net["admin"].id)
        code = pairing.make_code(dbs, admin, net["first"])["code"]
        pairing.pair(dbs, code, "x")
        with pytest.raises(Refused) as used:
            pairing.pair(dbs, code, "x")
        assert used.value.code == "pairing_code_invalid"
        with pytest.raises(Refused) as unknown:
            pairing.by_key(dbs, "a" * 43)
        assert unknown.value.code == "key_unknown"
        found = pairing.by_key(dbs, net["key"])
        pairing.revoke(dbs, admin, found.id)
        with pytest.raises(Refused) as revoked:
            pairing.by_key(dbs, net["key"])
        assert revoked.value.code == "key_revoked"


def test_news_answers_only_for_the_keys_network(app, db, net):
    take(app, db, archive.pack(manifest(), pictures()), net["first"], net["key"])
    with db.begin() as dbs:
        assert {n["uid"] for n in news(dbs, net["first"], ["laptop-a/idea/0", "x"])} == {
            "laptop-a/idea/0"}
        assert news(dbs, net["second"], ["laptop-a/idea/0"]) == []


def test_figures_count_what_the_laptops_counted(app, db, net):
    from workshop.services.figures import figures

    take(app, db, archive.pack(manifest(), pictures()), net["first"], net["key"])
    second = manifest(uid="ship-0009-dddd", ideas=3)
    second["counts"] = {"children": 25, "workshops": 3, "ideas": 44}
    take(app, db, archive.pack(second, pictures(3)), net["first"], net["key"])
    with db.begin() as dbs:
        admin = dbs.get(User, net["admin"].id)
        found = figures(dbs, admin, net["first"])
        other = figures(dbs, admin, net["second"])
    # the same series shipped twice counts once, with its newest figures
    assert (found["children"], found["workshops"], found["ideas"]) == (25, 3, 44)
    assert found["shipped"] == 3
    assert (other["children"], other["shipped"]) == (0, 0)


def test_two_shipments_of_the_same_ideas_at_the_same_moment_store_each_idea_once(app, db, net):
    """Two laptops (or two sends) race: both answer, each idea is on the board once."""
    import threading

    bodies = [archive.pack(manifest(uid=f"ship-race-{n:04d}", ideas=3), pictures(3))
              for n in range(2)]
    parsed = [prepare(body) for body in bodies]
    start, answers = threading.Barrier(2), []

    def send(n):
        start.wait()
        with db.begin() as dbs:
            answers.append(receive(dbs, app.config["MEDIA_DIR"], *parsed[n], net["first"],
                                   uploaded_by=1))

    threads = [threading.Thread(target=send, args=(n,)) for n in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert len(answers) == 2
    assert sum(len(a["added"]) for a in answers) == 3
    # ideas, shipments, groups, pictures and picture files: nothing twice, nothing left over
    assert counts(app, db) == (3, 2, 1, 4, 4)
