"""The network meeting: the advisor's presentation and the partners' phones."""

from __future__ import annotations

from flask import (
    render_template,
)

from ...domain.board import (
    Role,
)
from ...domain.errors import Refused
from ...services import board, network
from ...store.board_models import Network
from .. import db
from ..auth import current_user, login_required
from . import bp
from .helpers import _base, _qr, labels


@bp.route("/networks/<int:network_id>/present")
@login_required
def present(network_id: int):
    """The advisor's presentation: one idea at a time, partners respond live."""
    actor = current_user()
    network.require_board(actor, network_id)
    with db().begin() as dbs:
        data = board.board(dbs, actor, network_id)
    respond = f"{_base()}/networks/{network_id}/respond"
    return render_template("board/present.html", net=data["network"], ideas=data["ideas"],
                           respond_url=respond, respond_short=respond.split("://", 1)[-1],
                           respond_qr=_qr(respond), L=labels())


@bp.route("/networks/<int:network_id>/respond")
@login_required
def respond(network_id: int):
    """A partner's phone during the meeting: follows the advisor, says what fits."""
    actor = current_user()
    if actor.role != Role.PARTNER or actor.network_id != network_id or not actor.partner_id:
        raise Refused("forbidden")
    with db().begin() as dbs:
        found = dbs.get(Network, network_id)
        partner = next(p for p in network.partners_of(dbs, network_id)
                       if p["id"] == actor.partner_id)
    return render_template("board/respond.html", net=network.network_data(found),
                           partner=partner, L=labels())
