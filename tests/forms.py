"""Posting forms the way a browser does in tests: every state-changing request carries the
CSRF token of a page of the same server (read from its `<meta name="csrf-token">`) and the
page's Origin. Nothing turns CSRF off for the tests: a request without them is refused, as
tests/security shows.

- `BrowserClient`: the Flask test client (tests/conftest.py makes it every app's client).
- `Browser`: a `requests` session for real servers (the bench's, workshop/bench/browser.py).
"""

from __future__ import annotations

from flask.testing import FlaskClient
from werkzeug.datastructures import Headers

from workshop.bench.browser import UNSAFE, Browser, token_in

__all__ = ["Browser", "BrowserClient", "token_in"]


class BrowserClient(FlaskClient):
    """Before a POST (PUT, PATCH, DELETE) it opens the login page, as the page the form is
    on would have been opened, and sends that page's token; `/api/v1` goes as it is."""

    token_page = "/login"
    origin = "http://localhost"

    def open(self, *args, **kwargs):
        method = str(kwargs.get("method", "GET")).upper()
        path = args[0] if args and isinstance(args[0], str) else kwargs.get("path", "")
        if method in UNSAFE and isinstance(path, str) and not path.startswith("/api/v1/"):
            headers = Headers(kwargs.pop("headers", None) or {})
            headers.setdefault("Origin", self.origin)
            token = self.csrf_token()
            if token:
                headers.setdefault("X-CSRFToken", token)
            kwargs["headers"] = headers
        return super().open(*args, **kwargs)

    def csrf_token(self) -> str | None:
        """The token of a page, for this client's cookie."""
        page = super().open(self.token_page, follow_redirects=True)
        return token_in(page.get_data(as_text=True))
