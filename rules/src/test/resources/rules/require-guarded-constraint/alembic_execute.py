from alembic import op
import sqlalchemy as sa

revision = "e5f6"
down_revision = "d4e5"


def upgrade():
    # The finding sits on the SQL inside the string.
    # expect: require-guarded-constraint at "ALTER TABLE orders ADD CONSTRAINT orders_user_fk"
    op.execute(sa.text("""
        ALTER TABLE orders ADD CONSTRAINT orders_user_fk FOREIGN KEY (user_id) REFERENCES users (id)
    """))
    # expect: require-guarded-constraint at "op.create_foreign_key"
    op.create_foreign_key("orders_shop_fk", "orders", "shops", ["shop_id"], ["id"])
    op.execute("""
        DO $$ BEGIN
          ALTER TABLE orders ADD CONSTRAINT orders_total_check CHECK (total >= 0);
        EXCEPTION WHEN duplicate_object THEN NULL;
        END $$;
    """)


def downgrade():
    op.drop_constraint("orders_total_check", "orders")
    op.drop_constraint("orders_shop_fk", "orders")
    op.drop_constraint("orders_user_fk", "orders")
