from alembic import op

revision = "c9d0"
down_revision = "b8c9"

TABLES = ["orders", "invoices"]


def upgrade():
    for table in TABLES:
        # expect: alembic-unanalysable-sql at "op.execute(f"
        op.execute(f"ALTER TABLE {table} ENABLE ROW LEVEL SECURITY")
    op.execute("SELECT 1")


def downgrade():
    for table in TABLES:
        # expect: alembic-unanalysable-sql at "op.execute(f"
        op.execute(f"ALTER TABLE {table} DISABLE ROW LEVEL SECURITY")
