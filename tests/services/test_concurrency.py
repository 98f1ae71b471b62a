"""Vote budgets and exactly-once storage hold under concurrent clicks, on SQLite and on
PostgreSQL: two tablets of the same child tapping at the same moment."""

from __future__ import annotations

import threading
from contextlib import contextmanager

import pytest
from sqlalchemy import func, select

from workshop.services import accounts, run, setup, take_part
from workshop.services.plan_library import PlanLibrary
from workshop.store.db import Database
from workshop.store.models import Idea, Receipt, User, Vote

from ..databases import fresh_postgres

ROOT = __import__("pathlib").Path(__file__).resolve().parents[2]


@contextmanager
def database(kind: str, tmp_path):
    if kind == "sqlite":
        db = Database(f"sqlite:///{tmp_path / 'c.db'}")
        db.upgrade()
        yield db
        db.dispose()
    else:
        with fresh_postgres() as url:
            db = Database(url)
            db.upgrade()
            yield db
            db.dispose()


def vote_room(db, tmp_path):
    """A live dream workshop at its vote step with two ideas and one child."""
    library = PlanLibrary(ROOT / "sessions", tmp_path / "own")
    with db.begin() as dbs:
        accounts.create_user(dbs, "juf", "geheim-123")
        leader = dbs.scalar(select(User))
        group = setup.create_group(dbs, leader, "6B")
        series = setup.create_series(dbs, leader, library, group["id"], "Voorjaar")
        wid = series["workshops"][1]["id"]
        workshop = run.start(dbs, leader, library, wid)
        code = workshop.join_code
        plan = run.plan_of(workshop)
        ideas_step = next(i for i, s in enumerate(plan.steps) if s.kind == "ideas")
        vote_step = next(i for i, s in enumerate(plan.steps) if s.kind == "vote")
        run.control(dbs, leader, wid, "goto", ideas_step)
        child = take_part.join(dbs, code, "Sam", "🦊")["participant"]["id"]
        ideas = []
        for n, text in enumerate(["brug", "museum"]):
            result = take_part.submit(dbs, wid, child, f"idea-{n:06d}", "idea", ideas_step,
                                      {"text": text}, tmp_path)
            ideas.append(result["item"]["id"])
        run.control(dbs, leader, wid, "goto", vote_step)
        budget = plan.steps[vote_step].budget
    return wid, child, ideas, vote_step, budget


@pytest.mark.parametrize("kind", ["sqlite", pytest.param("postgresql", marks=pytest.mark.scaleout)])
def test_simultaneous_votes_never_exceed_the_budget(kind, tmp_path):
    with database(kind, tmp_path) as db:
        wid, child, ideas, step, budget = vote_room(db, tmp_path)
        barrier = threading.Barrier(12)
        outcomes = []

        def tap(n: int) -> None:
            barrier.wait()
            try:
                with db.begin() as dbs:
                    take_part.submit(dbs, wid, child, f"vote-{n:06d}", "vote", step,
                                     {"idea_id": ideas[n % 2]}, tmp_path)
                outcomes.append("ok")
            except Exception as exc:  # noqa: BLE001 - record what each tap got
                outcomes.append(getattr(exc, "code", repr(exc)))

        threads = [threading.Thread(target=tap, args=(n,)) for n in range(12)]
        for t in threads:
            t.start()
        for t in threads:
            t.join()
        with db.begin() as dbs:
            votes = dbs.scalar(select(func.count(Vote.id)).where(Vote.participant_id == child))
        assert votes == budget == outcomes.count("ok")
        assert set(outcomes) <= {"ok", "no_votes_left", "idea_vote_limit"}, outcomes


@pytest.mark.parametrize("kind", ["sqlite", pytest.param("postgresql", marks=pytest.mark.scaleout)])
def test_the_same_submission_sent_at_once_is_stored_once(kind, tmp_path):
    with database(kind, tmp_path) as db:
        wid, child, _ideas, _step, _budget = vote_room(db, tmp_path)
        with db.begin() as dbs:
            from workshop.store.models import Workshop

            workshop = dbs.get(Workshop, wid)
            ideas_step = next(i for i, s in enumerate(run.plan_of(workshop).steps)
                              if s.kind == "ideas")
        barrier = threading.Barrier(8)
        results = []

        def send() -> None:
            barrier.wait()
            with db.begin() as dbs:
                results.append(take_part.submit(dbs, wid, child, "same-id-123", "idea",
                                                ideas_step, {"text": "dubbel"}, tmp_path))

        threads = [threading.Thread(target=send) for _ in range(8)]
        for t in threads:
            t.start()
        for t in threads:
            t.join()
        assert len({r["item"]["id"] for r in results}) == 1
        with db.begin() as dbs:
            assert dbs.scalar(select(func.count(Idea.id)).where(Idea.text == "dubbel")) == 1
            assert dbs.scalar(select(func.count(Receipt.client_id))
                              .where(Receipt.client_id == "same-id-123")) == 1
