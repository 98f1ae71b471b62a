"""Socket events must not leave reference cycles behind: under many tablets the full
garbage collections they cause stall every connection of the process."""

from __future__ import annotations

import gc

from .helpers import Screen, Tablet, start_workshop


def test_socket_events_leave_no_reference_cycles(app, client, leader):
    _, wid = start_workshop(leader)
    tablet = Tablet(app, Screen(app, client, wid).state["code"])
    gc.collect()
    gc.disable()
    try:
        for _ in range(50):
            tablet.call("tablet_own")
        found = gc.collect()
    finally:
        gc.enable()
    # Werkzeug's URL matcher leaves a small closure cycle (8 objects) per match. Before the
    # Socket.IO path had a URL rule, a NotFound and its traceback added about 40 more.
    assert found <= 10 * 50, found


def test_the_socketio_path_is_never_a_flask_page(client):
    assert client.get("/socket.io/x").status_code != 200
