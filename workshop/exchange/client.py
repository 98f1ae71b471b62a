"""The laptop's calls to a network server: pair, push a shipment, fetch news.

Network trouble becomes `Refused("server_unreachable")` (the shipment waits and goes
later); the server's own refusals keep their code (a revoked key, a broken shipment)."""

from __future__ import annotations

from urllib.parse import urlsplit

import requests

from ..domain.errors import Refused

TIMEOUT = (5, 120)  # connect, read: thirty photos over school Wi-Fi take a while
API = "/api/v1"


def server_address(value: object) -> str:
    """A network server's base address from what a leader typed or pasted: an address,
    or a pairing link `https://host/pair/CODE`. Refuses anything but http(s) with a host."""
    if not isinstance(value, str):
        raise Refused("address_invalid")
    text = value.strip()
    if "/pair/" in text:
        text = text.split("/pair/", 1)[0]
    if "://" not in text:
        text = "https://" + text
    parts = urlsplit(text)
    if parts.scheme not in ("http", "https") or not parts.hostname or parts.username:
        raise Refused("address_invalid")
    return f"{parts.scheme}://{parts.netloc}{parts.path}".rstrip("/")


def code_in(value: object) -> str:
    """The pairing code of a pasted pairing link, or the text itself."""
    text = value.strip() if isinstance(value, str) else ""
    return text.split("/pair/", 1)[1].strip("/ ") if "/pair/" in text else text


def _call(method: str, url: str, *, key: str | None = None, **kwargs) -> dict:
    headers = kwargs.pop("headers", {})
    if key:
        headers["Authorization"] = f"Bearer {key}"
    headers.setdefault("Accept", "application/json")
    try:
        answer = requests.request(method, url, headers=headers, timeout=TIMEOUT, **kwargs)
    except requests.RequestException:
        raise Refused("server_unreachable") from None
    try:
        body = answer.json()
    except ValueError:
        body = None
    if not isinstance(body, dict):
        if answer.status_code in (502, 503, 504):
            raise Refused("server_unreachable")
        raise Refused("server_not_network")
    if answer.status_code >= 500:
        raise Refused("server_unreachable")
    if answer.status_code >= 400 or body.get("ok") is False:
        raise Refused(str(body.get("error") or "server_error"))
    return body


def pair(server: str, code: str, label: str, leader: str) -> dict:
    """Use a pairing code: the key and the network it is for."""
    return _call("POST", server + API + "/pair",
                 json={"code": code, "label": label, "leader": leader})


def push(server: str, key: str, archive: bytes) -> dict:
    """Send a shipment archive; the answer says what was added and what was there."""
    return _call("POST", server + API + "/shipments", key=key, data=archive,
                 headers={"Content-Type": "application/zip"})


def news(server: str, key: str, uids: list[str]) -> list[dict]:
    """What happened to these shipped ideas."""
    return _call("POST", server + API + "/news", key=key, json={"ideas": uids})["news"]
