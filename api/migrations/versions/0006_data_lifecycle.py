"""data lifecycle: encrypted display names, answer re-queue counter, trigger worker heartbeats

Revision ID: 0006
Revises: 0005
Create Date: 2026-11-29 17:30:00

users.display_name becomes a nullable Text holding a Fernet token. Existing plaintext names are encrypted by
`flask --app api migrate` right after the schema step (api/crypto.py encrypt_plaintext_names: the key lives in
the app's configuration, not in Alembic); until then they are read as they are.
"""
from alembic import op
import sqlalchemy as sa


revision = '0006'
down_revision = '0005'
branch_labels = None
depends_on = None


def upgrade():
    with op.batch_alter_table('users', schema=None) as batch_op:
        batch_op.alter_column('display_name', existing_type=sa.String(length=100), type_=sa.Text(), nullable=True)
    with op.batch_alter_table('answers', schema=None) as batch_op:
        batch_op.add_column(sa.Column('requeues', sa.Integer(), server_default='0', nullable=False))
    op.create_table('trigger_workers',
    sa.Column('worker', sa.String(length=64), nullable=False),
    sa.Column('started_at', sa.DateTime(), nullable=False),
    sa.Column('seen_at', sa.DateTime(), nullable=False),
    sa.Column('busy_key', sa.String(length=255), nullable=True),
    sa.PrimaryKeyConstraint('worker', name=op.f('pk_trigger_workers')),
    mysql_charset='utf8mb4',
    mysql_collate='utf8mb4_unicode_ci',
    mysql_engine='InnoDB'
    )


def downgrade():
    op.drop_table('trigger_workers')
    with op.batch_alter_table('answers', schema=None) as batch_op:
        batch_op.drop_column('requeues')
    with op.batch_alter_table('users', schema=None) as batch_op:
        batch_op.alter_column('display_name', existing_type=sa.Text(), type_=sa.String(length=100), nullable=False)
