# alembic: 1.16.0
"""add notes"""
from alembic import op
import sqlalchemy as sa

revision = "b2c3"
down_revision = "a1b2"


def upgrade():
    # expect: require-if-not-exists at "op.create_table"
    op.create_table(
        "notes",
        sa.Column("id", sa.BigInteger(), primary_key=True),
        sa.Column("body", sa.Text(), nullable=False),
        if_not_exists=True,
    )
    # expect: require-if-not-exists at "op.add_column"
    op.add_column("users", sa.Column("nickname", sa.Text(), nullable=True), if_not_exists=True)
    op.create_index("ix_notes_body", "notes", ["body"], if_not_exists=True)


def downgrade():
    op.drop_index("ix_notes_body", table_name="notes")
    op.drop_column("users", "nickname")
    op.drop_table("notes")
