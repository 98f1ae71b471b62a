"""Plain-data pictures of a workshop: what the classroom screen and each tablet show.

On every connect and reconnect a screen or tablet gets its whole snapshot, so a tablet
that slept, or a server restarted mid-workshop, carries on where it was."""

from __future__ import annotations

import time
from collections import Counter

from sqlalchemy import bindparam, func, select
from sqlalchemy.orm import Session

from ..domain import flow, news
from ..domain.plans import Step, results_shown
from ..domain.tables import seated
from ..store.models import Attendance, Idea, Media, Participant, Response, Vote, Workshop
from . import clouds, done_marks, tables
from .class_news import news_for_group
from .media_links import media_url
from .run import plan_of

IDEA_STEPS = ("ideas", "vote", "critical", "wrapup")


def child_data(child: Participant) -> dict:
    """Who a child is on screen: a name and an avatar."""
    return {"id": child.id, "name": child.name, "avatar": child.avatar}


def step_data(step: Step, index: int) -> dict:
    """A plan step as plain data, texts in every language."""
    return {
        "index": index, "kind": step.kind, "title": step.title.as_dict(),
        "prompt": step.prompt.as_dict(), "minutes": step.minutes,
        "choices": [{"id": c.id, "icon": c.icon, "label": c.label.as_dict(),
                     "text": c.text.as_dict() if c.text else None} for c in step.choices],
        "budget": step.budget, "max_per_idea": step.max_per_idea, "top": step.top,
        "results": step.results,
    }


def idea_data(dbs: Session, idea: Idea, author: Participant | None = None) -> dict:
    """An idea with its pictures and its author's name and avatar."""
    author = author or dbs.get(Participant, idea.participant_id)
    return {
        "id": idea.id, "type": "idea", "text": idea.text, "title": idea.title,
        "category": idea.category, "drawing": media_url(dbs, idea.drawing_id),
        "photo": media_url(dbs, idea.photo_id), "visibility": idea.visibility,
        "merged_into": idea.merged_into_id, "shortlisted": idea.shortlisted,
        "workshop_id": idea.workshop_id, "step": idea.step_index,
        "author": child_data(author) if author else None,
    }


def response_data(response: Response, author: Participant | None) -> dict:
    """An answer, poll choice, reaction or critical answer."""
    return {
        "id": response.id, "type": response.kind, "step": response.step_index,
        "choice": response.choice, "text": response.text, "idea_id": response.idea_id,
        "visibility": response.visibility,
        "author": child_data(author) if author else None,
    }


def choice_counts(dbs: Session, workshop: Workshop, step_index: int, kind: str) -> dict:
    """How many children chose each option (poll) or gave each card:reaction."""
    rows = dbs.execute(select(Response.choice, func.count(Response.id))
                       .where(Response.workshop_id == workshop.id,
                              Response.step_index == step_index, Response.kind == kind)
                       .group_by(Response.choice))
    return {choice: count for choice, count in rows}


def tally(dbs: Session, workshop: Workshop, step_index: int) -> dict:
    """Votes per idea in one vote step, and how many children have voted."""
    rows = dbs.execute(select(Vote.idea_id, func.count(Vote.id))
                       .where(Vote.workshop_id == workshop.id, Vote.step_index == step_index)
                       .group_by(Vote.idea_id))
    voters = dbs.scalar(select(func.count(func.distinct(Vote.participant_id)))
                        .where(Vote.workshop_id == workshop.id, Vote.step_index == step_index))
    return {"votes": {str(i): n for i, n in rows}, "voters": voters or 0}


def series_scores(dbs: Session, series_id: int) -> Counter:
    """Votes per idea over every workshop of the series."""
    rows = dbs.execute(select(Vote.idea_id, func.count(Vote.id)).join(Idea, Idea.id == Vote.idea_id)
                       .where(Idea.series_id == series_id).group_by(Vote.idea_id))
    return Counter({i: n for i, n in rows})


_VOTES = Vote.__table__
# Built once: it runs for every vote of every child.
_MY_VOTES = (select(_VOTES.c.idea_id, func.count(_VOTES.c.id))
             .where(_VOTES.c.workshop_id == bindparam("workshop"),
                    _VOTES.c.step_index == bindparam("step"),
                    _VOTES.c.participant_id == bindparam("child"))
             .group_by(_VOTES.c.idea_id))


def my_votes(dbs: Session, workshop: Workshop, child: Participant) -> dict:
    """How many votes the child put on each idea in the current step."""
    rows = dbs.execute(_MY_VOTES, {"workshop": workshop.id, "step": workshop.step_index,
                                   "child": child.id})
    return {str(i): n for i, n in rows}


def _authors(dbs: Session, ids: set[int]) -> dict:
    """Who made them: rows with the child's id, name and avatar."""
    if not ids:
        return {}
    return {p.id: p for p in dbs.execute(select(Participant.id, Participant.name,
                                                Participant.avatar)
                                         .where(Participant.id.in_(ids)))}


def _load_media(dbs: Session, ids: set[int | None]) -> list[Media]:
    """The pictures in one query, into the session: media_url then finds each there (as
    long as the caller keeps the list: the session holds its objects weakly)."""
    ids.discard(None)
    return list(dbs.scalars(select(Media).where(Media.id.in_(ids)))) if ids else []


_IDEAS = Idea.__table__


def _categories(workshop: Workshop) -> dict[tuple[int, int, str], dict]:
    """Icon and label of every idea category in the series' started workshops."""
    found = {}
    for other in workshop.series.workshops:
        if not other.plan_yaml:
            continue
        for index, step in enumerate(plan_of(other).steps):
            if step.kind == "ideas":
                for choice in step.choices:
                    found[(other.id, index, choice.id)] = {"icon": choice.icon,
                                                           "label": choice.label.as_dict()}
    return found


def top_ideas(ideas: list[dict], count: int) -> list[dict]:
    """The best ideas for a wrap-up: shortlisted first, then by votes, oldest first."""
    ranked = sorted(ideas, key=lambda i: (not i["shortlisted"], -i["score"], i["id"]))
    return ranked[:count]


def series_ideas(dbs: Session, workshop: Workshop, *, everything: bool = False,
                 shortlisted: bool = False) -> list[dict]:
    """The ideas of the series, oldest first; only visible ones unless `everything`, only
    the shortlist with `shortlisted`."""
    # plain rows, not ORM objects: a screen snapshot reads every idea of the series, and
    # loading them as objects was two thirds of its time with 2,000 ideas
    query = select(_IDEAS).where(Idea.series_id == workshop.series_id).order_by(Idea.id)
    if not everything:
        query = query.where(Idea.visibility == "visible", Idea.merged_into_id.is_(None))
    if shortlisted:
        query = query.where(Idea.shortlisted)
    ideas = list(dbs.execute(query))
    pictures = _load_media(dbs, {i.drawing_id for i in ideas} | {i.photo_id for i in ideas})
    authors = _authors(dbs, {i.participant_id for i in ideas})
    scores = series_scores(dbs, workshop.series_id)
    merged = Counter(i.merged_into_id for i in ideas if i.merged_into_id)
    categories = _categories(workshop)
    out = []
    for idea in ideas:
        data = idea_data(dbs, idea, authors.get(idea.participant_id))
        category = categories.get((idea.workshop_id, idea.step_index, idea.category))
        data["category_label"] = category
        data["category_icon"] = category["icon"] if category else ""
        data["score"] = scores.get(idea.id, 0)
        data["merged_count"] = merged.get(idea.id, 0)
        out.append(data)
    del pictures  # kept until here
    return out


def _responses(dbs: Session, workshop: Workshop, *, everything: bool, **match) -> list[dict]:
    query = select(Response).where(Response.workshop_id == workshop.id,
                                   *[getattr(Response, k) == v for k, v in match.items()])
    if not everything:
        query = query.where(Response.visibility == "visible")
    rows = list(dbs.scalars(query.order_by(Response.id)))
    authors = _authors(dbs, {r.participant_id for r in rows})
    return [response_data(r, authors.get(r.participant_id)) for r in rows]


def common(dbs: Session, workshop: Workshop) -> dict:
    """What the screen and every tablet share: the step, the timer and the switches."""
    plan = plan_of(workshop)
    step = plan.steps[workshop.step_index]
    series = workshop.series
    return {
        "workshop_id": workshop.id, "code": workshop.join_code, "status": workshop.status,
        "version": workshop.version, "plan_kind": plan.kind, "plan_title": plan.title.as_dict(),
        "series_title": series.title, "group_name": series.group.name,
        "step_index": workshop.step_index, "step_count": len(plan.steps),
        "step": step_data(step, workshop.step_index),
        "steps": [{"kind": s.kind, "title": s.title.as_dict()} for s in plan.steps],
        "timer": {"ends_at": workshop.timer_ends_at, "remaining": workshop.timer_remaining,
                  "ready": workshop.timer_ends_at is None and step.minutes is not None
                  and workshop.timer_remaining == step.minutes * 60,
                  "server_now": time.time()},
        "locked": workshop.locked, "approval": workshop.approval,
        "revealed": results_shown(step, workshop.step_index, workshop.revealed),
        "focus_idea_id": workshop.focus_idea_id,
        "tables": tables.data(workshop), "cloud": clouds.is_cloud(workshop),
    }


def _step_content(dbs: Session, workshop: Workshop, step: Step, everything: bool) -> dict:
    index = workshop.step_index
    content: dict = {}
    if step.kind == "question":
        content["items"] = _responses(dbs, workshop, everything=everything,
                                      step_index=index, kind="answer")
        if clouds.is_cloud(workshop):
            content["words"] = clouds.words(dbs, workshop)
    elif step.kind == "poll":
        content["counts"] = choice_counts(dbs, workshop, index, "poll")
    elif step.kind == "cards":
        content["counts"] = choice_counts(dbs, workshop, index, "reaction")
    elif step.kind in IDEA_STEPS:
        content["ideas"] = series_ideas(dbs, workshop, everything=everything)
    elif step.kind == "news":
        content["news"] = group_news(dbs, workshop)
    if step.kind == "vote":
        content["tally"] = tally(dbs, workshop, index)
    if step.kind in ("vote", "critical"):
        # The screen keeps every idea (the leader moderates them); it shows the ballot.
        shown = [i for i in content["ideas"]
                 if i["visibility"] == "visible" and not i["merged_into"]]
        content["from_shortlist"] = len(flow.ballot(shown)) < len(shown)
    if step.kind == "critical":
        content["items"] = _responses(dbs, workshop, everything=everything,
                                      step_index=index, kind="critical")
        content["table_progress"] = tables.progress(dbs, workshop)
    if step.kind == "wrapup":
        content["summary"] = _summary(dbs, workshop)
        visible = [i for i in content["ideas"]
                   if i["visibility"] == "visible" and not i["merged_into"]]
        content["ideas"] = top_ideas(visible, step.top)
    return content


def group_news(dbs: Session, workshop: Workshop) -> dict:
    """For a news step on the screen: what became of the group's shipped ideas, each with
    its stage's icon and place on the track (the words are the screen's, in its language)."""
    data = news_for_group(dbs, workshop.series.group_id)
    for item in data["ideas"]:
        item["icon"] = news.stage_icon(item["stage"])
        item["track_step"] = news.track_position(item["stage"])
        item["reason_says_not_now"] = news.says_not_now(item["reason"])
    data["track"] = news.track()
    return data


def _summary(dbs: Session, workshop: Workshop) -> list[dict]:
    """For a wrap-up: the results of this workshop's polls and cards."""
    plan = plan_of(workshop)
    out = []
    for index, step in enumerate(plan.steps):
        if step.kind == "poll":
            out.append({"step": step_data(step, index),
                        "counts": choice_counts(dbs, workshop, index, "poll")})
        elif step.kind == "cards":
            out.append({"step": step_data(step, index),
                        "counts": choice_counts(dbs, workshop, index, "reaction")})
    return out


def children(dbs: Session, workshop: Workshop) -> list[dict]:
    """The children who joined this workshop, in the order they came."""
    rows = dbs.execute(select(Participant.id, Participant.name, Participant.avatar,
                              Participant.table_no)  # rows: a class of 2,000 on every change
                       .join(Attendance, Attendance.participant_id == Participant.id)
                       .where(Attendance.workshop_id == workshop.id).order_by(Attendance.id))
    count = workshop.series.group.table_count
    return [child_data(c) | {"table": seated(c.table_no, count)} for c in rows]


def who_asks(dbs: Session, workshop: Workshop) -> dict:
    """For the leader: tablets asking to be a child (yes / no) and the removed children."""
    from . import identity  # it builds on this module

    return {"join_requests": identity.open_requests(dbs, workshop.id),
            "removed": identity.removed_children(dbs, workshop.id)}


def screen(dbs: Session, workshop: Workshop) -> dict:
    """Everything the classroom screen and the leader view show, pending items included."""
    step = plan_of(workshop).steps[workshop.step_index]
    data = common(dbs, workshop)
    data["children"] = children(dbs, workshop)
    data.update(who_asks(dbs, workshop))
    data.update(_step_content(dbs, workshop, step, everything=True))
    if step.takes_input:  # who said "I'm done" in this step (the rest is busy)
        data["done"] = done_marks.marked(dbs, workshop.id, workshop.step_index)
    return data


def step_results(dbs: Session, workshop: Workshop) -> dict | None:
    """The current step's vote tally or choice counts, or None for steps without them.
    The screen always gets them (it shows the counts only when `revealed`: the leader's
    view may look before); the tablets only when `revealed`: a "live" step, or the leader
    pressed "Show results" (`domain.plans.results_shown`)."""
    step = plan_of(workshop).steps[workshop.step_index]
    results: dict = {"step_index": workshop.step_index,
                     "revealed": results_shown(step, workshop.step_index, workshop.revealed)}
    if step.kind == "vote":
        return results | {"tally": tally(dbs, workshop, workshop.step_index)}
    if step.kind in ("poll", "cards"):
        kind = "poll" if step.kind == "poll" else "reaction"
        return results | {"counts": choice_counts(dbs, workshop, workshop.step_index, kind)}
    return None


def step_results_of(dbs: Session, workshop_ids: list[int]) -> dict[int, dict]:
    """`step_results` of those live workshops that are in a vote, poll or cards step."""
    out = {}
    for workshop in dbs.scalars(select(Workshop).where(Workshop.id.in_(workshop_ids),
                                                       Workshop.status == "live")):
        results = step_results(dbs, workshop)
        if results:
            out[workshop.id] = results
    return out


def class_sizes(dbs: Session, workshop_ids: list[int]) -> dict[int, int]:
    """How many children joined each of these workshops (on any server process)."""
    rows = dbs.execute(select(Attendance.workshop_id, func.count(Attendance.id))
                       .where(Attendance.workshop_id.in_(workshop_ids))
                       .group_by(Attendance.workshop_id))
    return {workshop_id: n for workshop_id, n in rows}


def tablet_shared(dbs: Session, workshop: Workshop) -> dict:
    """What every tablet gets when the step changes: the step, and the ideas if it needs
    them. Other children's answers stay on the screen, not on the tablets."""
    step = plan_of(workshop).steps[workshop.step_index]
    data = common(dbs, workshop)
    if step.kind == "wrapup":
        data["ideas"] = series_ideas(dbs, workshop)
    if step.kind in ("vote", "critical"):
        data["ideas"], data["from_shortlist"] = _ballot(dbs, workshop)
    if step.kind == "wrapup":
        data["summary"] = _summary(dbs, workshop)
        data["ideas"] = top_ideas(data["ideas"], step.top)
    if data["revealed"] and step.kind == "vote":
        data["tally"] = tally(dbs, workshop, workshop.step_index)
    if data["revealed"] and step.kind in ("poll", "cards"):
        kind = "poll" if step.kind == "poll" else "reaction"
        data["counts"] = choice_counts(dbs, workshop, workshop.step_index, kind)
    return data


def _ballot(dbs: Session, workshop: Workshop) -> tuple[list[dict], bool]:
    """flow.ballot of the series' ideas, and whether it is a shortlist of them. Only the
    shortlist is loaded when there is one: every tablet's hello at a vote step loaded every
    idea of the series (2,000 tablets, 3,000 ideas: six million rows to show twelve)."""
    shortlist = series_ideas(dbs, workshop, shortlisted=True)
    if not shortlist:
        return flow.ballot(series_ideas(dbs, workshop)), False
    visible = dbs.scalar(select(func.count(Idea.id)).where(
        Idea.series_id == workshop.series_id, Idea.visibility == "visible",
        Idea.merged_into_id.is_(None)))
    return shortlist, len(shortlist) < visible


def tablet_own(dbs: Session, workshop: Workshop, child: Participant) -> dict:
    """What is the child's own in the current step."""
    index = workshop.step_index
    step = plan_of(workshop).steps[index]
    own: dict = {"me": child_data(child) | {
        "lang": child.lang, "has_key": bool(child.key_hash),
        "table": seated(child.table_no, workshop.series.group.table_count)}}
    if step.kind in ("question", "poll", "cards", "critical"):
        kinds = {"question": "answer", "poll": "poll", "cards": "reaction",
                 "critical": "critical"}
        rows = dbs.scalars(select(Response).where(
            Response.workshop_id == workshop.id, Response.step_index == index,
            Response.participant_id == child.id, Response.kind == kinds[step.kind])
            .order_by(Response.id))
        own["mine"] = [response_data(r, child) for r in rows]
    elif step.kind == "ideas":
        rows = dbs.scalars(select(Idea).where(Idea.workshop_id == workshop.id,
                                              Idea.step_index == index,
                                              Idea.participant_id == child.id)
                           .order_by(Idea.id))
        own["mine"] = [idea_data(dbs, i, child) for i in rows]
    if step.kind == "vote":
        own["my_votes"] = my_votes(dbs, workshop, child)
    if step.takes_input:
        own["done"] = done_marks.is_marked(dbs, workshop.id, index, child.id)
    return own


def tablet(dbs: Session, workshop: Workshop, child: Participant) -> dict:
    """A tablet's whole snapshot: shared part and own part."""
    return tablet_shared(dbs, workshop) | tablet_own(dbs, workshop, child)
