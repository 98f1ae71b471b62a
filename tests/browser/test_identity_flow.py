"""In a real browser: only a child can be that child, and the leader stops a tablet.

A second tablet tries to become a child who is connected on her own tablet: without the
secret pictures it gets nowhere, with them the leader decides on the classroom screen
(no, then yes). The leader removes a tablet from the screen's moderation drawer: it shows
"ask your teacher", cannot rejoin by reloading or forgetting the child, and comes back when
the leader lets it in again from the phone view."""

from __future__ import annotations

import re
import shutil

import pytest
from playwright.sync_api import Page, expect

from .test_workshop_flow import KEY, join, open_phone, start_dream_workshop, t, tap_key

pytestmark = pytest.mark.browser


def shoot(shots, name: str, page: Page) -> None:
    """A screenshot in shots/ and in /tmp/identity-<name>.png, to look at."""
    path = shots / f"identity-{name}.png"
    page.screenshot(path=str(path), animations="disabled")
    shutil.copyfile(path, f"/tmp/identity-{name}.png")


def who_button(tablet: Page, name: str):
    return tablet.locator(".t-who").filter(has_text=name)


def ask_card(screen: Page, name: str):
    return screen.locator(".s-asks .ask-card").filter(has_text=name)


def test_a_second_tablet_cannot_become_a_connected_child(server, pages, shots):
    screen = pages.screen()
    _, code = start_dream_workshop(screen, server, "Groep 5", "Wie ben jij")
    url = f"{server.url}/j/{code}"

    sanne = pages.tablet()
    sanne.goto(url)
    expect(sanne.locator(".t-avatar").first).to_be_visible()
    sanne.locator(".t-avatar").nth(3).tap()
    sanne.locator("#t-name").fill("Sanne")
    sanne.locator(".t-join").tap()
    # she chooses her secret pictures: big buttons, read-aloud, the chosen ones in the slots
    expect(sanne.locator(".t-key-pic")).to_have_count(9)
    expect(sanne.locator(".t-screen-key .t-speak")).to_be_visible()
    tap_key(sanne)
    expect(sanne.locator(".t-key-slot.is-full")).to_have_count(2)
    expect(sanne.locator(".t-key-slot").nth(0)).to_have_text("🚀")
    shoot(shots, "tablet-key-choose", sanne)
    sanne.locator(".t-key-done").tap()
    expect(sanne.locator(".t-welcome")).to_be_visible()
    expect(sanne.locator(".t-me-name")).to_have_text("Sanne")

    # another tablet: "who are you?" lists Sanne, but tapping her asks for the pictures
    other = pages.tablet()
    other.goto(url)
    expect(who_button(other, "Sanne")).to_be_visible()
    who_button(other, "Sanne").tap()
    expect(other.locator(".t-key.is-secret .t-key-pic")).to_have_count(9)
    expect(other.locator(".t-key-who-name")).to_have_text("Sanne")
    expect(other.locator(".t-screen-key .t-speak")).to_be_visible()
    expect(other.locator(".t-ask")).to_be_visible()
    shoot(shots, "tablet-key", other)
    assert other.evaluate("() => localStorage.getItem('child:' + window.TABLET.group_id)") \
        is None

    # the wrong pictures: told so, and it is nobody yet
    tap_key(other, ("apple", "bike"))
    expect(other.locator(".t-banner-text")).to_contain_text("2")
    expect(other.locator(".t-key-slot.is-full")).to_have_count(0)
    expect(other.locator(".t-me")).to_be_hidden()
    # the right pictures, but Sanne is on her tablet right now: the leader decides
    tap_key(other, KEY)
    expect(other.locator(".t-screen-asked")).to_be_visible()
    expect(other.locator(".t-screen-asked .t-speak")).to_be_visible()
    card = ask_card(screen, "Sanne")
    expect(card).to_be_visible()
    expect(card.locator(".ask-title")).to_have_text(
        t(screen, "req_title").replace("%(name)s", "Sanne"))
    expect(card.locator(".ask-why")).to_contain_text(
        t(screen, "req_in_use").replace("%(name)s", "Sanne"))
    shoot(shots, "screen-ask", screen)
    shoot(shots, "tablet-asked", other)

    # no: the tablet goes back to "who are you?", still nobody
    card.locator(".ask-no").click()
    expect(card).to_have_count(0)
    expect(other.locator(".t-screen-message")).to_contain_text(t(other, "who_are_you"))
    expect(other.locator(".t-me")).to_be_hidden()
    expect(sanne.locator(".t-me-name")).to_have_text("Sanne")      # her own tablet goes on

    # asked again ("ask the leader"), yes: now it is Sanne too (she broke her tablet, say)
    other.locator(".t-screen-message .t-primary").tap()
    who_button(other, "Sanne").tap()
    other.locator(".t-ask").tap()
    expect(other.locator(".t-screen-asked")).to_be_visible()
    card = ask_card(screen, "Sanne")
    expect(card).to_be_visible()
    card.locator(".ask-yes").click()
    expect(other.locator(".t-me-name")).to_have_text("Sanne")
    expect(other.locator(".t-welcome")).to_be_visible()
    expect(screen.locator(".s-asks")).to_be_hidden()


def test_three_wrong_keys_need_the_leader_and_a_new_key(server, pages, shots):
    screen = pages.screen()
    _, code = start_dream_workshop(screen, server, "Groep 6", "Vergeten")
    url = f"{server.url}/j/{code}"
    own = pages.tablet()
    join(own, url, 2, "Noor")
    own.context.close()                       # her tablet is gone; she takes another one
    pages.contexts.remove(own.context)

    other = pages.tablet()
    other.goto(url)
    who_button(other, "Noor").tap()
    for _ in range(3):
        expect(other.locator(".t-key-pic:enabled")).to_have_count(9)
        tap_key(other, ("moon", "ball"))
    # locked: the tablet asks the leader by itself
    expect(other.locator(".t-screen-asked")).to_be_visible()
    card = ask_card(screen, "Noor")
    expect(card.locator(".ask-why")).to_contain_text(t(screen, "req_locked"))
    card.locator(".ask-yes").click()
    # she chooses new secret pictures, then takes part
    expect(other.locator(".t-screen-setkey .t-key-pic")).to_have_count(9)
    tap_key(other, ("moon", "ball"))
    other.locator(".t-key-done").tap()
    expect(other.locator(".t-welcome")).to_be_visible()
    expect(other.locator(".t-me-name")).to_have_text("Noor")


def test_the_leader_removes_a_tablet_and_it_cannot_rejoin(server, pages, shots):
    screen = pages.screen()
    workshop_id, code = start_dream_workshop(screen, server, "Groep 7", "Eruit")
    url = f"{server.url}/j/{code}"
    daan = pages.tablet()
    join(daan, url, 4, "Daan")
    mo = pages.tablet()
    join(mo, url, 1, "Mo")

    # the leader removes Daan's tablet from the moderation drawer
    screen.keyboard.press("m")
    row = screen.locator("#drawer .kid-row").filter(has_text="Daan")
    expect(row).to_be_visible()
    screen.once("dialog", lambda dialog: dialog.accept())
    row.locator(".m-btn.bad").click()
    expect(row).to_have_class(re.compile(r"\bremoved\b"))
    pictures_of_drawer = screen.locator("#drawer")
    pictures_of_drawer.screenshot(path=str(shots / "identity-screen-drawer-removed.png"))

    expect(daan.locator(".t-removed")).to_be_visible()
    expect(daan.locator(".t-removed .t-h1")).to_have_text(t(daan, "removed_title"))
    expect(daan.locator(".t-removed .t-speak")).to_be_visible()
    expect(daan.locator(".t-switch")).to_be_hidden()
    shoot(shots, "tablet-removed", daan)
    expect(mo.locator(".t-welcome")).to_be_visible()                 # the others go on

    # reloading does not help, nor forgetting who it was: the tablet itself is removed
    daan.reload()
    expect(daan.locator(".t-removed")).to_be_visible()
    daan.evaluate("() => Object.keys(localStorage).filter((k) => k.startsWith('child:'))"
                  ".forEach((k) => localStorage.removeItem(k))")
    daan.reload()
    expect(daan.locator(".t-removed")).to_be_visible()
    expect(daan.locator(".t-who, .t-avatar")).to_have_count(0)

    # the leader lets it back in from the phone view
    phone = pages._page(viewport={"width": 390, "height": 844}, has_touch=True)
    phone.context.add_cookies(screen.context.cookies())
    open_phone(phone, server.url, workshop_id)
    back = phone.locator(".c-kids .kid-row").filter(has_text="Daan")
    expect(back).to_have_class(re.compile(r"\bremoved\b"))
    back.locator(".m-btn.good").tap()
    expect(back).not_to_have_class(re.compile(r"\bremoved\b"))
    # the tablet forgot the child, so it picks Daan again with his pictures
    expect(who_button(daan, "Daan")).to_be_visible()
    who_button(daan, "Daan").tap()
    tap_key(daan)
    expect(daan.locator(".t-welcome")).to_be_visible()
    expect(daan.locator(".t-me-name")).to_have_text("Daan")

    # and removed from the phone view: the tablet stops at once
    phone.once("dialog", lambda dialog: dialog.accept())
    back.locator(".m-btn.bad").tap()
    expect(daan.locator(".t-removed")).to_be_visible()
