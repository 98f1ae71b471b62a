"""Editing a plan's texts from a form: field names like `s2.prompt.en`, `s2.c1.label.nl`,
`s2.minutes`, `s2.results` (live or reveal: poll, cards and vote steps). Every new value
passes the same checks as a plan file."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import replace

from ..domain.errors import Refused
from ..domain.plans import LANGS, RESULTS, Plan, PlanError, Text, dump_plan, parse_plan


def _text(form: Mapping[str, str], key: str, old: Text) -> Text:
    """The form's text in each language it has a field for; the others stay as they were."""
    return Text(**{lang: form.get(f"{key}.{lang}", getattr(old, lang)).strip()
                   for lang in LANGS})


def apply_form(plan: Plan, form: Mapping[str, str]) -> Plan:
    """A copy of `plan` with the form's texts and numbers; refuses what a file could not say."""
    steps = []
    for i, step in enumerate(plan.steps):
        key = f"s{i}"
        minutes = form.get(f"{key}.minutes", str(step.minutes or "")).strip()
        choices = tuple(
            replace(c, label=_text(form, f"{key}.c{j}.label", c.label),
                    text=_text(form, f"{key}.c{j}.text", c.text) if c.text else None,
                    icon=form.get(f"{key}.c{j}.icon", c.icon).strip())
            for j, c in enumerate(step.choices))
        try:
            minutes_value = int(minutes) if minutes else None
        except ValueError:
            raise Refused("plan_broken", error=f"step {i + 1}: minutes") from None
        results = form.get(f"{key}.results", step.results).strip() if step.counted else ""
        if step.counted and results not in RESULTS:
            raise Refused("plan_broken", error=f"step {i + 1}: results") from None
        steps.append(replace(step, title=_text(form, f"{key}.title", step.title),
                             prompt=_text(form, f"{key}.prompt", step.prompt),
                             minutes=minutes_value, choices=choices, results=results))
    edited = replace(plan, title=_text(form, "title", plan.title),
                     summary=_text(form, "summary", plan.summary), steps=tuple(steps))
    try:
        return parse_plan(dump_plan(edited), source=f"{plan.name}.yaml")
    except PlanError as exc:
        raise Refused("plan_broken", error=exc.message) from None
