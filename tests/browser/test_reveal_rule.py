"""The reveal rule in a real browser: the inspire poll is "on reveal" (the projector and
the tablets show no counts until the leader presses Show results), its cards are "live"
(the reactions count on the screen at once; the results button says so)."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import Page, expect

from .test_workshop_flow import PASSWORD, USERNAME, join, t

pytestmark = pytest.mark.browser


def start_inspire(page: Page, server) -> str:
    """Log in, make a group and a series in the forms, start its first workshop (inspire)."""
    page.goto(server.url + "/login")
    page.locator("input[name=username]").fill(USERNAME)
    page.locator("input[name=password]").fill(PASSWORD)
    page.locator("main form button.primary").click()
    page.locator("a[href='/groups/new']").click()
    page.locator("input[name=name]").fill("Groep 6C")
    page.locator("input[name=school]").fill("De Regenboog")
    page.locator("main form button.primary").click()
    page.locator("section.group[data-group] a[href$='/series/new']").first.click()
    page.locator("input[name=title]").fill("Winter")
    page.locator("main form button.primary").click()
    row = page.locator("table.workshops tr[data-workshop]").first
    expect(row).to_contain_text("inspire")
    row.locator("button.start-workshop").click()
    expect(page.locator("#screen")).to_have_attribute("data-kind", "welcome")
    return page.locator("#screen").get_attribute("data-code")


def test_poll_counts_wait_for_show_results_and_cards_count_live(server, pages):
    screen = pages.screen()
    code = start_inspire(screen, server)
    tablet = pages.tablet()
    join(tablet, f"{server.url}/j/{code}", 2, "Lina")

    screen.keyboard.press("ArrowRight")                       # the poll (no news yet)
    expect(screen.locator("#screen")).to_have_attribute("data-kind", "poll")
    choice = tablet.locator(".t-choice").first
    choice.tap()
    expect(choice).to_have_attribute("aria-pressed", "true")
    total = screen.locator(".bars-total")
    expect(total).to_contain_text(t(screen, "results_hidden"))
    expect(total).to_contain_text("1")                        # how many answered: yes
    screen.wait_for_timeout(800)                              # results go out 4 times a second
    assert screen.locator(".bar-num").evaluate_all(
        "(nodes) => nodes.map((n) => n.textContent).join('')") == ""
    assert screen.locator(".bar-fill").evaluate_all(
        "(nodes) => nodes.every((n) => n.getBoundingClientRect().width < 1)")
    expect(tablet.locator(".t-choice .t-count-badge:visible")).to_have_count(0)

    screen.keyboard.press("r")                                # Show results
    expect(screen.locator(".bar-row.lead .bar-num")).to_have_text("1")
    expect(total).not_to_contain_text(t(screen, "results_hidden"))
    expect(choice.locator(".t-count-badge")).to_have_text("1")

    screen.keyboard.press("ArrowRight")                       # the cards: live
    expect(screen.locator("#screen")).to_have_attribute("data-kind", "cards")
    reveal = screen.locator("#cb-buttons [data-id=reveal]")
    expect(reveal).to_be_disabled()
    expect(reveal).to_contain_text(t(screen, "results_live"))
    tablet.locator(".t-react.is-love").first.tap()
    expect(screen.locator(".card .r.love .r-num").first).to_have_text("1")
    expect(tablet.locator(".t-react.is-love .t-count-badge").first).to_have_text(
        re.compile(r"^1$"))
