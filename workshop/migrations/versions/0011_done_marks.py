"""done marks: a child says "I'm done" in a step, the leader sees who is still busy

Revision ID: 0011
Revises: 0010
Create Date: 2026-12-05 12:00:00
"""

from alembic import op
import sqlalchemy as sa


revision = '0011'
down_revision = '0010'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        'done_marks',
        sa.Column('id', sa.Integer(), nullable=False),
        sa.Column('workshop_id', sa.Integer(), nullable=False),
        sa.Column('step_index', sa.Integer(), nullable=False),
        sa.Column('participant_id', sa.Integer(), nullable=False),
        sa.Column('created_at', sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(['participant_id'], ['participants.id'], ),
        sa.ForeignKeyConstraint(['workshop_id'], ['workshops.id'], ),
        sa.PrimaryKeyConstraint('id'),
        sa.UniqueConstraint('workshop_id', 'step_index', 'participant_id'),
    )
    with op.batch_alter_table('done_marks', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_done_marks_participant_id'), ['participant_id'],
                              unique=False)


def downgrade() -> None:
    with op.batch_alter_table('done_marks', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_done_marks_participant_id'))
    op.drop_table('done_marks')
