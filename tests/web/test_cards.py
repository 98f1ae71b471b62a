"""Printable idea cards: a PNG of the right size that never crashes on odd input."""

from __future__ import annotations

import io
from pathlib import Path

from PIL import Image, ImageChops, ImageDraw

from workshop.media import cards
from workshop.media.cards import HEIGHT, WIDTH, idea_card_png

LABELS = {"votes": "stemmen", "shortlisted": "Op de shortlist", "workshop": "Workshop 2"}


def make_idea(**changes: object) -> dict:
    """An idea as the services hand it over, with `changes` applied."""
    idea = {
        "id": 12, "type": "idea", "text": "Een museum vol snoep waar je zelf snoep maakt",
        "title": "Snoepmuseum", "category": "food",
        "category_label": {"icon": "🍳", "label": {"nl": "Eten", "en": "Food"}},
        "drawing": None, "photo": None, "score": 7, "shortlisted": True,
        "workshop_position": 2, "author": {"id": 3, "name": "Snelle Vos", "avatar": "🦊"},
        "critical": [{"question": "for_whom", "text": "voor kinderen",
                      "label": {"icon": "👧", "label": {"nl": "Voor wie?", "en": "For whom?"}}}],
    }
    idea.update(changes)
    return idea


def render(idea: dict, media_dir: Path) -> Image.Image:
    """Render a card and open it again with Pillow."""
    data = idea_card_png(idea, "Groep 7B", media_dir, LABELS)
    assert data.startswith(b"\x89PNG\r\n\x1a\n")
    image = Image.open(io.BytesIO(data))
    image.load()
    return image


def test_card_is_a_png_of_the_expected_size(tmp_path: Path) -> None:
    image = render(make_idea(), tmp_path)
    assert image.format == "PNG"
    assert image.size == (WIDTH, HEIGHT) == (1600, 1131)


def test_drawing_is_on_the_card(tmp_path: Path) -> None:
    drawing = Image.new("RGBA", (400, 300), (0, 0, 0, 0))
    ImageDraw.Draw(drawing).ellipse((50, 50, 350, 250), fill="red")
    drawing.save(tmp_path / "drawing-AbCdEfGhIjKlMnOp.png")
    plain = render(make_idea(), tmp_path).convert("RGB")
    drawn = render(make_idea(drawing="/media/drawing-AbCdEfGhIjKlMnOp.png"), tmp_path)
    assert ImageChops.difference(plain, drawn.convert("RGB")).getbbox() is not None
    right = drawn.convert("RGB").crop((WIDTH * 2 // 3, 0, WIDTH, HEIGHT))
    colours = dict((rgb, n) for n, rgb in right.getcolors(maxcolors=WIDTH * HEIGHT))
    assert colours.get((255, 0, 0), 0) > 10_000  # the red ellipse, on the right side


def test_missing_or_broken_pictures_are_left_out(tmp_path: Path) -> None:
    (tmp_path / "photo-broken.jpg").write_bytes(b"not a picture")
    idea = make_idea(drawing="/media/drawing-gone.png", photo="/media/photo-broken.jpg")
    assert render(idea, tmp_path).size == (WIDTH, HEIGHT)
    assert render(idea, tmp_path / "no-such-folder").size == (WIDTH, HEIGHT)


def test_picture_url_cannot_leave_the_media_folder(tmp_path: Path) -> None:
    media = tmp_path / "media"
    media.mkdir()
    Image.new("RGB", (200, 200), "red").save(tmp_path / "secret.png")
    with_escape = render(make_idea(drawing="/media/../secret.png"), media)
    without = render(make_idea(), media)
    assert ImageChops.difference(with_escape, without).getbbox() is None


def test_very_long_text_and_html_render(tmp_path: Path) -> None:
    long_words = render(make_idea(text="snoep " * 333 + "x", title=""), tmp_path)
    one_word = render(make_idea(text="a" * 2000, title=""), tmp_path)
    html = render(make_idea(text="<script>alert(1)</script>", title="<b>x</b>"), tmp_path)
    for image in (long_words, one_word, html):
        assert image.size == (WIDTH, HEIGHT)


def test_sparse_idea_renders(tmp_path: Path) -> None:
    idea = {"id": 1, "text": "", "title": "", "category_label": None, "author": None,
            "critical": [], "score": 0, "shortlisted": False}
    assert render(idea, tmp_path).size == (WIDTH, HEIGHT)


def test_childs_name_is_not_needed(tmp_path: Path) -> None:
    named = render(make_idea(), tmp_path)
    anonymous = render(make_idea(author=None), tmp_path)
    assert ImageChops.difference(named, anonymous).getbbox() is None


def test_without_dejavu_the_default_font_is_used(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.setattr(cards, "FONT_DIR", tmp_path / "no-fonts")
    cards._font.cache_clear()
    try:
        assert render(make_idea(text="x " * 500), tmp_path).size == (WIDTH, HEIGHT)
    finally:
        cards._font.cache_clear()


def _inside(inner: tuple, outer: tuple) -> bool:
    return (inner[0] >= outer[0] and inner[1] >= outer[1] and inner[2] <= outer[2]
            and inner[3] <= outer[3])


def _overlap(a: tuple, b: tuple) -> bool:
    return a[0] < b[2] and b[0] < a[2] and a[1] < b[3] and b[1] < a[3]


def _question(key: str, label: str, text: str) -> dict:
    return {"question": key, "text": text, "label": {"icon": "?", "label": {"nl": label}}}


LONG_TITLE = "Een gratis speeltuin met een klimrek, een glijbaan en een waterpomp voor iedereen"
LONG_CRITICAL = [
    _question("cost", "Kost het geld, en wie gaat dat dan allemaal betalen als de gemeente "
                      "niet wil helpen met de speeltuin?", "Ja, het is gratis"),
    _question("for_whom", "Voor wie is het?", "Voor alle kinderen uit de buurt, van groep 1 "
                                              "tot en met groep 8, en ook voor hun ouders"),
    _question("who", "Wie kan helpen?", "De gemeente en de buurtvereniging"),
    _question("who", "Wie kan helpen?", "Mijn oom is timmerman en bouwt het klimrek"),
    _question("when", "Wanneer kan het klaar zijn?", "Voor de zomervakantie " * 6),
]


def test_long_title_and_critical_answers_wrap_beside_the_photo(tmp_path: Path) -> None:
    """Issue #12: a long critical question ran over the photo and its answer ("Ja, het is
    gratis") was missing; the title was cut with an ellipsis though there was room."""
    idea = make_idea(title=LONG_TITLE, critical=LONG_CRITICAL, text="Een speeltuin " * 12)
    plan = cards.layout(idea, "Groep 7B", LABELS, pictures=1)
    assert plan.pictures is not None
    card = (0, 0, WIDTH, HEIGHT)
    assert _inside(plan.pictures, card)
    for block in plan.blocks:
        assert _inside(block.box, card), block
        if block.kind not in ("title", "category", "footer", "star"):
            assert not _overlap(block.box, plan.pictures), block
    body = [b for b in plan.blocks if b.kind not in ("title", "category", "footer", "star")]
    for a, b in zip(body, body[1:], strict=False):
        assert not _overlap(a.box, b.box), (a, b)
    assert " ".join(plan.lines("title")) == LONG_TITLE
    assert "…" not in "".join(plan.lines())
    answers = " ".join(plan.lines("answer"))
    questions = " ".join(plan.lines("question"))
    for answer in LONG_CRITICAL:
        assert " ".join(answer["text"].split()) in answers
        assert answer["label"]["label"]["nl"] in questions
    assert questions.count("Wie kan helpen?") == 1  # two answers under one question
    assert max(b.box[2] for b in body) <= plan.pictures[0]


def test_the_drawn_card_leaves_the_gap_beside_the_photo_white(tmp_path: Path) -> None:
    Image.new("RGB", (1200, 900), "blue").save(tmp_path / "photo-AbCdEfGhIjKlMnOp.jpg")
    idea = make_idea(title=LONG_TITLE, critical=LONG_CRITICAL,
                     photo="/media/photo-AbCdEfGhIjKlMnOp.jpg")
    plan = cards.layout(idea, "Groep 7B", LABELS, pictures=1)
    image = render(idea, tmp_path).convert("RGB")
    left, top, _right, bottom = plan.pictures
    gap = image.crop((left - cards.GAP + 4, top, left - 2, bottom))
    assert gap.getcolors() == [(gap.width * gap.height, (255, 255, 255))]


def test_hidden_critical_answers_are_not_printed() -> None:
    hidden = dict(_question("cost", "Kost het geld?", "een geheim"), visibility="hidden")
    plan = cards.layout(make_idea(critical=[hidden]), "Groep 7B", LABELS)
    assert "een geheim" not in " ".join(plan.lines())


def test_far_too_much_text_stays_on_the_card() -> None:
    many = [_question(f"q{n}", f"Vraag {n}, een lange vraag om te zien wat er gebeurt?",
                      "Een antwoord dat heel lang is en over veel regels loopt " * 4)
            for n in range(8)]
    plan = cards.layout(make_idea(critical=many, text="woord " * 200), "Groep 7B", LABELS, 2)
    for block in plan.blocks:
        assert _inside(block.box, (0, 0, WIDTH, HEIGHT - cards.FOOTER_H)) or \
            block.kind in ("footer", "star"), block
