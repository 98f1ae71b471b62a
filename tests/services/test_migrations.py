"""The migrations build exactly the tables and indexes the models describe."""

from __future__ import annotations

from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from sqlalchemy import text

import workshop.store.board_models  # noqa: F401 - registers the board tables
from workshop.store.models import Base


def test_migrated_database_matches_the_models(db):
    with db.engine.connect() as connection:
        assert compare_metadata(MigrationContext.configure(connection), Base.metadata) == []


def test_a_childs_votes_in_a_step_are_found_without_reading_the_whole_workshop(db):
    query = ("EXPLAIN QUERY PLAN SELECT idea_id, count(id) FROM votes WHERE workshop_id = 1 "
             "AND step_index = 3 AND participant_id = 5 GROUP BY idea_id")
    with db.engine.connect() as connection:
        plan = " ".join(str(row) for row in connection.execute(text(query)))
    assert "ix_votes_step_child" in plan and "participant_id=?" in plan
