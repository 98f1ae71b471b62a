"""A school network's proxy in a test: it forwards plain HTTP to a server on loopback and
refuses every WebSocket upgrade (400, then it closes), as many school proxies and filters
do. Each request gets its own upstream connection (`Connection: close`), so every request
of a keep-alive browser passes the check, and long polls simply take their time."""

from __future__ import annotations

import re
import socket
import threading

_UPGRADE = re.compile(rb"^upgrade:\s*websocket\s*$", re.IGNORECASE | re.MULTILINE)
_HOP = re.compile(rb"^(connection|keep-alive|proxy-connection):[^\r\n]*\r\n",
                  re.IGNORECASE | re.MULTILINE)
REFUSAL = (b"HTTP/1.1 400 Bad Request\r\nContent-Type: text/plain\r\nContent-Length: 27\r\n"
           b"Connection: close\r\n\r\nWebSocket is not permitted")


class RefusingProxy:
    """`http://127.0.0.1:<port>` in front of the server at `upstream_port`."""

    def __init__(self, upstream_port: int) -> None:
        self.upstream = ("127.0.0.1", upstream_port)
        self.listener = socket.create_server(("127.0.0.1", 0))
        self.port = self.listener.getsockname()[1]
        self.url = f"http://127.0.0.1:{self.port}"
        self.refused = 0        # WebSocket upgrades answered with 400
        self.polls = 0          # Socket.IO long-polling requests passed on
        self.requests = 0
        self._lock = threading.Lock()
        self._open: set[socket.socket] = set()
        self._stopped = False
        threading.Thread(target=self._accept, daemon=True).start()

    def _accept(self) -> None:
        while not self._stopped:
            try:
                conn, _addr = self.listener.accept()
            except OSError:
                return
            threading.Thread(target=self._serve, args=(conn,), daemon=True).start()

    def _serve(self, client: socket.socket) -> None:
        upstream = None
        try:
            head = b""
            while b"\r\n\r\n" not in head:
                chunk = client.recv(65536)
                if not chunk:
                    return
                head += chunk
                if len(head) > 256 * 1024:
                    return
            head, rest = head.split(b"\r\n\r\n", 1)
            head += b"\r\n"
            if _UPGRADE.search(head):
                with self._lock:
                    self.refused += 1
                client.sendall(REFUSAL)
                return
            with self._lock:
                self.requests += 1
                self.polls += b"/socket.io/" in head.split(b"\r\n", 1)[0] \
                    and b"transport=polling" in head.split(b"\r\n", 1)[0]
            head = _HOP.sub(b"", head) + b"Connection: close\r\n\r\n"
            upstream = socket.create_connection(self.upstream)
            with self._lock:
                self._open.update((client, upstream))
            upstream.sendall(head + rest)
            threading.Thread(target=_pipe, args=(client, upstream), daemon=True).start()
            _pipe(upstream, client)
        except OSError:
            pass
        finally:
            for sock in (client, upstream):
                if sock is not None:
                    with self._lock:
                        self._open.discard(sock)
                    _close(sock)

    def stop(self) -> None:
        self._stopped = True
        _close(self.listener)
        with self._lock:
            for sock in list(self._open):
                _close(sock)


def _pipe(source: socket.socket, target: socket.socket) -> None:
    try:
        while chunk := source.recv(65536):
            target.sendall(chunk)
    except OSError:
        pass
    finally:
        try:
            target.shutdown(socket.SHUT_WR)
        except OSError:
            pass


def _close(sock: socket.socket) -> None:
    try:
        sock.close()
    except OSError:
        pass
