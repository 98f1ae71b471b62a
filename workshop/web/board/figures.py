"""Programme figures: the dashboard and its CSV and JSON exports."""

from __future__ import annotations

from flask import (
    Response,
    current_app,
    render_template,
)

from ...domain.board import (
    COLUMNS,
)
from ...domain.spreadsheet import csv_text
from ...services import figures
from .. import db
from ..auth import current_user, login_required
from . import bp
from .helpers import labels


def _figures(network_id: int | None) -> dict:
    with db().begin() as dbs:  # the service says who may see which (and what is not there)
        return figures.figures(dbs, current_user(), network_id)


def _flat(data: dict) -> list[tuple[str, object]]:
    """The figures as rows of figure,value."""
    rows = [(k, v) for k, v in data.items() if not isinstance(v, dict)]
    rows += [(f"stage_{k}", v) for k, v in data["stages"].items()]
    for source, sums in sorted(data["money_by_source"].items()):
        rows += [(f"{source}_{k}", v) for k, v in sums.items()]
    return [(k, "" if v is None else v) for k, v in rows]


def _export(data: dict, kind: str, name: str):
    if kind == "json":
        response = current_app.json.response(data)
    else:
        response = Response("\ufeff" + csv_text(["figure", "value"], _flat(data)),
                            mimetype="text/csv")
    response.headers["Content-Disposition"] = f"attachment; filename={name}.{kind}"
    return response


@bp.route("/figures")
@bp.route("/networks/<int:network_id>/figures")
@login_required
def figures_page(network_id: int | None = None):
    """The dashboard: children, workshops, ideas, stages, money and partners."""
    data = _figures(network_id)
    base = f"/networks/{network_id}/figures" if network_id else "/figures"
    money_top = max([1, *(v for sums in data["money_by_source"].values()
                          for v in sums.values())])
    return render_template("board/figures.html", f=data, network_id=network_id,
                           money_top=money_top,
                           export=base, order=[*(s.value for s in COLUMNS), "not_now"],
                           L=labels())


@bp.route("/figures.<any(csv, json):kind>")
@bp.route("/networks/<int:network_id>/figures.<any(csv, json):kind>")
@login_required
def figures_export(kind: str, network_id: int | None = None):
    """The figures as CSV (figure,value) or JSON."""
    data = _figures(network_id)
    return _export(data, kind, f"figures-network-{network_id}" if network_id
                   else "figures-programme")
