""""I'm done" in a real browser: a big button on the tablet's input steps; the screen and the
leader's phone view count who is done and show who is still busy; adding more undoes it;
a reload keeps it; the next step starts with nobody done. Screenshots in
$WORKSHOP_DONE_SHOTS (default /tmp/shots/done)."""

from __future__ import annotations

import os
import re
from pathlib import Path

import pytest
from playwright.sync_api import Page, expect

from .test_workshop_flow import join, open_phone, press_next, start_dream_workshop, t

pytestmark = pytest.mark.browser

SHOTS = Path(os.environ.get("WORKSHOP_DONE_SHOTS", "/tmp/shots/done"))


def answer(tablet: Page, words: str) -> None:
    box = tablet.locator(".t-compose textarea")
    box.tap()
    box.fill(words)
    tablet.locator(".t-compose .t-send").tap()
    expect(tablet.locator(".t-mine-item.is-sent").filter(has_text=words)).to_have_count(1)


def n_done(page: Page, n: int, m: int) -> str:
    return t(page, "n_done").replace("%(n)s", str(n)).replace("%(m)s", str(m))


def test_children_say_they_are_done_and_the_leader_sees_who_is_busy(server, pages):
    SHOTS.mkdir(parents=True, exist_ok=True)
    screen = pages.screen()
    workshop_id, code = start_dream_workshop(screen, server, "Groep 7A", "Herfst")
    phone = screen.context.new_page()
    phone.set_viewport_size({"width": 390, "height": 844})
    open_phone(phone, server.url, workshop_id)
    portrait, landscape = pages.tablet(), pages.tablet(landscape=True)
    join(portrait, f"{server.url}/j/{code}", 0, "Sami")
    join(landscape, f"{server.url}/j/{code}", 5, "Noor")
    # the welcome step takes nothing: no button, no count
    expect(portrait.locator(".t-done")).to_have_count(0)
    expect(screen.locator(".s-done")).to_be_hidden()

    press_next(screen, 1)                                      # a question
    count = screen.locator(".s-done-count")
    expect(count).to_have_text(n_done(screen, 0, 2))
    expect(screen.locator(".s-done-face")).to_have_count(2)
    done = portrait.locator(".t-done")
    expect(done).to_be_visible()
    expect(done).to_have_attribute("aria-pressed", "false")
    box = done.bounding_box()
    assert box["height"] >= 64 and box["width"] >= 300, box   # a big touch target

    answer(portrait, "Een klimmuur")
    done.tap()
    expect(done).to_have_attribute("aria-pressed", "true")
    expect(portrait.locator(".t-done-note")).to_have_text(t(portrait, "im_done_yes"))
    expect(count).to_have_text(n_done(screen, 1, 2))
    expect(screen.locator(".s-done-face")).to_have_count(1)   # Noor is still busy
    expect(screen.locator(".s-done-busy")).to_have_attribute("title", re.compile("Noor"))
    expect(phone.locator(".c-done-count")).to_contain_text(n_done(phone, 1, 2))
    expect(phone.locator(".c-done-busy li")).to_have_text([re.compile("Noor")])
    screen.screenshot(path=str(SHOTS / "screen-1920x1080-one-done.png"))
    portrait.screenshot(path=str(SHOTS / "tablet-768x1024-done.png"))
    landscape.screenshot(path=str(SHOTS / "tablet-1024x768-busy.png"))
    phone.screenshot(path=str(SHOTS / "phone-one-done.png"))

    # a reload keeps it (the tablet says hello again and gets it back)
    portrait.reload()
    expect(portrait.locator(".t-done")).to_have_attribute("aria-pressed", "true")

    # adding more makes Sami busy again, on the tablet and on the screen
    answer(portrait, "Een dansstudio")
    expect(portrait.locator(".t-done")).to_have_attribute("aria-pressed", "false")
    expect(count).to_have_text(n_done(screen, 0, 2))

    # both done: everyone is done
    portrait.locator(".t-done").tap()
    landscape.locator(".t-done").tap()
    expect(landscape.locator(".t-done")).to_have_attribute("aria-pressed", "true")
    expect(count).to_have_text(t(screen, "all_done"))
    expect(screen.locator(".s-done")).to_have_class(re.compile(r"\ball\b"))
    expect(phone.locator(".c-done-count")).to_contain_text(t(phone, "all_done"))
    screen.screenshot(path=str(SHOTS / "screen-1920x1080-all-done.png"))
    landscape.screenshot(path=str(SHOTS / "tablet-1024x768-done.png"))

    # the next step starts with nobody done
    press_next(screen, 2)
    expect(count).to_have_text(n_done(screen, 0, 2))
    expect(landscape.locator(".t-done")).to_have_attribute("aria-pressed", "false")
    portrait.locator(".t-ideas textarea.t-input").fill("Een moestuin op het dak")
    portrait.locator(".t-ideas .t-send").tap()
    portrait.locator(".t-done").tap()
    expect(count).to_have_text(n_done(screen, 1, 2))
    screen.screenshot(path=str(SHOTS / "screen-1920x1080-ideas.png"))
    portrait.screenshot(path=str(SHOTS / "tablet-768x1024-ideas-done.png"))
    landscape.screenshot(path=str(SHOTS / "tablet-1024x768-ideas-busy.png"))


def in_view(page: Page, selector: str) -> bool:
    """The whole of the element is inside the viewport, and nothing else is on top of it."""
    return page.locator(selector).evaluate(
        """(node) => {
            const r = node.getBoundingClientRect();
            if (r.top < 0 || r.left < 0 || r.bottom > innerHeight || r.right > innerWidth)
                return false;
            const hit = document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2);
            return node.contains(hit);
        }""")


def test_done_is_in_view_in_the_ideas_step(server, pages):
    """In the ideas step (words, kinds, a photo, the drawing pad) "I'm done" can be tapped
    without scrolling, on a portrait and a landscape tablet, and it covers neither the
    words box nor the send button; after scrolling down it is still there."""
    SHOTS.mkdir(parents=True, exist_ok=True)
    screen = pages.screen()
    _, code = start_dream_workshop(screen, server, "Groep 8B", "Winter")
    portrait, landscape = pages.tablet(), pages.tablet(landscape=True)
    join(portrait, f"{server.url}/j/{code}", 1, "Mila")
    join(landscape, f"{server.url}/j/{code}", 2, "Daan")
    press_next(screen, 1)
    press_next(screen, 2)                                      # ideas, with the drawing pad
    for name, tablet in (("768x1024", portrait), ("1024x768", landscape)):
        expect(tablet.locator(".t-ideas .t-draw")).to_be_visible()
        done = tablet.locator(".t-done")
        expect(done).to_be_visible()
        tablet.screenshot(path=str(SHOTS / f"tablet-{name}-ideas-top.png"))
        assert in_view(tablet, ".t-done"), name
        assert in_view(tablet, ".t-ideas .t-send"), name
        assert in_view(tablet, ".t-ideas textarea.t-input"), name
        box = done.bounding_box()
        assert box["height"] >= 64 and box["width"] >= 300, (name, box)  # still big

        tablet.mouse.wheel(0, 600)                             # down to the drawing pad
        tablet.wait_for_timeout(300)
        assert in_view(tablet, ".t-done"), name
        assert in_view(tablet, ".t-ideas .t-send"), name
        tablet.screenshot(path=str(SHOTS / f"tablet-{name}-ideas-scrolled.png"))

        tablet.locator(".t-ideas textarea.t-input").fill("Een boomhut in het park " + name)
        tablet.locator(".t-ideas .t-send").tap()
        expect(tablet.locator(".t-mine-item.is-sent")).to_have_count(1)
        done.tap()                                              # without scrolling first
        expect(done).to_have_attribute("aria-pressed", "true")
        expect(tablet.locator(".t-done-note")).to_be_visible()
        tablet.screenshot(path=str(SHOTS / f"tablet-{name}-ideas-done.png"))
    expect(screen.locator(".s-done-count")).to_have_text(t(screen, "all_done"))
