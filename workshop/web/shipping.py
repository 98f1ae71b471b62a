"""The leader ships the shortlist to the neighbourhood network and tells the children:
the ship form, the progress link, its QR code, the poster and the spotlight, on the series
page (templates/leader/series.html asks for them through `ship_panel`)."""

from __future__ import annotations

from flask import Blueprint, flash, redirect, request, url_for
from flask_babel import gettext

from ..domain.errors import Refused
from ..i18n.messages import message
from ..services import board, network, progress, setup
from . import db
from .auth import current_user, login_required
from .public import progress_url

bp = Blueprint("shipping", __name__)


def ship_panel(series_id: int, ideas: list[dict]) -> dict:
    """What the series page shows about shipping: networks, shipped ideas, the link."""
    actor = current_user()
    with db().begin() as dbs:
        series = setup.get_series(dbs, actor, series_id)
        group = series.group
        shipped = board.shipped_ids(dbs, series_id)
        networks = network.ship_targets(dbs, actor, group)
        token = None
        if shipped or group.progress_token:
            token = progress.progress_link(dbs, actor, series_id)
        chosen, first_names = group.network_id, group.show_first_names
    ready = [i for i in ideas if i["shortlisted"] and i["visibility"] == "visible"
             and not i["merged_into"] and i["id"] not in shipped]
    return {"networks": networks, "network_id": chosen, "show_first_names": first_names,
            "shipped": shipped, "ready": len(ready), "token": token,
            "url": progress_url(token) if token else None}


@bp.app_context_processor
def _helpers() -> dict:
    return {"ship_panel": ship_panel}


@bp.route("/series/<int:series_id>/ship", methods=["POST"])
@login_required
def ship(series_id: int):
    """Ship the shortlist; ideas that are on the board already are left as they are."""
    target = url_for("leader.series", series_id=series_id) + "#ship"
    try:
        try:
            network_id = int(request.form.get("network_id", ""))
        except ValueError:
            raise Refused("not_found") from None
        with db().begin() as dbs:
            result = board.ship(dbs, current_user(), series_id, network_id,
                                show_first_names=request.form.get("show_first_names") == "1")
    except Refused as exc:
        if exc.code == "forbidden":
            raise
        flash(message(exc), "ship-error")
        return redirect(target)
    flash(gettext("Shipped to the board: %(n)s. Already on the board: %(m)s.",
                  n=len(result["shipped"]), m=len(result["already"])), "ship")
    return redirect(target)
