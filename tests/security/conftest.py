"""Attacks against a real server (`workshop serve` on loopback, gevent, SQLite): each test
tries one thing an attacker in the classroom or on the internet would, and checks the
refusal (helpers.py). A browser test serves the attacker's page from another port of
127.0.0.1 and drives Debian's Chromium (the `browser` fixture of tests/conftest.py)."""

from __future__ import annotations

import pytest

from .helpers import start_server


@pytest.fixture
def server(tmp_path):
    """A fresh server with the admin `juf`."""
    srv = start_server(tmp_path)
    yield srv
    srv.stop()
