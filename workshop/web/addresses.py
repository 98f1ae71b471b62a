"""The one place that decides the address of links meant for people outside the classroom
(parents at home, partners at their office): the progress page and its QR code, the poster,
invitation links, the respond QR in present mode and the children's feedback link.

They start with the configured public address (WORKSHOP_PUBLIC_URL) when there is one, else
with the laptop's LAN address; a page that shows such a link asks `link_warning` whether to
say that it works only here (templates/_link_warning.html). The tablets' join link keeps
the LAN address (workshop/web/screen.py)."""

from __future__ import annotations

from flask import Blueprint, current_app

from ..netaddr import PUBLIC, outside_base, reach, url_host

bp = Blueprint("addresses", __name__)


def base() -> str:
    """The base address of links for people outside the classroom, without a slash."""
    return outside_base(current_app.config["PUBLIC_URL"], current_app.config["PORT"])


def outside_url(path: str) -> str:
    """An absolute link for people outside the classroom to a path on this server."""
    return base() + path


def link_warning(url: str | None) -> dict | None:
    """None when anyone can open `url`; else who can (`reach`: local_network or
    this_computer), its host and whether a public address is configured at all."""
    if not url:
        return None
    who = reach(url)
    if who == PUBLIC:
        return None
    return {"reach": who, "host": url_host(url) or url,
            "configured": bool(current_app.config.get("PUBLIC_URL"))}


@bp.app_context_processor
def _helpers() -> dict:
    return {"link_warning": link_warning}
