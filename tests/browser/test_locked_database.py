"""A tablet in a real browser while another process holds the server's SQLite file: past
WORKSHOP_DB_WAIT_SECONDS the server answers "busy" and stores nothing, the outbox keeps
the idea and sends it again by itself, and once the lock goes it is stored once."""

from __future__ import annotations

import json
import time

import pytest
from playwright.sync_api import expect

from ..servers import Server, admin_server
from ..sqlite_lock import ExclusiveLock
from .test_workshop_flow import (
    go_to_ideas,
    ideas_in_db,
    join,
    my_idea,
    read_join_qr,
    start_dream_workshop,
    type_idea,
)

pytestmark = pytest.mark.browser
WORDS = "Een hut in de boom"
BUSY = "Opslaan duurt langer dan normaal. Je werk is bewaard en wordt vanzelf opnieuw verstuurd."


@pytest.fixture
def impatient_server(tmp_path):
    with admin_server(tmp_path / "data", WORKSHOP_DB_WAIT_SECONDS="2") as srv:
        yield srv


def _outbox(tablet) -> list[dict]:
    kept = tablet.evaluate("""() => Object.keys(localStorage).filter((k) =>
        k.startsWith("outbox:")).map((k) => localStorage.getItem(k))""")
    return [item for items in kept for item in json.loads(items)]


def _refusals(server: Server) -> int:
    return server.log.read_text().count("the database stayed locked")


def test_the_outbox_keeps_an_idea_the_locked_database_refused_and_it_is_stored_once(
        impatient_server, pages):
    server = impatient_server
    screen = pages.screen()
    start_dream_workshop(screen, server, "Groep 7", "Najaar")
    url = read_join_qr(screen)
    tablet = pages.tablet()
    join(tablet, url, 2, "Mila")
    go_to_ideas(screen)
    with ExclusiveLock(server.data_dir / "workshop.db"):
        type_idea(tablet, WORDS)
        tablet.locator(".t-ideas .t-send").tap()
        for _ in range(300):  # the server said "busy" to it at least twice (it resends)
            if _refusals(server) >= 2:
                break
            time.sleep(0.05)
        assert _refusals(server) >= 2
        expect(tablet.locator(".t-banner-text")).to_have_text(BUSY)
        expect(my_idea(tablet, WORDS).locator(".t-status.is-waiting")).to_be_visible()
        assert [item["payload"]["text"] for item in _outbox(tablet)] == [WORDS]
        assert ideas_in_db(server, WORDS) == 0
        expect(my_idea(tablet, WORDS).locator(".t-status.is-sent")).to_have_count(0)
    # the lock went: the next resend (every 3 s) is stored, once
    expect(my_idea(tablet, WORDS).locator(".t-status.is-sent")).to_be_visible(timeout=30_000)
    assert ideas_in_db(server, WORDS) == 1
    assert _outbox(tablet) == []
    expect(my_idea(tablet, WORDS)).to_have_count(1)


def test_an_idea_waiting_for_the_locked_database_says_saving_then_sent(impatient_server, pages):
    """Sent, and no answer for a second: the server waits for its database. The idea's row
    says 'saving...' (and the top bar shows it) while the lock is held; once it goes: sent."""
    server = impatient_server
    screen = pages.screen()
    start_dream_workshop(screen, server, "Groep 6", "Winter")
    tablet = pages.tablet()
    join(tablet, read_join_qr(screen), 5, "Noor")
    go_to_ideas(screen)
    saving = tablet.evaluate("() => window.T.saving")
    assert saving == "Opslaan..."
    top = tablet.locator(".t-top .t-saving")
    expect(top).to_be_hidden()
    with ExclusiveLock(server.data_dir / "workshop.db"):
        type_idea(tablet, WORDS)
        tablet.locator(".t-ideas .t-send").tap()
        badge = my_idea(tablet, WORDS).locator(".t-status.is-saving")
        expect(badge).to_contain_text(saving)
        expect(top).to_be_visible()
        expect(top).to_contain_text(saving)
        assert ideas_in_db(server, WORDS) == 0
    expect(my_idea(tablet, WORDS).locator(".t-status.is-sent")).to_be_visible(timeout=30_000)
    expect(my_idea(tablet, WORDS).locator(".t-status.is-saving")).to_have_count(0)
    expect(top).to_be_hidden()
    assert ideas_in_db(server, WORDS) == 1
