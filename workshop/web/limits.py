"""Rate limits on what can be guessed or is dear to make (Flask-Limiter).

Per client address (the real one behind a proxy: `WORKSHOP_PROXIES`). Guessing limits count
only the wrong tries, so a class behind one school address that types the right code is
never slowed, and after too many wrong ones even the right code or password waits. The
counts live in Redis when a message queue is configured (every process shares them), in
memory otherwise. Every limit answers with a friendly page (429) in the reader's language.
"""

from __future__ import annotations

from flask import Flask, jsonify, render_template, request
from flask_limiter import Limiter
from flask_limiter.util import get_remote_address

from ..i18n import child_gettext


def _failed(response) -> bool:
    return response.status_code >= 400


def _login_failed(response) -> bool:
    return response.status_code == 401


def _username() -> str:
    name = request.form.get("username", "") if request.method == "POST" else ""
    return f"{get_remote_address()}|{name.strip().lower()[:80]}"


def _user() -> str:
    from .auth import current_user

    user = current_user()
    return f"user-{user.id}" if user is not None else get_remote_address()


# endpoint: [(limits, options)]; `scope` shares one count between endpoints
RULES: dict[str, list[tuple[str, dict]]] = {
    # passwords: per address and username, and per address for many usernames
    "auth.login": [("5/minute;20/hour", {"key_func": _username, "methods": ["POST"],
                                         "deduct_when": _login_failed}),
                   ("30/minute;200/hour", {"methods": ["POST"], "deduct_when": _login_failed,
                                           "scope": "login-address"})],
    "auth.first_run": [("10/minute;30/hour", {"methods": ["POST"]})],
    "auth.password": [("10/minute;30/hour", {"key_func": _user, "methods": ["POST"],
                                             "deduct_when": _failed})],
    # invitations: the one-time links, and making them
    "board.accept_invite": [("20/minute;100/hour", {"deduct_when": _failed,
                                                    "scope": "invitation"})],
    "board.invite": [("30/minute;200/day", {"key_func": _user})],
    # pairing: the network server's codes, and the laptop's form that sends them
    "api.pair": [("10/minute;50/hour", {"deduct_when": _failed, "scope": "pairing"})],
    "linking.links": [("10/minute;50/hour", {"key_func": _user, "methods": ["POST"]})],
    # the children's feedback: the form, and its codes
    "public.give_feedback": [("30/minute;300/hour", {"scope": "feedback"})],
    "public.feedback": [("30/minute;200/hour", {"deduct_when": _failed,
                                                "scope": "feedback-code"})],
    # join codes over HTTP: typed, from the QR link, or for a made-up name
    "tablet.enter_code": [("30/minute;200/hour", {"methods": ["POST"], "deduct_when": _failed,
                                                  "scope": "join-code"})],
    "tablet.app": [("30/minute;200/hour", {"deduct_when": _failed, "scope": "join-code"})],
    "tablet.new_name": [("30/minute;200/hour", {"deduct_when": _failed,
                                                "scope": "join-code"})],
    # pictures made on request: posters (also in the folder), idea cards
    "public.poster_image": [("10/minute;100/hour", {"scope": "poster"})],
    "public.poster_document": [("10/minute;100/hour", {"scope": "poster"})],
    "publish.public_folder": [("10/minute;100/hour", {"scope": "poster"})],
    "publish.progress_folder": [("10/minute;100/hour", {"key_func": _user,
                                                        "scope": "poster"})],
    "files.idea_card": [("60/minute;600/hour", {"key_func": _user})],
}


def _too_many(_exc):
    text = child_gettext("That was too many tries in a short time. Wait a minute and try "
                         "again.")
    if request.blueprint == "api" or request.is_json \
            or request.accept_mimetypes.best == "application/json":
        return jsonify({"ok": False, "error": "too_many", "message": text}), 429
    return render_template("error.html", message=text, too_many=True), 429


def init_app(app: Flask) -> Limiter:
    """A limiter for `app`, with the limits of RULES on its endpoints."""
    queue = app.config.get("MESSAGE_QUEUE")
    limiter = Limiter(get_remote_address, app=app,
                      storage_uri=queue if queue and queue.startswith("redis") else "memory://",
                      key_prefix=f"{app.config.get('MESSAGE_CHANNEL') or 'workshop'}-limits",
                      strategy="moving-window", swallow_errors=True,
                      in_memory_fallback_enabled=True, headers_enabled=True)
    for endpoint, rules in RULES.items():
        view = app.view_functions.get(endpoint)
        if view is None:  # not on this server's role
            continue
        for limits, options in rules:
            options = dict(options)
            scope = options.pop("scope", None)
            if scope:
                view = limiter.shared_limit(limits, scope=scope, **options)(view)
            else:
                view = limiter.limit(limits, **options)(view)
        app.view_functions[endpoint] = view
    app.register_error_handler(429, _too_many)
    app.extensions["workshop_limiter"] = limiter
    return limiter
