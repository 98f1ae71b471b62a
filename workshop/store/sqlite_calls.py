"""SQLite calls off the event loop, and a limit on how long a piece of work waits.

The sqlite3 driver blocks the thread that calls it: in gevent mode that is the one event
loop, so a file locked by another process (a backup, a `sqlite3` shell) froze every page
and every tablet for the 30 s of the busy timeout. Here each DBAPI connection is wrapped so
that the calls that can wait or take long (connect, execute with fetching its rows, commit,
rollback, close) run in a real thread of a small gevent thread pool; sqlite3 lets go of
the interpreter lock while it steps and while it sleeps for a lock, so the loop goes on.

SQLAlchemy itself (the pool, sessions, the writers' turn lock) stays on the loop: only the
raw driver calls move, one at a time per connection, since the greenlet waits for each.
A statement's rows are fetched in the same trip. Once a statement of a transaction has
written, the connection holds the write lock and the rest of that transaction waits for no
one (in WAL mode readers never wait either way), so those statements run where they are
called. Before that a statement is first tried where it is called with a busy timeout of
0: the driver then never sleeps for a lock, it says "locked" at once, and only then does
the statement make the trip, with the wait (the BEGIN of a first write that was refused is
rolled back first: nothing had been done). The commit makes the trip (it may checkpoint
the log into the file). So a write transaction makes one trip, reading none, unless
another process holds the file. Measured before with 600 submissions at once
through take_part.submit in a gevent process (best of 6, 2 shared cores): all on the loop
1,319/s with the loop stalled up to 48-100 ms; a trip for every call 994/s; a trip for the
first write and the commit 1,116/s. A trip costs 20-50 us quiet, but in the server at
saturation waking the worker was a quarter of the submit handler's time (py-spy, 1,000
tablets: ThreadPool.spawn, the condition's notify), hence only the commit's.

A deadline (`deadline(seconds)`, a context variable, so per greenlet or thread) bounds the
wait: the connection's busy timeout is set to what is left of it, and work past it raises
`Busy`. Without one the driver's own timeout (30 s) applies, as before."""

from __future__ import annotations

import functools
import sqlite3
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from typing import Any

# SQLITE_BUSY, SQLITE_BUSY_RECOVERY, SQLITE_BUSY_SNAPSHOT, SQLITE_BUSY_TIMEOUT, SQLITE_LOCKED
BUSY_CODES = frozenset({5, 261, 517, 773, 6})
_STEP_MS = 250  # the busy timeout follows the deadline in steps of this (fewer PRAGMAs)

_deadline: ContextVar[float | None] = ContextVar("workshop_db_deadline", default=None)


class Busy(Exception):
    """The database stayed locked (or busy) past the deadline of this piece of work."""


@contextmanager
def deadline(seconds: float | None) -> Iterator[None]:
    """Database work inside waits at most `seconds` in all (None: no limit of its own)."""
    token = _deadline.set(None if seconds is None else time.monotonic() + seconds)
    try:
        yield
    finally:
        _deadline.reset(token)


def time_left() -> float | None:
    """Seconds left before the current deadline, or None without one."""
    end = _deadline.get()
    return None if end is None else end - time.monotonic()


def is_busy(exc: BaseException | None) -> bool:
    """Whether a driver error says the database is locked by someone else."""
    return isinstance(exc, sqlite3.OperationalError) and (
        getattr(exc, "sqlite_errorcode", None) in BUSY_CODES
        or "database is locked" in str(exc))


def green_runner() -> Callable[..., Any] | None:
    """In gevent mode, a function that runs `fn(*args)` in a real thread and waits for it
    without blocking the loop; None otherwise (then calls happen where they are made).
    Its own pool, so posters or zips filling gevent's shared pool do not hold up the
    database (and its threads stay few: they share one interpreter lock with the loop)."""
    try:
        from gevent import monkey
    except ImportError:  # pragma: no cover - gevent is a dependency
        return None
    if not monkey.is_module_patched("socket"):
        return None
    from gevent.threadpool import ThreadPool

    pool = ThreadPool(6)

    def caught(fn, args):
        try:
            return True, fn(*args)
        except BaseException as exc:  # noqa: BLE001 - raised again in the caller
            return False, exc

    def run(fn, *args):
        # The error goes back to the caller as a value: gevent's pool printed the traceback
        # of every one raised in its thread, and a locked file raises "database is locked"
        # for each waiting statement, an expected wait (72 tracebacks in the log of one
        # bench run with --stress)
        ok, value = pool.apply(caught, (fn, args))
        if ok:
            return value
        raise value

    return run


def connect(run: Callable[..., Any] | None, default_timeout: float,
            *args, **kwargs) -> Connection:
    """`sqlite3.connect(*args, **kwargs)` (in a thread when `run` is given), wrapped."""
    opened = functools.partial(sqlite3.connect, *args, **kwargs)
    raw = run(opened) if run else opened()
    return Connection(raw, run, int(default_timeout * 1000))


class Connection:
    """A sqlite3 connection whose waiting calls run through `run` under the deadline."""

    __slots__ = ("_raw", "_run", "_default_ms", "_busy_ms", "writing")

    def __init__(self, raw: sqlite3.Connection, run: Callable[..., Any] | None,
                 default_ms: int) -> None:
        object.__setattr__(self, "_raw", raw)
        object.__setattr__(self, "_run", run)
        object.__setattr__(self, "_default_ms", default_ms)
        object.__setattr__(self, "_busy_ms", default_ms)
        # a statement of the open transaction wrote: the write lock is this connection's
        object.__setattr__(self, "writing", False)

    def __getattr__(self, name: str) -> Any:
        return getattr(self._raw, name)

    def __setattr__(self, name: str, value: Any) -> None:
        setattr(self._raw, name, value)  # isolation_level, row_factory, ...

    def call(self, fn: Callable[..., Any], *args: Any) -> Any:
        """`fn(*args)` on this connection with the busy timeout of now (`Busy` at once when
        the deadline has passed). With a thread pool: first here, told not to wait at all
        (busy timeout 0); only when the database would make it wait (locked by another
        process) in a thread, with the wait."""
        wait_ms = self._wait_ms()
        if self._run is None:
            return self._within(wait_ms, fn, args)
        began = self._raw.in_transaction
        try:
            return self._within(0, fn, args)
        except sqlite3.OperationalError as exc:
            if not is_busy(exc):
                raise
        if self._raw.in_transaction and not began:
            self._raw.rollback()  # the BEGIN of a first write that could not go on: nothing
        return self._run(self._within, wait_ms, fn, args)

    def call_anyway(self, fn: Callable[..., Any], *args: Any) -> Any:
        """`fn(*args)` in a thread, past any deadline: commit, rollback and close take no
        new lock in WAL mode, and work done or undone must not be dropped for being late."""
        return self._run(fn, *args) if self._run is not None else fn(*args)

    def _wait_ms(self) -> int:
        left = time_left()
        if left is None:
            return self._default_ms
        if left <= 0:
            raise Busy()
        return min(self._default_ms, max(1, int(left * 1000) // _STEP_MS * _STEP_MS))

    def _within(self, wait_ms: int, fn: Callable[..., Any], args: tuple) -> Any:
        if wait_ms != self._busy_ms:
            self._raw.execute(f"PRAGMA busy_timeout = {wait_ms:d}").close()
            object.__setattr__(self, "_busy_ms", wait_ms)
        return fn(*args)

    def cursor(self, *args: Any) -> Cursor:
        return Cursor(self, self._raw.cursor(*args))

    def execute(self, sql: str, parameters: Any = ()) -> Cursor:
        return self.cursor().execute(sql, parameters)

    def commit(self) -> None:
        # In a thread: a commit waits for no lock in WAL mode, but it may checkpoint the
        # log into the file (disk writes and syncs): the one trip of a write transaction.
        object.__setattr__(self, "writing", False)
        if self._raw.in_transaction:  # else sqlite3 does nothing: no trip for it
            self.call_anyway(self._raw.commit)

    def rollback(self) -> None:
        object.__setattr__(self, "writing", False)
        if self._raw.in_transaction:  # the pool rolls back every connection it gets back
            self.call_anyway(self._raw.rollback)

    def close(self) -> None:
        self.call_anyway(self._raw.close)  # the last one checkpoints the write-ahead log


class Cursor:
    """A sqlite3 cursor whose execute runs through the connection and fetches its rows in
    the same trip; the fetch methods then hand them out."""

    __slots__ = ("_connection", "_raw", "_rows", "_at")

    def __init__(self, connection: Connection, raw: sqlite3.Cursor) -> None:
        object.__setattr__(self, "_connection", connection)
        object.__setattr__(self, "_raw", raw)
        object.__setattr__(self, "_rows", None)
        object.__setattr__(self, "_at", 0)

    def __getattr__(self, name: str) -> Any:
        return getattr(self._raw, name)  # description, rowcount, lastrowid, arraysize

    def __setattr__(self, name: str, value: Any) -> None:
        setattr(self._raw, name, value)

    def _keep(self, rows: list | None) -> None:
        object.__setattr__(self, "_rows", rows)
        object.__setattr__(self, "_at", 0)

    def execute(self, sql: str, parameters: Any = ()) -> Cursor:
        return self._run(self._raw.execute, sql, parameters)

    def executemany(self, sql: str, parameters: Any) -> Cursor:
        return self._run(self._raw.executemany, sql, parameters)

    def _run(self, method: Callable[..., Any], sql: str, parameters: Any) -> Cursor:
        self._keep(None)
        connection = self._connection
        if connection.writing and connection._raw.in_transaction:
            # The rest of a transaction that holds the write lock waits for no one (WAL:
            # and readers never wait): run here, a trip would only cost (see `Database`).
            self._keep(self._fetched(method, sql, parameters))
        else:
            self._keep(connection.call(self._fetched, method, sql, parameters))
            if connection._raw.in_transaction:  # sqlite3 began one for a write that went
                object.__setattr__(connection, "writing", True)
        return self

    def _fetched(self, method: Callable[..., Any], sql: str, parameters: Any) -> list | None:
        raw = self._raw
        method(sql, parameters)
        return raw.fetchall() if raw.description is not None else None

    def fetchone(self) -> Any:
        rows, at = self._rows, self._at
        if rows is None:
            return self._raw.fetchone()
        if at >= len(rows):
            return None
        object.__setattr__(self, "_at", at + 1)
        return rows[at]

    def fetchmany(self, size: int | None = None) -> list:
        rows, at = self._rows, self._at
        if rows is None:
            return self._raw.fetchmany(size or self._raw.arraysize)
        end = at + (size or self._raw.arraysize)
        object.__setattr__(self, "_at", min(end, len(rows)))
        return rows[at:end]

    def fetchall(self) -> list:
        rows, at = self._rows, self._at
        if rows is None:
            return self._raw.fetchall()
        object.__setattr__(self, "_at", len(rows))
        return rows[at:] if at else rows

    def __iter__(self) -> Iterator[Any]:
        return iter(self.fetchone, None)

    def close(self) -> None:
        self._keep(None)
        self._raw.close()
