"""Languages: Dutch first, English next. Every text a person reads is in the catalogues."""

from __future__ import annotations

from flask import Flask, request, session
from flask_babel import Babel

LANGUAGES = ("nl", "en")
DEFAULT = "nl"


def select_locale() -> str:
    """The language: ?lang= (remembered), then the browser session, then Dutch."""
    asked = request.args.get("lang")
    if asked in LANGUAGES:
        session["lang"] = asked
        return asked
    remembered = session.get("lang")
    return remembered if remembered in LANGUAGES else DEFAULT


def init_app(app: Flask) -> None:
    """Set up Flask-Babel with the package's translations."""
    app.config.setdefault("BABEL_DEFAULT_LOCALE", DEFAULT)
    app.config["BABEL_TRANSLATION_DIRECTORIES"] = str(
        __import__("pathlib").Path(__file__).resolve().parent.parent / "translations")
    Babel(app, locale_selector=select_locale)
