"""Server subprocesses the bench starts on 127.0.0.1, and always stops again."""

from __future__ import annotations

import os
import random
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path

import requests

HOST = "127.0.0.1"


class SetupError(Exception):
    """The bench could not set up what it measures (exit code 2)."""


def _die_with_parent() -> None:
    """In the child: get SIGTERM when the bench dies, so no server is left behind."""
    try:
        import ctypes

        ctypes.CDLL("libc.so.6", use_errno=True).prctl(1, signal.SIGTERM)  # PR_SET_PDEATHSIG
    except Exception:  # noqa: BLE001 - best effort, Linux only
        pass


def _port_free(port: int) -> bool:
    """True when nothing listens on 127.0.0.1:port and it can be bound."""
    with socket.socket() as sock:
        try:
            sock.bind((HOST, port))
        except OSError:
            return False
    return True


def free_ports(count: int) -> list[int]:
    """`count` consecutive free ports, below the usual ephemeral range."""
    for _ in range(200):
        base = random.randrange(20000, 30000 - count)
        ports = list(range(base, base + count))
        if all(_port_free(p) for p in ports):
            return ports
    raise SetupError("no free consecutive ports found")


def server_env(data_dir: Path, port: int, database_url: str | None,
               message_queue: str | None) -> dict:
    """Environment of a product server: temp data dir, this port, optional shared stores."""
    env = dict(os.environ)
    for key in ("WORKSHOP_DATABASE_URL", "WORKSHOP_MESSAGE_QUEUE"):
        env.pop(key, None)
    env.update(WORKSHOP_DATA_DIR=str(data_dir), WORKSHOP_HOST=HOST, WORKSHOP_PORT=str(port),
               WORKSHOP_PUBLIC_URL=f"http://{HOST}:{port}", PYTHONUNBUFFERED="1")
    if database_url:
        env["WORKSHOP_DATABASE_URL"] = database_url
    if message_queue:
        env["WORKSHOP_MESSAGE_QUEUE"] = message_queue
    return env


def create_user(env: dict, username: str, password: str) -> None:
    """Create the admin account with `workshop create-user`; refuse on failure."""
    # `--password=…` in one word: a generated password may start with "-"
    argv = [sys.executable, "-m", "workshop.cli", "create-user", username, "--role", "admin",
            f"--password={password}"]
    try:
        done = subprocess.run(argv, env=env, capture_output=True, text=True, timeout=90)
    except subprocess.TimeoutExpired as exc:
        raise SetupError("create-user took longer than 90 s") from exc
    if done.returncode != 0:
        raise SetupError(f"create-user failed: {(done.stderr or done.stdout).strip()[-500:]}")


class ServerProcess:
    """One server subprocess, its port and its log file."""

    def __init__(self, name: str, argv: list[str], env: dict, port: int, log: Path) -> None:
        """Set up the fields."""
        self.name, self.argv, self.env, self.port, self.log = name, argv, env, port, log
        self.proc: subprocess.Popen | None = None

    @property
    def url(self) -> str:
        """Where clients reach it."""
        return f"http://{HOST}:{self.port}"

    def start(self) -> None:
        """Start the process with output going to its log file."""
        with open(self.log, "ab") as out:
            self.proc = subprocess.Popen(self.argv, env=self.env, stdout=out,
                                         stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL,
                                         preexec_fn=_die_with_parent
                                         if sys.platform.startswith("linux") else None)

    def wait_ready(self, path: str, timeout: float = 60) -> None:
        """Wait until it answers HTTP on `path`; refuse if it exits or stays silent."""
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.proc.poll() is not None:
                raise SetupError(f"{self.name} exited with code {self.proc.returncode}:\n"
                                 + self.tail())
            try:
                requests.get(self.url + path, timeout=2, allow_redirects=False)
                return
            except requests.RequestException:
                time.sleep(0.2)
        raise SetupError(f"{self.name} did not answer within {timeout:.0f} s:\n" + self.tail())

    def exit_code(self) -> int | None:
        """The exit code if it has stopped by itself, else None."""
        return self.proc.poll() if self.proc else None

    def stop(self) -> None:
        """Terminate, then kill if it does not stop within 10 s."""
        if self.proc is None or self.proc.poll() is not None:
            return
        self.proc.terminate()
        try:
            self.proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self.proc.kill()
            self.proc.wait(timeout=10)

    def tail(self, lines: int = 25) -> str:
        """The last lines of its log."""
        try:
            text = self.log.read_text(errors="replace")
        except OSError:
            return ""
        return "\n".join(text.splitlines()[-lines:])

    def errors(self) -> list[str]:
        """Log lines that report a failure (tracebacks, exceptions, errors)."""
        try:
            text = self.log.read_text(errors="replace")
        except OSError:
            return []
        marks = ("Traceback", "Error", "error", "failed", "Exception")
        return [line for line in text.splitlines() if any(m in line for m in marks)]


def product_server(data_dir: Path, port: int, database_url: str | None,
                   message_queue: str | None, index: int) -> ServerProcess:
    """A `workshop serve` process on 127.0.0.1:port."""
    argv = [sys.executable, "-m", "workshop.cli", "serve", "--host", HOST, "--port", str(port)]
    env = server_env(data_dir, port, database_url, message_queue)
    return ServerProcess(f"server {index + 1}", argv, env, port, data_dir / f"server-{port}.log")


def raw_server(folder: Path, port: int, async_mode: str) -> ServerProcess:
    """The raw store-and-forward server of the baseline on 127.0.0.1:port."""
    argv = [sys.executable, "-m", "workshop.bench.raw_server", "--host", HOST, "--port",
            str(port), "--async-mode", async_mode, "--database", str(folder / "raw.db")]
    env = dict(os.environ, PYTHONUNBUFFERED="1")
    return ServerProcess("raw server", argv, env, port, folder / f"raw-{port}.log")
