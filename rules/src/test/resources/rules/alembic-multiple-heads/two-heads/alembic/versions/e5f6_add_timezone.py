from alembic import op
import sqlalchemy as sa

# expect: alembic-multiple-heads at "revision = "e5f6""
revision = "e5f6"
down_revision = "a1b2"


def upgrade():
    op.add_column("users", sa.Column("timezone", sa.Text(), nullable=True), if_not_exists=True)


def downgrade():
    op.drop_column("users", "timezone", if_exists=True)
