"""Issue #12: an offer of money from a partner's phone never reached the ledger. Once the
idea's owner (the adopting partner) or the advisor accepts it, it is a pledged line there,
made once however often the button is pressed."""

import re

from sqlalchemy import func, select

from workshop.domain.board import may_accept_money
from workshop.services import board, support
from workshop.store.board_models import BoardIdea, LedgerLine, Offer

from .test_board_live import Phone


def test_who_may_accept_money() -> None:
    assert may_accept_money("advisor", None, 7) and may_accept_money("admin", None, None)
    assert may_accept_money("partner", 7, 7)
    assert not may_accept_money("partner", 8, 7)      # the offering partner itself
    assert not may_accept_money("partner", 7, None)   # nobody adopted the idea yet
    assert not may_accept_money("leader", None, 7)


def _adopted(hood) -> int:
    """The first idea, selected and adopted by the library."""
    with hood.db.begin() as dbs:
        board.ship(dbs, hood.leader, hood.series_id, hood.network_id)
        item = dbs.scalar(select(BoardIdea.id).order_by(BoardIdea.id))
        board.move(dbs, hood.advisor, item, "selected")
        board.adopt(dbs, hood.library_user, item, hood.library_id)
    return item


def _lines(hood):
    with hood.db.begin() as dbs:
        return [(x.kind, x.amount_cents, x.source, x.partner_id, x.offer_id)
                for x in dbs.scalars(select(LedgerLine).order_by(LedgerLine.id))]


def test_a_phone_offer_becomes_one_pledge_when_the_owner_accepts(app, hood) -> None:
    item = _adopted(hood)
    theatre = Phone(app, "theater")
    assert theatre.call("board_hello", {"network_id": hood.network_id})["ok"]
    reply = theatre.call("offer", {"board_idea_id": item, "kind": "money", "amount": "250,00",
                                   "note": "Voor verf en hout"})
    assert reply["ok"]
    offer_id = reply["responses"]["offers"][0]["id"]
    assert _lines(hood) == []

    owner = Phone(app, "bieb").http
    page = owner.get(f"/board/ideas/{item}?lang=en").get_data(as_text=True)
    assert f'action="/board/offers/{offer_id}/accept#money"' in page
    assert "Accept: pledged" in page
    # the offering partner may not accept its own offer (nor see the button)
    offering = theatre.http.get(f"/board/ideas/{item}").get_data(as_text=True)
    assert f"/board/offers/{offer_id}/accept" not in offering
    assert theatre.http.post(f"/board/offers/{offer_id}/accept").status_code == 403
    assert _lines(hood) == []

    for _ in range(2):  # a double click
        response = owner.post(f"/board/offers/{offer_id}/accept")
        assert response.status_code == 302 and response.location.endswith("#money")
    assert _lines(hood) == [("pledged", 25000, "partner", hood.theatre_id, offer_id)]
    page = owner.get(f"/board/ideas/{item}?lang=en").get_data(as_text=True)
    assert f"/board/offers/{offer_id}/accept" not in page
    money = page.split('id="money"')[1]
    assert re.search(r"Pledged <strong>€\s?250,00</strong>", money), money[:400]
    assert "Theaterschool" in money and "Voor verf en hout" in money
    with hood.db.begin() as dbs:
        assert dbs.get(Offer, offer_id).status == "agreed"
        assert support.ledger(dbs, item)["pledged_cents"] == 25000
    # withdrawn after all: the pledge leaves the ledger; offered again and accepted: back once
    assert theatre.http.post(f"/board/offers/{offer_id}/status",
                             data={"status": "withdrawn"}).status_code == 302
    assert _lines(hood) == []
    assert theatre.http.post(f"/board/offers/{offer_id}/status",
                             data={"status": "offered"}).status_code == 302
    advisor = Phone(app, "adviseur").http
    assert advisor.post(f"/board/offers/{offer_id}/accept").status_code == 302
    assert [line[:2] for line in _lines(hood)] == [("pledged", 25000)]


def test_only_money_offers_are_accepted_and_the_reason_is_said(app, hood) -> None:
    item = _adopted(hood)
    with hood.db.begin() as dbs:
        support.offer(dbs, hood.theatre_user, item, "space", "Onze zaal")
        space = dbs.scalar(select(func.max(Offer.id)))
    owner = Phone(app, "bieb").http
    response = owner.post(f"/board/offers/{space}/accept?lang=en")
    text = response.get_data(True)
    assert response.status_code == 404 and "That was not found." in text
    assert owner.post("/board/offers/99999/accept").status_code == 404
    assert _lines(hood) == []
