"""The rules of the news step: the shipped plans start with it, a group without news
runs without it, the newest report wins, and "not now" is not said twice."""

from dataclasses import replace
from datetime import datetime, timedelta
from pathlib import Path

import pytest

from workshop.domain import news
from workshop.domain.plans import Step, Text, dump_plan, parse_plan

SESSIONS = Path(__file__).resolve().parents[2] / "sessions"


def shipped(name: str):
    return parse_plan((SESSIONS / f"{name}.yaml").read_text(encoding="utf-8"), f"{name}.yaml")


@pytest.mark.parametrize("name", ["inspire", "dream", "critical"])
def test_every_shipped_plan_tells_the_news_right_after_the_welcome(name):
    plan = shipped(name)
    assert [s.kind for s in plan.steps[:2]] == ["welcome", "news"]
    step = plan.steps[1]
    assert step.title.nl == "Wat gebeurde er met jullie ideeën?" and step.title.en
    assert not step.takes_input and not step.choices
    assert parse_plan(dump_plan(plan)) == plan


@pytest.mark.parametrize("name", ["inspire", "dream", "critical"])
def test_without_news_the_plan_is_the_rest_in_the_same_order(name):
    plan = shipped(name)
    kept = news.without_news(plan)
    assert news.has_news_step(plan) and not news.has_news_step(kept)
    assert kept.steps == tuple(s for s in plan.steps if s.kind != "news")
    assert (kept.name, kept.kind, kept.title) == (plan.name, plan.kind, plan.title)


def test_a_plan_of_news_only_keeps_its_step():
    only = replace(shipped("dream"), steps=(Step("news", Text("Nieuws"), Text("Kijk")),))
    assert news.without_news(only) == only


def test_the_newest_report_wins_and_the_newest_change_comes_first():
    day = datetime(2026, 11, 1)
    board = {"idea_id": 1, "stage": "adopted", "changed": day}
    fetched = {"idea_id": 1, "stage": "running", "changed": day + timedelta(days=1)}
    assert news.newest([board, fetched]) is fetched
    assert news.newest([fetched, board]) is fetched
    assert news.newest([board, dict(fetched, changed=day)]) is board      # a tie: the first
    ideas = [{"idea_id": 3, "changed": day}, {"idea_id": 1, "changed": None},
             {"idea_id": 2, "changed": day + timedelta(hours=1)}, {"idea_id": 4, "changed": day}]
    assert [i["idea_id"] for i in news.newest_first(ideas)] == [2, 3, 4, 1]


@pytest.mark.parametrize("reason, says", [
    ("Niet nu, want er is nog geen ruimte.", True), ("  not now: too cold", True),
    ("Nu niet. Volgend jaar!", True), ("Het park is te koud.", False), ("", False)])
def test_a_reason_that_says_not_now_itself(reason, says):
    assert news.says_not_now(reason) is says


def test_icons_and_the_track():
    assert [s["stage"] for s in news.track()] == ["new", "selected", "adopted", "planned",
                                                 "intro", "running", "evaluated"]
    assert news.stage_icon("adopted") == "🤝" and news.stage_icon("later") == "💡"
    assert news.track_position("planned") == 3
    assert news.track_position("not_now") == -1 and news.track_position("later") == -1
