"""The network server's API for paired classroom laptops: pair, ship, news.

A laptop proves itself with its key (`Authorization: Bearer …`), never a login cookie, so
these requests carry no CSRF token. Answers are JSON; refusals carry a code and a message
in the language the laptop asks for."""

from __future__ import annotations

from flask import Blueprint, current_app, jsonify, request, url_for

from ..domain.errors import Refused
from ..exchange import receive as receiving
from ..exchange.archive import MAX_ARCHIVE
from ..i18n.messages import error_body
from ..services import pairing
from . import db
from .addresses import base as outside_base

bp = Blueprint("api", __name__, url_prefix="/api/v1")

STATUS = {"key_unknown": 401, "key_revoked": 401, "key_other_network": 403,
          "pairing_code_invalid": 400, "shipment_too_big": 413, "not_found": 404}


@bp.errorhandler(Refused)
def _refused(exc: Refused):
    return jsonify(error_body(exc)), STATUS.get(exc.code, 400)


def _key() -> str:
    header = request.headers.get("Authorization", "")
    return header[7:].strip() if header.startswith("Bearer ") else ""


@bp.get("/hello")
def hello():
    """What this server is: lets a laptop check the address it was given."""
    return jsonify({"ok": True, "role": current_app.config["ROLE"], "api": 1})


@bp.post("/pair")
def pair():
    """Use a one-time pairing code; the answer carries the key, once."""
    body = request.get_json(silent=True)
    if not isinstance(body, dict):
        raise Refused("bad_request")
    with db().begin(write=True) as dbs:
        made = pairing.pair(dbs, body.get("code"), body.get("label") or "",
                            body.get("leader") or "")
    return jsonify({"ok": True, **made, "public_url": outside_base()})


@bp.post("/shipments")
def ship():
    """Take in a shipment archive from a paired laptop: stored once, whole or not at all."""
    request.max_content_length = MAX_ARCHIVE
    with db().begin() as dbs:
        network_id = pairing.by_key(dbs, _key()).network_id
    data = request.get_data(cache=False)
    manifest, pictures = receiving.prepare(data)
    media_dir = current_app.config["MEDIA_DIR"]
    with db().begin(write=True) as dbs:
        found = pairing.by_key(dbs, _key())
        result = receiving.receive(dbs, media_dir, manifest, pictures, network_id,
                                   pairing=found)
    return jsonify({"ok": True, **_with_url(result)})


def _with_url(result: dict) -> dict:
    token = result.pop("progress_token", None)
    if token:
        result["progress_url"] = outside_base() + url_for("public.progress_page", token=token)
    return result


@bp.post("/news")
def news():
    """What became of the laptop's shipped ideas, on its own network only."""
    body = request.get_json(silent=True)
    uids = body.get("ideas") if isinstance(body, dict) else None
    if not isinstance(uids, list):
        raise Refused("bad_request")
    with db().begin(write=True) as dbs:
        found = pairing.by_key(dbs, _key())
        items = receiving.news(dbs, found.network_id, uids)
        dbs.commit()  # the key's last-seen time
    return jsonify({"ok": True, "news": items})
