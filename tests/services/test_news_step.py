"""The news step is frozen into a workshop only when the group has news to tell."""

from __future__ import annotations

from pathlib import Path

import pytest

from workshop.services import accounts, run, setup
from workshop.services.plan_library import PlanLibrary
from workshop.store.models import User, Workshop

from ..news_world import class_with_ideas, ship_and_follow

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def library(tmp_path):
    return PlanLibrary(ROOT / "sessions", tmp_path / "own")


def kinds(workshop) -> list[str]:
    return [s.kind for s in run.plan_of(workshop).steps]


def file_kinds(library, name: str) -> list[str]:
    return [s.kind for s in library.get(name).steps]


def test_a_group_without_news_runs_its_plans_without_the_news_step(db, library, tmp_path):
    with db.begin() as dbs:
        leader = dbs.get(User, accounts.create_user(dbs, "juf", "geheim-123")["id"])
        world = class_with_ideas(dbs, leader, library, tmp_path / "media")   # not shipped
        dream = dbs.get(Workshop, world.workshops[1])
        assert "news" in file_kinds(library, "dream")
        assert kinds(dream) == [k for k in file_kinds(library, "dream") if k != "news"]
        critical = run.start(dbs, leader, library, world.workshops[2])
        assert kinds(critical) == [k for k in file_kinds(library, "critical") if k != "news"]
        assert run.plan_of(critical).steps[1].kind == "vote"       # indexes as the tablets see


def test_a_group_with_news_keeps_it_also_in_its_next_series(db, library, tmp_path):
    with db.begin() as dbs:
        leader = dbs.get(User, accounts.create_user(dbs, "juf", "geheim-123")["id"])
        world = ship_and_follow(dbs, class_with_ideas(dbs, leader, library, tmp_path / "media"),
                                tmp_path / "media")
        critical = run.start(dbs, leader, library, world.workshops[2])
        assert kinds(critical) == file_kinds(library, "critical")
        assert kinds(critical)[:2] == ["welcome", "news"]
        run.control(dbs, leader, critical.id, "end")
        later = setup.create_series(dbs, leader, library, world.group_id, "Voorjaar")
        inspire = run.start(dbs, leader, library, later["workshops"][0]["id"])
        assert kinds(inspire)[:2] == ["welcome", "news"]
        # another group of the same leader has nothing shipped: no news step there
        other = setup.create_group(dbs, leader, "Groep 8A")
        series = setup.create_series(dbs, leader, library, other["id"], "Voorjaar")
        assert "news" not in kinds(run.start(dbs, leader, library, series["workshops"][0]["id"]))
