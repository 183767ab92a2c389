from alembic import op

revision = "a1"
down_revision = None


def upgrade():
    # expect: ban-drop-column at "op.execute"
    op.execute("SELECT 1")


def downgrade():
    pass
