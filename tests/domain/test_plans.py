"""Plans: the shipped files are valid, broken files name their line, editing round-trips."""

from pathlib import Path

import pytest

from workshop.domain.plans import PlanError, dump_plan, parse_plan

SESSIONS = Path(__file__).resolve().parents[2] / "sessions"


@pytest.mark.parametrize("name", ["inspire", "dream", "critical"])
def test_shipped_plans_are_valid_and_bilingual(name):
    plan = parse_plan((SESSIONS / f"{name}.yaml").read_text(encoding="utf-8"), f"{name}.yaml")
    assert plan.name == name and plan.kind == name
    for step in plan.steps:
        assert step.title.nl and step.title.en and step.prompt.nl and step.prompt.en
        for choice in step.choices:
            assert choice.label.nl and choice.label.en


def test_shipped_plans_cover_the_step_kinds_of_their_workshop():
    kinds = {n: {s.kind for s in parse_plan((SESSIONS / f"{n}.yaml").read_text()).steps}
             for n in ("inspire", "dream", "critical")}
    assert {"welcome", "poll", "cards", "question", "wrapup"} <= kinds["inspire"]
    assert {"ideas", "vote", "wrapup"} <= kinds["dream"]
    assert {"vote", "critical", "wrapup"} <= kinds["critical"]


GOOD = """name: mine
kind: dream
title: {nl: Dromen, en: Dream}
steps:
  - kind: ideas
    title: {nl: Muur}
    prompt: {nl: "Wat wil je?"}
    categories:
      - {id: make, icon: "🛠", label: {nl: Maken}}
  - kind: vote
    title: Stemmen
    prompt: Kies
    budget: 3
"""


def test_minimal_plan_with_defaults():
    plan = parse_plan(GOOD)
    assert plan.steps[1].max_per_idea == 3
    assert plan.steps[0].title.get("en") == "Muur"  # falls back to Dutch


@pytest.mark.parametrize("broken, line, words", [
    (GOOD.replace("kind: ideas", "kind: idea"), 5, "kind must be one of"),
    (GOOD.replace("budget: 3", "budget: 30"), 13, "budget must be a whole number"),
    (GOOD.replace('    prompt: {nl: "Wat wil je?"}\n', ""), 5, "needs 'prompt'"),
    (GOOD.replace("title: {nl: Muur}", "title: {nl: Muur, de: Mauer}"), 6, "unknown key 'de'"),
    (GOOD.replace("    budget: 3", "\tbudget: 3"), 13, "not valid YAML"),
    (GOOD.replace("{id: make,", "{id: Make Things,"), 9, "short id"),
    ("", 1, "empty"),
])
def test_broken_plan_names_the_line(broken, line, words):
    with pytest.raises(PlanError) as caught:
        parse_plan(broken, "mine.yaml")
    assert words in caught.value.message
    assert caught.value.line == line
    assert f"mine.yaml, line {line}" in str(caught.value)


def test_dump_reads_back_the_same_plan():
    for name in ("inspire", "dream", "critical"):
        plan = parse_plan((SESSIONS / f"{name}.yaml").read_text())
        assert parse_plan(dump_plan(plan)) == plan
