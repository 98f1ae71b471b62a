"""Logging in, logging out, and the first-run page that creates the first account."""

from __future__ import annotations

from functools import wraps

from flask import Blueprint, g, redirect, render_template, request, session, url_for

from ..domain.errors import Refused
from ..i18n.messages import message
from ..services import accounts

bp = Blueprint("auth", __name__)


def current_user():
    """The logged-in user (an ORM object detached from its session), or None."""
    if "user" not in g:
        from . import db

        user_id = session.get("user_id")
        g.user = None
        if user_id:
            with db().begin() as dbs:
                g.user = accounts.get_user(dbs, user_id)
    return g.user


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
                user = accounts.authenticate(dbs, request.form.get("username", ""),
                                             request.form.get("password", ""))
            except Refused as exc:
                error = message(exc)
            else:
                session.clear()
                session["user_id"] = user["id"]
                session.permanent = True
                target = request.args.get("next") or ""
                return redirect(target if target.startswith("/") and not target.startswith("//")
                                else url_for("leader.home"))
    return render_template("login.html", error=error), 401 if error else 200


@bp.route("/logout", methods=["POST"])
def logout():
    """Log out."""
    session.pop("user_id", None)
    return redirect(url_for("auth.login"))


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
                session.clear()
                session["user_id"] = user["id"]
                return redirect(url_for("leader.home"))
    return render_template("setup.html", error=error), 400 if error else 200
