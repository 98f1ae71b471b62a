"""A locked database is a wait, not a freeze: another process holds an exclusive lock on
the SQLite file of a real `workshop serve` (gevent mode), and the server keeps answering.
Not timed: what is answered, what waits and how many rows there are."""

from __future__ import annotations

import re
import sqlite3
from pathlib import Path

import socketio

from ..forms import Browser
from ..servers import Server, free_port
from ..sqlite_lock import ExclusiveLock

NS = "/live"


def start_classroom(tmp_path: Path, **settings) -> tuple[Server, dict]:
    """A server with a leader, a started workshop in its ideas step and the screen."""
    server = Server(tmp_path / "data", free_port(), **settings)
    server.data_dir.mkdir(parents=True)
    server.cli("create-user", "juf", "--role", "admin", "--password", "geheim-123")
    server.start()
    http = Browser()
    assert http.post(server.url + "/login", data={"username": "juf",
                                                  "password": "geheim-123"}).ok
    http.post(server.url + "/groups/new", data={"name": "6B", "age_min": 8, "age_max": 12})
    group = re.search(r'data-group="(\d+)"', http.get(server.url + "/").text).group(1)
    page = http.post(server.url + f"/groups/{group}/series/new", data={"title": "Voorjaar"})
    wid = int(re.findall(r'data-workshop="(\d+)"', page.text)[1])
    http.post(server.url + f"/workshops/{wid}/start")
    cookie = "; ".join(f"{k}={v}" for k, v in http.cookies.items())
    screen = socketio.Client(reconnection=False)
    screen.connect(server.url, namespaces=[NS], transports=["websocket"],
                   headers={"Cookie": cookie}, wait_timeout=10)
    state = screen.call("screen_hello", {"workshop_id": wid}, namespace=NS)["state"]
    step = next(i for i, s in enumerate(state["steps"]) if s["kind"] == "ideas")
    assert screen.call("control", {"workshop_id": wid, "action": "goto", "value": step},
                       namespace=NS)["ok"]
    return server, {"wid": wid, "code": state["code"], "step": step, "screen": screen,
                    "http": http}


def tablet(server: Server, room: dict, lang: str = "nl") -> socketio.Client:
    """A child's tablet, joined and said hello."""
    client = socketio.Client(reconnection=False)
    client.connect(server.url, namespaces=[NS], transports=["websocket"], wait_timeout=10)
    joined = client.call("join", {"code": room["code"], "name": "Sam", "avatar": "🦊",
                                  "lang": lang}, namespace=NS)
    assert joined["ok"], joined
    assert client.call("tablet_hello", {"code": room["code"], "token": joined["token"]},
                       namespace=NS)["ok"]
    return client


def idea(room: dict, client_id: str, text: str = "Een muur vol kunst") -> dict:
    return {"client_id": client_id, "workshop_id": room["wid"], "what": "idea",
            "step_index": room["step"], "payload": {"text": text}}


def count(server: Server, sql: str, *args) -> int:
    """A count read straight from the file (WAL: readers do not wait for the lock)."""
    with sqlite3.connect(server.data_dir / "workshop.db", timeout=30) as db:
        return db.execute(sql, args).fetchone()[0]


IDEAS = "SELECT count(*) FROM ideas WHERE text = ?"
RECEIPTS = "SELECT count(*) FROM receipts WHERE client_id = ?"
BUSY_NL = ("Opslaan duurt langer dan normaal. Je werk is bewaard en wordt vanzelf "
           "opnieuw verstuurd.")
BUSY_EN = "Saving takes longer than usual. Your work is kept and sent again by itself."


def _stop(server: Server, room: dict, *clients: socketio.Client) -> None:
    for client in (*clients, room["screen"]):
        client.disconnect()
    server.stop()


def test_while_the_file_is_locked_pages_and_sockets_answer_and_submissions_wait(tmp_path):
    # a limit far beyond this test's lock: here the submissions only wait
    server, room = start_classroom(tmp_path, WORKSHOP_DB_WAIT_SECONDS="120")
    # more waiting submissions than threading mode lets run at once (8): none holds up
    # the other events
    writers = [tablet(server, room) for _ in range(10)]
    reader = tablet(server, room)
    acks: dict[int, dict] = {}
    try:
        with ExclusiveLock(server.data_dir / "workshop.db") as lock:
            for n, writer in enumerate(writers):
                writer.emit("submit", idea(room, f"locked-idea-{n:04d}", f"Idee {n}"),
                            namespace=NS, callback=lambda reply, n=n: acks.__setitem__(n, reply))
            # the loop answers: a page, another tablet's event, the screen's event
            assert room["http"].get(server.url + "/login", timeout=30).status_code == 200
            own = reader.call("tablet_own", {}, namespace=NS, timeout=30)
            assert own["ok"] and own["step_index"] == room["step"]
            hello = room["screen"].call("screen_hello", {"workshop_id": room["wid"]},
                                        namespace=NS, timeout=30)
            assert hello["ok"]
            assert all(writer.connected for writer in writers)
            # the submissions wait: no answer and nothing stored while the lock is held
            assert acks == {}
            assert count(server, IDEAS, "Idee 0") == 0
            lock.release()
            for _ in range(300):
                if len(acks) == len(writers):
                    break
                writers[0].sleep(0.1)
        assert sorted(acks) == list(range(len(writers)))
        assert all(reply["ok"] for reply in acks.values()), acks
        for n in range(len(writers)):  # each stored exactly once
            assert count(server, IDEAS, f"Idee {n}") == 1
            assert count(server, RECEIPTS, f"locked-idea-{n:04d}") == 1
    finally:
        _stop(server, room, reader, *writers)


def test_past_the_limit_a_submission_is_refused_in_words_and_a_resend_stores_it_once(
        tmp_path):
    server, room = start_classroom(tmp_path, WORKSHOP_DB_WAIT_SECONDS="2")
    dutch, english = tablet(server, room), tablet(server, room, lang="en")
    try:
        with ExclusiveLock(server.data_dir / "workshop.db") as lock:
            for child, words in ((dutch, BUSY_NL), (english, BUSY_EN)):
                reply = child.call("submit", idea(room, f"late-{words[:4]}", words[:20]),
                                   namespace=NS, timeout=30)
                assert reply == {"ok": False, "error": "db_busy", "message": words}
                assert child.connected
            # nothing half-saved: no idea, no receipt
            assert count(server, IDEAS, BUSY_NL[:20]) == 0
            assert count(server, RECEIPTS, f"late-{BUSY_NL[:4]}") == 0
            assert count(server, "SELECT count(*) FROM ideas") == 0
            lock.release()
        # the outbox sends the same item again: stored once, and once only
        for _ in range(2):
            again = dutch.call("submit", idea(room, f"late-{BUSY_NL[:4]}", BUSY_NL[:20]),
                               namespace=NS, timeout=30)
            assert again["ok"], again
        assert again["result"].get("duplicate") is True
        assert count(server, IDEAS, BUSY_NL[:20]) == 1
        assert count(server, RECEIPTS, f"late-{BUSY_NL[:4]}") == 1
    finally:
        _stop(server, room, dutch, english)
