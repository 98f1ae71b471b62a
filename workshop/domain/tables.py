"""Tables (subgroups) of a class, as on the ideation day of seeds/004: the class is split
into tables; in critical thinking each table works out its own shortlisted idea.

A table is a number from 1 to the group's table count. Its name and animal are the same
in every workshop of the series (the words are in the catalogues: `TABLES` keeps only the
id, the animal and the colour). A child keeps its table until the leader moves it or makes
new tables."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from .errors import Refused

MIN_TABLES, MAX_TABLES = 2, 8


@dataclass(frozen=True)
class Table:
    """What a table is called (the catalogue key is `table_<id>`), its animal and colour."""

    id: str
    icon: str
    colour: str


TABLES = (
    Table("foxes", "🦊", "#e4572e"),
    Table("whales", "🐳", "#2e86de"),
    Table("frogs", "🐸", "#3caa5a"),
    Table("bees", "🐝", "#f2c12e"),
    Table("octopuses", "🐙", "#8e5bd6"),
    Table("flamingos", "🦩", "#ec6fa8"),
    Table("tigers", "🐯", "#f08c00"),
    Table("bears", "🐻", "#8d6748"),
)


def table(number: int) -> Table:
    """The table with this number (1-based)."""
    return TABLES[number - 1]


def check_count(value: object) -> int:
    """How many tables the leader asked for: 0 (no tables) or MIN_TABLES..MAX_TABLES."""
    count = value if isinstance(value, int) and not isinstance(value, bool) else None
    if isinstance(value, str) and value.strip().isdigit():
        count = int(value.strip())
    if count is None or not (count == 0 or MIN_TABLES <= count <= MAX_TABLES):
        raise Refused("tables_count_invalid", minimum=MIN_TABLES, maximum=MAX_TABLES)
    return count


def check_table(value: object, count: int) -> int:
    """A table number of the group's tables."""
    if count == 0:
        raise Refused("no_tables")
    number = value if isinstance(value, int) and not isinstance(value, bool) else None
    if number is None or not 1 <= number <= count:
        raise Refused("no_such_table")
    return number


def split(children: Iterable[int], count: int) -> dict[int, int]:
    """An even split of the children (in the order given: the order they joined) over
    `count` tables, dealt out like cards: table sizes differ by at most one, and children
    who came in together do not all end up at the same table."""
    return {child: index % count + 1 for index, child in enumerate(children)}


def sizes(seating: Mapping[int, int | None], count: int) -> dict[int, int]:
    """How many children sit at each table."""
    out = dict.fromkeys(range(1, count + 1), 0)
    for number in seating.values():
        if number in out:
            out[number] += 1
    return out


def place_newcomer(seating: Mapping[int, int | None], count: int) -> int:
    """The table for a child without one (joined after the split): the smallest table,
    the lowest number among equals."""
    counts = sizes(seating, count)
    return min(counts, key=lambda number: (counts[number], number))


def seated(number: int | None, count: int) -> int | None:
    """A stored table number that still exists (fewer tables now: none)."""
    return number if number is not None and 1 <= number <= count else None


def assign_ideas(count: int, ideas: list[int]) -> dict[int, int]:
    """Shortlisted ideas to tables round-robin: table 1 the first idea, table 2 the
    second...; with fewer ideas than tables an idea goes to more than one table."""
    if not ideas or count == 0:
        return {}
    return {number: ideas[(number - 1) % len(ideas)] for number in range(1, count + 1)}


def check_idea(idea_id: object, ballot: Iterable[int]) -> int:
    """An idea a table may work on: one of the ideas the children question (the
    shortlist when there is one)."""
    if isinstance(idea_id, bool) or not isinstance(idea_id, int) or idea_id not in set(ballot):
        raise Refused("idea_gone")
    return idea_id


@dataclass(frozen=True)
class Answer:
    """A critical answer, as far as progress counts it."""

    child: int
    idea: int | None
    question: str


def progress(count: int, seating: Mapping[int, int | None], ideas: Mapping[int, int],
             answers: Iterable[Answer], questions: int) -> list[dict]:
    """Per table: its idea, how many of the step's questions its children answered about
    that idea, and how many of its children answered (of how many sit there)."""
    members = {n: {c for c, t in seating.items() if t == n} for n in range(1, count + 1)}
    out = []
    for number in range(1, count + 1):
        idea = ideas.get(number)
        mine = [a for a in answers if a.child in members[number] and idea is not None
                and a.idea == idea]
        out.append({"table": number, "idea_id": idea,
                    "questions": len({a.question for a in mine}), "of_questions": questions,
                    "children": len({a.child for a in mine}),
                    "of_children": len(members[number])})
    return out
