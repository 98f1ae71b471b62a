"""The reveal rule of counted steps (poll, cards, vote): "live" or "reveal", per step or
for the whole plan, validated in the plan file, check-plans and the plan editor."""

from pathlib import Path

import pytest

from workshop import cli, config
from workshop.domain import done
from workshop.domain.plans import PlanError, dump_plan, parse_plan, results_shown

SESSIONS = Path(__file__).resolve().parents[2] / "sessions"

PLAN = """name: mine
kind: inspire
title: Inspiratie
{plan_results}steps:
  - kind: poll
    title: Kies
    prompt: Kies er een
{poll_results}    options:
      - {{id: a, label: A}}
      - {{id: b, label: B}}
  - kind: cards
    title: Kaarten
    prompt: Wat vind je?
    cards:
      - {{id: c, title: C}}
  - kind: vote
    title: Stemmen
    prompt: Kies
    budget: 3
  - kind: question
    title: Vraag
    prompt: Wat?
"""


def plan(plan_results: str = "", poll_results: str = ""):
    return parse_plan(PLAN.format(plan_results=plan_results, poll_results=poll_results))


def test_each_counted_kind_has_a_default_the_plan_and_the_step_override():
    kinds = lambda p: {s.kind: s.results for s in p.steps}  # noqa: E731
    assert kinds(plan()) == {"poll": "live", "cards": "live", "vote": "reveal",
                             "question": ""}
    assert kinds(plan("results: reveal\n")) == {"poll": "reveal", "cards": "reveal",
                                                "vote": "reveal", "question": ""}
    assert kinds(plan("results: reveal\n", "    results: live\n"))["poll"] == "live"
    edited = plan("results: reveal\n", "    results: live\n")
    assert parse_plan(dump_plan(edited)) == edited


def test_the_shipped_plans_say_it_for_every_counted_step():
    for name in ("inspire", "dream", "critical"):
        text = (SESSIONS / f"{name}.yaml").read_text("utf-8")
        counted = text.count("kind: poll") + text.count("kind: cards") + text.count("kind: vote")
        assert text.count("    results: ") == counted, name
    inspire = parse_plan((SESSIONS / "inspire.yaml").read_text("utf-8"))
    assert {s.kind: s.results for s in inspire.steps if s.counted} == {"poll": "reveal",
                                                                        "cards": "live"}


@pytest.mark.parametrize("plan_results, poll_results, line, words", [
    ("results: sometimes\n", "", 4, "results must be 'live'"),
    ("", "    results: hidden\n", 8, "step 1: results must be 'live'"),
])
def test_a_wrong_setting_names_its_line(plan_results, poll_results, line, words):
    with pytest.raises(PlanError) as caught:
        plan(plan_results, poll_results)
    assert caught.value.line == line and words in str(caught.value)


def test_results_on_a_step_without_counts_is_refused():
    text = PLAN.format(plan_results="", poll_results="").replace(
        "    prompt: Wat?\n", "    prompt: Wat?\n    results: live\n")
    with pytest.raises(PlanError, match="results is only for poll, cards, vote steps"):
        parse_plan(text)


def test_counts_show_live_or_after_show_results():
    p = plan("results: reveal\n", "    results: live\n")
    poll, cards, _vote, question = p.steps
    assert results_shown(poll, 0, []) is True           # live: at once
    assert results_shown(cards, 1, []) is False         # on reveal: not yet
    assert results_shown(cards, 1, [1]) is True         # the leader pressed Show results
    assert results_shown(question, 3, []) is False


def test_check_plans_reports_a_wrong_setting(tmp_path, monkeypatch, capsys):
    shipped, own = tmp_path / "shipped", tmp_path / "own"
    shipped.mkdir()
    own.mkdir()
    (own / "mine.yaml").write_text(PLAN.format(plan_results="results: secret\n",
                                               poll_results=""), "utf-8")
    monkeypatch.setattr(config, "load", lambda: {"PLANS_DIR": shipped, "OWN_PLANS_DIR": own})
    assert cli.main(["check-plans"]) == 1
    out = capsys.readouterr().out
    assert "BROKEN" in out and "line 4" in out and "results must be" in out


def test_progress_counts_the_children_present():
    progress = done.progress([1, 2, 3, 4], removed={4}, marked={2, 9})
    assert progress == done.Progress(done=1, of=3, busy=(1, 3))
    assert done.clears_mark("answer") and done.clears_mark("unvote")
    assert not done.clears_mark("explode")
