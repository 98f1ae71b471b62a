"""A locked PostgreSQL table or row is a wait with a deadline, not a hang (issue #10): another
session holds a lock inside an open transaction, and work under a `deadline` (every socket
event) is `Busy` past it, with nothing stored; work without one sets no lock_timeout.
Not timed: what is answered, the settings the transactions ran with and how many rows
there are."""

from __future__ import annotations

import pytest
from sqlalchemy import create_engine, text

from workshop.store.db import Busy, Database, deadline

from ..databases import fresh_postgres
from ..live.test_locked_database import (
    BUSY_EN,
    BUSY_NL,
    NS,
    _stop,
    idea,
    start_classroom,
    tablet,
)

pytestmark = pytest.mark.scaleout


def ms(setting: str) -> int:
    """A lock_timeout as PostgreSQL shows it ('0', '1500ms', '2s', '1min') in milliseconds."""
    for unit, factor in (("ms", 1), ("s", 1000), ("min", 60_000)):
        if setting.endswith(unit) and setting[:-len(unit)].isdigit():
            return int(setting[:-len(unit)]) * factor
    return int(setting)


@pytest.fixture
def database():
    with fresh_postgres() as url:
        db = Database(url)
        other = create_engine(url)  # another session: psql, a migration, a stuck transaction
        with db.begin(write=True) as dbs:
            dbs.execute(text("CREATE TABLE t (id serial PRIMARY KEY, v text)"))
            dbs.execute(text("INSERT INTO t (v) VALUES ('a'), ('b')"))
            dbs.commit()
        try:
            yield db, other
        finally:
            other.dispose()
            db.dispose()


def test_without_a_deadline_no_lock_timeout_is_set(database):
    db, _other = database
    with db.begin() as dbs:  # a page, the CLI, the daily run
        assert dbs.scalar(text("SHOW lock_timeout")) == "0"
    with deadline(5), db.begin() as dbs:  # a socket event
        first = ms(dbs.scalar(text("SHOW lock_timeout")))
        assert 0 < first <= 5000
        dbs.commit()
        # the next transaction of the same session takes what is left then
        assert 0 < ms(dbs.scalar(text("SHOW lock_timeout"))) <= first
    # SET LOCAL went with its transaction: the pooled connection carries nothing over
    with db.begin(write=True) as dbs:
        assert dbs.scalar(text("SHOW lock_timeout")) == "0"
        dbs.execute(text("INSERT INTO t (v) VALUES ('c')"))
        dbs.commit()
    with db.engine.connect() as conn:
        assert conn.scalar(text("SHOW lock_timeout")) == "0"


def test_a_later_statement_waits_only_for_what_is_left(database):
    db, _other = database
    with deadline(30), db.begin() as dbs:
        first = ms(dbs.scalar(text("SHOW lock_timeout")))
        dbs.execute(text("SELECT pg_sleep(0.3)"))  # a step later (or a lock waited for)
        assert ms(dbs.scalar(text("SHOW lock_timeout"))) < first


def test_a_locked_table_or_row_makes_work_under_a_deadline_busy_with_nothing_stored(database):
    db, other = database
    with other.connect() as locker:
        locker.execute(text("LOCK TABLE t IN ACCESS EXCLUSIVE MODE"))
        with deadline(0.5), pytest.raises(Busy):
            with db.begin(write=True) as dbs:
                dbs.execute(text("INSERT INTO t (v) VALUES ('late')"))
                dbs.commit()
        locker.rollback()
        locker.execute(text("SELECT * FROM t WHERE v = 'a' FOR UPDATE"))  # one row
        with deadline(0.5), pytest.raises(Busy):
            with db.begin(write=True) as dbs:
                dbs.execute(text("INSERT INTO t (v) VALUES ('late')"))  # no wait for this
                dbs.execute(text("UPDATE t SET v = 'late' WHERE v = 'a'"))  # the row waits
                dbs.commit()
        with db.begin() as dbs:  # reading goes on meanwhile; the insert went with the rest
            assert dbs.scalar(text("SELECT count(*) FROM t")) == 2
        with deadline(0), pytest.raises(Busy):  # past it already: not even tried
            with db.begin(write=True) as dbs:
                dbs.execute(text("INSERT INTO t (v) VALUES ('later')"))
        locker.rollback()
    # the session that was refused works again, with no limit of its own
    with db.begin(write=True) as dbs:
        dbs.execute(text("UPDATE t SET v = 'now' WHERE v = 'a'"))
        dbs.commit()
    with db.begin() as dbs:
        assert dbs.scalars(text("SELECT v FROM t ORDER BY id")).all() == ["now", "b"]


IDEAS = "SELECT count(*) FROM ideas WHERE text = :text"
RECEIPTS = "SELECT count(*) FROM receipts WHERE client_id = :client"


def test_a_locked_table_or_row_makes_a_submission_busy_in_words_and_the_resend_stores_once(
        tmp_path):
    with fresh_postgres() as url:
        server, room = start_classroom(tmp_path, WORKSHOP_DATABASE_URL=url,
                                       WORKSHOP_DB_WAIT_SECONDS="1.5")
        dutch, english = tablet(server, room), tablet(server, room, lang="en")
        other = create_engine(url)

        def count(conn, sql: str, **args) -> int:
            return conn.execute(text(sql), args).scalar()

        try:
            with other.connect() as locker:
                # a table: what a long migration or `LOCK TABLE` in psql holds
                locker.execute(text("LOCK TABLE ideas IN ACCESS EXCLUSIVE MODE"))
                for child, words in ((dutch, BUSY_NL), (english, BUSY_EN)):
                    reply = child.call("submit", idea(room, f"pg-late-{words[:4]}", words[:20]),
                                       namespace=NS, timeout=30)
                    assert reply == {"ok": False, "error": "db_busy", "message": words}
                    assert child.connected
                # nothing half-stored (read by the session holding the lock)
                assert count(locker, "SELECT count(*) FROM ideas") == 0
                assert count(locker, "SELECT count(*) FROM receipts") == 0
                seq = count(locker, "SELECT sum(lock_seq) FROM participants")
                locker.rollback()
                # a row: the children's rows, held by a transaction left open
                locker.execute(text("SELECT id FROM participants FOR UPDATE"))
                reply = dutch.call("submit", idea(room, "pg-row-lock", "Een rij op slot"),
                                   namespace=NS, timeout=30)
                assert reply == {"ok": False, "error": "db_busy", "message": BUSY_NL}
                # the other events of the server still answer meanwhile
                own = english.call("tablet_own", {}, namespace=NS, timeout=30)
                assert own["ok"]
                locker.rollback()
            with other.connect() as conn:
                assert count(conn, "SELECT count(*) FROM ideas") == 0
                assert count(conn, "SELECT count(*) FROM receipts") == 0
                assert count(conn, "SELECT sum(lock_seq) FROM participants") == seq
            # the lock is gone: the outbox sends the same items again, each stored once
            for client_id, words in ((f"pg-late-{BUSY_NL[:4]}", BUSY_NL[:20]),
                                     ("pg-row-lock", "Een rij op slot")):
                for _ in range(2):
                    again = dutch.call("submit", idea(room, client_id, words), namespace=NS,
                                       timeout=30)
                    assert again["ok"], again
                assert again["result"].get("duplicate") is True
                with other.connect() as conn:
                    assert count(conn, IDEAS, text=words) == 1
                    assert count(conn, RECEIPTS, client=client_id) == 1
            again = english.call("submit", idea(room, f"pg-late-{BUSY_EN[:4]}", BUSY_EN[:20]),
                                 namespace=NS, timeout=30)
            assert again["ok"], again
            with other.connect() as conn:
                assert count(conn, "SELECT count(*) FROM ideas") == 3
                assert count(conn, "SELECT count(*) FROM receipts") == 3
        finally:
            other.dispose()
            _stop(server, room, dutch, english)
