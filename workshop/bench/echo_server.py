"""Baseline server: the smallest Flask-SocketIO app, one `echo` event that returns its data.

Same stack and async mode as the product (gevent or threading, python-socketio),
without database, rooms or logic, so the product's figures can be read relative to it.
Run: python -m workshop.bench.echo_server --port 5099"""

from __future__ import annotations

import argparse
import sys


def build(async_mode: str):
    """The app and its Socket.IO server with the echo event on /live."""
    from flask import Flask
    from flask_socketio import SocketIO

    app = Flask(__name__)
    socketio = SocketIO(app, async_mode=async_mode, max_http_buffer_size=12 * 1024 * 1024,
                        ping_interval=10, ping_timeout=20)

    @socketio.on("echo", namespace="/live")
    def echo(data):
        """Answer with what was sent."""
        return data

    return app, socketio


def main(argv: list[str] | None = None) -> None:
    """Serve until terminated."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--port", type=int, default=5099)
    parser.add_argument("--async-mode", default="gevent")
    args = parser.parse_args(argv)
    if args.async_mode == "gevent" and "flask" not in sys.modules:
        from gevent import monkey

        monkey.patch_all()  # as `workshop serve` does
    app, socketio = build(args.async_mode)
    socketio.run(app, host=args.host, port=args.port, allow_unsafe_werkzeug=True,
                 log_output=False)


if __name__ == "__main__":
    main()
