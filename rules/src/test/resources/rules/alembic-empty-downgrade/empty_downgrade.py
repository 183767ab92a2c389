from alembic import op
import sqlalchemy as sa

revision = "a7b8"
down_revision = "f6a7"


def upgrade():
    op.add_column("users", sa.Column("locale", sa.Text(), nullable=True), if_not_exists=True)


# expect: alembic-empty-downgrade at "downgrade"
def downgrade():
    pass
