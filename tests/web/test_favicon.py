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
