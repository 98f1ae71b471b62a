"""The classroom screen: full screen on the projector, with the leader's controls."""

from __future__ import annotations

from flask import Blueprint, current_app, redirect, render_template, url_for

from ..netaddr import public_url
from ..services import setup
from . import db
from .auth import current_user, login_required

bp = Blueprint("screen", __name__)


def join_url(code: str | None) -> str:
    """The short address children type or reach through the QR code."""
    base = public_url(current_app.config["PUBLIC_URL"], current_app.config["PORT"])
    return f"{base}/j/{code}" if code else base


@bp.route("/workshops/<int:workshop_id>/screen")
@login_required
def show(workshop_id: int):
    """The classroom screen of a workshop."""
    with db().begin() as dbs:
        workshop = setup.get_workshop(dbs, current_user(), workshop_id)
        if workshop.status == "planned":
            return redirect(url_for("leader.series", series_id=workshop.series_id))
        code = workshop.join_code
    return render_template("screen.html", workshop_id=workshop_id, join_url=join_url(code),
                           join_host=join_url(None).split("://", 1)[-1], code=code)
