"""One idea's page and its follow-up: help, money, milestones, news and feedback."""

from __future__ import annotations

from flask import (
    current_app,
    redirect,
    render_template,
    request,
    url_for,
)

from ...domain.board import (
    FEEDBACK_FACES,
    OFFER_NEXT,
    HelpKind,
    OfferStatus,
    Role,
    may_accept_money,
    may_act_for_partner,
)
from ...domain.errors import Refused
from ...services import board, follow_up, network, support
from ...store.board_models import Milestone, Offer
from ...store.models import Group
from .. import db
from ..auth import current_user, login_required
from ..public import group_progress_url
from . import bp
from .helpers import _allowed, _base, _card, _form_error, _number, _qr, labels


def _idea_page(board_idea_id: int, status: int = 200, **extra):
    actor = current_user()
    with db().begin() as dbs:
        row = board.get_idea(dbs, actor, board_idea_id)
        item = _card(dbs, actor, board.board_item(dbs, row))
        responses = support.responses(dbs, row.id)
        sees = network.may_see_network(actor, row.network_id)
        accepts = sees and may_accept_money(actor.role, actor.partner_id, row.owner_partner_id)
        for offer in responses["offers"]:
            money = offer["kind"] == HelpKind.MONEY and offer["status"] == OfferStatus.OFFERED
            offer["accept"] = money and bool(offer["amount_cents"]) and accepts
            offer["next"] = [s.value for s in OfferStatus
                             if s in OFFER_NEXT[OfferStatus(offer["status"])]
                             and not (money and s == OfferStatus.AGREED)] \
                if may_act_for_partner(actor.role, actor.partner_id, offer["partner_id"]) \
                and sees else []
        poll = follow_up.open_poll(dbs, row.id)
        poll_url = f"{_base()}/f/{poll}" if poll else None
        group = dbs.get(Group, row.group_id)
        token = group.progress_token if group else None
        context = {
            "idea": item, "timeline": board.timeline(dbs, row.id), "responses": responses,
            "ledger": support.ledger(dbs, row.id), "milestones": follow_up.milestones(dbs, row.id),
            "updates": follow_up.updates(dbs, row.id),
            "feedback": follow_up.feedback_results(dbs, row.id),
            "poll": poll, "poll_url": poll_url, "poll_qr": _qr(poll_url) if poll else None,
            "progress_token": token,
            "progress_url": group_progress_url(group) if token else None,
            "partners": network.partners_of(dbs, row.network_id),
            "runs": _allowed(network.require_board, actor, row.network_id),
            "follows": follow_up.may_follow(actor, row),
            "speaks": actor.role == Role.PARTNER and actor.network_id == row.network_id,
            "my_partner": actor.partner_id, "help_kinds": [k.value for k in HelpKind],
            "milestone_kinds": follow_up.MILESTONE_KINDS, "faces": FEEDBACK_FACES,
        }
    extra.setdefault("form", {})
    # the idea page shows a refused form's message beside that form, not also on top
    return render_template("board/idea.html", L=labels(), inline_error=True, **context,
                           **extra), status


@bp.route("/board/ideas/<int:board_idea_id>")
@login_required
def idea(board_idea_id: int):
    """An idea on the board with everything that happened to it."""
    return _idea_page(board_idea_id)


def _act(board_idea_id: int, form_name: str, action):
    """Run one form's service call; on a refusal show the page again with the input kept."""
    try:
        with db().begin() as dbs:
            action(dbs, current_user())
    except Refused as exc:
        return _idea_page(board_idea_id, 400, error=_form_error(exc), failed=form_name,
                          form=request.form)
    return redirect(url_for("board.idea", board_idea_id=board_idea_id) + "#" + form_name)


def _idea_of(dbs, table, row_id: int) -> int:
    row = dbs.get(table, row_id)
    if row is None:
        raise Refused("not_found")
    return row.board_idea_id


@bp.route("/board/ideas/<int:board_idea_id>/fit", methods=["POST"])
@login_required
def fit(board_idea_id: int):
    """"This fits us", or take it back."""
    fits = request.form.get("fits") == "1"
    partner_id = _number(request.form.get("partner_id"))
    return _act(board_idea_id, "help", lambda dbs, actor: support.set_fit(
        dbs, actor, board_idea_id, fits, partner_id))


@bp.route("/board/ideas/<int:board_idea_id>/offers", methods=["POST"])
@login_required
def offer(board_idea_id: int):
    """Offer help: a space, materials, people, promotion or money."""
    form = request.form
    return _act(board_idea_id, "help", lambda dbs, actor: support.offer(
        dbs, actor, board_idea_id, form.get("kind", ""), form.get("note", ""),
        form.get("amount"), _number(form.get("partner_id"))))


@bp.route("/board/offers/<int:offer_id>/status", methods=["POST"])
@login_required
def offer_status(offer_id: int):
    """Agreed, delivered, withdrawn or offered again."""
    with db().begin() as dbs:
        board_idea_id = _idea_of(dbs, Offer, offer_id)
    return _act(board_idea_id, "help", lambda dbs, actor: support.set_offer_status(
        dbs, actor, offer_id, request.form.get("status", "")))


@bp.route("/board/offers/<int:offer_id>/accept", methods=["POST"])
@login_required
def accept_money(offer_id: int):
    """The idea's owner or the advisor accepts an offer of money: a pledge in the ledger."""
    with db().begin() as dbs:
        board_idea_id = _idea_of(dbs, Offer, offer_id)
    return _act(board_idea_id, "money", lambda dbs, actor: support.accept_money(
        dbs, actor, offer_id))


@bp.route("/board/ideas/<int:board_idea_id>/money", methods=["POST"])
@login_required
def money(board_idea_id: int):
    """A line in the money ledger."""
    form = request.form
    return _act(board_idea_id, "money", lambda dbs, actor: support.add_money(
        dbs, actor, board_idea_id, form.get("kind", ""), form.get("amount"),
        form.get("source", ""), _number(form.get("partner_id")), form.get("note", "")))


@bp.route("/board/ideas/<int:board_idea_id>/milestones", methods=["POST"])
@login_required
def milestone(board_idea_id: int):
    """A dated milestone."""
    form = request.form
    return _act(board_idea_id, "milestones", lambda dbs, actor: follow_up.add_milestone(
        dbs, actor, board_idea_id, form.get("kind", ""), form.get("due", ""),
        form.get("title", "")))


@bp.route("/board/milestones/<int:milestone_id>/done", methods=["POST"])
@login_required
def milestone_done(milestone_id: int):
    """Tick a milestone off, or on again."""
    with db().begin() as dbs:
        board_idea_id = _idea_of(dbs, Milestone, milestone_id)
    done = request.form.get("done") == "1"
    return _act(board_idea_id, "milestones", lambda dbs, actor: follow_up.set_milestone_done(
        dbs, actor, milestone_id, done))


@bp.route("/board/ideas/<int:board_idea_id>/updates", methods=["POST"])
@login_required
def post_update(board_idea_id: int):
    """News with an optional photo (re-encoded and stripped by the service)."""
    upload = request.files.get("photo")
    photo = upload.read() if upload and upload.filename else None
    return _act(board_idea_id, "updates", lambda dbs, actor: follow_up.post_update(
        dbs, actor, board_idea_id, request.form.get("text", ""), photo,
        current_app.config["MEDIA_DIR"]))


@bp.route("/board/ideas/<int:board_idea_id>/feedback/<action>", methods=["POST"])
@login_required
def feedback(board_idea_id: int, action: str):
    """Open or close the children's feedback poll."""
    calls = {"open": follow_up.open_feedback, "close": follow_up.close_feedback}
    if action not in calls:
        raise Refused("not_found")
    return _act(board_idea_id, "feedback",
                lambda dbs, actor: calls[action](dbs, actor, board_idea_id))
