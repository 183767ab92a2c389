from alembic import op

revision = "a1"
down_revision = None


def upgrade():
    # expect ban-drop-column at "op.drop_column"
    op.drop_column("users", "nickname")


def downgrade():
    pass
