"""one compare pick per rater, unordered pair of answers and competency

Revision ID: 0005
Revises: 0004
Create Date: 2026-11-29 18:45:00
"""
from alembic import context, op
import sqlalchemy as sa


revision = '0005'
down_revision = '0004'
branch_labels = None
depends_on = None


def upgrade():
    with op.batch_alter_table('pair_picks', schema=None) as batch_op:
        batch_op.add_column(sa.Column('pair_low', sa.Integer(), nullable=True))
        batch_op.add_column(sa.Column('pair_high', sa.Integer(), nullable=True))
        batch_op.add_column(sa.Column('competency_key', sa.String(length=40), server_default='', nullable=False))
        batch_op.add_column(sa.Column('updated_at', sa.DateTime(), nullable=True))
    picks = sa.table('pair_picks', sa.column('id', sa.Integer), sa.column('better_answer_id', sa.Integer),
                     sa.column('worse_answer_id', sa.Integer), sa.column('competency', sa.String),
                     sa.column('rater_id', sa.Integer), sa.column('pair_low', sa.Integer),
                     sa.column('pair_high', sa.Integer), sa.column('competency_key', sa.String))
    kept = {}
    rows = [] if context.is_offline_mode() else list(op.get_bind().execute(sa.select(picks).order_by(picks.c.id)))
    connection = None if context.is_offline_mode() else op.get_bind()
    for row in rows:
        key = (row.rater_id, min(row.better_answer_id, row.worse_answer_id),
               max(row.better_answer_id, row.worse_answer_id), row.competency or '')
        if key in kept:  # the later pick replaces the earlier one
            connection.execute(picks.delete().where(picks.c.id == kept[key]))
        kept[key] = row.id
        connection.execute(picks.update().where(picks.c.id == row.id).values(
            pair_low=key[1], pair_high=key[2], competency_key=key[3]))
    with op.batch_alter_table('pair_picks', schema=None) as batch_op:
        batch_op.alter_column('pair_low', existing_type=sa.Integer(), nullable=False)
        batch_op.alter_column('pair_high', existing_type=sa.Integer(), nullable=False)
        batch_op.create_unique_constraint(
            batch_op.f('uq_pair_picks_rater_id_pair_low_pair_high_competency_key'),
            ['rater_id', 'pair_low', 'pair_high', 'competency_key'])


def downgrade():
    with op.batch_alter_table('pair_picks', schema=None) as batch_op:
        batch_op.drop_constraint(batch_op.f('uq_pair_picks_rater_id_pair_low_pair_high_competency_key'), type_='unique')
        batch_op.drop_column('updated_at')
        batch_op.drop_column('competency_key')
        batch_op.drop_column('pair_high')
        batch_op.drop_column('pair_low')
