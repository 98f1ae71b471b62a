"""Issue #12: every page asked for a /favicon.ico that did not exist."""

import io

from PIL import Image


def test_favicon_is_an_image_kept_for_a_week(client) -> None:
    response = client.get("/favicon.ico")
    assert response.status_code == 200
    assert response.mimetype.startswith("image/")
    assert "max-age=604800" in response.headers["Cache-Control"]
    image = Image.open(io.BytesIO(response.data))
    assert image.format == "ICO" and image.size[0] >= 16


def test_pages_link_the_icon(client) -> None:
    page = client.get("/setup").get_data(as_text=True)  # the first page of a new server
    assert '<link rel="icon" href="/favicon.ico"' in page
    svg = client.get("/static/favicon.svg")
    assert svg.status_code == 200 and svg.mimetype == "image/svg+xml"



def test_no_page_links_an_empty_stand_in_icon() -> None:
    """The classroom screen and the tablet have heads of their own: they link the icon too,
    not an empty `data:,` stand-in (the progress folder's page links none: it carries no
    address of this server)."""
    from pathlib import Path

    templates = Path(__file__).resolve().parents[2] / "templates"
    icons = {p.relative_to(templates).as_posix(): p.read_text() for p in templates.rglob("*.html")
             if 'rel="icon"' in p.read_text()}
    assert {"base.html", "screen.html", "tablet/app.html"} <= set(icons)
    for name, text in icons.items():
        assert 'href="data:,"' not in text, name
        assert "url_for('favicon')" in text, name
