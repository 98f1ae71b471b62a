"""Plans: the shipped files are valid, broken files name their line, editing round-trips."""

from pathlib import Path

import pytest

from workshop import cli, config
from workshop.domain.languages import CHILD
from workshop.domain.plans import PlanError, dump_plan, missing_languages, parse_plan
from workshop.services import snapshots

SESSIONS = Path(__file__).resolve().parents[2] / "sessions"


@pytest.mark.parametrize("name", ["inspire", "dream", "critical"])
def test_shipped_plans_are_valid_and_in_every_child_language(name):
    plan = parse_plan((SESSIONS / f"{name}.yaml").read_text(encoding="utf-8"), f"{name}.yaml")
    assert plan.name == name and plan.kind == name
    assert missing_languages(plan) == []
    for step in plan.steps:
        for lang in CHILD:  # prompts, poll choices, cards, categories, critical questions
            assert step.title.get(lang) and step.prompt.get(lang)
            for choice in step.choices:
                assert getattr(choice.label, lang), (name, step.kind, choice.id, lang)
                assert choice.text is None or getattr(choice.text, lang)
        assert len({step.prompt.get(lang) for lang in CHILD}) == len(CHILD)  # translated


def test_the_critical_questions_in_arabic_turkish_and_polish():
    plan = parse_plan((SESSIONS / "critical.yaml").read_text(encoding="utf-8"))
    step = next(s for s in plan.steps if s.kind == "critical")
    question = {c.id: c.label for c in step.choices}["for_whom"]
    assert question.get("ar") == "لمن هي؟ كم أعمارهم؟"
    assert question.get("tr") == "Kimin için? Kaç yaşındalar?"
    assert question.get("pl") == "Dla kogo to jest? Ile mają lat?"
    data = snapshots.step_data(step, 3)  # what the tablets get: every language, they pick
    assert set(data["choices"][0]["label"]) == set(CHILD)


def test_a_text_missing_a_language_is_named_and_falls_back_to_dutch():
    plan = parse_plan(GOOD)
    assert "step 1 title: en, tr, ar, pl" in missing_languages(plan)
    assert "title: tr, ar, pl" in missing_languages(plan)
    assert plan.steps[0].title.get("ar") == "Muur"
    turkish = parse_plan(GOOD.replace("title: {nl: Muur}", "title: {nl: Muur, tr: Duvar}"))
    assert turkish.steps[0].title.get("tr") == "Duvar"
    assert parse_plan(dump_plan(turkish)) == turkish
    with pytest.raises(PlanError, match="unknown key 'de'"):
        parse_plan(GOOD.replace("title: {nl: Muur}", "title: {nl: Muur, de: Mauer}"))


def test_check_plans_wants_every_language_in_a_shipped_plan_only(tmp_path, monkeypatch,
                                                                 capsys):
    shipped, own = tmp_path / "shipped", tmp_path / "own"
    shipped.mkdir()
    own.mkdir()
    for name in ("inspire", "dream", "critical"):
        (shipped / f"{name}.yaml").write_text((SESSIONS / f"{name}.yaml").read_text("utf-8"),
                                              "utf-8")
    (own / "mine.yaml").write_text(GOOD, "utf-8")  # a leader's own plan: Dutch is enough
    monkeypatch.setattr(config, "load", lambda: {"PLANS_DIR": shipped, "OWN_PLANS_DIR": own})
    assert cli.main(["check-plans"]) == 0
    dream = (shipped / "dream.yaml").read_text("utf-8")
    (shipped / "dream.yaml").write_text(dream.replace(', pl: "Dromen"', "")
                                        .replace(', pl: "Marzenia"', ""), "utf-8")
    capsys.readouterr()
    assert cli.main(["check-plans"]) == 1
    out = capsys.readouterr().out
    assert "MISSING LANGUAGES" in out and "dream.yaml: title: pl" in out
    assert "ok     " + str(own / "mine.yaml") in out


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
