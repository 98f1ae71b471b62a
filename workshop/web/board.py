"""The network's pages: networks and partners, invitations, the board, an idea's follow-up,
the advisor's presentation, the partner's phone and the figures.

Each view checks nothing itself: it calls a service with the logged-in person and shows
the result; a refusal of a form comes back on the same page, with what was typed kept."""

from __future__ import annotations

import base64
import csv
import io
from datetime import UTC, date, datetime
from decimal import Decimal
from zoneinfo import ZoneInfo

from babel.numbers import format_currency
from flask import (
    Blueprint,
    Response,
    current_app,
    redirect,
    render_template,
    request,
    session,
    url_for,
)
from flask_babel import format_date
from flask_babel import gettext as _

from ..domain.board import (
    COLUMNS,
    FEEDBACK_FACES,
    OFFER_NEXT,
    ORDER,
    HelpKind,
    OfferStatus,
    Role,
    Stage,
    check_move,
    may_act_for_partner,
)
from ..domain.errors import Refused
from ..i18n.messages import message
from ..media.qr import qr_png
from ..netaddr import public_url
from ..services import board, figures, follow_up, network, support
from ..store.board_models import Milestone, Network, Offer
from ..store.models import utcnow
from . import db
from .auth import current_user, login_required

bp = Blueprint("board", __name__)
LOCAL_TIME = "Europe/Amsterdam"


# --- words and helpers for the templates ---------------------------------------------------

def labels() -> dict:
    """Every code the board stores, as words in the reader's language."""
    return {
        "stages": {"new": _("New"), "selected": _("Selected"), "adopted": _("Adopted"),
                   "planned": _("Planned"), "intro": _("Intro activity"),
                   "running": _("Running"), "evaluated": _("Evaluated"),
                   "not_now": _("Not now")},
        "domains": {"culture": _("Art and culture"), "childcare": _("After-school care"),
                    "education": _("School and education"), "welfare": _("Welfare"),
                    "sport": _("Sport"), "housing": _("Housing corporation"),
                    "library": _("Library"), "municipality": _("Municipality"),
                    "residents": _("Residents")},
        "strengths": {"spaces": _("Spaces"), "materials": _("Materials"),
                      "people": _("People"), "skills": _("Skills"), "money": _("Money"),
                      "promotion": _("Promotion")},
        "help": {"space": _("A space"), "materials": _("Materials"), "people": _("People"),
                 "promotion": _("Promotion"), "money": _("Money")},
        "help_icons": {"space": "🏠", "materials": "🎨", "people": "🙋", "promotion": "📣",
                       "money": "💶"},
        "offer_status": {"offered": _("Offered"), "agreed": _("Agreed"),
                         "delivered": _("Delivered"), "withdrawn": _("Withdrawn")},
        "money_kinds": {"pledged": _("Pledged"), "received": _("Received")},
        "sources": {"partner": _("Partner"), "programme": _("Programme"),
                    "subsidy": _("Subsidy")},
        "milestones": {"first_meeting": _("First meeting"), "intro": _("Intro activity"),
                       "series_start": _("Start of the series"),
                       "evaluation": _("Evaluation"), "other": _("Other")},
        "roles": {"leader": _("Workshop leader"), "advisor": _("Advisor"),
                  "partner": _("Partner user"), "admin": _("Administrator")},
        "faces": {"great": "😍", "good": "🙂", "okay": "😐", "bad": "🙁"},
    }


@bp.app_template_filter("euros")
def euros(cents: int | None) -> str:
    """Cents as euros, Dutch style: € 1.250,50."""
    return format_currency(Decimal(cents or 0) / 100, "EUR", locale="nl_NL")


@bp.app_template_filter("when")
def when(iso: str | None) -> str:
    """A stored (UTC) moment as local date and time."""
    if not iso:
        return ""
    moment = datetime.fromisoformat(iso).replace(tzinfo=UTC)
    try:
        moment = moment.astimezone(ZoneInfo(LOCAL_TIME))
    except (KeyError, ValueError, OSError):
        pass
    return moment.strftime("%d-%m-%Y %H:%M")


@bp.app_template_filter("day")
def day(iso: str | None) -> str:
    """An ISO date as a date in the reader's language."""
    return format_date(date.fromisoformat(iso), "medium") if iso else ""


def _base() -> str:
    return public_url(current_app.config["PUBLIC_URL"], current_app.config["PORT"])


def _qr(url: str) -> str:
    """A QR code as a data: address for an <img>."""
    return "data:image/png;base64," + base64.b64encode(qr_png(url, box_size=8)).decode()


def _allowed(check, *args, **kwargs) -> bool:
    """Whether a service's rule lets this through (to show only buttons that work)."""
    try:
        check(*args, **kwargs)
    except Refused:
        return False
    return True


def _form_error(exc: Refused) -> str:
    """The message of a refused form; not allowed and not found go to the error page."""
    if exc.code in ("forbidden", "not_found"):
        raise exc
    return message(exc)


# --- networks, partners, invitations -------------------------------------------------------

def _may_create(actor) -> bool:
    return actor.role == Role.ADMIN or (actor.role == Role.ADVISOR and not actor.network_id)


@bp.route("/networks", methods=["GET", "POST"])
@login_required
def networks():
    """The networks the person belongs to; admins and new advisors create one."""
    actor, error = current_user(), None
    if request.method == "POST":
        try:
            with db().begin() as dbs:
                made = network.create_network(dbs, actor, request.form.get("name", ""),
                                              request.form.get("neighbourhood", ""),
                                              request.form.get("stale_weeks", 6))
        except Refused as exc:
            error = _form_error(exc)
        else:
            return redirect(url_for("board.network_page", network_id=made["id"]))
    with db().begin() as dbs:
        found = network.networks_of(dbs, actor)
    return render_template("board/networks.html", networks=found, error=error,
                           may_create=_may_create(actor), form=request.form,
                           L=labels()), 400 if error else 200


def _network_page(network_id: int, status: int = 200, **extra):
    actor = current_user()
    with db().begin() as dbs:
        if not network.may_see_network(actor, network_id):
            raise Refused("forbidden")
        found = dbs.get(Network, network_id)
        if found is None:
            raise Refused("not_found")
        partners = network.partners_of(dbs, network_id)
    extra.setdefault("form", {})
    return render_template("board/network.html", net=network.network_data(found),
                           partners=partners, runs=_allowed(network.require_board, actor,
                                                            network_id),
                           domains=network.DOMAINS, strengths=network.STRENGTHS,
                           is_admin=actor.role == Role.ADMIN, L=labels(), **extra), status


@bp.route("/networks/<int:network_id>")
@login_required
def network_page(network_id: int):
    """A network: its partners, adding partners and inviting people."""
    return _network_page(network_id)


@bp.route("/networks/<int:network_id>/partners", methods=["POST"])
@login_required
def add_partner(network_id: int):
    """Add a partner organisation."""
    form = request.form
    try:
        with db().begin() as dbs:
            network.add_partner(dbs, current_user(), network_id, form.get("name", ""),
                                form.get("domain", ""), form.get("contact_name", ""),
                                form.get("contact_email", ""), form.get("contact_phone", ""),
                                form.getlist("strengths"))
    except Refused as exc:
        return _network_page(network_id, 400, error=_form_error(exc), form=form,
                             failed="partner")
    return redirect(url_for("board.network_page", network_id=network_id) + "#partners")


@bp.route("/networks/<int:network_id>/invite", methods=["POST"])
@login_required
def invite(network_id: int):
    """Make a one-time link for a new person; it is shown once, with a QR code."""
    form = request.form
    try:
        with db().begin() as dbs:
            token = network.invite(dbs, current_user(), form.get("role", ""), network_id,
                                   _number(form.get("partner_id")), form.get("note", ""))
    except Refused as exc:
        return _network_page(network_id, 400, error=_form_error(exc), form=form,
                             failed="invite")
    link = f"{_base()}/invite/{token}"
    return _network_page(network_id, invite_link=link, invite_qr=_qr(link))


@bp.route("/invite/<token>", methods=["GET", "POST"])
def accept_invite(token: str):
    """Someone invited makes their account with the one-time link, and is logged in."""
    error = None
    with db().begin() as dbs:
        invitation = network.open_invitation(dbs, token)
        role, network_id = invitation.role, invitation.network_id
        partner = next((p["name"] for p in network.partners_of(dbs, network_id or 0)
                        if p["id"] == invitation.partner_id), None)
        if request.method == "POST":
            form = request.form
            try:
                if form.get("password") != form.get("password2"):
                    raise Refused("password_mismatch")
                user = network.accept(dbs, token, form.get("username", ""),
                                      form.get("password", ""), form.get("name", ""))
            except Refused as exc:
                error = message(exc)
            else:
                session.clear()
                session["user_id"] = user["id"]
                session.permanent = True
                if network_id:
                    return redirect(url_for("board.board_page", network_id=network_id))
                return redirect(url_for("leader.home"))
    return render_template("board/invite.html", role=role, partner=partner, error=error,
                           form=request.form, L=labels()), 400 if error else 200


# --- the board -----------------------------------------------------------------------------

def _is_owner(actor, item: dict) -> bool:
    return (actor.role == Role.PARTNER and item["owner"] is not None
            and actor.partner_id == item["owner"]["id"])


def _moves(actor, item: dict) -> dict:
    """The moves of an idea that this person may make now: back, on, not now."""
    runs = _allowed(network.require_board, actor, item["network_id"])
    if not runs and not _is_owner(actor, item):
        return {}
    stage, owned = item["stage"], item["owner"] is not None
    if stage == Stage.NOT_NOW:
        options = {"back": Stage.NEW, "on": Stage.SELECTED}
    else:
        i = ORDER[Stage(stage)]
        options = {"back": COLUMNS[i - 1] if i > 0 else None,
                   "on": COLUMNS[i + 1] if i + 1 < len(COLUMNS) else None,
                   "not_now": Stage.NOT_NOW}
    moves = {}
    for name, target in options.items():
        if target is None or (not runs and target in (Stage.NEW, Stage.SELECTED,
                                                       Stage.NOT_NOW)):
            continue
        if _allowed(check_move, stage, target, has_owner=owned, reason="-"):
            moves[name] = target.value
    return moves


def _card(dbs, actor, item: dict, totals: dict | None = None) -> dict:
    ledger = (totals.get(item["id"], {"pledged_cents": 0, "received_cents": 0})
              if totals is not None else support.ledger(dbs, item["id"]))
    quiet = utcnow() - datetime.fromisoformat(item["last_news_at"])
    item = dict(item, pledged_cents=ledger["pledged_cents"],
                received_cents=ledger["received_cents"], weeks_quiet=quiet.days // 7)
    item["moves"] = _moves(actor, item)
    item["may_adopt"] = (item["stage"] == Stage.SELECTED and item["owner"] is None
                         and (actor.role == Role.PARTNER and bool(actor.partner_id)
                              or _allowed(network.require_board, actor, item["network_id"])))
    return item


def _board_page(network_id: int, status: int = 200, **extra):
    actor = current_user()
    with db().begin() as dbs:
        data = board.board(dbs, actor, network_id)
        totals = support.totals_by_idea(dbs, network_id)
        columns = {stage: [_card(dbs, actor, i, totals) for i in items]
                   for stage, items in data["columns"].items()}
        partners = network.partners_of(dbs, network_id)
    extra.setdefault("form", {})
    return render_template("board/board.html", net=data["network"], columns=columns,
                           order=[s.value for s in COLUMNS], partners=partners,
                           runs=_allowed(network.require_board, actor, network_id),
                           L=labels(), **extra), status


@bp.route("/networks/<int:network_id>/board")
@login_required
def board_page(network_id: int):
    """The kanban board of a network."""
    return _board_page(network_id)


def _back_to(item_id: int, network_id: int):
    if request.form.get("back") == "idea":
        return redirect(url_for("board.idea", board_idea_id=item_id))
    return redirect(url_for("board.board_page", network_id=network_id) + f"#idea-{item_id}")


def _network_of(board_idea_id: int) -> int:
    with db().begin() as dbs:
        return board.get_idea(dbs, current_user(), board_idea_id).network_id


@bp.route("/board/ideas/<int:board_idea_id>/move", methods=["POST"])
@login_required
def move(board_idea_id: int):
    """Move an idea to another column ("not now" with a reason a child understands)."""
    network_id = _network_of(board_idea_id)
    try:
        with db().begin() as dbs:
            board.move(dbs, current_user(), board_idea_id, request.form.get("target", ""),
                       request.form.get("reason", ""))
    except Refused as exc:
        return _refused_on(board_idea_id, network_id, exc, "move")
    return _back_to(board_idea_id, network_id)


@bp.route("/board/ideas/<int:board_idea_id>/adopt", methods=["POST"])
@login_required
def adopt(board_idea_id: int):
    """A partner adopts a selected idea (an advisor may record it for a partner)."""
    actor, network_id = current_user(), _network_of(board_idea_id)
    partner_id = actor.partner_id if actor.role == Role.PARTNER else \
        _number(request.form.get("partner_id"))
    try:
        with db().begin() as dbs:
            board.adopt(dbs, actor, board_idea_id, partner_id or 0)
    except Refused as exc:
        return _refused_on(board_idea_id, network_id, exc, "adopt")
    return _back_to(board_idea_id, network_id)


def _refused_on(item_id: int, network_id: int, exc: Refused, form_name: str):
    error = _form_error(exc)
    if request.form.get("back") == "idea":
        return _idea_page(item_id, 400, error=error, failed=form_name, form=request.form)
    return _board_page(network_id, 400, error=error, failed_id=item_id, form=request.form)


# --- one idea: help, money, milestones, news, feedback -------------------------------------

def _idea_page(board_idea_id: int, status: int = 200, **extra):
    actor = current_user()
    with db().begin() as dbs:
        row = board.get_idea(dbs, actor, board_idea_id)
        item = _card(dbs, actor, board.board_item(dbs, row))
        responses = support.responses(dbs, row.id)
        for offer in responses["offers"]:
            offer["next"] = [s.value for s in OfferStatus
                             if s in OFFER_NEXT[OfferStatus(offer["status"])]] \
                if may_act_for_partner(actor.role, actor.partner_id, offer["partner_id"]) \
                and network.may_see_network(actor, row.network_id) else []
        poll = follow_up.open_poll(dbs, row.id)
        poll_url = f"{_base()}/f/{poll}" if poll else None
        context = {
            "idea": item, "timeline": board.timeline(dbs, row.id), "responses": responses,
            "ledger": support.ledger(dbs, row.id), "milestones": follow_up.milestones(dbs, row.id),
            "updates": follow_up.updates(dbs, row.id),
            "feedback": follow_up.feedback_results(dbs, row.id),
            "poll": poll, "poll_url": poll_url, "poll_qr": _qr(poll_url) if poll else None,
            "partners": network.partners_of(dbs, row.network_id),
            "runs": _allowed(network.require_board, actor, row.network_id),
            "follows": follow_up.may_follow(actor, row),
            "speaks": actor.role == Role.PARTNER and actor.network_id == row.network_id,
            "my_partner": actor.partner_id, "help_kinds": [k.value for k in HelpKind],
            "milestone_kinds": follow_up.MILESTONE_KINDS, "faces": FEEDBACK_FACES,
        }
    extra.setdefault("form", {})
    return render_template("board/idea.html", L=labels(), **context, **extra), status


@bp.route("/board/ideas/<int:board_idea_id>")
@login_required
def idea(board_idea_id: int):
    """An idea on the board with everything that happened to it."""
    return _idea_page(board_idea_id)


def _act(board_idea_id: int, form_name: str, action):
    """Run one form's service call; on a refusal show the page again with the input kept."""
    try:
        with db().begin() as dbs:
            action(dbs, current_user())
    except Refused as exc:
        return _idea_page(board_idea_id, 400, error=_form_error(exc), failed=form_name,
                          form=request.form)
    return redirect(url_for("board.idea", board_idea_id=board_idea_id) + "#" + form_name)


def _idea_of(dbs, table, row_id: int) -> int:
    row = dbs.get(table, row_id)
    if row is None:
        raise Refused("not_found")
    return row.board_idea_id


@bp.route("/board/ideas/<int:board_idea_id>/fit", methods=["POST"])
@login_required
def fit(board_idea_id: int):
    """"This fits us", or take it back."""
    fits = request.form.get("fits") == "1"
    partner_id = _number(request.form.get("partner_id"))
    return _act(board_idea_id, "help", lambda dbs, actor: support.set_fit(
        dbs, actor, board_idea_id, fits, partner_id))


@bp.route("/board/ideas/<int:board_idea_id>/offers", methods=["POST"])
@login_required
def offer(board_idea_id: int):
    """Offer help: a space, materials, people, promotion or money."""
    form = request.form
    return _act(board_idea_id, "help", lambda dbs, actor: support.offer(
        dbs, actor, board_idea_id, form.get("kind", ""), form.get("note", ""),
        form.get("amount"), _number(form.get("partner_id"))))


@bp.route("/board/offers/<int:offer_id>/status", methods=["POST"])
@login_required
def offer_status(offer_id: int):
    """Agreed, delivered, withdrawn or offered again."""
    with db().begin() as dbs:
        board_idea_id = _idea_of(dbs, Offer, offer_id)
    return _act(board_idea_id, "help", lambda dbs, actor: support.set_offer_status(
        dbs, actor, offer_id, request.form.get("status", "")))


@bp.route("/board/ideas/<int:board_idea_id>/money", methods=["POST"])
@login_required
def money(board_idea_id: int):
    """A line in the money ledger."""
    form = request.form
    return _act(board_idea_id, "money", lambda dbs, actor: support.add_money(
        dbs, actor, board_idea_id, form.get("kind", ""), form.get("amount"),
        form.get("source", ""), _number(form.get("partner_id")), form.get("note", "")))


@bp.route("/board/ideas/<int:board_idea_id>/milestones", methods=["POST"])
@login_required
def milestone(board_idea_id: int):
    """A dated milestone."""
    form = request.form
    return _act(board_idea_id, "milestones", lambda dbs, actor: follow_up.add_milestone(
        dbs, actor, board_idea_id, form.get("kind", ""), form.get("due", ""),
        form.get("title", "")))


@bp.route("/board/milestones/<int:milestone_id>/done", methods=["POST"])
@login_required
def milestone_done(milestone_id: int):
    """Tick a milestone off, or on again."""
    with db().begin() as dbs:
        board_idea_id = _idea_of(dbs, Milestone, milestone_id)
    done = request.form.get("done") == "1"
    return _act(board_idea_id, "milestones", lambda dbs, actor: follow_up.set_milestone_done(
        dbs, actor, milestone_id, done))


@bp.route("/board/ideas/<int:board_idea_id>/updates", methods=["POST"])
@login_required
def post_update(board_idea_id: int):
    """News with an optional photo (re-encoded and stripped by the service)."""
    upload = request.files.get("photo")
    photo = upload.read() if upload and upload.filename else None
    return _act(board_idea_id, "updates", lambda dbs, actor: follow_up.post_update(
        dbs, actor, board_idea_id, request.form.get("text", ""), photo,
        current_app.config["MEDIA_DIR"]))


@bp.route("/board/ideas/<int:board_idea_id>/feedback/<action>", methods=["POST"])
@login_required
def feedback(board_idea_id: int, action: str):
    """Open or close the children's feedback poll."""
    calls = {"open": follow_up.open_feedback, "close": follow_up.close_feedback}
    if action not in calls:
        raise Refused("not_found")
    return _act(board_idea_id, "feedback",
                lambda dbs, actor: calls[action](dbs, actor, board_idea_id))


# --- the meeting: presentation and the partners' phones ------------------------------------

@bp.route("/networks/<int:network_id>/present")
@login_required
def present(network_id: int):
    """The advisor's presentation: one idea at a time, partners respond live."""
    actor = current_user()
    network.require_board(actor, network_id)
    with db().begin() as dbs:
        data = board.board(dbs, actor, network_id)
    respond = f"{_base()}/networks/{network_id}/respond"
    return render_template("board/present.html", net=data["network"], ideas=data["ideas"],
                           respond_url=respond, respond_short=respond.split("://", 1)[-1],
                           respond_qr=_qr(respond), L=labels())


@bp.route("/networks/<int:network_id>/respond")
@login_required
def respond(network_id: int):
    """A partner's phone during the meeting: follows the advisor, says what fits."""
    actor = current_user()
    if actor.role != Role.PARTNER or actor.network_id != network_id or not actor.partner_id:
        raise Refused("forbidden")
    with db().begin() as dbs:
        found = dbs.get(Network, network_id)
        partner = next(p for p in network.partners_of(dbs, network_id)
                       if p["id"] == actor.partner_id)
    return render_template("board/respond.html", net=network.network_data(found),
                           partner=partner, L=labels())


# --- figures -------------------------------------------------------------------------------

def _figures(network_id: int | None) -> dict:
    with db().begin() as dbs:
        if network_id is not None and dbs.get(Network, network_id) is None:
            raise Refused("not_found")
        return figures.figures(dbs, current_user(), network_id)


def _flat(data: dict) -> list[tuple[str, object]]:
    """The figures as rows of figure,value."""
    rows = [(k, v) for k, v in data.items() if not isinstance(v, dict)]
    rows += [(f"stage_{k}", v) for k, v in data["stages"].items()]
    for source, sums in sorted(data["money_by_source"].items()):
        rows += [(f"{source}_{k}", v) for k, v in sums.items()]
    return [(k, "" if v is None else v) for k, v in rows]


def _export(data: dict, kind: str, name: str):
    if kind == "json":
        response = current_app.json.response(data)
    else:
        out = io.StringIO()
        writer = csv.writer(out)
        writer.writerow(["figure", "value"])
        writer.writerows(_flat(data))
        response = Response("\ufeff" + out.getvalue(), mimetype="text/csv")
    response.headers["Content-Disposition"] = f"attachment; filename={name}.{kind}"
    return response


@bp.route("/figures")
@bp.route("/networks/<int:network_id>/figures")
@login_required
def figures_page(network_id: int | None = None):
    """The dashboard: children, workshops, ideas, stages, money and partners."""
    data = _figures(network_id)
    base = f"/networks/{network_id}/figures" if network_id else "/figures"
    money_top = max([1, *(v for sums in data["money_by_source"].values()
                          for v in sums.values())])
    return render_template("board/figures.html", f=data, network_id=network_id,
                           money_top=money_top,
                           export=base, order=[*(s.value for s in COLUMNS), "not_now"],
                           L=labels())


@bp.route("/figures.<any(csv, json):kind>")
@bp.route("/networks/<int:network_id>/figures.<any(csv, json):kind>")
@login_required
def figures_export(kind: str, network_id: int | None = None):
    """The figures as CSV (figure,value) or JSON."""
    data = _figures(network_id)
    return _export(data, kind, f"figures-network-{network_id}" if network_id
                   else "figures-programme")


def _number(value) -> int | None:
    try:
        return int(value)
    except (TypeError, ValueError):
        return None

