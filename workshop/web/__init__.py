"""HTTP pages: one blueprint per audience (leader, screen, tablet, files, auth)."""

from __future__ import annotations

import json

from flask import Flask, current_app, jsonify, render_template, request, send_from_directory
from flask_babel import get_locale
from markupsafe import Markup

from ..domain.errors import Refused
from ..i18n.client import client_strings
from ..i18n.messages import error_body, message

FAVICON_AGE = 7 * 86400  # a week: it never changes between updates


def init_app(app: Flask) -> None:
    """Register the blueprints, the error handler and template helpers."""
    from . import addresses, auth, board, files, leader, public, publish, screen, shipping, tablet

    for module in (auth, leader, screen, tablet, files, board, shipping, public, addresses,
                   publish):
        app.register_blueprint(module.bp)
    from . import api, linking

    app.register_blueprint(linking.bp)
    if app.config["ROLE"] != "classroom":  # a network server (or the all-in-one laptop)
        app.register_blueprint(api.bp)
    from . import guard, limits

    guard.init_app(app)  # CSRF, origin check, cookies, security headers
    limits.init_app(app)  # after the blueprints: it wraps their views

    @app.route("/favicon.ico")
    def favicon():
        """The little sprout browsers ask for on every page (base.html links it too)."""
        response = send_from_directory(app.static_folder, "favicon.ico",
                                       mimetype="image/vnd.microsoft.icon", max_age=FAVICON_AGE)
        response.headers["Cache-Control"] = f"public, max-age={FAVICON_AGE}"
        return response

    @app.errorhandler(Refused)
    def refused(exc: Refused):
        if request.accept_mimetypes.best == "application/json" or request.is_json:
            status = 403 if exc.code == "forbidden" else 404 if exc.code == "not_found" else 400
            return jsonify(error_body(exc)), status
        status = 403 if exc.code == "forbidden" else 404 if exc.code == "not_found" else 400
        return render_template("error.html", message=message(exc)), status

    @app.errorhandler(413)
    def too_large(_exc):
        return render_template("error.html", message=message(Refused("image_too_big"))), 413

    @app.context_processor
    def helpers():
        return {"lang": str(get_locale()), "client_strings": _client_json,
                "current_user": auth.current_user()}


def _client_json() -> Markup:
    """The translated strings the page's JavaScript uses, as a JSON literal."""
    text = json.dumps(client_strings(), ensure_ascii=False).replace("</", "<\\/")
    return Markup(text)


def db():
    """The app's database."""
    return current_app.extensions["db"]


def plans():
    """The app's plan library."""
    return current_app.extensions["plans"]
