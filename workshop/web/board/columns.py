"""The board itself: the columns, moving ideas and adopting them."""

from __future__ import annotations

from flask import (
    redirect,
    render_template,
    request,
    url_for,
)

from ...domain.board import (
    COLUMNS,
    Role,
)
from ...domain.errors import Refused
from ...services import board, network, support
from .. import db
from ..auth import current_user, login_required
from . import bp
from .helpers import _allowed, _card, _form_error, _number, labels
from .idea import _idea_page


def _board_page(network_id: int, status: int = 200, **extra):
    actor = current_user()
    with db().begin() as dbs:
        data = board.board(dbs, actor, network_id)
        totals = support.totals_by_idea(dbs, network_id)
        columns = {stage: [_card(dbs, actor, i, totals) for i in items]
                   for stage, items in data["columns"].items()}
        partners = network.partners_of(dbs, network_id)
    extra.setdefault("form", {})
    return render_template("board/board.html", net=data["network"], columns=columns,
                           order=[s.value for s in COLUMNS], partners=partners,
                           runs=_allowed(network.require_board, actor, network_id),
                           L=labels(), **extra), status


@bp.route("/networks/<int:network_id>/board")
@login_required
def board_page(network_id: int):
    """The kanban board of a network."""
    return _board_page(network_id)


def _back_to(item_id: int, network_id: int):
    if request.form.get("back") == "idea":
        return redirect(url_for("board.idea", board_idea_id=item_id))
    return redirect(url_for("board.board_page", network_id=network_id) + f"#idea-{item_id}")


def _network_of(board_idea_id: int) -> int:
    with db().begin() as dbs:
        return board.get_idea(dbs, current_user(), board_idea_id).network_id


@bp.route("/board/ideas/<int:board_idea_id>/move", methods=["POST"])
@login_required
def move(board_idea_id: int):
    """Move an idea to another column ("not now" with a reason a child understands)."""
    network_id = _network_of(board_idea_id)
    try:
        with db().begin() as dbs:
            board.move(dbs, current_user(), board_idea_id, request.form.get("target", ""),
                       request.form.get("reason", ""))
    except Refused as exc:
        return _refused_on(board_idea_id, network_id, exc, "move")
    return _back_to(board_idea_id, network_id)


@bp.route("/board/ideas/<int:board_idea_id>/adopt", methods=["POST"])
@login_required
def adopt(board_idea_id: int):
    """A partner adopts a selected idea (an advisor may record it for a partner)."""
    actor, network_id = current_user(), _network_of(board_idea_id)
    partner_id = actor.partner_id if actor.role == Role.PARTNER else \
        _number(request.form.get("partner_id"))
    try:
        with db().begin() as dbs:
            board.adopt(dbs, actor, board_idea_id, partner_id or 0)
    except Refused as exc:
        return _refused_on(board_idea_id, network_id, exc, "adopt")
    return _back_to(board_idea_id, network_id)


def _refused_on(item_id: int, network_id: int, exc: Refused, form_name: str):
    error = _form_error(exc)
    if request.form.get("back") == "idea":
        return _idea_page(item_id, 400, error=error, failed=form_name, form=request.form)
    return _board_page(network_id, 400, error=error, failed_id=item_id, form=request.form)
