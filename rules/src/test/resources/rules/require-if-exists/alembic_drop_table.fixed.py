# alembic: 1.13.3
from alembic import op
import sqlalchemy as sa

revision = "d0e1"
down_revision = "c9d0"


def upgrade():
    # miglint-ignore ban-drop-table: replaced by events in release 40
    # expect: require-if-exists at "op.drop_table"
    op.drop_table("audit_log", if_exists=True)
    # Alembic 1.13 has if_exists= on drop_table but not yet on drop_constraint (1.16).
    # expect: require-if-exists at "op.drop_constraint"
    op.drop_constraint("orders_coupon_fk", "orders", type_="foreignkey")


def downgrade():
    op.create_foreign_key("orders_coupon_fk", "orders", "coupons", ["coupon_id"], ["id"])
    op.create_table("audit_log", sa.Column("id", sa.BigInteger(), primary_key=True))
