"""Forgotten on time: a finished series with everything children make in it, run through the
retention; afterwards no table holds anything that identifies a child, the picture files
are gone from disk, the board keeps its record and the figures are the same."""

from __future__ import annotations

import fcntl
import io
import json
from dataclasses import dataclass
from datetime import datetime, timedelta
from pathlib import Path

import pytest
from PIL import Image
from sqlalchemy import func, select, text, update

from tests.exchange.classroom import picture
from workshop.services import (
    audit,
    board,
    figures,
    follow_up,
    moderation,
    network,
    progress,
    retention,
    run,
    setup,
    take_part,
)
from workshop.services.accounts import create_user
from workshop.services.plan_library import PlanLibrary
from workshop.store.board_models import BoardIdea, Feedback, ProgressUpdate
from workshop.store.models import (
    Attendance,
    AuditEntry,
    Base,
    Group,
    Idea,
    Media,
    Participant,
    Receipt,
    Response,
    Series,
    User,
    Vote,
    Workshop,
    utcnow,
)

ROOT = Path(__file__).resolve().parents[2]
ENDED = datetime(2025, 3, 14, 15, 0)          # the last workshop ended then
AFTER = datetime(2026, 3, 15, 3, 0)           # 12 months and a day later
BEFORE = datetime(2026, 3, 13, 3, 0)          # a day short of 12 months
CHILDREN = ("Sam", "Noor")
CRITICAL = "Mijn oom Ahmed van de bakkerij kan helpen"
ANSWER = "Ik voetbal met mijn broer Daan"
FEEDBACK = "Leuk met juf Karin"


def _user(dbs, name, role, network_id=None, partner_id=None) -> User:
    row = dbs.get(User, create_user(dbs, name, "geheim-123", role=role)["id"])
    row.network_id, row.partner_id = network_id, partner_id
    dbs.commit()
    return row


def _photo_bytes() -> bytes:
    out = io.BytesIO()
    Image.new("RGB", (320, 240), "green").save(out, "JPEG")
    return out.getvalue()


def _step(workshop, kind: str) -> int:
    return next(i for i, s in enumerate(run.plan_of(workshop).steps) if s.kind == kind)


@dataclass
class Finished:
    admin: User
    network_id: int
    group_id: int
    series_id: int
    other_child: int        # a child of another group whose series is recent
    secrets: list[str]      # every text that would identify a child
    board_texts: list[str]  # the ideas on the board, as the children wrote them
    media: Path


@pytest.fixture
def finished(app, db, tmp_path) -> Finished:
    """A series of three workshops with two children: answers, a poll, card reactions,
    ideas with drawings and photos (with GPS), a merged idea, votes, critical answers, tablet
    ids, an audit entry; the shortlist shipped to a board with first names on, adopted,
    with a partner's photo update and children's feedback. All ended long ago."""
    media = app.config["MEDIA_DIR"]
    library = PlanLibrary(ROOT / "sessions", tmp_path / "own")
    with db.begin() as dbs:
        admin = _user(dbs, "admin", "admin")
        net = network.create_network(dbs, admin, "Rivierenbuurt", "Den Haag Zuid")
        lib = network.add_partner(dbs, admin, net["id"], "Bibliotheek", "library", "Fatima",
                                  "f@bieb.nl", strengths=["spaces"])
        advisor = _user(dbs, "adviseur", "advisor", net["id"])
        partner = _user(dbs, "bieb", "partner", net["id"], lib["id"])
        leader = _user(dbs, "juf", "leader")
        group = setup.create_group(dbs, leader, "Groep 6B", "De Regenboog", "Rivierenbuurt")
        series = setup.create_series(dbs, leader, library, group["id"], "Voorjaar")
        w1, w2, w3 = (w["id"] for w in series["workshops"])

        # 1. inspire: join with a picture key, a poll, a card reaction, an answer
        workshop = run.start(dbs, leader, library, w1)
        kids = {}
        for n, name in enumerate(CHILDREN):
            joined = take_part.join(dbs, workshop.join_code, name, "🦊",
                                    key=["moon", "fish"], device=f"tablet-{n:04d}")
            kids[name] = (joined["participant"]["id"], joined["token"])
        poll, cards, question = (_step(workshop, k) for k in ("poll", "cards", "question"))
        card = run.plan_of(workshop).steps[cards].choices[0].id
        for name, (cid, _token) in kids.items():
            run.control(dbs, leader, w1, "goto", poll)
            take_part.submit(dbs, w1, cid, f"poll-{cid}-000", "poll", poll,
                             {"choice": "music"}, media)
            run.control(dbs, leader, w1, "goto", cards)
            take_part.submit(dbs, w1, cid, f"card-{cid}-000", "reaction", cards,
                             {"card": card, "reaction": "like"}, media)
            run.control(dbs, leader, w1, "goto", question)
            take_part.submit(dbs, w1, cid, f"answ-{cid}-000", "answer", question,
                             {"text": f"{ANSWER} ({name})"}, media)
        run.control(dbs, leader, w1, "end")

        # 2. dream: ideas with drawings and photos; a merged duplicate
        workshop = run.start(dbs, leader, library, w2)
        for n, (_cid, token) in enumerate(kids.values()):
            take_part.identify(dbs, workshop.join_code, token, f"tablet-{n:04d}")
        ideas_step = _step(workshop, "ideas")
        run.control(dbs, leader, w2, "goto", ideas_step)
        sam, noor = kids["Sam"][0], kids["Noor"][0]
        made = []
        for n, (cid, words, pics) in enumerate([
                (sam, "Een brug voor insecten", {"drawing": picture("drawing"),
                                                 "photo": picture("photo", gps=True)}),
                (noor, "Een snoepmuseum", {"drawing": picture("drawing", (0, 90, 200))}),
                (noor, "Robotles in de bibliotheek", {"photo": picture("photo")}),
                (sam, "Een snoepmuseum!", {})]):
            made.append(take_part.submit(dbs, w2, cid, f"idea-{n:05d}", "idea", ideas_step,
                                         {"text": words, **pics}, media)["item"]["id"])
        moderation.merge(dbs, leader, made[1], made[3])
        for idea_id in made[:2]:
            moderation.set_shortlisted(dbs, leader, idea_id, True)
        run.control(dbs, leader, w2, "end")

        # 3. critical: votes and critical answers
        workshop = run.start(dbs, leader, library, w3)
        for n, (_cid, token) in enumerate(kids.values()):
            take_part.identify(dbs, workshop.join_code, token, f"tablet-{n:04d}")
        vote, critical = _step(workshop, "vote"), _step(workshop, "critical")
        run.control(dbs, leader, w3, "goto", vote)
        for cid, _token in kids.values():
            for idea_id in made[:2]:
                take_part.submit(dbs, w3, cid, f"vote-{cid}-{idea_id:03d}", "vote", vote,
                                 {"idea_id": idea_id}, media)
        run.control(dbs, leader, w3, "goto", critical)
        for idea_id in made[:2]:
            take_part.submit(dbs, w3, sam, f"crit-{idea_id:05d}", "critical", critical,
                             {"idea_id": idea_id, "question": "who_helps", "text": CRITICAL},
                             media)
        run.control(dbs, leader, w3, "end")
        audit.record(dbs, "wrong_workshop", child=sam, workshop=w3)

        # the board, with first names on; adopted, news with a partner's photo, feedback
        board.ship(dbs, leader, series["id"], net["id"], show_first_names=True)
        items = list(dbs.scalars(select(BoardIdea.id).order_by(BoardIdea.id)))
        board.move(dbs, advisor, items[0], "selected")
        board.adopt(dbs, partner, items[0], lib["id"])
        follow_up.post_update(dbs, partner, items[0], "We hebben een plek!", _photo_bytes(),
                              media)
        code = follow_up.open_feedback(dbs, partner, items[0])["code"]
        follow_up.give_feedback(dbs, code, "phone-0000000001", "great", FEEDBACK)

        # another group, whose series is recent: nothing of it may go
        other = setup.create_group(dbs, leader, "Groep 8A", "De Regenboog")
        recent = setup.create_series(dbs, leader, library, other["id"], "Najaar")
        live = run.start(dbs, leader, library, recent["workshops"][0]["id"])
        lotte = take_part.join(dbs, live.join_code, "Lotte", "🐼")["participant"]["id"]

        # it all happened long ago
        dbs.execute(update(Workshop).where(Workshop.series_id == series["id"])
                    .values(started_at=ENDED - timedelta(days=30), ended_at=ENDED))
        old = ENDED - timedelta(days=1)
        for table, column in ((Participant, "created_at"), (Receipt, "created_at"),
                              (Feedback, "at"), (AuditEntry, "created_at")):
            dbs.execute(update(table).values({column: old}))
        dbs.execute(update(Participant).where(Participant.id == lotte)
                    .values(created_at=AFTER - timedelta(days=2)))
        dbs.execute(update(Workshop).where(Workshop.series_id == recent["id"],
                                           Workshop.started_at.is_not(None))
                    .values(started_at=AFTER - timedelta(days=2)))
        dbs.commit()
        tokens = [t for _cid, t in kids.values()]
        hashes = list(dbs.scalars(select(Participant.key_hash).where(
            Participant.id.in_([sam, noor]))))
        texts = [dbs.get(BoardIdea, i).text for i in items]
    return Finished(admin, net["id"], group["id"], series["id"], lotte,
                    [*CHILDREN, *tokens, *hashes, "tablet-0000", "tablet-0001", CRITICAL,
                     ANSWER, FEEDBACK, "phone-0000000001", "Robotles"],
                    texts, media)


def _figures(dbs, admin, network_id) -> tuple[dict, dict]:
    return figures.figures(dbs, admin), figures.figures(dbs, admin, network_id)


def _everything(dbs) -> dict[str, str]:
    """Every row of every table, as text, per table."""
    return {table.name: json.dumps([list(row) for row in dbs.execute(select(table))],
                                   default=str, ensure_ascii=False)
            for table in Base.metadata.sorted_tables}


def test_after_the_period_nothing_identifies_a_child_and_the_figures_stay(finished, db):
    with db.begin() as dbs:
        before = _figures(dbs, finished.admin, finished.network_id)
        files_before = {p.name for p in finished.media.iterdir()}
        photos = set(dbs.scalars(select(Media.filename).where(Media.kind == "photo")))
        tables = _everything(dbs)
    assert before[0]["children"] == 3 and before[0]["ideas"] == 3  # 3 + 1 merged
    assert before[0]["workshops"] == 4 and before[0]["shipped"] == 2
    assert any(s in tables["participants"] for s in CHILDREN)       # the check can see them
    assert CRITICAL in tables["board_ideas"] and "Sam" in tables["board_ideas"]
    assert len(files_before) == 5  # 2 drawings and 2 photos of children, the partner's photo

    assert retention.daily(db, finished.media, 12, now=BEFORE)["series"] == 0  # not yet
    done = retention.daily(db, finished.media, 12, now=AFTER)
    assert done["series"] == 1 and done["children"] == 2 and done["ideas"] == 4
    assert done["pictures"] == 2 and done["board_ideas"] == 2 and done["feedback"] == 1

    with db.begin() as dbs:
        # table by table: no name, token, picture key, tablet id, answer or feedback text
        for table, rows in _everything(dbs).items():
            for secret in finished.secrets:
                assert secret not in rows, f"{table} still holds {secret!r}"
        children = list(dbs.scalars(select(Participant)))
        assert [c.id for c in children] == [finished.other_child]    # the recent group's
        workshops = select(Workshop.id).where(Workshop.series_id == finished.series_id)
        for table in (Attendance, Vote, Response):
            assert not dbs.scalar(select(func.count()).select_from(table).where(
                table.workshop_id.in_(workshops)))
        assert not dbs.scalar(select(func.count()).select_from(Idea).where(
            Idea.series_id == finished.series_id))
        assert dbs.scalar(select(func.count(Receipt.client_id))) == 0
        assert dbs.scalar(select(func.count(AuditEntry.id))) == 0
        # the board's record: the words and the drawing, nothing leading to a child
        items = list(dbs.scalars(select(BoardIdea).order_by(BoardIdea.id)))
        assert [i.text for i in items] == finished.board_texts
        for item in items:
            assert item.idea_id is None and item.photo_id is None
            assert item.drawing_id is not None
            assert item.origin["first_name"] is None and item.origin["critical"] == []
            assert item.origin["group"] == "Groep 6B" and item.origin["votes"] == 2
        group = dbs.get(Group, finished.group_id)
        assert all(i["first_name"] is None for i in progress.progress(dbs, group)["ideas"])
        feedback = dbs.scalar(select(Feedback))
        assert feedback.face == "great" and feedback.text == ""
        # pictures: the drawings on the board and the partner's photo stay, on disk too
        kept = set(dbs.scalars(select(Media.filename)))
        assert kept == {m.filename for m in dbs.scalars(select(Media).where(Media.id.in_(
            [i.drawing_id for i in items] + list(dbs.scalars(select(ProgressUpdate.photo_id))))))}
        assert {p.name for p in finished.media.iterdir()} == kept
        assert photos & kept == set(dbs.scalars(select(Media.filename).join(
            ProgressUpdate, ProgressUpdate.photo_id == Media.id)))  # only the partner's
        assert len(files_before - kept) == 2
        # the figures are the same
        assert _figures(dbs, finished.admin, finished.network_id) == before
        series = dbs.get(Series, finished.series_id)
        assert series.forgotten_at == AFTER and series.forgotten_ideas == 3
        assert group.forgotten_children == 2

    # once a day, over all processes; the next day finds nothing more to forget
    assert retention.daily(db, finished.media, 12, now=AFTER + timedelta(hours=5)) is None
    assert retention.daily(db, finished.media, 12, now=AFTER + timedelta(days=1)) == {
        k: 0 for k in done}
    with db.begin() as dbs:
        assert _figures(dbs, finished.admin, finished.network_id) == before


def test_the_server_forgets_every_day_by_itself(finished, db):
    """`workshop serve`'s background task with a fake clock and sleep: no command typed."""
    days = iter([AFTER - timedelta(days=2), AFTER - timedelta(days=1), AFTER])
    slept = []

    def sleep(seconds):
        slept.append(seconds)
        if len(slept) == 3:
            db.closed = True  # the app shuts down

    retention.run_forever(db, finished.media, 12, sleep, clock=lambda: next(days))
    db.closed = False
    assert slept == [retention.CHECK_SECONDS] * 3
    with db.begin() as dbs:
        assert dbs.get(Series, finished.series_id).forgotten_at == AFTER
        assert not dbs.scalar(select(func.count()).select_from(Participant).where(
            Participant.group_id == finished.group_id))
        assert retention.last_run(dbs)["day"] == AFTER.date().isoformat()
        assert retention.last_run(dbs)["result"]["how"] == "daily"


def test_one_process_forgets_at_a_time(finished, db):
    """Another process holding the lock: this one leaves the day to it."""
    with open(f"{db.engine.url.database}.retention-lock", "a") as other:
        fcntl.flock(other, fcntl.LOCK_EX)
        assert retention.daily(db, finished.media, 12, now=AFTER) is None
        with pytest.raises(retention.Refused):
            retention.purge(db, finished.media, now=AFTER)
    assert retention.daily(db, finished.media, 12, now=AFTER)["series"] == 1


def test_on_postgresql_the_lock_is_an_advisory_lock(tmp_path):
    from tests.databases import fresh_postgres
    from workshop import create_app

    with fresh_postgres() as url:
        import os

        os.environ["WORKSHOP_DATABASE_URL"] = url
        try:
            app = create_app({"DATA_DIR": tmp_path / "pg", "ASYNC_MODE": "threading",
                              "SECRET_KEY": "test"})
        finally:
            del os.environ["WORKSHOP_DATABASE_URL"]
        db = app.extensions["db"]
        try:
            with db.engine.connect() as other:
                other.execute(text("SELECT pg_advisory_lock(:key)"), {"key": retention.LOCK})
                assert retention.daily(db, tmp_path, 12, now=AFTER) is None
                other.execute(text("SELECT pg_advisory_unlock(:key)"), {"key": retention.LOCK})
            assert retention.daily(db, tmp_path, 12, now=AFTER) == {
                "series": 0, "children": 0, "ideas": 0, "answers": 0, "votes": 0,
                "attendance": 0, "pictures": 0, "board_ideas": 0, "feedback": 0}
        finally:
            db.dispose()


def test_the_command_uses_the_saved_period(finished, db, app, monkeypatch, capsys):
    from workshop import cli

    monkeypatch.setenv("WORKSHOP_DATA_DIR", str(app.config["DATA_DIR"]))
    monkeypatch.setenv("WORKSHOP_SECRET_KEY", "test")
    with db.begin() as dbs:
        retention.set_months(dbs, finished.admin, 120)  # ten years: not yet
    assert cli.main(["purge"]) == 0
    assert "0 series" in capsys.readouterr().out
    with db.begin() as dbs:
        retention.set_months(dbs, finished.admin, 6)
        dbs.execute(update(Workshop).where(Workshop.series_id != finished.series_id,
                                           Workshop.started_at.is_not(None))
                    .values(started_at=utcnow()))  # the other group's series is today's
        dbs.commit()
    assert cli.main(["purge"]) == 0
    out = capsys.readouterr().out
    assert "1 series: 2 children, 4 ideas" in out and "The figures stay." in out
    with db.begin() as dbs:
        assert dbs.get(Series, finished.series_id).forgotten_at is not None
        assert retention.last_run(dbs)["result"]["how"] == "now"


def test_the_period_is_checked_and_counted_in_calendar_months(db):
    assert retention.cutoff(datetime(2026, 3, 31, 8), 1) == datetime(2026, 2, 28, 8)
    assert retention.cutoff(datetime(2026, 1, 15), 12) == datetime(2025, 1, 15)
    for bad in ("", "twelve", "0", "121", "1.5", None):
        with pytest.raises(retention.Refused) as caught:
            retention.check_months(bad)
        assert caught.value.code == "retention_months_invalid"
    with db.begin() as dbs:
        assert retention.months(dbs) == 12
        assert retention.months(dbs, 18) == 18
        leader = dbs.get(User, create_user(dbs, "juf", "geheim-123", role="leader")["id"])
        with pytest.raises(retention.Refused):
            retention.set_months(dbs, leader, 6)


def test_a_child_in_a_newer_series_of_the_group_stays(app, db, tmp_path):
    """The same class in a second series: the child stays (and counts once) until that
    series is forgotten too."""
    library = PlanLibrary(ROOT / "sessions", tmp_path / "own")
    with db.begin() as dbs:
        admin = _user(dbs, "admin", "admin")
        leader = _user(dbs, "juf", "leader")
        group = setup.create_group(dbs, leader, "Groep 6B", "De Regenboog")
        first = setup.create_series(dbs, leader, library, group["id"], "Voorjaar")
        second = setup.create_series(dbs, leader, library, group["id"], "Najaar")
        w = run.start(dbs, leader, library, first["workshops"][0]["id"])
        child = take_part.join(dbs, w.join_code, "Sam", "🦊")
        run.control(dbs, leader, w.id, "end")
        w2 = run.start(dbs, leader, library, second["workshops"][0]["id"])
        take_part.identify(dbs, w2.join_code, child["token"])
        run.control(dbs, leader, w2.id, "end")
        dbs.execute(update(Workshop).where(Workshop.series_id == first["id"])
                    .values(ended_at=ENDED))
        dbs.execute(update(Participant).values(created_at=ENDED))
        dbs.commit()
        assert figures.figures(dbs, admin)["children"] == 1
    assert retention.daily(db, tmp_path, 12, now=AFTER)["children"] == 0
    with db.begin() as dbs:
        assert dbs.scalar(select(Participant.name)) == "Sam"  # still in the autumn series
        assert figures.figures(dbs, admin)["children"] == 1
        dbs.execute(update(Workshop).where(Workshop.series_id == second["id"])
                    .values(ended_at=ENDED))
        dbs.commit()
    assert retention.daily(db, tmp_path, 12, now=AFTER + timedelta(days=1))["children"] == 1
    with db.begin() as dbs:
        assert dbs.scalar(select(func.count(Participant.id))) == 0
        assert figures.figures(dbs, admin)["children"] == 1  # counted once, still
        assert utcnow() > AFTER
