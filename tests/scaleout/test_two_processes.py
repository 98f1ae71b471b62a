"""Two server processes on PostgreSQL and Redis: what a tablet sends on one is seen by the
screen on the other; vote budgets hold across processes; a killed process loses nothing
that was acknowledged, and what was not acknowledged is resent and stored once."""

from __future__ import annotations

import re
import threading
import uuid

import pytest
import requests
import socketio
from sqlalchemy import create_engine, func, select

from workshop.domain.plans import parse_plan
from workshop.store.models import Idea, Vote

from ..databases import REDIS_URL, fresh_postgres, need
from ..forms import Browser
from ..servers import Server, free_port

pytestmark = pytest.mark.scaleout
ROOT = __import__("pathlib").Path(__file__).resolve().parents[2]
NS = "/live"


@pytest.fixture
def cluster(tmp_path):
    """Two `workshop serve` processes sharing one PostgreSQL database and one Redis."""
    need(6379, "Redis")
    with fresh_postgres() as url:
        settings = {"WORKSHOP_DATABASE_URL": url, "WORKSHOP_MESSAGE_QUEUE": REDIS_URL,
                    "WORKSHOP_MESSAGE_CHANNEL": f"test-{uuid.uuid4().hex[:8]}"}
        a = Server(tmp_path / "a", free_port(), **settings)
        b = Server(tmp_path / "b", free_port(), **settings)
        # both processes write uploads to their own folder in this test; the database is shared
        a.data_dir.mkdir(parents=True)
        a.cli("create-user", "juf", "--role", "admin", "--password", "geheim-123")
        a.start()
        b.start()
        engine = create_engine(url)
        try:
            yield a, b, engine
        finally:
            engine.dispose()
            a.stop()
            b.stop()


def leader_session(server: Server) -> requests.Session:
    http = Browser()  # posts with the page's CSRF token (tests/forms.py)
    r = http.post(server.url + "/login", data={"username": "juf", "password": "geheim-123"})
    assert r.ok
    return http


def start_dream(server: Server, http: requests.Session) -> int:
    http.post(server.url + "/groups/new", data={"name": "6B", "age_min": 8, "age_max": 12})
    group = re.search(r'data-group="(\d+)"', http.get(server.url + "/").text).group(1)
    page = http.post(server.url + f"/groups/{group}/series/new", data={"title": "Voorjaar"})
    workshops = re.findall(r'data-workshop="(\d+)"', page.text)
    wid = int(workshops[1])
    http.post(server.url + f"/workshops/{wid}/start")
    return wid


class Client:
    """A Socket.IO client on one server process, recording what it receives."""

    def __init__(self, server: Server, cookie: str | None = None):
        self.events: list[tuple[str, dict]] = []
        self.seen = threading.Condition()
        self.sio = socketio.Client(reconnection=True, reconnection_delay=0.2)
        for name in ("added", "screen_state", "shared", "results", "child_joined"):
            self.sio.on(name, self._recorder(name), namespace=NS)
        headers = {"Cookie": cookie} if cookie else {}
        self.sio.connect(server.url, namespaces=[NS], transports=["websocket"], headers=headers,
                         wait_timeout=10)

    def _recorder(self, name):
        def record(data):
            with self.seen:
                self.events.append((name, data))
                self.seen.notify_all()
        return record

    def call(self, event: str, data: dict, timeout: float = 10):
        return self.sio.call(event, data, namespace=NS, timeout=timeout)

    def wait_for(self, name: str, test, timeout: float = 10):
        with self.seen:
            ok = self.seen.wait_for(lambda: any(n == name and test(d) for n, d in self.events),
                                    timeout)
        assert ok, f"no {name} arrived"

    def close(self):
        self.sio.disconnect()


def cookie_of(http: requests.Session) -> str:
    return "; ".join(f"{k}={v}" for k, v in http.cookies.items())


def test_a_tablet_on_one_process_reaches_the_screen_on_the_other(cluster):
    a, b, engine = cluster
    http = leader_session(a)
    wid = start_dream(a, http)
    screen = Client(a, cookie_of(http))
    state = screen.call("screen_hello", {"workshop_id": wid})["state"]
    ideas_step = next(i for i, s in enumerate(state["steps"]) if s["kind"] == "ideas")
    assert screen.call("control", {"workshop_id": wid, "action": "goto",
                                   "value": ideas_step})["ok"]
    tablet = Client(b)
    joined = tablet.call("join", {"code": state["code"], "name": "Sam", "avatar": "🦊"})
    hello = tablet.call("tablet_hello", {"code": state["code"], "token": joined["token"]})
    assert hello["state"]["step"]["kind"] == "ideas"
    reply = tablet.call("submit", {"client_id": "cross-000001", "workshop_id": wid,
                                   "what": "idea", "step_index": ideas_step,
                                   "payload": {"text": "Over twee processen"}})
    assert reply["ok"], reply
    screen.wait_for("added", lambda d: d.get("client_id") == "cross-000001")
    # and the other way round: the leader on A moves on, the tablet on B follows
    screen.call("control", {"workshop_id": wid, "action": "next"})
    tablet.wait_for("shared", lambda d: d["step_index"] == ideas_step + 1)
    screen.close()
    tablet.close()


def test_vote_budget_holds_across_processes(cluster):
    a, b, engine = cluster
    http = leader_session(a)
    wid = start_dream(a, http)
    screen = Client(a, cookie_of(http))
    state = screen.call("screen_hello", {"workshop_id": wid})["state"]
    kinds = [s["kind"] for s in state["steps"]]
    screen.call("control", {"workshop_id": wid, "action": "goto",
                            "value": kinds.index("ideas")})
    first = Client(a)
    token = first.call("join", {"code": state["code"], "name": "Sam", "avatar": "🦊"})["token"]
    first.call("tablet_hello", {"code": state["code"], "token": token})
    ideas = [first.call("submit", {"client_id": f"idea-{n:06d}", "workshop_id": wid,
                                   "what": "idea", "step_index": kinds.index("ideas"),
                                   "payload": {"text": f"idee {n}"}})["result"]["item"]["id"]
             for n in range(3)]
    screen.call("control", {"workshop_id": wid, "action": "goto", "value": kinds.index("vote")})
    second = Client(b)  # the same child on a second tablet, on the other process
    second.call("tablet_hello", {"code": state["code"], "token": token})
    first.call("tablet_hello", {"code": state["code"], "token": token})
    budget = next(s for s in parse_plan((ROOT / "sessions" / "dream.yaml").read_text()).steps
                  if s.kind == "vote").budget
    results = []
    barrier = threading.Barrier(2)

    def tap(client: Client, prefix: str):
        barrier.wait()
        for n in range(6):
            reply = client.call("submit", {"client_id": f"{prefix}-{n:06d}", "workshop_id": wid,
                                           "what": "vote", "step_index": kinds.index("vote"),
                                           "payload": {"idea_id": ideas[n % 3]}})
            results.append(reply.get("ok"))

    threads = [threading.Thread(target=tap, args=(c, p)) for c, p in ((first, "a"),
                                                                       (second, "b"))]
    for t in threads:
        t.start()
    for t in threads:
        t.join(60)
    with engine.connect() as conn:
        votes = conn.execute(select(func.count(Vote.id))).scalar()
    assert votes == results.count(True) == budget
    # votes on both processes: the screen on A gets the totals of all of them, and so do the
    # tablets on both processes once revealed, each from its own process only
    def total(data):
        return sum(data.get("tally", {}).get("votes", {}).values())

    screen.wait_for("results", lambda d: total(d) == budget)
    screen.call("control", {"workshop_id": wid, "action": "reveal"})
    for client in (first, second):
        client.wait_for("results", lambda d: d["revealed"] and total(d) == budget)
    threading.Event().wait(1.0)  # later ticks: nothing changed, nothing sent
    for client in (screen, first, second):
        finals = [d for n, d in client.events if n == "results" and d["revealed"]
                  and total(d) == budget]
        assert len(finals) == 1, finals
    for c in (screen, first, second):
        c.close()


def test_a_killed_process_loses_nothing_acknowledged_and_stores_resends_once(cluster):
    a, b, engine = cluster
    http = leader_session(a)
    wid = start_dream(a, http)
    screen = Client(a, cookie_of(http))
    state = screen.call("screen_hello", {"workshop_id": wid})["state"]
    step = next(i for i, s in enumerate(state["steps"]) if s["kind"] == "ideas")
    screen.call("control", {"workshop_id": wid, "action": "goto", "value": step})
    tablet = Client(b)
    token = tablet.call("join", {"code": state["code"], "name": "Sam", "avatar": "🦊"})["token"]
    tablet.call("tablet_hello", {"code": state["code"], "token": token})

    def idea(n: int) -> dict:
        return {"client_id": f"kill-{n:06d}", "workshop_id": wid, "what": "idea",
                "step_index": step, "payload": {"text": f"idee {n}"}}

    acked = [n for n in range(5) if tablet.call("submit", idea(n))["ok"]]
    assert acked == list(range(5))
    b.kill()  # mid-workshop, without warning
    outbox = [idea(n) for n in range(3, 8)]  # 3 and 4 were acked but the tablet never heard
    with pytest.raises(Exception):  # noqa: B017 - the process is gone; nothing answers
        tablet.call("submit", outbox[-1], timeout=2)
    b.start()
    tablet.sio.sleep(0)
    tablet.close()
    again = Client(b)  # the tablet reconnects to the restarted process and empties its outbox
    assert again.call("tablet_hello", {"code": state["code"], "token": token})["ok"]
    for item in outbox:
        reply = again.call("submit", item)
        assert reply["ok"], reply
    with engine.connect() as conn:
        texts = sorted(conn.execute(select(Idea.text)).scalars())
    assert texts == [f"idee {n}" for n in range(8)]
    screen.wait_for("added", lambda d: d.get("client_id") == "kill-000007")
    screen.close()
    again.close()
