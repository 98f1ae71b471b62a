"""Several server processes started at once on one fresh database: each migrates under a
lock (PostgreSQL: an advisory lock; SQLite: a lock file), so one creates the tables and the
others find them done. Without the lock 4 of 5 processes failed on both."""

from __future__ import annotations

import subprocess
import sys
import time

from sqlalchemy import create_engine, inspect, text

from workshop.store.db import Database

from ..databases import fresh_postgres

PROCESSES = 5
# Every process waits for the same moment, then migrates: as close to "at once" as it gets.
UPGRADE = """
import sys, time
from workshop.store.db import Database
db = Database(sys.argv[1])
time.sleep(max(0.0, float(sys.argv[2]) - time.time()))
db.upgrade()
db.dispose()
print("migrated")
"""


def _head() -> str:
    from alembic.config import Config
    from alembic.script import ScriptDirectory

    cfg = Config()
    cfg.set_main_option("script_location", str(Database.MIGRATIONS))
    return ScriptDirectory.from_config(cfg).get_current_head()


def _migrate_at_once(url: str) -> None:
    """PROCESSES processes migrate `url` at the same moment; all must succeed and leave
    the newest revision and the tables."""
    start = time.time() + 3  # time enough for every interpreter to import
    runs = [subprocess.Popen([sys.executable, "-c", UPGRADE, url, str(start)],
                             stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
            for _ in range(PROCESSES)]
    results = [(run.wait(120), *run.communicate()) for run in runs]
    for code, out, err in results:
        assert code == 0 and "migrated" in out, err[-3000:]
    engine = create_engine(url)
    try:
        with engine.connect() as connection:
            versions = connection.execute(text("SELECT version_num FROM alembic_version"))
            assert [row[0] for row in versions] == [_head()]
            tables = set(inspect(connection).get_table_names())
        assert {"workshops", "ideas", "votes", "board_ideas"} <= tables
    finally:
        engine.dispose()


def test_several_processes_migrating_one_fresh_postgres_database_at_once_all_succeed():
    with fresh_postgres() as url:
        _migrate_at_once(url)


def test_several_processes_migrating_one_fresh_sqlite_file_at_once_all_succeed(tmp_path):
    _migrate_at_once(f"sqlite:///{tmp_path / 'workshop.db'}")


def test_upgrading_an_up_to_date_database_again_changes_nothing():
    with fresh_postgres() as url:
        for _ in range(2):
            db = Database(url)
            db.upgrade()
            db.dispose()
        engine = create_engine(url)
        try:
            with engine.connect() as connection:
                assert connection.execute(text("SELECT count(*) FROM alembic_version")) \
                    .scalar() == 1
        finally:
            engine.dispose()
