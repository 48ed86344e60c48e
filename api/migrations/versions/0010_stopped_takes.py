"""when the candidate stopped a take and how long it was: answers.stopped_at, answers.stopped_duration_ms

A take stopped within its recording window (POST …/attempts/{n}/stopped) no longer holds the next question
back while it uploads, and counts as recorded on time however late its upload arrives (api/answer_time.py).

Revision ID: 0010
Revises: 0009
Create Date: 2026-11-30 01:15:00
"""
from alembic import op
import sqlalchemy as sa


revision = '0010'
down_revision = '0009'
branch_labels = None
depends_on = None


def upgrade():
    with op.batch_alter_table('answers', schema=None) as batch_op:
        batch_op.add_column(sa.Column('stopped_at', sa.DateTime(), nullable=True))
        batch_op.add_column(sa.Column('stopped_duration_ms', sa.Integer(), nullable=True))


def downgrade():
    with op.batch_alter_table('answers', schema=None) as batch_op:
        batch_op.drop_column('stopped_duration_ms')
        batch_op.drop_column('stopped_at')
