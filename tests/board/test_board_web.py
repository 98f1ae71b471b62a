"""The board's pages through the Flask test client: every page's happy path, and what each
person may not do."""

import io
import re
from datetime import timedelta

from markupsafe import escape
from PIL import Image
from sqlalchemy import func, select

from workshop.domain.errors import Refused
from workshop.i18n.messages import message
from workshop.services import accounts, board, follow_up, network, support
from workshop.store.board_models import BoardIdea, LedgerLine, Offer, Partner, ProgressUpdate
from workshop.store.models import User, utcnow

PASSWORD = "geheim-123"


def login(client, username):
    response = client.post("/login", data={"username": username, "password": PASSWORD})
    assert response.status_code == 302, response.get_data(as_text=True)
    return client


def as_user(app, username):
    return login(app.test_client(), username)


def shipped(hood) -> list[int]:
    with hood.db.begin() as dbs:
        board.ship(dbs, hood.leader, hood.series_id, hood.network_id)
        return list(dbs.scalars(select(BoardIdea.id).order_by(BoardIdea.id)))


def stage_of(hood, item_id):
    with hood.db.begin() as dbs:
        return dbs.get(BoardIdea, item_id).stage


def said(app, code, **detail):
    """The refusal's message as the page shows it (escaped, in the default language)."""
    with app.test_request_context("/"):
        return str(escape(message(Refused(code, **detail))))


def other_network(hood):
    """A second network with its own partner user, "buur"."""
    with hood.db.begin() as dbs:
        net = network.create_network(dbs, hood.admin, "Schilderswijk")
        partner = network.add_partner(dbs, hood.admin, net["id"], "Buurthuis", "welfare")
        user = accounts.create_user(dbs, "buur", PASSWORD, role="partner")
        row = dbs.get(User, user["id"])
        row.network_id, row.partner_id = net["id"], partner["id"]
        dbs.commit()
    return net["id"]


def png() -> bytes:
    out = io.BytesIO()
    Image.new("RGB", (320, 240), "orange").save(out, "PNG")
    return out.getvalue()


# --- networks, partners and invitations ----------------------------------------------------

def test_networks_list_and_a_new_network(app, hood):
    admin = as_user(app, "admin")
    page = admin.get("/networks").get_data(as_text=True)
    assert "Rivierenbuurt" in page and 'id="new-network"' in page
    response = admin.post("/networks", data={"name": "Schilderswijk", "stale_weeks": "4"})
    assert response.status_code == 302 and "/networks/" in response.location
    bad = admin.post("/networks", data={"name": "X", "stale_weeks": "99"})
    assert bad.status_code == 400 and said(app, "weeks_invalid") in bad.get_data(as_text=True)
    advisor = as_user(app, "adviseur")
    assert 'id="new-network"' not in advisor.get("/networks").get_data(as_text=True)
    assert advisor.post("/networks", data={"name": "Nog een"}).status_code == 403


def test_network_page_adds_partners_and_makes_invitation_links(app, hood):
    advisor = as_user(app, "adviseur")
    page = advisor.get(f"/networks/{hood.network_id}").get_data(as_text=True)
    assert "Bibliotheek" in page and "Theaterschool" in page and 'value="housing"' in page
    response = advisor.post(f"/networks/{hood.network_id}/partners", data={
        "name": "Sportclub Zuid", "domain": "sport", "contact_email": "info@zuid.nl",
        "strengths": ["spaces", "people", "nonsense"]})
    assert response.status_code == 302
    with hood.db.begin() as dbs:
        club = next(p for p in network.partners_of(dbs, hood.network_id)
                    if p["name"] == "Sportclub Zuid")
    assert club["strengths"] == ["spaces", "people"]
    bad = advisor.post(f"/networks/{hood.network_id}/partners", data={
        "name": "Kapot", "domain": "sport", "contact_email": "geen adres"})
    assert bad.status_code == 400 and said(app, "email_invalid") in bad.get_data(as_text=True)
    assert 'value="Kapot"' in bad.get_data(as_text=True)  # what was typed stays
    invited = advisor.post(f"/networks/{hood.network_id}/invite",
                           data={"role": "partner", "partner_id": str(hood.theatre_id)})
    text = invited.get_data(as_text=True)
    assert invited.status_code == 200
    assert re.search(r"http://127\.0\.0\.1:5000/invite/[A-Za-z0-9_-]{20,}", text)
    assert "data:image/png;base64," in text
    missing = advisor.post(f"/networks/{hood.network_id}/invite", data={"role": "partner"})
    assert missing.status_code == 400
    assert said(app, "partner_needed") in missing.get_data(as_text=True)


def test_partner_users_see_partners_but_do_not_add_or_invite(app, hood):
    partner = as_user(app, "bieb")
    page = partner.get(f"/networks/{hood.network_id}").get_data(as_text=True)
    assert "Theaterschool" in page and 'id="invite"' not in page
    assert partner.post(f"/networks/{hood.network_id}/invite",
                        data={"role": "partner", "partner_id": hood.library_id}).status_code == 403
    assert partner.post(f"/networks/{hood.network_id}/partners",
                        data={"name": "Nep", "domain": "sport"}).status_code == 403


def test_an_invitation_makes_an_account_once_and_logs_in(app, hood):
    with hood.db.begin() as dbs:
        token = network.invite(dbs, hood.advisor, "partner", hood.network_id, hood.theatre_id)
    guest = app.test_client()
    page = guest.get(f"/invite/{token}").get_data(as_text=True)
    assert "Theaterschool" in page
    mismatch = guest.post(f"/invite/{token}", data={
        "name": "Docent Ali", "username": "ali", "password": PASSWORD, "password2": "anders-123"})
    assert mismatch.status_code == 400 and 'value="ali"' in mismatch.get_data(as_text=True)
    done = guest.post(f"/invite/{token}", data={
        "name": "Docent Ali", "username": "ali", "password": PASSWORD, "password2": PASSWORD})
    assert done.status_code == 302 and done.location.endswith(f"/networks/{hood.network_id}/board")
    assert guest.get(done.location).status_code == 200  # logged in as Ali
    with hood.db.begin() as dbs:
        ali = dbs.scalar(select(User).where(User.username == "ali"))
        assert (ali.role, ali.partner_id) == ("partner", hood.theatre_id)
    again = app.test_client().get(f"/invite/{token}")
    assert again.status_code == 400 and said(app, "invite_invalid") in again.get_data(as_text=True)


def test_a_guessed_invitation_link_fails(app, hood):
    guest = app.test_client()
    for guess in ("abc", "x" * 32):
        response = guest.get(f"/invite/{guess}")
        assert response.status_code == 400
        assert said(app, "invite_invalid") in response.get_data(as_text=True)
        posted = guest.post(f"/invite/{guess}", data={"name": "X", "username": "hacker",
                                                      "password": PASSWORD,
                                                      "password2": PASSWORD})
        assert posted.status_code == 400
    with hood.db.begin() as dbs:
        assert dbs.scalar(select(User).where(User.username == "hacker")) is None


# --- the board -----------------------------------------------------------------------------

def test_the_board_shows_columns_cards_and_moves(app, hood):
    first, second = shipped(hood)
    advisor = as_user(app, "adviseur")
    page = advisor.get(f"/networks/{hood.network_id}/board").get_data(as_text=True)
    assert "Een brug voor insecten" in page and f'id="idea-{first}"' in page
    assert f'href="/board/ideas/{first}"' in page and "Groep 6B" in page
    for stage in ("new", "selected", "adopted", "planned", "intro", "running", "evaluated",
                  "not_now"):
        assert f'id="col-{stage}"' in page
    response = advisor.post(f"/board/ideas/{first}/move", data={"target": "selected"})
    assert response.status_code == 302 and stage_of(hood, first) == "selected"
    adopted = advisor.post(f"/board/ideas/{first}/adopt", data={"partner_id": hood.library_id})
    assert adopted.status_code == 302
    jump = advisor.post(f"/board/ideas/{first}/move", data={"target": "running"})
    assert jump.status_code == 400 and said(app, "stage_jump") in jump.get_data(as_text=True)
    support_line(hood, first)
    with hood.db.begin() as dbs:
        dbs.get(BoardIdea, first).last_news_at = utcnow() - timedelta(weeks=8)
        dbs.commit()
    page = advisor.get(f"/networks/{hood.network_id}/board").get_data(as_text=True)
    card = page[page.index(f'id="idea-{first}"'):]
    card = card[:card.index("</article>")]
    assert "⚠" in card and "Bibliotheek" in card and "250,00" in card
    assert f'id="idea-{second}"' in page


def support_line(hood, item_id):
    with hood.db.begin() as dbs:
        support.add_money(dbs, hood.advisor, item_id, "pledged", "250", "programme")


def test_not_now_needs_a_reason_and_shows_it(app, hood):
    _, second = shipped(hood)
    advisor = as_user(app, "adviseur")
    empty = advisor.post(f"/board/ideas/{second}/move", data={"target": "not_now", "reason": ""})
    assert empty.status_code == 400
    assert said(app, "reason_needed") in empty.get_data(as_text=True)
    assert stage_of(hood, second) == "new"
    reason = "Niet nu, want er is nog geen ruimte. Volgend jaar weer!"
    ok = advisor.post(f"/board/ideas/{second}/move", data={"target": "not_now",
                                                             "reason": reason})
    assert ok.status_code == 302 and stage_of(hood, second) == "not_now"
    assert reason in advisor.get(f"/networks/{hood.network_id}/board").get_data(as_text=True)


def test_a_partner_cannot_move_ideas_but_adopts_and_moves_its_own(app, hood):
    first, second = shipped(hood)
    library = as_user(app, "bieb")
    page = library.get(f"/networks/{hood.network_id}/board").get_data(as_text=True)
    assert "Snoepmuseum" in page and "/move" not in page
    assert library.post(f"/board/ideas/{first}/move",
                        data={"target": "selected"}).status_code == 403
    assert stage_of(hood, first) == "new"
    advisor = as_user(app, "adviseur")
    advisor.post(f"/board/ideas/{first}/move", data={"target": "selected"})
    assert library.post(f"/board/ideas/{first}/adopt").status_code == 302
    theatre = as_user(app, "theater")
    assert theatre.post(f"/board/ideas/{first}/move",
                        data={"target": "planned"}).status_code == 403
    assert library.post(f"/board/ideas/{first}/move",
                        data={"target": "planned", "back": "idea"}).status_code == 302
    assert stage_of(hood, first) == "planned"
    assert library.post(f"/board/ideas/{first}/move",
                        data={"target": "selected"}).status_code == 403
    with hood.db.begin() as dbs:
        assert dbs.get(BoardIdea, first).owner_partner_id == hood.library_id
    assert library.post(f"/board/ideas/{second}/adopt").status_code == 400  # not selected


def test_a_partner_of_another_network_sees_nothing_here(app, hood):
    first, _ = shipped(hood)
    other = other_network(hood)
    stranger = as_user(app, "buur")
    assert stranger.get(f"/networks/{other}/board").status_code == 200
    for url in (f"/networks/{hood.network_id}/board", f"/networks/{hood.network_id}",
                f"/board/ideas/{first}", f"/networks/{hood.network_id}/respond",
                f"/networks/{hood.network_id}/present", f"/networks/{hood.network_id}/figures",
                f"/networks/{hood.network_id}/figures.csv"):
        assert stranger.get(url).status_code == 403, url
    assert stranger.post(f"/board/ideas/{first}/offers",
                         data={"kind": "space"}).status_code == 403
    assert "Rivierenbuurt" not in stranger.get("/networks").get_data(as_text=True)


def test_pages_need_a_login(app, hood):
    guest = app.test_client()
    response = guest.get(f"/networks/{hood.network_id}/respond")
    assert response.status_code == 302 and "/login" in response.location
    back = guest.post(response.location, data={"username": "bieb", "password": PASSWORD})
    assert back.location == f"/networks/{hood.network_id}/respond"


# --- one idea ------------------------------------------------------------------------------

def test_the_idea_page_tells_the_whole_story(app, hood):
    first, _ = shipped(hood)
    advisor = as_user(app, "adviseur")
    advisor.post(f"/board/ideas/{first}/move", data={"target": "selected"})
    page = advisor.get(f"/board/ideas/{first}").get_data(as_text=True)
    assert "Een brug voor insecten" in page and "Groep 6B" in page and "De Regenboog" in page
    assert 'class="timeline"' in page and "adviseur" in page
    leader = as_user(app, "juf")  # the group's leader follows the idea too
    assert leader.get(f"/board/ideas/{first}").status_code == 200


def test_fits_offers_and_offer_status(app, hood):
    first, _ = shipped(hood)
    theatre, library = as_user(app, "theater"), as_user(app, "bieb")
    assert library.post(f"/board/ideas/{first}/fit", data={"fits": "1"}).status_code == 302
    response = theatre.post(f"/board/ideas/{first}/offers",
                            data={"kind": "people", "note": "Twee docenten"})
    assert response.status_code == 302 and response.location.endswith("#help")
    page = theatre.get(f"/board/ideas/{first}").get_data(as_text=True)
    assert "Twee docenten" in page and "Bibliotheek" in page
    with hood.db.begin() as dbs:
        offer_id = dbs.scalar(select(Offer.id))
    assert library.post(f"/board/offers/{offer_id}/status",
                        data={"status": "agreed"}).status_code == 403
    skip = theatre.post(f"/board/offers/{offer_id}/status", data={"status": "delivered"})
    assert skip.status_code == 400
    assert said(app, "offer_status_invalid") in skip.get_data(as_text=True)
    assert theatre.post(f"/board/offers/{offer_id}/status",
                        data={"status": "agreed"}).status_code == 302
    with hood.db.begin() as dbs:
        assert dbs.get(Offer, offer_id).status == "agreed"


def test_an_invalid_amount_shows_the_message_and_saves_nothing(app, hood):
    first, _ = shipped(hood)
    advisor = as_user(app, "adviseur")
    response = advisor.post(f"/board/ideas/{first}/money", data={
        "kind": "pledged", "amount": "twee tientjes", "source": "programme",
        "note": "budget voorjaar"})
    text = response.get_data(as_text=True)
    assert response.status_code == 400 and said(app, "amount_invalid") in text
    assert 'value="twee tientjes"' in text and 'value="budget voorjaar"' in text
    theatre = as_user(app, "theater")
    offer = theatre.post(f"/board/ideas/{first}/offers", data={"kind": "money", "amount": "-5"})
    assert offer.status_code == 400
    assert said(app, "amount_not_positive") in offer.get_data(as_text=True)
    with hood.db.begin() as dbs:
        assert dbs.scalar(select(func.count(LedgerLine.id))) == 0
        assert dbs.scalar(select(func.count(Offer.id))) == 0
    ok = advisor.post(f"/board/ideas/{first}/money", data={
        "kind": "pledged", "amount": "1.250,50", "source": "subsidy"})
    assert ok.status_code == 302
    page = advisor.get(f"/board/ideas/{first}").get_data(as_text=True)
    assert "1.250,50" in page


def test_progress_updates_are_shown_escaped_and_a_bad_photo_keeps_the_text(app, hood):
    first, _ = shipped(hood)
    advisor = as_user(app, "adviseur")
    advisor.post(f"/board/ideas/{first}/move", data={"target": "selected"})
    library = as_user(app, "bieb")
    library.post(f"/board/ideas/{first}/adopt")
    bad = library.post(f"/board/ideas/{first}/updates", data={
        "text": "Eerste afspraak!", "photo": (io.BytesIO(b"not a photo"), "x.jpg")},
        content_type="multipart/form-data")
    assert bad.status_code == 400 and said(app, "image_invalid") in bad.get_data(as_text=True)
    assert "Eerste afspraak!</textarea>" in bad.get_data(as_text=True)
    sneaky = "<script>alert(1)</script> Eerste afspraak!"
    ok = library.post(f"/board/ideas/{first}/updates", data={
        "text": sneaky, "photo": (io.BytesIO(png()), "foto.png")},
        content_type="multipart/form-data")
    assert ok.status_code == 302
    page = library.get(f"/board/ideas/{first}").get_data(as_text=True)
    assert "&lt;script&gt;alert(1)&lt;/script&gt; Eerste afspraak!" in page
    assert "<script>alert(1)" not in page
    assert re.search(r'<img src="/media/photo-[A-Za-z0-9_-]{16}\.jpg"', page)
    theatre = as_user(app, "theater")
    assert theatre.post(f"/board/ideas/{first}/updates",
                        data={"text": "Niet van ons"}).status_code == 403
    with hood.db.begin() as dbs:
        assert dbs.scalar(select(func.count(ProgressUpdate.id))) == 1


def test_milestones_and_the_feedback_poll(app, hood):
    first, _ = shipped(hood)
    advisor = as_user(app, "adviseur")
    advisor.post(f"/board/ideas/{first}/move", data={"target": "selected"})
    advisor.post(f"/board/ideas/{first}/adopt", data={"partner_id": hood.library_id})
    library = as_user(app, "bieb")
    wrong = library.post(f"/board/ideas/{first}/milestones",
                         data={"kind": "intro", "due": "morgen", "title": "In de bieb"})
    assert wrong.status_code == 400 and 'value="In de bieb"' in wrong.get_data(as_text=True)
    assert library.post(f"/board/ideas/{first}/milestones", data={
        "kind": "intro", "due": "2027-03-01", "title": "Voorproefje"}).status_code == 302
    with hood.db.begin() as dbs:
        milestone = follow_up.milestones(dbs, first)[0]
    assert library.post(f"/board/milestones/{milestone['id']}/done",
                        data={"done": "1"}).status_code == 302
    with hood.db.begin() as dbs:
        assert follow_up.milestones(dbs, first)[0]["done"] is True
    assert as_user(app, "theater").post(f"/board/milestones/{milestone['id']}/done",
                                        data={"done": "0"}).status_code == 403
    assert library.post(f"/board/ideas/{first}/feedback/open").status_code == 302
    page = library.get(f"/board/ideas/{first}").get_data(as_text=True)
    code = re.search(r"http://127\.0\.0\.1:5000/f/([A-Z0-9]{6})", page).group(1)
    assert "data:image/png;base64," in page
    with hood.db.begin() as dbs:
        follow_up.give_feedback(dbs, code, "phone-0001", "great", "De insecten!")
    assert library.post(f"/board/ideas/{first}/feedback/close").status_code == 302
    page = library.get(f"/board/ideas/{first}").get_data(as_text=True)
    assert "/f/" + code not in page and "De insecten!" in page
    assert library.post(f"/board/ideas/{first}/feedback/explode").status_code == 404


# --- the meeting and the figures -----------------------------------------------------------

def test_presentation_and_phone_pages(app, hood):
    shipped(hood)
    advisor = as_user(app, "adviseur")
    page = advisor.get(f"/networks/{hood.network_id}/present").get_data(as_text=True)
    assert f"127.0.0.1:5000/networks/{hood.network_id}/respond" in page
    assert 'id="deck"' in page and "Snoepmuseum" in page and "js/present.js" in page
    assert advisor.get(f"/networks/{hood.network_id}/respond").status_code == 403
    library = as_user(app, "bieb")
    assert library.get(f"/networks/{hood.network_id}/present").status_code == 403
    phone = library.get(f"/networks/{hood.network_id}/respond").get_data(as_text=True)
    assert f'data-partner="{hood.library_id}"' in phone and "js/respond.js" in phone


def test_figures_dashboard_and_exports(app, hood):
    first, _ = shipped(hood)
    with hood.db.begin() as dbs:
        board.move(dbs, hood.advisor, first, "selected")
        board.adopt(dbs, hood.library_user, first, hood.library_id)
        support.add_money(dbs, hood.library_user, first, "pledged", "1.250,50", "partner")
    advisor = as_user(app, "adviseur")
    page = advisor.get(f"/networks/{hood.network_id}/figures").get_data(as_text=True)
    assert "1.250,50" in page and 'data-figure="children"' in page
    assert f"/networks/{hood.network_id}/figures.csv" in page
    csv_text = advisor.get(f"/networks/{hood.network_id}/figures.csv").get_data(as_text=True)
    rows = dict(line.split(",", 1) for line in csv_text.lstrip("\ufeff").splitlines())
    assert rows["figure"] == "value" and rows["shipped"] == "2" and rows["adopted"] == "1"
    assert rows["pledged_cents"] == "125050" and rows["partner_pledged_cents"] == "125050"
    data = advisor.get(f"/networks/{hood.network_id}/figures.json").get_json()
    assert data["selected"] == 1 and data["scope"] == "Rivierenbuurt"
    assert advisor.get("/figures").status_code == 403  # the programme's are for admins
    admin = as_user(app, "admin")
    assert admin.get("/figures.json").get_json()["scope"] is None
    assert "figure,value" in admin.get("/figures.csv").get_data(as_text=True)
    assert admin.get("/networks/999/figures").status_code == 404
    assert as_user(app, "juf").get("/figures").status_code == 403


def test_nothing_is_saved_twice_or_for_someone_else(app, hood):
    first, _ = shipped(hood)
    theatre = as_user(app, "theater")
    response = theatre.post(f"/board/ideas/{first}/offers",
                            data={"kind": "space", "partner_id": hood.library_id})
    assert response.status_code == 403
    with hood.db.begin() as dbs:
        assert dbs.scalar(select(func.count(Offer.id))) == 0
        assert dbs.scalar(select(func.count(Partner.id))) == 2
