"""End-to-end in a real browser: what a leader and the children do in the dream workshop.

A real `workshop serve` process (see conftest.py), Debian's Chromium through Playwright:
the leader logs in and starts the workshop from the pages, the classroom screen runs at
1920x1080, the children's tablets join through the QR code with touch screens, and the
Wi-Fi and the server fail the way they do in a classroom.

Note: the pages send a Content-Security-Policy without 'unsafe-eval', so every
`wait_for_function` here is given a function (`() => ...`), never a bare expression.
"""

from __future__ import annotations

import io
import math
import re
import sqlite3
import time
from contextlib import closing

import pytest
import zxingcpp
from PIL import Image, ImageDraw
from playwright.sync_api import BrowserContext, Page, expect

from .conftest import WAIT

pytestmark = pytest.mark.browser

USERNAME = "juf"
PASSWORD = "geheim-123"
RECONNECT = 20_000     # ms: Socket.IO reconnects with a back-off of at most 4 s

SCREEN = {"width": 1920, "height": 1080}
PORTRAIT = {"width": 768, "height": 1024}
LANDSCAPE = {"width": 1024, "height": 768}

# the dream plan (sessions/dream.yaml): the kinds of its six steps
DREAM_STEPS = ["welcome", "question", "ideas", "ideas", "vote", "wrapup"]
IDEAS_STEP = 2


# --- browsers ----------------------------------------------------------------------------


class Pages:
    """Opens contexts and pages and remembers every uncaught script error in them."""

    def __init__(self, browser):
        self.browser = browser
        self.contexts: list[BrowserContext] = []
        self.errors: list[str] = []

    def _page(self, **options) -> Page:
        context = self.browser.new_context(locale="nl-NL", device_scale_factor=1, **options)
        context.set_default_timeout(WAIT)
        self.contexts.append(context)
        page = context.new_page()
        page.on("pageerror", lambda exc: self.errors.append(f"{page.url}: {exc}"))
        return page

    def screen(self) -> Page:
        """The leader's laptop on the projector."""
        return self._page(viewport=SCREEN)

    def tablet(self, landscape: bool = False) -> Page:
        """A school tablet with a touch screen."""
        return self._page(viewport=LANDSCAPE if landscape else PORTRAIT, has_touch=True)

    def close(self) -> None:
        for context in self.contexts:
            context.close()


# --- the leader ----------------------------------------------------------------------------


def start_dream_workshop(page: Page, server, group: str, series: str) -> tuple[int, str]:
    """Log in, create a group and a series in the forms, start the dream workshop.

    Leaves `page` on the classroom screen of that workshop; returns (workshop id, code)."""
    page.goto(server.url + "/login")
    page.locator("input[name=username]").fill(USERNAME)
    page.locator("input[name=password]").fill(PASSWORD)
    page.locator("main form button.primary").click()
    expect(page).to_have_url(server.url + "/")

    page.locator("a[href='/groups/new']").click()
    expect(page).to_have_url(server.url + "/groups/new")
    page.locator("input[name=name]").fill(group)
    page.locator("input[name=school]").fill("De Regenboog")
    page.locator("input[name=neighbourhood]").fill("Noord")
    page.locator("main form button.primary").click()
    expect(page).to_have_url(server.url + "/")

    card = page.locator("section.group[data-group]").filter(
        has=page.get_by_role("heading", name=group, exact=True))
    expect(card).to_have_count(1)
    card.locator("a[href$='/series/new']").click()
    expect(page).to_have_url(re.compile(r"/groups/\d+/series/new$"))
    page.locator("input[name=title]").fill(series)
    page.locator("main form button.primary").click()
    expect(page).to_have_url(re.compile(r"/series/\d+$"))

    rows = page.locator("table.workshops tr[data-workshop]")
    expect(rows).to_have_count(3)
    dream = rows.nth(1)                       # the second workshop of the series
    expect(dream).to_contain_text("dream")
    workshop_id = int(dream.get_attribute("data-workshop"))
    dream.locator("button.start-workshop").click()

    expect(page).to_have_url(f"{server.url}/workshops/{workshop_id}/screen")
    root = page.locator("#screen")
    expect(root).to_have_attribute("data-kind", "welcome")
    code = root.get_attribute("data-code")
    assert code and re.fullmatch(r"[A-Z0-9]{4,12}", code)
    return workshop_id, code


def open_phone(phone: Page, base_url: str, workshop_id: int) -> None:
    """The leader's phone view, once its socket is in the screen room: a tap before that
    only says 'reconnecting' (the list may already show from the page's last state)."""
    phone.goto(f"{base_url}/workshops/{workshop_id}/control")
    expect(phone.locator("#control")).to_have_attribute("data-online", "true")


def press_next(screen: Page, index: int) -> None:
    """The leader presses → on the classroom screen; the screen shows step `index`."""
    screen.keyboard.press("ArrowRight")
    expect(screen.locator("#cb-goto")).to_have_value(str(index), timeout=WAIT)
    expect(screen.locator("#screen")).to_have_attribute("data-kind", DREAM_STEPS[index])


def go_to_ideas(screen: Page) -> None:
    for index in range(1, IDEAS_STEP + 1):
        press_next(screen, index)


def read_join_qr(screen: Page) -> str:
    """Decode the QR code that the classroom screen shows, as a phone camera would."""
    img = screen.locator("#s-main .w-qr img")
    expect(img).to_be_visible()
    screen.wait_for_function("(i) => i.complete && i.naturalWidth > 0", arg=img.element_handle())
    src = img.evaluate("(i) => i.src")
    response = screen.request.get(src)
    assert response.ok, response.status
    assert response.headers["content-type"].startswith("image/png")
    found = zxingcpp.read_barcodes(Image.open(io.BytesIO(response.body())))
    assert len(found) == 1, found
    assert found[0].format == zxingcpp.BarcodeFormat.QRCode
    # the QR code as it is drawn on the screen is readable too
    shot = zxingcpp.read_barcodes(Image.open(io.BytesIO(img.screenshot())))
    assert [b.text for b in shot] == [found[0].text]
    return found[0].text


# --- the children ------------------------------------------------------------------------


KEY = ("rocket", "fish")  # the secret pictures the children choose here


def tap_key(tablet: Page, key=KEY) -> None:
    """Tap two secret pictures of the picture key, in order."""
    for picture in key:
        tablet.locator(f".t-key-pic[data-id={picture}]").tap()


def join(tablet: Page, url: str, avatar: int, name: str | None,
         key=KEY) -> tuple[str, str]:
    """Open the join address, pick an avatar, type a name (or make one up), choose the two
    secret pictures, join."""
    tablet.goto(url)
    first = tablet.locator(".t-avatar, .t-new").first
    expect(first).to_be_visible()
    if tablet.locator(".t-new").count():      # others joined already: "I am new here"
        tablet.locator(".t-new").tap()
    avatars = tablet.locator(".t-avatar")
    expect(avatars.nth(avatar)).to_be_visible()
    avatars.nth(avatar).tap()
    expect(avatars.nth(avatar)).to_have_attribute("aria-pressed", "true")
    picked = avatars.nth(avatar).inner_text().strip()
    field = tablet.locator("#t-name")
    if name:
        field.tap()
        field.fill(name)
    else:
        tablet.locator(".t-make-name").tap()
        expect(field).not_to_have_value("")
        name = field.input_value()
    tablet.locator(".t-join").tap()
    done = tablet.locator(".t-key-done")
    expect(done).to_be_disabled()             # two secret pictures first
    tap_key(tablet, key)
    done.tap()
    expect(tablet.locator(".t-welcome")).to_be_visible()
    expect(tablet.locator(".t-me-name")).to_have_text(name)
    expect(tablet.locator(".t-me-avatar")).to_have_text(picked)
    return picked, name


def touch_draw(tablet: Page) -> None:
    """Draw a wavy line on the canvas with a finger (real touch events, via CDP)."""
    canvas = tablet.locator(".t-ideas canvas.t-canvas")
    canvas.scroll_into_view_if_needed()
    box = canvas.bounding_box()
    points = [(box["x"] + box["width"] * (0.15 + 0.7 * k / 24),
               box["y"] + box["height"] * (0.5 + 0.3 * math.sin(k / 3)))
              for k in range(25)]
    # timestamps as a finger makes them (one event a frame), and the finger rests before it
    # lifts: without that Chromium sees a fling and swallows the next tap to stop it
    hold = [points[-1]] * 8
    cdp = tablet.context.new_cdp_session(tablet)
    try:
        start = time.time() - 1.0
        events = [("touchStart", points[0])] + [("touchMove", p) for p in points[1:] + hold]
        for n, (kind, (x, y)) in enumerate(events):
            cdp.send("Input.dispatchTouchEvent", {"type": kind, "timestamp": start + n / 60,
                                                  "touchPoints": [{"x": x, "y": y}]})
        cdp.send("Input.dispatchTouchEvent", {"type": "touchEnd", "touchPoints": [],
                                              "timestamp": start + len(events) / 60})
    finally:
        cdp.detach()
    inked = canvas.evaluate("""(c) => {
        const d = c.getContext("2d").getImageData(0, 0, c.width, c.height).data;
        let n = 0;
        for (let i = 0; i < d.length; i += 4) if (d[i] < 128 && d[i + 1] < 128) n++;
        return n;
    }""")
    assert inked > 500, inked


def type_idea(tablet: Page, words: str) -> None:
    box = tablet.locator(".t-ideas textarea.t-input")
    box.tap()
    box.fill(words)


def send_idea(tablet: Page) -> None:
    tablet.locator(".t-ideas .t-send").tap()
    expect(tablet.locator(".t-ideas textarea.t-input")).to_have_value("")


def my_idea(tablet: Page, words: str):
    """The row of an idea in the tablet's own list ("My ideas")."""
    return tablet.locator(".t-mine-item").filter(
        has=tablet.locator(".t-mine-text", has_text=words))


def jpeg_with_gps() -> bytes:
    """A photo of a 'prototype' as a tablet camera makes it: with the place in the EXIF."""
    image = Image.new("RGB", (1400, 1050), (250, 236, 210))
    draw = ImageDraw.Draw(image)
    draw.rectangle((300, 450, 1100, 900), fill=(200, 60, 50))
    draw.polygon([(250, 460), (700, 120), (1150, 460)], fill=(60, 90, 170))
    draw.ellipse((600, 600, 800, 800), fill=(250, 210, 60))
    exif = Image.Exif()
    exif[0x010F] = "SchoolTablet"                  # Make
    exif[0x0110] = "Camera 3000"                   # Model
    gps = exif.get_ifd(0x8825)
    gps.update({1: "N", 2: (52.0, 22.0, 5.0), 3: "E", 4: (4.0, 53.0, 30.0)})
    out = io.BytesIO()
    image.save(out, "JPEG", quality=90, exif=exif)
    data = out.getvalue()
    with Image.open(io.BytesIO(data)) as check:    # the test photo really carries a place
        assert check.getexif().get_ifd(0x8825)[2] == (52.0, 22.0, 5.0)
    return data


# --- what the screen shows ---------------------------------------------------------------


def wall_card(screen: Page, words: str):
    """The idea on the classroom screen's wall whose words are exactly `words`."""
    return screen.locator("#s-main .ideawall .idea").filter(
        has=screen.locator(".idea-text").get_by_text(words, exact=True))


def wall_count(screen: Page, words: str) -> int:
    return screen.locator("#s-main .ideawall .idea-text").evaluate_all(
        "(nodes, words) => nodes.filter((n) => n.textContent === words).length", words)


def ideas_in_db(server, words: str) -> int:
    path = server.data_dir / "workshop.db"
    with closing(sqlite3.connect(f"file:{path}?mode=ro", uri=True)) as con:
        return con.execute("SELECT count(*) FROM ideas WHERE text = ?", (words,)).fetchone()[0]


def pictures_loaded(page: Page, selector: str) -> None:
    """Wait until the pictures in view have loaded (the tablet's are lazy: only in view)."""
    page.wait_for_function("""(sel) => [...document.querySelectorAll(sel)].every((i) => {
        const r = i.getBoundingClientRect();
        const inView = r.bottom > 0 && r.top < innerHeight && r.width > 0;
        return !inView || (i.complete && i.naturalWidth > 0);
    })""", arg=selector)


def shoot(shots, name: str, page: Page) -> None:
    page.screenshot(path=str(shots / f"{name}.png"), animations="disabled")


def shoot_step(shots, kind: str, screen: Page, portrait: Page, landscape: Page) -> None:
    pictures_loaded(screen, "#s-main img")
    pictures_loaded(portrait, ".t-main img")
    pictures_loaded(landscape, ".t-main img")
    shoot(shots, f"screen-{kind}", screen)
    shoot(shots, f"tablet-{kind}-portrait", portrait)
    shoot(shots, f"tablet-{kind}-landscape", landscape)


def number(n: int) -> re.Pattern:
    """A text in which `n` stands as a number of its own ("3", "🗳️ 3", "3 stemmen")."""
    return re.compile(rf"(?<!\d){n}(?!\d)")


def t(page: Page, key: str) -> str:
    """A translated string the page's scripts show (window.T, from the server)."""
    return page.evaluate("(k) => window.T[k]", key)


# --- 1. the whole dream workshop -----------------------------------------------------------

IDEA_DRAWN = "Een graffitimuur achter de school"
IDEA_PHOTO = "Een hut van pallets in het park"
IDEA_HTML = "<b>vet</b><script>window.hacked=1</script>"


def test_whole_dream_workshop(server, pages, shots):
    screen = pages.screen()
    start_dream_workshop(screen, server, "Groep 6B", "Onze buurt, voorjaar")
    code = screen.locator("#screen").get_attribute("data-code")

    # the join address, read from the QR code on the projector
    join_url = read_join_qr(screen)
    assert join_url == f"{server.url}/j/{code}"
    expect(screen.locator("#s-main .w-code")).to_have_text(code)

    portrait = pages.tablet()
    landscape = pages.tablet(landscape=True)
    avatar1, name1 = join(portrait, join_url, 0, "Sami")
    avatar2, name2 = join(landscape, join_url, 5, None)
    assert avatar1 != avatar2

    kids = screen.locator("#s-main .w-kids .kid")
    expect(kids).to_have_count(2)
    expect(kids.filter(has_text=name1).locator(".kid-avatar")).to_have_text(avatar1)
    expect(kids.filter(has_text=name2).locator(".kid-avatar")).to_have_text(avatar2)
    expect(screen.locator("#s-main .w-count")).to_have_text(number(2))
    shoot_step(shots, "welcome", screen, portrait, landscape)

    # step 2: a question; each child answers
    press_next(screen, 1)
    for tablet, words in ((portrait, "Een klimmuur"), (landscape, "Een dansstudio")):
        box = tablet.locator(".t-compose textarea")
        expect(box).to_be_visible()
        box.tap()
        box.fill(words)
        tablet.locator(".t-compose .t-send").tap()
        expect(tablet.locator(".t-mine-item.is-sent")).to_have_count(1)
        expect(screen.locator("#s-main .notes .note-text").get_by_text(words, exact=True)) \
            .to_be_visible()
    shoot_step(shots, "question", screen, portrait, landscape)

    # step 3: the Wall of Cool; the tablets follow the leader by themselves
    press_next(screen, 2)
    for tablet in (portrait, landscape):
        expect(tablet.locator(".t-ideas textarea.t-input")).to_be_visible()

    # tablet 1: words, a kind of idea and a drawing made with a finger
    type_idea(portrait, IDEA_DRAWN)
    portrait.locator(".t-cat[data-id=art]").tap()
    touch_draw(portrait)
    send_idea(portrait)
    expect(my_idea(portrait, IDEA_DRAWN).locator(".t-status.is-sent")).to_be_visible()

    # tablet 2: words and a photo of a prototype, straight from the camera (with GPS)
    type_idea(landscape, IDEA_PHOTO)
    landscape.locator(".t-cat[data-id=make]").tap()
    landscape.locator(".t-ideas input.t-file").set_input_files(files=[{
        "name": "prototype.jpg", "mimeType": "image/jpeg", "buffer": jpeg_with_gps()}])
    expect(landscape.locator(".t-photo-shown img.t-photo-preview")).to_be_visible()
    send_idea(landscape)
    expect(my_idea(landscape, IDEA_PHOTO).locator(".t-status.is-sent")).to_be_visible()

    drawn = wall_card(screen, IDEA_DRAWN)
    photo = wall_card(screen, IDEA_PHOTO)
    expect(drawn).to_have_count(1)
    expect(photo).to_have_count(1)
    expect(drawn.locator(".idea-pic img")).to_have_attribute(
        "src", re.compile(r"^/media/drawing-[\w-]{16}\.png$"))
    expect(photo.locator(".idea-pic img")).to_have_attribute(
        "src", re.compile(r"^/media/photo-[\w-]{16}\.jpg$"))
    expect(drawn.locator(".who-name")).to_have_text(name1)
    expect(photo.locator(".who-name")).to_have_text(name2)
    expect(drawn.locator(".idea-cat")).to_have_text("🎨")
    expect(photo.locator(".idea-cat")).to_have_text("🔨")

    # the stored photo kept its pixels but lost its metadata (no place of the school!)
    src = photo.locator(".idea-pic img").evaluate("(i) => i.src")
    stored = screen.request.get(src)
    assert stored.ok, stored.status
    with Image.open(io.BytesIO(stored.body())) as picture:
        assert picture.format == "JPEG"
        assert picture.width > 100 and picture.height > 100
        assert "exif" not in picture.info
        assert not picture.getexif()
        assert not picture.getexif().get_ifd(0x8825)
    drawing = screen.request.get(drawn.locator(".idea-pic img").evaluate("(i) => i.src"))
    with Image.open(io.BytesIO(drawing.body())) as picture:
        assert picture.format == "PNG"
        assert picture.convert("L").getextrema()[0] < 128   # there is ink on it

    # words that look like HTML are shown as words, and nothing runs
    type_idea(portrait, IDEA_HTML)
    send_idea(portrait)
    html = wall_card(screen, IDEA_HTML)
    expect(html).to_have_count(1)
    expect(html.locator(".idea-text")).to_have_text(IDEA_HTML)
    expect(my_idea(portrait, "<script>")).to_have_count(1)
    for page in (screen, portrait, landscape):
        assert page.evaluate("() => typeof window.hacked") == "undefined"
    assert screen.locator("#s-main b, #s-main script").count() == 0
    assert portrait.locator(".t-main b, .t-main script").count() == 0
    expect(screen.locator("#s-main .ideawall .idea")).to_have_count(3)
    shoot_step(shots, "ideas", screen, portrait, landscape)

    # step 4: "make it even cooler", the wall of the whole series stays on the screen
    press_next(screen, 3)
    for tablet in (portrait, landscape):
        expect(tablet.locator(".t-ideas textarea.t-input")).to_be_visible()
        expect(tablet.locator(".t-mine-item")).to_have_count(0)   # a new step, a new list
    expect(screen.locator("#s-main .ideawall .idea")).to_have_count(3)
    shoot_step(shots, "ideas-2", screen, portrait, landscape)

    # step 5: voting; three votes each, at most two on one idea
    press_next(screen, 4)
    expect(screen.locator("#s-main .v-hint")).to_be_visible()     # results hidden
    for tablet in (portrait, landscape):
        expect(tablet.locator(".t-vote-card")).to_have_count(3)
        expect(tablet.locator(".t-left-text")).to_have_text(t(tablet, "votes_left")
                                                            .replace("%(n)s", "3"))

    def card(tablet: Page, words: str):
        return tablet.locator(".t-vote-card").filter(has_text=words)

    card(portrait, IDEA_PHOTO).locator(".t-plus").tap()
    card(portrait, IDEA_PHOTO).locator(".t-plus").tap()
    expect(card(portrait, IDEA_PHOTO).locator(".t-vdot.is-mine")).to_have_count(2)
    expect(card(portrait, IDEA_PHOTO).locator(".t-plus")).to_be_disabled()  # two per idea
    card(portrait, IDEA_DRAWN).locator(".t-plus").tap()
    # the budget is used up: the child tries once more and is told so
    no_votes_left = t(portrait, "no_votes_left")
    expect(portrait.locator(".t-left-text")).to_have_text(no_votes_left)
    card(portrait, IDEA_DRAWN).locator(".t-vote-main").tap()
    expect(portrait.locator(".t-left")).to_have_class(re.compile(r"\bis-empty\b"))
    expect(portrait.locator(".t-left-text")).to_have_text(no_votes_left)
    expect(portrait.locator(".t-plus:enabled")).to_have_count(0)
    expect(portrait.locator(".t-vdot.is-mine")).to_have_count(3)
    expect(portrait.locator(".t-count:not(.t-saving)")).to_be_hidden()   # nothing waiting

    card(landscape, IDEA_PHOTO).locator(".t-plus").tap()
    card(landscape, IDEA_HTML).locator(".t-plus").tap()
    expect(landscape.locator(".t-left-text")).to_have_text(
        t(landscape, "votes_left").replace("%(n)s", "1"))
    expect(landscape.locator(".t-count:not(.t-saving)")).to_be_hidden()

    expect(screen.locator("#s-main .v-voters")).to_have_text(number(2))
    expect(screen.locator("#s-main .rank-num")).to_have_count(0)    # numbers not yet shown
    expect(screen.locator("#s-main .ideawall .idea")).to_have_count(3)
    pictures_loaded(screen, "#s-main img")
    shoot(shots, "screen-vote", screen)

    # the leader reveals the results (R)
    screen.keyboard.press("r")
    ranking = screen.locator("#s-main ol.ranking li.rank")
    expect(ranking).to_have_count(3)
    expect(ranking.nth(0)).to_contain_text(IDEA_PHOTO)
    expect(ranking.nth(0).locator(".rank-num")).to_have_text("3")
    expect(ranking.filter(has_text=IDEA_DRAWN).locator(".rank-num")).to_have_text("1")
    expect(ranking.filter(has_text=IDEA_HTML).locator(".rank-num")).to_have_text("1")
    expect(ranking.nth(0).locator(".rank-dots .dot")).to_have_count(3)
    # the two ideas with one vote each share the second place (they read 2 and 3)
    expect(ranking.locator(".rank-pos")).to_have_text(["1", "2", "2"])
    for tablet in (portrait, landscape):
        expect(card(tablet, IDEA_PHOTO).locator(".t-tally")).to_have_text(number(3))
        expect(card(tablet, IDEA_DRAWN).locator(".t-tally")).to_have_text(number(1))
    pictures_loaded(screen, "#s-main img")
    shoot(shots, "screen-vote-revealed", screen)
    for tablet, side in ((portrait, "portrait"), (landscape, "landscape")):
        pictures_loaded(tablet, ".t-main img")
        shoot(shots, f"tablet-vote-{side}", tablet)

    # step 6: wrap-up with the top ideas
    press_next(screen, 5)
    podium = screen.locator("#s-main .wrapup .podium")
    expect(podium.locator(".podium-step")).to_have_count(3)
    first = podium.locator(".podium-step.p1")
    expect(first).to_contain_text(IDEA_PHOTO)
    expect(first.locator(".idea-score")).to_have_text(number(3))
    expect(first.locator(".idea-pic img")).to_have_attribute("src", re.compile(r"^/media/photo-"))
    tops = portrait.locator(".t-top-item")
    expect(tops).to_have_count(3)
    expect(tops.nth(0)).to_contain_text(IDEA_PHOTO)
    expect(tops.nth(0).locator(".t-score")).to_have_text(number(3))
    expect(portrait.locator(".t-top-item.is-own")).to_have_count(2)   # Sami's own ideas
    shoot_step(shots, "wrapup", screen, portrait, landscape)

    assert screen.evaluate("() => typeof window.hacked") == "undefined"


# --- 2. a tablet that loses the Wi-Fi ----------------------------------------------------


def test_with_a_shortlist_the_children_vote_on_it(server, pages, shots):
    """A big group makes many ideas; the leader stars a few and the vote is on those."""
    screen = pages.screen()
    _, code = start_dream_workshop(screen, server, "Groep 8", "Kick-off")
    tablet = pages.tablet()
    join(tablet, f"{server.url}/j/{code}", 1, "Mo")
    go_to_ideas(screen)
    ideas = ["Een klimmuur", "Een moestuin", "Een podium", "Een fietsenmaker"]
    for words in ideas:
        expect(tablet.locator(".t-ideas textarea.t-input")).to_be_visible()
        type_idea(tablet, words)
        send_idea(tablet)
        expect(wall_card(screen, words)).to_have_count(1)
    screen.keyboard.press("m")
    drawer = screen.locator("#drawer")
    expect(drawer).to_be_visible()
    for words in ideas[1:3]:
        row = drawer.locator("li.m-row[data-type=idea]").filter(
            has=screen.locator(".m-text", has_text=words))
        row.locator(".m-actions > .m-btn").filter(has_text="☆").click()
        expect(row).to_have_class(re.compile(r"\bstarred\b"))
    screen.keyboard.press("m")
    expect(drawer).to_be_hidden()

    press_next(screen, 3)
    press_next(screen, 4)
    expect(screen.locator("#s-main .v-shortlist")).to_be_visible()
    expect(screen.locator("#s-main .ideawall .idea")).to_have_count(2)
    cards = tablet.locator(".t-vote-card")
    expect(cards).to_have_count(2)
    expect(cards.filter(has_text=ideas[0])).to_have_count(0)
    cards.filter(has_text=ideas[1]).locator(".t-plus").tap()
    expect(cards.filter(has_text=ideas[1]).locator(".t-vdot.is-mine")).to_have_count(1)
    expect(screen.locator("#s-main .v-voters")).to_have_text(number(1))
    shoot(shots, "screen-vote-shortlist", screen)
    shoot(shots, "tablet-vote-shortlist-portrait", tablet)


def test_a_big_wall_shows_the_newest_ideas_readably(server, pages, shots):
    """With more ideas than fit readably, the projector shows the newest and the count."""
    import socketio

    screen = pages.screen()
    wid, code = start_dream_workshop(screen, server, "Hele school", "Kick-off")
    go_to_ideas(screen)
    tablet = socketio.Client()
    tablet.connect(server.url, namespaces=["/live"], transports=["websocket"])
    try:
        token = tablet.call("join", {"code": code, "name": "Sam", "avatar": "🦊"},
                            namespace="/live")["token"]
        state = tablet.call("tablet_hello", {"code": code, "token": token},
                            namespace="/live")["state"]
        for n in range(1, 61):
            reply = tablet.call("submit", {
                "client_id": f"wall-{n:06d}", "workshop_id": wid, "what": "idea",
                "step_index": state["step_index"], "payload": {"text": f"Idee nummer {n}"}},
                namespace="/live")
            assert reply["ok"], reply
    finally:
        tablet.disconnect()
    more = screen.locator("#s-main .wall-more")
    expect(more).to_be_visible()
    expect(more).to_contain_text("60")
    expect(screen.locator("#s-main .ideawall .idea")).to_have_count(48)
    expect(wall_card(screen, "Idee nummer 60")).to_have_count(1)      # the newest are shown
    expect(wall_card(screen, "Idee nummer 1")).to_have_count(0)
    shoot(shots, "screen-ideas-60", screen)
    # no shortlist: the vote wall and, once revealed, the ranking stay readable too
    press_next(screen, 3)
    press_next(screen, 4)
    expect(screen.locator("#s-main .ideawall .idea")).to_have_count(48)
    expect(screen.locator("#s-main .wall-more")).to_contain_text("60")
    screen.keyboard.press("r")
    expect(screen.locator("#s-main ol.ranking li.rank")).to_have_count(30)
    expect(screen.locator("#s-main .wall-more")).to_contain_text("60")
    shoot(shots, "screen-ranking-60", screen)


def test_offline_tablet_sends_once(server, pages):
    screen = pages.screen()
    _, code = start_dream_workshop(screen, server, "Groep 7A", "Wifi-test")
    tablet = pages.tablet()
    join(tablet, f"{server.url}/j/{code}", 2, "Noor")
    go_to_ideas(screen)
    expect(tablet.locator(".t-ideas textarea.t-input")).to_be_visible()

    words = "Een moestuin op het dak van de bieb"
    # The Wi-Fi drops. (The server also goes away for a moment: whether or not the
    # browser's offline mode closes an open WebSocket, the tablet cannot reach it.)
    tablet.context.set_offline(True)
    server.stop()
    expect(tablet.locator(".t-offline")).to_be_visible()
    expect(screen.locator(".s-offline")).to_be_visible()

    type_idea(tablet, words)
    send_idea(tablet)
    waiting = my_idea(tablet, words)
    expect(waiting).to_have_count(1)
    expect(waiting.locator(".t-status.is-waiting")).to_be_visible()
    expect(tablet.locator(".t-count .t-count-num")).to_have_text("1")
    kept = tablet.evaluate("() => Object.keys(localStorage).filter((k) => k.startsWith('outbox:'))"
                           ".map((k) => localStorage.getItem(k)).join(' ')")
    assert words in kept                      # in the outbox, which outlives the page

    # the server is back, the tablet still has no Wi-Fi: the idea keeps waiting
    server.start()
    expect(screen.locator(".s-offline")).to_be_hidden(timeout=RECONNECT)
    expect(screen.locator("#screen")).to_have_attribute("data-kind", "ideas")
    expect(waiting.locator(".t-status.is-waiting")).to_be_visible()
    assert wall_count(screen, words) == 0
    assert ideas_in_db(server, words) == 0

    # the Wi-Fi comes back: the idea is sent by itself, exactly once
    tablet.context.set_offline(False)
    expect(wall_card(screen, words)).to_have_count(1, timeout=RECONNECT)
    expect(tablet.locator(".t-offline")).to_be_hidden()
    expect(waiting.locator(".t-status.is-sent")).to_be_visible()
    expect(tablet.locator(".t-count:not(.t-saving)")).to_be_hidden()
    assert ideas_in_db(server, words) == 1

    # a reload does not send it again
    tablet.reload()
    expect(tablet.locator(".t-ideas textarea.t-input")).to_be_visible()
    expect(tablet.locator(".t-conn")).to_have_class(re.compile(r"\bis-online\b"))
    expect(my_idea(tablet, words)).to_have_count(1)
    expect(my_idea(tablet, words).locator(".t-status.is-sent")).to_be_visible()
    expect(tablet.locator(".t-count:not(.t-saving)")).to_be_hidden()
    screen.reload()
    expect(wall_card(screen, words)).to_have_count(1)
    assert wall_count(screen, words) == 1
    assert ideas_in_db(server, words) == 1

    # Once more, the other way round: the server is away while the child sends, and the
    # tablet is reloaded just as the server is back: the page that sent it may or may not
    # have got its answer before the reload, the idea arrives once all the same.
    second = "Een speurtocht langs alle kunstwerken"
    server.stop()
    expect(tablet.locator(".t-offline")).to_be_visible()
    type_idea(tablet, second)
    send_idea(tablet)
    expect(my_idea(tablet, second).locator(".t-status.is-waiting")).to_be_visible()
    server.start()
    tablet.reload()
    expect(my_idea(tablet, second).locator(".t-status.is-sent")).to_be_visible(timeout=RECONNECT)
    expect(wall_card(screen, second)).to_have_count(1, timeout=RECONNECT)
    expect(tablet.locator(".t-count:not(.t-saving)")).to_be_hidden()
    tablet.reload()
    expect(my_idea(tablet, second).locator(".t-status.is-sent")).to_be_visible()
    expect(my_idea(tablet, words)).to_have_count(1)
    assert wall_count(screen, second) == 1 and wall_count(screen, words) == 1
    assert ideas_in_db(server, second) == 1 and ideas_in_db(server, words) == 1


# --- 3. the server restarts in the middle of the workshop --------------------------------


def test_server_restart_mid_workshop(server, pages):
    screen = pages.screen()
    _, code = start_dream_workshop(screen, server, "Groep 8C", "Herstart-test")
    tablet = pages.tablet(landscape=True)
    _, name = join(tablet, f"{server.url}/j/{code}", 4, "Daan")
    go_to_ideas(screen)
    step_title = screen.locator(".s-title").inner_text()

    before = "Een openluchtbioscoop op het plein"
    expect(tablet.locator(".t-ideas textarea.t-input")).to_be_visible()
    type_idea(tablet, before)
    send_idea(tablet)
    expect(wall_card(screen, before)).to_have_count(1)
    expect(my_idea(tablet, before).locator(".t-status.is-sent")).to_be_visible()

    # the laptop's server crashes and is started again on the same port
    server.kill()
    expect(screen.locator(".s-offline")).to_be_visible()
    expect(tablet.locator(".t-offline")).to_be_visible()
    server.start()

    # both pages come back by themselves, on the step the leader had chosen
    expect(screen.locator(".s-offline")).to_be_hidden(timeout=RECONNECT)
    expect(tablet.locator(".t-offline")).to_be_hidden(timeout=RECONNECT)
    expect(tablet.locator(".t-conn")).to_have_class(re.compile(r"\bis-online\b"))
    expect(screen.locator("#screen")).to_have_attribute("data-kind", "ideas")
    expect(screen.locator("#cb-goto")).to_have_value(str(IDEAS_STEP))
    expect(screen.locator(".s-title")).to_have_text(step_title)
    expect(wall_card(screen, before)).to_have_count(1)
    expect(wall_card(screen, before).locator(".who-name")).to_have_text(name)
    expect(tablet.locator(".t-ideas textarea.t-input")).to_be_visible()
    expect(my_idea(tablet, before).locator(".t-status.is-sent")).to_be_visible()

    # and the workshop goes on
    after = "Een kookclub met opa's en oma's"
    type_idea(tablet, after)
    send_idea(tablet)
    expect(wall_card(screen, after)).to_have_count(1)
    expect(my_idea(tablet, after).locator(".t-status.is-sent")).to_be_visible()
    expect(screen.locator("#s-main .ideawall .idea")).to_have_count(2)
    assert wall_count(screen, before) == 1
    assert ideas_in_db(server, before) == 1 and ideas_in_db(server, after) == 1

    # what the pages show is what the restarted server has, not something left over
    screen.reload()
    expect(screen.locator("#cb-goto")).to_have_value(str(IDEAS_STEP))
    expect(screen.locator("#screen")).to_have_attribute("data-kind", "ideas")
    expect(screen.locator("#s-main .ideawall .idea")).to_have_count(2)
    tablet.reload()
    expect(my_idea(tablet, before).locator(".t-status.is-sent")).to_be_visible()
    expect(my_idea(tablet, after).locator(".t-status.is-sent")).to_be_visible()

    # the leader's keys still work after the restart
    press_next(screen, IDEAS_STEP + 1)
    expect(tablet.locator(".t-ideas textarea.t-input")).to_be_visible()
    expect(tablet.locator(".t-mine-item")).to_have_count(0)
