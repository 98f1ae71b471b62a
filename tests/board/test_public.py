"""Telling the children: shipping from the series page, the public progress page, poster,
QR code, spotlight and the children's feedback poll."""

import io

import pytest
import zxingcpp
from PIL import Image
from sqlalchemy import func, select

from workshop.services import board, follow_up, progress
from workshop.store.board_models import BoardIdea, Feedback

PUBLIC = "http://127.0.0.1:5000"
REASON = "Er is nog geen ruimte. Volgend jaar weer!"


def login(client):
    client.post("/login", data={"username": "juf", "password": "geheim-123"})


def ship_form(client, hood, names=False):
    data = {"network_id": str(hood.network_id)}
    if names:
        data["show_first_names"] = "1"
    return client.post(f"/series/{hood.series_id}/ship", data=data, follow_redirects=True)


def ship(hood, names=False):
    """Ship the shortlist with the services; the ids on the board and the progress token."""
    with hood.db.begin() as dbs:
        board.ship(dbs, hood.leader, hood.series_id, hood.network_id, show_first_names=names)
        token = progress.progress_link(dbs, hood.leader, hood.series_id)
        items = [i.id for i in dbs.scalars(select(BoardIdea).order_by(BoardIdea.id))]
    return items, token


def photo_bytes(colour="green"):
    out = io.BytesIO()
    Image.new("RGB", (640, 480), colour).save(out, "JPEG")
    return out.getvalue()


def follow_up_story(hood, items):
    """The first idea is chosen, adopted and has news; the second is not for now."""
    with hood.db.begin() as dbs:
        board.move(dbs, hood.advisor, items[0], "selected")
        board.adopt(dbs, hood.library_user, items[0], hood.library_id)
        follow_up.post_update(dbs, hood.library_user, items[0], "We hebben een plek gevonden!",
                              photo_bytes(), hood.media)
        board.move(dbs, hood.advisor, items[1], "not_now", REASON)


def page(client, url, status=200):
    response = client.get(url)
    assert response.status_code == status, response.status_code
    return response.get_data(as_text=True)


def test_shipping_through_the_series_page_once(hood, client):
    login(client)
    before = page(client, f"/series/{hood.series_id}?lang=en")
    assert "Ship to the network" in before and "Rivierenbuurt" in before
    assert "Ship 2 ideas" in before and "badge shipped" not in before
    assert 'name="show_first_names"' in before and "checked" not in before.split(
        'name="show_first_names"')[1].split(">")[0]  # names stay in the classroom by default
    first = ship_form(client, hood).get_data(as_text=True)
    assert "Shipped to the board: 2. Already on the board: 0." in first
    assert first.count("badge shipped") == 2
    assert f"{PUBLIC}/p/" in first and "poster.pdf" in first and "/spotlight" in first
    again = ship_form(client, hood).get_data(as_text=True)
    assert "Shipped to the board: 0. Already on the board: 2." in again
    assert "2 ideas are on the board already." in again
    with hood.db.begin() as dbs:
        assert dbs.scalar(select(func.count(BoardIdea.id))) == 2
        assert all(i.origin["first_name"] is None for i in dbs.scalars(select(BoardIdea)))


def test_shipping_needs_a_real_network_and_the_groups_leader(hood, client):
    login(client)
    page_text = client.post(f"/series/{hood.series_id}/ship?lang=en",
                            data={"network_id": "999"}, follow_redirects=True
                            ).get_data(as_text=True)
    assert "That was not found." in page_text
    client.post("/logout")
    client.post("/login", data={"username": "bieb", "password": "geheim-123"})
    assert client.post(f"/series/{hood.series_id}/ship",
                       data={"network_id": str(hood.network_id)}).status_code == 403
    with hood.db.begin() as dbs:
        assert dbs.scalar(select(func.count(BoardIdea.id))) == 0


def test_progress_page_in_words_for_children_without_names(hood, app):
    items, token = ship(hood)
    follow_up_story(hood, items)
    client = app.test_client()
    dutch = page(client, f"/p/{token}")
    assert 'lang="nl"' in dutch
    text = page(client, f"/p/{token}?lang=en")
    assert "What became of our ideas?" in text and "Groep 6B" in text and "De Regenboog" in text
    assert "Bibliotheek will make it happen" in text and 'aria-current="step"' in text
    assert "Not now, because" in text and REASON in text
    assert "We hebben een plek gevonden!" in text and "/media/photo-" in text
    assert "Een brug voor insecten" in text and "Snoepmuseum" in text
    assert "Robotles" not in text  # not on the shortlist, never shipped
    assert "Sam" not in text
    assert "noindex" in client.get(f"/p/{token}").headers["X-Robots-Tag"]


def test_first_names_show_when_the_leader_allowed_them(hood, app):
    _items, token = ship(hood, names=True)
    text = page(app.test_client(), f"/p/{token}?lang=en")
    assert "Idea of Sam" in text


def test_a_guessed_link_finds_a_friendly_nothing(hood, app):
    _items, token = ship(hood)
    client = app.test_client()
    guess = token[:-1] + ("x" if token[-1] != "x" else "y")
    for url in (f"/p/{guess}", "/p/abc", f"/p/{guess}/spotlight"):
        assert "🔍" in page(client, url + "?lang=en", 404)
    for url in (f"/p/{guess}/poster.png", f"/p/{guess}/poster.pdf", f"/p/{guess}/qr.png"):
        assert client.get(url).status_code == 404


def test_poster_and_qr_code_lead_to_the_progress_page(hood, app):
    items, token = ship(hood)
    follow_up_story(hood, items)
    client = app.test_client()
    url = f"{PUBLIC}/p/{token}"
    png = client.get(f"/p/{token}/poster.png?lang=en")
    assert png.mimetype == "image/png"
    poster = Image.open(io.BytesIO(png.data))
    assert poster.size == (2480, 3508)
    assert [r.text for r in zxingcpp.read_barcodes(poster)] == [url]
    pdf = client.get(f"/p/{token}/poster.pdf")
    assert pdf.mimetype == "application/pdf" and pdf.data.startswith(b"%PDF")
    qr = Image.open(io.BytesIO(client.get(f"/p/{token}/qr.png").data))
    assert [r.text for r in zxingcpp.read_barcodes(qr)] == [url]


def test_poster_with_many_ideas_and_long_words(hood, app):
    from workshop.media.poster import poster_png

    long = "Een heel erg lang idee over een theater op het dak van de school " * 3
    data = {"group": {"name": "Groep 6B", "school": "De Regenboog"},
            "ideas": [{"title": long[:80], "stage": stage, "status_label": long,
                       "picture": None} for stage in ("new", "running", "not_now") * 4]}
    out = poster_png(data, f"{PUBLIC}/p/{'x' * 24}", hood.media, {"title": "What became?",
                                                                    "more": "+ %(n)s more"})
    image = Image.open(io.BytesIO(out))
    assert image.size == (2480, 3508)
    assert [r.text for r in zxingcpp.read_barcodes(image)] == [f"{PUBLIC}/p/{'x' * 24}"]


def test_spotlight_shows_each_idea_with_what_became_of_it(hood, app):
    items, token = ship(hood)
    follow_up_story(hood, items)
    text = page(app.test_client(), f"/p/{token}/spotlight?lang=en")
    assert text.count('class="slide stage-') == 2 and "spotlight.js" in text
    assert "Bibliotheek will make it happen" in text and REASON in text
    assert "We hebben een plek gevonden!" in text and "Sam" not in text


def test_an_update_with_a_script_shows_as_text(hood, app):
    items, token = ship(hood)
    with hood.db.begin() as dbs:
        board.move(dbs, hood.advisor, items[0], "selected")
        board.adopt(dbs, hood.library_user, items[0], hood.library_id)
        follow_up.post_update(dbs, hood.library_user, items[0],
                              '<script>alert("hi")</script> Wij gaan bouwen!', None, hood.media)
    for url in (f"/p/{token}", f"/p/{token}/spotlight"):
        text = page(app.test_client(), url)
        assert '<script>alert("hi")</script>' not in text
        assert "&lt;script&gt;alert(&#34;hi&#34;)&lt;/script&gt; Wij gaan bouwen!" in text


@pytest.fixture
def poll(hood):
    items, _token = ship(hood)
    with hood.db.begin() as dbs:
        board.move(dbs, hood.advisor, items[0], "selected")
        board.adopt(dbs, hood.library_user, items[0], hood.library_id)
        code = follow_up.open_feedback(dbs, hood.library_user, items[0])["code"]
    return code, items[0]


def feedback_count(hood):
    with hood.db.begin() as dbs:
        return dbs.scalar(select(func.count(Feedback.id)))


def test_feedback_page_and_a_double_tap_stored_once(hood, app, poll):
    code, item = poll
    client = app.test_client()
    text = page(client, f"/f/{code}?lang=en")
    assert "How did you like it?" in text and "Een brug voor insecten" in text
    for icon in ("😄", "🙂", "😐", "🙁"):
        assert icon in text
    answer = {"client_id": "phone-abc-123", "face": "great", "text": "De insecten!"}
    for _ in range(3):  # a double tap and a retry after lost Wi-Fi
        reply = client.post(f"/f/{code}", json=answer)
        assert reply.status_code == 200 and reply.get_json() == {"ok": True}
    assert feedback_count(hood) == 1
    with hood.db.begin() as dbs:
        assert follow_up.feedback_results(dbs, item)["words"] == ["De insecten!"]
    # without JavaScript the plain form works too
    form = client.post(f"/f/{code}", data={"client_id": "form-0000-1111", "face": "okay"})
    assert form.status_code == 200 and "Thank you!" in form.get_data(as_text=True)
    assert feedback_count(hood) == 2


def test_feedback_refusals_in_child_words(hood, app, poll):
    code, item = poll
    client = app.test_client()
    client.get("/f?lang=en")
    bad = client.post(f"/f/{code}", json={"client_id": "phone-abc-124", "face": "meh"})
    assert bad.status_code == 400 and bad.get_json()["error"] == "unknown_choice"
    assert bad.get_json()["message"] == "That choice is not here any more."
    no_id = client.post(f"/f/{code}", json={"client_id": "", "face": "good"})
    assert no_id.get_json()["error"] == "bad_request"
    no_face = client.post(f"/f/{code}", data={"client_id": "form-0000-2222", "text": "Leuk"})
    assert no_face.status_code == 400 and "Tap a face first." in no_face.get_data(as_text=True)
    rude = client.post(f"/f/{code}", data={"client_id": "form-0000-3333", "face": "good",
                                           "text": "shit"})
    assert rude.status_code == 400 and "Please use kind words." in rude.get_data(as_text=True)
    assert 'value="form-0000-3333"' in rude.get_data(as_text=True)  # a retry keeps its id
    assert feedback_count(hood) == 0
    wrong = client.get("/f/ZZZZZZ")
    assert wrong.status_code == 404
    assert "Check the code you got." in wrong.get_data(as_text=True)
    with hood.db.begin() as dbs:
        follow_up.close_feedback(dbs, hood.library_user, item)
    closed = client.get(f"/f/{code}")
    assert closed.status_code == 410
    assert "This feedback round is closed. Thank you!" in closed.get_data(as_text=True)
    late = client.post(f"/f/{code}", json={"client_id": "phone-abc-125", "face": "good"})
    assert late.status_code == 400 and late.get_json()["error"] == "poll_closed"
    assert feedback_count(hood) == 0
