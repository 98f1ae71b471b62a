"""Posters, idea cards and QR codes are rendered once per content and answered with an
ETag: the same poster asked twice renders once, a browser that has it gets 304, and a
change of what it shows (data, language, a picture gone) gives a new ETag."""

import threading
import time

import pytest

from workshop.media import cards, images, poster, qr
from workshop.media.rendered import RenderCache
from workshop.services import board
from workshop.store.models import Idea, Media

from .test_public import follow_up_story, login, photo_bytes, ship


@pytest.fixture
def counted(monkeypatch):
    """How often each kind of picture was really drawn."""
    counts = {"poster": 0, "card": 0, "qr": 0}

    def counting(name, work):
        def wrapper(*args, **kwargs):
            counts[name] += 1
            return work(*args, **kwargs)
        return wrapper

    monkeypatch.setattr(poster, "poster_png", counting("poster", poster.poster_png))
    monkeypatch.setattr(poster, "poster_pdf", counting("poster", poster.poster_pdf))
    monkeypatch.setattr(cards, "idea_card_png", counting("card", cards.idea_card_png))
    monkeypatch.setattr(qr, "qr_png", counting("qr", qr.qr_png))
    import workshop.web.files as files
    import workshop.web.public as public
    import workshop.web.rendered as rendered

    monkeypatch.setattr(public, "poster_png", poster.poster_png)
    monkeypatch.setattr(public, "poster_pdf", poster.poster_pdf)
    monkeypatch.setattr(files, "idea_card_png", cards.idea_card_png)
    monkeypatch.setattr(rendered, "qr_png", qr.qr_png)
    return counts


def test_the_same_poster_twice_renders_once(hood, app, counted):
    _items, token = ship(hood)
    client = app.test_client()
    first = client.get(f"/p/{token}/poster.png")
    second = client.get(f"/p/{token}/poster.png")
    assert first.status_code == second.status_code == 200
    assert first.data == second.data and first.data.startswith(b"\x89PNG")
    assert counted["poster"] == 1
    assert first.headers["ETag"] == second.headers["ETag"]
    assert first.headers["Cache-Control"] == "no-cache"
    client.get(f"/p/{token}/poster.pdf")
    client.get(f"/p/{token}/poster.pdf")
    assert counted["poster"] == 2  # the PDF is another picture, also made once


def test_a_browser_that_has_the_poster_gets_304_without_a_render(hood, app, counted):
    _items, token = ship(hood)
    client = app.test_client()
    etag = client.get(f"/p/{token}/poster.png").headers["ETag"]
    app.extensions["render_cache"].clear()  # even when the server no longer keeps it
    again = client.get(f"/p/{token}/poster.png", headers={"If-None-Match": etag})
    assert again.status_code == 304 and again.data == b""
    assert again.headers["ETag"] == etag
    assert counted["poster"] == 1
    weak = client.get(f"/p/{token}/poster.png", headers={"If-None-Match": f"W/{etag}, \"x\""})
    assert weak.status_code == 304
    other = client.get(f"/p/{token}/poster.png", headers={"If-None-Match": '"something"'})
    assert other.status_code == 200 and other.headers["ETag"] == etag


def test_a_change_of_what_the_poster_shows_gives_a_new_etag(hood, app, counted):
    items, token = ship(hood)
    client = app.test_client()
    before = client.get(f"/p/{token}/poster.png").headers["ETag"]
    english = client.get(f"/p/{token}/poster.png?lang=en").headers["ETag"]
    assert english != before and counted["poster"] == 2
    with hood.db.begin() as dbs:
        board.move(dbs, hood.advisor, items[0], "selected")
    after = client.get(f"/p/{token}/poster.png", headers={"If-None-Match": before})
    assert after.status_code == 200 and after.headers["ETag"] != before
    assert counted["poster"] == 3


def test_news_that_the_poster_does_not_show_keeps_its_etag(hood, app, counted):
    items, token = ship(hood)
    client = app.test_client()
    follow_up_story(hood, items)  # selected, adopted, an update with a photo, not now
    etag = client.get(f"/p/{token}/poster.png").headers["ETag"]
    from workshop.services import follow_up

    with hood.db.begin() as dbs:
        follow_up.post_update(dbs, hood.library_user, items[0], "Nog meer nieuws", None,
                              hood.media)
    assert client.get(f"/p/{token}/poster.png").headers["ETag"] == etag
    assert counted["poster"] == 1


def test_a_picture_gone_from_disk_gives_a_new_poster(hood, app, counted):
    media = app.config["MEDIA_DIR"]
    with hood.db.begin() as dbs:
        stored = images.store(photo_bytes(), "photo", media)
        picture = Media(kind="photo", filename=stored.filename, width=stored.width,
                        height=stored.height)
        dbs.add(picture)
        dbs.flush()
        dbs.get(Idea, hood.ideas[0]).photo_id = picture.id
        dbs.commit()
    _items, token = ship(hood)
    client = app.test_client()
    etag = client.get(f"/p/{token}/poster.png").headers["ETag"]
    (media / stored.filename).unlink()
    assert client.get(f"/p/{token}/poster.png").headers["ETag"] != etag
    assert counted["poster"] == 2


def test_idea_cards_and_qr_codes_are_kept_and_answer_304(hood, app, counted):
    _items, token = ship(hood)
    client = app.test_client()
    login(client)
    url = f"/series/{hood.series_id}/ideas/{hood.ideas[0]}/card.png"
    first = client.get(url)
    assert first.status_code == 200 and first.mimetype == "image/png"
    assert client.get(url).data == first.data and counted["card"] == 1
    assert client.get(url, headers={"If-None-Match": first.headers["ETag"]}).status_code == 304
    assert "private" in first.headers["Cache-Control"]
    other = client.get(f"/series/{hood.series_id}/ideas/{hood.ideas[1]}/card.png")
    assert other.headers["ETag"] != first.headers["ETag"] and counted["card"] == 2
    for path in (f"/p/{token}/qr.png", "/j/ABCD23/qr.png"):
        qr_first = client.get(path)
        assert qr_first.status_code == 200 and qr_first.mimetype == "image/png"
        again = client.get(path, headers={"If-None-Match": qr_first.headers["ETag"]})
        assert again.status_code == 304
        assert client.get(path).data == qr_first.data
    assert counted["qr"] == 2


def test_the_progress_folder_uses_the_kept_poster(hood, app, counted):
    _items, token = ship(hood)
    client = app.test_client()
    client.get(f"/p/{token}/poster.png")
    assert client.get(f"/p/{token}/folder.zip").status_code == 200
    assert counted["poster"] == 1


def test_many_asking_for_one_key_at_once_get_one_render():
    cache, calls, gate = RenderCache(), [], threading.Event()

    def slow(n):
        calls.append(n)
        gate.wait(5)
        return b"picture"

    answers = []
    threads = [threading.Thread(target=lambda: answers.append(cache.render("k", slow, 1)))
               for _ in range(8)]
    for thread in threads:
        thread.start()
    time.sleep(0.2)
    gate.set()
    for thread in threads:
        thread.join(5)
    assert answers == [b"picture"] * 8 and calls == [1] and cache.renders == 1
    assert not cache._making  # nothing left behind


def test_the_cache_stays_within_its_bounds():
    cache = RenderCache(most=3, most_bytes=30)
    for n in range(5):
        cache.render(f"k{n}", lambda n=n: bytes(10 + n))
    assert len(cache) <= 3 and sum(len(cache.get(k) or b"") for k in ("k3", "k4")) == 27
    assert cache.get("k0") is None and cache.get("k4") is not None
    cache.render("huge", lambda: bytes(100))
    assert cache.get("huge") is None  # bigger than the whole cache: given, not kept


def test_a_failed_render_is_not_kept_and_can_be_tried_again():
    cache = RenderCache()

    def broken():
        raise OSError("disk gone")

    with pytest.raises(OSError):
        cache.render("k", broken)
    assert cache.get("k") is None and not cache._making
    assert cache.render("k", lambda: b"ok") == b"ok"
