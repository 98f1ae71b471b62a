"""The child's tablet: enter a code (or arrive by QR code), pick an avatar, take part."""

from __future__ import annotations

from flask import (
    Blueprint,
    current_app,
    jsonify,
    redirect,
    render_template,
    request,
    session,
    url_for,
)

from ..domain.errors import Refused
from ..domain.languages import BY_CODE, CHILD
from ..domain.names import AVATAR_KEYS, AVATARS
from ..i18n.client import child_catalogue
from ..i18n.messages import message
from ..media import images
from ..services import run, take_part
from . import db

bp = Blueprint("tablet", __name__)


@bp.route("/j", methods=["GET", "POST"])
def enter_code():
    """Type the code from the big screen."""
    error = None
    if request.method == "POST":
        code = request.form.get("code", "")
        try:
            with db().begin() as dbs:
                workshop = run.find_by_code(dbs, code)
                code = workshop.join_code
        except Refused as exc:
            error = message(exc)
        else:
            return redirect(url_for("tablet.app", code=code))
    return render_template("tablet/code.html", error=error), 400 if error else 200


@bp.route("/j/<code>")
def app(code: str):
    """The tablet app for one workshop; a wrong code gets a friendly page. An ended one
    still opens, so a tablet can send what it kept and show the thank-you."""
    try:
        with db().begin() as dbs:
            workshop = run.find_by_code(dbs, code, ended_too=True)
            data = {"code": workshop.join_code, "workshop_id": workshop.id,
                    "group_id": workshop.series.group_id}
    except Refused as exc:
        return render_template("tablet/code.html", error=message(exc)), 404
    limits = images.tablet_limits(current_app.config["SOCKET_BUFFER_BYTES"])
    limits["too_big"] = message(Refused("image_too_big"))  # said when a tablet cannot send
    return render_template("tablet/app.html", avatars=AVATARS, avatar_keys=AVATAR_KEYS,
                           limits=limits, **data)


@bp.route("/texts/<lang>.json")
def texts(lang: str):
    """The tablet's texts in one child language, for a tablet that switches language
    without reloading: `{lang, name, dir, voice, texts}`; `texts` has the keys of
    window.T that children's pages use (workshop/i18n/client.py)."""
    if lang not in CHILD:
        return {"error": "not_found", "message": message(Refused("not_found"))}, 404
    if request.args.get("choose"):
        # the child chose it on the tablet: the next page this tablet opens (a reload, the
        # privacy page) is in it too, like ?lang= (i18n.child_locale)
        session["child_lang"] = lang
    body = jsonify({**BY_CODE[lang].as_dict(), "lang": lang, "texts": child_catalogue(lang)})
    body.headers["Cache-Control"] = "no-cache"  # new texts come with an update
    return body


@bp.route("/j/<code>/name")
def new_name(code: str):
    """A generated friendly name (two words) for a child who prefers not to type."""
    from flask_babel import get_locale

    try:
        with db().begin() as dbs:
            return {"name": take_part.suggest_name(dbs, code, str(get_locale()))}
    except Refused as exc:
        return {"error": exc.code, "message": message(exc)}, 404
