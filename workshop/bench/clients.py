"""Socket.IO clients of the bench: the classroom screen and the children's tablets."""

from __future__ import annotations

import logging
import random
import secrets
import time
from collections import defaultdict

import socketio

from ..domain.identity import KEY_LENGTH, PICTURE_IDS
from ..domain.names import AVATARS

NS = "/live"
CALL_TIMEOUT = 30.0
SIO_LOG = logging.getLogger("workshop.bench.socketio")
EIO_LOG = logging.getLogger("workshop.bench.engineio")
SIO_LOG.setLevel(logging.ERROR)
EIO_LOG.setLevel(logging.WARNING)  # e.g. "Server has stopped communicating, aborting"


class Refusal(Exception):
    """The server answered a call with {ok: false}."""


def new_client() -> socketio.AsyncClient:
    """A client like a tablet's browser, but without automatic reconnects (they are counted)."""
    return socketio.AsyncClient(reconnection=False, logger=SIO_LOG, engineio_logger=EIO_LOG,
                                request_timeout=CALL_TIMEOUT, handle_sigint=False)


async def call(sio: socketio.AsyncClient, event: str, data: dict,
               timeout: float = CALL_TIMEOUT) -> dict:
    """Emit with an acknowledgement; refuse an {ok: false} answer."""
    reply = await sio.call(event, data, namespace=NS, timeout=timeout)
    if not isinstance(reply, dict) or not reply.get("ok"):
        raise Refusal(reply.get("error") if isinstance(reply, dict) else repr(reply))
    return reply


class Room:
    """One workshop under test: its screen, its tablets and what the screen saw."""

    def __init__(self, workshop_id: int, url: str, cookie: str) -> None:
        """Set up the fields."""
        self.workshop_id, self.url, self.cookie = workshop_id, url, cookie
        self.screen = Screen(self)
        self.tablets: list[Tablet] = []
        self.code = ""
        self.seen: dict[str, list[float]] = defaultdict(list)
        self.results_events = 0
        self.idea_ids: list[int] = []
        self.stored = 0  # ideas the last check found stored

    def listening(self) -> list[Tablet]:
        """Tablets that joined and are still connected."""
        return [t for t in self.tablets if t.joined and not t.dropped]


class Screen:
    """The classroom screen: a socket with the leader's login cookie."""

    def __init__(self, room: Room) -> None:
        """Set up the fields."""
        self.room = room
        self.sio = new_client()
        self.state: dict = {}
        self.dropped = False
        self.drop: tuple[float, str] | None = None

    async def open(self) -> dict:
        """Connect, say screen_hello and keep the state."""
        self.sio.on("added", self._added, namespace=NS)
        self.sio.on("disconnect", self._gone, namespace=NS)
        await self.sio.connect(self.room.url, headers={"Cookie": self.room.cookie},
                               transports=["websocket"], namespaces=[NS],
                               wait_timeout=CALL_TIMEOUT)
        return await self.hello()

    async def hello(self) -> dict:
        """screen_hello: the whole state of the workshop."""
        reply = await call(self.sio, "screen_hello", {"workshop_id": self.room.workshop_id})
        self.state = reply["state"]
        self.room.code = self.state["code"]
        return self.state

    def step_of(self, kind: str) -> int:
        """The index of the first step of this kind."""
        return next(i for i, s in enumerate(self.state["steps"]) if s["kind"] == kind)

    async def shortlist(self, idea_id: int) -> None:
        """Put one idea on the shortlist."""
        await call(self.sio, "moderate", {"workshop_id": self.room.workshop_id,
                                          "op": "shortlist", "id": idea_id, "type": "idea"})

    async def control(self, action: str, value=None) -> None:
        """A leader control (goto, reveal, end, ...)."""
        await call(self.sio, "control", {"workshop_id": self.room.workshop_id,
                                         "action": action, "value": value})

    def _added(self, data) -> None:
        """Note when each idea arrives on the screen, by its client id."""
        if isinstance(data, dict) and data.get("what") == "idea":
            self.room.seen[data.get("client_id")].append(time.perf_counter())
            self.room.idea_ids.append(data["item"]["id"])

    def _gone(self, *reason) -> None:
        """The connection dropped: when and why."""
        if not self.dropped:
            self.dropped = True
            self.drop = (time.perf_counter(), str(reason[0]) if reason else "?")

    async def close(self) -> None:
        """Disconnect."""
        await self.sio.disconnect()


class Tablet:
    """One child's tablet."""

    def __init__(self, index: int, url: str, room: Room) -> None:
        """Set up the fields."""
        self.index, self.url, self.room = index, url, room
        self.sio = new_client()
        self.token = ""
        self.device = f"bench{secrets.token_hex(8)}{index:06d}"  # kept in localStorage
        self.state: dict = {}
        self.joined = False
        self.dropped = False
        self.closing = False
        self.drop: tuple[float, str] | None = None
        self.tally_total = 0
        self.tally_seen: list[tuple[int, float]] = []

    async def join(self) -> None:
        """Connect and join with a name, an avatar and two secret pictures from this device:
        what a real tablet sends; its answer carries the state (a server that answers
        with the token only is asked tablet_hello)."""
        self.sio.on("disconnect", self._gone, namespace=NS)
        self.sio.on("results", self._results, namespace=NS)
        self.sio.on("shared", self._shared, namespace=NS)
        await self.sio.connect(self.url, transports=["websocket"], namespaces=[NS],
                               wait_timeout=CALL_TIMEOUT)
        reply = await call(self.sio, "join", {"code": self.room.code,
                                              "name": f"Kind {self.index + 1}",
                                              "avatar": random.choice(AVATARS), "lang": "nl",
                                              "key": random.sample(sorted(PICTURE_IDS),
                                                                   KEY_LENGTH),
                                              "device": self.device})
        self.token = reply["token"]
        if reply.get("state"):  # the join answers with the state, as after a hello
            self.state = reply["state"]
        else:
            await self.hello()
        self.joined = True

    async def hello(self) -> dict:
        """tablet_hello: the tablet's whole state for the current step."""
        reply = await call(self.sio, "tablet_hello", {"code": self.room.code,
                                                      "token": self.token,
                                                      "device": self.device})
        self.state = reply["state"]
        return self.state

    def _shared(self, data) -> None:
        """The step changed (or a switch was flipped): keep what every tablet shares."""
        if isinstance(data, dict) and "step_index" in data:
            self.shared = data

    async def follow(self) -> dict:
        """After a step change, as the tablet app does: the shared part that arrived with
        `shared`, plus `tablet_own` for this child's own items."""
        shared = getattr(self, "shared", None)
        if shared is None:
            return await self.hello()
        reply = await call(self.sio, "tablet_own", {})
        if not reply.get("ok") or reply["step_index"] != shared["step_index"]:
            return await self.hello()
        self.state = {**shared, **reply["own"]}
        return self.state

    async def submit(self, what: str, payload: dict, client_id: str, timeout: float) -> dict:
        """Send one submission for the current step; the result."""
        reply = await call(self.sio, "submit", {
            "client_id": client_id, "workshop_id": self.state["workshop_id"], "what": what,
            "step_index": self.state["step_index"], "payload": payload}, timeout)
        return reply["result"]

    def _results(self, data) -> None:
        """Note when this tablet first saw each total of votes in a tally."""
        self.room.results_events += 1
        tally = data.get("tally") if isinstance(data, dict) else None
        if not tally:
            return
        total = sum(tally.get("votes", {}).values())
        if total > self.tally_total:
            self.tally_total = total
            self.tally_seen.append((total, time.perf_counter()))

    def saw_total(self, total: int) -> float | None:
        """When this tablet first had a tally of at least `total` votes, or None."""
        return next((when for seen, when in self.tally_seen if seen >= total), None)

    def _gone(self, *reason) -> None:
        """The connection dropped (counted unless the bench closed it): when and why."""
        if not self.closing and not self.dropped:
            self.dropped = True
            self.drop = (time.perf_counter(), str(reason[0]) if reason else "?")

    async def close(self) -> None:
        """Disconnect on purpose."""
        self.closing = True
        await self.sio.disconnect()
