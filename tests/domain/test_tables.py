"""Tables (subgroups): an even split, moving a child, newcomers, ideas per table, progress."""

import pytest

from workshop.domain import tables
from workshop.domain.errors import Refused


def test_an_even_split_differs_by_at_most_one_and_deals_out_like_cards():
    seats = tables.split(range(1, 24), 4)
    counts = tables.sizes(seats, 4)
    assert counts == {1: 6, 2: 6, 3: 6, 4: 5}
    assert [seats[c] for c in (1, 2, 3, 4, 5)] == [1, 2, 3, 4, 1]  # side by side: apart


@pytest.mark.parametrize("count", [2, 3, 5, 8])
def test_every_child_gets_a_table_of_the_count(count):
    seats = tables.split(range(30), count)
    assert set(seats) == set(range(30)) and set(seats.values()) == set(range(1, count + 1))
    assert max(tables.sizes(seats, count).values()) - min(tables.sizes(seats, count).values()) <= 1


@pytest.mark.parametrize("value", [1, 9, -1, "x", None, True, 2.5])
def test_a_count_outside_2_to_8_is_refused(value):
    with pytest.raises(Refused) as exc:
        tables.check_count(value)
    assert exc.value.code == "tables_count_invalid"


def test_counts_that_are_fine():
    assert [tables.check_count(v) for v in (0, 2, "4", 8)] == [0, 2, 4, 8]


def test_moving_to_a_table_that_does_not_exist_is_refused():
    assert tables.check_table(3, 4) == 3
    for bad in (0, 5, None, "2"):
        with pytest.raises(Refused) as exc:
            tables.check_table(bad, 4)
        assert exc.value.code == "no_such_table"
    with pytest.raises(Refused) as exc:
        tables.check_table(1, 0)
    assert exc.value.code == "no_tables"


def test_a_newcomer_sits_at_the_smallest_table():
    seating = {1: 1, 2: 2, 3: 3, 4: 1, 5: 2}
    assert tables.place_newcomer(seating, 3) == 3
    assert tables.place_newcomer({}, 3) == 1


def test_a_table_that_no_longer_exists_is_no_table():
    assert tables.seated(5, 4) is None and tables.seated(None, 4) is None
    assert tables.seated(2, 4) == 2 and tables.seated(2, 0) is None


def test_ideas_go_round_robin_and_repeat_when_there_are_fewer_than_tables():
    assert tables.assign_ideas(3, [10, 20, 30, 40]) == {1: 10, 2: 20, 3: 30}
    assert tables.assign_ideas(5, [10, 20]) == {1: 10, 2: 20, 3: 10, 4: 20, 5: 10}
    assert tables.assign_ideas(4, []) == {} and tables.assign_ideas(0, [1]) == {}


def test_a_table_gets_only_an_idea_on_the_ballot():
    assert tables.check_idea(20, [10, 20]) == 20
    for bad in (30, None, "20", True):
        with pytest.raises(Refused) as exc:
            tables.check_idea(bad, [10, 20])
        assert exc.value.code == "idea_gone"


def test_progress_counts_questions_and_children_of_each_table_on_its_own_idea():
    seating = {1: 1, 2: 1, 3: 1, 4: 2, 5: 2}
    answers = [tables.Answer(1, 10, "where"), tables.Answer(1, 10, "who"),
               tables.Answer(2, 10, "where"),
               tables.Answer(3, 20, "where"),   # another table's idea: not counted
               tables.Answer(4, 20, "cost"), tables.Answer(9, 20, "who")]  # 9 sits nowhere
    out = tables.progress(2, seating, {1: 10, 2: 20}, answers, 5)
    assert out == [
        {"table": 1, "idea_id": 10, "questions": 2, "of_questions": 5, "children": 2,
         "of_children": 3},
        {"table": 2, "idea_id": 20, "questions": 1, "of_questions": 5, "children": 1,
         "of_children": 2},
    ]


def test_every_table_has_an_animal_and_a_colour():
    assert len(tables.TABLES) == tables.MAX_TABLES
    assert len({t.id for t in tables.TABLES}) == len({t.icon for t in tables.TABLES}) == 8
