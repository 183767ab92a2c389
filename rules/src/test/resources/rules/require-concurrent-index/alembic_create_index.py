# alembic: 1.16.0
from alembic import op

revision = "e1f2"
down_revision = "d0e1"


def upgrade():
    # users exists already: a plain CREATE INDEX blocks its writes while the index builds.
    # expect: require-concurrent-index at "op.create_index"
    op.create_index(
        "ix_users_email",
        "users",
        ["email"],
        if_not_exists=True,
    )


def downgrade():
    with op.get_context().autocommit_block():
        op.drop_index("ix_users_email", table_name="users", postgresql_concurrently=True, if_exists=True)
