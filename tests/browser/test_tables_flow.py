"""Tables and the word cloud in a real browser: the leader makes tables on the classroom
screen, two tablets at different tables each see only their table's idea and its questions
in critical thinking, the screen shows every table's progress; the leader switches the
question wall to a word cloud and a hidden answer's words leave it. Screenshots go to
WORKSHOP_SHOTS (1920x1080 screen, 1024x768 and 768x1024 tablets)."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import Page, expect

from .test_workshop_flow import (
    go_to_ideas,
    join,
    open_phone,
    press_next,
    send_idea,
    shoot,
    start_dream_workshop,
    type_idea,
    wall_card,
)

pytestmark = pytest.mark.browser

CLOUD = "#s-main .cloud .cloud-word"


def answer(tablet: Page, words: str) -> None:
    box = tablet.locator("textarea.t-input")
    box.tap()
    box.fill(words)
    tablet.locator(".t-send").first.tap()
    expect(box).to_have_value("")


def bar_button(screen: Page, button: str):
    screen.mouse.move(900, 1000)  # the control bar shows when the mouse moves
    return screen.locator(f"#cb-buttons [data-id={button}]")


def test_the_question_wall_as_a_word_cloud(server, pages, shots):
    screen = pages.screen()
    _, code = start_dream_workshop(screen, server, "Groep 7", "Najaar")
    sam, noor = pages.tablet(), pages.tablet(landscape=True)
    join(sam, f"{server.url}/j/{code}", 0, "Sam")
    join(noor, f"{server.url}/j/{code}", 1, "Noor")
    press_next(screen, 1)  # the dream plan's question wall
    answer(sam, "Voetbal en dansen op het plein")
    answer(noor, "Voetbal in de bibliotheek")
    answer(noor, "Dansen met muziek")
    expect(screen.locator("#s-main .note")).to_have_count(3)
    bar_button(screen, "cloud").click()
    words = screen.locator(CLOUD + ":visible")
    expect(words.filter(has_text=re.compile("^voetbal$", re.I))).to_have_count(1)
    expect(screen.locator(CLOUD).filter(has_text="bibliotheek")).to_have_count(1)
    # the most used words are the biggest; none is smaller than 28 px at 1920x1080
    sizes = screen.locator(CLOUD).evaluate_all(
        "(ns) => ns.map((n) => [n.textContent, parseFloat(getComputedStyle(n).fontSize)])")
    assert min(size for _, size in sizes) >= 28, sizes
    big = {w.lower(): size for w, size in sizes}
    assert big["voetbal"] > big["plein"], sizes
    # no two words overlap
    boxes = screen.locator(CLOUD).evaluate_all("""(ns) => ns.map((n) => {
        const r = n.getBoundingClientRect(); return [r.left, r.top, r.right, r.bottom]; })""")
    for i, a in enumerate(boxes):
        for b in boxes[i + 1:]:
            assert a[2] <= b[0] or b[2] <= a[0] or a[3] <= b[1] or b[3] <= a[1], (a, b)
    shoot(shots, "tables/screen-word-cloud", screen)
    # the leader hides Noor's library answer: its words leave the cloud
    screen.keyboard.press("m")
    row = screen.locator("#drawer li.m-row").filter(
        has=screen.locator(".m-text", has_text="bibliotheek"))
    row.locator(".m-btn.bad").click()
    expect(screen.locator(CLOUD).filter(has_text="bibliotheek")).to_have_count(0)
    expect(screen.locator(CLOUD).filter(has_text="dansen")).to_have_count(1)
    screen.keyboard.press("m")
    shoot(shots, "tables/screen-word-cloud-hidden", screen)
    # back to the notes, and the switch is kept per step
    bar_button(screen, "cloud").click()
    expect(screen.locator("#s-main .note")).to_have_count(2)


def test_tables_each_work_on_their_own_idea(server, pages, shots):
    screen = pages.screen()
    _, code = start_dream_workshop(screen, server, "Groep 8", "Voorjaar")
    maker = pages.tablet()
    join(maker, f"{server.url}/j/{code}", 2, "Mo")
    go_to_ideas(screen)
    ideas = ["Een skatebaan bij de school", "Een snoepmuseum"]
    for words in ideas:
        type_idea(maker, words)
        send_idea(maker)
        expect(wall_card(screen, words)).to_have_count(1)
    screen.keyboard.press("m")
    for words in ideas:
        row = screen.locator("#drawer li.m-row[data-type=idea]").filter(
            has=screen.locator(".m-text", has_text=words))
        row.locator(".m-actions > .m-btn").filter(has_text="☆").click()
        expect(row).to_have_class(re.compile(r"\bstarred\b"))
    screen.keyboard.press("m")
    screen.once("dialog", lambda d: d.accept())
    bar_button(screen, "end").click()
    expect(screen.locator(".s-ended")).to_be_visible()

    # the critical thinking workshop of the series
    screen.go_back()
    screen.reload()
    rows = screen.locator("table.workshops tr[data-workshop]")
    rows.nth(2).locator("button.start-workshop").click()
    expect(screen.locator("#screen")).to_have_attribute("data-kind", "welcome")
    code = screen.locator("#screen").get_attribute("data-code")
    portrait, landscape = pages.tablet(), pages.tablet(landscape=True)
    join(portrait, f"{server.url}/j/{code}", 0, "Sam")
    join(landscape, f"{server.url}/j/{code}", 1, "Noor")

    # the leader makes two tables on the screen: Sam at the first, Noor at the second
    bar_button(screen, "tables").click()
    panel = screen.locator(".s-tables")
    expect(panel).to_be_visible()
    panel.locator(".tp-count-btn[data-count='2']").click()
    expect(panel.locator(".tp-table")).to_have_count(2)
    expect(panel.locator(".tp-table").nth(0).locator(".tp-kid")).to_have_text([re.compile("Sam")])
    expect(panel.locator(".tp-table").nth(1).locator(".tp-kid")).to_have_text([re.compile("Noor")])
    shoot(shots, "tables/screen-tables", screen)
    bar_button(screen, "tables").click()
    expect(panel).to_be_hidden()

    # critical thinking: each table its own idea, each tablet only its table's idea
    screen.locator("#cb-goto").select_option(
        str(screen.locator("#cb-goto option").evaluate_all(
            "(os) => os.findIndex((o) => /plan|Maak/.test(o.textContent))")))
    expect(screen.locator("#screen")).to_have_attribute("data-kind", "critical")
    cards = screen.locator("#s-main .tp-card")
    expect(cards).to_have_count(2)
    expect(cards.nth(0)).to_contain_text(ideas[0])
    expect(cards.nth(1)).to_contain_text(ideas[1])
    expect(portrait.locator(".t-table")).to_contain_text("Vossen")
    expect(portrait.locator(".t-focus-text")).to_have_text(ideas[0])
    expect(landscape.locator(".t-table")).to_contain_text("Walvissen")
    expect(landscape.locator(".t-focus-text")).to_have_text(ideas[1])
    expect(portrait.locator(".t-question")).to_have_count(5)
    # Sam answers two questions about the skate park: the screen shows table 1's progress
    for n, words in ((0, "Voor alle kinderen"), (1, "Op het plein")):
        portrait.locator(".t-question").nth(n).tap()
        box = portrait.locator(".t-q-slot textarea.t-input")
        box.fill(words)
        portrait.locator(".t-q-slot .t-send").tap()
        expect(box).to_have_value("")
    expect(cards.nth(0).locator(".tp-card-count").first).to_contain_text("2")
    expect(cards.nth(0).locator(".tp-card-count").nth(1)).to_contain_text("1")
    expect(cards.nth(1).locator(".tp-card-count").first).to_contain_text("0")
    shoot(shots, "tables/screen-table-progress", screen)
    shoot(shots, "tables/tablet-table-critical-portrait", portrait)
    shoot(shots, "tables/tablet-table-critical-landscape", landscape)


PHONE = {"width": 390, "height": 844}


def test_the_phone_view_makes_tables_and_switches_the_word_cloud(server, pages, shots):
    """The leader's phone (/workshops/<id>/control, the same login as the screen): its tables
    panel splits the class, shows each table's children and moves a child; its word-cloud
    button switches the projector's question wall to the cloud and back."""
    screen = pages.screen()
    workshop_id, code = start_dream_workshop(screen, server, "Groep 5", "Zomer")
    sam, noor = pages.tablet(), pages.tablet(landscape=True)
    join(sam, f"{server.url}/j/{code}", 0, "Sam")
    join(noor, f"{server.url}/j/{code}", 1, "Noor")
    phone = screen.context.new_page()
    phone.set_viewport_size(PHONE)
    open_phone(phone, server.url, workshop_id)
    expect(phone.locator(".c-children")).to_contain_text("2")   # the phone has the class
    expect(phone.locator(".c-offline")).to_be_hidden()           # and its socket
    panel = phone.locator(".c-tables")
    two = panel.locator(".tp-count-btn[data-count='2']")
    expect(two).to_be_enabled()
    two.click()
    tables = panel.locator(".tp-table:not(.tp-unseated)")
    expect(tables).to_have_count(2)
    expect(panel.locator(".tp-table .tp-kid")).to_have_count(2)
    expect(panel.locator(".tp-count-btn[data-count='2']")).to_have_attribute("aria-pressed",
                                                                             "true")
    # Sam moves to Noor's table: tap Sam, then that table
    sams = tables.filter(has=phone.locator(".tp-kid-name", has_text="Sam"))
    other = tables.filter(has_not=phone.locator(".tp-kid-name", has_text="Sam"))
    other_name = other.locator(".tp-table-name").inner_text()
    sams.locator(".tp-kid").filter(has_text="Sam").click()
    other.locator(".tp-table-head").click()
    expect(tables.filter(has_text=other_name).locator(".tp-kid")).to_have_count(2)
    expect(tables.filter(has_not_text=other_name).locator(".tp-kid")).to_have_count(0)
    shoot(shots, "tables/phone-tables", phone)

    # the question wall: the phone's ☁️ makes it a cloud on the projector, and back
    press_next(screen, 1)
    answer(sam, "Voetbal op het plein")
    expect(screen.locator("#s-main .note")).to_have_count(1)
    cloud = phone.locator("#c-buttons [data-id=cloud]")
    expect(cloud).to_be_enabled()
    cloud.click()
    expect(screen.locator(CLOUD).filter(has_text=re.compile("^voetbal$", re.I))).to_have_count(1)
    expect(screen.locator("#s-main .note")).to_have_count(0)
    expect(cloud).to_have_attribute("aria-pressed", "true")
    shoot(shots, "tables/phone-cloud", phone)
    cloud.click()
    expect(screen.locator("#s-main .note")).to_have_count(1)
    expect(screen.locator(CLOUD)).to_have_count(0)
