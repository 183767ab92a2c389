from alembic import op

revision = "e2f3"
down_revision = "e1f2"


def upgrade():
    op.execute("UPDATE users SET locale = 'en' WHERE locale IS NULL")


# miglint-ignore alembic-empty-downgrade: a backfill has nothing to undo
def downgrade():
    pass
