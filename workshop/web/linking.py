"""The laptop's side of a network server: pairing with the advisor's code, the shipments
waiting to go and sent, "send now", the news fetch and the shipment file for a laptop that
never gets online."""

from __future__ import annotations

from flask import (
    Blueprint,
    Response,
    current_app,
    flash,
    jsonify,
    redirect,
    render_template,
    request,
    url_for,
)
from flask_babel import gettext

from ..domain.errors import Refused
from ..exchange import outbox
from ..i18n.messages import message
from ..services import setup
from . import db
from .auth import current_user, login_required

bp = Blueprint("linking", __name__)


def wake_sender() -> None:
    """Tell the background sender (when `workshop serve` runs one) to go now."""
    wake = current_app.extensions.get("outbox_wake")
    if wake is not None:
        wake.set()


@bp.route("/links", methods=["GET", "POST"])
@login_required
def links():
    """Connect this laptop to a network on a network server, with a pairing code."""
    actor, error, form = current_user(), None, request.form
    if request.method == "POST":
        try:
            with db().begin(write=True) as dbs:
                made = outbox.connect(dbs, actor, form.get("address", ""), form.get("code", ""),
                                      form.get("label", ""))
        except Refused as exc:
            error = message(exc)
        else:
            flash(gettext("This laptop is now connected to %(network)s.",
                          network=made["network"]), "link")
            wake_sender()
            return redirect(url_for("linking.links"))
    with db().begin() as dbs:
        found = outbox.links(dbs, active_only=False)
    return render_template("leader/links.html", links=found, error=error, form=form,
                           role=current_app.config["ROLE"]), 400 if error else 200


@bp.route("/links/<int:link_id>/forget", methods=["POST"])
@login_required
def forget(link_id: int):
    """Stop using a link on this laptop."""
    with db().begin(write=True) as dbs:
        outbox.forget(dbs, link_id)
    return redirect(url_for("linking.links"))


def _series(series_id: int):
    with db().begin() as dbs:
        setup.get_series(dbs, current_user(), series_id)


@bp.route("/series/<int:series_id>/shipments.json")
@login_required
def shipments(series_id: int):
    """The series' shipments and their state, for the series page to follow."""
    _series(series_id)
    with db().begin() as dbs:
        return jsonify({"shipments": outbox.shipments_of(dbs, series_id)})


@bp.route("/series/<int:series_id>/send-now", methods=["POST"])
@login_required
def send_now(series_id: int):
    """Try the waiting shipments now, and fetch the news, instead of waiting for the timer."""
    _series(series_id)
    config = current_app.config
    done = outbox.send_waiting(db(), config["INSTANCE_ID"], config["MEDIA_DIR"])
    outbox.fetch_news(db(), config["INSTANCE_ID"])
    if done["waiting"]:
        flash(gettext("The network server cannot be reached now. The ideas wait on this "
                      "laptop and go as soon as it can."), "ship-error")
    else:
        flash(gettext("Everything is sent."), "ship")
    return redirect(url_for("leader.series", series_id=series_id) + "#ship")


@bp.route("/series/<int:series_id>/shipment.zip")
@login_required
def shipment_file(series_id: int):
    """The shortlist as one file, to hand to the advisor when this laptop is never online."""
    config = current_app.config
    first_names = request.args.get("show_first_names")
    first_names = None if first_names is None else first_names == "1"
    try:
        with db().begin() as dbs:
            body = outbox.shipment_file(dbs, current_user(), series_id, config["MEDIA_DIR"],
                                        config["INSTANCE_ID"], first_names)
    except Refused as exc:
        if exc.code in ("forbidden", "not_found"):
            raise
        flash(message(exc), "ship-error")
        return redirect(url_for("leader.series", series_id=series_id) + "#ship")
    return Response(body, mimetype="application/zip", headers={
        "Content-Disposition": f"attachment; filename=ideas-series-{series_id}.zip"})
