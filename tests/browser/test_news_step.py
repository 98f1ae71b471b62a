"""End-to-end in a real browser: the children see on the classroom screen what became of
the ideas their group shipped.

A real `workshop serve` process and Debian's Chromium (see conftest.py). The group's dream
workshop ran and its shortlist went to the network on this laptop, where a partner adopted
one idea and posted news and the advisor said "not now" to the other (made with the
services, as in tests/news_world.py). The leader starts the critical-thinking workshop from
the series page: right after the welcome comes the news step, one idea at a time, and the
arrow keys go through the ideas before the next step. A second group's laptop shipped to a
separate network server: its screen shows the news it last fetched and when.

Screenshots for people to look at: /tmp/news-*.png (and the shots folder).
"""

from __future__ import annotations

import re
import shutil
from datetime import timedelta
from pathlib import Path

import pytest
from babel.support import Translations
from playwright.sync_api import Page, expect
from sqlalchemy import select

import workshop
from workshop import config
from workshop.services.plan_library import PlanLibrary
from workshop.store.db import Database
from workshop.store.link_models import IdeaNews
from workshop.store.models import User, utcnow

from ..news_world import (
    ADOPTED,
    CHILD,
    NOT_NOW,
    OWNER,
    REASON,
    UPDATE,
    NewsWorld,
    class_with_ideas,
    ship_and_follow,
)
from .test_workshop_flow import join, pictures_loaded, t

pytestmark = pytest.mark.browser

USERNAME, PASSWORD = "juf", "geheim-123"
CATALOGUE = Translations.load(str(Path(workshop.__file__).parent / "translations"), ["nl"])


def nl(msgid: str, **values) -> str:
    """A text as the server shows it in Dutch."""
    text = CATALOGUE.gettext(msgid)
    for key, value in values.items():
        text = text.replace(f"%({key})s", value)
    return text


def seed(server, fetched: bool) -> NewsWorld:
    """The group's story so far, written into the server's database as the services do."""
    settings = config.load({"DATA_DIR": server.data_dir, "SECRET_KEY": "test-secret"})
    db = Database(settings["DATABASE_URL"])
    library = PlanLibrary(settings["PLANS_DIR"], settings["OWN_PLANS_DIR"])
    try:
        with db.begin() as dbs:
            juf = dbs.scalar(select(User).where(User.username == USERNAME))
            world = class_with_ideas(dbs, juf, library, settings["MEDIA_DIR"])
            if not fetched:
                return ship_and_follow(dbs, world, settings["MEDIA_DIR"])
            # shipped to a network server elsewhere; this laptop fetched the news yesterday
            now = utcnow()
            dbs.add(IdeaNews(idea_id=world.ideas[ADOPTED], stage="running", owner=OWNER,
                             latest_text=UPDATE, latest_at=now - timedelta(days=2),
                             changed_at=now - timedelta(days=2),
                             fetched_at=now - timedelta(days=1)))
            dbs.commit()
            return world
    finally:
        db.dispose()


def log_in(page: Page, server) -> None:
    page.goto(server.url + "/login")
    page.locator("input[name=username]").fill(USERNAME)
    page.locator("input[name=password]").fill(PASSWORD)
    page.locator("main form button.primary").click()
    expect(page).to_have_url(server.url + "/")


def start_critical(page: Page, server, world: NewsWorld) -> str:
    """From the series page the leader starts the third workshop; returns the join code."""
    page.goto(f"{server.url}/series/{world.series_id}")
    row = page.locator(f"table.workshops tr[data-workshop='{world.workshops[2]}']")
    expect(row).to_contain_text("critical")
    row.locator("button.start-workshop").click()
    expect(page).to_have_url(f"{server.url}/workshops/{world.workshops[2]}/screen")
    root = page.locator("#screen")
    expect(root).to_have_attribute("data-kind", "welcome")
    return root.get_attribute("data-code")


def slide(screen: Page):
    return screen.locator("#s-main .news-slide")


def on_step(screen: Page, index: int, kind: str) -> None:
    expect(screen.locator("#cb-goto")).to_have_value(str(index))
    expect(screen.locator("#screen")).to_have_attribute("data-kind", kind)


def fits(page: Page, selector: str) -> None:
    """Everything in `selector` is inside the window and no text is cut off (the words of
    these ideas are short enough to be shown whole)."""
    problems = page.locator(selector).evaluate("""(box) => {
        const out = [];
        const inside = (r) => r.top >= -1 && r.left >= -1 && r.bottom <= innerHeight + 1 &&
                              r.right <= innerWidth + 1;
        for (const node of [box, ...box.querySelectorAll("*")]) {
            const r = node.getBoundingClientRect();
            if (!r.width || !r.height) continue;
            if (!inside(r)) out.push("outside: " + node.className);
            const hides = getComputedStyle(node).overflow === "hidden";
            if (hides && node.scrollHeight > node.clientHeight + 2)
                out.push("cut: " + node.className);
        }
        return out;
    }""")
    assert not problems, problems


def shoot(page: Page, shots: Path, name: str) -> None:
    """A screenshot as the room sees it: pictures loaded, the leader's control bar gone."""
    pictures_loaded(page, "img")
    if page.locator("#screen").count():
        page.mouse.move(5, 300)
        page.wait_for_function("() => !document.querySelector('#screen.awake')")
    path = Path("/tmp") / f"news-{name}.png"
    page.screenshot(path=str(path), animations="disabled")
    shutil.copy(path, shots / path.name)


def test_the_children_see_what_became_of_their_ideas(server, pages, shots):
    world = seed(server, fetched=False)
    screen = pages.screen()
    log_in(screen, server)
    code = start_critical(screen, server, world)
    options = screen.locator("#cb-goto option")
    expect(options.nth(1)).to_have_text("2. Wat gebeurde er met jullie ideeën?")

    tablet = pages.tablet()
    join(tablet, f"{server.url}/j/{code}", 2, "Noor")

    # → : the news step; "not now" was said last, so that idea comes first
    screen.keyboard.press("ArrowRight")
    on_step(screen, 1, "news")
    expect(screen.locator(".s-title")).to_have_text("Wat gebeurde er met jullie ideeën?")
    expect(slide(screen)).to_have_attribute("data-stage", "not_now")
    expect(slide(screen).locator(".news-title")).to_have_text(NOT_NOW)
    expect(slide(screen).locator(".news-status-label")).to_have_text(nl("Not now, because …"))
    expect(slide(screen).locator(".news-status-sentence")).to_have_text(REASON)
    expect(slide(screen).locator(".news-count")).to_have_text(
        nl("Idea %(n)s of %(m)s", n="1", m="2"))
    expect(slide(screen).locator(".news-track")).to_have_count(0)
    expect(screen.locator(".news-updated")).to_have_count(0)   # all of it is on this laptop
    expect(screen.locator(".cb-keys")).to_contain_text(t(screen, "news_keys"))
    # the tablet says to look at the screen, with read-aloud
    expect(tablet.locator(".t-news .t-lead")).to_have_text(t(tablet, "wait_for_screen"))
    expect(tablet.locator(".t-news .t-speak")).to_be_visible()
    expect(tablet.locator(".t-step-title")).to_have_text("Wat gebeurde er met jullie ideeën?")
    fits(screen, "#s-main")
    shoot(screen, shots, "screen-not-now")
    shoot(tablet, shots, "tablet")

    # → : still the news step, the adopted idea with its drawing and the partner's news
    screen.keyboard.press("ArrowRight")
    expect(slide(screen)).to_have_attribute("data-stage", "adopted")
    on_step(screen, 1, "news")
    expect(slide(screen).locator(".news-title")).to_have_text(ADOPTED)
    expect(slide(screen).locator(".news-status-label")).to_have_text(
        nl("%(partner)s will make it happen", partner=OWNER))
    expect(slide(screen).locator(".news-status-sentence")).to_have_text(
        nl("%(partner)s said: we are going to do this!", partner=OWNER))
    expect(slide(screen).locator(".news-latest-head")).to_contain_text(
        nl("News from %(partner)s", partner=OWNER))
    expect(slide(screen).locator(".news-latest-text")).to_have_text(UPDATE)
    expect(slide(screen).locator(".news-track li.now")).to_have_count(1)
    expect(slide(screen).locator(".news-track li.done")).to_have_count(2)
    picture = slide(screen).locator(".news-pic img")
    expect(picture).to_have_attribute("src", re.compile(r"^/media/drawing-[\w-]{16}\.png$"))
    screen.wait_for_function("(i) => i.complete && i.naturalWidth > 0",
                             arg=picture.element_handle())
    assert CHILD not in screen.locator("#s-main").inner_text()   # no child's name
    fits(screen, "#s-main")
    shoot(screen, shots, "screen-adopted")

    # → after the last idea: the next step; ← comes back to the last idea
    screen.keyboard.press("ArrowRight")
    on_step(screen, 2, "vote")
    expect(tablet.locator(".t-news")).to_have_count(0)
    screen.keyboard.press("ArrowLeft")
    on_step(screen, 1, "news")
    expect(slide(screen)).to_have_attribute("data-stage", "adopted")
    # ← through the ideas, then the step before; a dot jumps to an idea
    screen.keyboard.press("ArrowLeft")
    expect(slide(screen)).to_have_attribute("data-stage", "not_now")
    screen.locator(".news-jump").nth(1).click()
    expect(slide(screen)).to_have_attribute("data-stage", "adopted")
    screen.locator(".news-jump").nth(0).click()
    screen.keyboard.press("ArrowLeft")
    on_step(screen, 0, "welcome")


def test_news_fetched_from_the_network_server_says_when(server, pages, shots):
    world = seed(server, fetched=True)
    screen = pages.screen()
    log_in(screen, server)
    start_critical(screen, server, world)
    screen.keyboard.press("ArrowRight")
    on_step(screen, 1, "news")
    expect(slide(screen)).to_have_attribute("data-stage", "running")
    expect(slide(screen).locator(".news-status-label")).to_have_text(nl("It's on!"))
    expect(slide(screen).locator(".news-owner strong")).to_have_text(OWNER)
    expect(slide(screen).locator(".news-latest-text")).to_have_text(UPDATE)
    expect(slide(screen).locator(".news-count")).to_have_count(0)   # one idea: no counter
    updated = screen.locator(".news-updated")
    expect(updated).to_contain_text(nl("Last updated: %(date)s", date=""))
    yesterday = screen.evaluate("""() => new Date(Date.now() - 86400000)
        .toLocaleString("nl", {day: "numeric", month: "long", year: "numeric"})""")
    expect(updated).to_contain_text(yesterday)
    fits(screen, "#s-main")
    shoot(screen, shots, "screen-fetched")
    # → : one idea only, so on to the next step
    screen.keyboard.press("ArrowRight")
    on_step(screen, 2, "vote")
