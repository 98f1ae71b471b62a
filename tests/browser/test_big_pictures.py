"""Pictures too big to send, in a real browser against a server that reads at most 1 MB
per message (WORKSHOP_SOCKET_BUFFER_BYTES), so a school tablet's photo is too big for it.

The tablet shrinks a camera photo to the server's sides and size before sending; an item
in the outbox that can never be sent is given up with the server's words for a child, and
the items behind it go on."""

from __future__ import annotations

import io
import json
import os

import pytest
from PIL import Image
from playwright.sync_api import expect

from ..servers import admin_server
from .test_workshop_flow import (
    go_to_ideas,
    ideas_in_db,
    join,
    my_idea,
    read_join_qr,
    send_idea,
    start_dream_workshop,
    type_idea,
)

pytestmark = pytest.mark.browser
TOO_BIG = "Dat plaatje is te groot. Probeer een kleiner plaatje."
BUFFER = 1024 * 1024


@pytest.fixture
def small_server(tmp_path):
    with admin_server(tmp_path / "data", WORKSHOP_SOCKET_BUFFER_BYTES=str(BUFFER)) as srv:
        yield srv


def camera_photo() -> bytes:
    """A 3000x2000 photo full of detail (noise), about 8 MB as a camera saves it."""
    image = Image.frombytes("RGB", (3000, 2000), os.urandom(3000 * 2000 * 3))
    out = io.BytesIO()
    image.save(out, "JPEG", quality=95)
    return out.getvalue()


def test_a_camera_photo_is_shrunk_and_arrives(small_server, pages):
    screen = pages.screen()
    start_dream_workshop(screen, small_server, "Groep 5", "Najaar")
    url = read_join_qr(screen)
    tablet = pages.tablet()
    join(tablet, url, 0, "Sam")
    go_to_ideas(screen)
    photo = camera_photo()
    assert len(photo) > 4 * BUFFER
    type_idea(tablet, "Een foto van onze hut")
    tablet.locator(".t-ideas input.t-file").set_input_files(files=[{
        "name": "hut.jpg", "mimeType": "image/jpeg", "buffer": photo}])
    expect(tablet.locator(".t-photo-shown img.t-photo-preview")).to_be_visible()
    sent = tablet.locator(".t-photo-preview").evaluate("(i) => i.src.length")
    assert sent < BUFFER / 2  # shrunk to fit beside a drawing in one message
    send_idea(tablet)
    expect(my_idea(tablet, "Een foto van onze hut").locator(".t-status.is-sent")).to_be_visible()
    stored = next((small_server.data_dir / "media").glob("photo-*.jpg"))
    with Image.open(stored) as image:
        assert max(image.size) <= 1600


def test_an_item_that_can_never_go_is_given_up_and_the_next_one_goes(small_server, pages):
    screen = pages.screen()
    start_dream_workshop(screen, small_server, "Groep 6", "Najaar")
    url = read_join_qr(screen)
    tablet = pages.tablet()
    join(tablet, url, 1, "Noor")
    go_to_ideas(screen)
    type_idea(tablet, "Eerst een gewoon idee")
    send_idea(tablet)
    expect(my_idea(tablet, "Eerst een gewoon idee").locator(".t-status.is-sent")).to_be_visible()
    # An old tablet left a picture in its outbox that is too big for this server, with an
    # idea behind it (it is put there directly, as no tablet of today makes one).
    tablet.evaluate("""(args) => {
        const key = Object.keys(localStorage).find((k) => k.startsWith("outbox:"));
        const item = (id, payload) => ({ client_id: id, workshop_id: window.TABLET.workshop_id,
            what: "idea", step_index: args.step, payload: payload, created: Date.now() });
        localStorage.setItem(key, JSON.stringify([
            item("stuck-picture-0001", { text: "Met een hele grote foto",
                 photo: "data:image/jpeg;base64," + "A".repeat(args.chars) }),
            item("after-it-000000001", { text: "Dit idee wacht erachter" }),
        ]));
    }""", {"step": 2, "chars": BUFFER + 100_000})
    tablet.reload()
    expect(tablet.locator(".t-banner-text")).to_have_text(TOO_BIG)
    expect(my_idea(tablet, "Dit idee wacht erachter").locator(".t-status.is-sent")).to_be_visible()
    assert ideas_in_db(small_server, "Dit idee wacht erachter") == 1
    assert ideas_in_db(small_server, "Met een hele grote foto") == 0
    # the words are back in the box to send again; the picture is not
    expect(tablet.locator(".t-ideas textarea.t-input")).to_have_value("Met een hele grote foto")
    expect(tablet.locator(".t-photo-shown")).to_be_hidden()
    left = tablet.evaluate("""() => Object.keys(localStorage).filter((k) =>
        k.startsWith("outbox:")).map((k) => localStorage.getItem(k))""")
    assert all(json.loads(items) == [] for items in left)
