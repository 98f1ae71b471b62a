"""The word cloud of a question wall: the leader switches a question step between its
sticky notes and a cloud of the same answers (counting in domain/wordcloud.py)."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from ..domain import wordcloud
from ..domain.errors import Refused
from ..store.models import Participant, Response, Workshop


def is_cloud(workshop: Workshop, index: int | None = None) -> bool:
    """Whether the screen shows step `index` (default: the current one) as a cloud."""
    index = workshop.step_index if index is None else index
    return index in (workshop.clouds or [])


def switch(workshop: Workshop, step_kind: str, on: bool) -> None:
    """The current step as a cloud or as notes, kept per step (no commit)."""
    if step_kind != "question":
        raise Refused("no_cloud_here")
    steps = set(workshop.clouds or [])
    (steps.add if on else steps.discard)(workshop.step_index)
    workshop.clouds = sorted(steps)


def words(dbs: Session, workshop: Workshop, index: int | None = None) -> list[dict]:
    """The cloud of a question step: only answers the room sees (hidden ones and those
    waiting for approval do not count), each read in its child's language."""
    index = workshop.step_index if index is None else index
    rows = dbs.execute(select(Response.text, Participant.lang)
                       .join(Participant, Participant.id == Response.participant_id)
                       .where(Response.workshop_id == workshop.id,
                              Response.step_index == index, Response.kind == "answer",
                              Response.visibility == "visible"))
    return [w.as_dict() for w in wordcloud.cloud((r.text, r.lang) for r in rows)]
