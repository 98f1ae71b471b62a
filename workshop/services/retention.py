"""Retention: child-level data is forgotten a set period after a series ends; the board's
record and the figures stay.

The period is a setting (months, default 12: `WORKSHOP_RETENTION_MONTHS`, or what an admin
saved on the settings page). The server applies it by itself once a day (`run_forever`, in
`workshop serve`) and `workshop purge` applies it when typed; both call `forget`.

A series ends when its last workshop ended (or, left running, started). Once it ended longer
ago than the period, what it holds about its children goes:

- the children themselves: names, avatars, tablet tokens, picture keys, languages, tablet
  ids, questions to the leader, removals, submission receipts (a child who also takes part
  in a newer series of the group stays until that series is forgotten too);
- everything they made: ideas with their drawings and photos (rows and files), answers,
  poll choices, card reactions, critical answers, votes and attendance with their times;
- on the board's copy of an idea (board_ideas): the link to the idea, the first name, the
  critical answers and the photo. The text and the drawing stay as the board's record,
  with the group, school and vote count, but with nothing that leads back to one child.
  Critical answers are a child's own free words ("my uncle Ahmed can help", "me and
  Sara"): they are removed, since no rule can tell which ones name someone. A photo can
  show a face, so it goes; a drawing stays.

Ideas shipped here from a laptop (a network server) are stripped the same way once they
were shipped longer ago than the period (the network server knows no series end; shipping
comes after the workshops, so this is never earlier than the laptop's own forgetting).
Children's feedback after an intro activity keeps its smiley but loses its words and phone
id after the period; the audit log of refused events goes after the period too.

What stays counted: workshops keep their rows; the number of ideas of a forgotten series is
kept on the series and the number of children reached on the group, so the figures are the
same before and after."""

from __future__ import annotations

import calendar
import json
import logging
import secrets
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path, PurePosixPath

from sqlalchemy import delete, exists, func, or_, select, text, update
from sqlalchemy.orm import Session

from ..domain.errors import Refused
from ..store.board_models import BoardIdea, Feedback, ProgressUpdate
from ..store.link_models import IdeaNews, OutgoingShipment
from ..store.models import (
    Attendance,
    AuditEntry,
    ChildDevice,
    DoneMark,
    Group,
    Idea,
    JoinRequest,
    Media,
    Participant,
    Receipt,
    Removal,
    Response,
    Series,
    User,
    Vote,
    Workshop,
    utcnow,
)
from . import settings

log = logging.getLogger(__name__)

DEFAULT_MONTHS = 12
MIN_MONTHS, MAX_MONTHS = 1, 120
MONTHS_KEY = "retention_months"
LAST_RUN_KEY = "retention_last_run"      # the day of the last daily run (ISO date)
LAST_RESULT_KEY = "retention_last_result"  # what it did, as JSON
# The key of the PostgreSQL advisory lock the daily run takes ("forgets" in ASCII).
LOCK = 0x666F7267657473
CHECK_SECONDS = 3600  # the daily run looks this often whether a new day has begun


# --- the period ---

def check_months(value: object) -> int:
    """A retention period in whole months, from MIN_MONTHS to MAX_MONTHS."""
    try:
        months = int(str(value).strip())
    except (TypeError, ValueError):
        raise Refused("retention_months_invalid", minimum=MIN_MONTHS,
                      maximum=MAX_MONTHS) from None
    if not MIN_MONTHS <= months <= MAX_MONTHS:
        raise Refused("retention_months_invalid", minimum=MIN_MONTHS, maximum=MAX_MONTHS)
    return months


def months(dbs: Session, default: int = DEFAULT_MONTHS) -> int:
    """The retention period in force: the admin's saved one, else the configuration's."""
    saved = settings.get(dbs, MONTHS_KEY)
    try:
        return check_months(saved) if saved is not None else check_months(default)
    except Refused:
        return DEFAULT_MONTHS


def set_months(dbs: Session, actor: User, value: object) -> int:
    """An admin sets the retention period."""
    if actor is None or actor.role != "admin":
        raise Refused("forbidden")
    chosen = check_months(value)
    settings.put(dbs, MONTHS_KEY, str(chosen))
    dbs.commit()
    return chosen


def cutoff(now: datetime, months_back: int) -> datetime:
    """The moment `months_back` calendar months before `now` (the 31st becomes the last day
    of a shorter month)."""
    total = now.year * 12 + (now.month - 1) - months_back
    year, month = divmod(total, 12)
    day = min(now.day, calendar.monthrange(year, month + 1)[1])
    return now.replace(year=year, month=month + 1, day=day)


def last_run(dbs: Session) -> dict:
    """When the daily run last ran and what it did."""
    result = settings.get(dbs, LAST_RESULT_KEY)
    return {"day": settings.get(dbs, LAST_RUN_KEY),
            "result": json.loads(result) if result else None}


# --- forgetting ---

@dataclass
class Forgotten:
    """What one run forgot; `files` are the picture files to delete once committed."""

    series: int = 0
    children: int = 0
    ideas: int = 0
    answers: int = 0
    votes: int = 0
    attendance: int = 0
    pictures: int = 0
    board_ideas: int = 0
    feedback: int = 0
    files: list[str] = field(default_factory=list)

    def summary(self) -> dict:
        return {k: v for k, v in self.__dict__.items() if k != "files"}


def expired_series(dbs: Session, before: datetime) -> list[int]:
    """Series not forgotten yet whose last workshop ended (or, left running, started)
    before `before`. Planned workshops never run do not hold a series back."""
    last = func.max(func.coalesce(Workshop.ended_at, Workshop.started_at))
    rows = dbs.execute(select(Workshop.series_id, last)
                       .join(Series, Series.id == Workshop.series_id)
                       .where(Series.forgotten_at.is_(None))
                       .group_by(Workshop.series_id))
    return sorted(sid for sid, when in rows if when is not None and when < before)


def forget(dbs: Session, before: datetime, now: datetime | None = None) -> Forgotten:
    """Forget the child-level data of every series that ended before `before` (see the
    module's text). Flushes; the caller commits, then deletes `files` (`delete_files`)."""
    now = now or utcnow()
    done = Forgotten()
    media: set[int] = set()
    groups: dict[int, set[int]] = {}
    for series_id in expired_series(dbs, before):
        series = dbs.get(Series, series_id)
        counted = _forget_series(dbs, series, now, done, media)
        groups.setdefault(series.group_id, set()).update(counted)
        done.series += 1
    for group_id, counted in groups.items():
        _forget_children(dbs, dbs.get(Group, group_id), counted, before, done)
    for item in dbs.scalars(select(BoardIdea).where(
            BoardIdea.idea_id.is_(None), BoardIdea.origin_uid.is_not(None),
            BoardIdea.shipped_at < before)):
        if not (item.origin or {}).get("forgotten"):
            _strip_board_idea(item, now, media)
            done.board_ideas += 1
    for row in dbs.scalars(select(Feedback).where(Feedback.at < before, or_(
            Feedback.text != "", ~Feedback.client_id.startswith("gone-")))):
        row.text, row.client_id = "", "gone-" + secrets.token_urlsafe(16)
        done.feedback += 1
    dbs.execute(delete(AuditEntry).where(AuditEntry.created_at < before))
    dbs.flush()
    done.files = _forget_pictures(dbs, media)
    done.pictures = len(done.files)
    return done


def _forget_series(dbs: Session, series: Series, now: datetime, done: Forgotten,
                   media: set[int]) -> set[int]:
    """One series: its children's work goes; returns the children who took part in it."""
    workshops = [w.id for w in series.workshops]
    ideas = select(Idea.id).where(Idea.series_id == series.id)
    for drawing, photo in dbs.execute(select(Idea.drawing_id, Idea.photo_id)
                                      .where(Idea.series_id == series.id)):
        media.update(m for m in (drawing, photo) if m is not None)
    for item in dbs.scalars(select(BoardIdea).where(BoardIdea.idea_id.in_(ideas))):
        _strip_board_idea(item, now, media)
        item.idea_id = None
        done.board_ideas += 1
    counted = set(dbs.scalars(select(Attendance.participant_id).join(
        Workshop, Workshop.id == Attendance.workshop_id).where(
        Attendance.workshop_id.in_(workshops), Workshop.started_at.is_not(None))))
    done.votes += dbs.execute(delete(Vote).where(or_(
        Vote.workshop_id.in_(workshops), Vote.idea_id.in_(ideas)))).rowcount
    done.answers += dbs.execute(delete(Response).where(or_(
        Response.workshop_id.in_(workshops), Response.idea_id.in_(ideas)))).rowcount
    done.attendance += dbs.execute(delete(Attendance).where(
        Attendance.workshop_id.in_(workshops))).rowcount
    # tablet ids, questions, removals, "I'm done" marks
    for table in (ChildDevice, JoinRequest, Removal, DoneMark):
        dbs.execute(delete(table).where(table.workshop_id.in_(workshops)))
    dbs.execute(delete(IdeaNews).where(IdeaNews.idea_id.in_(ideas)))
    for shipment in dbs.scalars(select(OutgoingShipment).where(
            OutgoingShipment.series_id == series.id)):
        shipment.result = {**(shipment.result or {}), "forgotten": len(shipment.idea_ids)}
        shipment.idea_ids = []
        if shipment.status == "waiting":  # its ideas are gone: it can never go now
            shipment.status, shipment.last_error = "refused", "nothing_to_ship"
    for workshop in series.workshops:
        workshop.focus_idea_id = None
        if workshop.status == "live":  # left running all this time
            workshop.status, workshop.ended_at, workshop.timer_ends_at = "ended", now, None
    kept = dbs.scalar(select(func.count(Idea.id)).where(
        Idea.series_id == series.id, Idea.merged_into_id.is_(None))) or 0
    dbs.execute(update(Idea).where(Idea.series_id == series.id).values(merged_into_id=None))
    done.ideas += dbs.execute(delete(Idea).where(Idea.series_id == series.id)).rowcount
    series.forgotten_at = now
    series.forgotten_ideas += kept
    return counted


def _strip_board_idea(item: BoardIdea, now: datetime, media: set[int]) -> None:
    """The board's copy keeps text, drawing, group and votes; no first name, no critical
    answers, no photo."""
    origin = dict(item.origin or {})
    origin["first_name"] = None
    origin["critical"] = []
    origin["forgotten"] = now.date().isoformat()
    item.origin = origin
    if item.photo_id is not None:
        media.add(item.photo_id)
        item.photo_id = None


_CHILD_ROWS = (Attendance, Idea, Response, Vote, ChildDevice, JoinRequest, Removal, DoneMark)


def _forget_children(dbs: Session, group: Group, counted: set[int], before: datetime,
                     done: Forgotten) -> None:
    """The group's children with nothing left in any series go (a child still in a newer
    series stays); those who took part are kept as a number on the group."""
    for child_id in list(dbs.scalars(select(Participant.id).where(
            Participant.group_id == group.id, Participant.created_at < before))):
        if any(dbs.scalar(select(exists().where(table.participant_id == child_id)))
               for table in _CHILD_ROWS):
            dbs.execute(delete(Receipt).where(Receipt.participant_id == child_id,
                                              Receipt.created_at < before))
            continue
        dbs.execute(delete(Receipt).where(Receipt.participant_id == child_id))
        dbs.execute(delete(Participant).where(Participant.id == child_id))
        if child_id in counted:
            group.forgotten_children += 1
        done.children += 1


def _forget_pictures(dbs: Session, candidates: set[int]) -> list[str]:
    """Media rows nothing points at any more go; returns their file names."""
    names = []
    for media_id in sorted(candidates):
        used = any(dbs.scalar(select(exists().where(column == media_id))) for column in (
            Idea.drawing_id, Idea.photo_id, BoardIdea.drawing_id, BoardIdea.photo_id,
            ProgressUpdate.photo_id))
        row = dbs.get(Media, media_id)
        if row is not None and not used:
            names.append(row.filename)
            dbs.delete(row)
    dbs.flush()
    return names


def delete_files(media_dir: Path, names: list[str]) -> int:
    """Delete picture files from the media folder (a real thread under gevent: a few
    hundred unlinks must not stop the tablets' connections)."""
    from ..offload import off_loop

    return off_loop(_unlink, Path(media_dir), list(names))


def _unlink(folder: Path, names: list[str]) -> int:
    gone = 0
    for name in names:
        path = folder / PurePosixPath(name).name  # a name, never a path elsewhere
        try:
            path.unlink()
            gone += 1
        except FileNotFoundError:
            pass
    return gone


# --- the command and the daily run ---

def purge(database, media_dir: Path, *, months_back: int | None = None,
          days: int | None = None, default_months: int = DEFAULT_MONTHS,
          now: datetime | None = None) -> dict:
    """Apply the retention now (`workshop purge`): the saved period unless `months_back` or
    `days` is given. Takes the same lock as the daily run."""
    from datetime import timedelta

    now = now or utcnow()
    if days is not None and days < 1:
        raise ValueError("days must be at least 1")
    with database.begin(write=True) as dbs, _only_one(database, dbs) as mine:
        if not mine:
            raise Refused("retention_busy")
        if days is not None:
            before = now - timedelta(days=days)
        else:
            before = cutoff(now, check_months(months_back) if months_back is not None
                            else months(dbs, default_months))
        done = forget(dbs, before, now)
        _keep_result(dbs, done, now, "now")
        dbs.commit()
    delete_files(media_dir, done.files)
    return done.summary()


def daily(database, media_dir: Path, default_months: int = DEFAULT_MONTHS,
          now: datetime | None = None) -> dict | None:
    """The daily run: once per calendar day over all server processes (the first to take
    the lock does it, the others find the day done). Returns what it did, or None."""
    now = now or utcnow()
    today = now.date().isoformat()
    with database.begin(write=True) as dbs, _only_one(database, dbs) as mine:
        if not mine or settings.get(dbs, LAST_RUN_KEY) == today:
            dbs.rollback()
            return None
        done = forget(dbs, cutoff(now, months(dbs, default_months)), now)
        settings.put(dbs, LAST_RUN_KEY, today)
        _keep_result(dbs, done, now, "daily")
        dbs.commit()
    delete_files(media_dir, done.files)
    if done.series or done.board_ideas or done.feedback:
        log.info("retention: forgot %s", done.summary())
    return done.summary()


def _keep_result(dbs: Session, done: Forgotten, now: datetime, how: str) -> None:
    settings.put(dbs, LAST_RESULT_KEY, json.dumps(
        {**done.summary(), "at": now.strftime("%Y-%m-%d %H:%M"), "how": how}))


def run_forever(database, media_dir: Path, default_months: int,
                sleep: Callable[[float], None], clock: Callable[[], datetime] = utcnow,
                every: float = CHECK_SECONDS) -> None:
    """`workshop serve`'s background task: the daily run, checked every hour."""
    while not database.closed:
        try:
            daily(database, media_dir, default_months, clock())
        except Exception:  # noqa: BLE001 - log it and try again in an hour
            log.exception("retention run failed")
        sleep(every)


@contextmanager
def _only_one(database, dbs: Session) -> Iterator[bool]:
    """True for the one process that may forget now: on PostgreSQL a transaction-level
    advisory lock (it goes with the commit), on a SQLite file a lock file next to it."""
    if not database.sqlite:
        yield bool(dbs.scalar(text("SELECT pg_try_advisory_xact_lock(:key)"), {"key": LOCK}))
        return
    name = database.engine.url.database
    try:
        import fcntl
    except ImportError:  # pragma: no cover - not on Linux or macOS
        fcntl = None
    if not name or name == ":memory:" or name.startswith("file:") or fcntl is None:
        yield True
        return
    with open(f"{name}.retention-lock", "a") as handle:
        try:
            fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            yield False
            return
        yield True  # released when the file is closed
