"""Helpers of the attacks: a real server, a logged-in browser session, a started workshop,
a tablet's socket, and an attacker's page on another origin of the same host."""

from __future__ import annotations

import re
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import socketio

from workshop.bench.leader import Leader

from ..forms import Browser
from ..servers import Server, free_port

PASSWORD = "geheim-123"


def start_server(tmp_path, name: str = "data", users: tuple[str, ...] = ("juf",),
                 **settings: str) -> Server:
    """A running server with admin accounts `users` (password PASSWORD)."""
    server = Server(tmp_path / name, free_port())
    server.env.update(settings)  # may set another public address
    server.data_dir.mkdir(parents=True)
    for user in users:
        server.cli("create-user", user, "--role", "admin", "--password", PASSWORD)
    server.start()
    return server


def logged_in(server: Server, username: str = "juf") -> Browser:
    """A browser session of `username`, logged in through the login page."""
    http = Browser()
    answer = http.post(server.url + "/login", data={"username": username, "password": PASSWORD},
                       allow_redirects=False)
    assert answer.status_code == 302, answer.text
    return http


def started_workshop(server: Server) -> tuple[Leader, int, str]:
    """A leader with a started dream workshop: the leader, the workshop id, its join code."""
    leader = Leader(server.url, "juf", PASSWORD)
    leader.login()
    workshop_id = leader.start_dream("security")
    page = leader._get(f"/workshops/{workshop_id}/screen")
    return leader, workshop_id, re.search(r'data-code="([A-Z0-9]+)"', page).group(1)


def tablet(server: Server, headers: dict | None = None) -> socketio.Client:
    """A socket like a tablet's, on the /live namespace."""
    sio = socketio.Client(reconnection=False)
    sio.connect(server.url, namespaces=["/live"], transports=["websocket"],
                headers=headers or {})
    return sio


def call(sio: socketio.Client, event: str, data: dict) -> dict:
    return sio.call(event, data, namespace="/live", timeout=30)


@contextmanager
def attacker_site(html: str) -> Iterator[str]:
    """Another origin on the same host (127.0.0.1, another port) serving one page."""
    body = html.encode()

    class Page(BaseHTTPRequestHandler):
        def do_GET(self):  # noqa: N802 - the standard library's name
            self.send_response(200)
            self.send_header("Content-Type", "text/html; charset=utf-8")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, *_args):
            pass

    site = ThreadingHTTPServer(("127.0.0.1", free_port()), Page)
    thread = threading.Thread(target=site.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{site.server_port}/"
    finally:
        site.shutdown()
        site.server_close()
