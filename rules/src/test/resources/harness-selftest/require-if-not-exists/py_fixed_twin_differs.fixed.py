# alembic: 1.16.0
from alembic import op
import sqlalchemy as sa

revision = "b2"
down_revision = "a1"


def upgrade():
    # expect: require-if-not-exists at "op.add_column"
    op.add_column("users", sa.Column("nickname", sa.Text(), nullable=True), if_not_exists=False)


def downgrade():
    op.drop_column("users", "nickname")
