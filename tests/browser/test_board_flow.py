"""End-to-end in a real browser: from a group's shortlist to the children's progress page.

A real `workshop serve` process (see conftest.py), Debian's Chromium through Playwright.
The walk a person does: the leader runs the dream workshop and puts two ideas on the
shortlist; the admin makes a neighbourhood network with two partners and invites an advisor
and one person per partner with one-time links; the leader ships the shortlist; in the
network meeting the advisor presents the ideas on the projector and the partners answer on
their phones; a partner adopts an idea, pledges money and posts news; children and parents
see on a phone, without logging in, what became of each idea, and the poster's QR code
leads there.

Note: the pages send a Content-Security-Policy without 'unsafe-eval', so every
`wait_for_function` is given a function (`() => ...`), never a bare expression.
"""

from __future__ import annotations

import io
import re
from pathlib import Path

import pytest
import zxingcpp
from babel.support import Translations
from PIL import Image, ImageDraw
from playwright.sync_api import Page, expect

import workshop

from .test_workshop_flow import (
    Pages,
    go_to_ideas,
    join,
    jpeg_with_gps,
    my_idea,
    pictures_loaded,
    send_idea,
    shoot,
    start_dream_workshop,
    t,
    type_idea,
    wall_card,
)

pytestmark = pytest.mark.browser

PASSWORD = "geheim-123"
LAPTOP = {"width": 1440, "height": 900}
PROJECTOR = {"width": 1920, "height": 1080}
PHONE = {"width": 390, "height": 844}

GROUP, SERIES = "Groep 7B", "Onze wijk, najaar"
NETWORK, NEIGHBOURHOOD = "Netwerk Noord", "Noord"
LIBRARY, THEATRE = "Bibliotheek Noord", "Theaterschool De Coulissen"

# five words or fewer: the board's title is the children's words themselves
IDEA_ADOPTED = "Een moestuin bij de bieb"          # with a photo of the prototype
IDEA_NOT_NOW = "Een theater in het park"
IDEA_LEFT = "Een glijbaan op school"              # not on the shortlist: stays in class
REASON = ("Het park is deze winter te koud voor toneel. "
          "Volgend voorjaar kijken we samen opnieuw!")
UPDATE = "We hebben de eerste zaadjes geplant! Kom je kijken op woensdag?"
SPACE_NOTE = "Onze zaal op woensdagmiddag"

CATALOGUE = Translations.load(str(Path(workshop.__file__).parent / "translations"), ["nl"])


def nl(msgid: str, **values) -> str:
    """A text as the server shows it (Dutch is the default language)."""
    text = CATALOGUE.gettext(msgid)
    return text % values if values else text


def euros(amount: str) -> re.Pattern:
    """An amount as the pages show it, Dutch style ("€ 250,00", with any space)."""
    return re.compile(r"€\s?" + re.escape(amount))


# --- browsers ----------------------------------------------------------------------------


class People(Pages):
    """The browsers of everyone in this story; every uncaught script error is remembered."""

    def laptop(self) -> Page:
        return self._page(viewport=LAPTOP)

    def projector(self) -> Page:
        return self._page(viewport=PROJECTOR)

    def phone(self) -> Page:
        return self._page(viewport=PHONE, has_touch=True, is_mobile=True)

    def tab(self, page: Page, viewport: dict | None = None) -> Page:
        """Another tab in the same browser (same login)."""
        tab = page.context.new_page()
        tab.on("pageerror", lambda exc: self.errors.append(f"{tab.url}: {exc}"))
        if viewport:
            tab.set_viewport_size(viewport)
        return tab


@pytest.fixture
def people(browser):
    opened = People(browser)
    yield opened
    opened.close()
    assert not opened.errors, "uncaught script errors:\n" + "\n".join(opened.errors)


# --- small steps -------------------------------------------------------------------------


def shortlist_on_screen(screen: Page, words: str) -> None:
    """The leader opens the moderation drawer (M) and stars an idea."""
    drawer = screen.locator("#drawer")
    if drawer.is_hidden():
        screen.keyboard.press("m")
    expect(drawer).to_be_visible()
    row = drawer.locator("li.m-row[data-type=idea]").filter(
        has=screen.locator(".m-text", has_text=words))
    expect(row).to_have_count(1)
    row.locator(".m-actions > .m-btn").filter(has_text="☆").click()
    expect(row).to_have_class(re.compile(r"\bstarred\b"))
    expect(wall_card(screen, words)).to_have_class(re.compile(r"\bstarred\b"))


def make_invitation(admin: Page, role: str, partner: str | None = None) -> str:
    """Make a one-time link on the network page; it is shown once."""
    form = admin.locator("form#invite")
    form.locator("select[name=role]").select_option(role)
    if partner:
        form.locator("select[name=partner_id]").select_option(label=partner)
    form.locator("input[name=note]").fill(f"{role} {partner or ''}".strip())
    form.locator("button.primary").click()
    field = admin.locator("#invite-link input.copy-field")
    expect(field).to_be_visible()
    link = field.input_value()
    assert re.fullmatch(r"http://127\.0\.0\.1:\d+/invite/[\w-]{20,}", link), link
    return link


def accept_invitation(page: Page, link: str, name: str, username: str, network_id: int,
                      partner: str | None = None) -> None:
    """The invited person opens the link, makes an account and is logged in."""
    page.goto(link)
    form = page.locator("form:has(input[name=password2])")
    expect(form).to_be_visible()
    if partner:
        expect(form).to_contain_text(partner)        # "You speak for <partner>."
    form.locator("input[name=name]").fill(name)
    form.locator("input[name=username]").fill(username)
    form.locator("input[name=password]").fill(PASSWORD)
    form.locator("input[name=password2]").fill(PASSWORD)
    form.locator("button.primary").click()
    expect(page).to_have_url(re.compile(rf"/networks/{network_id}/board$"))


def add_partner(admin: Page, name: str, domain: str, contact: str, strengths: list[str]) -> int:
    form = admin.locator("form#add-partner")
    form.locator("input[name=name]").fill(name)
    form.locator("select[name=domain]").select_option(domain)
    form.locator("input[name=contact_name]").fill(contact)
    for strength in strengths:
        form.locator(f"input[name=strengths][value={strength}]").check()
    form.locator("button.primary").click()
    row = admin.locator("table.partners tr[data-partner]").filter(has_text=name)
    expect(row).to_have_count(1)
    return int(row.get_attribute("data-partner"))


def board_card(page: Page, words: str):
    return page.locator("article.b-card").filter(
        has=page.locator(".b-title", has_text=re.compile(rf"^\s*{re.escape(words)}\s*$")))


def progress_card(page: Page, words: str):
    return page.locator("article.pub-card.idea").filter(
        has=page.get_by_role("heading", name=words, exact=True))


def update_photo() -> bytes:
    """A partner's photo of the first harvest, as a phone makes it."""
    image = Image.new("RGB", (1200, 900), (120, 170, 90))
    draw = ImageDraw.Draw(image)
    for k in range(6):
        draw.ellipse((120 + 170 * k, 380, 240 + 170 * k, 500), fill=(230, 80, 60))
    draw.rectangle((0, 620, 1200, 900), fill=(110, 80, 50))
    out = io.BytesIO()
    image.save(out, "JPEG", quality=85)
    return out.getvalue()


# --- the whole path ----------------------------------------------------------------------


def test_from_series_to_progress_page(server, people, shots):
    # 1. the dream workshop: two tablets, three ideas, two on the shortlist -----------------
    screen = people.screen()
    _, code = start_dream_workshop(screen, server, GROUP, SERIES)
    maya, sem = people.tablet(), people.tablet(landscape=True)
    join(maya, f"{server.url}/j/{code}", 1, "Maya")
    join(sem, f"{server.url}/j/{code}", 3, "Sem")
    go_to_ideas(screen)

    expect(maya.locator(".t-ideas textarea.t-input")).to_be_visible()
    type_idea(maya, IDEA_ADOPTED)
    maya.locator(".t-ideas input.t-file").set_input_files(files=[{
        "name": "moestuin.jpg", "mimeType": "image/jpeg", "buffer": jpeg_with_gps()}])
    expect(maya.locator(".t-photo-shown img.t-photo-preview")).to_be_visible()
    send_idea(maya)
    expect(my_idea(maya, IDEA_ADOPTED).locator(".t-status.is-sent")).to_be_visible()
    expect(wall_card(screen, IDEA_ADOPTED)).to_have_count(1)   # the first idea, by id

    expect(sem.locator(".t-ideas textarea.t-input")).to_be_visible()
    for words in (IDEA_NOT_NOW, IDEA_LEFT):
        type_idea(sem, words)
        send_idea(sem)
        expect(my_idea(sem, words).locator(".t-status.is-sent")).to_be_visible()
        expect(wall_card(screen, words)).to_have_count(1)

    shortlist_on_screen(screen, IDEA_ADOPTED)
    shortlist_on_screen(screen, IDEA_NOT_NOW)
    expect(wall_card(screen, IDEA_LEFT)).not_to_have_class(re.compile(r"\bstarred\b"))

    # 2. the admin (the same leader, on her laptop) makes the network ------------------------
    admin = people.tab(screen, LAPTOP)
    admin.goto(server.url + "/networks")
    form = admin.locator("form#new-network")
    form.locator("input[name=name]").fill(NETWORK)
    form.locator("input[name=neighbourhood]").fill(NEIGHBOURHOOD)
    form.locator("button.primary").click()
    expect(admin).to_have_url(re.compile(r"/networks/\d+$"))
    network_id = int(admin.url.rsplit("/", 1)[1])
    expect(admin.locator("h1")).to_contain_text(NETWORK)

    add_partner(admin, LIBRARY, "library", "Fatima de Vries", ["spaces", "materials"])
    add_partner(admin, THEATRE, "culture", "Joost Bakker", ["people", "skills", "money"])
    expect(admin.locator("table.partners tr[data-partner]")).to_have_count(2)

    advisor_link = make_invitation(admin, "advisor")
    library_link = make_invitation(admin, "partner", LIBRARY)
    theatre_link = make_invitation(admin, "partner", THEATRE)
    assert len({advisor_link, library_link, theatre_link}) == 3

    advisor = people.projector()
    accept_invitation(advisor, advisor_link, "Ruben Adviseur", "ruben", network_id)
    fatima = people.phone()
    accept_invitation(fatima, library_link, "Fatima de Vries", "fatima", network_id, LIBRARY)
    joost = people.phone()
    accept_invitation(joost, theatre_link, "Joost Bakker", "joost", network_id, THEATRE)
    # a link works once
    again = people.phone()
    again.goto(library_link)
    expect(again.locator("input[name=password2]")).to_have_count(0)
    expect(again.locator("main")).to_contain_text(nl(
        "This invitation link was used already or has expired."))
    # the board is empty so far
    expect(advisor.locator("article.b-card")).to_have_count(0)

    # 3. the leader ships the shortlist (and, from an old tab, once more) --------------------
    admin.goto(server.url + "/")
    admin.locator("section.group[data-group]").filter(
        has=admin.get_by_role("heading", name=GROUP, exact=True)
    ).get_by_role("link", name=SERIES).click()
    expect(admin).to_have_url(re.compile(r"/series/\d+$"))
    series_url = admin.url
    old_tab = people.tab(admin, LAPTOP)
    old_tab.goto(series_url)

    ship = admin.locator("form.ship-form")
    ship.locator("select[name=network_id]").select_option(str(network_id))
    expect(admin.locator("#first-names-form input[name=show_first_names]")).not_to_be_checked()
    expect(ship.locator("button.primary")).to_have_text(re.compile(r"\b2\b"))
    ship.locator("button.primary").click()
    expect(admin).to_have_url(re.compile(r"/series/\d+#ship$"))
    expect(admin.locator(".ship-result")).to_have_text(nl(
        "Shipped to the board: %(n)s. Already on the board: %(m)s.", n=2, m=0))
    expect(admin.locator(".idea-row .shipped-mark")).to_have_count(2)
    expect(admin.locator(".idea-row").filter(has_text=IDEA_LEFT)
           .locator(".shipped-mark")).to_have_count(0)
    expect(ship.locator("button[disabled]")).to_be_visible()   # nothing new to ship

    old_tab.locator("form.ship-form select[name=network_id]").select_option(str(network_id))
    old_tab.locator("form.ship-form button.primary").click()
    expect(old_tab.locator(".ship-result")).to_have_text(nl(
        "Shipped to the board: %(n)s. Already on the board: %(m)s.", n=0, m=2))

    advisor.reload()
    expect(advisor.locator("article.b-card")).to_have_count(2)
    for words in (IDEA_ADOPTED, IDEA_NOT_NOW):
        expect(board_card(advisor, words)).to_have_count(1)
        expect(board_card(advisor, words)).to_have_attribute("data-stage", "new")
    expect(board_card(advisor, IDEA_LEFT)).to_have_count(0)
    expect(board_card(advisor, IDEA_ADOPTED).locator(".b-pic img")).to_have_attribute(
        "src", re.compile(r"^/media/photo-"))

    # 4. the network meeting: the projector and two phones -----------------------------------
    advisor.goto(f"{server.url}/networks/{network_id}/present")
    deck = advisor.locator("#present")
    count, title = deck.locator(".p-count"), deck.locator(".p-title")
    badge = deck.locator(".p-stage .stage-badge")
    expect(count).to_have_text(t(advisor, "idea_n_of_m").replace("%(n)s", "1")
                               .replace("%(m)s", "2"))
    expect(title).to_have_text(IDEA_ADOPTED)
    expect(deck.locator(".p-pic img")).to_have_attribute("src", re.compile(r"^/media/photo-"))

    for phone, partner in ((fatima, LIBRARY), (joost, THEATRE)):
        phone.goto(f"{server.url}/networks/{network_id}/respond")
        expect(phone.locator(".r-partner")).to_have_text(partner)
        expect(phone.locator(".r-dot")).to_have_class(re.compile(r"\bup\b"))
        expect(phone.locator(".r-title")).to_have_text(IDEA_ADOPTED)   # follows the advisor

    # the advisor steps through the ideas with the clicker; the phones follow
    advisor.keyboard.press("ArrowRight")
    expect(title).to_have_text(IDEA_NOT_NOW)
    for phone in (fatima, joost):
        expect(phone.locator(".r-title")).to_have_text(IDEA_NOT_NOW)
        expect(phone.locator(".r-msg")).to_have_text(t(phone, "new_idea_shown"))
    advisor.keyboard.press("ArrowLeft")
    expect(title).to_have_text(IDEA_ADOPTED)
    for phone in (fatima, joost):
        expect(phone.locator(".r-title")).to_have_text(IDEA_ADOPTED)

    # the library: "this fits us"
    fit = fatima.locator(".r-fit")
    expect(fit).to_have_attribute("aria-pressed", "false")
    fit.tap()
    expect(fit).to_have_attribute("aria-pressed", "true")
    expect(fatima.locator(".r-msg")).to_have_text("✓ " + t(fatima, "fit_sent"))
    expect(deck.locator(".p-fits .chip")).to_have_text([LIBRARY])

    # the theatre school: money, and a space
    joost.locator(".r-kind[data-kind=money]").tap()
    amount = joost.locator(".r-form input[name=amount]")
    expect(amount).to_be_visible()
    amount.fill("250")
    joost.locator(".r-form input[name=note]").fill("Voor zaad en gieters")
    joost.locator(".r-send").tap()
    expect(joost.locator(".r-msg")).to_have_text("🎉 " + t(joost, "offer_sent"))
    expect(joost.locator(".r-form")).to_be_hidden()
    joost.locator(".r-kind[data-kind=space]").tap()
    expect(joost.locator(".r-kind[data-kind=space]")).to_have_attribute("aria-pressed", "true")
    # no amount for a space (the script hides its row; see the report: CSS shows it anyway)
    expect(joost.locator(".r-amount")).to_have_js_property("hidden", True)
    joost.locator(".r-form input[name=note]").fill(SPACE_NOTE)
    joost.locator(".r-send").tap()
    expect(joost.locator(".r-mine li")).to_have_count(2)
    expect(joost.locator(".r-mine li").filter(has_text=SPACE_NOTE)).to_have_count(1)
    expect(joost.locator(".r-mine li").filter(has_text=euros("250,00"))).to_have_count(1)

    offers = deck.locator(".p-offers li.p-offer")
    expect(offers).to_have_count(2)
    money_offer = offers.filter(has=advisor.locator(".p-offer-kind", has_text="💶"))
    expect(money_offer.locator(".p-offer-kind")).to_have_text(euros("250,00"))
    expect(money_offer.locator(".p-offer-who")).to_have_text(THEATRE)
    space_offer = offers.filter(has=advisor.locator(".p-offer-kind", has_text="🏠"))
    expect(space_offer.locator(".p-offer-note")).to_have_text(SPACE_NOTE)
    expect(space_offer.locator(".p-offer-who")).to_have_text(THEATRE)
    expect(deck.locator(".p-fits .chip")).to_have_text([LIBRARY])   # still there

    # the advisor selects the first idea; the phones see it
    deck.locator(".p-select").click()
    expect(badge).to_have_class(re.compile(r"\bst-selected\b"))
    expect(badge).to_have_text(t(advisor, "st_selected"))
    expect(deck.locator(".p-select")).to_be_hidden()
    for phone in (fatima, joost):
        expect(phone.locator(".r-stage .stage-badge")).to_have_class(
            re.compile(r"\bst-selected\b"))
    pictures_loaded(advisor, "#present img")
    shoot(shots, "present", advisor)
    pictures_loaded(joost, "#respond img")
    shoot(shots, "respond-phone", joost)

    # ... and "not now" for the other, with a reason a child understands
    advisor.keyboard.press("ArrowRight")
    expect(title).to_have_text(IDEA_NOT_NOW)
    expect(deck.locator(".p-fits .chip")).to_have_count(0)           # its own responses
    deck.locator(".p-notnow").click()
    dialog = advisor.locator("#notnow-dialog")
    expect(dialog).to_be_visible()
    dialog.locator("textarea[name=reason]").fill(REASON)
    dialog.locator(".p-save").click()
    expect(dialog).to_be_hidden()
    expect(badge).to_have_class(re.compile(r"\bst-not_now\b"))
    expect(deck.locator(".p-reason")).to_be_visible()
    expect(deck.locator(".p-reason")).to_contain_text(REASON)
    expect(fatima.locator(".r-stage .stage-badge")).to_have_class(re.compile(r"\bst-not_now\b"))

    # 5. the library adopts the idea, pledges money and posts news ---------------------------
    fatima.locator(".r-back").tap()
    expect(fatima).to_have_url(re.compile(rf"/networks/{network_id}/board$"))
    card = board_card(fatima, IDEA_ADOPTED)
    expect(card).to_have_attribute("data-stage", "selected")
    expect(board_card(fatima, IDEA_NOT_NOW).locator(".b-adopt")).to_have_count(0)
    card.locator(".b-adopt button").tap()
    expect(fatima).to_have_url(re.compile(rf"/networks/{network_id}/board#idea-\d+$"))
    card = board_card(fatima, IDEA_ADOPTED)
    expect(card).to_have_attribute("data-stage", "adopted")
    expect(fatima.locator("section.col-adopted article.b-card")).to_have_count(1)
    expect(card.locator(".b-owner")).to_contain_text(LIBRARY)
    expect(card.locator(".b-adopt")).to_have_count(0)                 # adopted once

    card.locator(".b-title a").tap()
    expect(fatima).to_have_url(re.compile(r"/board/ideas/\d+$"))
    expect(fatima.locator(".i-stage .stage-badge")).to_have_class(re.compile(r"\bst-adopted\b"))
    expect(fatima.locator(".chip.owner")).to_contain_text(LIBRARY)

    money = fatima.locator("form.money-form")
    pledged = fatima.locator("#money .totals strong").first
    expect(pledged).to_have_text(euros("0,00"))
    for wrong, problem in (("-5", "The amount has to be more than zero."),
                           ("veel", "Type an amount in euros, like 250 or 1.250,50.")):
        money = fatima.locator("form.money-form")
        money.locator("select[name=kind]").select_option("pledged")
        money.locator("input[name=amount]").fill(wrong)
        money.locator("button.primary").tap()
        money = fatima.locator("form.money-form")
        expect(money.locator("p.error")).to_have_text(nl(problem))
        expect(money.locator("input[name=amount]")).to_have_value(wrong)   # kept for a fix
        expect(fatima.locator("#money table.ledger")).to_have_count(0)     # nothing saved
        expect(pledged).to_have_text(euros("0,00"))
    money.locator("select[name=kind]").select_option("pledged")
    money.locator("input[name=amount]").fill("250")
    money.locator("input[name=note]").fill("Voor zaad en gieters")
    money.locator("button.primary").tap()
    expect(fatima).to_have_url(re.compile(r"/board/ideas/\d+#money$"))
    expect(fatima.locator("form.money-form p.error")).to_have_count(0)
    expect(fatima.locator("#money table.ledger tr")).to_have_count(1)
    expect(fatima.locator("#money table.ledger tr")).to_contain_text(LIBRARY)
    expect(pledged).to_have_text(euros("250,00"))
    # the idea page with its ledger fits the phone (four columns made it 490 px wide at 390)
    assert fatima.evaluate("() => document.documentElement.scrollWidth") <= PHONE["width"]

    news = fatima.locator("#updates form")
    news.locator("textarea[name=text]").fill(UPDATE)
    news.locator("input[name=photo]").set_input_files(files=[{
        "name": "oogst.jpg", "mimeType": "image/jpeg", "buffer": update_photo()}])
    news.locator("button.primary").tap()
    expect(fatima).to_have_url(re.compile(r"/board/ideas/\d+#updates$"))
    posted = fatima.locator("#updates li.update")
    expect(posted).to_have_count(1)
    expect(posted.locator(".update-text")).to_have_text(UPDATE)
    expect(posted.locator("img")).to_have_attribute("src", re.compile(r"^/media/photo-"))

    # 6. the children's progress page, on a parent's phone, without logging in ---------------
    admin.goto(series_url)
    progress_url = admin.locator("input.progress-url").input_value()
    assert re.fullmatch(rf"{re.escape(server.url)}/p/[\w-]{{16,}}", progress_url), progress_url
    poster_href = admin.locator("a[href$='/poster.png']").get_attribute("href")

    parent = people.phone()
    parent.goto(progress_url)
    expect(parent).to_have_url(progress_url)                       # no login page
    expect(parent.locator(".pub-group")).to_contain_text(GROUP)
    cards = parent.locator("article.pub-card.idea")
    expect(cards).to_have_count(2)
    expect(progress_card(parent, IDEA_LEFT)).to_have_count(0)
    expect(parent.locator(".idea-by")).to_have_count(0)             # no child's name

    adopted = progress_card(parent, IDEA_ADOPTED)
    expect(adopted.locator(".status-label")).to_have_text(
        nl("%(partner)s will make it happen", partner=LIBRARY))
    expect(adopted.locator(".track li[aria-current=step]")).to_have_count(1)
    expect(adopted.locator(".news h3")).to_contain_text(nl("News from %(partner)s",
                                                           partner=LIBRARY))
    expect(adopted.locator(".news-text")).to_have_text(UPDATE)
    expect(adopted.locator(".news-photo")).to_have_attribute("src", re.compile(r"^/media/"))

    later = progress_card(parent, IDEA_NOT_NOW)
    expect(later.locator(".status.not-now .status-label")).to_have_text(nl("Not now, because …"))
    expect(later.locator(".status-reason")).to_have_text(REASON)
    expect(later.locator(".news")).to_have_count(0)

    parent.evaluate("() => window.scrollTo(0, document.body.scrollHeight)")   # lazy pictures
    parent.wait_for_function("""() => [...document.querySelectorAll('main img')]
        .every((i) => i.complete && i.naturalWidth > 0)""")
    parent.evaluate("() => window.scrollTo(0, 0)")
    parent.screenshot(path=str(shots / "progress-phone.png"), full_page=True,
                      animations="disabled")

    # the poster for the classroom door: its QR code leads to the progress page
    poster = parent.request.get(server.url + poster_href)
    assert poster.ok, poster.status
    assert poster.headers["content-type"].startswith("image/png")
    (shots / "poster.png").write_bytes(poster.body())
    with Image.open(io.BytesIO(poster.body())) as picture:
        assert picture.format == "PNG"
        found = zxingcpp.read_barcodes(picture)
    assert [(b.format, b.text) for b in found] == [
        (zxingcpp.BarcodeFormat.QRCode, progress_url)], found

    # 7. the board at the end of the meeting, on the advisor's laptop ------------------------
    board = people.tab(advisor, LAPTOP)
    board.goto(f"{server.url}/networks/{network_id}/board")
    expect(board.locator("article.b-card")).to_have_count(2)      # no duplicates
    done = board_card(board, IDEA_ADOPTED)
    expect(done).to_have_attribute("data-stage", "adopted")
    expect(done.locator(".b-owner")).to_contain_text(LIBRARY)
    expect(done.locator(".b-money")).to_contain_text(euros("250,00"))
    lane = board.locator("section.b-lane.col-not_now article.b-card")
    expect(lane).to_have_count(1)
    expect(lane.locator(".b-reason")).to_contain_text(REASON)
    pictures_loaded(board, "main img")
    shoot(shots, "board", board)
