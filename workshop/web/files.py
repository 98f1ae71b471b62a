"""Files: pictures, QR codes, idea cards and exports."""

from __future__ import annotations

import re

from flask import Blueprint, Response, abort, current_app, send_from_directory
from flask_babel import gettext

from ..media.cards import idea_card_png
from ..services import exports, setup
from . import db, rendered
from .auth import current_user, login_required
from .screen import join_url

bp = Blueprint("files", __name__)
_MEDIA_NAME = re.compile(r"^(photo|drawing)-[A-Za-z0-9_-]{16}\.(jpg|png)$")


@bp.route("/media/<name>")
def media(name: str):
    """A stored drawing or photo (names are unguessable)."""
    if not _MEDIA_NAME.match(name):
        abort(404)
    response = send_from_directory(current_app.config["MEDIA_DIR"], name, max_age=86400)
    response.headers["Cache-Control"] = "private, max-age=86400, immutable"
    return response


@bp.route("/j/<code>/qr.png")
def join_qr(code: str):
    """The join QR code of a workshop, to show on the screen or to print."""
    if not re.fullmatch(r"[A-Z0-9]{4,12}", code):
        abort(404)
    return rendered.qr_response(join_url(code))


@bp.route("/series/<int:series_id>/export.json")
@login_required
def export_json(series_id: int):
    """The series as JSON."""
    with db().begin() as dbs:
        data = exports.series_json(dbs, setup.get_series(dbs, current_user(), series_id))
    response = current_app.json.response(data)
    response.headers["Content-Disposition"] = f"attachment; filename=series-{series_id}.json"
    return response


@bp.route("/series/<int:series_id>/export.csv")
@login_required
def export_csv(series_id: int):
    """The ideas of the series as CSV."""
    with db().begin() as dbs:
        text = exports.series_csv(dbs, setup.get_series(dbs, current_user(), series_id))
    return Response("\ufeff" + text, mimetype="text/csv", headers={
        "Content-Disposition": f"attachment; filename=series-{series_id}-ideas.csv"})


@bp.route("/series/<int:series_id>/ideas/<int:idea_id>/card.png")
@login_required
def idea_card(series_id: int, idea_id: int):
    """A printable idea card."""
    with db().begin() as dbs:
        series = setup.get_series(dbs, current_user(), series_id)
        ideas = {i["id"]: i for i in exports.ideas_in_depth(dbs, series)}
        if idea_id not in ideas:
            abort(404)
        idea, group = ideas[idea_id], series.group.name
    labels = {"votes": gettext("votes"), "shortlisted": gettext("On the shortlist"),
              "workshop": gettext("Workshop %(n)s", n=idea["workshop_position"])}
    media = current_app.config["MEDIA_DIR"]
    content = rendered.key("card", idea, group, labels, [idea.get("drawing"), idea.get("photo")],
                           media)
    return rendered.picture(content, idea_card_png, idea, group, media, labels,
                            mimetype="image/png", headers={
                                "Content-Disposition": f"inline; filename=idea-{idea_id}.png",
                                "Cache-Control": "private, no-cache"})
