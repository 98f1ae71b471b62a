"""Networks, partner organisations and one-time invitations."""

from __future__ import annotations

from flask import (
    redirect,
    render_template,
    request,
    url_for,
)

from ...domain.board import (
    Role,
)
from ...domain.errors import Refused
from ...i18n.messages import message
from ...services import network
from ...store.board_models import Network
from .. import db
from ..auth import current_user, log_in, login_required
from . import bp
from .helpers import _allowed, _base, _form_error, _number, _qr, labels


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
                log_in(user)
                if network_id:
                    return redirect(url_for("board.board_page", network_id=network_id))
                return redirect(url_for("leader.home"))
    return render_template("board/invite.html", role=role, partner=partner, error=error,
                           form=request.form, L=labels()), 400 if error else 200
