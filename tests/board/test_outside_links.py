"""Links for people outside the classroom: the address they carry, the warning beside them
when it works only here, the progress page on a linked network server, and the progress
page as a folder (.zip) for the school website."""

import io
import re
import shutil
import zipfile
from urllib.parse import urlsplit

import pytest
import zxingcpp
from PIL import Image
from sqlalchemy import select

from workshop.services import board, follow_up
from workshop.store.board_models import BoardIdea, ProgressUpdate
from workshop.store.models import Group

from .test_public import follow_up_story, ship

LAN = "http://192.168.1.23:5000"
HOSTED = "https://workshops.example.nl"
REMOTE = "https://netwerk.example.nl/p/Abcdefghijklmnopqrstuvwx"
WARNING = 'class="link-warning'


def as_user(app, username, public_url):
    app.config["PUBLIC_URL"] = public_url
    client = app.test_client()
    response = client.post("/login", data={"username": username, "password": "geheim-123"})
    assert response.status_code == 302
    return client


def text_of(response, status=200):
    assert response.status_code == status, response.status_code
    return response.get_data(as_text=True)


def decoded(png: bytes) -> list[str]:
    return [r.text for r in zxingcpp.read_barcodes(Image.open(io.BytesIO(png)))]


def warning(page: str) -> str:
    """The text of the first warning on the page ('' without one)."""
    found = re.search(r'<div class="link-warning.*?</div>', page, re.S)
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", found.group(0))) if found else ""


# --- the warning beside each outside link ---

def test_series_page_warns_when_the_progress_link_works_only_on_this_wifi(hood, app):
    _items, token = ship(hood)
    leader = as_user(app, "juf", LAN)
    page = text_of(leader.get(f"/series/{hood.series_id}?lang=en"))
    assert f'value="{LAN}/p/{token}"' in page and f'href="{LAN}/p/{token}"' in page
    said = warning(page)
    assert "Only works on this Wi-Fi" in said and "192.168.1.23" in said
    assert "Parents at home" in said and "poster" in said
    assert "network server" in said and "WORKSHOP_PUBLIC_URL" in said  # the leader reads it
    dutch = warning(text_of(leader.get(f"/series/{hood.series_id}?lang=nl")))
    assert "Werkt alleen op dit wifi-netwerk" in dutch and "WORKSHOP_PUBLIC_URL" in dutch


def test_no_warning_with_a_public_address(hood, app):
    items, token = ship(hood)
    with hood.db.begin() as dbs:
        code = follow_up.open_feedback(dbs, hood.advisor, items[0])["code"]
    leader = as_user(app, "juf", HOSTED)
    page = text_of(leader.get(f"/series/{hood.series_id}?lang=en"))
    assert f'value="{HOSTED}/p/{token}"' in page and WARNING not in page
    assert decoded(leader.get(f"/p/{token}/qr.png").data) == [f"{HOSTED}/p/{token}"]
    advisor = as_user(app, "adviseur", HOSTED + "/")
    invited = text_of(advisor.post(f"/networks/{hood.network_id}/invite",
                                   data={"role": "partner", "partner_id": str(hood.theatre_id)}))
    assert f"{HOSTED}/invite/" in invited and WARNING not in invited
    present = text_of(advisor.get(f"/networks/{hood.network_id}/present"))
    assert f"workshops.example.nl/networks/{hood.network_id}/respond" in present
    assert WARNING not in present
    idea = text_of(advisor.get(f"/board/ideas/{items[0]}"))
    assert f"{HOSTED}/f/{code}" in idea and WARNING not in idea


def test_invitation_present_mode_and_feedback_warn_on_a_lan_address(hood, app):
    items, _token = ship(hood)
    with hood.db.begin() as dbs:
        board.move(dbs, hood.advisor, items[0], "selected")
        board.adopt(dbs, hood.library_user, items[0], hood.library_id)
        code = follow_up.open_feedback(dbs, hood.library_user, items[0])["code"]
    advisor = as_user(app, "adviseur", LAN)
    invited = text_of(advisor.post(f"/networks/{hood.network_id}/invite?lang=en",
                                   data={"role": "partner", "partner_id": str(hood.theatre_id)}))
    said = warning(invited)
    assert f"{LAN}/invite/" in invited and "Only works on this Wi-Fi" in said
    assert "run the network board on the programme's network server" in said
    assert "WORKSHOP_PUBLIC_URL" in said

    present = text_of(advisor.get(f"/networks/{hood.network_id}/present?lang=en"))
    said = warning(present)
    assert "Only works on this Wi-Fi" in said and "connect your phone to this Wi-Fi" in said
    assert "WORKSHOP_PUBLIC_URL" not in present  # projected for the partners: no settings

    idea = text_of(advisor.get(f"/board/ideas/{items[0]}?lang=en"))
    assert f"{LAN}/f/{code}" in idea and "Only works on this Wi-Fi" in warning(idea)
    partner = as_user(app, "bieb", LAN)
    said = warning(text_of(partner.get(f"/board/ideas/{items[0]}?lang=en")))
    assert "Only works on this Wi-Fi" in said and "WORKSHOP_PUBLIC_URL" not in said


def test_loopback_address_works_only_on_this_computer(hood, app):
    ship(hood)
    leader = as_user(app, "juf", "http://127.0.0.1:5000")
    said = warning(text_of(leader.get(f"/series/{hood.series_id}?lang=en")))
    assert "Only works on this computer" in said and "127.0.0.1" in said


def test_the_public_address_set_to_a_lan_address_says_so(hood, app):
    ship(hood)
    leader = as_user(app, "juf", LAN)
    said = warning(text_of(leader.get(f"/series/{hood.series_id}?lang=en")))
    assert "holds a local address" in said


def test_without_a_public_address_the_lan_address_is_used_and_warned(hood, app, monkeypatch):
    monkeypatch.setattr("workshop.netaddr.lan_addresses", lambda: ["10.20.30.40"])
    _items, token = ship(hood)
    leader = as_user(app, "juf", None)
    page = text_of(leader.get(f"/series/{hood.series_id}?lang=en"))
    assert f"http://10.20.30.40:5000/p/{token}" in page
    assert "set WORKSHOP_PUBLIC_URL to the public https address" in warning(page)


# --- the progress page on the linked network server ---

def remote(hood, url):
    with hood.db.begin() as dbs:
        group = dbs.scalar(select(Group))
        group.remote_progress_url = url
        dbs.commit()


def test_series_panel_points_to_the_progress_page_on_the_network_server(hood, app):
    _items, token = ship(hood)
    remote(hood, REMOTE)
    leader = as_user(app, "juf", LAN)
    page = text_of(leader.get(f"/series/{hood.series_id}?lang=en"))
    assert f'value="{REMOTE}"' in page and f'href="{REMOTE}"' in page
    assert f"{LAN}/p/" not in page and WARNING not in page  # the LAN address is not the link
    assert decoded(leader.get(f"/p/{token}/qr.png").data) == [REMOTE]
    assert decoded(leader.get(f"/p/{token}/poster.png").data) == [REMOTE]


def test_a_linked_server_without_ideas_shipped_here_still_shows_the_link(hood, app):
    remote(hood, REMOTE)
    leader = as_user(app, "juf", LAN)
    page = text_of(leader.get(f"/series/{hood.series_id}?lang=en"))
    assert f'value="{REMOTE}"' in page and "Tell the children" in page


def test_a_network_server_on_a_lan_address_is_warned_about(hood, app):
    ship(hood)
    remote(hood, "http://192.168.1.50:5000/p/Abcdefghijklmnopqrstuvwx")
    leader = as_user(app, "juf", HOSTED)
    said = warning(text_of(leader.get(f"/series/{hood.series_id}?lang=en")))
    assert "192.168.1.50" in said and "lives on the programme's network server" in said
    assert "WORKSHOP_PUBLIC_URL" not in said  # that setting would not help


# --- the progress page as a folder for the school website ---

def with_pictures(hood, app, items):
    """The first idea's news has a photo; the second idea gets that photo as its picture."""
    follow_up_story(hood, items)
    media = app.config["MEDIA_DIR"]
    media.mkdir(parents=True, exist_ok=True)
    for stored in hood.media.iterdir():
        shutil.copy(stored, media / stored.name)
    with hood.db.begin() as dbs:
        news = dbs.scalar(select(ProgressUpdate))
        dbs.get(BoardIdea, items[1]).photo_id = news.photo_id
        dbs.commit()


def folder(client, hood, address=None, lang="en"):
    query = {"lang": lang}
    if address is not None:
        query["publish_url"] = address
    response = client.get(f"/series/{hood.series_id}/progress-folder.zip", query_string=query)
    assert response.status_code == 200, response.get_data(as_text=True)[:500]
    assert response.mimetype == "application/zip"
    assert "attachment" in response.headers["Content-Disposition"]
    assert "progress-page-groep-6b.zip" in response.headers["Content-Disposition"]
    return zipfile.ZipFile(io.BytesIO(response.data))


def test_progress_folder_is_a_page_with_its_pictures_and_the_poster(hood, app):
    items, token = ship(hood)
    with_pictures(hood, app, items)
    leader = as_user(app, "juf", LAN)
    page = text_of(leader.get(f"/series/{hood.series_id}?lang=en"))
    assert "Progress page as a folder (for the school website)" in page
    assert 'name="publish_url"' in page

    zipped = folder(leader, hood, "https://www.school.nl/onze-ideeen/")
    names = zipped.namelist()
    assert "index.html" in names and "poster.png" in names
    html = zipped.read("index.html").decode()
    assert "What became of our ideas?" in html and "Groep 6B" in html
    assert "We hebben een plek gevonden!" in html and "Er is nog geen ruimte." in html
    sources = re.findall(r'(?:src|href)="([^"]*)"', html)
    pictures = [s for s in sources if s.startswith("img/")]
    assert len(pictures) == 2 and set(pictures) <= set(names)
    assert all(not urlsplit(s).scheme and not s.startswith("/") for s in sources), sources
    for absolute in ("http://", "https://", "192.168.1.23", "/media/", "/static/", "/p/"):
        assert absolute not in html, absolute
    assert "<script" not in html and "<link" not in html and "<style>" in html
    assert 'class="pub-speak"' not in html  # read-aloud needs a script
    assert "Sam" not in html  # no child's name: the leader did not allow first names
    for name in names:
        if name.startswith("img/"):
            Image.open(io.BytesIO(zipped.read(name))).verify()
    assert decoded(zipped.read("poster.png")) == ["https://www.school.nl/onze-ideeen/"]


def test_without_an_address_the_folders_poster_points_to_the_server(hood, app):
    _items, token = ship(hood, names=True)
    leader = as_user(app, "juf", HOSTED)
    zipped = folder(leader, hood, "", lang="nl")
    html = zipped.read("index.html").decode()
    assert 'lang="nl"' in html and "Idee van Sam" in html  # first names were allowed
    assert decoded(zipped.read("poster.png")) == [f"{HOSTED}/p/{token}"]
    remote(hood, REMOTE)
    assert decoded(folder(leader, hood).read("poster.png")) == [REMOTE]


@pytest.mark.parametrize("address", ["www.school.nl", "ftp://school.nl/x", "https://",
                                     "javascript:alert(1)"])
def test_a_wrong_publish_address_is_refused_in_words(hood, app, address):
    ship(hood)
    leader = as_user(app, "juf", HOSTED)
    response = leader.get(f"/series/{hood.series_id}/progress-folder.zip",
                          query_string={"publish_url": address, "lang": "en"})
    assert response.status_code == 302 and response.headers["Location"].endswith("#publish")
    page = text_of(leader.get(response.headers["Location"]))
    assert "Type the whole web address, starting with https://" in page
    assert 'class="error publish-error"' in page
    assert 'name="publish_url"' in page


def test_only_the_groups_leader_downloads_the_folder(hood, app):
    ship(hood)
    partner = as_user(app, "bieb", HOSTED)
    assert partner.get(f"/series/{hood.series_id}/progress-folder.zip").status_code == 403
    guest = app.test_client()
    assert guest.get(f"/series/{hood.series_id}/progress-folder.zip").status_code == 302


def test_the_live_progress_page_keeps_read_aloud(hood, app):
    _items, token = ship(hood)
    page = text_of(app.test_client().get(f"/p/{token}?lang=en"))
    assert "pub-speak" in page and "js/live.js" in page and "This is how our ideas" not in page


def test_the_boards_idea_page_offers_the_progress_page_and_its_folder(hood, app):
    items, token = ship(hood)
    advisor = as_user(app, "adviseur", LAN)
    page = text_of(advisor.get(f"/board/ideas/{items[0]}?lang=en"))
    assert f'href="{LAN}/p/{token}"' in page and "progress page" in page
    assert "Only works on this Wi-Fi" in warning(page)
    assert f'action="/p/{token}/folder.zip"' in page
    zipped = zipfile.ZipFile(io.BytesIO(advisor.get(
        f"/p/{token}/folder.zip", query_string={"publish_url": "https://bieb.nl/ideeen"}).data))
    assert "index.html" in zipped.namelist()
    assert decoded(zipped.read("poster.png")) == ["https://bieb.nl/ideeen"]


def test_the_folder_by_the_progress_link(hood, app):
    _items, token = ship(hood)
    guest = app.test_client()
    response = guest.get(f"/p/{token}/folder.zip")
    assert response.status_code == 200 and response.mimetype == "application/zip"
    assert "noindex" in response.headers["X-Robots-Tag"]
    wrong = guest.get(f"/p/{token}/folder.zip", query_string={"publish_url": "x", "lang": "en"})
    assert wrong.status_code == 400
    assert "starting with https://" in wrong.get_data(as_text=True)
    guess = token[:-1] + ("x" if token[-1] != "x" else "y")
    assert guest.get(f"/p/{guess}/folder.zip").status_code == 404


def test_with_a_linked_server_the_folder_comes_from_there(hood, app):
    ship(hood)
    remote(hood, REMOTE)
    leader = as_user(app, "juf", LAN)
    page = text_of(leader.get(f"/series/{hood.series_id}?lang=en"))
    assert f'action="{REMOTE}/folder.zip"' in page  # the ideas and their news live there
    remote(hood, "https://netwerk.example.nl/somewhere-else")
    page = text_of(leader.get(f"/series/{hood.series_id}?lang=en"))
    assert "progress-folder" not in page  # no folder where we cannot tell its address
