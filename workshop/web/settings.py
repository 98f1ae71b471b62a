"""The admin's settings page: how long children's data is kept (the retention period), when
the server last forgot by itself and what, and forgetting now."""

from __future__ import annotations

from flask import Blueprint, current_app, redirect, render_template, request, url_for
from flask_babel import gettext

from ..domain.errors import Refused
from ..services import retention
from . import db
from .auth import current_user, login_required

bp = Blueprint("settings", __name__)


@bp.before_request
def admins_only():
    user = current_user()
    if user is not None and user.role != "admin":
        raise Refused("forbidden")


def _page(error: str | None = None, status: int = 200, value=None, done=None):
    config = current_app.config
    with db().begin() as dbs:
        months = retention.months(dbs, config["RETENTION_MONTHS"])
        last = retention.last_run(dbs)
        waiting = len(retention.expired_series(dbs, retention.cutoff(retention.utcnow(),
                                                                     months)))
    return render_template("settings.html", months=months, value=value or months,
                           default_months=config["RETENTION_MONTHS"], last=last,
                           waiting=waiting, done=done, error=error, inline_error=True,
                           minimum=retention.MIN_MONTHS, maximum=retention.MAX_MONTHS), status


@bp.route("/settings", methods=["GET", "POST"])
@login_required
def settings_page():
    """See and change the retention period."""
    if request.method == "GET":
        return _page(done=request.args.get("done"))
    value = request.form.get("retention_months", "")
    try:
        with db().begin(write=True) as dbs:
            retention.set_months(dbs, current_user(), value)
    except Refused as exc:
        if exc.code != "retention_months_invalid":
            raise
        return _page(gettext("Give a whole number of months from %(minimum)s to %(maximum)s.",
                             minimum=retention.MIN_MONTHS, maximum=retention.MAX_MONTHS),
                     400, value=value)
    return redirect(url_for("settings.settings_page", done="saved"))


@bp.route("/settings/forget-now", methods=["POST"])
@login_required
def forget_now():
    """Apply the retention period now, as the daily run would."""
    config = current_app.config
    try:
        retention.purge(db(), config["MEDIA_DIR"], default_months=config["RETENTION_MONTHS"])
    except Refused as exc:
        if exc.code != "retention_busy":
            raise
        return _page(gettext("The server is forgetting by itself right now. Try again in a "
                             "minute."), 409)
    return redirect(url_for("settings.settings_page", done="forgotten"))
