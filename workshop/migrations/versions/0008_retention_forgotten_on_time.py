"""retention: settings an admin changes, and what stays counted once children are forgotten

Revision ID: 0008
Revises: 0007
Create Date: 2026-12-03 10:00:00
"""

from alembic import op
import sqlalchemy as sa


revision = '0008'
down_revision = '0007'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('settings',
    sa.Column('key', sa.String(length=40), nullable=False),
    sa.Column('value', sa.String(length=200), nullable=False),
    sa.Column('updated_at', sa.DateTime(), nullable=False),
    sa.PrimaryKeyConstraint('key')
    )
    with op.batch_alter_table('groups') as batch_op:
        batch_op.add_column(sa.Column('forgotten_children', sa.Integer(), nullable=False,
                                      server_default='0'))
    with op.batch_alter_table('series') as batch_op:
        batch_op.add_column(sa.Column('forgotten_at', sa.DateTime(), nullable=True))
        batch_op.add_column(sa.Column('forgotten_ideas', sa.Integer(), nullable=False,
                                      server_default='0'))


def downgrade() -> None:
    with op.batch_alter_table('series') as batch_op:
        batch_op.drop_column('forgotten_ideas')
        batch_op.drop_column('forgotten_at')
    with op.batch_alter_table('groups') as batch_op:
        batch_op.drop_column('forgotten_children')
    op.drop_table('settings')
