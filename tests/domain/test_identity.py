"""The rules of who may be a child on a tablet, in plain Python."""

import pytest

from workshop.domain import identity as rules
from workshop.domain.errors import Refused


def child(**facts):
    base = {"has_key": True, "wrong": 0, "removed": False, "connected_elsewhere": False}
    return rules.Child(**(base | facts))


def code(fn):
    with pytest.raises(Refused) as refused:
        fn()
    return refused.value.code


def test_a_key_is_two_different_pictures_of_the_nine():
    assert len(rules.PICTURES) == 9
    assert rules.check_key(["moon", "fish"]) == ("moon", "fish")
    for bad in (["moon"], ["moon", "moon"], ["moon", "dragon"], "moonfish", None,
                ["moon", "fish", "ball"], [1, 2]):
        assert code(lambda bad=bad: rules.check_key(bad)) == "key_invalid"


def test_the_key_is_kept_hashed_and_salted_and_order_counts():
    one, two = rules.hash_key(["moon", "fish"]), rules.hash_key(["moon", "fish"])
    assert one != two and "moon" not in one
    assert rules.key_matches(["moon", "fish"], one) and rules.key_matches(("moon", "fish"), two)
    assert not rules.key_matches(["fish", "moon"], one)
    assert not rules.key_matches(["moon", "fish"], None)
    assert not rules.key_matches(["moon"], one) and not rules.key_matches(["moon", "fish"], "x")


def test_picking_yourself():
    right, wrong = (lambda _k: True), (lambda _k: False)
    assert rules.pick(child(), ["moon", "fish"], right) is rules.Outcome.TOKEN
    assert rules.pick(child(), ["moon", "fish"], wrong) is rules.Outcome.WRONG
    assert code(lambda: rules.pick(child(), None, right)) == "key_needed"
    assert code(lambda: rules.pick(child(), ["moon"], right)) == "key_invalid"
    assert code(lambda: rules.pick(child(has_key=False), ["moon", "fish"], right)) == "no_key"
    assert code(lambda: rules.pick(child(wrong=3), ["moon", "fish"], right)) == "key_locked"
    assert code(lambda: rules.pick(child(removed=True), ["moon", "fish"], right)) == "removed"
    # on another tablet right now: even the right key only asks the leader
    assert rules.pick(child(connected_elsewhere=True), ["moon", "fish"], right) \
        is rules.Outcome.ASK_LEADER


def test_three_wrong_keys_lock_the_key():
    assert rules.after_wrong(1).code == "key_wrong" and rules.after_wrong(1).detail == {"left": 2}
    assert rules.after_wrong(2).detail == {"left": 1}
    assert rules.after_wrong(3).code == "key_locked"


def test_why_the_leader_is_asked():
    assert rules.ask_reason(child(connected_elsewhere=True, wrong=3)) == "in_use"
    assert rules.ask_reason(child(has_key=False)) == "no_key"
    assert rules.ask_reason(child(wrong=3)) == "locked"
    assert rules.ask_reason(child()) == "forgot"
    assert code(lambda: rules.ask_reason(child(removed=True))) == "removed"
    assert rules.key_cleared_on_yes("forgot") and rules.key_cleared_on_yes("locked")
    assert not rules.key_cleared_on_yes("in_use") and not rules.key_cleared_on_yes("no_key")


def test_a_tablet_id():
    assert rules.check_device(None) is None and rules.check_device("") is None
    assert rules.check_device("a1b2c3d4e5f6g7h8i9") == "a1b2c3d4e5f6g7h8i9"
    for bad in ("short", "x" * 65, "with space here!!", 12345678901234567):
        assert code(lambda bad=bad: rules.check_device(bad)) == "bad_request"
