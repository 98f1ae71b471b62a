"""Every page a child, a leader, a partner or a parent sees, checked in a real browser.

A real `workshop serve` process and Debian's Chromium (see conftest.py). One walk (a
module fixture) goes through all of it once: a group whose dream workshop ran and whose
shortlist went to the network, with news back (tests/news_world.py), so every step kind is
there: the inspiration workshop (welcome, news, poll, cards, question, wrap-up), the dream
workshop (ideas, vote) and the critical-thinking workshop (vote, critical). On each page:

- axe-core (bundled by axe-playwright-python) with the WCAG 2.2 AA tags: no critical and no
  serious violation (the counts per page are printed);
- the classroom screen at 1920x1080: no visible text under 28 px, no text cut off;
- the tablet at 768x1024 and 1024x768: the button that sends is inside the window without
  scrolling.

Screenshots for people to look at: /tmp/shots/a11y/ (and the shots folder).
Note: the pages send a Content-Security-Policy without 'unsafe-eval', so every
`wait_for_function` is given a function (`() => ...`), never a bare expression.
"""

from __future__ import annotations

import json
import os
import shutil
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import Page, expect
from sqlalchemy import select

from workshop import config
from workshop.services import follow_up, progress, run, setup
from workshop.services.plan_library import PlanLibrary
from workshop.store.db import Database
from workshop.store.models import User

from ..news_world import ADOPTED, NewsWorld, class_with_ideas, ship_and_follow
from ..servers import Server, admin_server
from .conftest import PASSWORD, SHOTS
from .test_workshop_flow import LANDSCAPE, PORTRAIT, Pages, open_phone, pictures_loaded, tap_key

pytestmark = pytest.mark.browser

TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]
BLOCKING = ("critical", "serious")
MIN_SCREEN_PX = 28
OUT = Path(os.environ.get("WORKSHOP_A11Y_SHOTS", "/tmp/shots/a11y"))

# long enough to wrap or be cut off, as children's names and ideas are
NAMES = ("Noor", "Mohammed-Ali")
IDEA = "Een grote moestuin bij de bibliotheek met bankjes voor opa's en oma's"
ANSWER = "Een speeltuin met een klimrek en een zandbak"

# the steps each of the three workshops goes through (sessions/*.yaml, with the news step
# since the group's ideas came back with news)
INSPIRE = ["welcome", "news", "poll", "cards", "question", "question", "question", "wrapup"]
DREAM = ["welcome", "news", "question", "ideas", "ideas", "vote", "wrapup"]
CRITICAL = ["welcome", "news", "vote", "critical", "question", "wrapup"]

# on each step kind: what a child taps to send (None: nothing to send)
SEND = {"welcome": None, "news": None, "wrapup": None, "question": ".t-send",
        "ideas": ".t-send", "critical": ".t-send", "poll": ".t-choice",
        "cards": ".t-react", "vote": ".t-vote-main"}


@dataclass
class Report:
    axe: dict[str, dict[str, int]] = field(default_factory=dict)
    details: dict[str, list[str]] = field(default_factory=dict)
    small_text: dict[str, list[str]] = field(default_factory=dict)
    send: dict[str, str] = field(default_factory=dict)
    kinds_on_screen: set[str] = field(default_factory=set)
    kinds_on_tablet: set[str] = field(default_factory=set)


AXE = Axe()


def check_axe(report: Report, name: str, page: Page) -> None:
    """axe-core with the WCAG 2.2 AA tags on the page as it is now."""
    results = AXE.run(page, options={"runOnly": {"type": "tag", "values": TAGS},
                                     "resultTypes": ["violations"]})
    counts = {impact: 0 for impact in ("critical", "serious", "moderate", "minor")}
    lines = []
    for violation in results.response["violations"]:
        impact = violation.get("impact") or "minor"
        counts[impact] += len(violation["nodes"])
        if impact in BLOCKING:
            targets = [" ".join(map(str, n["target"])) for n in violation["nodes"][:4]]
            lines.append(f"{violation['id']} ({impact}, {len(violation['nodes'])}): "
                         f"{violation['help']} -> {targets}")
    key = name
    n = 2
    while key in report.axe:
        key, n = f"{name} ({n})", n + 1
    report.axe[key] = counts
    report.details[key] = lines


# every visible text on the page smaller than `least` px, and every element with text
# that is cut off (text-overflow: ellipsis or overflow hidden and wider than its box)
SMALL_OR_CUT = """([least]) => {
    const out = [];
    const visible = (e) => e.checkVisibility({opacityProperty: true, visibilityProperty: true});
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    const seen = new Set();
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        const words = node.textContent.trim();
        const box = node.parentElement;
        if (!words || !box || seen.has(box) || !visible(box)) continue;
        if (box.closest("[aria-hidden=true] .sr-only, .sr-only, .controlbar, .drawer")) continue;
        const range = document.createRange();
        range.selectNodeContents(node);
        const r = range.getBoundingClientRect();
        if (!r.width || !r.height || r.bottom <= 0 || r.top >= innerHeight) continue;
        seen.add(box);
        const size = parseFloat(getComputedStyle(box).fontSize);
        if (size < least)
            out.push(`${size}px: ${box.className || box.tagName} "${words.slice(0, 40)}"`);
    }
    for (const e of document.querySelectorAll("#s-main *, .s-head *")) {
        if (!e.textContent.trim() || !visible(e)) continue;
        const style = getComputedStyle(e);
        const clips = style.textOverflow === "ellipsis" || style.overflow === "hidden" ||
                      style.webkitLineClamp !== "none";
        if (clips && (e.scrollWidth > e.clientWidth + 1 || e.scrollHeight > e.clientHeight + 2))
            out.push(`cut: ${e.className || e.tagName} "${e.textContent.trim().slice(0, 40)}"`);
    }
    return out;
}"""


def shoot(page: Page, name: str) -> None:
    OUT.mkdir(parents=True, exist_ok=True)
    pictures_loaded(page, "img")
    path = OUT / f"{name}.png"
    page.screenshot(path=str(path), animations="disabled")
    SHOTS.mkdir(parents=True, exist_ok=True)
    shutil.copy(path, SHOTS / f"a11y-{name}.png")


def asleep(screen: Page) -> None:
    """The leader's control bar gone, as the room sees the screen."""
    screen.mouse.move(5, 300)
    screen.wait_for_function("() => !document.querySelector('#screen.awake')")


# --- the story, written with the services ------------------------------------------------


@dataclass
class World:
    news: NewsWorld
    inspire: int
    dream: int
    critical: int
    token: str
    feedback: str
    network_id: int


def seed(server: Server) -> World:
    settings = config.load({"DATA_DIR": server.data_dir, "SECRET_KEY": "test-secret"})
    db = Database(settings["DATABASE_URL"])
    library = PlanLibrary(settings["PLANS_DIR"], settings["OWN_PLANS_DIR"])
    try:
        with db.begin() as dbs:
            juf = dbs.scalar(select(User).where(User.username == "juf"))
            world = class_with_ideas(dbs, juf, library, settings["MEDIA_DIR"])
            world = ship_and_follow(dbs, world, settings["MEDIA_DIR"])
            partner = dbs.scalar(select(User).where(User.username == "bieb"))
            poll = follow_up.open_feedback(dbs, partner, world.board_ideas[ADOPTED])
            token = progress.progress_link(dbs, juf, world.series_id)
            # two more series of the same group: one live workshop per series
            later = [setup.create_series(dbs, juf, library, world.group_id, title)
                     for title in ("Voorjaar", "Zomer")]
            inspire = later[0]["workshops"][0]["id"]
            dream = later[1]["workshops"][1]["id"]
            for workshop_id in (inspire, dream, world.workshops[2]):
                run.start(dbs, juf, library, workshop_id)
            return World(world, inspire, dream, world.workshops[2], token, poll["code"],
                         partner.network_id)
    finally:
        db.dispose()


def log_in(page: Page, server: Server, username: str) -> None:
    page.goto(server.url + "/login")
    page.locator("input[name=username]").fill(username)
    page.locator("input[name=password]").fill(PASSWORD)
    page.locator("main form button.primary").click()
    expect(page).not_to_have_url(server.url + "/login")


# --- the walk ------------------------------------------------------------------------------


def join(report: Report, tablet: Page, server: Server, code: str, avatar: int, name: str,
         label: str) -> None:
    """A child joins, with axe on each page of the way: code entry, who are you (when
    others joined already), the animals and the name, the secret pictures."""
    tablet.goto(server.url + "/j")
    expect(tablet.locator("#code")).to_be_visible()
    check_axe(report, "tablet: code entry", tablet)
    tablet.locator("#code").fill(code)
    tablet.locator("form.join-code button.primary").click()
    expect(tablet.locator(".t-avatar, .t-new").first).to_be_visible()
    if tablet.locator(".t-new").count():
        check_axe(report, "tablet: who are you", tablet)
        shoot(tablet, f"{label}-who-are-you")
        tablet.locator(".t-new").tap()
    avatars = tablet.locator(".t-avatar")
    expect(avatars.nth(avatar)).to_be_visible()
    check_axe(report, "tablet: join (animals, name)", tablet)
    shoot(tablet, f"{label}-join")
    avatars.nth(avatar).tap()
    tablet.locator("#t-name").fill(name)
    tablet.locator(".t-join").tap()
    expect(tablet.locator(".t-key-done")).to_be_disabled()
    check_axe(report, "tablet: secret pictures", tablet)
    tap_key(tablet)
    tablet.locator(".t-key-done").tap()
    expect(tablet.locator(".t-welcome")).to_be_visible()


def act(tablet: Page, kind: str, first_time: bool) -> None:
    """What a child does on a step, so that the screen has something to show."""
    if kind == "ideas" and first_time:
        box = tablet.locator(".t-ideas textarea.t-input")
        box.fill(IDEA)
        tablet.locator(".t-ideas .t-send").tap()
        expect(box).to_have_value("")
    elif kind == "question" and first_time:
        box = tablet.locator(".t-compose textarea.t-input")
        box.fill(ANSWER)
        tablet.locator(".t-send").tap()
        expect(box).to_have_value("")
    elif kind == "poll":
        tablet.locator(".t-choice").first.tap()
    elif kind == "cards":
        tablet.locator(".t-react").first.tap()
    elif kind == "vote":
        votes = tablet.locator(".t-vote-main")
        expect(votes.first).to_be_visible()
        votes.first.tap()
    elif kind == "critical":
        question = tablet.locator(".t-question").first
        expect(question).to_be_visible()
        question.tap()
        expect(tablet.locator(".t-send")).to_be_visible()


def send_in_view(report: Report, tablet: Page, kind: str, label: str) -> None:
    """At both tablet sizes, with the page at its top (or where the tablet put it after a
    tap: a critical question opens its answer box), the button that sends lies inside the
    window: the child does not scroll to find it."""
    selector = SEND[kind]
    for size_name, size in (("portrait", PORTRAIT), ("landscape", LANDSCAPE)):
        tablet.set_viewport_size(size)
        tablet.evaluate("() => window.scrollTo(0, 0)")
        tablet.wait_for_timeout(150)          # the layout after the turn
        if kind == "critical":                # tapped again at this size: closed, opened
            question = tablet.locator(".t-question").first
            question.tap()
            expect(tablet.locator(".t-send")).to_have_count(0)
            question.tap()
        name = f"{label}-{kind}-{size_name}"
        if selector:
            button = tablet.locator(selector).first
            expect(button).to_be_visible()
            box = tablet.evaluate("""(sel) => {
                const r = document.querySelector(sel).getBoundingClientRect();
                return {top: r.top, bottom: r.bottom, left: r.left, right: r.right};
            }""", selector)
            inside = (box["top"] >= 0 and box["left"] >= 0 and
                      box["bottom"] <= size["height"] and box["right"] <= size["width"])
            if not inside:
                report.send[name] = f"{selector} at {box} in {size['width']}x{size['height']}"
        shoot(tablet, name)
    tablet.set_viewport_size(PORTRAIT)


def next_step(screen: Page, index: int) -> None:
    """→ until the screen shows step `index` (the news step shows its ideas one by one)."""
    goto = screen.locator("#cb-goto")
    for _ in range(6):
        screen.keyboard.press("ArrowRight")
        try:
            expect(goto).to_have_value(str(index), timeout=1_500)
            return
        except AssertionError:
            continue
    expect(goto).to_have_value(str(index))


def walk_workshop(report: Report, pages: Pages, server: Server, workshop_id: int,
                  kinds: list[str], label: str, second_child: bool) -> None:
    screen = pages.screen()
    log_in(screen, server, "juf")
    screen.goto(f"{server.url}/workshops/{workshop_id}/screen")
    root = screen.locator("#screen")
    expect(root).to_have_attribute("data-kind", "welcome")
    code = root.get_attribute("data-code")
    tablet = pages.tablet()
    join(report, tablet, server, code, 3, NAMES[0], label)
    if second_child:
        other = pages.tablet()
        join(report, other, server, code, 7, NAMES[1], label + "-2")
        other.close()
    seen: set[str] = set()
    for index, kind in enumerate(kinds):
        if index:
            next_step(screen, index)
        expect(root).to_have_attribute("data-kind", kind)
        body = tablet.locator(f".t-body.t-kind-{kind}")
        expect(body).to_be_visible()
        act(tablet, kind, kind not in seen)
        if kind in ("poll", "cards", "vote"):                 # the results on the screen
            screen.keyboard.press("r")
            screen.wait_for_timeout(300)
        step = f"{label}-{index}-{kind}"
        asleep(screen)
        screen.wait_for_timeout(400)                          # text fitting settles
        check_axe(report, f"screen: {kind}", screen)
        small = screen.evaluate(SMALL_OR_CUT, [MIN_SCREEN_PX])
        if small:
            report.small_text[step] = small
        shoot(screen, f"screen-{step}")
        check_axe(report, f"tablet: {kind}", tablet)
        send_in_view(report, tablet, kind, f"tablet-{step}")
        report.kinds_on_screen.add(kind)
        report.kinds_on_tablet.add(kind)
        seen.add(kind)
    # the leader's phone view of the same workshop
    phone = screen.context.new_page()
    phone.set_viewport_size({"width": 390, "height": 844})
    open_phone(phone, server.url, workshop_id)
    expect(phone.locator("body")).to_be_visible()
    phone.wait_for_timeout(500)
    check_axe(report, "leader: phone view", phone)
    shoot(phone, f"control-{label}")
    phone.close()
    screen.close()
    tablet.close()


def walk_others(report: Report, pages: Pages, server: Server, world: World) -> None:
    """The parents' progress page, the children's feedback page, the privacy page and the
    board pages of the advisor and a partner."""
    phone = pages.tablet()
    phone.set_viewport_size({"width": 390, "height": 844})
    for name, path in (("public: progress page", f"/p/{world.token}"),
                       ("child: feedback", f"/f/{world.feedback}"),
                       ("public: privacy", "/privacy")):
        phone.goto(server.url + path)
        expect(phone.locator("body")).to_be_visible()
        check_axe(report, name, phone)
        shoot(phone, name.split(": ")[1].replace(" ", "-"))
    board_idea = world.news.board_ideas[ADOPTED]
    net = f"/networks/{world.network_id}"
    # the advisor presents on the projector, a partner answers on a phone
    for username, meeting in (("adviseur", "present"), ("bieb", "respond")):
        laptop = pages.screen()
        log_in(laptop, server, username)
        for name, path in (("board", f"{net}/board"), ("idea", f"/board/ideas/{board_idea}"),
                           (meeting, f"{net}/{meeting}")):
            response = laptop.goto(server.url + path)
            assert response.ok, (path, response.status)
            laptop.wait_for_timeout(400)
            check_axe(report, f"board ({username}): {name}", laptop)
            shoot(laptop, f"board-{username}-{name}")


@pytest.fixture(scope="module")
def report(browser, tmp_path_factory):
    pages = Pages(browser)
    found = Report()
    with admin_server(tmp_path_factory.mktemp("a11y") / "data") as srv:
        try:
            world = seed(srv)
            walk_workshop(found, pages, srv, world.inspire, INSPIRE, "inspire", True)
            walk_workshop(found, pages, srv, world.dream, DREAM, "dream", False)
            walk_workshop(found, pages, srv, world.critical, CRITICAL, "critical", False)
            walk_others(found, pages, srv, world)
        finally:
            pages.close()
    print("\naxe (WCAG 2.2 AA tags) per page: critical serious moderate minor")
    for name, counts in found.axe.items():
        print(f"  {name:42} {counts['critical']:3} {counts['serious']:3} "
              f"{counts['moderate']:3} {counts['minor']:3}")
    OUT.mkdir(parents=True, exist_ok=True)
    (OUT / "report.json").write_text(json.dumps(
        {"axe": found.axe, "details": found.details, "small_text": found.small_text,
         "send": found.send}, indent=1, ensure_ascii=False))
    assert not pages.errors, "uncaught script errors:\n" + "\n".join(pages.errors)
    return found


def test_every_step_kind_was_seen(report):
    from workshop.domain.plans import STEP_KINDS

    assert report.kinds_on_screen == set(STEP_KINDS)
    assert report.kinds_on_tablet == set(STEP_KINDS)


def test_no_critical_or_serious_axe_violations(report):
    blocking = {name: report.details[name] for name, counts in report.axe.items()
                if any(counts[impact] for impact in BLOCKING)}
    assert not blocking, json.dumps(blocking, indent=1, ensure_ascii=False)
    assert len(report.axe) >= 40


def test_the_screen_is_readable_from_the_back(report):
    assert not report.small_text, json.dumps(report.small_text, indent=1, ensure_ascii=False)


def test_the_send_button_is_in_view_on_tablets_both_ways(report):
    assert not report.send, json.dumps(report.send, indent=1, ensure_ascii=False)
