"""End-to-end in a real browser: the leader goes through the news step from the phone.

Which news idea is on lives in the classroom screen's browser; the phone's next and back
ask the screens for another idea (`news_show`) and follow what they answer (`news_shown`),
so the phone, the projector and a second screen agree. After the last idea next goes on
to the next step, as the screen's → does. The group and its news are made as in
test_news_step.py.

Screenshots for people to look at: /tmp/shots/phone-news/ (and the shots folder).
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from playwright.sync_api import Page, expect

from ..news_world import ADOPTED, NOT_NOW
from .test_news_step import log_in, nl, on_step, seed, slide, start_critical
from .test_workshop_flow import open_phone, t

pytestmark = pytest.mark.browser

PHONE = {"width": 390, "height": 844}
PHONE_SHOTS = Path("/tmp/shots/phone-news")


def leader_page(pages, screen: Page, **options) -> Page:
    """Another page of the logged-in leader (its own context, the screen's cookies)."""
    page = pages._page(**options)
    page.context.add_cookies(screen.context.cookies())
    return page


def on_phone(phone: Page, n: int, title: str) -> None:
    box = phone.locator(".c-news")
    expect(box.locator(".c-news-count")).to_have_text(
        "📰 " + nl("On the screen: idea %(n)s of %(m)s", n=str(n), m="2"))
    expect(box.locator(".c-news-title")).to_have_text(title)


def button(phone: Page, which: str):
    return phone.locator(f"#c-buttons .ctl-btn[data-id='{which}']")


def shoot(phone: Page, shots: Path, name: str) -> None:
    PHONE_SHOTS.mkdir(parents=True, exist_ok=True)
    path = PHONE_SHOTS / f"{name}.png"
    phone.screenshot(path=str(path), animations="disabled")
    shutil.copy(path, shots / f"phone-news-{name}.png")


def test_the_phone_goes_through_the_news_ideas_on_the_screen(server, pages, shots):
    world = seed(server, fetched=False)
    screen = pages.screen()
    log_in(screen, server)
    start_critical(screen, server, world)
    workshop_id = world.workshops[2]
    phone = leader_page(pages, screen, viewport=PHONE, has_touch=True)
    open_phone(phone, server.url, workshop_id)
    expect(phone.locator(".c-news")).to_be_hidden()            # the welcome step

    # the phone's next: the news step, the first idea, on the phone too
    button(phone, "next").tap()
    on_step(screen, 1, "news")
    expect(slide(screen).locator(".news-title")).to_have_text(NOT_NOW)
    on_phone(phone, 1, NOT_NOW)
    expect(button(phone, "next")).to_have_text("➡️" + t(phone, "news_next_idea"))
    expect(button(phone, "prev")).to_have_text("⬅️" + t(phone, "prev"))
    shoot(phone, shots, "idea-1")

    # a second screen opened now shows the idea the first one shows, and follows it
    second = leader_page(pages, screen, viewport={"width": 1280, "height": 720})
    second.goto(f"{server.url}/workshops/{workshop_id}/screen")
    expect(slide(second).locator(".news-title")).to_have_text(NOT_NOW)

    # next on the phone: idea 2 on both screens and the phone, still the news step
    button(phone, "next").tap()
    expect(slide(screen).locator(".news-title")).to_have_text(ADOPTED)
    expect(slide(second).locator(".news-title")).to_have_text(ADOPTED)
    on_step(screen, 1, "news")
    on_phone(phone, 2, ADOPTED)
    expect(button(phone, "next")).to_have_text("➡️" + t(phone, "next"))
    expect(button(phone, "prev")).to_have_text("⬅️" + t(phone, "news_prev_idea"))
    shoot(phone, shots, "idea-2")

    # after the last idea: the next step on the screen and the phone
    button(phone, "next").tap()
    on_step(screen, 2, "vote")
    expect(phone.locator(".c-news")).to_be_hidden()
    expect(phone.locator("#c-goto")).to_have_value("2")

    # back comes back to the last idea, then the first, then the step before
    button(phone, "prev").tap()
    on_step(screen, 1, "news")
    expect(slide(screen).locator(".news-title")).to_have_text(ADOPTED)
    on_phone(phone, 2, ADOPTED)
    button(phone, "prev").tap()
    expect(slide(screen).locator(".news-title")).to_have_text(NOT_NOW)
    expect(slide(second).locator(".news-title")).to_have_text(NOT_NOW)
    on_phone(phone, 1, NOT_NOW)

    # the screen's own keys move the phone along
    screen.keyboard.press("ArrowRight")
    on_phone(phone, 2, ADOPTED)
    screen.keyboard.press("ArrowLeft")
    on_phone(phone, 1, NOT_NOW)
    button(phone, "prev").tap()
    on_step(screen, 0, "welcome")
    expect(phone.locator(".c-news")).to_be_hidden()
