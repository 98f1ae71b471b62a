"""The leader's pages: groups, series, plans, the shortlist and the phone control view."""

from __future__ import annotations

from flask import Blueprint, abort, redirect, render_template, request, url_for

from ..domain.errors import Refused
from ..domain.plans import PLAN_KINDS
from ..i18n.messages import message
from ..services import exports, plan_editing, run, setup, snapshots
from . import db, plans
from .auth import current_user, login_required

bp = Blueprint("leader", __name__)


@bp.before_request
def leaders_only():
    """Groups, series and plans are for leaders (and admins); others start at the network."""
    user = current_user()
    if user is not None and user.role not in ("leader", "admin") and \
            request.endpoint != "leader.home":
        raise Refused("forbidden")


@bp.route("/")
@login_required
def home():
    """The leader's groups and series; advisors and partners start at their network."""
    if current_user().role in ("advisor", "partner"):
        return redirect(url_for("board.networks"))
    with db().begin() as dbs:
        groups = setup.groups_of(dbs, current_user())
    return render_template("leader/home.html", groups=groups)


@bp.route("/groups/new", methods=["GET", "POST"])
@login_required
def new_group():
    """Create a group of children."""
    error = None
    if request.method == "POST":
        form = request.form
        try:
            with db().begin() as dbs:
                setup.create_group(dbs, current_user(), form.get("name", ""),
                                   form.get("school", ""), form.get("neighbourhood", ""),
                                   form.get("age_min", 8), form.get("age_max", 12))
        except Refused as exc:
            error = message(exc)
        else:
            return redirect(url_for("leader.home"))
    return render_template("leader/group_form.html", error=error, form=request.form), \
        400 if error else 200


@bp.route("/groups/<int:group_id>/series/new", methods=["GET", "POST"])
@login_required
def new_series(group_id: int):
    """Create a series of the three workshops, choosing a plan for each."""
    error = None
    files = plans().files()
    if request.method == "POST":
        chosen = {kind: request.form.get(f"plan_{kind}", kind) for kind in PLAN_KINDS}
        try:
            with db().begin() as dbs:
                series = setup.create_series(dbs, current_user(), plans(), group_id,
                                             request.form.get("title", ""), chosen)
        except Refused as exc:
            error = message(exc)
        else:
            return redirect(url_for("leader.series", series_id=series["id"]))
    return render_template("leader/series_form.html", error=error, files=files,
                           kinds=PLAN_KINDS, group_id=group_id, form=request.form), \
        400 if error else 200


@bp.route("/series/<int:series_id>")
@login_required
def series(series_id: int):
    """A series: its three workshops, and the curated ideas with everything behind them."""
    with db().begin() as dbs:
        item = setup.get_series(dbs, current_user(), series_id)
        data = setup.series_data(item)
        group = setup.group_data(item.group)
        ideas = exports.ideas_in_depth(dbs, item)
    return render_template("leader/series.html", series=data, group=group, ideas=ideas,
                           files=plans().files())


@bp.route("/workshops/<int:workshop_id>/plan", methods=["POST"])
@login_required
def choose_plan(workshop_id: int):
    """Choose another plan for a workshop that has not started."""
    with db().begin() as dbs:
        setup.set_plan(dbs, current_user(), plans(), workshop_id, request.form.get("plan", ""))
        series_id = setup.get_workshop(dbs, current_user(), workshop_id).series_id
    return redirect(url_for("leader.series", series_id=series_id))


@bp.route("/workshops/<int:workshop_id>/start", methods=["POST"])
@login_required
def start(workshop_id: int):
    """Start a workshop and open its classroom screen."""
    with db().begin() as dbs:
        run.start(dbs, current_user(), plans(), workshop_id)
    return redirect(url_for("screen.show", workshop_id=workshop_id))


@bp.route("/workshops/<int:workshop_id>/control")
@login_required
def control(workshop_id: int):
    """The leader's control view, for a phone beside the projector."""
    with db().begin() as dbs:
        workshop = setup.get_workshop(dbs, current_user(), workshop_id)
        if workshop.status == "planned":
            abort(404)
        state = snapshots.screen(dbs, workshop)
    return render_template("leader/control.html", workshop_id=workshop_id, state=state)


@bp.route("/plans")
@login_required
def plan_list():
    """Every plan, with the errors of broken files."""
    return render_template("leader/plans.html", files=plans().files())


@bp.route("/plans/<name>/copy", methods=["POST"])
@login_required
def plan_copy(name: str):
    """Copy a plan under a new name, to adapt it."""
    try:
        plan = plans().copy(name, request.form.get("new_name", ""))
    except Refused as exc:
        return render_template("leader/plans.html", files=plans().files(),
                               error=message(exc)), 400
    return redirect(url_for("leader.plan_edit", name=plan.name))


@bp.route("/plans/<name>/edit", methods=["GET", "POST"])
@login_required
def plan_edit(name: str):
    """Edit the texts, timers and choices of an own plan."""
    if not plans().is_own(name):
        raise Refused("plan_not_own")
    plan = plans().get(name)
    error = None
    if request.method == "POST":
        try:
            plan = plan_editing.apply_form(plan, request.form)
            plans().save(plan)
        except Refused as exc:
            error = message(exc)
        else:
            return redirect(url_for("leader.plan_list"))
    return render_template("leader/plan_edit.html", plan=plan, error=error), \
        400 if error else 200
