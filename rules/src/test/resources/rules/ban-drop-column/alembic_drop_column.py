from alembic import op
import sqlalchemy as sa

revision = "d4e5"
down_revision = "c3d4"


def upgrade():
    # expect: ban-drop-column at "op.drop_column"
    op.drop_column("users", "legacy_md5")
    with op.batch_alter_table("orders") as batch_op:
        # expect: ban-drop-column at "batch_op.drop_column"
        batch_op.drop_column("coupon")
    # miglint-ignore ban-drop-column: avatar_url unused since release 41
    op.drop_column("users", "avatar_url")


def downgrade():
    # The inverse of an add_column in upgrade(): not a finding.
    op.add_column("users", sa.Column("avatar_url", sa.Text(), nullable=True))
    op.add_column("orders", sa.Column("coupon", sa.Text(), nullable=True))
    op.add_column("users", sa.Column("legacy_md5", sa.Text(), nullable=True))
