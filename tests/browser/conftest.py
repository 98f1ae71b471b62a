"""Browser tests: a real server process on loopback and Debian's Chromium via Playwright."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

# `browser` (one Chromium for the whole run) is in tests/conftest.py
from ..conftest import CHROMIUM, CHROMIUM_ARGS  # noqa: F401 - where they were
from ..servers import PASSWORD, admin_server  # noqa: F401 - PASSWORD: tests import it here

SHOTS = Path(os.environ.get("WORKSHOP_SHOTS", Path(__file__).resolve().parents[2] / "shots"))

pytestmark = pytest.mark.browser


@pytest.fixture
def server(tmp_path):
    """A fresh server with one admin account `juf` (a module with other settings has a
    fixture of its own around tests/servers.py's admin_server)."""
    with admin_server(tmp_path / "data") as srv:
        yield srv


@pytest.fixture
def pages(browser, request):
    """Pages (screen, tablets, phones) that remember every uncaught script error: a test
    fails when one was thrown in any of them. A test module with a `Pages` of its own (other
    voices, locales) gets that one."""
    from .test_workshop_flow import Pages  # imported here: that module imports this one

    opened = getattr(request.module, "Pages", Pages)(browser)
    yield opened
    opened.close()
    assert not opened.errors, "uncaught script errors:\n" + "\n".join(opened.errors)


@pytest.fixture
def shots():
    """Where screenshots go (looked at by people; not compared by the tests)."""
    SHOTS.mkdir(parents=True, exist_ok=True)
    return SHOTS


WAIT = 10_000  # ms: how long expect(...) waits for what a page does by itself


@pytest.fixture(autouse=True)
def patient_expect():
    """expect(...) waits up to WAIT for what a page does by itself (default: 5 s)."""
    from playwright.sync_api import expect

    expect.set_options(timeout=WAIT)
    yield
    expect.set_options(timeout=5_000)
