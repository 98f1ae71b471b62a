"""The SQLite connection wrapper (store/sqlite_calls.py) in a plain process: rows come out
as the driver gives them, and a deadline turns a locked file into `Busy` with nothing
stored, while work without one waits as before."""

from __future__ import annotations

import pytest
from sqlalchemy import text

from workshop.store.db import Busy, Database, deadline, sqlite_url

from ..sqlite_lock import ExclusiveLock


@pytest.fixture
def database(tmp_path):
    db = Database(sqlite_url(tmp_path / "calls.db"))
    with db.begin(write=True) as dbs:
        dbs.execute(text("CREATE TABLE t (id INTEGER PRIMARY KEY, v TEXT)"))
        dbs.execute(text("INSERT INTO t (v) VALUES ('a'), ('b'), ('c'), ('d'), ('e')"))
        dbs.commit()
    yield db, tmp_path / "calls.db"
    db.dispose()


def test_rows_come_out_one_some_or_all(database):
    db, _path = database
    with db.begin() as dbs:
        raw = dbs.connection().connection.dbapi_connection
        cursor = raw.cursor()
        cursor.execute("SELECT v FROM t ORDER BY id")
        assert cursor.description[0][0] == "v"
        assert cursor.fetchone() == ("a",)
        assert cursor.fetchmany(2) == [("b",), ("c",)]
        assert cursor.fetchall() == [("d",), ("e",)]
        assert cursor.fetchone() is None and cursor.fetchall() == []
        assert [row for row in raw.execute("SELECT id FROM t WHERE id < 3")] == [(1,), (2,)]
        assert dbs.scalars(text("SELECT v FROM t WHERE id > 3")).all() == ["d", "e"]
        inserted = dbs.execute(text("INSERT INTO t (v) VALUES ('f') RETURNING id")).scalar()
        assert inserted == 6
        dbs.commit()
    with db.begin() as dbs:
        assert dbs.scalar(text("SELECT count(*) FROM t")) == 6


def test_a_deadline_makes_a_locked_file_busy_and_nothing_is_stored(database):
    db, path = database
    with ExclusiveLock(path):
        with deadline(0.5), pytest.raises(Busy):
            with db.begin(write=True) as dbs:
                dbs.execute(text("INSERT INTO t (v) VALUES ('late')"))
                dbs.commit()
        with db.begin() as dbs:  # reading goes on meanwhile (WAL)
            assert dbs.scalar(text("SELECT count(*) FROM t")) == 5
        with deadline(0), pytest.raises(Busy):  # past it already: not even tried
            with db.begin(write=True) as dbs:
                dbs.execute(text("INSERT INTO t (v) VALUES ('later')"))
    # the connection that was refused works again, with the normal wait
    with db.begin(write=True) as dbs:
        dbs.execute(text("INSERT INTO t (v) VALUES ('now')"))
        dbs.commit()
    with db.begin() as dbs:
        assert dbs.scalars(text("SELECT v FROM t WHERE id > 5")).all() == ["now"]


def test_waiting_for_the_writers_turn_counts_too(database):
    db, _path = database
    db._writer.acquire()  # another writer of this process takes long
    try:
        with deadline(0.2), pytest.raises(Busy):
            with db.begin(write=True):
                pytest.fail("the turn was not this work's")
    finally:
        db._writer.release()


def test_a_trip_to_a_thread_only_when_another_process_holds_the_file(tmp_path):
    """With a thread pool (gevent mode) a statement is first tried where it is called
    without waiting; only a file held by another process sends it to a thread, to wait
    there, and the first write's transaction it had begun is rolled back, nothing half
    done. (Commits and rollbacks always go to the thread: not counted here.)"""
    import sqlite3

    from workshop.store import sqlite_calls

    trips: list = []

    def run(fn, *args):  # stands in for the thread pool: counts the statements' trips
        if getattr(fn, "__name__", "") == "_within":
            trips.append(fn)
        return fn(*args)

    path = tmp_path / "trips.db"
    con = sqlite_calls.connect(run, 30.0, str(path), check_same_thread=False)
    con.execute("PRAGMA journal_mode=WAL")
    con.execute("CREATE TABLE t (v INTEGER)")
    con.execute("INSERT INTO t VALUES (1)")
    con.commit()
    trips.clear()  # the connect made one
    con.execute("INSERT INTO t VALUES (2)")
    con.commit()
    assert con.execute("SELECT count(*) FROM t").fetchall() == [(2,)]
    assert trips == []  # nothing made anyone wait: no trip
    with ExclusiveLock(path):
        assert con.execute("SELECT count(*) FROM t").fetchall() == [(2,)]  # WAL: no wait
        assert trips == []
        with deadline(0.3), pytest.raises(sqlite3.OperationalError):
            con.execute("INSERT INTO t VALUES (3)")
        assert len(trips) == 1  # waited in the "thread", up to the deadline
        con.rollback()
    made = len(trips)
    con.execute("INSERT INTO t VALUES (4)")
    con.commit()
    assert sorted(con.execute("SELECT v FROM t").fetchall()) == [(1,), (2,), (4,)]
    assert len(trips) == made  # free again: no trip
    con.close()
