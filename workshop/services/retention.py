"""Retention: raw child-level data goes after a period; the figures stay.

A series whose workshops all ended before the cut-off loses its children's names,
tablet tokens and picture keys (they become "—"), the tablet ids, the questions to the
leader and the removals of its workshops, their answers, poll choices, reactions and critical
answers, and the submission receipts. What remains is anonymous: the ideas (the group's
output, shown on the board and the progress page), vote counts and attendance rows, so
children reached, workshops and ideas still add up."""

from __future__ import annotations

import secrets
from datetime import datetime, timedelta

from sqlalchemy import delete, func, select
from sqlalchemy.orm import Session

from ..store.models import (
    Attendance,
    ChildDevice,
    JoinRequest,
    Participant,
    Receipt,
    Removal,
    Response,
    Series,
    Workshop,
    utcnow,
)

ANONYMOUS = "—"


def expired_series(dbs: Session, before: datetime) -> list[int]:
    """Series whose every workshop ended before `before` (none still planned or live)."""
    rows = dbs.execute(select(Workshop.series_id, func.count(Workshop.id),
                              func.count(Workshop.ended_at), func.max(Workshop.ended_at))
                       .group_by(Workshop.series_id))
    return [sid for sid, total, ended, last in rows
            if total == ended and last is not None and last < before]


def purge(dbs: Session, days: int, now: datetime | None = None) -> dict:
    """Remove child-level data of series that ended more than `days` days ago."""
    if days < 1:
        raise ValueError("days must be at least 1")
    before = (now or utcnow()) - timedelta(days=days)
    series_ids = expired_series(dbs, before)
    if not series_ids:
        return {"series": 0, "children": 0, "responses": 0}
    workshop_ids = select(Workshop.id).where(Workshop.series_id.in_(series_ids))
    groups = select(Series.group_id).where(Series.id.in_(series_ids))
    children = list(dbs.scalars(select(Participant).where(
        Participant.group_id.in_(groups), Participant.name != ANONYMOUS)))
    still_active = set(dbs.scalars(select(Attendance.participant_id).join(
        Workshop, Workshop.id == Attendance.workshop_id).where(
        Workshop.series_id.not_in(series_ids))))
    responses = dbs.execute(delete(Response).where(Response.workshop_id.in_(workshop_ids)))
    for table in (ChildDevice, JoinRequest, Removal):  # tablet ids, questions, removals
        dbs.execute(delete(table).where(table.workshop_id.in_(workshop_ids)))
    purged = 0
    for child in children:
        if child.id in still_active:
            continue  # the same group has a newer series: keep until that one expires too
        dbs.execute(delete(Receipt).where(Receipt.participant_id == child.id))
        child.name, child.token = ANONYMOUS, secrets.token_urlsafe(24)
        child.key_hash = None
        purged += 1
    dbs.commit()
    return {"series": len(series_ids), "children": purged, "responses": responses.rowcount}
