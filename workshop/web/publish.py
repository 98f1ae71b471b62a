"""The progress page as a folder for the school website: a zip file the leader downloads on
the series page, or anyone with the progress link from the server that holds the page (the
folder is made by workshop/services/published.py)."""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path

from flask import (
    Blueprint,
    Response,
    current_app,
    flash,
    redirect,
    render_template,
    request,
    url_for,
)
from flask_babel import format_date
from markupsafe import Markup

from ..domain.errors import Refused
from ..i18n.messages import message
from ..services import progress, published
from . import db
from .auth import current_user, login_required
from .public import _page_data, poster_bytes, track

bp = Blueprint("publish", __name__)
STYLES = ("css/app.css", "css/public.css")
_REMOTE_PAGE = re.compile(r"^https?://[^/?#\s]+(/[^?#\s]*)?/p/[A-Za-z0-9_-]{16,64}$")


def _css() -> Markup:
    """The page's style sheets, to put inline."""
    folder = Path(current_app.static_folder)
    text = "\n".join((folder / name).read_text(encoding="utf-8") for name in STYLES)
    return Markup(text.replace("</", "<\\/"))


def _file_name(name: str) -> str:
    slug = re.sub(r"[^a-z0-9]+", "-", name.lower()).strip("-")[:40]
    return f"progress-page-{slug or 'group'}.zip"


def _folder(token: str, address: str | None) -> Response:
    """The zip file of the group behind `token`; the poster points to `address` if given."""
    data, url = _page_data(token)
    extra = {"date": format_date(date.today(), format="long"), "css": _css()}
    body = published.progress_folder(
        data, current_app.config["MEDIA_DIR"],
        render=lambda local: render_template("public/published.html", data=local,
                                             track=track(), published=extra),
        poster=lambda stored: poster_bytes(stored, address or url))
    return Response(body, mimetype="application/zip", headers={
        "Content-Disposition": f"attachment; filename={_file_name(data['group']['name'])}",
        "Cache-Control": "no-store", "X-Robots-Tag": "noindex, nofollow"})


@bp.route("/series/<int:series_id>/progress-folder.zip")
@login_required
def progress_folder(series_id: int):
    """The group's progress page as a zip file: index.html, img/ and the poster. With the
    address where the leader will publish it, the poster's QR code points there."""
    given = request.args.get("publish_url", "")
    try:
        address = published.publish_address(given)
    except Refused as exc:
        flash(message(exc), "publish-error")
        return redirect(url_for("leader.series", series_id=series_id,
                                publish_url=given[:300]) + "#publish")
    with db().begin() as dbs:
        token = progress.progress_link(dbs, current_user(), series_id)
    return _folder(token, address)


@bp.route("/p/<token>/folder.zip")
def public_folder(token: str):
    """The same folder by the progress link, for whoever may see the page: the board's idea
    page, and a laptop whose group's progress page lives on this (network) server."""
    try:
        with db().begin() as dbs:
            progress.group_by_token(dbs, token)
        address = published.publish_address(request.args.get("publish_url", ""))
    except Refused as exc:
        if exc.code == "not_found":
            return render_template("public/missing.html"), 404
        return render_template("error.html", message=message(exc)), 400
    return _folder(token, address)


def remote_folder(progress_url: str | None) -> str | None:
    """The folder's address on the network server that holds the group's progress page
    (`…/p/<token>` there), or None when that address does not look like one."""
    if progress_url and _REMOTE_PAGE.match(progress_url):
        return progress_url + "/folder.zip"
    return None


@bp.app_context_processor
def _helpers() -> dict:
    return {"remote_folder": remote_folder}
