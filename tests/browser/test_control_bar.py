"""The projector's control bar leaves room: at 1920x1080 with the bar shown (the mouse
moved), neither the join chip nor the bottom row of the wall lies under the bar."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import Page, expect

from .test_workshop_flow import join, press_next, start_dream_workshop

pytestmark = pytest.mark.browser


def boxes(screen: Page, selector: str) -> list[dict]:
    return screen.locator(selector).evaluate_all(
        "(nodes) => nodes.filter((n) => n.getClientRects().length).map((n) => {"
        " const r = n.getBoundingClientRect();"
        " return {top: r.top, bottom: r.bottom, left: r.left, right: r.right}; })")


def overlaps(a: dict, b: dict) -> bool:
    return a["left"] < b["right"] and b["left"] < a["right"] and \
        a["top"] < b["bottom"] and b["top"] < a["bottom"]


def bar_shown(screen: Page) -> dict:
    """Move the mouse as a leader does; wait until the bar is up and the wall re-fitted."""
    screen.mouse.move(900, 500)
    screen.mouse.move(960, 540)
    expect(screen.locator("#screen")).to_have_class("screen awake")
    screen.wait_for_function("""() => {
        const bar = document.getElementById('controlbar').getBoundingClientRect();
        return Math.abs(bar.bottom - innerHeight) < 1;
    }""")
    screen.wait_for_timeout(400)   # the walls re-fit (ResizeObserver) to the smaller area
    screen.mouse.move(961, 541)
    return boxes(screen, "#controlbar")[0]


def test_the_bar_covers_neither_the_join_chip_nor_the_bottom_row(server, pages, shots):
    screen = pages.screen()
    _workshop_id, code = start_dream_workshop(screen, server, "Groep 8C", "Zomer")
    tablet = pages.tablet()
    join(tablet, f"{server.url}/j/{code}", 1, "Noor")
    press_next(screen, 1)                             # the question wall
    box = tablet.locator(".t-compose textarea")
    for n in range(12):                               # enough notes for several rows
        box.tap()
        box.fill(f"Antwoord nummer {n + 1} met wat woorden")
        tablet.locator(".t-compose .t-send").tap()
    notes = screen.locator("#s-main .notes .note")
    expect(notes).to_have_count(12)
    chip = screen.locator(".s-joinchip")
    expect(chip).to_be_visible()

    bar = bar_shown(screen)
    assert bar["top"] < 1080 - 40, bar                # the bar is really up
    chip_box = boxes(screen, ".s-joinchip")[0]
    assert not overlaps(chip_box, bar), (chip_box, bar)
    lowest = max(boxes(screen, "#s-main .notes .note"), key=lambda b: b["bottom"])
    assert lowest["bottom"] <= bar["top"], (lowest, bar)
    assert not overlaps(lowest, chip_box), (lowest, chip_box)
    screen.screenshot(path=str(shots / "screen-bar-shown.png"))

    # the wall of ideas too
    press_next(screen, 2)
    tablet.locator(".t-ideas textarea.t-input").fill("Een moestuin op het dak")
    tablet.locator(".t-ideas .t-send").tap()
    expect(screen.locator("#s-main .ideawall .idea")).to_have_count(1)
    bar = bar_shown(screen)
    for item in boxes(screen, "#s-main .ideawall .idea") + boxes(screen, ".s-joinchip"):
        assert not overlaps(item, bar), (item, bar)


def test_the_bar_does_not_cover_the_workshop_ended_words(server, pages, shots):
    """After 'End workshop' the screen says so at the bottom; the bar that shows while the
    leader's mouse moves lay over those words."""
    screen = pages.screen()
    start_dream_workshop(screen, server, "Groep 8D", "Herfst")
    screen.once("dialog", lambda dialog: dialog.accept())
    screen.mouse.move(900, 1000)
    screen.locator("#cb-buttons [data-id=end]").click()
    ended = screen.locator(".s-ended")
    expect(ended).to_be_visible()
    screen.mouse.move(960, 540)
    expect(screen.locator("#screen")).to_have_class(re.compile(r"\bawake\b"))
    screen.wait_for_timeout(400)                      # the bar and the words move up (.25 s)
    screen.mouse.move(961, 541)
    bar = boxes(screen, "#controlbar")[0]
    assert bar["top"] < 1080 - 40, bar                # the bar is really up
    words = boxes(screen, ".s-ended")[0]
    assert not overlaps(words, bar), (words, bar)
    screen.screenshot(path=str(shots / "screen-ended-bar-shown.png"))


def _rgb(colour: str) -> tuple[float, float, float, float]:
    parts = [float(p) for p in re.findall(r"[\d.]+", colour)]
    return (*parts[:3], parts[3] if len(parts) > 3 else 1.0)


def _luminance(rgb) -> float:
    def channel(c: float) -> float:
        c /= 255
        return c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4
    r, g, b = (channel(c) for c in rgb[:3])
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def test_a_pressed_button_under_the_mouse_stays_readable(server, pages):
    """Moderation pressed (the drawer open) with the mouse still on it: its words were ink on
    the hover's translucent white over the dark bar (about 1.3:1)."""
    screen = pages.screen()
    start_dream_workshop(screen, server, "Groep 8E", "Lente")
    screen.mouse.move(900, 1000)
    button = screen.locator("#cb-buttons [data-id=moderation]")
    button.click()
    expect(screen.locator("#drawer")).to_be_visible()
    expect(button).to_have_class(re.compile(r"\bpressed\b"))
    button.hover()
    colours = button.evaluate("""(b) => { const s = getComputedStyle(b);
        const bar = getComputedStyle(document.getElementById('controlbar'));
        return [s.color, s.backgroundColor, bar.backgroundColor]; }""")
    text, back, bar = (_rgb(c) for c in colours)
    seen = [back[k] * back[3] + bar[k] * (1 - back[3]) for k in range(3)]   # over the bar
    light, dark = sorted((_luminance(text), _luminance(seen)), reverse=True)
    assert (light + 0.05) / (dark + 0.05) >= 4.5, colours
