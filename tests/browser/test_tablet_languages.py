"""In a real browser: every child in their own language, read aloud, refusals in words.

A child switches to Arabic on the join screen: the tablet turns right to left and
everything (the prompts, the choices, the cards, the read-aloud) is Arabic, while what she
typed stays. A Turkish tablet (its own language) and a Polish child in the same workshop each
see their own language while the classroom screen stays Dutch; the vote ideas and each
critical question are read aloud in Turkish; the Polish tablet has no Polish voice and says
so in Polish. An empty and a too-long idea get words. Speech is captured by a stand-in for
window.speechSynthesis that records each utterance with its language and voice."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from playwright.sync_api import Page, expect
from sqlalchemy import select

from workshop import config
from workshop.services import run, setup
from workshop.services.plan_library import PlanLibrary
from workshop.store.db import Database
from workshop.store.models import User

from ..news_world import class_with_ideas
from ..servers import admin_server
from .conftest import WAIT
from .test_workshop_flow import LANDSCAPE, PORTRAIT, SCREEN, tap_key

pytestmark = pytest.mark.browser

ARABIC_SHOTS = Path("/tmp/shots/arabic")
PASSWORD = "geheim-123"

# window.speechSynthesis as a device has it, with the voices given, recording what it says
SPEECH = """(voices) => {
  window.__spoken = [];
  const list = voices.map((lang) => ({ lang: lang, name: "voice " + lang, voiceURI: lang,
                                       localService: true, default: false }));
  const synth = {
    speaking: false, pending: false, paused: false, onvoiceschanged: null,
    getVoices() { return list; },
    speak(u) { window.__spoken.push({ text: u.text, lang: u.lang,
                                      voice: u.voice ? u.voice.lang : null }); },
    cancel() {}, pause() {}, resume() {},
    addEventListener() {}, removeEventListener() {},
  };
  Object.defineProperty(window, "speechSynthesis", { value: synth, configurable: true });
  window.SpeechSynthesisUtterance = function (text) {
    this.text = text; this.lang = ""; this.voice = null; this.rate = 1;
  };
}"""
ALL_VOICES = ["nl-NL", "en-GB", "tr-TR", "ar-SA", "pl-PL"]


class Pages:
    def __init__(self, browser):
        self.browser, self.contexts, self.errors = browser, [], []

    def open(self, locale="nl-NL", voices=None, **options) -> Page:
        context = self.browser.new_context(locale=locale, device_scale_factor=1, **options)
        context.set_default_timeout(WAIT)
        self.contexts.append(context)
        if voices is not None:
            context.add_init_script(script=f"({SPEECH})({voices!r})")
        page = context.new_page()
        page.on("pageerror", lambda exc: self.errors.append(f"{page.url}: {exc}"))
        return page

    def tablet(self, locale="nl-NL", voices=ALL_VOICES) -> Page:
        return self.open(locale=locale, voices=voices, viewport=PORTRAIT, has_touch=True)

    def close(self):
        for context in self.contexts:
            context.close()


def seed(server) -> dict[str, int]:
    """A class whose dream workshop ran (ideas on the shortlist); its critical workshop live,
    and in two more series of the group an inspire and a dream workshop live."""
    settings = config.load({"DATA_DIR": server.data_dir, "SECRET_KEY": "test-secret"})
    db = Database(settings["DATABASE_URL"])
    library = PlanLibrary(settings["PLANS_DIR"], settings["OWN_PLANS_DIR"])
    try:
        with db.begin() as dbs:
            juf = dbs.scalar(select(User).where(User.username == "juf"))
            world = class_with_ideas(dbs, juf, library, settings["MEDIA_DIR"])
            later = [setup.create_series(dbs, juf, library, world.group_id, title)
                     for title in ("Voorjaar", "Zomer")]
            found = {"critical": world.workshops[2], "inspire": later[0]["workshops"][0]["id"],
                     "dream": later[1]["workshops"][1]["id"]}
            for workshop_id in found.values():
                run.start(dbs, juf, library, workshop_id)
            return found
    finally:
        db.dispose()


def open_screen(pages: Pages, server, workshop_id: int) -> tuple[Page, str]:
    screen = pages.open(viewport=SCREEN)
    screen.goto(server.url + "/login")
    screen.locator("input[name=username]").fill("juf")
    screen.locator("input[name=password]").fill(PASSWORD)
    screen.locator("main form button.primary").click()
    expect(screen).not_to_have_url(server.url + "/login")
    screen.goto(f"{server.url}/workshops/{workshop_id}/screen")
    root = screen.locator("#screen")
    expect(root).to_have_attribute("data-kind", "welcome")
    return screen, root.get_attribute("data-code")


def next_kind(screen: Page, kind: str) -> None:
    """→ one step at a time until the screen shows a step of `kind`."""
    root = screen.locator("#screen")
    for _ in range(8):
        if root.get_attribute("data-kind") == kind:
            return
        before = screen.locator("#cb-goto").input_value()
        screen.keyboard.press("ArrowRight")
        try:
            expect(screen.locator("#cb-goto")).not_to_have_value(before, timeout=4_000)
        except AssertionError:
            continue                      # a news step shows its ideas one by one
    expect(root).to_have_attribute("data-kind", kind)


def join(tablet: Page, url: str, avatar: int, name: str) -> None:
    tablet.goto(url)
    expect(tablet.locator(".t-avatar, .t-new").first).to_be_visible()
    if tablet.locator(".t-new").count():
        tablet.locator(".t-new").tap()
    tablet.locator(".t-avatar").nth(avatar).tap()
    tablet.locator("#t-name").fill(name)
    finish_join(tablet)


def finish_join(tablet: Page) -> None:
    tablet.locator(".t-join").tap()
    tap_key(tablet)
    tablet.locator(".t-key-done").tap()
    expect(tablet.locator(".t-welcome")).to_be_visible()


def spoken(page: Page) -> list[dict]:
    return page.evaluate("() => window.__spoken")


def last_spoken(page: Page) -> dict:
    said = spoken(page)
    assert said, "nothing was read aloud"
    return said[-1]


def t(page: Page, key: str) -> str:
    return page.evaluate("(k) => window.T[k]", key)


def shoot(page: Page, name: str) -> None:
    ARABIC_SHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(ARABIC_SHOTS / f"{name}.png"), animations="disabled")


ARABIC = re.compile(r"[\u0600-\u06ff]")


def test_a_child_switches_to_arabic_and_everything_turns_right_to_left(server, pages):
    ids = seed(server)
    screen, code = open_screen(pages, server, ids["inspire"])
    tablet = pages.tablet()
    tablet.goto(f"{server.url}/j/{code}")
    expect(tablet.locator(".t-new")).to_be_visible()          # Sam of the group is there
    tablet.locator(".t-new").tap()
    expect(tablet.locator(".t-avatar").first).to_be_visible()
    expect(tablet.locator("html")).to_have_attribute("dir", "ltr")
    # she picks an animal and types her name, then chooses Arabic on the join screen
    tablet.locator(".t-avatar").nth(2).tap()
    tablet.locator("#t-name").fill("Sami")
    lang_button = tablet.locator(".t-top .t-lang")
    expect(lang_button).to_have_accessible_name("Nederlands")     # named as it shows
    tablet.locator(".t-lang-row .t-lang-choice[data-lang=ar]").tap()
    expect(tablet.locator("html")).to_have_attribute("dir", "rtl")
    expect(tablet.locator("html")).to_have_attribute("lang", "ar")
    expect(lang_button).to_have_accessible_name("العربية")
    expect(tablet.locator(".t-h1")).to_have_text(t(tablet, "pick_avatar"))
    assert ARABIC.search(tablet.locator(".t-h1").inner_text())
    expect(tablet.locator("#t-name")).to_have_value("Sami")       # what she typed stays
    expect(tablet.locator(".t-avatar[aria-pressed=true]")).to_have_count(1)
    shoot(tablet, "join-768x1024")
    # the whole join screen read aloud in Arabic, with an Arabic voice
    tablet.locator(".t-title-row .t-speak").tap()
    said = last_spoken(tablet)
    assert said["voice"] == "ar-SA" and ARABIC.search(said["text"]), said
    finish_join(tablet)
    expect(tablet.locator(".t-me-name")).to_have_text("Sami")

    # the poll: prompt and choices in Arabic, each choice read aloud by itself
    next_kind(screen, "poll")
    expect(tablet.locator(".t-body.t-kind-poll")).to_be_visible()
    expect(tablet.locator(".t-step-title")).to_have_text("ماذا تحب أكثر شيء؟")
    expect(tablet.locator(".t-choice-label").first).to_have_text("الموسيقى")
    tablet.locator(".t-choice-wrap").nth(1).locator(".t-speak").tap()
    said = last_spoken(tablet)
    assert (said["text"], said["voice"]) == ("الرقص", "ar-SA"), said
    tablet.locator(".t-head .t-speak").tap()                       # the step and its choices
    said = last_spoken(tablet)["text"]
    assert said.startswith("ماذا تحب أكثر شيء؟") and "الموسيقى." in said and "الطبيعة." in said
    expect(screen.locator("html")).to_have_attribute("lang", "nl")  # the screen stays Dutch
    expect(screen.locator("#screen")).to_contain_text("Wat vind jij het leukst?")
    tablet.locator(".t-choice").first.tap()
    expect(tablet.locator(".t-choice").first).to_have_attribute("aria-pressed", "true")
    # mirrored: the first choice sits on the right, the check mark at its top left
    first = tablet.locator(".t-choice").first.bounding_box()
    second = tablet.locator(".t-choice").nth(1).bounding_box()
    assert first["x"] > second["x"], (first, second)
    shoot(tablet, "poll-768x1024")
    tablet.set_viewport_size(LANDSCAPE)
    shoot(tablet, "poll-1024x768")
    tablet.set_viewport_size(PORTRAIT)

    # the cards: each card read aloud in Arabic
    next_kind(screen, "cards")
    expect(tablet.locator(".t-body.t-kind-cards")).to_be_visible()
    card = tablet.locator(".t-card").first
    title = card.locator(".t-card-title").inner_text()
    assert ARABIC.search(title)
    card.locator(".t-speak").tap()
    said = last_spoken(tablet)
    assert said["text"].startswith(title) and said["voice"] == "ar-SA", said
    shoot(tablet, "cards-768x1024")
    tablet.set_viewport_size(LANDSCAPE)
    shoot(tablet, "cards-1024x768")
    # a reload keeps Arabic (the choice is remembered for this tablet)
    tablet.reload()
    expect(tablet.locator(".t-body.t-kind-cards")).to_be_visible()
    expect(tablet.locator("html")).to_have_attribute("dir", "rtl")


def test_a_turkish_and_a_polish_child_in_one_workshop_the_screen_stays_dutch(server, pages):
    ids = seed(server)
    screen, code = open_screen(pages, server, ids["critical"])
    url = f"{server.url}/j/{code}"
    ayse = pages.tablet(locale="tr-TR")                      # follows the tablet's language
    join(ayse, url, 1, "Ayşe")
    expect(ayse.locator("html")).to_have_attribute("lang", "tr")
    # a Polish child on a tablet with no Polish voice
    kasia = pages.tablet(voices=["nl-NL", "en-GB"])
    kasia.goto(url)
    expect(kasia.locator(".t-new")).to_be_visible()
    kasia.locator(".t-top .t-lang").tap()
    kasia.locator(".t-sheet .t-lang-choice[data-lang=pl]").tap()
    expect(kasia.locator("html")).to_have_attribute("lang", "pl")
    expect(kasia.locator(".t-new")).to_contain_text(t(kasia, "new_here"))
    kasia.locator(".t-new").tap()
    kasia.locator(".t-avatar").nth(4).tap()
    kasia.locator("#t-name").fill("Kasia")
    finish_join(kasia)

    next_kind(screen, "vote")
    for tablet in (ayse, kasia):
        expect(tablet.locator(".t-vote-card").first).to_be_visible()
    expect(ayse.locator(".t-step-title")).not_to_have_text(
        kasia.locator(".t-step-title").inner_text())
    expect(screen.locator("html")).to_have_attribute("lang", "nl")
    idea = ayse.locator(".t-vote-card").first
    words = idea.locator(".t-vote-text").inner_text().strip()
    idea.locator(".t-speak").tap()
    said = last_spoken(ayse)
    assert said["text"].startswith(words) and said["voice"] == "tr-TR", said
    # Polish: no voice on this tablet, and it says so in Polish, beside the speaker too
    no_voice = "Ten tablet nie ma głosu dla tego języka."
    expect(kasia.locator(".t-head .t-speak-note")).to_have_text(no_voice)
    expect(kasia.locator(".t-head .t-speak")).to_have_class(re.compile("is-mute"))
    kasia.locator(".t-vote-card").first.locator(".t-speak").tap()
    expect(kasia.locator(".t-banner-text")).to_have_text(no_voice)
    assert spoken(kasia) == []

    next_kind(screen, "critical")                            # each question
    questions = ayse.locator(".t-q")
    expect(questions.first).to_be_visible()
    count = questions.count()
    assert count >= 3
    for n in range(count):
        label = questions.nth(n).locator(".t-q-text").inner_text().strip()
        questions.nth(n).locator(".t-speak").tap()
        said = last_spoken(ayse)
        assert said["voice"] == "tr-TR" and said["text"].startswith(label), said
    expect(kasia.locator(".t-q").first).to_be_visible()
    assert kasia.locator(".t-q-text").first.inner_text() != \
        ayse.locator(".t-q-text").first.inner_text()
    expect(screen.locator("html")).to_have_attribute("lang", "nl")


def test_an_empty_and_a_too_long_idea_get_words_in_the_childs_language(server, pages):
    ids = seed(server)
    screen, code = open_screen(pages, server, ids["dream"])
    tablet = pages.tablet(locale="pl-PL")
    join(tablet, f"{server.url}/j/{code}", 0, "Ola")
    next_kind(screen, "ideas")
    expect(tablet.locator(".t-body.t-kind-ideas")).to_be_visible()
    box = tablet.locator(".t-ideas textarea.t-input")
    tablet.locator(".t-ideas .t-send").tap()
    expect(tablet.locator(".t-say-text")).to_have_text(t(tablet, "text_empty"))
    assert t(tablet, "text_empty") != "Type something first."
    box.fill("x" * 270)
    expect(tablet.locator(".t-letters")).to_have_text(t(tablet, "letters_left").replace(
        "%(n)s", "10"))
    box.fill("Een heel lang idee " * 20)                     # 380 letters: not cut off
    assert len(box.input_value()) == 380
    too_long = t(tablet, "text_too_long").replace("%(maximum)s", "280")
    expect(tablet.locator(".t-letters")).to_have_text(too_long)
    tablet.locator(".t-ideas .t-send").tap()
    expect(tablet.locator(".t-say-text")).to_have_text(too_long)
    expect(box).to_have_value("Een heel lang idee " * 20)    # nothing sent, nothing lost
    # switching language keeps the typed words; the words of the refusal follow
    tablet.locator(".t-top .t-lang").tap()
    tablet.locator(".t-sheet .t-lang-choice[data-lang=en]").tap()
    expect(tablet.locator("html")).to_have_attribute("lang", "en")
    expect(tablet.locator(".t-ideas textarea.t-input")).to_have_value("Een heel lang idee " * 20)
    expect(tablet.locator(".t-letters")).to_have_text(
        "That is too long. Use at most 280 letters.")


def switch_to(tablet: Page, lang: str) -> None:
    tablet.locator(".t-top .t-lang").tap()
    tablet.locator(f".t-sheet .t-lang-choice[data-lang={lang}]").tap()
    expect(tablet.locator("html")).to_have_attribute("lang", lang)


@pytest.fixture
def small_server(tmp_path):
    """A server that reads messages of 1 MB at most (SOCKET_BUFFER_BYTES)."""
    with admin_server(tmp_path / "data", WORKSHOP_SOCKET_BUFFER_BYTES=str(1024 * 1024)) as srv:
        yield srv


def send_idea(tablet: Page, words: str) -> None:
    tablet.locator(".t-ideas textarea.t-input").fill(words)
    tablet.locator(".t-ideas .t-send").tap()


def test_the_servers_words_on_the_tablet_follow_a_language_switch(small_server, pages):
    """A refusal in the banner, the words for something too big to send (they came with the
    page) and the 'ask your teacher' screen (the `removed` event's words in every language)
    are said again in the language the child switches to."""
    server = small_server
    ids = seed(server)
    screen, code = open_screen(pages, server, ids["dream"])
    tablet = pages.tablet()
    join(tablet, f"{server.url}/j/{code}", 3, "Mila")
    next_kind(screen, "ideas")
    send_idea(tablet, "kut")
    banner = tablet.locator(".t-banner-text")
    dutch = t(tablet, "refusal_text_bad_word")
    assert dutch != "Please use kind words."
    expect(banner).to_have_text(dutch)
    switch_to(tablet, "en")
    expect(banner).to_have_text("Please use kind words.")
    switch_to(tablet, "tr")
    turkish = t(tablet, "refusal_text_bad_word")
    assert turkish not in (dutch, "Please use kind words.", "refusal_text_bad_word")
    expect(banner).to_have_text(turkish)

    # something that can never go (over the server's 1 MB) is given up with the words for it:
    # the page brought them in Dutch, the tablet says them in Turkish now
    page_words = tablet.evaluate("() => window.TABLET.limits.too_big")
    too_big = t(tablet, "refusal_image_too_big")
    assert too_big and too_big != page_words
    tablet.evaluate("""() => {
        const key = Object.keys(localStorage).find((k) => k.startsWith("outbox:"));
        const item = { client_id: "big-one", workshop_id: window.TABLET.workshop_id,
                       what: "idea", step_index: 2, created: Date.now(),
                       payload: { text: "x".repeat(1200 * 1024) } };
        localStorage.setItem(key, JSON.stringify([item]));
    }""")
    send_idea(tablet, "Een boomhut")              # the outbox goes: the big one first
    expect(banner).to_have_text(too_big)
    expect(tablet.locator(".t-mine-item.is-sent").filter(has_text="Een boomhut")).to_have_count(1)

    # the leader removes Mila's tablet: "ask your teacher", in Turkish, then in Polish
    screen.keyboard.press("m")
    row = screen.locator("#drawer .kid-row").filter(has_text="Mila")
    screen.once("dialog", lambda dialog: dialog.accept())
    row.locator(".m-btn.bad").click()
    lead = tablet.locator(".t-removed .t-lead")
    expect(lead).to_have_text(t(tablet, "refusal_removed"))   # the server's, in Turkish
    switch_to(tablet, "pl")
    expect(tablet.locator(".t-removed .t-h1")).to_have_text(t(tablet, "removed_title"))
    polish = t(tablet, "refusal_removed")
    assert polish not in (turkish, "refusal_removed")
    expect(lead).to_have_text(polish)
    switch_to(tablet, "ar")
    expect(lead).to_have_text(ARABIC)


# the boxes of each poll choice's words and of its speaker that overlap (none should)
WORDS_UNDER_SPEAKER = """() => [...document.querySelectorAll('.t-choice-wrap')].flatMap((w) => {
    const label = w.querySelector('.t-choice-label');
    const range = document.createRange();
    range.selectNodeContents(label);
    const a = range.getBoundingClientRect();
    const b = w.querySelector('.t-speak-mini').getBoundingClientRect();
    const apart = a.right <= b.left || b.right <= a.left || a.bottom <= b.top || b.bottom <= a.top;
    return apart ? [] : [label.textContent];
})"""


@pytest.mark.parametrize(("lang", "viewport"), [("tr", LANDSCAPE), ("ar", PORTRAIT),
                                                ("nl", PORTRAIT)])
def test_a_poll_choices_words_are_not_under_its_speaker(server, pages, lang, viewport):
    """The read-aloud button sits in a choice's corner; a long name ('Resim çizmek',
    'Yapmak ve inşa etmek', 'صنع الأفلام', 'Knutselen en bouwen') ran under it and was cut."""
    ids = seed(server)
    screen, code = open_screen(pages, server, ids["inspire"])
    tablet = pages.open(locale={"tr": "tr-TR", "ar": "ar", "nl": "nl-NL"}[lang],
                        voices=ALL_VOICES, viewport=viewport, has_touch=True)
    join(tablet, f"{server.url}/j/{code}", 3, "Deniz")
    expect(tablet.locator("html")).to_have_attribute("lang", lang)
    next_kind(screen, "poll")
    expect(tablet.locator(".t-choice-wrap .t-speak-mini")).to_have_count(8)
    shoot(tablet, f"poll-{lang}-{viewport['width']}x{viewport['height']}")
    assert tablet.evaluate(WORDS_UNDER_SPEAKER) == []
