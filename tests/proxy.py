"""A school network's proxy in a test: it forwards plain HTTP to a server on loopback and
refuses every WebSocket upgrade (400, then it closes), as many school proxies and filters
do. Each request gets its own connection, upstream and to the browser: the proxy sends
`Connection: close` both ways, so every request of a keep-alive browser passes the check,
and long polls simply take their time.

The answer to the browser says `Connection: close` too (the server's answer does not: it
only heard it from the proxy). Without it the browser keeps the connection for its next
request, sends one down it just as the proxy closes it, and that request is lost; only the
browser's own resend of a request on a reused connection saved a Socket.IO poll then."""

from __future__ import annotations

import re
import socket
import threading

_UPGRADE = re.compile(rb"^upgrade:\s*websocket\s*$", re.IGNORECASE | re.MULTILINE)
_HOP = re.compile(rb"^(connection|keep-alive|proxy-connection):[^\r\n]*\r\n",
                  re.IGNORECASE | re.MULTILINE)
REFUSAL = (b"HTTP/1.1 400 Bad Request\r\nContent-Type: text/plain\r\nContent-Length: 27\r\n"
           b"Connection: close\r\n\r\nWebSocket is not permitted")
LINGER = 10  # s: how long a finished connection waits for the browser to close its side


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
        self.late = 0           # requests a browser sent down a connection after its answer
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
        sending = None
        answered = threading.Event()
        try:
            found = _head(client)
            if found is None:
                return
            head, rest = found
            if _UPGRADE.search(head):
                with self._lock:
                    self.refused += 1
                client.sendall(REFUSAL)
                client.shutdown(socket.SHUT_WR)
                return
            line = head.split(b"\r\n", 1)[0]
            with self._lock:
                self.requests += 1
                self.polls += b"/socket.io/" in line and b"transport=polling" in line
            upstream = socket.create_connection(self.upstream)
            with self._lock:
                self._open.update((client, upstream))
            upstream.sendall(_close_after(head) + rest)
            sending = threading.Thread(target=self._send, args=(client, upstream, answered),
                                       daemon=True)
            sending.start()
            found = _head(upstream)
            if found is None:
                return
            head, rest = found
            client.sendall(_close_after(head) + rest)
            _pipe(upstream, client)
        except OSError:
            pass
        finally:
            # the answer is complete: the browser closes its side, then the thread reading
            # it ends, then both sockets close (not under a thread that still reads one)
            answered.set()
            _shutdown(client, socket.SHUT_WR)
            if sending is not None:
                sending.join(LINGER)
                _shutdown(client, socket.SHUT_RDWR)
                sending.join(LINGER)
            for sock in (client, upstream):
                if sock is not None:
                    with self._lock:
                        self._open.discard(sock)
                    _close(sock)

    def _send(self, client: socket.socket, upstream: socket.socket,
              answered: threading.Event) -> None:
        """The rest of the request (its body), then the browser's close: one that read
        `Connection: close` sends nothing more (what it did would be lost: `late`)."""
        try:
            while chunk := client.recv(65536):
                if answered.is_set():
                    with self._lock:
                        self.late += 1
                    continue
                upstream.sendall(chunk)
        except OSError:
            pass
        finally:
            _shutdown(upstream, socket.SHUT_WR)

    def stop(self) -> None:
        self._stopped = True
        _close(self.listener)
        with self._lock:
            for sock in list(self._open):
                _shutdown(sock, socket.SHUT_RDWR)   # wakes the threads reading it


def _head(source: socket.socket) -> tuple[bytes, bytes] | None:
    """The head of a request or an answer (its lines, each ending in CRLF) and what came
    after it; None when the connection ends first."""
    data = b""
    while b"\r\n\r\n" not in data:
        chunk = source.recv(65536)
        if not chunk or len(data) > 256 * 1024:
            return None
        data += chunk
    head, rest = data.split(b"\r\n\r\n", 1)
    return head + b"\r\n", rest


def _close_after(head: bytes) -> bytes:
    """The head with `Connection: close` instead of the sender's hop-by-hop headers."""
    return _HOP.sub(b"", head) + b"Connection: close\r\n\r\n"


def _pipe(source: socket.socket, target: socket.socket) -> None:
    try:
        while chunk := source.recv(65536):
            target.sendall(chunk)
    except OSError:
        pass


def _shutdown(sock: socket.socket | None, how: int) -> None:
    if sock is not None:
        try:
            sock.shutdown(how)
        except OSError:
            pass


def _close(sock: socket.socket) -> None:
    try:
        sock.close()
    except OSError:
        pass
