"""Shared fixtures: an app on a temporary data directory, clients, a logged-in leader."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest
from flask import Flask

from workshop import create_app
from workshop.services import accounts

from .forms import BrowserClient

# Every app's test client posts forms with the page's CSRF token, like a browser
# (tests/forms.py); a test that means to leave it out uses flask.testing.FlaskClient itself.
Flask.test_client_class = BrowserClient

PASSWORD = "geheim-123"
CHROMIUM = os.environ.get("WORKSHOP_CHROMIUM", "/usr/bin/chromium")
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update",
                 "--disable-sync", "--disable-dev-shm-usage"]


@pytest.fixture(scope="session")
def browser():
    """Debian's Chromium, headless, driven by Playwright: one for the whole run (the
    browser and security tests), since Playwright's sync API runs one loop per thread."""
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
def app(tmp_path):
    """An app with its own SQLite file and data directory."""
    # In-process tests run unpatched, so threading; the browser and scale-out tests run the
    # real `workshop serve` in its default gevent mode.
    app = create_app({"DATA_DIR": tmp_path / "data", "TESTING": True, "ASYNC_MODE": "threading",
                      "PUBLIC_URL": "http://127.0.0.1:5000", "SECRET_KEY": "test"})
    yield app
    app.extensions["db"].dispose()


@pytest.fixture
def db(app):
    """The app's database."""
    return app.extensions["db"]


@pytest.fixture
def socketio(app):
    """The app's Socket.IO server."""
    return app.extensions["workshop_socketio"]


@pytest.fixture
def client(app):
    """A browser-like HTTP client."""
    return app.test_client()


class Leader:
    """Logs a leader in and sets up groups and series through the pages."""

    def __init__(self, client, db, username="juf"):
        self.client = client
        with db.begin() as dbs:
            self.user = accounts.create_user(dbs, username, PASSWORD, role="leader")
        self.login(username)

    def login(self, username="juf", password=PASSWORD):
        return self.client.post("/login", data={"username": username, "password": password})

    def series(self, name="Groep 6B"):
        """Create a group and a series through the pages; return the series id."""
        self.client.post("/groups/new", data={"name": name, "school": "De Regenboog",
                                               "neighbourhood": "Rivierenbuurt",
                                               "age_min": 8, "age_max": 12})
        from workshop.store.models import Group, Series

        db = self.client.application.extensions["db"]
        with db.begin() as dbs:
            group = dbs.query(Group).filter_by(name=name).one()
        self.client.post(f"/groups/{group.id}/series/new", data={"title": "Voorjaar"})
        with db.begin() as dbs:
            return dbs.query(Series).filter_by(group_id=group.id).one().id


@pytest.fixture
def leader(client, db):
    """A logged-in leader."""
    return Leader(client, db)
