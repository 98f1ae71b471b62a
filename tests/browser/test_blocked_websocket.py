"""A school network whose proxy refuses WebSocket: every page that opens a socket still
works, over long polling, through a real proxy (tests/proxy.py) in front of the server.

The tablet joins, sends an idea and it appears on the screen; the screen, the leader's
phone view and the board's present and respond pages each get their live updates."""

from __future__ import annotations

import re
import sqlite3
from contextlib import closing
from types import SimpleNamespace

import pytest
from playwright.sync_api import expect

from ..news_world import ADOPTED, NOT_NOW
from ..proxy import RefusingProxy
from .test_news_step import seed
from .test_workshop_flow import (
    join,
    open_phone,
    press_next,
    send_idea,
    start_dream_workshop,
    type_idea,
    wall_card,
)

pytestmark = pytest.mark.browser

IDEA = "Een hangmat in de bibliotheek"


@pytest.fixture
def proxy(server):
    school = RefusingProxy(server.port)
    yield school
    school.stop()


def network_of(server) -> int:
    path = server.data_dir / "workshop.db"
    with closing(sqlite3.connect(f"file:{path}?mode=ro", uri=True)) as con:
        return con.execute("SELECT id FROM networks").fetchone()[0]


def log_in(page, url: str, username: str) -> None:
    page.goto(url + "/login")
    page.locator("input[name=username]").fill(username)
    page.locator("input[name=password]").fill("geheim-123")
    page.locator("main form button.primary").click()
    expect(page).not_to_have_url(re.compile(r"/login"))


def test_every_live_page_works_when_websocket_is_refused(server, proxy, pages):
    seed(server, fetched=False)              # a network board with two shipped ideas
    school = SimpleNamespace(url=proxy.url)  # every page through the school's proxy

    # the classroom screen gets its state over polling (data-kind comes from the socket)
    screen = pages.screen()
    workshop_id, code = start_dream_workshop(screen, school, "Groep 5A", "Lente")
    phone = screen.context.new_page()       # the leader's phone view, the same login
    open_phone(phone, proxy.url, workshop_id)
    title = phone.locator(".c-title")
    welcome = title.inner_text()

    # a tablet joins and the screen and the phone hear it
    tablet = pages.tablet()
    _avatar, name = join(tablet, f"{proxy.url}/j/{code}", 0, "Sami")
    expect(screen.locator("#s-main .w-kids .kid").filter(has_text=name)).to_have_count(1)
    expect(tablet.locator(".t-conn")).to_have_class(re.compile(r"\bis-online\b"))

    # the leader moves on from the screen: the tablet and the phone follow
    press_next(screen, 1)
    expect(title).not_to_have_text(welcome)
    press_next(screen, 2)
    expect(tablet.locator(".t-ideas textarea.t-input")).to_be_visible()

    # the tablet sends an idea: it appears on the projector and in the phone's moderation
    type_idea(tablet, IDEA)
    send_idea(tablet)
    expect(wall_card(screen, IDEA)).to_have_count(1)
    expect(phone.locator("#c-mod-list")).to_contain_text(IDEA)

    # the phone sends "next": the screen and the tablet follow
    ideas_title = title.inner_text()
    phone.locator("#c-buttons [data-id=next]").click()
    expect(title).not_to_have_text(ideas_title)
    expect(screen.locator("#cb-goto")).to_have_value("3")

    # the network meeting: the advisor presents, a partner answers on a phone
    advisor = pages.screen()
    log_in(advisor, proxy.url, "adviseur")
    network_id = network_of(server)
    advisor.goto(f"{proxy.url}/networks/{network_id}/present")
    deck_title = advisor.locator("#present .p-title")
    expect(deck_title).to_have_text(ADOPTED)

    partner = pages.tablet()
    log_in(partner, proxy.url, "bieb")
    partner.goto(f"{proxy.url}/networks/{network_id}/respond")
    expect(partner.locator(".r-dot")).to_have_class(re.compile(r"\bup\b"))
    expect(partner.locator(".r-title")).to_have_text(ADOPTED)   # follows the advisor
    advisor.keyboard.press("ArrowRight")
    expect(deck_title).to_have_text(NOT_NOW)
    expect(partner.locator(".r-title")).to_have_text(NOT_NOW)   # live, over polling
    partner.locator(".r-fit").tap()
    expect(advisor.locator("#present .p-fits .chip")).to_have_count(1)  # live on the deck

    # the proxy refused every upgrade the pages tried, and everything went by polling; no
    # request went down a connection the proxy had finished with (it would be lost)
    assert proxy.polls > 0
    assert proxy.late == 0
    with proxy._lock:
        print(f"proxy: {proxy.requests} requests, {proxy.polls} polls, "
              f"{proxy.refused} WebSocket upgrades refused, {proxy.late} late requests")
