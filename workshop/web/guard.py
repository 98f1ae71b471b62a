"""What keeps another page from acting as a logged-in person, and the browser's own guards.

- CSRF: every state-changing request carries the token of a page of this server (Flask-WTF's
  CSRFProtect; forms as a hidden field, JavaScript as `X-CSRFToken` from
  `<meta name="csrf-token">`). Only the laptop API (`/api/v1`) goes without: it takes a key
  in a header, never a login cookie.
- Origin: a state-changing request that says where it comes from (`Origin`, else `Referer`)
  must come from this server's own address or its public address (`WORKSHOP_PUBLIC_URL`).
  SameSite=Lax alone lets a page on another port of the same host post (same site).
- Socket.IO takes connections from the same two addresses only.
- Headers: a Content-Security-Policy without inline scripts, and with an https public
  address: Secure cookies and HSTS.
- Idle logins: the login cookie's signed time is renewed on every request and refused when
  older than `WORKSHOP_IDLE_HOURS`, read from `SESSION_CLOCK` (seconds, `time.time`), a
  clock the tests move instead of waiting.
- Behind a reverse proxy (`WORKSHOP_PROXIES`), the client's address and scheme come from its
  X-Forwarded-For and X-Forwarded-Proto (Werkzeug's ProxyFix), for rate limits and the
  origin checks.
"""

from __future__ import annotations

import time
from datetime import timedelta
from urllib.parse import urlsplit

from flask import Flask, current_app, jsonify, render_template, request
from flask.sessions import SecureCookieSessionInterface
from flask_wtf.csrf import CSRFError, CSRFProtect
from itsdangerous import TimestampSigner
from werkzeug.exceptions import Forbidden
from werkzeug.middleware.proxy_fix import ProxyFix

from ..i18n import child_gettext

UNSAFE = {"POST", "PUT", "PATCH", "DELETE"}
HSTS_SECONDS = 365 * 24 * 3600
CSP = ("default-src 'self'; img-src 'self' data: blob:; media-src 'self' blob:; "
       "style-src 'self' 'unsafe-inline'; script-src 'self'; connect-src 'self' ws: wss:; "
       "frame-ancestors 'none'; base-uri 'self'; form-action 'self'; object-src 'none'")

csrf = CSRFProtect()


class _ClockSigner(TimestampSigner):
    """itsdangerous' timed signer with the time from a given clock."""

    def __init__(self, *args, clock, **kwargs):
        super().__init__(*args, **kwargs)
        self.clock = clock

    def get_timestamp(self) -> int:
        return int(self.clock())


class IdleSessions(SecureCookieSessionInterface):
    """Flask's signed-cookie sessions whose signed time (when the login was last used, and
    how old it is) comes from the app's `SESSION_CLOCK`."""

    def get_signing_serializer(self, app: Flask):
        serializer = super().get_signing_serializer(app)
        if serializer is not None:
            serializer.signer = _ClockSigner
            serializer.signer_kwargs = dict(serializer.signer_kwargs,
                                            clock=app.config["SESSION_CLOCK"])
        return serializer


class CrossOrigin(Forbidden):
    """A state-changing request from a page of another address."""


def origin_of(url: str | None) -> str | None:
    """scheme://host[:port] of an address, lower case; None when it has none."""
    if not url:
        return None
    parts = urlsplit(url)
    if not parts.scheme or not parts.netloc:
        return None
    return f"{parts.scheme}://{parts.netloc}".lower()


def _public_origin(config) -> str | None:
    return origin_of(config.get("PUBLIC_URL"))


def allowed_origin(origin: str | None, scheme: str, host: str, config) -> bool:
    """Whether a page at `origin` is this server: the address it was reached at, or its
    public address."""
    if not origin:
        return False
    origin = origin.lower()
    return origin == f"{scheme}://{host}".lower() or origin == _public_origin(config)


def _check_origin() -> None:
    if request.method not in UNSAFE or request.blueprint == "api":
        return
    said = request.headers.get("Origin")
    if said is None:
        said = origin_of(request.headers.get("Referer")) if request.referrer else None
        if said is None:
            return  # not sent by a page (a script or a tool): the CSRF token still decides
    if not allowed_origin(said, request.scheme, request.host, current_app.config):
        raise CrossOrigin()


def _refused_page(status: int):
    text = child_gettext("This page was open too long, or the request came from another website. "
                   "Go back, reload the page and try again.")
    if request.accept_mimetypes.best == "application/json" or request.is_json:
        return jsonify({"ok": False, "error": "csrf", "message": text}), status
    return render_template("error.html", message=text), status


def _security_headers(response):
    response.headers.setdefault("X-Content-Type-Options", "nosniff")
    response.headers.setdefault("Referrer-Policy", "same-origin")
    response.headers.setdefault("Content-Security-Policy", CSP)
    if current_app.config.get("SESSION_COOKIE_SECURE"):
        response.headers.setdefault("Strict-Transport-Security", f"max-age={HSTS_SECONDS}")
    return response


def init_app(app: Flask) -> None:
    """CSRF tokens, the origin check, cookies and headers on the pages of `app`."""
    config = app.config
    https = (config.get("PUBLIC_URL") or "").lower().startswith("https://")
    config.setdefault("WTF_CSRF_TIME_LIMIT", None)  # as long as the login session lasts
    config.setdefault("WTF_CSRF_SSL_STRICT", False)  # _check_origin does this, also for http
    config.update(SESSION_COOKIE_SECURE=https,
                  PERMANENT_SESSION_LIFETIME=timedelta(hours=config["IDLE_HOURS"]))
    config.setdefault("SESSION_CLOCK", time.time)
    app.session_interface = IdleSessions()
    app.before_request(_check_origin)
    csrf.init_app(app)
    from . import api

    csrf.exempt(api.bp)
    app.register_error_handler(CSRFError, lambda _exc: _refused_page(400))
    app.register_error_handler(CrossOrigin, lambda _exc: _refused_page(403))
    app.after_request(_security_headers)


def init_sockets(app: Flask, socketio) -> None:
    """Socket.IO from this server's own pages only; and the proxy's headers believed (this
    wraps the Socket.IO middleware too, so sockets see the client's real address)."""
    config = app.config

    def allowed(origin, environ=None):
        if environ is None:
            return False
        return allowed_origin(origin, environ.get("wsgi.url_scheme", "http"),
                              environ.get("HTTP_HOST", ""), config)

    socketio.server.eio.cors_allowed_origins = allowed
    proxies = int(config.get("PROXIES") or 0)
    if proxies > 0:
        # the client's address and scheme; the host stays the Host header the proxy sets
        # (docs/deploy.md), not an X-Forwarded-Host a client could send through it
        app.wsgi_app = ProxyFix(app.wsgi_app, x_for=proxies, x_proto=proxies, x_host=0)
