package dev.miglint.alembic;

import dev.miglint.alembic.Translation.LiteralSql;
import dev.miglint.alembic.Translation.NotAnalysable;
import dev.miglint.alembic.Translation.Sql;
import dev.miglint.alembic.Translation.Unrecognized;
import dev.miglint.change.Change;
import dev.miglint.sql.SqlFile;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

class OpSqlTest {

    /** The last call of upgrade(), read from a tiny revision file whose upgrade body is {@code body}. */
    private static Translation translate(String body) {
        String text = """
                import sqlalchemy as sa
                from alembic import op
                from sqlalchemy.dialects import postgresql

                revision = "abc"
                down_revision = None

                def upgrade():
                """ + body.indent(4);
        RevisionFile f = assertInstanceOf(RevisionFile.class, AlembicReader.read(text));
        assertTrue(f.problems().isEmpty(), f.problems().toString());
        List<OpCall> calls = f.calls(FunctionKind.UPGRADE);
        return OpSql.translate(calls.get(calls.size() - 1));
    }

    /** The translated SQL, which the SQL front end must recognise statement by statement. */
    private static String sql(String body) {
        String sql = assertInstanceOf(Sql.class, translate(body)).sql();
        for (Change change : SqlFile.parse(sql).allChanges()) {
            assertFalse(change instanceof Change.Unrecognized, sql + " → " + change);
        }
        return sql;
    }

    @Test
    void createTableWritesColumnsPrimaryKeyAndTableConstraints() {
        assertEquals("CREATE TABLE account (id serial NOT NULL, email varchar(255) NOT NULL,"
                + " org_id uuid, created_at timestamp with time zone DEFAULT now() NOT NULL,"
                + " status varchar DEFAULT 'active', PRIMARY KEY (id),"
                + " CONSTRAINT fk_account_org FOREIGN KEY (org_id) REFERENCES org (id) ON DELETE CASCADE,"
                + " CONSTRAINT uq_account_email UNIQUE (email), CONSTRAINT ck_email CHECK (email <> ''))", sql("""
                op.create_table(
                    "account",
                    sa.Column("id", sa.Integer(), nullable=False),
                    sa.Column("email", sa.String(length=255), nullable=False),
                    sa.Column("org_id", postgresql.UUID(as_uuid=True), nullable=True),
                    sa.Column("created_at", sa.DateTime(timezone=True), server_default=sa.text("now()"), nullable=False),
                    sa.Column("status", sa.String(), server_default="active"),
                    sa.PrimaryKeyConstraint("id"),
                    sa.ForeignKeyConstraint(["org_id"], ["org.id"], name="fk_account_org", ondelete="CASCADE"),
                    sa.UniqueConstraint("email", name="uq_account_email"),
                    sa.CheckConstraint("email <> ''", name="ck_email"),
                )
                """));
    }

    @Test
    void createTableWithIfNotExistsSchemaAndColumnForeignKey() {
        assertEquals("CREATE TABLE IF NOT EXISTS audit.event (id bigint NOT NULL, user_id integer,"
                + " PRIMARY KEY (id), FOREIGN KEY (user_id) REFERENCES public.\"user\" (id) ON DELETE SET NULL)",
                sql("""
                op.create_table("event",
                    sa.Column("id", sa.BigInteger(), primary_key=True, autoincrement=False),
                    sa.Column("user_id", sa.Integer, sa.ForeignKey("public.user.id", ondelete="SET NULL")),
                    schema="audit", if_not_exists=True)
                """));
    }

    @Test
    void createTableCreatesEnumTypesFirstAndIndexesAfter() {
        assertEquals("CREATE TYPE status AS ENUM ('new', 'done');\n"
                + "CREATE TABLE task (id uuid NOT NULL, state status NOT NULL, kind kind, tags varchar(20)[],"
                + " PRIMARY KEY (id));\n"
                + "CREATE UNIQUE INDEX ix_task_state ON task (state)", sql("""
                op.create_table("task",
                    sa.Column("id", sa.Uuid(), primary_key=True),
                    sa.Column("state", sa.Enum("new", "done", name="status"), nullable=False, index=True, unique=True),
                    sa.Column("kind", postgresql.ENUM("a", "b", name="kind", create_type=False)),
                    sa.Column("tags", postgresql.ARRAY(sa.String(20))),
                )
                """));
    }

    @Test
    void typesMapToPostgresqlNames() {
        assertEquals("CREATE TABLE t (a smallint, b text, c text, d boolean, e timestamp, f date, g time,"
                + " h interval, i double precision, j numeric(10, 2), k bytea, l json, m jsonb, n inet,"
                + " o tsvector, p citext, q varchar(40), r varchar, s char(2), t money)", sql("""
                op.create_table("t",
                    sa.Column("a", sa.SmallInteger()), sa.Column("b", sa.Text()), sa.Column("c", sa.UnicodeText()),
                    sa.Column("d", sa.Boolean()), sa.Column("e", sa.DateTime()), sa.Column("f", sa.Date()),
                    sa.Column("g", sa.Time()), sa.Column("h", sa.Interval()), sa.Column("i", sa.Float()),
                    sa.Column("j", sa.Numeric(10, 2)), sa.Column("k", sa.LargeBinary()), sa.Column("l", sa.JSON()),
                    sa.Column("m", postgresql.JSONB(astext_type=sa.Text())), sa.Column("n", postgresql.INET()),
                    sa.Column("o", postgresql.TSVECTOR()), sa.Column("p", postgresql.CITEXT()),
                    sa.Column("q", sqlmodel.sql.sqltypes.AutoString(length=40)), sa.Column("r", sa.VARCHAR()),
                    sa.Column("s", sa.CHAR(2)), sa.Column("t", postgresql.MONEY()),
                )
                """));
    }

    @Test
    void dropTable() {
        assertEquals("DROP TABLE IF EXISTS billing.invoice", sql("op.drop_table(\"invoice\", schema=\"billing\","
                + " if_exists=True)"));
    }

    @Test
    void addColumnAddsItsForeignKeyIndexAndComment() {
        assertEquals("ALTER TABLE orders ADD COLUMN customer_id integer NOT NULL;\n"
                + "ALTER TABLE orders ADD FOREIGN KEY (customer_id) REFERENCES customer (id);\n"
                + "CREATE INDEX ix_orders_customer_id ON orders (customer_id);\n"
                + "COMMENT ON COLUMN orders.customer_id IS 'who ordered'", sql("""
                op.add_column("orders", sa.Column("customer_id", sa.Integer(), sa.ForeignKey("customer.id"),
                              nullable=False, index=True, comment="who ordered"))
                """));
    }

    @Test
    void addColumnWithDefaultAndIfNotExists() {
        assertEquals("ALTER TABLE users ADD COLUMN IF NOT EXISTS is_admin boolean DEFAULT false NOT NULL",
                sql("op.add_column('users', sa.Column('is_admin', sa.Boolean(), server_default=sa.false(),"
                        + " nullable=False), if_not_exists=True)"));
    }

    @Test
    void dropColumn() {
        assertEquals("ALTER TABLE users DROP COLUMN IF EXISTS \"Nick Name\"",
                sql("op.drop_column(\"users\", \"Nick Name\", if_exists=True)"));
    }

    @Test
    void alterColumnEmitsOneStatementPerChangeInAlembicsOrder() {
        assertEquals("ALTER TABLE users ALTER COLUMN age TYPE bigint USING age::bigint;\n"
                + "ALTER TABLE users ALTER COLUMN age SET NOT NULL;\n"
                + "ALTER TABLE users ALTER COLUMN age SET DEFAULT '0';\n"
                + "ALTER TABLE users RENAME COLUMN age TO age_years", sql("""
                op.alter_column("users", "age", existing_type=sa.INTEGER(), type_=sa.BigInteger(),
                                postgresql_using="age::bigint", nullable=False, server_default="0",
                                new_column_name="age_years")
                """));
        assertEquals("ALTER TABLE users ALTER COLUMN age DROP NOT NULL;\n"
                + "ALTER TABLE users ALTER COLUMN age DROP DEFAULT",
                sql("op.alter_column('users', 'age', nullable=True, server_default=None)"));
        assertEquals("", sql("op.alter_column('users', 'age', existing_type=sa.INTEGER(), existing_nullable=True)"));
    }

    @Test
    void createIndexWithPostgresqlOptionsAndExpressions() {
        assertEquals("CREATE UNIQUE INDEX CONCURRENTLY IF NOT EXISTS ix_users_email ON users USING btree"
                + " (lower(email), tenant_id) WHERE deleted_at IS NULL", sql("""
                op.create_index(op.f("ix_users_email"), "users", [sa.text("lower(email)"), "tenant_id"],
                                unique=True, if_not_exists=True, postgresql_concurrently=True,
                                postgresql_using="btree", postgresql_where=sa.text("deleted_at IS NULL"))
                """));
        assertEquals("CREATE INDEX ix_doc ON app.doc USING gin (body)",
                sql("op.create_index(index_name='ix_doc', table_name='doc', columns=['body'], schema='app',"
                        + " postgresql_using='gin')"));
    }

    @Test
    void dropIndex() {
        assertEquals("DROP INDEX CONCURRENTLY IF EXISTS ix_users_email", sql("op.drop_index(op.f('ix_users_email'),"
                + " table_name='users', if_exists=True, postgresql_concurrently=True)"));
    }

    @Test
    void createForeignKey() {
        assertEquals("ALTER TABLE item ADD CONSTRAINT item_owner_fk FOREIGN KEY (owner_id) REFERENCES \"user\" (id)"
                + " ON DELETE CASCADE ON UPDATE CASCADE DEFERRABLE INITIALLY DEFERRED", sql("""
                op.create_foreign_key("item_owner_fk", "item", "user", ["owner_id"], ["id"], ondelete="CASCADE",
                                      onupdate="CASCADE", deferrable=True, initially="DEFERRED")
                """));
        assertEquals("ALTER TABLE item ADD FOREIGN KEY (owner_id) REFERENCES auth.\"user\" (id)",
                sql("op.create_foreign_key(None, 'item', 'user', ['owner_id'], ['id'], referent_schema='auth')"));
    }

    @Test
    void createUniqueCheckAndPrimaryKeyConstraints() {
        assertEquals("ALTER TABLE users ADD CONSTRAINT uq_users_email UNIQUE (email, tenant_id)",
                sql("op.create_unique_constraint('uq_users_email', 'users', ['email', 'tenant_id'])"));
        assertEquals("ALTER TABLE users ADD CONSTRAINT ck_age CHECK (age >= 0)",
                sql("op.create_check_constraint('ck_age', 'users', sa.text('age >= 0'))"));
        assertEquals("ALTER TABLE users ADD CONSTRAINT users_pkey PRIMARY KEY (id)",
                sql("op.create_primary_key('users_pkey', 'users', ['id'])"));
    }

    @Test
    void dropConstraint() {
        assertEquals("ALTER TABLE users DROP CONSTRAINT IF EXISTS uq_users_email",
                sql("op.drop_constraint('uq_users_email', 'users', type_='unique', if_exists=True)"));
        assertEquals("ALTER TABLE users DROP CONSTRAINT \"(unnamed)\"",
                sql("op.drop_constraint(None, 'users', type_='foreignkey')"));
    }

    @Test
    void renameTable() {
        assertEquals("ALTER TABLE public.old_name RENAME TO new_name",
                sql("op.rename_table('old_name', 'new_name', schema='public')"));
    }

    @Test
    void bulkInsertWritesOneInsertPerRow() {
        assertEquals("INSERT INTO roles (id, name, admin) VALUES (1, 'admin', true);\n"
                + "INSERT INTO roles (id, name, admin) VALUES (-2, 'it''s', NULL)", sql("""
                roles = sa.table("roles", sa.column("id"), sa.column("name"))
                op.bulk_insert(roles, [
                    {"id": 1, "name": "admin", "admin": True},
                    {"id": -2, "name": "it's", "admin": None},
                ])
                """));
        assertEquals("INSERT INTO s.roles (id) VALUES (1)",
                sql("op.bulk_insert(sa.table('roles', sa.column('id'), schema='s'), [{'id': 1}])"));
    }

    @Test
    void tableCommentsAndExcludeConstraint() {
        assertEquals("COMMENT ON TABLE users IS 'people'", sql("op.create_table_comment('users', 'people')"));
        assertEquals("COMMENT ON TABLE users IS NULL", sql("op.drop_table_comment('users')"));
        assertEquals("ALTER TABLE booking ADD CONSTRAINT no_overlap EXCLUDE USING gist (room WITH =, during WITH &&)",
                sql("op.create_exclude_constraint('no_overlap', 'booking', ('room', '='), ('during', '&&'),"
                        + " using='gist')"));
    }

    @Test
    void batchOpsTakeTheTableFromBatchAlterTable() {
        String with = "with op.batch_alter_table(\"users\") as batch_op:\n    ";
        assertEquals("ALTER TABLE users ADD COLUMN bio text",
                sql(with + "batch_op.add_column(sa.Column('bio', sa.Text()))"));
        assertEquals("ALTER TABLE users DROP COLUMN bio", sql(with + "batch_op.drop_column('bio')"));
        assertEquals("ALTER TABLE users ALTER COLUMN bio SET NOT NULL",
                sql(with + "batch_op.alter_column('bio', existing_type=sa.TEXT(), nullable=False)"));
        assertEquals("CREATE INDEX ix_users_bio ON users (bio)",
                sql(with + "batch_op.create_index('ix_users_bio', ['bio'], unique=False)"));
        assertEquals("ALTER TABLE users ADD CONSTRAINT fk_org FOREIGN KEY (org_id) REFERENCES org (id)",
                sql(with + "batch_op.create_foreign_key('fk_org', 'org', ['org_id'], ['id'])"));
        assertEquals("ALTER TABLE users ADD CONSTRAINT uq_bio UNIQUE (bio)",
                sql(with + "batch_op.create_unique_constraint('uq_bio', ['bio'])"));
        assertEquals("ALTER TABLE users DROP CONSTRAINT uq_bio",
                sql(with + "batch_op.drop_constraint('uq_bio', type_='unique')"));
        assertEquals("DROP INDEX ix_users_bio", sql(with + "batch_op.drop_index('ix_users_bio')"));
    }

    @Test
    void syncEnumValuesRecreatesTheTypeAndCastsTheColumns() {
        assertEquals("ALTER TYPE public.status RENAME TO status_old;\n"
                + "CREATE TYPE public.status AS ENUM ('a', 'b');\n"
                + "ALTER TABLE public.jobs ALTER COLUMN state TYPE public.status USING state::text::public.status;\n"
                + "DROP TYPE public.status_old", sql("""
                op.sync_enum_values(enum_schema="public", enum_name="status", new_values=["a", "b"],
                    affected_columns=[TableReference(table_schema="public", table_name="jobs", column_name="state")],
                    enum_values_to_rename=[])
                """));
    }

    @Test
    void executeWithLiteralSqlGivesTheLiteral() {
        LiteralSql lit = assertInstanceOf(LiteralSql.class, translate("op.execute(sa.text('DROP VIEW v'))"));
        assertEquals("DROP VIEW v", lit.lit().value());
        String conn = "conn = op.get_bind()\nconn.execute(sa.text(\"UPDATE t SET x = 1\"))";
        assertEquals("UPDATE t SET x = 1", assertInstanceOf(LiteralSql.class, translate(conn)).lit().value());
    }

    @Test
    void executeWithSqlBuiltAtRunTimeIsNotAnalysable() {
        assertInstanceOf(NotAnalysable.class, translate("op.execute(f\"DROP TABLE {name}\")"));
        assertInstanceOf(NotAnalysable.class, translate("conn = op.get_bind()\nconn.execute(sa.text(query))"));
    }

    @Test
    void unknownOpsAndUnreadableArgumentsAreUnrecognizedNotThrown() {
        assertInstanceOf(Unrecognized.class, translate("op.create_sequence('s')"));
        Unrecognized u = assertInstanceOf(Unrecognized.class, translate("op.add_column(TABLE, sa.Column('x', sa.Text()))"));
        assertEquals("table_name is not a literal: TABLE", u.why());
        assertInstanceOf(Unrecognized.class, translate("op.create_table('t', sa.Column('s', sa.Enum(Status, name='s')))"));
        assertInstanceOf(Unrecognized.class, translate("op.add_column('t')"));
        assertInstanceOf(Unrecognized.class, translate("op.create_index('ix', 't', columns)"));
    }

    @Test
    void namesAreQuotedOnlyWhenNeeded() {
        assertEquals("plain_name", PgSyntax.ident("plain_name"));
        assertEquals("\"user\"", PgSyntax.ident("user"));
        assertEquals("\"CamelCase\"", PgSyntax.ident("CamelCase"));
        assertEquals("\"has space\"", PgSyntax.ident("has space"));
        assertEquals("\"9lives\"", PgSyntax.ident("9lives"));
        assertEquals("\"a\"\"b\"", PgSyntax.ident("a\"b"));
    }
}
