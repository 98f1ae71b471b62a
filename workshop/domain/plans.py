"""Workshop plans: the steps of a workshop, read from YAML with errors that name the line."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

import yaml

from .languages import CHILD

PLAN_KINDS = ("inspire", "dream", "critical")
STEP_KINDS = ("welcome", "news", "question", "poll", "cards", "ideas", "vote", "critical",
              "wrapup")
LANGS = CHILD  # a plan text may be given in every language a child reads
_ID = re.compile(r"^[a-z0-9][a-z0-9_-]{0,39}$")
# Steps whose results are counts (poll choices, card reactions, votes) and when the
# classroom screen and the tablets show those counts: "live" as the children choose, or
# "reveal": only once the leader presses "Show results". A step says it (`results:`), else
# the plan (`results:` at the top), else the kind's default.
COUNTED_KINDS = ("poll", "cards", "vote")
RESULTS = ("live", "reveal")
DEFAULT_RESULTS = {"poll": "live", "cards": "live", "vote": "reveal"}


class PlanError(ValueError):
    """A plan that cannot be used; `line` is 1-based, or None when the file is unreadable."""

    def __init__(self, message: str, line: int | None = None, source: str = "") -> None:
        where = f"{source}, line {line}" if line else source
        super().__init__(f"{where}: {message}" if where else message)
        self.message = message
        self.line = line
        self.source = source


@dataclass(frozen=True)
class Text:
    """A text in Dutch and optionally in the other languages of `LANGS`."""

    nl: str
    en: str = ""
    tr: str = ""
    ar: str = ""
    pl: str = ""

    def get(self, lang: str) -> str:
        """Return the text in `lang`, falling back to Dutch."""
        return (getattr(self, lang, "") if lang in LANGS else "") or self.nl

    def as_dict(self) -> dict[str, str]:
        """Plain data for YAML and JSON: the languages it is given in, Dutch first."""
        return {lang: value for lang in LANGS if (value := getattr(self, lang))}

    def missing(self, langs: tuple[str, ...] = LANGS) -> list[str]:
        """The languages of `langs` this text is not given in."""
        return [lang for lang in langs if not getattr(self, lang)]


@dataclass(frozen=True)
class Choice:
    """An option of a poll, a card, a category or a critical question."""

    id: str
    icon: str
    label: Text
    text: Text | None = None


@dataclass(frozen=True)
class Step:
    """One step of a workshop plan."""

    kind: str
    title: Text
    prompt: Text
    minutes: int | None = None
    choices: tuple[Choice, ...] = ()
    budget: int = 0
    max_per_idea: int = 0
    top: int = 0
    results: str = ""  # counted kinds: "live" or "reveal" (RESULTS); "" for the others

    @property
    def takes_input(self) -> bool:
        """True when children can send something in this step."""
        return self.kind not in ("welcome", "news", "wrapup")

    @property
    def counted(self) -> bool:
        """True when the step's results are counts that follow the reveal rule."""
        return self.kind in COUNTED_KINDS


def results_shown(step: Step, index: int, revealed: list[int] | tuple[int, ...] | None) -> bool:
    """Whether the screen and the tablets show the counts of step `index` now: always for a
    "live" step, after the leader's "Show results" (`revealed` holds the step) otherwise."""
    if step.counted and step.results == "live":
        return True
    return index in (revealed or ())


@dataclass(frozen=True)
class Plan:
    """A whole workshop plan."""

    name: str
    kind: str
    title: Text
    summary: Text
    steps: tuple[Step, ...] = field(default_factory=tuple)
    results: str = ""  # the plan's own `results:` ("live" or "reveal"), "" when not given


# --- reading YAML with line numbers -------------------------------------------------------

class _Loc:
    """A YAML value with the line it starts on."""

    def __init__(self, value: Any, line: int) -> None:
        self.value = value
        self.line = line


def _located(node: yaml.Node) -> _Loc:
    line = node.start_mark.line + 1
    if isinstance(node, yaml.MappingNode):
        out: dict[str, _Loc] = {}
        for key_node, value_node in node.value:
            key = _located(key_node).value
            if not isinstance(key, str):
                raise PlanError("keys must be words", key_node.start_mark.line + 1)
            if key in out:
                raise PlanError(f"'{key}' is given twice", key_node.start_mark.line + 1)
            out[key] = _located(value_node)
        return _Loc(out, line)
    if isinstance(node, yaml.SequenceNode):
        return _Loc([_located(item) for item in node.value], line)
    return _Loc(yaml.constructor.SafeConstructor().construct_object(node), line)


class _Reader:
    def __init__(self, source: str) -> None:
        self.source = source

    def fail(self, message: str, loc: _Loc) -> PlanError:
        return PlanError(message, loc.line, self.source)

    def mapping(self, loc: _Loc, what: str, allowed: set[str]) -> dict[str, _Loc]:
        if not isinstance(loc.value, dict):
            raise self.fail(f"{what} must be a list of 'key: value' lines", loc)
        for key, value in loc.value.items():
            if key not in allowed:
                raise self.fail(f"unknown key '{key}' in {what}", value)
        return loc.value

    def need(self, data: dict[str, _Loc], key: str, what: str, parent: _Loc) -> _Loc:
        if key not in data:
            raise self.fail(f"{what} needs '{key}'", parent)
        return data[key]

    def text(self, loc: _Loc, what: str, limit: int = 400) -> Text:
        if isinstance(loc.value, str):
            return self._checked(Text(nl=loc.value.strip()), loc, what, limit)
        data = self.mapping(loc, what, set(LANGS))
        values = {}
        for lang, value in data.items():
            if not isinstance(value.value, str):
                raise self.fail(f"{what} ({lang}) must be text", value)
            values[lang] = value.value.strip()
        if not values.get("nl"):
            raise self.fail(f"{what} needs a Dutch text ('nl')", loc)
        return self._checked(Text(**values), loc, what, limit)

    def _checked(self, text: Text, loc: _Loc, what: str, limit: int) -> Text:
        for value in text.as_dict().values():
            if len(value) > limit:
                raise self.fail(f"{what} is longer than {limit} characters", loc)
        if not text.nl:
            raise self.fail(f"{what} is empty", loc)
        return text

    def integer(self, loc: _Loc, what: str, low: int, high: int) -> int:
        value = loc.value
        if isinstance(value, bool) or not isinstance(value, int) or not low <= value <= high:
            raise self.fail(f"{what} must be a whole number from {low} to {high}", loc)
        return value

    def results(self, loc: _Loc, what: str) -> str:
        if loc.value not in RESULTS:
            raise self.fail(f"{what}: results must be 'live' (counts show as the children "
                            "choose) or 'reveal' (only after \"Show results\")", loc)
        return loc.value

    def ident(self, loc: _Loc, what: str) -> str:
        value = loc.value
        if not isinstance(value, str) or not _ID.match(value):
            raise self.fail(f"{what} must be a short id of lowercase letters, digits, '_' or '-'",
                            loc)
        return value


_STEP_KEYS = {"kind", "title", "prompt", "minutes"}
_EXTRA = {
    "poll": ("options", 2, 8),
    "cards": ("cards", 1, 12),
    "ideas": ("categories", 1, 8),
    "critical": ("questions", 1, 8),
}


def _choices(r: _Reader, loc: _Loc, what: str, low: int, high: int) -> tuple[Choice, ...]:
    if not isinstance(loc.value, list) or not low <= len(loc.value) <= high:
        raise r.fail(f"'{what}' must be a list of {low} to {high} items", loc)
    label_key = {"cards": "title", "questions": "text"}.get(what, "label")
    allowed = {"id", "icon", label_key} | ({"text"} if what == "cards" else set())
    out, seen = [], set()
    for item in loc.value:
        data = r.mapping(item, f"an item of '{what}'", allowed)
        ident = r.ident(r.need(data, "id", f"an item of '{what}'", item), "id")
        if ident in seen:
            raise r.fail(f"id '{ident}' is used twice in '{what}'", item)
        seen.add(ident)
        icon = data.get("icon")
        icon_text = str(icon.value).strip() if icon is not None else ""
        if len(icon_text) > 16:
            raise r.fail("icon must be one emoji", icon)
        label = r.text(r.need(data, label_key, f"an item of '{what}'", item), label_key, 120)
        extra = r.text(data["text"], "text", 400) if what == "cards" and "text" in data else None
        out.append(Choice(id=ident, icon=icon_text, label=label, text=extra))
    return tuple(out)


def _step(r: _Reader, loc: _Loc, index: int, plan_results: str = "") -> Step:
    what = f"step {index}"
    if not isinstance(loc.value, dict):
        raise r.fail(f"{what} must be a list of 'key: value' lines", loc)
    kind_loc = r.need(loc.value, "kind", what, loc)
    kind = kind_loc.value
    if kind not in STEP_KINDS:
        raise r.fail(f"{what}: kind must be one of {', '.join(STEP_KINDS)}", kind_loc)
    allowed = set(_STEP_KEYS)
    if kind in _EXTRA:
        allowed.add(_EXTRA[kind][0])
    if kind == "vote":
        allowed |= {"budget", "max_per_idea"}
    if kind == "wrapup":
        allowed.add("top")
    if kind in COUNTED_KINDS:
        allowed.add("results")
    elif "results" in loc.value:
        raise r.fail(f"{what}: results is only for {', '.join(COUNTED_KINDS)} steps",
                     loc.value["results"])
    data = r.mapping(loc, what, allowed)
    fields: dict[str, Any] = {
        "kind": kind,
        "title": r.text(r.need(data, "title", what, loc), "title", 80),
        "prompt": r.text(r.need(data, "prompt", what, loc), "prompt", 400),
    }
    if "minutes" in data:
        fields["minutes"] = r.integer(data["minutes"], "minutes", 1, 90)
    if kind in _EXTRA:
        key, low, high = _EXTRA[kind]
        fields["choices"] = _choices(r, r.need(data, key, what, loc), key, low, high)
    if kind == "vote":
        budget = r.integer(r.need(data, "budget", what, loc), "budget", 1, 10)
        fields["budget"] = budget
        fields["max_per_idea"] = (
            r.integer(data["max_per_idea"], "max_per_idea", 1, budget)
            if "max_per_idea" in data else budget
        )
    if kind == "wrapup":
        fields["top"] = r.integer(data["top"], "top", 1, 20) if "top" in data else 5
    if kind in COUNTED_KINDS:
        fields["results"] = (r.results(data["results"], what) if "results" in data
                             else plan_results or DEFAULT_RESULTS[kind])
    return Step(**fields)


def parse_plan(text: str, source: str = "") -> Plan:
    """Read a plan from YAML text; raise PlanError naming the line of the first problem."""
    try:
        node = yaml.compose(text)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = mark.line + 1 if mark else None
        raise PlanError(f"not valid YAML: {exc.problem or exc.context}", line, source) from None
    except yaml.YAMLError as exc:
        raise PlanError(f"not valid YAML: {exc}", None, source) from None
    if node is None:
        raise PlanError("the file is empty", 1, source)
    r = _Reader(source)
    root = _located(node)
    data = r.mapping(root, "the plan", {"name", "kind", "title", "summary", "results",
                                        "steps"})
    name = r.ident(r.need(data, "name", "the plan", root), "name")
    kind_loc = r.need(data, "kind", "the plan", root)
    if kind_loc.value not in PLAN_KINDS:
        raise r.fail(f"kind must be one of {', '.join(PLAN_KINDS)}", kind_loc)
    steps_loc = r.need(data, "steps", "the plan", root)
    if not isinstance(steps_loc.value, list) or not 1 <= len(steps_loc.value) <= 30:
        raise r.fail("'steps' must be a list of 1 to 30 steps", steps_loc)
    plan_results = r.results(data["results"], "the plan") if "results" in data else ""
    steps = tuple(_step(r, s, i + 1, plan_results) for i, s in enumerate(steps_loc.value))
    summary = data.get("summary")
    return Plan(
        name=name,
        kind=kind_loc.value,
        title=r.text(r.need(data, "title", "the plan", root), "title", 80),
        summary=r.text(summary, "summary", 400) if summary else Text(nl=""),
        steps=steps,
        results=plan_results,
    )


def plan_texts(plan: Plan) -> list[tuple[str, Text]]:
    """Every text of a plan with where it is ("step 3 prompt", "step 4 card robots")."""
    out = [("title", plan.title)] + ([("summary", plan.summary)] if plan.summary.nl else [])
    for number, step in enumerate(plan.steps, 1):
        out += [(f"step {number} title", step.title), (f"step {number} prompt", step.prompt)]
        for choice in step.choices:
            out.append((f"step {number} {choice.id}", choice.label))
            if choice.text:
                out.append((f"step {number} {choice.id} text", choice.text))
    return out


def missing_languages(plan: Plan, langs: tuple[str, ...] = LANGS) -> list[str]:
    """What of a plan is not given in every language of `langs`, as lines like
    "step 3 prompt: tr, pl"; empty when the plan speaks them all. A shipped plan must
    (`workshop check-plans`): the children read its prompts, choices, cards and questions
    in their own language."""
    return [f"{where}: {', '.join(missing)}" for where, text in plan_texts(plan)
            if (missing := text.missing(langs))]


def plan_to_data(plan: Plan) -> dict[str, Any]:
    """Plain data of a plan, in the shape of the YAML file."""
    extra_key = {k: v[0] for k, v in _EXTRA.items()}
    steps = []
    for step in plan.steps:
        item: dict[str, Any] = {"kind": step.kind, "title": step.title.as_dict(),
                                "prompt": step.prompt.as_dict()}
        if step.minutes:
            item["minutes"] = step.minutes
        if step.kind in extra_key:
            label_key = {"cards": "title", "critical": "text"}.get(step.kind, "label")
            choices = []
            for c in step.choices:
                choice: dict[str, Any] = {"id": c.id, "icon": c.icon, label_key: c.label.as_dict()}
                if c.text:
                    choice["text"] = c.text.as_dict()
                choices.append(choice)
            item[extra_key[step.kind]] = choices
        if step.kind == "vote":
            item["budget"] = step.budget
            item["max_per_idea"] = step.max_per_idea
        if step.kind == "wrapup":
            item["top"] = step.top
        if step.counted and step.results:
            item["results"] = step.results
        steps.append(item)
    data: dict[str, Any] = {"name": plan.name, "kind": plan.kind, "title": plan.title.as_dict()}
    if plan.summary.nl:
        data["summary"] = plan.summary.as_dict()
    if plan.results:
        data["results"] = plan.results
    data["steps"] = steps
    return data


def dump_plan(plan: Plan) -> str:
    """The plan as YAML text that parse_plan reads back to the same plan."""
    return yaml.safe_dump(plan_to_data(plan), allow_unicode=True, sort_keys=False, width=100)
