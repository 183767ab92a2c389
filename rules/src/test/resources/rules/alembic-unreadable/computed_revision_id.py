from alembic import op

# expect: alembic-unreadable at "revision = make_revision_id()"
revision = make_revision_id()
down_revision = None


def upgrade():
    op.execute("ALTER TABLE users ADD COLUMN IF NOT EXISTS locale text")


def downgrade():
    op.execute("ALTER TABLE users DROP COLUMN IF EXISTS locale")
