"""Issue #12: "ok" and "x" were accepted as the reason of a "not now", and children read
"Nu niet, want ... ok". Reasons to choose from, a refusal of one that says nothing, and a
preview of what the children read, on the board, the idea page and in present mode."""

import html

from workshop.services import board

from .test_board_live import Phone
from .test_board_web import as_user, said, shipped, stage_of


def test_a_reason_that_says_nothing_is_refused_in_the_readers_language(app, hood) -> None:
    _, second = shipped(hood)
    advisor = as_user(app, "adviseur")
    for reason in ("ok", "x", "-", "Nu niet, want ok"):
        refused = advisor.post(f"/board/ideas/{second}/move?lang=nl",
                               data={"target": "not_now", "reason": reason})
        assert refused.status_code == 400
        assert said(app, "reason_needed") in refused.get_data(as_text=True)
        english = advisor.post(f"/board/ideas/{second}/move?lang=en",
                               data={"target": "not_now", "reason": reason})
        assert "Write a short reason a child understands." in html.unescape(
            english.get_data(as_text=True))
        assert stage_of(hood, second) == "new"
    phone = Phone(app, "adviseur")
    reply = phone.call("move", {"board_idea_id": second, "target": "not_now", "reason": "ok"})
    assert not reply["ok"] and reply["error"] == "reason_needed"
    assert stage_of(hood, second) == "new"


def test_reasons_to_choose_and_the_preview_are_on_every_not_now_form(app, hood) -> None:
    first, _ = shipped(hood)
    with hood.db.begin() as dbs:
        board.move(dbs, hood.advisor, first, "selected")  # the board offers "not now" then
    advisor = as_user(app, "adviseur")
    pages = [advisor.get(f"/networks/{hood.network_id}/board").get_data(as_text=True),
             advisor.get(f"/board/ideas/{first}").get_data(as_text=True),
             advisor.get(f"/networks/{hood.network_id}/present").get_data(as_text=True)]
    for page in pages:
        assert 'data-reason="Er is nog geen plek voor. Volgend jaar kijken we opnieuw!"' in page
        assert 'data-template="Nu niet, want: %(reason)s"' in page
        assert "De kinderen lezen:" in page and "js/reasons.js" in page
    english = advisor.get(f"/board/ideas/{first}?lang=en").get_data(as_text=True)
    assert 'data-reason="It costs more money than we have now."' in english
    assert "The children will read:" in english
