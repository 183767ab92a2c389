from alembic import op
import sqlalchemy as sa

# expect: alembic-multiple-heads at "revision = "c3d4""
revision = "c3d4"
down_revision = "a1b2"


def upgrade():
    op.add_column("users", sa.Column("locale", sa.Text(), nullable=True), if_not_exists=True)


def downgrade():
    op.drop_column("users", "locale", if_exists=True)
