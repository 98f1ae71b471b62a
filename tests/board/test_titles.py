"""Issue #12: titles made from a child's words were cut with "…" on the board, in present
mode, on the progress page and on the poster, though there was room for the whole text."""

import html
import json
import re

from sqlalchemy import select

from workshop.domain.texts import shown_title
from workshop.media import poster
from workshop.services import board, progress
from workshop.store.board_models import BoardIdea
from workshop.store.models import Idea

LONG = "Een brug voor insecten over de sloot achter de school met bloemen erop"


def test_shown_title_is_the_own_title_or_the_whole_text() -> None:
    assert shown_title("Snoepmuseum", "Een museum vol snoep") == "Snoepmuseum"
    assert shown_title("", "  Een museum\nvol snoep ") == "Een museum vol snoep"
    assert shown_title("Een brug voor insecten over de…", LONG) == LONG
    assert shown_title("Een brug…", "Iets anders") == "Een brug…"  # the leader's own title


def _ship_long(hood):
    with hood.db.begin() as dbs:
        idea = dbs.get(Idea, hood.ideas[0])
        idea.text, idea.title = LONG, ""
        dbs.commit()
    with hood.db.begin() as dbs:
        board.ship(dbs, hood.leader, hood.series_id, hood.network_id)
        token = progress.progress_link(dbs, hood.leader, hood.series_id)
        item = dbs.scalar(select(BoardIdea).where(BoardIdea.idea_id == hood.ideas[0]))
        assert item.title.endswith("…")  # how it is stored (80 characters at most)
        return item.id, token


def _login(client, name):
    client.post("/login", data={"username": name, "password": "geheim-123"})


def test_board_present_and_progress_show_the_whole_title(hood, app) -> None:
    item_id, token = _ship_long(hood)
    client = app.test_client()
    _login(client, "adviseur")
    page = client.get(f"/networks/{hood.network_id}/board").get_data(as_text=True)
    titles = [html.unescape(t)
              for t in re.findall(r'class="b-title"[^>]*><a [^>]*>([^<]*)</a>', page)]
    assert LONG in titles and not any(t.endswith("…") for t in titles)
    page = client.get(f"/networks/{hood.network_id}/present").get_data(as_text=True)
    deck = json.loads(html.unescape(re.search(r'id="deck"[^>]*>(.*?)</script>', page, re.S)[1]))
    assert {i["id"]: i["title"] for i in deck}[item_id] == LONG
    page = client.get(f"/board/ideas/{item_id}").get_data(as_text=True)
    assert re.search(r"<h1[^>]*>" + re.escape(LONG) + "</h1>", page)
    public = app.test_client().get(f"/p/{token}").get_data(as_text=True)
    assert re.search(r'<h2 class="idea-title"[^>]*>' + re.escape(LONG) + "</h2>", public)
    assert "…</h2>" not in public


def test_poster_fits_a_long_title_whole_in_a_small_cell() -> None:
    title = "Een gratis speeltuin met een klimrek, een glijbaan en een waterpomp voor iedereen"
    font, lines = poster._title_fit(title, 580, 190, 62)
    assert " ".join(lines) == title
    assert max(font.getlength(line) for line in lines) <= 580
    assert len(lines) * int(font.size * 1.2) <= 190
