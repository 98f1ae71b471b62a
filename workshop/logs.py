"""Logging of `workshop serve`: one format with time, level and process id for everything the
server says (our code, Socket.IO, the web server's tracebacks), and an access log on request.

| variable | default | what |
|---|---|---|
| WORKSHOP_LOG_LEVEL | INFO | DEBUG, INFO, WARNING or ERROR |
| WORKSHOP_ACCESS_LOG | (off) | `1` or `-`: one line per request on stderr; a path: to that file |

`workshop serve --access-log [FILE]` does the same as the variable. The access log says who
asked what (address, method, path, status, bytes, milliseconds); its paths carry progress
links and join codes, so keep the file where only the server's operators can read it."""

from __future__ import annotations

import logging
import os
import sys
import time
from collections.abc import Iterable

FORMAT = "%(asctime)s %(levelname)s [%(process)d] %(name)s: %(message)s"
ACCESS = "workshop.access"
_OFF = ("", "0", "no", "off", "false")
_STDERR = ("1", "-", "yes", "on", "true", "stderr")


def configure(level: str | None = None, stream=None) -> None:
    """Send every log record through one handler in one format. Before the app is made:
    Socket.IO and Engine.IO then use it instead of adding their own bare handler."""
    level = (level or os.environ.get("WORKSHOP_LOG_LEVEL") or "INFO").upper()
    handler = logging.StreamHandler(stream or sys.stderr)
    handler.setFormatter(logging.Formatter(FORMAT))
    root = logging.getLogger()
    for old in list(root.handlers):
        root.removeHandler(old)
    root.addHandler(handler)
    root.setLevel(level)
    for name in ("engineio.server", "socketio.server"):  # as chatty as they are by default
        logging.getLogger(name).setLevel(max(logging.ERROR, root.level))
    logging.getLogger("werkzeug").setLevel(logging.WARNING)  # requests: the access log's job
    logging.getLogger("alembic.runtime.plugins").setLevel(logging.WARNING)  # one per plugin
    logging.captureWarnings(True)


def access_target(option: str | None) -> str | None:
    """Where the access log goes: the option's value, else WORKSHOP_ACCESS_LOG; "-" is
    stderr, None is no access log."""
    value = option if option is not None else os.environ.get("WORKSHOP_ACCESS_LOG", "")
    value = value.strip()
    if value.lower() in _OFF:
        return None
    return "-" if value.lower() in _STDERR else value


def access_logger(target: str) -> logging.Logger:
    """The access logger, writing to stderr (through the root handler) or to a file."""
    logger = logging.getLogger(ACCESS)
    logger.setLevel(logging.INFO)
    if target != "-":
        handler = logging.FileHandler(target, encoding="utf-8")
        handler.setFormatter(logging.Formatter(FORMAT))
        logger.addHandler(handler)
        logger.propagate = False
    return logger


class AccessLog:
    """WSGI middleware: one line per request when its answer is done (for a WebSocket,
    when the connection closes)."""

    def __init__(self, app, logger: logging.Logger) -> None:
        """Wrap `app`."""
        self.app, self.logger = app, logger

    def __call__(self, environ: dict, start_response):
        begin, seen = time.perf_counter(), {"status": "-", "bytes": "-"}

        def start(status: str, headers: list, exc_info=None):
            seen["status"] = status.split(" ", 1)[0]
            for name, value in headers:
                if name.lower() == "content-length":
                    seen["bytes"] = value
            return start_response(status, headers, exc_info)

        try:
            body = self.app(environ, start)
        except BaseException:
            seen["status"] = "500"
            self._line(environ, seen, begin)
            raise
        return _Closing(body, lambda: self._line(environ, seen, begin))

    def _line(self, environ: dict, seen: dict, begin: float) -> None:
        path = environ.get("PATH_INFO", "")
        if environ.get("QUERY_STRING"):
            path += "?" + environ["QUERY_STRING"]
        self.logger.info('%s "%s %s" %s %s %.1f ms', environ.get("REMOTE_ADDR", "-"),
                         environ.get("REQUEST_METHOD", "-"), path, seen["status"],
                         seen["bytes"], (time.perf_counter() - begin) * 1000)


class _Closing:
    """The answer's body, calling `done` once when the server closes it."""

    def __init__(self, body: Iterable[bytes], done) -> None:
        self.body, self.done = body, done

    def __iter__(self):
        return iter(self.body)

    def close(self) -> None:
        try:
            close = getattr(self.body, "close", None)
            if close is not None:
                close()
        finally:
            done, self.done = self.done, None
            if done is not None:
                done()
