"""Ship, select, adopt, help, fund, track and tell: every rule and permission."""

import io
from datetime import timedelta

import pytest
from PIL import Image
from sqlalchemy import func, select

from workshop.domain.errors import Refused
from workshop.services import board, figures, follow_up, network, progress, support
from workshop.store.board_models import BoardIdea, LedgerLine
from workshop.store.models import utcnow


def refused(code, fn, *args, **kwargs):
    with pytest.raises(Refused) as caught:
        fn(*args, **kwargs)
    assert caught.value.code == code, caught.value


def shipped(hood):
    with hood.db.begin() as dbs:
        result = board.ship(dbs, hood.leader, hood.series_id, hood.network_id)
        items = list(dbs.scalars(select(BoardIdea).order_by(BoardIdea.id)))
    return result, items


def test_shipping_the_shortlist_once(hood):
    result, items = shipped(hood)
    assert result == {"shipped": hood.ideas[:2], "already": []}
    assert [i.text for i in items] == ["Een brug voor insecten", "Snoepmuseum"]
    assert items[0].origin["group"] == "Groep 6B" and items[0].origin["first_name"] is None
    again, items = shipped(hood)
    assert again == {"shipped": [], "already": hood.ideas[:2]} and len(items) == 2


def test_only_the_groups_leader_ships(hood):
    with hood.db.begin() as dbs:
        refused("forbidden", board.ship, dbs, hood.library_user, hood.series_id, hood.network_id)
        refused("forbidden", board.ship, dbs, hood.advisor, hood.series_id, hood.network_id)


def test_first_names_only_when_the_leader_chose_so(hood):
    with hood.db.begin() as dbs:
        board.ship(dbs, hood.leader, hood.series_id, hood.network_id, show_first_names=True)
        item = dbs.scalar(select(BoardIdea))
        assert item.origin["first_name"] == "Sam"


def test_select_adopt_and_exactly_one_owner(hood):
    _, items = shipped(hood)
    first = items[0].id
    with hood.db.begin() as dbs:
        refused("forbidden", board.move, dbs, hood.library_user, first, "selected")
        refused("select_first", board.adopt, dbs, hood.library_user, first, hood.library_id)
        board.move(dbs, hood.advisor, first, "selected")
        refused("forbidden", board.adopt, dbs, hood.library_user, first, hood.theatre_id)
        data = board.adopt(dbs, hood.library_user, first, hood.library_id)
        assert data["stage"] == "adopted" and data["owner"]["name"] == "Bibliotheek"
        refused("owner_exists", board.adopt, dbs, hood.theatre_user, first, hood.theatre_id)
        # the owner moves its own idea on; another partner cannot
        board.move(dbs, hood.library_user, first, "planned")
        refused("forbidden", board.move, dbs, hood.theatre_user, first, "intro")
        refused("stage_jump", board.move, dbs, hood.advisor, first, "running")
        steps = [(t["from"], t["to"], t["by"]) for t in board.timeline(dbs, first)]
    assert steps == [("new", "selected", "adviseur"), ("selected", "adopted", "bieb"),
                     ("adopted", "planned", "bieb")]


def test_not_now_needs_a_childs_reason(hood):
    _, items = shipped(hood)
    with hood.db.begin() as dbs:
        refused("reason_needed", board.move, dbs, hood.advisor, items[1].id, "not_now")
        refused("text_too_long", board.move, dbs, hood.advisor, items[1].id, "not_now",
                "x" * 301)
        data = board.move(dbs, hood.advisor, items[1].id, "not_now",
                          "Niet nu, want er is nog geen ruimte. Volgend jaar weer!")
    assert data["reason"].startswith("Niet nu")


def test_fits_offers_and_their_status(hood):
    _, items = shipped(hood)
    idea = items[0].id
    with hood.db.begin() as dbs:
        support.set_fit(dbs, hood.library_user, idea, True)
        support.set_fit(dbs, hood.library_user, idea, True)  # twice is once
        support.offer(dbs, hood.theatre_user, idea, "people", "Twee docenten")
        data = support.offer(dbs, hood.theatre_user, idea, "money", amount="250,00")
        assert [f["partner"] for f in data["fits"]] == ["Bibliotheek"]
        assert [(o["kind"], o["amount_cents"]) for o in data["offers"]] == [
            ("people", None), ("money", 25000)]
        offer_id = data["offers"][0]["id"]
        refused("amount_not_positive", support.offer, dbs, hood.theatre_user, idea, "money",
                amount="-5")
        refused("help_kind_invalid", support.offer, dbs, hood.theatre_user, idea, "cake")
        refused("forbidden", support.offer, dbs, hood.theatre_user, idea, "space",
                partner_id=hood.library_id)
        refused("forbidden", support.set_offer_status, dbs, hood.library_user, offer_id,
                "agreed")
        refused("offer_status_invalid", support.set_offer_status, dbs, hood.theatre_user,
                offer_id, "delivered")
        support.set_offer_status(dbs, hood.theatre_user, offer_id, "agreed")
        data = support.set_offer_status(dbs, hood.advisor, offer_id, "delivered")
        assert data["offers"][0]["status"] == "delivered"
        refused("forbidden", support.set_fit, dbs, hood.leader, idea, True, hood.library_id)


def test_money_ledger_totals_and_nothing_half_saved(hood):
    _, items = shipped(hood)
    a, b = items[0].id, items[1].id
    with hood.db.begin() as dbs:
        support.add_money(dbs, hood.library_user, a, "pledged", "500", "partner")
        support.add_money(dbs, hood.advisor, a, "received", "200", "programme", note="budget")
        support.add_money(dbs, hood.advisor, b, "pledged", "1.000,00", "subsidy")
        refused("forbidden", support.add_money, dbs, hood.library_user, a, "received", "10",
                "programme")
        refused("forbidden", support.add_money, dbs, hood.theatre_user, a, "pledged", "10",
                "partner", partner_id=hood.library_id)
        for amount in ("-1", "abc", "99999999"):
            with pytest.raises(Refused):
                support.add_money(dbs, hood.advisor, a, "pledged", amount, "programme")
        refused("money_invalid", support.add_money, dbs, hood.advisor, a, "stolen", "5",
                "programme")
        ledger = support.ledger(dbs, a)
        assert (ledger["pledged_cents"], ledger["received_cents"]) == (50000, 20000)
        totals = support.money_totals(dbs, hood.network_id)
        assert totals["pledged_cents"] == 150000 and totals["received_cents"] == 20000
        assert totals["by_partner"] == {hood.library_id: {"pledged_cents": 50000,
                                                          "received_cents": 0}}
        assert dbs.scalar(select(func.count(LedgerLine.id))) == 3


def test_milestones_updates_and_stale_flag(hood):
    _, items = shipped(hood)
    idea = items[0].id
    with hood.db.begin() as dbs:
        board.move(dbs, hood.advisor, idea, "selected")
        board.adopt(dbs, hood.advisor, idea, hood.library_id)
        refused("forbidden", follow_up.post_update, dbs, hood.theatre_user, idea, "hoi", None,
                hood.media)
        refused("date_invalid", follow_up.add_milestone, dbs, hood.library_user, idea, "intro",
                "morgen")
        data = follow_up.add_milestone(dbs, hood.library_user, idea, "intro", "2027-03-01",
                                       "Voorproefje in de bieb")
        follow_up.set_milestone_done(dbs, hood.library_user, data["milestones"][0]["id"], True)
        photo = io.BytesIO()
        Image.new("RGB", (640, 480), "green").save(photo, "JPEG")
        news = follow_up.post_update(dbs, hood.library_user, idea,
                                     "<b>Eerste</b> afspraak gemaakt!", photo.getvalue(),
                                     hood.media)["updates"]
        assert news[0]["text"] == "<b>Eerste</b> afspraak gemaakt!" and news[0]["photo"]
        refused("image_invalid", follow_up.post_update, dbs, hood.library_user, idea, "x",
                b"not a photo", hood.media)
        assert len(follow_up.updates(dbs, idea)) == 1  # the refused one left nothing
        row = dbs.get(BoardIdea, idea)
        assert not board.board_item(dbs, row)["stale"]
        assert figures.figures(dbs, hood.advisor, hood.network_id)["stale"] == 0
        row.last_news_at = utcnow() - timedelta(weeks=7)
        dbs.commit()
        assert board.board_item(dbs, row)["stale"]
        assert figures.figures(dbs, hood.advisor, hood.network_id)["stale"] == 1
        assert board.board(dbs, hood.advisor, hood.network_id)["columns"]["adopted"][0]["stale"]


def test_feedback_after_an_intro_activity(hood):
    _, items = shipped(hood)
    idea = items[0].id
    with hood.db.begin() as dbs:
        board.move(dbs, hood.advisor, idea, "selected")
        board.adopt(dbs, hood.advisor, idea, hood.library_id)
        poll = follow_up.open_feedback(dbs, hood.library_user, idea)
        assert follow_up.open_feedback(dbs, hood.library_user, idea) == poll
        follow_up.give_feedback(dbs, poll["code"], "phone-0001", "great", "De robots!")
        follow_up.give_feedback(dbs, poll["code"], "phone-0001", "great", "De robots!")
        follow_up.give_feedback(dbs, poll["code"], "phone-0002", "okay")
        refused("unknown_choice", follow_up.give_feedback, dbs, poll["code"], "phone-0003",
                "meh")
        refused("text_bad_word", follow_up.give_feedback, dbs, poll["code"], "phone-0004",
                "good", "shit")
        refused("wrong_poll_code", follow_up.give_feedback, dbs, "ZZZZZZ", "phone-0005", "good")
        results = follow_up.feedback_results(dbs, idea)
        assert results["faces"] == {"great": 1, "good": 0, "okay": 1, "bad": 0}
        assert results["words"] == ["De robots!"]
        follow_up.close_feedback(dbs, hood.library_user, idea)
        refused("poll_closed", follow_up.give_feedback, dbs, poll["code"], "phone-0006", "good")


def test_public_progress_page(hood):
    _, items = shipped(hood)
    with hood.db.begin() as dbs:
        token = progress.progress_link(dbs, hood.leader, hood.series_id)
        assert progress.progress_link(dbs, hood.leader, hood.series_id) == token
        refused("forbidden", progress.progress_link, dbs, hood.advisor, hood.series_id)
        board.move(dbs, hood.advisor, items[1].id, "not_now", "Niet nu, want het is te duur.")
        page = progress.progress(dbs, progress.group_by_token(dbs, token))
        assert [i["stage"] for i in page["ideas"]] == ["new", "not_now"]
        assert page["ideas"][1]["reason"] == "Niet nu, want het is te duur."
        assert all(i["first_name"] is None for i in page["ideas"])
        for guess in ("", "abc", token[:-1] + ("x" if token[-1] != "x" else "y")):
            refused("not_found", progress.group_by_token, dbs, guess)


def test_figures_for_the_network_and_the_programme(hood):
    _, items = shipped(hood)
    with hood.db.begin() as dbs:
        board.move(dbs, hood.advisor, items[0].id, "selected")
        board.adopt(dbs, hood.library_user, items[0].id, hood.library_id)
        support.offer(dbs, hood.theatre_user, items[0].id, "space")
        support.add_money(dbs, hood.library_user, items[0].id, "pledged", "100", "partner")
        mine = figures.figures(dbs, hood.advisor, hood.network_id)
        everything = figures.figures(dbs, hood.admin)
        refused("forbidden", figures.figures, dbs, hood.leader)
    assert (mine["children"], mine["workshops"], mine["ideas"]) == (1, 1, 3)
    assert (mine["shipped"], mine["selected"], mine["adopted"]) == (2, 1, 1)
    assert mine["pledged_cents"] == 10000 and mine["partners"] == 2
    assert mine["contributions"] == 1
    assert everything["shipped"] == 2 and everything["scope"] is None


def test_invitations_are_one_time(hood):
    with hood.db.begin() as dbs:
        token = network.invite(dbs, hood.advisor, "partner", hood.network_id, hood.theatre_id)
        refused("partner_needed", network.invite, dbs, hood.advisor, "partner",
                hood.network_id, None)
        refused("forbidden", network.invite, dbs, hood.library_user, "partner",
                hood.network_id, hood.library_id)
        refused("forbidden", network.invite, dbs, hood.advisor, "admin", hood.network_id)
        user = network.accept(dbs, token, "docent", "geheim-123", "Docent Ali")
        assert user["role"] == "partner"
        refused("invite_invalid", network.accept, dbs, token, "docent2", "geheim-123", "X")
        refused("invite_invalid", network.accept, dbs, "made-up-token", "x2", "geheim-123",
                "X")
        bad = network.invite(dbs, hood.advisor, "advisor", hood.network_id)
        refused("password_short", network.accept, dbs, bad, "nieuw", "kort", "Nieuw")
        assert network.accept(dbs, bad, "nieuw", "geheim-123", "Nieuw")["role"] == "advisor"
