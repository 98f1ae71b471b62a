"""The privacy page for parents and schools: what is kept about a child, for how long (the
retention period in force) and who sees it, in children's words and in adults' words.
Public, no login; the tablet pages and the progress page link to it."""

from __future__ import annotations

from flask import Blueprint, current_app, render_template

from ..services import retention
from . import db

bp = Blueprint("privacy", __name__)


@bp.route("/privacy")
def privacy_page():
    """The privacy page, with the retention period in force."""
    with db().begin() as dbs:
        months = retention.months(dbs, current_app.config["RETENTION_MONTHS"])
    response = current_app.make_response(render_template("privacy.html", months=months))
    response.headers["Cache-Control"] = "no-cache"  # an admin may change the period
    return response
