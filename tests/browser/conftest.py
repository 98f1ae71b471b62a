"""Browser tests: a real server process on loopback and Debian's Chromium via Playwright."""

from __future__ import annotations

import os
import shutil
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path

import pytest

CHROMIUM = os.environ.get("WORKSHOP_CHROMIUM", "/usr/bin/chromium")
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update",
                 "--disable-sync", "--disable-dev-shm-usage"]
PASSWORD = "geheim-123"
SHOTS = Path(os.environ.get("WORKSHOP_SHOTS", Path(__file__).resolve().parents[2] / "shots"))

pytestmark = pytest.mark.browser


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


class Server:
    """`workshop serve` in a subprocess on 127.0.0.1, restartable on the same data."""

    def __init__(self, data_dir: Path, port: int) -> None:
        self.data_dir, self.port = data_dir, port
        self.url = f"http://127.0.0.1:{port}"
        self.env = dict(os.environ, WORKSHOP_DATA_DIR=str(data_dir), WORKSHOP_PUBLIC_URL=self.url,
                        WORKSHOP_SECRET_KEY="browser-tests")
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


@pytest.fixture
def server(tmp_path):
    """A fresh server with one admin account `juf`."""
    srv = Server(tmp_path / "data", free_port())
    srv.data_dir.mkdir(parents=True)
    srv.cli("create-user", "juf", "--role", "admin", "--password", PASSWORD, "--name", "Juf Anna")
    srv.start()
    yield srv
    srv.stop()


@pytest.fixture(scope="session")
def browser():
    """Debian's Chromium, headless, driven by Playwright."""
    if not Path(CHROMIUM).exists() or shutil.which(CHROMIUM) is None:
        if os.environ.get("CI"):
            pytest.fail(f"Chromium is missing at {CHROMIUM}")
        pytest.skip(f"Chromium is missing at {CHROMIUM}")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        chromium = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS, headless=True)
        yield chromium
        chromium.close()


@pytest.fixture
def shots():
    """Where screenshots go (looked at by people; not compared by the tests)."""
    SHOTS.mkdir(parents=True, exist_ok=True)
    return SHOTS
