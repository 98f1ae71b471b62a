"""The network's pages: networks and partners, invitations, the board, an idea's follow-up,
the advisor's presentation, the partner's phone and the figures.

Each view checks nothing itself: it calls a service with the logged-in person and shows
the result; a refusal of a form comes back on the same page, with what was typed kept."""

from flask import Blueprint

bp = Blueprint("board", __name__)

from . import columns, figures, idea, laptops, meeting, networks  # noqa: E402,F401 - views
