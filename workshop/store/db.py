"""The database engine and sessions, for SQLite (default) and PostgreSQL."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from sqlalchemy import create_engine, event, text
from sqlalchemy.exc import OperationalError
from sqlalchemy.orm import Session, sessionmaker

from . import pg_waits, sqlite_calls
from .sqlite_calls import Busy, deadline

__all__ = ["Busy", "Database", "deadline", "sqlite_url"]

# How long a SQLite statement waits for a lock without a `deadline` of its own (seconds).
SQLITE_TIMEOUT = 30.0
# The key of the PostgreSQL advisory lock that migrations run under ("workshop" in ASCII).
MIGRATION_LOCK = 0x776F726B73686F70


class Database:
    """One engine and its session factory."""

    MIGRATIONS = Path(__file__).resolve().parent.parent / "migrations"

    def __init__(self, url: str) -> None:
        self.url = url
        self.sqlite = url.startswith("sqlite")
        if self.sqlite:
            # In gevent mode the driver's calls run in real threads (store/sqlite_calls.py):
            # a locked file is a wait for the work that needs it, not a frozen server.
            run = sqlite_calls.green_runner()
            self.engine = create_engine(url, pool_size=10, max_overflow=90, pool_timeout=60,
                                        connect_args={"timeout": SQLITE_TIMEOUT,
                                                      "check_same_thread": False})

            def connect(_dialect, _record, cargs, cparams):
                return sqlite_calls.connect(run, SQLITE_TIMEOUT, *cargs, **cparams)

            event.listen(self.engine, "do_connect", connect)
            event.listen(self.engine, "connect", _sqlite_pragmas)
        else:
            self.engine = create_engine(url, pool_size=10, max_overflow=40, pool_timeout=60,
                                        pool_pre_ping=True)
            # Under a deadline a transaction waits for a row or table lock only as long as
            # is left of it (store/pg_waits.py): a held lock makes the work `Busy`.
            pg_waits.bound_lock_waits(self.engine)
        self.factory = sessionmaker(self.engine, expire_on_commit=False)
        # SQLite has one writer at a time; waiting writers poll with growing sleeps. Taking
        # turns on an in-process lock instead hands the write lock straight on (measured:
        # 1000 tablets' idea burst p99 from ~4 s to ~0.3 s with `workshop bench`).
        self._writer = threading.Lock() if self.sqlite else None
        self.closed = False  # set by dispose(): background work of the app stops

    @contextmanager
    def begin(self, write: bool = False) -> Iterator[Session]:
        """A database session for one unit of work; rolled back if it raises. `write`
        marks work that will write, so SQLite writers take turns in this process.
        Under a `deadline` a SQLite file, or on PostgreSQL a row or table, locked for
        longer raises `Busy`, with nothing of the work stored (past it already: at once)."""
        lock = self._writer if write else None
        left = sqlite_calls.time_left()
        if lock is not None:
            if not lock.acquire(timeout=-1 if left is None else max(0.0, left)):
                raise Busy()
        elif left is not None and left <= 0 and not self.sqlite:
            raise Busy()  # as SQLite's first statement would (sqlite_calls.Connection)
        dbs = self.factory()
        try:
            yield dbs
        except OperationalError as exc:
            dbs.rollback()
            locked = (sqlite_calls.is_busy(exc.orig) if self.sqlite
                      else pg_waits.is_lock_timeout(exc.orig))
            if locked and sqlite_calls.time_left() is not None:
                raise Busy() from exc
            raise
        except BaseException:
            dbs.rollback()
            raise
        finally:
            dbs.close()
            if lock is not None:
                lock.release()

    def upgrade(self) -> None:
        """Create or migrate the tables to the newest revision with Alembic. On PostgreSQL
        under a transaction-level advisory lock: processes started at once take turns, and
        the ones after the first find the tables done (the lock goes with the commit of the
        migrations). On a SQLite file the same with a lock file next to it."""
        from alembic import command
        from alembic.config import Config

        cfg = Config()
        cfg.set_main_option("script_location", str(self.MIGRATIONS))
        cfg.set_main_option("sqlalchemy.url", self.url.replace("%", "%%"))
        cfg.attributes["connection"] = None
        with self._sqlite_file_lock(), self.engine.begin() as connection:
            if connection.dialect.name == "postgresql":
                connection.execute(text("SELECT pg_advisory_xact_lock(:key)"),
                                   {"key": MIGRATION_LOCK})
            cfg.attributes["connection"] = connection
            command.upgrade(cfg, "head")

    @contextmanager
    def _sqlite_file_lock(self) -> Iterator[None]:
        """An exclusive lock on `<database file>.migrate-lock` while migrating a SQLite file
        (processes started at once would otherwise both create the tables)."""
        name = self.engine.url.database if self.sqlite else None
        try:
            import fcntl
        except ImportError:  # pragma: no cover - not on Linux or macOS
            fcntl = None
        if not name or name == ":memory:" or name.startswith("file:") or fcntl is None:
            yield
            return
        with open(f"{name}.migrate-lock", "a") as handle:
            fcntl.flock(handle, fcntl.LOCK_EX)  # released when the file is closed
            yield

    def dispose(self) -> None:
        """Close all pooled connections; the app is shutting down."""
        self.closed = True
        self.engine.dispose()


def _sqlite_pragmas(dbapi_connection, _record) -> None:
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute("PRAGMA synchronous=NORMAL")
    cursor.close()


def sqlite_url(path: Path) -> str:
    """The URL of a SQLite file."""
    return f"sqlite:///{path}"

