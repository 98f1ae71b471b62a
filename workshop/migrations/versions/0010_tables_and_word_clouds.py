"""tables (subgroups) of a class and word clouds of question walls

Revision ID: 0010
Revises: 0009
Create Date: 2026-12-05 10:00:00
"""

from alembic import op
import sqlalchemy as sa


revision = '0010'
down_revision = '0009'
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table('groups', schema=None) as batch_op:
        batch_op.add_column(sa.Column('table_count', sa.Integer(), nullable=False,
                                      server_default='0'))
    with op.batch_alter_table('participants', schema=None) as batch_op:
        batch_op.add_column(sa.Column('table_no', sa.Integer(), nullable=True))
    with op.batch_alter_table('workshops', schema=None) as batch_op:
        batch_op.add_column(sa.Column('table_ideas', sa.JSON(), nullable=True))
        batch_op.add_column(sa.Column('clouds', sa.JSON(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table('workshops', schema=None) as batch_op:
        batch_op.drop_column('clouds')
        batch_op.drop_column('table_ideas')
    with op.batch_alter_table('participants', schema=None) as batch_op:
        batch_op.drop_column('table_no')
    with op.batch_alter_table('groups', schema=None) as batch_op:
        batch_op.drop_column('table_count')
