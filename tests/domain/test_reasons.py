"""Issue #12: a "not now" reason has to say something; "ok" and "x" were accepted and the
children read "Nu niet, want ... ok"."""

import pytest

from workshop.domain.board import check_move
from workshop.domain.errors import Refused
from workshop.domain.reasons import says_something


@pytest.mark.parametrize("reason", [
    "", None, "ok", "OK!", "x", "xxx", "nee", "No", "-", "...", "…", "?", "123", "ok ok ok",
    "Nu niet, want ok", "Not now, because no", "weet niet", "n.v.t.", "  ", "🙂🙂", "ja",
])
def test_reasons_that_say_nothing(reason) -> None:
    assert not says_something(reason)


@pytest.mark.parametrize("reason", [
    "Te duur", "Er is nog geen plek voor. Volgend jaar kijken we opnieuw!",
    "Het kost meer geld dan we nu hebben.", "There is no room yet.", "Niet veilig genoeg",
    "Nu niet, want de zaal is vol", "Gemeente zegt nee",
])
def test_reasons_that_tell_the_children_something(reason) -> None:
    assert says_something(reason)


def test_not_now_refuses_a_reason_that_says_nothing() -> None:
    for reason in ("ok", "x", "-"):
        with pytest.raises(Refused) as caught:
            check_move("new", "not_now", has_owner=False, reason=reason)
        assert caught.value.code == "reason_needed"
    check_move("new", "not_now", has_owner=False, reason="Er is nog geen plek voor.")
