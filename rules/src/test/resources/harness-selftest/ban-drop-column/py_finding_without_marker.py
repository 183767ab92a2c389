from alembic import op

revision = "a1"
down_revision = None


def upgrade():
    op.drop_column("users", "nickname")


def downgrade():
    pass
