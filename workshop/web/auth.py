"""Logging in, logging out, the first-run page that creates the first account, and the
password page.

A login session ends on the server: it carries the account's session key
(services/accounts.py), so a logout, a new password or another role ends it on every device,
also when its cookie was copied; and it lasts only as long as it is used (the cookie's
signed time: `WORKSHOP_IDLE_HOURS`, default 12)."""

from __future__ import annotations

import re
from functools import wraps
from urllib.parse import urlsplit

from flask import Blueprint, g, redirect, render_template, request, session, url_for
from flask_babel import gettext

from ..domain.errors import Refused
from ..i18n.messages import message
from ..services import accounts

bp = Blueprint("auth", __name__)
_UNSAFE_IN_NEXT = re.compile(r"[\x00-\x20\x7f\\]")


def current_user():
    """The logged-in user (an ORM object detached from its session), or None. A session
    that was ended on the server (logout, new password, other role) is forgotten here."""
    if "user" not in g:
        from . import db

        g.user = None
        if session.get("user_id"):
            with db().begin() as dbs:
                g.user = accounts.session_user(dbs, session)
            if g.user is None:
                session.clear()
    return g.user


def log_in(user) -> None:
    """Start a login session for `user` (a user dict or ORM object): a new session, so
    nothing of what came before (an attacker's planted cookie) carries over."""
    from . import db

    user_id = user["id"] if isinstance(user, dict) else user.id
    lang = session.get("lang")
    session.clear()
    with db().begin() as dbs:
        session["key"] = accounts.session_key(accounts.get_user(dbs, user_id))
    session["user_id"] = user_id
    if lang:
        session["lang"] = lang
    session.permanent = True  # lasts WORKSHOP_IDLE_HOURS after the last request
    g.pop("user", None)


def safe_next(target: str | None) -> str:
    """Where to go after logging in: a path on this server, else the home page. Browsers
    drop tabs and line breaks from addresses and read a backslash as a slash, so
    `/%09/evil.example` or `/\\evil.example` would leave this host: refused."""
    target = target or ""
    parts = urlsplit(target)
    if (not target.startswith("/") or target.startswith("//") or _UNSAFE_IN_NEXT.search(target)
            or parts.scheme or parts.netloc):
        return url_for("leader.home")
    return target


def login_required(view):
    """Send people who are not logged in to the login page."""

    @wraps(view)
    def wrapped(*args, **kwargs):
        if current_user() is None:
            return redirect(url_for("auth.login", next=request.full_path))
        return view(*args, **kwargs)

    return wrapped


@bp.route("/login", methods=["GET", "POST"])
def login():
    """Log in with username and password."""
    from . import db

    with db().begin() as dbs:
        if not accounts.has_users(dbs):
            return redirect(url_for("auth.first_run"))
    error = None
    if request.method == "POST":
        try:
            with db().begin() as dbs:
                user = accounts.authenticate(dbs, request.form.get("username", ""),
                                             request.form.get("password", ""))
        except Refused as exc:
            error = message(exc)
        else:
            log_in(user)
            return redirect(safe_next(request.args.get("next")))
    return render_template("login.html", error=error), 401 if error else 200


@bp.route("/logout", methods=["POST"])
def logout():
    """Log out: every session of this account ends, on this device and any other."""
    from . import db

    user = current_user()
    if user is not None:
        with db().begin(write=True) as dbs:
            accounts.end_sessions(dbs, user.id)
    lang = session.get("lang")
    session.clear()
    if lang:
        session["lang"] = lang
    return redirect(url_for("auth.login"))


@bp.route("/account/password", methods=["GET", "POST"])
@login_required
def password():
    """Change your own password; your other sessions end, this one goes on."""
    from . import db

    error, done = None, False
    if request.method == "POST":
        form = request.form
        try:
            if form.get("password") != form.get("password2"):
                raise Refused("password_mismatch")
            with db().begin(write=True) as dbs:
                user = accounts.change_password(dbs, current_user().id,
                                                form.get("current", ""),
                                                form.get("password", ""))
                user_id = user.id
        except Refused as exc:
            error = gettext("Your current password is not right.") \
                if exc.code == "password_wrong" else message(exc)
        else:
            log_in({"id": user_id})
            done = True
    return render_template("account_password.html", error=error, done=done), \
        400 if error else 200


@bp.route("/setup", methods=["GET", "POST"])
def first_run():
    """Create the first account (an admin who also leads) when there is none yet."""
    from . import db

    with db().begin() as dbs:
        if accounts.has_users(dbs):
            return redirect(url_for("auth.login"))
        error = None
        if request.method == "POST":
            try:
                if request.form.get("password") != request.form.get("password2"):
                    raise Refused("password_mismatch")
                user = accounts.create_user(dbs, request.form.get("username", ""),
                                            request.form.get("password", ""), role="admin",
                                            display_name=request.form.get("name", ""))
            except Refused as exc:
                error = message(exc)
            else:
                log_in(user)
                return redirect(url_for("leader.home"))
    return render_template("setup.html", error=error), 400 if error else 200
