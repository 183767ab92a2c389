from alembic import op

revision = "f6a7"
down_revision = "e5f6"


def upgrade():
    # Alembic runs upgrade() in a transaction, where CONCURRENTLY fails.
    # expect: ban-concurrently-in-transaction at "op.create_index"
    with op.get_context().autocommit_block():
        op.create_index("ix_orders_user", "orders", ["user_id"], postgresql_concurrently=True, if_not_exists=True)
    with op.get_context().autocommit_block():
        op.create_index("ix_orders_shop", "orders", ["shop_id"], postgresql_concurrently=True, if_not_exists=True)


def downgrade():
    with op.get_context().autocommit_block():
        op.drop_index("ix_orders_shop", postgresql_concurrently=True, if_exists=True)
        op.drop_index("ix_orders_user", postgresql_concurrently=True, if_exists=True)
