"""Server processes for tests: `workshop serve` on loopback, restartable on the same data."""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

PASSWORD = "geheim-123"  # of the admin account `juf` that admin_server makes


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


class Server:
    """`workshop serve` in a subprocess on 127.0.0.1, restartable on the same data."""

    def __init__(self, data_dir: Path, port: int, **settings: str) -> None:
        self.data_dir, self.port = data_dir, port
        self.url = f"http://127.0.0.1:{port}"
        self.env = dict(os.environ, WORKSHOP_DATA_DIR=str(data_dir), WORKSHOP_PUBLIC_URL=self.url,
                        WORKSHOP_SECRET_KEY="test-secret", **settings)
        self.process: subprocess.Popen | None = None
        self.log = data_dir / "server.log"

    def cli(self, *args: str) -> None:
        subprocess.run([sys.executable, "-m", "workshop.cli", *args], env=self.env, check=True,
                       capture_output=True, timeout=60)

    def start(self) -> None:
        self.data_dir.mkdir(parents=True, exist_ok=True)
        self.process = subprocess.Popen(
            [sys.executable, "-m", "workshop.cli", "serve", "--host", "127.0.0.1",
             "--port", str(self.port)], env=self.env, stdout=open(self.log, "ab"),
            stderr=subprocess.STDOUT)
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline:
            with socket.socket() as sock:
                if sock.connect_ex(("127.0.0.1", self.port)) == 0:
                    return
            if self.process.poll() is not None:
                raise RuntimeError(self.log.read_text())
            time.sleep(0.1)
        raise RuntimeError("server did not start: " + self.log.read_text())

    def stop(self) -> None:
        if self.process and self.process.poll() is None:
            self.process.send_signal(signal.SIGTERM)
            try:
                self.process.wait(10)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait(5)
        self.process = None

    def kill(self) -> None:
        """Stop abruptly, as a crash or a pulled plug would."""
        if self.process:
            self.process.kill()
            self.process.wait(5)
        self.process = None


@contextmanager
def admin_server(data_dir: Path, **settings: str) -> Iterator[Server]:
    """A fresh server on `data_dir` with one admin account `juf` (PASSWORD) and the given
    WORKSHOP_* settings, running until the block ends."""
    srv = Server(data_dir, free_port(), **settings)
    srv.data_dir.mkdir(parents=True)
    srv.cli("create-user", "juf", "--role", "admin", "--password", PASSWORD, "--name", "Juf Anna")
    srv.start()
    try:
        yield srv
    finally:
        srv.stop()
