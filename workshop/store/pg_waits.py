"""A limit on how long PostgreSQL work waits for a lock, from the same `deadline`.

On PostgreSQL psycopg waits through gevent's patched sockets, so a locked row or table
never stopped the loop; but the work that needed it waited for as long as the lock was
held: a long migration, a `LOCK TABLE` in psql, a transaction someone left open. A socket
event then never answered and the tablet's outbox never heard "busy".

Here a transaction begun under a `deadline` (store/sqlite_calls.py: the socket events run
under one) starts with `SET LOCAL lock_timeout` set to the time left; a statement of it
that runs a step or more later sets it again to what is left then, so several waits of one
transaction add up to the deadline, not each to all of it. A wait past it fails with
SQLSTATE 55P03 (lock_not_available), which `Database.begin` turns into `Busy`: the
transaction is rolled back, nothing of it stored. `SET LOCAL` goes with the transaction,
so a pooled connection carries nothing over, and work without a deadline (pages, the
CLI, the daily run) waits as before (the server's own lock_timeout, 0 by default: none).

Only lock waits are bounded, as with SQLite's busy timeout: a statement that is slow while
it runs is doing work and ends; cancelling it (statement_timeout) under load would only
make the outbox send it again and add to that load."""

from __future__ import annotations

import time

from sqlalchemy import event

from .sqlite_calls import time_left

LOCK_NOT_AVAILABLE = "55P03"
_STEP_S = 0.25  # a statement this much after the last SET sets lock_timeout again
_SET_AT = "workshop_lock_timeout_set_at"  # in the DBAPI connection's info, per transaction


def lock_timeout_ms(left: float) -> int:
    """The lock_timeout for `left` seconds: at least 1 ms (0 would mean no limit)."""
    return max(1, int(left * 1000))


def is_lock_timeout(exc: BaseException | None) -> bool:
    """Whether a driver error says a lock was not granted within lock_timeout."""
    return getattr(exc, "sqlstate", None) == LOCK_NOT_AVAILABLE


def _set(dbapi_connection, left: float) -> None:
    cursor = dbapi_connection.cursor()
    try:
        # a number formatted here: SET takes no bound parameters
        cursor.execute(f"SET LOCAL lock_timeout = '{lock_timeout_ms(left):d}ms'")
    finally:
        cursor.close()


def _on_begin(conn) -> None:
    record = conn.connection  # the pooled DBAPI connection; its `info` outlives checkouts
    left = time_left()
    if left is None:
        record.info.pop(_SET_AT, None)
        return
    # psycopg begins the DBAPI transaction with the first statement: this one
    _set(record.dbapi_connection, left)
    record.info[_SET_AT] = time.monotonic()


def _before_execute(conn, _cursor, _statement, _parameters, _context, _executemany):
    record = conn.connection
    set_at = record.info.get(_SET_AT)  # set by this transaction's begin (which pops it else)
    if set_at is not None and time.monotonic() - set_at >= _STEP_S:
        left = time_left()
        if left is not None:
            _set(record.dbapi_connection, left)
            record.info[_SET_AT] = time.monotonic()


def bound_lock_waits(engine) -> None:
    """Let the current deadline bound every lock wait of `engine`'s transactions."""
    event.listen(engine, "begin", _on_begin)
    event.listen(engine, "before_cursor_execute", _before_execute)
