"""Partners respond to ideas: "this fits us", offers of help, and the money ledger."""

from __future__ import annotations

from sqlalchemy import delete, func, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from ..domain.board import (
    HelpKind,
    MoneyKind,
    OfferStatus,
    Role,
    Source,
    check_offer_status,
    may_accept_money,
    may_act_for_partner,
    may_run_board,
    parse_amount,
)
from ..domain.errors import Refused
from ..domain.texts import clean_text
from ..store.board_models import BoardIdea, Fit, LedgerLine, Offer, Partner
from ..store.models import User, utcnow
from .board import get_idea


def _partner_for(dbs: Session, actor: User, item: BoardIdea, partner_id: int | None) -> Partner:
    """The partner the actor speaks for on this idea; refuses someone else's."""
    if partner_id is None and actor.role == Role.PARTNER:
        partner_id = actor.partner_id
    partner = dbs.get(Partner, partner_id) if partner_id else None
    if partner is None or partner.network_id != item.network_id:
        raise Refused("partner_needed")
    if not may_act_for_partner(actor.role, actor.partner_id, partner.id):
        raise Refused("forbidden")
    if actor.role != Role.ADMIN and actor.network_id != item.network_id:
        raise Refused("forbidden")
    return partner


def set_fit(dbs: Session, actor: User, board_idea_id: int, fits: bool,
            partner_id: int | None = None) -> dict:
    """A partner says "this fits us" (or takes it back)."""
    item = get_idea(dbs, actor, board_idea_id)
    partner = _partner_for(dbs, actor, item, partner_id)
    existing = dbs.scalar(select(Fit).where(Fit.board_idea_id == item.id,
                                            Fit.partner_id == partner.id))
    if fits and existing is None:
        dbs.add(Fit(board_idea_id=item.id, partner_id=partner.id, user_id=actor.id))
    elif not fits and existing is not None:
        dbs.delete(existing)
    dbs.commit()
    return responses(dbs, item.id)


def offer(dbs: Session, actor: User, board_idea_id: int, kind: str, note: str = "",
          amount: object = None, partner_id: int | None = None) -> dict:
    """A partner offers help: a space, materials, people, promotion, or money (an amount)."""
    item = get_idea(dbs, actor, board_idea_id)
    partner = _partner_for(dbs, actor, item, partner_id)
    try:
        kind = HelpKind(kind)
    except ValueError:
        raise Refused("help_kind_invalid") from None
    cents = parse_amount(amount) if kind == HelpKind.MONEY else None
    dbs.add(Offer(board_idea_id=item.id, partner_id=partner.id, kind=kind,
                  amount_cents=cents, note=clean_text(note, "reason", required=False),
                  user_id=actor.id))
    dbs.commit()
    return responses(dbs, item.id)


def set_offer_status(dbs: Session, actor: User, offer_id: int, status: str) -> dict:
    """Offered, agreed, delivered or withdrawn; by the offering partner or the advisor.
    An offer of money is agreed by accepting it (`accept_money`); when it goes back to
    offered or is withdrawn, the pledge made from it leaves the ledger."""
    row = dbs.get(Offer, offer_id)
    if row is None:
        raise Refused("not_found")
    item = get_idea(dbs, actor, row.board_idea_id)
    if row.kind == HelpKind.MONEY and status == OfferStatus.AGREED \
            and row.status == OfferStatus.OFFERED:
        accept_money(dbs, actor, offer_id)
        return responses(dbs, item.id)
    _partner_for(dbs, actor, item, row.partner_id)
    check_offer_status(row.status, status)
    row.status, row.updated_at = status, utcnow()
    if status in (OfferStatus.OFFERED, OfferStatus.WITHDRAWN):
        dbs.execute(delete(LedgerLine).where(LedgerLine.offer_id == row.id))
    dbs.commit()
    return responses(dbs, item.id)


def accept_money(dbs: Session, actor: User, offer_id: int) -> dict:
    """The idea's owner (the adopting partner) or the advisor accepts a partner's offer of
    money: the offer is agreed and becomes a pledged line in the ledger (the amount, from
    that partner). Once: accepting again, or twice at the same moment, adds nothing."""
    row = dbs.get(Offer, offer_id)
    if row is None:
        raise Refused("not_found")
    item = get_idea(dbs, actor, row.board_idea_id)
    if row.kind != HelpKind.MONEY or not row.amount_cents:
        raise Refused("not_found")  # there is no offer of money by that number
    if not may_accept_money(actor.role, actor.partner_id, item.owner_partner_id) or (
            actor.role != Role.ADMIN and actor.network_id != item.network_id):
        raise Refused("forbidden")
    made = dbs.scalar(select(LedgerLine.id).where(LedgerLine.offer_id == row.id))
    if made is None:
        if row.status != OfferStatus.OFFERED:
            raise Refused("offer_status_invalid")
        row.status, row.updated_at = OfferStatus.AGREED, utcnow()
        dbs.add(LedgerLine(board_idea_id=item.id, kind=MoneyKind.PLEDGED,
                           amount_cents=row.amount_cents, source=Source.PARTNER,
                           partner_id=row.partner_id, note=row.note[:200], offer_id=row.id,
                           user_id=actor.id))
        try:
            dbs.commit()
        except IntegrityError:  # the same offer accepted by another click at this moment
            dbs.rollback()
    return ledger(dbs, item.id)


def responses(dbs: Session, board_idea_id: int) -> dict:
    """Who said it fits, and every offer, for one idea."""
    names = {p.id: p.name for p in dbs.scalars(select(Partner).join(
        BoardIdea, BoardIdea.network_id == Partner.network_id)
        .where(BoardIdea.id == board_idea_id))}
    fits = [{"partner_id": f.partner_id, "partner": names.get(f.partner_id, "")}
            for f in dbs.scalars(select(Fit).where(Fit.board_idea_id == board_idea_id)
                                 .order_by(Fit.id))]
    offers = [{"id": o.id, "partner_id": o.partner_id, "partner": names.get(o.partner_id, ""),
               "kind": o.kind, "amount_cents": o.amount_cents, "note": o.note,
               "status": o.status}
              for o in dbs.scalars(select(Offer).where(Offer.board_idea_id == board_idea_id)
                                   .order_by(Offer.id))]
    return {"board_idea_id": board_idea_id, "fits": fits, "offers": offers}


def add_money(dbs: Session, actor: User, board_idea_id: int, kind: str, amount: object,
              source: str, partner_id: int | None = None, note: str = "") -> dict:
    """A ledger line: pledged or received, from a partner, the programme or a subsidy.
    Advisors record any line; a partner user only its own partner's money."""
    item = get_idea(dbs, actor, board_idea_id)
    try:
        kind, source = MoneyKind(kind), Source(source)
    except ValueError:
        raise Refused("money_invalid") from None
    cents = parse_amount(amount)
    if source == Source.PARTNER:
        partner_id = _partner_for(dbs, actor, item, partner_id).id
    else:
        partner_id = None
        if not may_run_board(actor.role) or not (actor.role == Role.ADMIN
                                                 or actor.network_id == item.network_id):
            raise Refused("forbidden")
    dbs.add(LedgerLine(board_idea_id=item.id, kind=kind, amount_cents=cents, source=source,
                       partner_id=partner_id, note=clean_text(note, "title", required=False),
                       user_id=actor.id))
    dbs.commit()
    return ledger(dbs, item.id)


def ledger(dbs: Session, board_idea_id: int) -> dict:
    """The money lines of an idea and their totals."""
    lines = list(dbs.scalars(select(LedgerLine).where(LedgerLine.board_idea_id == board_idea_id)
                             .order_by(LedgerLine.id)))
    names = {p.id: p.name for p in dbs.scalars(select(Partner).where(
        Partner.id.in_({line.partner_id for line in lines if line.partner_id} or {0})))}
    return {
        "lines": [{"id": line.id, "kind": line.kind, "amount_cents": line.amount_cents,
                   "source": line.source, "partner": names.get(line.partner_id),
                   "note": line.note, "at": line.at.date().isoformat()} for line in lines],
        "pledged_cents": sum(x.amount_cents for x in lines if x.kind == MoneyKind.PLEDGED),
        "received_cents": sum(x.amount_cents for x in lines if x.kind == MoneyKind.RECEIVED),
    }


def totals_by_idea(dbs: Session, network_id: int) -> dict[int, dict]:
    """Pledged and received cents of every idea on a network's board, in one query."""
    rows = dbs.execute(select(LedgerLine.board_idea_id, LedgerLine.kind,
                              func.sum(LedgerLine.amount_cents))
                       .join(BoardIdea, BoardIdea.id == LedgerLine.board_idea_id)
                       .where(BoardIdea.network_id == network_id)
                       .group_by(LedgerLine.board_idea_id, LedgerLine.kind))
    totals: dict[int, dict] = {}
    for idea_id, kind, cents in rows:
        totals.setdefault(idea_id, {"pledged_cents": 0, "received_cents": 0})[
            f"{kind}_cents"] = cents
    return totals


def money_totals(dbs: Session, network_id: int | None = None) -> dict:
    """Pledged and received money per partner and in all, for one network or everywhere."""
    query = select(LedgerLine.kind, LedgerLine.source, LedgerLine.partner_id,
                   func.sum(LedgerLine.amount_cents)).join(
        BoardIdea, BoardIdea.id == LedgerLine.board_idea_id).group_by(
        LedgerLine.kind, LedgerLine.source, LedgerLine.partner_id)
    if network_id is not None:
        query = query.where(BoardIdea.network_id == network_id)
    totals = {"pledged_cents": 0, "received_cents": 0, "by_source": {}, "by_partner": {}}
    for kind, source, partner_id, cents in dbs.execute(query):
        totals[f"{kind}_cents"] += cents
        by_source = totals["by_source"].setdefault(source, {"pledged_cents": 0,
                                                            "received_cents": 0})
        by_source[f"{kind}_cents"] += cents
        if partner_id:
            by_partner = totals["by_partner"].setdefault(partner_id, {"pledged_cents": 0,
                                                                      "received_cents": 0})
            by_partner[f"{kind}_cents"] += cents
    return totals
