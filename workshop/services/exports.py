"""What a series produced: the curated ideas in depth, and JSON and CSV exports."""

from __future__ import annotations

from collections import defaultdict

from sqlalchemy import select
from sqlalchemy.orm import Session

from ..domain.spreadsheet import csv_text
from ..store.models import Attendance, Idea, Participant, Response, Series, Workshop
from . import snapshots
from .run import plan_of


def _questions(workshops: list[Workshop]) -> dict[tuple[int, int, str], dict]:
    out = {}
    for workshop in workshops:
        if not workshop.plan_yaml:
            continue
        for index, step in enumerate(plan_of(workshop).steps):
            for choice in step.choices:
                out[(workshop.id, index, choice.id)] = {"icon": choice.icon,
                                                        "label": choice.label.as_dict()}
    return out


def ideas_in_depth(dbs: Session, series: Series) -> list[dict]:
    """Every idea of the series (shortlist first, then by votes) with its pictures, votes,
    critical answers, category and workshop; hidden and merged ones are marked."""
    workshops = list(series.workshops)
    questions = _questions(workshops)
    ideas = list(dbs.scalars(select(Idea).where(Idea.series_id == series.id)))
    authors = {p.id: p for p in dbs.scalars(select(Participant).where(
        Participant.id.in_({i.participant_id for i in ideas} or {0})))}
    scores = snapshots.series_scores(dbs, series.id)
    answers = defaultdict(list)
    for response in dbs.scalars(select(Response).where(
            Response.kind == "critical", Response.idea_id.in_([i.id for i in ideas] or [0]))
            .order_by(Response.id)):
        answers[response.idea_id].append({
            "question": response.choice, "text": response.text,
            "visibility": response.visibility,
            "label": questions.get((response.workshop_id, response.step_index,
                                    response.choice), {}),
        })
    position = {w.id: w.position for w in workshops}
    out = []
    for idea in ideas:
        data = snapshots.idea_data(dbs, idea, authors.get(idea.participant_id))
        data["score"] = scores.get(idea.id, 0)
        data["critical"] = answers.get(idea.id, [])
        data["workshop_position"] = position.get(idea.workshop_id)
        category = questions.get((idea.workshop_id, idea.step_index, idea.category))
        data["category_label"] = category
        out.append(data)
    out.sort(key=lambda d: (d["merged_into"] is not None, d["visibility"] != "visible",
                            not d["shortlisted"], -d["score"], d["id"]))
    return out


def series_json(dbs: Session, series: Series) -> dict:
    """The whole series as plain data: group, workshops, children (names only), ideas,
    answers and votes."""
    workshops = list(series.workshops)
    ids = [w.id for w in workshops] or [0]
    children = dbs.scalars(select(Participant).where(Participant.group_id == series.group_id)
                           .order_by(Participant.id))
    attendance = defaultdict(list)
    for row in dbs.scalars(select(Attendance).where(Attendance.workshop_id.in_(ids))):
        attendance[row.workshop_id].append(row.participant_id)
    responses = dbs.scalars(select(Response).where(Response.workshop_id.in_(ids))
                            .order_by(Response.id))
    return {
        "series": {"id": series.id, "title": series.title},
        "group": {"name": series.group.name, "school": series.group.school,
                  "neighbourhood": series.group.neighbourhood,
                  "ages": [series.group.age_min, series.group.age_max]},
        "workshops": [{"id": w.id, "position": w.position, "plan": w.plan_name,
                       "status": w.status,
                       "started_at": w.started_at.isoformat() if w.started_at else None,
                       "ended_at": w.ended_at.isoformat() if w.ended_at else None,
                       "children": len(attendance[w.id])} for w in workshops],
        "children": [snapshots.child_data(c) for c in children],
        "ideas": ideas_in_depth(dbs, series),
        "responses": [snapshots.response_data(r, None) | {"workshop_id": r.workshop_id,
                                                          "child_id": r.participant_id}
                      for r in responses],
    }


CSV_COLUMNS = ["id", "title", "text", "category", "workshop", "score", "shortlisted",
               "visibility", "merged_into", "author", "drawing", "photo", "critical_answers"]


def series_csv(dbs: Session, series: Series) -> str:
    """The ideas of a series as CSV, one row per idea (opens in a spreadsheet; no cell is
    ever run as a formula)."""
    rows = []
    for idea in ideas_in_depth(dbs, series):
        critical = " | ".join(f"{a['question']}: {a['text']}" for a in idea["critical"])
        rows.append([idea["id"], idea["title"], idea["text"], idea["category"],
                     idea["workshop_position"], idea["score"], idea["shortlisted"],
                     idea["visibility"], idea["merged_into"] or "",
                     idea["author"]["name"] if idea["author"] else "",
                     idea["drawing"] or "", idea["photo"] or "", critical])
    return csv_text(CSV_COLUMNS, rows)
