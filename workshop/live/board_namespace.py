"""The /board namespace: the network meeting. The advisor presents one idea at a time;
partners' phones follow it and say "this fits us" or offer help; everyone in the room sees
the responses arrive. Handlers check who is asking, call one service and tell the room."""

from __future__ import annotations

from flask import current_app, request, session
from flask_socketio import Namespace, join_room, leave_room

from ..domain.errors import Refused
from ..services import accounts, board, network, support
from ..store.board_models import Network
from .namespace import _int, handler


def _db():
    return current_app.extensions["db"]


def room(network_id: int) -> str:
    """Everyone of a network who has the board, the presentation or the phone view open."""
    return f"n{network_id}:board"


def _id(value) -> int:
    """A positive id from the wire, or a refusal."""
    number = _int(value)
    if isinstance(value, bool) or number is None or number < 1:
        raise Refused("bad_request")
    return number


class BoardNamespace(Namespace):
    """Live responses of partners during the network meeting."""

    def __init__(self, namespace: str) -> None:
        super().__init__(namespace)
        self.clients: dict[str, dict] = {}

    def _send(self, event: str, data, to: str) -> None:
        """Emit to a room, through the message queue when there is one."""
        self.socketio.emit(event, data, to=to, namespace=self.namespace)

    def _user(self, dbs):
        # a login ended on the server (logout, new password, other role) drives nothing
        user = accounts.session_user(dbs, session)
        if user is None:
            raise Refused("login_required")
        return user

    def on_connect(self, auth=None):
        """Accept; the network becomes known at the hello."""
        self.clients[request.sid] = {}

    def on_disconnect(self, reason=None):
        """Forget the client."""
        self.clients.pop(request.sid, None)

    @handler
    def on_board_hello(self, data):
        """A board, presentation or phone opens: join the network's room and hear what is
        being presented now."""
        network_id = _id(data.get("network_id"))
        with _db().begin() as dbs:
            user = self._user(dbs)
            if not network.may_see_network(user, network_id):
                raise Refused("forbidden")
            if dbs.get(Network, network_id) is None:
                raise Refused("not_found")
            shown = board.presenting(dbs, network_id)
            state = _presenting(dbs, user, shown) if shown else None
        previous = self.clients.get(request.sid, {}).get("network_id")
        if previous and previous != network_id:
            leave_room(room(previous))
        self.clients[request.sid] = {"network_id": network_id, "user_id": user.id}
        join_room(room(network_id))
        return {"ok": True, "presenting": state}

    @handler
    def on_present(self, data):
        """The advisor shows an idea; every phone in the room follows."""
        network_id, item_id = _id(data.get("network_id")), _id(data.get("board_idea_id"))
        with _db().begin() as dbs:
            user = self._user(dbs)
            board.present(dbs, user, network_id, item_id)
            state = _presenting(dbs, user, item_id)
        self._send("presenting", state, to=room(network_id))
        return {"ok": True, "presenting": state}

    @handler
    def on_move(self, data):
        """The advisor selects an idea or says "not now" (with a reason) from the
        presentation; the room sees the new column."""
        item_id = _id(data.get("board_idea_id"))
        with _db().begin() as dbs:
            user = self._user(dbs)
            item = board.move(dbs, user, item_id, str(data.get("target") or ""),
                              data.get("reason") or "")
            state = _presenting(dbs, user, item_id)
        self._send("moved", state, to=room(item["network_id"]))
        return {"ok": True, "presenting": state}

    @handler
    def on_fit(self, data):
        """A partner says "this fits us" (fits true) or takes it back (fits false)."""
        item_id, fits = _id(data.get("board_idea_id")), data.get("fits")
        if not isinstance(fits, bool):
            raise Refused("bad_request")
        with _db().begin() as dbs:
            user = self._user(dbs)
            answers = support.set_fit(dbs, user, item_id, fits)
            network_id = board.get_idea(dbs, user, item_id).network_id
        self._send("responses", answers, to=room(network_id))
        return {"ok": True, "responses": answers}

    @handler
    def on_offer(self, data):
        """A partner offers help: a space, materials, people, promotion or money."""
        item_id = _id(data.get("board_idea_id"))
        note = data.get("note") or ""
        with _db().begin() as dbs:
            user = self._user(dbs)
            answers = support.offer(dbs, user, item_id, str(data.get("kind") or ""), note,
                                    data.get("amount"))
            network_id = board.get_idea(dbs, user, item_id).network_id
        self._send("responses", answers, to=room(network_id))
        return {"ok": True, "responses": answers}


def _presenting(dbs, user, item_id: int) -> dict:
    """The idea on the screen and what partners said about it."""
    item = board.get_idea(dbs, user, item_id)
    return {"idea": board.board_item(dbs, item), "responses": support.responses(dbs, item.id)}
