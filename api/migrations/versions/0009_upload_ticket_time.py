"""when an attempt's first upload ticket was issued: answers.ticket_at

A take whose ticket was first asked for after its recording window (plus a short allowance) is flagged to HR
as uploaded late (api/answer_time.py late_upload); without the time it counted as on time.

Revision ID: 0009
Revises: 0008
Create Date: 2026-11-30 00:45:00
"""
from alembic import op
import sqlalchemy as sa


revision = '0009'
down_revision = '0008'
branch_labels = None
depends_on = None


def upgrade():
    with op.batch_alter_table('answers', schema=None) as batch_op:
        batch_op.add_column(sa.Column('ticket_at', sa.DateTime(), nullable=True))


def downgrade():
    with op.batch_alter_table('answers', schema=None) as batch_op:
        batch_op.drop_column('ticket_at')
