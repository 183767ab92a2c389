from alembic import op
import sqlalchemy as sa

revision = "c3d4"
# expect: alembic-broken-chain at "down_revision = "f00d""
down_revision = "f00d"


def upgrade():
    op.add_column("users", sa.Column("locale", sa.Text(), nullable=True), if_not_exists=True)


def downgrade():
    op.drop_column("users", "locale", if_exists=True)
