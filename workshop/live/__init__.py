"""Real-time edge: Socket.IO events of the classroom screen, the leader and the tablets."""

from __future__ import annotations

from flask import Flask
from flask_socketio import SocketIO

from .board_namespace import BoardNamespace
from .namespace import LiveNamespace


def init_app(app: Flask, socketio: SocketIO) -> None:
    """Register the live namespace on this app's Socket.IO server."""
    socketio.on_namespace(LiveNamespace("/live"))
    socketio.on_namespace(BoardNamespace("/board"))
