"""Real databases for tests: a SQLite file, or a fresh database on the local PostgreSQL."""

from __future__ import annotations

import os
import socket
import uuid
from contextlib import contextmanager

import pytest

PG_HOST = os.environ.get("WORKSHOP_TEST_PG_HOST", "127.0.0.1")
PG_ADMIN_URL = f"postgresql+psycopg://{os.environ.get('USER', 'root')}@{PG_HOST}:5432/test"
REDIS_URL = os.environ.get("WORKSHOP_TEST_REDIS", "redis://127.0.0.1:6379/0")


def reachable(port: int, host: str = "127.0.0.1") -> bool:
    """True when something listens on host:port."""
    with socket.socket() as sock:
        sock.settimeout(0.5)
        return sock.connect_ex((host, port)) == 0


def need(port: int, what: str) -> None:
    """Skip when a service is missing on a developer's machine; in CI it must be there."""
    if not reachable(port):
        if os.environ.get("CI"):
            pytest.fail(f"{what} is not answering on port {port}")
        pytest.skip(f"{what} is not answering on port {port}")


@contextmanager
def fresh_postgres():
    """A new, empty PostgreSQL database; dropped afterwards. Yields its URL."""
    need(5432, "PostgreSQL")
    from sqlalchemy import create_engine, text

    name = f"workshop_test_{uuid.uuid4().hex[:10]}"
    admin = create_engine(PG_ADMIN_URL, isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(text(f'CREATE DATABASE "{name}"'))
    try:
        yield PG_ADMIN_URL.rsplit("/", 1)[0] + "/" + name
    finally:
        with admin.connect() as conn:
            conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        admin.dispose()
