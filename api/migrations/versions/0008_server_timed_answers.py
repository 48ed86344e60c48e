"""server-timed answers and one share-link join per WeChat user: answers.start_kind (recording started by
the server at the think deadline, or joined late by a client), invitations.user_hash (unique)

Racing share-link joins of the same signed-in WeChat user could each insert an invitation (the user has no
browser id yet); the unique index on user_hash lets exactly one win, as 0007 did for browser ids.

Revision ID: 0008
Revises: 0007
Create Date: 2026-11-29 20:40:00
"""
from alembic import op
import sqlalchemy as sa


revision = '0008'
down_revision = '0007'
branch_labels = None
depends_on = None


def upgrade():
    with op.batch_alter_table('answers', schema=None) as batch_op:
        batch_op.add_column(sa.Column('start_kind', sa.String(length=10), nullable=True))
    with op.batch_alter_table('invitations', schema=None) as batch_op:
        batch_op.add_column(sa.Column('user_hash', sa.String(length=64), nullable=True))
        batch_op.create_index(batch_op.f('ix_invitations_user_hash'), ['user_hash'], unique=True)


def downgrade():
    with op.batch_alter_table('invitations', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_invitations_user_hash'))
        batch_op.drop_column('user_hash')
    with op.batch_alter_table('answers', schema=None) as batch_op:
        batch_op.drop_column('start_kind')
