"""The leader's pages: first run, login, groups, series, plans, exports, QR code, cards."""

import csv
import io
import json

import zxingcpp
from PIL import Image
from sqlalchemy import select

from workshop.store.models import User

from ..live.helpers import Screen, Tablet, goto, start_workshop


def test_first_run_creates_the_first_account_with_a_real_hash(client, db):
    assert client.get("/").headers["Location"].startswith("/login")
    assert client.get("/login").headers["Location"] == "/setup"
    bad = client.post("/setup", data={"name": "Juf", "username": "juf", "password": "kort",
                                      "password2": "kort"})
    assert bad.status_code == 400
    ok = client.post("/setup", data={"name": "Juf Anna", "username": "Juf",
                                     "password": "geheim-123", "password2": "geheim-123"})
    assert ok.status_code == 302
    with db.begin() as dbs:
        user = dbs.scalar(select(User))
    assert user.username == "juf" and user.role == "admin"
    assert user.password_hash.startswith("scrypt:") and "geheim" not in user.password_hash
    assert client.get("/setup").headers["Location"] == "/login"  # only once


def test_login_wrong_password_and_logout(client, leader):
    leader.client.post("/logout")
    assert leader.login(password="fout-fout").status_code == 401
    assert client.get("/").status_code == 302
    assert leader.login().status_code == 302
    assert client.get("/").status_code == 200


def test_group_and_series_with_three_workshops(client, leader):
    series_id = leader.series("Groep 7")
    page = client.get(f"/series/{series_id}").get_data(as_text=True)
    assert page.count("start-workshop") == 3
    assert "Groep 7" in client.get("/").get_data(as_text=True)
    bad = client.post("/groups/new", data={"name": "", "age_min": 8, "age_max": 12})
    assert bad.status_code == 400


def test_the_series_page_names_the_workshops_in_the_leaders_language(client, leader):
    """It showed the plan files' names ('1. inspire', '3. critical') on a Dutch page."""
    series_id = leader.series("Groep 7")
    page = client.get(f"/series/{series_id}").get_data(as_text=True)
    for words in ("<strong>1.</strong> Inspireren", "<strong>2.</strong> Dromen",
                  "<strong>3.</strong> Kritisch denken"):
        assert words in page, words
    assert "</strong> inspire</td>" not in page
    assert ">Inspireren (inspire)</option>" in page          # the plan to choose, by its title


def test_the_home_pages_buttons_use_signs_every_font_has(client, leader):
    """'New group' and 'New series' began with a full-width plus (U+FF0B), which neither
    DejaVu nor the other fonts of a Debian laptop have: a box was drawn in its place."""
    leader.series("Groep 7")
    page = client.get("/").get_data(as_text=True)
    assert "+ Nieuwe groep" in page
    assert not [c for c in page if 0xFF00 <= ord(c) <= 0xFFEF], "full-width forms on the page"

def test_another_leader_cannot_see_my_series(app, client, leader, db):
    series_id = leader.series()
    other = app.test_client()
    from ..conftest import Leader

    Leader(other, db, username="meester")
    assert other.get(f"/series/{series_id}").status_code == 403
    assert other.get(f"/series/{series_id}/export.json").status_code == 403


def test_qr_code_carries_the_join_address(app, client, leader):
    _, wid = start_workshop(leader)
    screen = Screen(app, client, wid)
    code = screen.state["code"]
    png = client.get(f"/j/{code}/qr.png")
    assert png.mimetype == "image/png"
    found = zxingcpp.read_barcodes(Image.open(io.BytesIO(png.data)))
    assert [r.text for r in found] == [f"http://127.0.0.1:5000/j/{code}"]
    page = client.get(f"/workshops/{wid}/screen").get_data(as_text=True)
    assert code in page


def test_exports_and_idea_card(app, client, leader):
    series_id, wid = start_workshop(leader)
    screen = Screen(app, client, wid)
    sam = Tablet(app, screen.state["code"])
    goto(screen, "ideas")
    sam.hello()
    idea = sam.submit("idea", {"text": "=1+1 snoep", "category": "food"})["result"]["item"]
    screen.moderate("shortlist", idea["id"])
    data = json.loads(client.get(f"/series/{series_id}/export.json").data)
    assert data["ideas"][0]["text"] == "=1+1 snoep" and data["ideas"][0]["shortlisted"]
    assert data["children"] == [{"id": sam.state["me"]["id"], "name": "Sam", "avatar": "🦊"}]
    rows = list(csv.DictReader(io.StringIO(
        client.get(f"/series/{series_id}/export.csv").data.decode("utf-8-sig"))))
    assert rows[0]["text"] == "'=1+1 snoep"  # never a formula in a spreadsheet
    card = client.get(f"/series/{series_id}/ideas/{idea['id']}/card.png")
    assert Image.open(io.BytesIO(card.data)).size == (1600, 1131)
    page = client.get(f"/series/{series_id}").get_data(as_text=True)
    assert "=1+1 snoep" in page


def test_copy_and_edit_a_plan(client, leader, app):
    assert client.post("/plans/dream/copy", data={"new_name": "dream-6b"}).status_code == 302
    form = {"title.nl": "Dromen 6B", "title.en": "Dream 6B", "s0.title.nl": "Hallo 6B!",
            "s0.minutes": "3"}
    assert client.post("/plans/dream-6b/edit", data=form).status_code == 302
    plan = app.extensions["plans"].get("dream-6b")
    assert plan.title.nl == "Dromen 6B" and plan.steps[0].title.nl == "Hallo 6B!"
    assert plan.steps[0].minutes == 3
    # shipped plans stay untouched, and bad values are refused without saving
    assert app.extensions["plans"].get("dream").title.nl != "Dromen 6B"
    assert client.post("/plans/dream/edit", data=form).status_code == 400
    bad = client.post("/plans/dream-6b/edit", data={"s0.minutes": "500"})
    assert bad.status_code == 400
    assert app.extensions["plans"].get("dream-6b").steps[0].minutes == 3


def test_a_broken_plan_file_is_listed_with_its_line(client, leader, app):
    own = app.config["OWN_PLANS_DIR"]
    own.mkdir(parents=True, exist_ok=True)
    (own / "kapot.yaml").write_text("name: kapot\nkind: dream\ntitle: X\nsteps:\n"
                                    "  - kind: dance\n    title: X\n    prompt: Y\n")
    page = client.get("/plans").get_data(as_text=True)
    assert "kapot.yaml, line 5" in page and "kind must be one of" in page


def test_a_server_restart_resumes_the_workshop(tmp_path):
    from workshop import create_app

    from ..conftest import Leader

    settings = {"DATA_DIR": tmp_path / "d", "PUBLIC_URL": "http://127.0.0.1:5000",
                "ASYNC_MODE": "threading",
                "SECRET_KEY": "x"}
    first = create_app(settings)
    http = first.test_client()
    leader = Leader(http, first.extensions["db"])
    _, wid = start_workshop(leader)
    screen = Screen(first, http, wid)
    sam = Tablet(first, screen.state["code"])
    goto(screen, "ideas")
    screen.control("timer_start")
    sam.hello()
    sam.submit("idea", {"text": "voor de herstart"})
    first.extensions["db"].dispose()

    second = create_app(settings)  # the same data directory, as after a restart
    http2 = second.test_client()
    http2.post("/login", data={"username": "juf", "password": "geheim-123"})
    screen2 = Screen(second, http2, wid)
    assert screen2.state["step"]["kind"] == "ideas"
    assert screen2.state["timer"]["ends_at"] is not None
    again = Tablet(second, screen.state["code"], token=sam.token)
    assert [i["text"] for i in again.state["mine"]] == ["voor de herstart"]
    second.extensions["db"].dispose()


def test_partners_and_advisors_start_at_their_network(app, client, db):
    from workshop.services import accounts

    with db.begin() as dbs:
        accounts.create_user(dbs, "bieb", "geheim-123", role="partner")
    client.post("/login", data={"username": "bieb", "password": "geheim-123"})
    assert client.get("/").headers["Location"] == "/networks"
    assert client.get("/plans").status_code == 403
    assert client.get("/groups/new").status_code == 403
    assert "Plans" not in client.get("/networks?lang=en").get_data(as_text=True)


def test_the_plan_editor_sets_when_results_show(client, leader, app):
    assert client.post("/plans/inspire/copy", data={"new_name": "inspire-6b"}).status_code == 302
    page = client.get("/plans/inspire-6b/edit").get_data(as_text=True)
    assert page.count('name="s2.results"') == 1 and page.count("<select") == 2  # poll, cards
    plan = app.extensions["plans"].get("inspire-6b")
    poll = next(i for i, s in enumerate(plan.steps) if s.kind == "poll")
    assert plan.steps[poll].results == "reveal"
    assert client.post("/plans/inspire-6b/edit",
                       data={f"s{poll}.results": "live"}).status_code == 302
    assert app.extensions["plans"].get("inspire-6b").steps[poll].results == "live"
    bad = client.post("/plans/inspire-6b/edit", data={f"s{poll}.results": "sometimes"})
    assert bad.status_code == 400
    assert app.extensions["plans"].get("inspire-6b").steps[poll].results == "live"
