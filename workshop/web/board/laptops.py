"""The advisor's side of paired laptops: pairing codes, the laptops that ship to the
network (and revoking one), and uploading a shipment file from a laptop that is never
online."""

from __future__ import annotations

from flask import current_app, redirect, render_template, request, url_for
from flask_babel import gettext

from ...domain.errors import Refused
from ...exchange import receive as receiving
from ...exchange.archive import MAX_ARCHIVE
from ...services import network, pairing
from ...store.board_models import Network
from .. import db
from ..addresses import base
from ..auth import current_user, login_required
from . import bp
from .helpers import _form_error, _qr


def _page(network_id: int, status: int = 200, **extra):
    actor = current_user()
    with db().begin() as dbs:
        network.require_board(actor, network_id)
        found = dbs.get(Network, network_id)
        if found is None:
            raise Refused("not_found")
        laptops = pairing.pairings_of(dbs, actor, network_id)
    return render_template("board/laptops.html", net=network.network_data(found),
                           laptops=laptops, **extra), status


@bp.route("/networks/<int:network_id>/laptops")
@login_required
def laptops(network_id: int):
    """Pairing codes and the laptops that ship to this network."""
    return _page(network_id)


@bp.route("/networks/<int:network_id>/pairings", methods=["POST"])
@login_required
def make_pairing(network_id: int):
    """A new one-time pairing code, shown once with its pairing link and QR code."""
    with db().begin(write=True) as dbs:
        made = pairing.make_code(dbs, current_user(), network_id,
                                 request.form.get("label", ""))
    link = base() + url_for("board.pairing_link", code=made["code"])
    return _page(network_id, code=made["code"], pairing_link=link, pairing_qr=_qr(link))


@bp.route("/pairings/<int:pairing_id>/revoke", methods=["POST"])
@login_required
def revoke_pairing(pairing_id: int):
    """End a laptop's key; what it shipped stays on the board."""
    with db().begin(write=True) as dbs:
        pairing.revoke(dbs, current_user(), pairing_id)
        from ...store.link_models import Pairing

        network_id = dbs.get(Pairing, pairing_id).network_id
    return redirect(url_for("board.laptops", network_id=network_id))


@bp.route("/pair/<code>")
def pairing_link(code: str):
    """A pairing link opened in a browser: what to do with it on the laptop."""
    return render_template("board/pairing_link.html", code=pairing.tidy_code(code),
                           link=request.base_url)


@bp.route("/networks/<int:network_id>/shipments", methods=["POST"])
@login_required
def upload_shipment(network_id: int):
    """A shipment file from a laptop that was never online: stored once, whole or not."""
    request.max_content_length = MAX_ARCHIVE
    actor = current_user()
    with db().begin() as dbs:
        network.require_board(actor, network_id)
    upload = request.files.get("file")
    try:
        if upload is None or not upload.filename:
            raise Refused("shipment_broken")
        manifest, pictures = receiving.prepare(upload.read(MAX_ARCHIVE + 1))
        with db().begin(write=True) as dbs:
            result = receiving.receive(dbs, current_app.config["MEDIA_DIR"], manifest,
                                       pictures, network_id, uploaded_by=actor.id)
    except Refused as exc:
        return _page(network_id, 400, upload_error=_form_error(exc))
    if result["duplicate"]:
        note = gettext("This file was uploaded before. Nothing was added twice.")
    else:
        note = gettext("Added to the board: %(n)s ideas. Already on the board: %(m)s.",
                       n=len(result["added"]), m=len(result["already"]))
    return _page(network_id, upload_note=note)
