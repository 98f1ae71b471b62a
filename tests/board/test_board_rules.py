"""The board's rules in plain Python: lifecycle moves, offers, amounts, permissions."""

import pytest

from workshop.domain import board
from workshop.domain.errors import Refused


def code(fn, *args, **kwargs):
    with pytest.raises(Refused) as caught:
        fn(*args, **kwargs)
    return caught.value.code


def test_ideas_move_one_column_at_a_time_and_need_an_owner_to_be_adopted():
    board.check_move("new", "selected", has_owner=False, reason="")
    board.check_move("selected", "new", has_owner=False, reason="")
    assert code(board.check_move, "new", "adopted", has_owner=True, reason="") == "stage_jump"
    assert code(board.check_move, "selected", "adopted", has_owner=False,
                reason="") == "owner_needed"
    board.check_move("running", "evaluated", has_owner=True, reason="")
    assert code(board.check_move, "new", "new", has_owner=False, reason="") == "stage_same"
    assert code(board.check_move, "new", "party", has_owner=False, reason="") == "stage_invalid"


def test_not_now_needs_a_reason_and_comes_before_adoption():
    assert code(board.check_move, "new", "not_now", has_owner=False,
                reason="") == "reason_needed"
    board.check_move("selected", "not_now", has_owner=False, reason="Er is nog geen plek")
    assert code(board.check_move, "adopted", "not_now", has_owner=True,
                reason="Er is nog geen plek") == "stage_jump"
    board.check_move("not_now", "new", has_owner=False, reason="")
    assert code(board.check_move, "not_now", "running", has_owner=False,
                reason="") == "stage_jump"


@pytest.mark.parametrize("typed, cents", [("250", 25000), ("1.250,50", 125050),
                                          ("99.95", 9995), (" € 12 ", 1200), (7, 700),
                                          ("2.000", 200000), ("1.999", 199900),
                                          ("12.5", 1250)])
def test_amounts_as_people_type_them(typed, cents):
    assert board.parse_amount(typed) == cents


@pytest.mark.parametrize("typed, why", [("-5", "amount_not_positive"), ("0", "amount_not_positive"),
                                        ("veel", "amount_invalid"), ("", "amount_invalid"),
                                        ("NaN", "amount_invalid"), ("Infinity", "amount_invalid"),
                                        ("1e9", "amount_too_big"), ("2000000", "amount_too_big"),
                                        ("1.9999", "amount_invalid"), (None, "amount_invalid"),
                                        ("1.000.000,01", "amount_too_big"),
                                        (True, "amount_invalid")])
def test_nonsense_amounts_are_refused(typed, why):
    assert code(board.parse_amount, typed) == why


def test_offer_status_steps():
    board.check_offer_status("offered", "agreed")
    board.check_offer_status("agreed", "delivered")
    assert code(board.check_offer_status, "offered", "delivered") == "offer_status_invalid"
    assert code(board.check_offer_status, "offered", "bogus") == "offer_status_invalid"


def test_who_may_act_for_a_partner():
    assert board.may_act_for_partner("partner", 3, 3)
    assert not board.may_act_for_partner("partner", 3, 4)
    assert not board.may_act_for_partner("partner", None, None)
    assert board.may_act_for_partner("advisor", None, 4)
    assert not board.may_act_for_partner("leader", None, 4)


def test_stale_only_while_the_idea_is_being_worked_on():
    assert board.is_stale("running", 7, 6)
    assert not board.is_stale("running", 5, 6)
    assert not board.is_stale("evaluated", 50, 6)
    assert not board.is_stale("not_now", 50, 6)
