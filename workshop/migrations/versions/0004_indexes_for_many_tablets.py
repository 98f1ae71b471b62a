"""indexes for many tablets: a child's votes, answers and ideas in a step; a step's tally

Revision ID: 0004
Revises: 0003
Create Date: 2026-11-23 06:40:00
"""

from alembic import op

revision = '0004'
down_revision = '0003'
branch_labels = None
depends_on = None

INDEXES = [
    ("ix_ideas_child_step", "ideas", ["participant_id", "workshop_id", "step_index"]),
    ("ix_responses_step_child", "responses", ["workshop_id", "step_index", "participant_id"]),
    ("ix_votes_step_child", "votes", ["workshop_id", "step_index", "participant_id", "idea_id"]),
    ("ix_votes_step_idea", "votes", ["workshop_id", "step_index", "idea_id"]),
]


def upgrade() -> None:
    for name, table, columns in INDEXES:
        op.create_index(name, table, columns)


def downgrade() -> None:
    for name, table, _columns in INDEXES:
        op.drop_index(name, table_name=table)
