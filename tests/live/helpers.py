"""A classroom in a test: a leader's screen client and tablet clients on one app."""

from __future__ import annotations

import itertools
import time

NS = "/live"
_ids = itertools.count(1)


def client_id() -> str:
    """A fresh submission id, as a tablet makes one."""
    return f"test-{next(_ids):08d}"


class Screen:
    """The classroom screen: a Socket.IO client sharing the leader's login cookie."""

    def __init__(self, app, http_client, workshop_id: int):
        self.sio = app.extensions["workshop_socketio"].test_client(
            app, namespace=NS, flask_test_client=http_client)
        self.workshop_id = workshop_id
        self.state = self.call("screen_hello")["state"]

    def call(self, event: str, **data):
        data.setdefault("workshop_id", self.workshop_id)
        return self.sio.emit(event, data, namespace=NS, callback=True)

    def control(self, action: str, value=None):
        reply = self.call("control", action=action, value=value)
        assert reply == {"ok": True}, reply
        return self.latest("screen_state")

    def moderate(self, op: str, item_id: int, kind: str = "idea", value=None):
        return self.call("moderate", op=op, id=item_id, type=kind, value=value)

    def received(self):
        return self.sio.get_received(NS)

    def results(self, expected, timeout: float = 3.0):
        """Wait for a `results` message (they go out a few times a second) equal in its
        tally or counts to `expected`; return the last one seen."""
        last, end = None, time.monotonic() + timeout
        while time.monotonic() < end:
            for e in self.received():
                if e["name"] == "results":
                    last = e["args"][0]
            if last and (last.get("tally") or last.get("counts")) == expected:
                return last
            time.sleep(0.05)
        return last

    def latest(self, name: str):
        events = [e["args"][0] for e in self.received() if e["name"] == name]
        return events[-1] if events else None


class Tablet:
    """A child's tablet."""

    def __init__(self, app, code: str, name: str = "Sam", avatar: str = "🦊", token=None,
                 key=None, device=None, hello=True):
        self.sio = app.extensions["workshop_socketio"].test_client(app, namespace=NS)
        self.code = code
        self.device = device or f"tablet-{next(_ids):012d}"  # as a tablet keeps it
        self.token, self.state = token, None
        if token is None and hello:  # as a tablet does: the join answers with the state
            reply = self.call("join", code=code, name=name, avatar=avatar, key=key,
                              device=self.device)
            assert reply["ok"], reply
            self.token, self.state = reply["token"], reply["state"]
        elif token:
            self.hello()

    def call(self, event: str, **data):
        return self.sio.emit(event, data, namespace=NS, callback=True)

    def hello(self):
        reply = self.call("tablet_hello", code=self.code, token=self.token, device=self.device)
        assert reply["ok"], reply
        self.state = reply["state"]
        return self.state

    def submit(self, what: str, payload: dict, step_index=None, cid=None, workshop_id=None):
        return self.call("submit", client_id=cid or client_id(), what=what,
                         step_index=self.state["step_index"] if step_index is None
                         else step_index,
                         workshop_id=workshop_id or self.state["workshop_id"], payload=payload)

    def received(self):
        return self.sio.get_received(NS)


def start_workshop(leader, position: int = 2):
    """Create a series, start one of its workshops; return (series_id, workshop_id)."""
    series_id = leader.series()
    from workshop.store.models import Workshop

    db = leader.client.application.extensions["db"]
    with db.begin() as dbs:
        workshop_id = dbs.query(Workshop).filter_by(series_id=series_id,
                                                    position=position).one().id
    response = leader.client.post(f"/workshops/{workshop_id}/start")
    assert response.status_code == 302
    return series_id, workshop_id


def goto(screen: Screen, kind: str):
    """Move the screen to the first step of this kind."""
    index = next(i for i, s in enumerate(screen.state["steps"]) if s["kind"] == kind)
    screen.state = screen.control("goto", index)
    return screen.state
