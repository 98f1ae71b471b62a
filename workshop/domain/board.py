"""The network selection board: an idea's lifecycle, help offers, money and who may do what.

Plain Python: the services load and store, these functions decide."""

from __future__ import annotations

import re
from decimal import Decimal, InvalidOperation
from enum import StrEnum

from .errors import Refused
from .reasons import says_something


class Stage(StrEnum):
    """Where an idea stands on the board; the columns, in order, and "not now" beside them."""

    NEW = "new"
    SELECTED = "selected"
    ADOPTED = "adopted"
    PLANNED = "planned"
    INTRO = "intro"
    RUNNING = "running"
    EVALUATED = "evaluated"
    NOT_NOW = "not_now"


COLUMNS = (Stage.NEW, Stage.SELECTED, Stage.ADOPTED, Stage.PLANNED, Stage.INTRO,
           Stage.RUNNING, Stage.EVALUATED)
ORDER = {stage: i for i, stage in enumerate(COLUMNS)}


def check_move(current: str, target: str, *, has_owner: bool, reason: str) -> None:
    """Refuse a move the lifecycle does not allow.

    Forward one column at a time (or back one, to correct a mistake); "adopted" and later
    need an owner; "not now" needs a reason a child understands and can be left again only
    back to "new" or "selected"."""
    try:
        current_stage, target_stage = Stage(current), Stage(target)
    except ValueError:
        raise Refused("stage_invalid") from None
    if current_stage == target_stage:
        raise Refused("stage_same")
    if target_stage == Stage.NOT_NOW:
        if not says_something(reason):  # "ok", "x", "-": the children would read nothing
            raise Refused("reason_needed")
        if ORDER[current_stage] > ORDER[Stage.SELECTED]:
            raise Refused("stage_jump")
        return
    if current_stage == Stage.NOT_NOW:
        if target_stage not in (Stage.NEW, Stage.SELECTED):
            raise Refused("stage_jump")
        return
    if abs(ORDER[target_stage] - ORDER[current_stage]) != 1:
        raise Refused("stage_jump")
    if ORDER[target_stage] >= ORDER[Stage.ADOPTED] and not has_owner:
        raise Refused("owner_needed")


class HelpKind(StrEnum):
    """What a partner offers."""

    SPACE = "space"
    MATERIALS = "materials"
    PEOPLE = "people"
    PROMOTION = "promotion"
    MONEY = "money"


class OfferStatus(StrEnum):
    """An offer of help: offered, then agreed, then delivered (or withdrawn)."""

    OFFERED = "offered"
    AGREED = "agreed"
    DELIVERED = "delivered"
    WITHDRAWN = "withdrawn"


OFFER_NEXT = {
    OfferStatus.OFFERED: {OfferStatus.AGREED, OfferStatus.WITHDRAWN},
    OfferStatus.AGREED: {OfferStatus.DELIVERED, OfferStatus.WITHDRAWN, OfferStatus.OFFERED},
    OfferStatus.DELIVERED: {OfferStatus.AGREED},
    OfferStatus.WITHDRAWN: {OfferStatus.OFFERED},
}


def check_offer_status(current: str, target: str) -> None:
    """Refuse an offer status change that skips a step."""
    try:
        if OfferStatus(target) not in OFFER_NEXT[OfferStatus(current)]:
            raise Refused("offer_status_invalid")
    except ValueError:
        raise Refused("offer_status_invalid") from None


class MoneyKind(StrEnum):
    """A ledger line: money promised, or money that arrived."""

    PLEDGED = "pledged"
    RECEIVED = "received"


class Source(StrEnum):
    """Where money comes from."""

    PARTNER = "partner"
    PROGRAMME = "programme"
    SUBSIDY = "subsidy"


MAX_AMOUNT = Decimal("1000000")  # one idea never gets a million euros; a typo does


def parse_amount(value: object) -> int:
    """Euros as typed ("250", "1.250,50", "2.000", "99.95") to cents; refuses nonsense.

    A dot before exactly three digits is a Dutch thousands separator ("2.000" is two
    thousand euros); a dot before one or two digits is a decimal point ("99.95")."""
    if isinstance(value, bool) or value is None:
        raise Refused("amount_invalid")
    text = str(value).strip().replace("€", "").replace(" ", "")
    if "," in text:  # Dutch: 1.250,50
        text = text.replace(".", "").replace(",", ".")
    elif re.fullmatch(r"\d{1,3}(\.\d{3})+", text):  # Dutch thousands: 2.000 or 1.250.000
        text = text.replace(".", "")
    try:
        amount = Decimal(text)
    except InvalidOperation:
        raise Refused("amount_invalid") from None
    if not amount.is_finite():
        raise Refused("amount_invalid")
    if amount <= 0:
        raise Refused("amount_not_positive")
    if amount > MAX_AMOUNT:
        raise Refused("amount_too_big")
    if amount != amount.quantize(Decimal("0.01")):
        raise Refused("amount_invalid")
    return int(amount * 100)


class Role(StrEnum):
    """Who logs in."""

    ADMIN = "admin"
    LEADER = "leader"
    ADVISOR = "advisor"
    PARTNER = "partner"


def may_run_board(role: str) -> bool:
    """Advisors (and admins) run the board: present, select, move ideas, record money."""
    return role in (Role.ADMIN, Role.ADVISOR)


def may_act_for_partner(role: str, user_partner_id: int | None, partner_id: int | None) -> bool:
    """A partner user acts only for their own partner; advisors and admins for any."""
    if may_run_board(role):
        return True
    return role == Role.PARTNER and user_partner_id is not None and user_partner_id == partner_id


def may_accept_money(role: str, user_partner_id: int | None,
                     owner_partner_id: int | None) -> bool:
    """Who turns a partner's offer of money into a pledge in the ledger: the advisor (or an
    admin), or someone of the partner that adopted the idea (its owner)."""
    if may_run_board(role):
        return True
    return (role == Role.PARTNER and user_partner_id is not None
            and user_partner_id == owner_partner_id)


def may_see_figures(role: str, own_network_id: int | None, network_id: int | None) -> bool:
    """Who sees which figures. The programme's (every network together, `network_id` None):
    admins only, as they report to the funders and see every network anyway. A network's:
    admins, and that network's advisor and partners (they sit at its table and hear these
    totals at its meetings; no child's name or one partner's money is in them). Leaders
    none: their own groups' results are on their series pages and exports."""
    if role == Role.ADMIN:
        return True
    if network_id is None or own_network_id is None:
        return False
    return role in (Role.ADVISOR, Role.PARTNER) and own_network_id == network_id


STALE_WEEKS_DEFAULT = 6
ACTIVE_STAGES = (Stage.ADOPTED, Stage.PLANNED, Stage.INTRO, Stage.RUNNING)


def is_stale(stage: str, weeks_since_update: float, limit_weeks: int) -> bool:
    """An adopted idea with no update for `limit_weeks` is flagged; children are waiting."""
    return stage in ACTIVE_STAGES and weeks_since_update >= limit_weeks


FEEDBACK_FACES = ("great", "good", "okay", "bad")
