"""Languages: Dutch first. Every text a person reads is in the catalogues.

Children's pages (the tablet, the feedback page, the public progress page) come in every
language of `domain.languages.CHILD`; the leader's pages, the classroom screen and the
board in `LEADER` only. A text a child can read is marked in the code with `child_gettext`
(or `lazy_child_gettext`), or sits in a child's template (`CHILD_TEMPLATES`): the
completeness test holds those to every child language and every other text to Dutch and
English."""

from __future__ import annotations

from pathlib import Path

from flask import Flask, request, session
from flask_babel import Babel, gettext
from flask_babel.speaklater import LazyString

from ..domain.languages import BY_CODE, CHILD, DEFAULT, LEADER, direction

LANGUAGES = CHILD  # every catalogue there is
# Pages children read: these blueprints, minus the leader's printouts among them (the
# privacy page is linked from the tablet and the progress page: children and parents read it).
CHILD_BLUEPRINTS = ("tablet", "public", "privacy")
LEADER_ENDPOINTS = ("public.poster_image", "public.poster_document", "public.progress_qr")
# The templates whose every text a child may read (globs below templates/).
CHILD_TEMPLATES = ("tablet/*.html", "public/*.html", "_languages.html", "error.html",
                   "base.html", "privacy.html")


def child_gettext(text: str, **variables) -> str:
    """gettext for a text a child reads: complete in every child language."""
    return gettext(text, **variables)


class LazyChildString(LazyString):
    """A lazy text a child reads: what it is can be asked (isinstance), e.g. which refusals
    a child may meet (i18n/messages.py)."""


def lazy_child_gettext(text: str, **variables) -> LazyChildString:
    """lazy_gettext for a text a child reads: complete in every child language."""
    return LazyChildString(gettext, text, **variables)


def is_child_page() -> bool:
    """True when the current request is for a page children read."""
    return (request.blueprint in CHILD_BLUEPRINTS
            and request.endpoint not in LEADER_ENDPOINTS)


def child_locale() -> str:
    """A child's language: ?lang= (remembered for this tablet in its session cookie), then
    the remembered choice, then the tablet's own language (Accept-Language) when it is one
    of ours, then the leader's choice in this browser, then Dutch."""
    asked = request.args.get("lang")
    if asked in CHILD:
        session["child_lang"] = asked
        return asked
    remembered = session.get("child_lang")
    if remembered in CHILD:
        return remembered
    device = request.accept_languages.best_match(CHILD)
    if device:
        return device
    leader = session.get("lang")
    return leader if leader in LEADER else DEFAULT


def leader_locale() -> str:
    """The leader's language: ?lang= (remembered), then the session, then Dutch."""
    asked = request.args.get("lang")
    if asked in LEADER:
        session["lang"] = asked
        return asked
    remembered = session.get("lang")
    return remembered if remembered in LEADER else DEFAULT


def select_locale() -> str:
    """The page's language: a child's on children's pages, else the leader's."""
    return child_locale() if is_child_page() else leader_locale()


def init_app(app: Flask) -> None:
    """Set up Flask-Babel with the package's translations."""
    app.config.setdefault("BABEL_DEFAULT_LOCALE", DEFAULT)
    app.config["BABEL_TRANSLATION_DIRECTORIES"] = str(
        Path(__file__).resolve().parent.parent / "translations")
    Babel(app, locale_selector=select_locale)
    # the children's language list, names in their own script (templates/_languages.html)
    app.jinja_env.globals["child_languages"] = [BY_CODE[code].as_dict() for code in CHILD]
    app.jinja_env.globals["text_direction"] = direction
