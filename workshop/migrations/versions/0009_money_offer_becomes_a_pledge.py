"""money offers: a pledged ledger line remembers the offer it was made from

Revision ID: 0009
Revises: 0008
Create Date: 2026-12-04 10:00:00
"""

from alembic import op
import sqlalchemy as sa


revision = '0009'
down_revision = '0008'
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table('board_ledger', schema=None) as batch_op:
        batch_op.add_column(sa.Column('offer_id', sa.Integer(), nullable=True))
        batch_op.create_unique_constraint('uq_board_ledger_offer_id', ['offer_id'])
        batch_op.create_foreign_key('fk_board_ledger_offer_id', 'board_offers', ['offer_id'],
                                    ['id'])


def downgrade() -> None:
    with op.batch_alter_table('board_ledger', schema=None) as batch_op:
        batch_op.drop_constraint('fk_board_ledger_offer_id', type_='foreignkey')
        batch_op.drop_constraint('uq_board_ledger_offer_id', type_='unique')
        batch_op.drop_column('offer_id')
