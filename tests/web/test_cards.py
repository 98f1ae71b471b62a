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
