"""Real-time edge: Socket.IO events of the classroom screen, the leader and the tablets."""

from __future__ import annotations

from flask import Flask, abort
from flask_socketio import SocketIO

from .board_namespace import BoardNamespace
from .namespace import LiveNamespace


def init_app(app: Flask, socketio: SocketIO) -> None:
    """Register the live namespace on this app's Socket.IO server."""
    socketio.on_namespace(LiveNamespace("/live"))
    socketio.on_namespace(BoardNamespace("/board"))
    # Flask-SocketIO runs each event in a request context made from the connection's
    # environ, and Flask matches that path against the URL rules. With no rule for it,
    # every event builds a NotFound with a traceback: a reference cycle of ~40 objects
    # that only a full garbage collection frees. Under 2,000 tablets those collections took
    # up to 0.4 s each, stalling every socket (`workshop bench --tablets 2000`). The rule
    # only matches; the Socket.IO middleware answers this path before Flask does.
    # One rule for polling connections, one for WebSocket ones.
    app.add_url_rule("/socket.io/", endpoint="socketio_polling", view_func=_not_a_page,
                     strict_slashes=False)
    app.add_url_rule("/socket.io/", endpoint="socketio_websocket", view_func=_not_a_page,
                     strict_slashes=False, websocket=True)


def _not_a_page():
    abort(404)
