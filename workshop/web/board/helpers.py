"""Words, formats and small helpers shared by the network pages."""

from __future__ import annotations

import base64
from datetime import UTC, date, datetime
from decimal import Decimal
from zoneinfo import ZoneInfo

from babel.numbers import format_currency
from flask_babel import format_date
from flask_babel import gettext as _

from ...domain.board import (
    COLUMNS,
    ORDER,
    Role,
    Stage,
    check_move,
)
from ...domain.errors import Refused
from ...i18n.messages import message
from ...services import network, support
from ...store.models import utcnow
from .. import rendered
from ..addresses import base as outside_base
from . import bp

LOCAL_TIME = "Europe/Amsterdam"


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
    """The base of links for people outside the meeting (invitations, respond, feedback)."""
    return outside_base()


def _qr(url: str) -> str:
    """A QR code as a data: address for an <img>."""
    return "data:image/png;base64," + base64.b64encode(rendered.qr(url, box_size=8)).decode()


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
        if _allowed(check_move, stage, target, has_owner=owned,
                    reason="a reason is asked for later"):
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


def _number(value) -> int | None:
    try:
        return int(value)
    except (TypeError, ValueError):
        return None

