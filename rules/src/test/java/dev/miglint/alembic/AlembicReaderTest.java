package dev.miglint.alembic;

import dev.miglint.alembic.FunctionDef.BodyKind;
import dev.miglint.python.PyValue;
import dev.miglint.python.PyValue.Call;
import dev.miglint.python.PyValue.StringLit;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class AlembicReaderTest {

    private static final String HEADER = """
            revision = "abc"
            down_revision = "parent"
            branch_labels = None
            depends_on = None

            """;

    private static RevisionFile read(String text) {
        return assertInstanceOf(RevisionFile.class, AlembicReader.read(text));
    }

    private static OpCall only(RevisionFile f, String method) {
        List<OpCall> calls = f.calls().stream().filter(c -> c.method().equals(method)).toList();
        assertEquals(1, calls.size(), calls.toString());
        return calls.get(0);
    }

    @Test
    void annotatedHeadersAreRead() {
        String text = """
                from typing import Sequence, Union
                revision: str = "1a2b"
                down_revision: Union[str, None] = '0f0f'
                branch_labels: Union[str, Sequence[str], None] = ("x",)
                depends_on: str | Sequence[str] | None = None

                def upgrade() -> None:
                    pass
                """;
        RevisionFile f = read(text);
        assertEquals("1a2b", f.revisionId());
        assertEquals(List.of("0f0f"), f.downRevisionIds());
        assertEquals(List.of("x"), f.branchLabelValues());
        assertTrue(f.dependsOn().isNone());
        assertEquals("down_revision: Union[str, None] = '0f0f'", f.downRevision().span().text(text));
        assertEquals(BodyKind.PASS, f.upgrade().bodyKind());
        assertTrue(f.problems().isEmpty(), f.problems().toString());
    }

    @Test
    void mergeRevisionsNameTheirParentsAsATuple() {
        RevisionFile f = read("revision = 'm'\ndown_revision = ('a', \"b\")\ndef upgrade():\n    pass\n");
        assertEquals(List.of("a", "b"), f.downRevisionIds());
        assertTrue(f.isMerge());
    }

    @Test
    void rootRevisionHasNoneAsParent() {
        RevisionFile f = read("revision = 'r'\ndown_revision = None\ndef upgrade():\n    pass\n");
        assertTrue(f.downRevision().isNone());
        assertEquals(List.of(), f.downRevisionIds());
        assertTrue(f.problems().isEmpty());
    }

    @Test
    void aModuleWithoutRevisionOrUpgradeIsNotARevision() {
        assertInstanceOf(AlembicReader.NotARevision.class, AlembicReader.read("import os\nx = 1\n"));
        assertInstanceOf(AlembicReader.NotARevision.class, AlembicReader.read(""));
    }

    @Test
    void nonLiteralRevisionIsAProblem() {
        RevisionFile f = read("revision = make_id()\ndown_revision = None\ndef upgrade():\n    pass\n");
        assertNull(f.revisionId());
        assertTrue(f.problems().stream().anyMatch(p -> p.message().startsWith("revision is not")));
    }

    @Test
    void opCallArgumentsAreParsedWithTheirSpans() {
        String text = HEADER + """
                def upgrade():
                    op.create_table(
                        "user",
                        sa.Column("id", sa.Integer(), primary_key=True),
                        sa.Column("name", sa.String(length=50), nullable=False, server_default=sa.text("'x'")),
                        postgresql_partition_by=None,
                    )
                    op.create_index(op.f("ix_user_name"), "user", ["name"], unique=True)
                """;
        RevisionFile f = read(text);
        OpCall create = only(f, "create_table");
        assertEquals(FunctionKind.UPGRADE, create.function());
        assertEquals(ReceiverKind.OP, create.receiverKind());
        assertEquals("create_table", create.methodSpan().text(text));
        assertTrue(create.span().text(text).startsWith("op.create_table(") && create.span().text(text).endsWith(")"));
        assertEquals(4, create.args().size());
        assertEquals("user", create.positional(0).orElseThrow().value().string().orElseThrow());
        Call column = assertInstanceOf(Call.class, create.positional(1).orElseThrow().value());
        assertEquals("sa.Column", column.callee());
        assertEquals("sa.Integer", ((Call) column.args().get(1).value()).callee());
        assertEquals("sa.Integer()", column.args().get(1).span().text(text));
        assertInstanceOf(PyValue.BoolLit.class, column.keyword("primary_key").orElseThrow().value());
        assertInstanceOf(PyValue.NoneLit.class, create.keyword("postgresql_partition_by").orElseThrow().value());
        OpCall index = only(f, "create_index");
        assertEquals("op.f", ((Call) index.positional(0).orElseThrow().value()).callee());
        assertEquals(List.of("name"), index.positional(2).orElseThrow().value().strings());
        assertEquals("unique=True", index.keyword("unique").orElseThrow().span().text(text));
    }

    @Test
    void batchAlterTableAliasCallsCarryTheTable() {
        String text = HEADER + """
                def upgrade():
                    with op.batch_alter_table("account", schema=None) as batch_op:
                        batch_op.add_column(sa.Column("x", sa.Integer()))
                        batch_op.drop_column("y")
                    op.drop_table("z")
                """;
        RevisionFile f = read(text);
        OpCall add = only(f, "add_column");
        assertEquals(ReceiverKind.BATCH, add.receiverKind());
        assertTrue(add.isBatch());
        assertEquals("account", add.batchTable());
        assertEquals("batch_op", add.receiver());
        assertEquals("account", only(f, "drop_column").batchTable());
        assertNull(only(f, "drop_table").batchTable());
        assertEquals(ReceiverKind.OP, only(f, "batch_alter_table").receiverKind());
    }

    @Test
    void autocommitBlockIsRecordedOnItsCalls() {
        String text = HEADER + """
                def upgrade():
                    with op.get_context().autocommit_block():
                        op.create_index("ix", "t", ["c"], postgresql_concurrently=True)
                    op.create_index("iy", "t", ["d"])
                """;
        RevisionFile f = read(text);
        List<OpCall> indexes = f.calls().stream().filter(c -> c.method().equals("create_index")).toList();
        assertTrue(indexes.get(0).autocommit());
        assertFalse(indexes.get(1).autocommit());
    }

    @Test
    void executeWithSaTextTripleQuotedExposesSqlMappedToTheFile() {
        String text = HEADER + """
                def upgrade():
                    op.execute(sa.text(\"\"\"
                        CREATE INDEX CONCURRENTLY ix ON t (c)
                    \"\"\"))
                """;
        OpCall exec = only(read(text), "execute");
        StringLit sql = exec.literalSql().orElseThrow();
        int at = sql.value().indexOf("CREATE");
        assertEquals("CREATE INDEX", sql.map().toFile(at, at + 12).text(text));
    }

    @Test
    void connectionExecuteWithTextIsAConnectionCall() {
        String text = HEADER + """
                def upgrade():
                    conn = op.get_bind()
                    conn.execute(text("UPDATE t SET \\"x\\" = 1"))
                    conn.close()
                """;
        RevisionFile f = read(text);
        OpCall exec = only(f, "execute");
        assertEquals(ReceiverKind.CONNECTION, exec.receiverKind());
        StringLit sql = exec.literalSql().orElseThrow();
        assertEquals("UPDATE t SET \"x\" = 1", sql.value());
        assertEquals("\\\"x\\\"", sql.map().toFile(13, 16).text(text));
        assertEquals(ReceiverKind.OP, only(f, "get_bind").receiverKind());
        assertTrue(f.calls().stream().noneMatch(c -> c.method().equals("close")));
    }

    @Test
    void executeChainedOnGetBindIsAConnectionCall() {
        RevisionFile f = read(HEADER + "def upgrade():\n    op.get_bind().execute(sa.text('SELECT 1'))\n");
        OpCall exec = only(f, "execute");
        assertEquals("op.get_bind()", exec.receiver());
        assertEquals("SELECT 1", exec.literalSql().orElseThrow().value());
    }

    @Test
    void nonLiteralSqlHasNoLiteralSql() {
        RevisionFile f = read(HEADER + "def upgrade():\n    op.execute(f\"DROP TABLE {name}\")\n    op.execute(sql)\n");
        assertTrue(f.calls().stream().allMatch(c -> c.literalSql().isEmpty()));
        assertInstanceOf(PyValue.FStringLit.class, f.calls().get(0).positional(0).orElseThrow().value());
    }

    @Test
    void emptyAndDocstringDowngradesAreNoOps() {
        RevisionFile pass = read(HEADER + "def upgrade():\n    op.drop_table('t')\n\n\ndef downgrade() -> None:\n"
                + "    # nothing to undo\n    pass\n");
        assertEquals(BodyKind.CODE, pass.upgrade().bodyKind());
        assertEquals(BodyKind.PASS, pass.downgrade().bodyKind());
        assertTrue(pass.downgrade().isNoOp());
        RevisionFile doc = read(HEADER + "def upgrade():\n    pass\ndef downgrade():\n    \"\"\"Irreversible.\"\"\"\n    pass\n");
        assertEquals(BodyKind.DOCSTRING, doc.downgrade().bodyKind());
        RevisionFile inline = read(HEADER + "def upgrade(): pass\ndef downgrade(): ...\n");
        assertEquals(BodyKind.PASS, inline.downgrade().bodyKind());
        RevisionFile none = read(HEADER + "def upgrade():\n    pass\ndef downgrade():\n    # todo\n");
        assertEquals(BodyKind.NONE, none.downgrade().bodyKind());
    }

    @Test
    void functionSpansRunFromDefToTheLastBodyToken() {
        String text = HEADER + "def upgrade():\n    op.drop_table('t')\n\n# trailing\ndef downgrade():\n    pass\n";
        RevisionFile f = read(text);
        assertEquals("def upgrade():\n    op.drop_table('t')", f.upgrade().span().text(text));
        assertEquals("op.drop_table('t')", f.upgrade().body().text(text));
        assertEquals("downgrade", f.downgrade().nameSpan().text(text));
    }

    @Test
    void callsInLoopsAndConditionsCountWithTheirNesting() {
        String text = HEADER + """
                def upgrade():
                    for t in ["a", "b"]:
                        if t:
                            op.drop_table(t)

                def downgrade():
                    op.create_table("a")

                def helper():
                    op.execute("SELECT 1")
                """;
        RevisionFile f = read(text);
        OpCall drop = only(f, "drop_table");
        assertEquals(FunctionKind.UPGRADE, drop.function());
        assertEquals(2, drop.nesting());
        assertInstanceOf(PyValue.Name.class, drop.positional(0).orElseThrow().value());
        assertEquals(FunctionKind.DOWNGRADE, only(f, "create_table").function());
        assertEquals(FunctionKind.OTHER, only(f, "execute").function());
    }

    @Test
    void helperParametersNamedConnAreConnections() {
        RevisionFile f = read(HEADER + "def _fill(conn):\n    conn.execute(sa.text('UPDATE t SET x = 1'))\n"
                + "def upgrade():\n    _fill(op.get_bind())\n");
        assertEquals(ReceiverKind.CONNECTION, only(f, "execute").receiverKind());
    }

    @Test
    void commentsAreKeptForSuppressions() {
        RevisionFile f = read(HEADER + "def upgrade():\n    # miglint-ignore ban-drop-table: ok\n    op.drop_table('t')\n");
        assertEquals(1, f.comments().size());
    }

    @Test
    void brokenCodeIsReadAsFarAsPossible() {
        RevisionFile f = read(HEADER + "def upgrade():\n    op.add_column('t', sa.Column('c'\n\ndef downgrade():\n    pass\n");
        assertFalse(f.problems().isEmpty());
        assertEquals(1, f.calls().size());
        assertEquals("t", f.calls().get(0).positional(0).orElseThrow().value().string().orElseThrow());
    }
}
