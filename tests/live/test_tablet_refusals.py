"""Every refusal a tablet can get over its socket is in words for a child, in each child
language: the codes are found by following the tablet's event handlers in
workshop/live/namespace.py through the functions they call (read from the source, so a new
`raise Refused("...")` anywhere on the way is found too), plus what the namespace itself
answers (db_busy, bad_request, slow_down, removed, declined)."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest
from flask_babel import force_locale

from workshop.domain.languages import CHILD
from workshop.i18n import messages
from workshop.live.namespace import TABLET_EVENTS

ROOT = Path(__file__).resolve().parents[2] / "workshop"
# what the leader's socket sends to tablets (on_answer_join, on_manage_child), and what the
# wrapper and the budget answer to any tablet event
SENT_TO_TABLETS = {"declined", "removed", "db_busy", "bad_request", "slow_down"}


class Module:
    """One module of the package: its functions and the names it imports."""

    def __init__(self, name: str, path: Path):
        self.name = name
        self.tree = ast.parse(path.read_text(), str(path))
        self.functions: dict[str, ast.AST] = {}  # and module-level values (tables of them)
        self.imports: dict[str, tuple[str, str | None]] = {}  # alias: (module, name or None)
        for node in ast.walk(self.tree):
            if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)):
                self.functions.setdefault(node.name, node)
            elif isinstance(node, ast.ImportFrom) and node.level:
                parts = self.name.split(".")
                up = node.level - (1 if path.name == "__init__.py" else 0)
                base = parts[:len(parts) - up]
                package = ".".join(base + ([node.module] if node.module else []))
                for alias in node.names:
                    self.imports[alias.asname or alias.name] = (package, alias.name)
        for node in self.tree.body:
            if isinstance(node, (ast.Assign, ast.AnnAssign)) and node.value is not None:
                for target in node.targets if isinstance(node, ast.Assign) else [node.target]:
                    if isinstance(target, ast.Name):
                        self.functions.setdefault(target.id, node.value)


def _modules() -> dict[str, Module]:
    found = {}
    for path in ROOT.rglob("*.py"):
        parts = ["workshop", *path.relative_to(ROOT).with_suffix("").parts]
        if parts[-1] == "__init__":
            parts = parts[:-1]
        found[".".join(parts)] = Module(".".join(parts), path)
    return found


def _codes_reached(modules: dict[str, Module], start: list[tuple[str, str]]) -> set[str]:
    """Every literal code of `Refused("code")` in the functions reachable from `start`
    (a function counts as reached when it is called or passed on by name)."""
    seen, todo, codes = set(), list(start), set()
    while todo:
        module_name, function = todo.pop()
        if (module_name, function) in seen or module_name not in modules:
            continue
        seen.add((module_name, function))
        module = modules[module_name]
        node = module.functions.get(function)
        if node is None:
            continue
        for inner in ast.walk(node):
            if isinstance(inner, ast.Call) and getattr(inner.func, "id", None) == "Refused" \
                    and inner.args and isinstance(inner.args[0], ast.Constant):
                codes.add(inner.args[0].value)
            if isinstance(inner, ast.Name):
                if inner.id in module.functions:
                    todo.append((module_name, inner.id))
                elif inner.id in module.imports:
                    package, name = module.imports[inner.id]
                    todo.append((package, name))
            elif isinstance(inner, ast.Attribute):
                if isinstance(inner.value, ast.Name):
                    target = module.imports.get(inner.value.id)
                    if target:  # `flow.check(...)` with `from ..domain import flow`
                        todo.append((f"{target[0]}.{target[1]}", inner.attr))
                        todo.append((target[0], inner.attr))
                    elif inner.value.id == "self":
                        todo.append((module_name, inner.attr))
    return codes


def tablet_codes() -> set[str]:
    modules = _modules()
    start = [("workshop.live.namespace", event) for event in TABLET_EVENTS]
    return _codes_reached(modules, start) | SENT_TO_TABLETS


def test_the_tablet_events_are_followed_into_the_services_and_the_rules():
    codes = tablet_codes()
    # from the namespace, services/take_part.py, services/identity.py, domain/identity.py,
    # domain/flow.py, domain/texts.py, media/images.py, domain/done.py
    assert {"unknown_child", "avatar_invalid", "key_wrong", "input_locked",
            "text_bad_word", "image_too_big", "no_votes_left", "wrong_code"} <= codes
    assert "login_failed" not in codes and "stage_jump" not in codes  # leaders', the board's


@pytest.mark.parametrize("code", sorted(tablet_codes()))
def test_every_refusal_a_tablet_can_get_is_in_words_in_every_child_language(app, code):
    assert messages.is_child_text(code), f"{code}: no text marked lazy_child_gettext"
    words = {}
    with app.test_request_context():
        for lang in CHILD:
            with force_locale(lang):
                words[lang] = messages.child_refusals()[code]
    for lang, text in words.items():
        assert text.strip() and text != code, (lang, code)
        if lang != "en":  # the texts are written in English: the others translate them
            assert text != words["en"], f"{code}: not translated into {lang}"
