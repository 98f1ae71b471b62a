"""The leader ships the shortlist to the neighbourhood network and tells the children:
the ship form, the progress link, its QR code, the poster and the spotlight, on the series
page (templates/leader/series.html asks for them through `ship_panel`)."""

from __future__ import annotations

from flask import Blueprint, current_app, flash, redirect, request, url_for
from flask_babel import gettext

from ..domain.errors import Refused
from ..exchange import outbox
from ..i18n.messages import message
from ..services import board, network, progress, setup
from . import db
from .auth import current_user, login_required
from .linking import wake_sender
from .public import group_progress_url

bp = Blueprint("shipping", __name__)


def ship_panel(series_id: int, ideas: list[dict]) -> dict:
    """What the series page shows about shipping: networks, shipped ideas, the link."""
    actor = current_user()
    with db().begin() as dbs:
        series = setup.get_series(dbs, actor, series_id)
        group = series.group
        shipped = board.shipped_ids(dbs, series_id)
        networks = [] if current_app.config["ROLE"] == "classroom" else \
            network.ship_targets(dbs, actor, group)
        links = outbox.links(dbs)
        sent = outbox.shipments_of(dbs, series_id)
        token = url = None
        if shipped or group.progress_token or group.remote_progress_url:
            token = progress.progress_link(dbs, actor, series_id)
            url = group_progress_url(group)
        remote = bool(group.remote_progress_url)
        chosen, first_names = group.network_id, group.show_first_names
    curated = [i["id"] for i in ideas if i["shortlisted"] and i["visibility"] == "visible"
               and not i["merged_into"]]
    ready = [i for i in curated if i not in shipped]
    for item in sent:
        item["error_text"] = message(Refused(item["error"])) if item["error"] else ""
    on_links = {i for s in sent if s["status"] != "refused" for i in s["idea_ids"]}
    ready_links = [i for i in curated if i not in on_links]
    return {"networks": networks, "network_id": chosen, "show_first_names": first_names,
            "links": links, "shipments": sent, "ready_links": len(ready_links),
            "waiting": any(s["status"] == "waiting" for s in sent),
            "on_links": on_links, "shipped": shipped, "ready": len(ready), "token": token,
            "url": url, "remote": remote}


@bp.app_context_processor
def _helpers() -> dict:
    return {"ship_panel": ship_panel}


@bp.route("/series/<int:series_id>/ship", methods=["POST"])
@login_required
def ship(series_id: int):
    """Ship the shortlist; ideas that are on the board already are left as they are."""
    target = url_for("leader.series", series_id=series_id) + "#ship"
    try:
        choice = request.form.get("network_id", "")
        first_names = _first_names(request.form)
        if choice.startswith("link-"):
            return _queue(series_id, choice[5:], first_names, target)
        try:
            network_id = int(choice)
        except ValueError:
            raise Refused("not_found") from None
        with db().begin() as dbs:
            result = board.ship(dbs, current_user(), series_id, network_id,
                                show_first_names=first_names)
    except Refused as exc:
        if exc.code == "forbidden":
            raise
        flash(message(exc), "ship-error")
        return redirect(target)
    flash(gettext("Shipped to the board: %(n)s. Already on the board: %(m)s.",
                  n=len(result["shipped"]), m=len(result["already"])), "ship")
    return redirect(target)


def _first_names(form) -> bool | None:
    """The first-names choice sent with a form, or None when it was not sent (the ship form
    leaves it to the group's kept choice, saved by its own form)."""
    if "show_first_names" not in form:
        return None
    return form.get("show_first_names") == "1"


@bp.route("/series/<int:series_id>/first-names", methods=["POST"])
@login_required
def first_names(series_id: int):
    """Keep the leader's first-names choice for the group (the series page shows it)."""
    with db().begin() as dbs:
        on = progress.set_first_names(dbs, current_user(), series_id,
                                      request.form.get("show_first_names") == "1")
    flash(gettext("First names go with the ideas.") if on else
          gettext("No child's name leaves the classroom."), "ship")
    return redirect(url_for("leader.series", series_id=series_id) + "#ship")


def _queue(series_id: int, link_id: str, first_names: bool | None, target: str):
    """Ship to a linked network server: into the outbox now, sent when it can be."""
    if not link_id.isdigit():
        raise Refused("not_found")
    with db().begin(write=True) as dbs:
        result = outbox.queue(dbs, current_user(), series_id, int(link_id), first_names)
    if result["queued"]:
        flash(gettext("%(n)s ideas are ready to go. They are sent as soon as the network "
                      "server can be reached.", n=result["queued"]), "ship")
        wake_sender()
    else:
        flash(gettext("Nothing new to ship: these ideas are on their way or sent already."),
              "ship")
    return redirect(target)
