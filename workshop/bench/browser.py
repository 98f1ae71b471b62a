"""A `requests` session that posts forms the way a browser does: with the page's CSRF token
(from `<meta name="csrf-token">`) and the page's own Origin. The server refuses a state-
changing request without both (workshop/web/guard.py)."""

from __future__ import annotations

import re
from urllib.parse import urlsplit

import requests

META = re.compile(r'<meta name="csrf-token" content="([^"]*)"')
UNSAFE = {"POST", "PUT", "PATCH", "DELETE"}


def origin_of(url: str) -> str:
    """scheme://host[:port] of an address."""
    parts = urlsplit(url)
    return f"{parts.scheme}://{parts.netloc}"


def token_in(html: str) -> str | None:
    """The CSRF token of a page, or None when it has none."""
    found = META.search(html or "")
    return found.group(1) if found else None


class Browser(requests.Session):
    """Before each state-changing request it opens a page of the same server (the login
    page: every page carries the token) and sends that page's token along, as the page's
    own JavaScript and forms do. Requests to the laptop API (`/api/v1/`) go as they are:
    that API takes a key, not a login cookie."""

    token_page = "/login"

    def request(self, method, url, *args, **kwargs):
        if str(method).upper() in UNSAFE and "/api/v1/" not in str(url):
            origin = origin_of(str(url))
            headers = dict(kwargs.pop("headers", None) or {})
            headers.setdefault("Origin", origin)
            token = self.token(origin)
            if token:
                headers.setdefault("X-CSRFToken", token)
            kwargs["headers"] = headers
        return super().request(method, url, *args, **kwargs)

    def token(self, origin: str) -> str | None:
        """The token on a page of the server at `origin`, for this session's cookie."""
        page = super().request("GET", origin + self.token_page, timeout=30)
        return token_in(page.text)
