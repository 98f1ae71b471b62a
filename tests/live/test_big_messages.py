"""A socket message too big for the server, against a real `workshop serve` process (the
in-process test client skips Engine.IO's size check, so this needs a real server).

Up to SOCKET_BUFFER_BYTES (64 MB) a message is read, and a picture over the limit of
media/images.py is answered "too big" in words while the connection stays up; beyond it
Engine.IO closes the connection unread (python-engineio: `packet is too large` on a
WebSocket, HTTP 413 when polling), which is why the tablet shrinks pictures first and its
outbox never sends such an item (static/js/live.js)."""

from __future__ import annotations

import re

import pytest
import socketio

from ..forms import Browser
from ..servers import Server, free_port

NS = "/live"
TOO_BIG = "Dat plaatje is te groot. Probeer een kleiner plaatje."


def _start(tmp_path, **settings) -> tuple[Server, dict]:
    server = Server(tmp_path / "data", free_port(), **settings)
    server.data_dir.mkdir(parents=True)
    server.cli("create-user", "juf", "--role", "admin", "--password", "geheim-123")
    server.start()
    http = Browser()  # posts with the page's CSRF token (tests/forms.py)
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
    return server, {"wid": wid, "code": state["code"], "step": step, "screen": screen}


@pytest.fixture
def classroom(tmp_path):
    server, room = _start(tmp_path)
    yield server, room
    room["screen"].disconnect()
    server.stop()


def _tablet(server: Server, room: dict, transport: str = "websocket") -> socketio.Client:
    tablet = socketio.Client(reconnection=False)
    tablet.connect(server.url, namespaces=[NS], transports=[transport], wait_timeout=10)
    joined = tablet.call("join", {"code": room["code"], "name": "Sam", "avatar": "🦊"},
                         namespace=NS)
    assert joined["ok"], joined
    assert tablet.call("tablet_hello", {"code": room["code"], "token": joined["token"]},
                       namespace=NS)["ok"]
    tablet.token = joined["token"]
    return tablet


def _idea(room: dict, client_id: str, **payload) -> dict:
    return {"client_id": client_id, "workshop_id": room["wid"], "what": "idea",
            "step_index": room["step"], "payload": {"text": "Een muur vol kunst", **payload}}


def test_a_45_mb_photo_is_answered_too_big_and_the_tablet_stays_connected(classroom):
    server, room = classroom
    tablet = _tablet(server, room)
    photo = "data:image/jpeg;base64," + "A" * (60 * 1024 * 1024)  # 45 MB as a data URL
    reply = tablet.call("submit", _idea(room, "big-photo-0001", photo=photo), namespace=NS,
                        timeout=60)
    assert reply == {"ok": False, "error": "image_too_big", "message": TOO_BIG}
    assert tablet.connected
    # the next item goes through on the same connection
    fine = tablet.call("submit", _idea(room, "small-idea-0001"), namespace=NS, timeout=10)
    assert fine["ok"], fine
    tablet.disconnect()


def test_beyond_the_buffer_the_connection_closes_and_the_next_one_works(tmp_path):
    server, room = _start(tmp_path, WORKSHOP_SOCKET_BUFFER_BYTES=str(1024 * 1024))
    try:
        for transport in ("websocket", "polling"):
            tablet = _tablet(server, room, transport)
            photo = "data:image/jpeg;base64," + "A" * (2 * 1024 * 1024)
            with pytest.raises(socketio.exceptions.TimeoutError):  # no answer: closed
                tablet.call("submit", _idea(room, f"over-{transport}", photo=photo),
                            namespace=NS, timeout=3)
            if transport == "websocket":  # closed at once; polling gets a 413 and retries
                for _ in range(30):
                    if not tablet.connected:
                        break
                    tablet.sleep(0.1)
                assert not tablet.connected
            tablet.disconnect()
            again = _tablet(server, room, transport)  # the tablet comes back and goes on
            assert again.call("submit", _idea(room, f"after-{transport}-01"), namespace=NS,
                              timeout=10)["ok"]
            again.disconnect()
    finally:
        room["screen"].disconnect()
        server.stop()
