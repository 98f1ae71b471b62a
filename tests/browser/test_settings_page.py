"""The admin's settings page laid out like the other leader and admin pages: the title in a
page head, the explanation in a card, the retention form a narrow card of its own in the
middle (as the pairing form on /links), not a narrow form floating inside a wide card beside
left-aligned text. Screenshots in $WORKSHOP_SETTINGS_SHOTS (default /tmp/shots/settings)."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from playwright.sync_api import Page, expect

from .test_accessibility import log_in

pytestmark = pytest.mark.browser

SHOTS = Path(os.environ.get("WORKSHOP_SETTINGS_SHOTS", "/tmp/shots/settings"))
SIZES = ((1920, 1080), (1024, 768))


def box(page: Page, selector: str) -> dict:
    return page.locator(selector).bounding_box()


@pytest.mark.parametrize("width,height", SIZES)
def test_the_settings_form_sits_like_the_other_forms(server, pages, width, height):
    SHOTS.mkdir(parents=True, exist_ok=True)
    page = pages.screen()
    page.set_viewport_size({"width": width, "height": height})
    log_in(page, server, "juf")

    page.goto(server.url + "/links")
    pairing = box(page, "main > form.card.form.narrow")
    title = box(page, "main > .page-head h1")

    page.goto(server.url + "/settings")
    expect(page.locator("#retention_months")).to_be_visible()
    page.screenshot(path=str(SHOTS / f"settings-{width}x{height}.png"), full_page=True)
    form = page.locator("main > form.card.form.narrow")
    expect(form.locator("#retention_months")).to_be_visible()       # a card of its own
    expect(form).to_have_accessible_name(page.locator("#retention-title").inner_text())
    own = form.bounding_box()
    main = box(page, "main")
    assert abs(own["x"] - pairing["x"]) < 1 and abs(own["width"] - pairing["width"]) < 1
    gaps = own["x"] - main["x"], main["x"] + main["width"] - own["x"] - own["width"]
    assert abs(gaps[0] - gaps[1]) < 1, gaps                          # in the middle
    assert own["x"] >= 0 and own["x"] + own["width"] <= width
    assert box(page, "main > .page-head h1")["x"] == title["x"]      # the title as elsewhere
    card = box(page, "#retention")                                   # no form inside it
    assert page.locator("#retention form").count() == 0
    assert card["width"] == box(page, "main > section.card:last-of-type")["width"]

    # it still saves, and says so
    page.locator("#retention_months").fill("18")
    form.locator("button.primary").click()
    expect(page.locator("main .notice")).to_be_visible()
    expect(page.locator("#retention_months")).to_have_value("18")
    page.screenshot(path=str(SHOTS / f"settings-{width}x{height}-saved.png"), full_page=True)
