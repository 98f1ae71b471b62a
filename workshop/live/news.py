"""News fetched from a network server reaches a classroom screen that shows the news step
at that moment: its screen state is sent again (the news is part of it), so the leader need
not reload the projector while the laptop hears what became of the ideas."""

from __future__ import annotations

from sqlalchemy import select

from ..domain import flow
from ..services import snapshots
from ..services.run import plan_of
from ..store.models import Workshop
from . import rooms

NAMESPACE = "/live"


def news_fetched(app) -> int:
    """Every live workshop in its news step gets its screen state again; how many did."""
    socketio = app.extensions["workshop_socketio"]
    sent = 0
    with app.app_context(), app.extensions["db"].begin() as dbs:
        for workshop in dbs.scalars(select(Workshop).where(Workshop.status == flow.Status.LIVE)):
            steps = plan_of(workshop).steps
            if workshop.step_index >= len(steps) or steps[workshop.step_index].kind != "news":
                continue
            socketio.emit("screen_state", snapshots.screen(dbs, workshop),
                          to=rooms.screen(workshop.id), namespace=NAMESPACE)
            sent += 1
    return sent
