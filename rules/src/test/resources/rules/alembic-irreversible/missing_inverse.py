from alembic import op
import sqlalchemy as sa

revision = "b8c9"
down_revision = "a7b8"


def upgrade():
    op.add_column("users", sa.Column("locale", sa.Text(), nullable=True), if_not_exists=True)
    # expect: alembic-irreversible at "create_index"
    op.create_index("ix_users_email", "users", ["email"], if_not_exists=True)


def downgrade():
    # Dropping the column would drop an index on it too; ix_users_email is on another column.
    op.drop_column("users", "locale")
