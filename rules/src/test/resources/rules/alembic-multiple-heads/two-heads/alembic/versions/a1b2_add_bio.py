from alembic import op
import sqlalchemy as sa

revision = "a1b2"
down_revision = None


def upgrade():
    op.add_column("users", sa.Column("bio", sa.Text(), nullable=True), if_not_exists=True)


def downgrade():
    op.drop_column("users", "bio", if_exists=True)
