"""A classroom laptop (SQLite) and a hosted network server (PostgreSQL), both real
`workshop serve` processes on loopback: pair, ship while the network server is down, the
shipment arrives once, news comes back, a revoked key and another network's key are
refused, a shipment file imported twice adds once, a broken one adds nothing."""

from __future__ import annotations

import re
import sqlite3
import time

import pytest
import requests
from sqlalchemy import create_engine, text

from tests.forms import Browser
from tests.servers import Server, free_port
from workshop.exchange import archive, client

from .classroom import PASSWORD, make_classroom
from .classroom import network_server as running_network_server

pytestmark = pytest.mark.scaleout


def login(server: Server, username: str) -> requests.Session:
    browser = Browser()  # posts with the page's CSRF token (tests/forms.py)
    answer = browser.post(server.url + "/login", data={"username": username,
                                                      "password": PASSWORD})
    assert answer.ok, answer.text
    browser.get(server.url + "/login?lang=en")  # the pages answer in English from now on
    return browser


def pairing_code(browser: requests.Session, server: Server, network_id: int) -> str:
    page = browser.post(f"{server.url}/networks/{network_id}/pairings",
                        data={"label": "Anna, De Regenboog"}).text
    return re.search(r'class="pairing-code"[^>]*><strong>([A-Z0-9-]+)</strong>', page).group(1)


def until(check, seconds: float = 30):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        value = check()
        if value:
            return value
        time.sleep(0.2)
    raise AssertionError("did not happen in time")


@pytest.fixture
def network_server(tmp_path):
    with running_network_server(tmp_path / "network", "admin") as server:
        server.pg = create_engine(server.database_url)
        yield server
        server.pg.dispose()


def make_network(browser, server, name: str) -> int:
    answer = browser.post(server.url + "/networks", data={"name": name, "stale_weeks": 6})
    return int(re.search(r"/networks/(\d+)", answer.url).group(1))


@pytest.fixture
def laptop(tmp_path):
    room = make_classroom(tmp_path / "laptop", ideas=4, shortlisted=3)
    server = Server(room.data_dir, free_port(), WORKSHOP_ROLE="classroom",
                    WORKSHOP_SYNC_SECONDS="0.5")
    server.start()
    server.room = room
    yield server
    server.stop()


def shipments(browser, laptop) -> list[dict]:
    return browser.get(f"{laptop.url}/series/{laptop.room.series_id}/shipments.json").json()[
        "shipments"]


def on_network(server, sql: str):
    with server.pg.connect() as connection:
        return connection.execute(text(sql)).scalar()


def test_ship_while_the_network_is_down_arrives_once_and_news_comes_back(network_server,
                                                                          laptop):
    advisor = login(network_server, "admin")
    network_id = make_network(advisor, network_server, "Rivierenbuurt")
    code = pairing_code(advisor, network_server, network_id)
    leader = login(laptop, "juf")
    paired = leader.post(laptop.url + "/links", data={
        "address": network_server.url, "code": code.lower().replace("-", " "),
        "label": "Laptop Anna"})
    assert "Rivierenbuurt" in paired.text
    # the same code works once
    again = leader.post(laptop.url + "/links", data={"address": network_server.url,
                                                     "code": code})
    assert again.status_code == 400 and "pairing code does not work" in again.text

    network_server.stop()
    series = laptop.room.series_id
    page = leader.post(f"{laptop.url}/series/{series}/ship",
                       data={"network_id": "link-1"}).text
    assert "Waiting to go" in page
    leader.post(f"{laptop.url}/series/{series}/ship", data={"network_id": "link-1"})  # twice
    waiting = until(lambda: [s for s in shipments(leader, laptop) if s["attempts"] >= 1])
    assert len(waiting) == 1 and waiting[0]["status"] == "waiting"
    assert waiting[0]["error"] == "server_unreachable" and waiting[0]["ideas"] == 3

    network_server.start()
    sent = until(lambda: [s for s in shipments(leader, laptop) if s["status"] == "sent"])
    assert sent[0]["added"] == 3
    assert on_network(network_server, "SELECT count(*) FROM board_ideas") == 3
    assert on_network(network_server, "SELECT count(*) FROM shipments") == 1

    # the answer got lost: the laptop sends the same shipment again; nothing doubles
    with sqlite3.connect(laptop.data_dir / "workshop.db") as con:
        con.execute("UPDATE outgoing_shipments SET status = 'waiting'")
    leader.post(f"{laptop.url}/series/{series}/send-now")
    assert shipments(leader, laptop)[0]["status"] == "sent"
    assert on_network(network_server, "SELECT count(*) FROM board_ideas") == 3
    assert on_network(network_server, "SELECT count(*) FROM shipments") == 1
    assert on_network(network_server, "SELECT count(*) FROM media") == 5  # 3 drawings 2 photos

    # the progress page lives on the network server: the drawing, no child's name
    with sqlite3.connect(laptop.data_dir / "workshop.db") as con:
        url = con.execute("SELECT remote_progress_url FROM groups").fetchone()[0]
    assert url.startswith(network_server.url + "/p/")
    public = requests.get(url).text
    assert "Idee nummer 0" in public and "Sanne" not in public
    assert "&lt;b&gt;brug&lt;/b&gt;" in public  # a child's "<b>" stays text
    assert re.search(r'<img[^>]+src="/media/drawing-', public)
    photo = on_network(network_server, "SELECT filename FROM media WHERE kind = 'photo' LIMIT 1")
    jpeg = requests.get(f"{network_server.url}/media/{photo}").content
    assert b"Exif" not in jpeg and b"SchoolTablet" not in jpeg

    # the advisor selects an idea: the laptop's news hears it
    idea = on_network(network_server, "SELECT id FROM board_ideas ORDER BY id LIMIT 1")
    advisor.post(f"{network_server.url}/board/ideas/{idea}/move", data={"target": "selected"})
    leader.post(f"{laptop.url}/series/{series}/send-now")
    with sqlite3.connect(laptop.data_dir / "workshop.db") as con:
        stages = dict(con.execute("SELECT idea_id, stage FROM idea_news").fetchall())
    assert stages[laptop.room.shortlist[0]] == "selected"
    assert set(stages) == set(laptop.room.shortlist)

    # another network's key cannot ship to this network
    other = make_network(advisor, network_server, "Schilderswijk")
    key = client.pair(network_server.url, pairing_code(advisor, network_server, other),
                      "stranger", "x")["key"]
    manifest = {"format": 1, "uid": "shipment-from-elsewhere", "network_id": network_id,
                "group": {"uid": "elsewhere/group/1", "name": "Groep 8"},
                "ideas": [{"uid": "elsewhere/idea/1", "text": "Een skatebaan"}]}
    with pytest.raises(client.Refused) as refused:
        client.push(network_server.url, key, archive.pack(manifest, {}))
    assert refused.value.code == "key_other_network"
    assert on_network(network_server, "SELECT count(*) FROM board_ideas") == 3

    # the advisor revokes the laptop: its key is refused, the leader is told
    pairings = advisor.get(f"{network_server.url}/networks/{network_id}/laptops").text
    pairing_id = re.search(r'class="pairing paired" data-pairing="(\d+)"', pairings).group(1)
    advisor.post(f"{network_server.url}/pairings/{pairing_id}/revoke")
    leader.post(f"{laptop.url}/series/{series}/send-now")
    links = leader.get(laptop.url + "/links").text
    assert "The advisor ended this laptop's link" in links
    with pytest.raises(client.Refused) as refused:
        with sqlite3.connect(laptop.data_dir / "workshop.db") as con:
            old_key = con.execute("SELECT key FROM network_links").fetchone()[0]
        client.news(network_server.url, old_key, [])
    assert refused.value.code == "key_revoked"


def test_a_shipment_file_imported_twice_adds_once_and_a_broken_one_adds_nothing(
        network_server, laptop):
    advisor = login(network_server, "admin")
    network_id = make_network(advisor, network_server, "Rivierenbuurt")
    leader = login(laptop, "juf")
    answer = leader.get(f"{laptop.url}/series/{laptop.room.series_id}/shipment.zip")
    assert answer.headers["Content-Type"] == "application/zip"
    body = answer.content
    upload = f"{network_server.url}/networks/{network_id}/shipments"

    broken = advisor.post(upload, files={"file": ("ideas.zip", body[: len(body) // 2])})
    assert broken.status_code == 400 and "damaged" in broken.text
    assert on_network(network_server, "SELECT count(*) FROM board_ideas") == 0
    assert on_network(network_server, "SELECT count(*) FROM groups") == 0

    first = advisor.post(upload, files={"file": ("ideas.zip", body)})
    assert first.ok and "Added to the board: 3" in first.text
    second = advisor.post(upload, files={"file": ("ideas.zip", body)})
    assert second.ok and "uploaded before" in second.text
    assert on_network(network_server, "SELECT count(*) FROM board_ideas") == 3
    assert on_network(network_server, "SELECT count(*) FROM shipments") == 1
