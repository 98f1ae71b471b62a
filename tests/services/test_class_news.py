"""What became of a group's shipped ideas: from a board on this laptop, or fetched from a
network server; hidden and merged ideas left out, no child's name."""

from __future__ import annotations

import json
from datetime import timedelta
from pathlib import Path

import pytest
from sqlalchemy import select

from workshop.services import accounts, class_news, moderation, setup
from workshop.services.plan_library import PlanLibrary
from workshop.store.board_models import BoardIdea
from workshop.store.link_models import IdeaNews
from workshop.store.models import Idea, User, utcnow

from ..news_world import (
    ADOPTED,
    CHILD,
    LEFT,
    NOT_NOW,
    OWNER,
    REASON,
    UPDATE,
    class_with_ideas,
    ship_and_follow,
)

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def world(db, tmp_path):
    """A group whose dream workshop ran; nothing shipped yet."""
    library = PlanLibrary(ROOT / "sessions", tmp_path / "own")
    with db.begin() as dbs:
        leader = dbs.get(User, accounts.create_user(dbs, "juf", "geheim-123")["id"])
        return class_with_ideas(dbs, leader, library, tmp_path / "media")


def news_of(db, world) -> dict:
    with db.begin() as dbs:
        return class_news.news_for_group(dbs, world.group_id)


def test_news_from_the_board_on_this_laptop(db, world, tmp_path):
    with db.begin() as dbs:
        assert not class_news.has_news(dbs, world.group_id)
        ship_and_follow(dbs, world, tmp_path / "media")
    news = news_of(db, world)
    assert news["fetched_at"] is None            # all of it is here: always up to date
    # "not now" was said last, so it comes first; the idea left in class is not there
    assert [i["text"] for i in news["ideas"]] == [NOT_NOW, ADOPTED]
    not_now, adopted = news["ideas"]
    assert adopted["idea_id"] == world.ideas[ADOPTED]
    assert adopted["stage"] == "adopted" and adopted["owner"] == OWNER
    assert adopted["latest"]["text"] == UPDATE
    assert adopted["latest"]["at"].endswith("+00:00")
    assert adopted["picture"].startswith("/media/drawing-")
    assert adopted["changed_at"] >= adopted["latest"]["at"]
    assert not_now["stage"] == "not_now" and not_now["reason"] == REASON
    assert not_now["owner"] is None and not_now["latest"] is None and not_now["picture"] is None
    assert set(adopted) == {"idea_id", "title", "text", "stage", "owner", "reason", "latest",
                            "picture", "changed_at"}
    assert CHILD not in json.dumps(news)
    with db.begin() as dbs:
        assert class_news.has_news(dbs, world.group_id)


def test_news_fetched_from_a_network_server(db, world):
    now = utcnow()
    with db.begin() as dbs:
        dbs.add(IdeaNews(idea_id=world.ideas[ADOPTED], stage="running", owner=OWNER,
                         latest_text=UPDATE, latest_at=now - timedelta(days=3),
                         changed_at=now - timedelta(days=3), fetched_at=now - timedelta(hours=2)))
        dbs.add(IdeaNews(idea_id=world.ideas[NOT_NOW], stage="not_now", reason=REASON,
                         changed_at=now - timedelta(days=1), fetched_at=now - timedelta(hours=1)))
        dbs.commit()
    news = news_of(db, world)
    assert [(i["text"], i["stage"]) for i in news["ideas"]] == [(NOT_NOW, "not_now"),
                                                                (ADOPTED, "running")]
    not_now, running = news["ideas"]
    assert running["owner"] == OWNER and running["latest"]["text"] == UPDATE
    assert running["picture"].startswith("/media/drawing-")     # the drawing made here
    assert not_now["reason"] == REASON and not_now["owner"] is None
    assert not_now["latest"] is None                            # no news text: none shown
    # when this laptop last heard from the server: the newest fetch
    assert news["fetched_at"] == (now - timedelta(hours=1)).isoformat() + "+00:00"
    assert CHILD not in json.dumps(news)


def test_the_newer_report_wins_when_an_idea_has_both(db, world, tmp_path):
    with db.begin() as dbs:
        ship_and_follow(dbs, world, tmp_path / "media")
        dbs.add(IdeaNews(idea_id=world.ideas[ADOPTED], stage="running", owner="Theater Noord",
                         changed_at=utcnow() + timedelta(minutes=5)))
        dbs.add(IdeaNews(idea_id=world.ideas[NOT_NOW], stage="selected",
                         changed_at=utcnow() - timedelta(days=30)))
        dbs.commit()
    news = {i["text"]: i for i in news_of(db, world)["ideas"]}
    assert news[ADOPTED]["stage"] == "running" and news[ADOPTED]["owner"] == "Theater Noord"
    assert news[NOT_NOW]["stage"] == "not_now"                  # the board here is newer
    assert list(news) == [ADOPTED, NOT_NOW]


def test_every_series_of_the_group_counts(db, world, tmp_path):
    library = PlanLibrary(ROOT / "sessions", tmp_path / "own")
    with db.begin() as dbs:
        ship_and_follow(dbs, world, tmp_path / "media")
        leader = dbs.get(User, world.leader_id)
        later = setup.create_series(dbs, leader, library, world.group_id, "Voorjaar")
        old = dbs.get(Idea, world.ideas[LEFT])
        dbs.add(Idea(series_id=later["id"], workshop_id=later["workshops"][0]["id"],
                     step_index=2, participant_id=old.participant_id, text="Een muurschildering"))
        dbs.flush()
        new_id = dbs.scalar(select(Idea.id).where(Idea.text == "Een muurschildering"))
        dbs.add(IdeaNews(idea_id=new_id, stage="selected", changed_at=utcnow()))
        other = setup.create_group(dbs, leader, "Groep 8A")
        dbs.commit()
        assert not class_news.has_news(dbs, other["id"])
    assert [i["text"] for i in news_of(db, world)["ideas"]][0] == "Een muurschildering"


def test_hidden_and_merged_ideas_are_not_shown(db, world, tmp_path):
    with db.begin() as dbs:
        ship_and_follow(dbs, world, tmp_path / "media")
        leader = dbs.get(User, world.leader_id)
        moderation.set_visibility(dbs, leader, world.workshops[1], "idea",
                                  world.ideas[ADOPTED], "hide")
    assert [i["text"] for i in news_of(db, world)["ideas"]] == [NOT_NOW]
    with db.begin() as dbs:
        leader = dbs.get(User, world.leader_id)
        moderation.merge(dbs, leader, world.ideas[LEFT], world.ideas[NOT_NOW])
        assert dbs.get(Idea, world.ideas[NOT_NOW]).merged_into_id == world.ideas[LEFT]
        assert dbs.scalar(select(BoardIdea.id).where(BoardIdea.idea_id == world.ideas[NOT_NOW]))
        assert not class_news.has_news(dbs, world.group_id)
    assert news_of(db, world) == {"ideas": [], "fetched_at": None}
