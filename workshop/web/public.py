"""Public pages, no login: what became of a group's ideas (progress page, poster, QR code,
spotlight for the kick-off party) and the children's feedback poll after an intro activity.

A progress link is unguessable; a guessed one gets a friendly "not found". No child's name
is shown unless the leader allowed first names when shipping."""

from __future__ import annotations

import re
import secrets
from datetime import datetime

from flask import (
    Blueprint,
    Response,
    current_app,
    jsonify,
    redirect,
    render_template,
    request,
    url_for,
)
from flask_babel import format_date, gettext

from ..domain.board import COLUMNS, FEEDBACK_FACES, Stage
from ..domain.errors import Refused
from ..domain.news import STAGE_ICONS, says_not_now
from ..i18n import child_gettext
from ..i18n.messages import error_body, message
from ..i18n.stages import stage_words
from ..media.poster import poster_pdf, poster_png, shown
from ..services import follow_up, progress
from ..store.board_models import BoardIdea
from ..store.models import Group
from . import db, rendered
from .addresses import outside_url

bp = Blueprint("public", __name__)

FACE_ICONS = {"great": "😄", "good": "🙂", "okay": "😐", "bad": "🙁"}


def progress_url(token: str) -> str:
    """The absolute address of a group's progress page on this server, for people outside
    the classroom (workshop/web/addresses.py decides the base)."""
    return outside_url(url_for("public.progress_page", token=token))


def group_progress_url(group: Group) -> str:
    """Where parents find the group's progress page, as printed and put in QR codes: on the
    linked network server when the group's ideas went there, else on this server."""
    return group.remote_progress_url or progress_url(group.progress_token)


def track() -> list[dict]:
    """The steps of the track on the page: every column in order, with its icon and label."""
    return [{"stage": str(s), "icon": STAGE_ICONS[s],
             "label": stage_words(s, child_gettext("a partner"))["label"]} for s in COLUMNS]


def _nice_date(iso: str) -> str:
    try:
        return format_date(datetime.fromisoformat(iso), format="long")
    except ValueError:
        return ""


def _page_data(token: str) -> tuple[dict, str]:
    """The group's ideas with their status in words; refuses a guessed token."""
    with db().begin() as dbs:
        group = progress.group_by_token(dbs, token)
        data, url = progress.progress(dbs, group), group_progress_url(group)
    order = {str(s): i for i, s in enumerate(COLUMNS)}
    for idea in data["ideas"]:
        idea["words"] = stage_words(idea["stage"], idea["owner"], idea["reason"])
        idea["status_label"] = idea["words"]["label"]
        if idea["stage"] == Stage.NOT_NOW and idea["reason"]:
            idea["status_label"] = idea["reason"] if says_not_now(idea["reason"]) else \
                child_gettext("Not now: %(reason)s", reason=idea["reason"])
        idea["step"] = order.get(idea["stage"], -1)
        idea["show_text"] = idea["text"].strip() != (idea["title"] or "").strip()
        if idea["latest"]:
            idea["latest"]["date"] = _nice_date(idea["latest"]["at"])
    return data, url


def _no_index(response: Response) -> Response:
    response.headers["X-Robots-Tag"] = "noindex, nofollow"
    response.headers["Cache-Control"] = "no-cache"
    return response


def _missing(_exc: Refused):
    """A friendly page for a link that leads nowhere (a guessed token finds nothing)."""
    return render_template("public/missing.html"), 404


def _group_page(template: str, token: str):
    """A public page of a group's ideas, kept out of search engines."""
    try:
        data, url = _page_data(token)
    except Refused as exc:
        return _missing(exc)
    body = render_template(template, data=data, url=url, token=token, track=track())
    return _no_index(Response(body, mimetype="text/html"))


@bp.route("/p/<token>")
def progress_page(token: str):
    """The progress page of a group, for children and parents on a phone."""
    return _group_page("public/progress.html", token)


@bp.route("/p/<token>/spotlight")
def spotlight(token: str):
    """The group's ideas one by one, full screen, for the kick-off party."""
    return _group_page("public/spotlight.html", token)


@bp.route("/p/<token>/qr.png")
def progress_qr(token: str):
    """The QR code to the progress page."""
    try:
        with db().begin() as dbs:
            url = group_progress_url(progress.group_by_token(dbs, token))
    except Refused as exc:
        return _missing(exc)
    return rendered.qr_response(url)


def _poster_labels() -> dict:
    return {
        "title": gettext("What became of our ideas?"),
        "scan": gettext("Scan me!"),
        "scan_more": gettext("See on a phone what happens to each of our ideas."),
        "or_type": gettext("or type:"),
        "more": gettext("+ %(n)s more ideas on the page", n="%(n)s"),
        "empty": gettext("Soon you can see here what happens to our ideas."),
    }


def _poster_work(data: dict, url: str, kind: str = "png") -> tuple:
    """The content key of the poster of `data` pointing to `url`, and its render call
    (function and arguments): only what the poster shows goes into either."""
    media, labels, data = current_app.config["MEDIA_DIR"], _poster_labels(), shown(data)
    content = rendered.key(f"poster.{kind}", data, url, labels,
                           [idea["picture"] for idea in data["ideas"]], media)
    return content, poster_pdf if kind == "pdf" else poster_png, data, url, media, labels


def poster_bytes(data: dict, url: str) -> bytes:
    """The poster PNG of `data` pointing to `url`, rendered once per content."""
    return rendered.cache().render(*_poster_work(data, url))


def _poster(token: str, kind: str):
    try:
        data, url = _page_data(token)
    except Refused as exc:
        return _missing(exc)
    return rendered.picture(*_poster_work(data, url, kind),
                            mimetype="application/pdf" if kind == "pdf" else "image/png",
                            headers={"Content-Disposition": f"inline; filename=poster.{kind}"})


@bp.route("/p/<token>/poster.png")
def poster_image(token: str):
    """The poster as a PNG, to print or share in the parents' chat."""
    return _poster(token, "png")


@bp.route("/p/<token>/poster.pdf")
def poster_document(token: str):
    """The poster as an A4 PDF, to print."""
    return _poster(token, "pdf")


# --- the children's feedback after an intro activity ---

def _faces() -> list[dict]:
    names = {"great": child_gettext("Great!"), "good": child_gettext("Good"),
             "okay": child_gettext("Okay"), "bad": child_gettext("Not fun")}
    return [{"face": f, "icon": FACE_ICONS.get(f, "🙂"), "label": names.get(f, f)}
            for f in FEEDBACK_FACES]


@bp.route("/f", methods=["GET"])
def feedback_code():
    """Typing a feedback code by hand: on to its page."""
    code = re.sub(r"[^A-Za-z0-9]", "", request.args.get("code", ""))[:12]
    if not code:
        return render_template("public/feedback_message.html", message="", code="")
    return redirect(url_for("public.feedback", code=code))


def _open_poll(code: str) -> tuple[str, str]:
    """The tidy code of an open poll and the title of its idea; refuses wrong or closed."""
    with db().begin() as dbs:
        poll = follow_up.find_poll(dbs, code)
        item = dbs.get(BoardIdea, poll.board_idea_id)
        return poll.code, item.title if item else ""


def _poll_page(code: str, title: str, error: str | None = None, form=None) -> Response:
    form = form or {}
    body = render_template("public/feedback.html", code=code, title=title, faces=_faces(),
                           form_id=form.get("client_id") or secrets.token_urlsafe(16),
                           error=error, chosen=form.get("face"), text=form.get("text") or "")
    return _no_index(Response(body, mimetype="text/html", status=400 if error else 200))


@bp.route("/f/<code>", methods=["GET"])
def feedback(code: str):
    """The smiley poll: how was it, and what was fun?"""
    try:
        code, title = _open_poll(code)
    except Refused as exc:
        return _feedback_refused(exc, code)
    return _poll_page(code, title)


@bp.route("/f/<code>", methods=["POST"])
def give_feedback(code: str):
    """Store a child's smiley once per id made on the phone; JSON or a plain form."""
    as_json = request.is_json
    form = request.get_json(silent=True) if as_json else request.form
    if not isinstance(form, dict) and as_json:
        form = {}
    try:
        if not as_json and not form.get("face"):
            code, title = _open_poll(code)
            return _poll_page(code, title, child_gettext("Tap a face first."), form)
        with db().begin() as dbs:
            follow_up.give_feedback(dbs, code, form.get("client_id"), form.get("face"),
                                    form.get("text") or "")
    except Refused as exc:
        if as_json:
            return jsonify(error_body(exc)), 404 if exc.code == "wrong_code" else 400
        if exc.code in ("wrong_code", "poll_closed"):
            return _feedback_refused(exc, code)
        code, title = _open_poll(code)
        return _poll_page(code, title, message(exc), form)
    if as_json:
        return jsonify({"ok": True})
    return render_template("public/feedback_thanks.html", code=code)


def _feedback_refused(exc: Refused, code: str):
    """A wrong or closed code, in words for a child."""
    status = 410 if exc.code == "poll_closed" else 404
    return render_template("public/feedback_message.html", message=message(exc),
                           code=code, closed=exc.code == "poll_closed"), status
