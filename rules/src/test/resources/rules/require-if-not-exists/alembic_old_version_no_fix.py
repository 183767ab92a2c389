# alembic: 1.11.3
from alembic import op
import sqlalchemy as sa

revision = "c3d4"
down_revision = "b2c3"


def upgrade():
    # Alembic 1.11 has no if_not_exists=: the finding stays, without a fix.
    # expect: require-if-not-exists at "op.create_index"
    op.create_index("ix_users_email", "users", ["email"])
    # expect: require-if-not-exists at "CREATE TABLE audit (id bigint)"
    op.execute("CREATE TABLE audit (id bigint)")


def downgrade():
    op.execute("DROP TABLE IF EXISTS audit")
    op.drop_index("ix_users_email", table_name="users")
