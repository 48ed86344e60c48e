"""one share-link invitation per person and interview: identity_hash and browser_hash unique

Racing identical joins could each insert an invitation; the unique indexes let exactly one win. Existing
duplicates keep their first invitation's hashes; later duplicates lose theirs (their sessions stay).

Revision ID: 0007
Revises: 0006
Create Date: 2026-11-29 19:20:00
"""
from alembic import context, op
import sqlalchemy as sa


revision = '0007'
down_revision = '0006'
branch_labels = None
depends_on = None


def upgrade():
    if not context.is_offline_mode():
        invitations = sa.table('invitations', sa.column('id', sa.Integer), sa.column('identity_hash', sa.String),
                               sa.column('browser_hash', sa.String))
        connection = op.get_bind()
        for column in ('identity_hash', 'browser_hash'):
            seen = set()
            for row in list(connection.execute(sa.select(invitations.c.id, invitations.c[column])
                                               .where(invitations.c[column].is_not(None)).order_by(invitations.c.id))):
                if row[1] in seen:
                    connection.execute(invitations.update().where(invitations.c.id == row.id).values({column: None}))
                seen.add(row[1])
    with op.batch_alter_table('invitations', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_invitations_browser_hash'))
        batch_op.drop_index(batch_op.f('ix_invitations_identity_hash'))
        batch_op.create_index(batch_op.f('ix_invitations_browser_hash'), ['browser_hash'], unique=True)
        batch_op.create_index(batch_op.f('ix_invitations_identity_hash'), ['identity_hash'], unique=True)


def downgrade():
    with op.batch_alter_table('invitations', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_invitations_identity_hash'))
        batch_op.drop_index(batch_op.f('ix_invitations_browser_hash'))
        batch_op.create_index(batch_op.f('ix_invitations_identity_hash'), ['identity_hash'], unique=False)
        batch_op.create_index(batch_op.f('ix_invitations_browser_hash'), ['browser_hash'], unique=False)
