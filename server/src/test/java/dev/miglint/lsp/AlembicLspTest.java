package dev.miglint.lsp;

import org.eclipse.lsp4j.CodeAction;
import org.eclipse.lsp4j.Diagnostic;
import org.eclipse.lsp4j.TextDocumentContentChangeEvent;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static dev.miglint.lsp.LspSession.codes;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** An Alembic revision in the editor: diagnostics in the Python text, fixes and # ignore comments. */
class AlembicLspTest {

    private static final String SQL = "ALTER TABLE users ADD CONSTRAINT users_org_fk FOREIGN KEY (org_id) REFERENCES orgs (id)";
    private static final String REVISION = """
            from alembic import op

            revision = "b2"
            down_revision = "a1"


            def upgrade():
                op.execute("%s")
                op.drop_column("users", "legacy")


            def downgrade():
                pass
            """.formatted(SQL);

    @TempDir
    Path root;
    private LspSession lsp;
    private String uri;

    @BeforeEach
    void start() throws Exception {
        Path versions = Files.createDirectories(root.resolve("alembic/versions"));
        Files.writeString(root.resolve("alembic/env.py"), "");
        uri = LspSession.uri(Files.writeString(versions.resolve("b2_org.py"), REVISION));
        lsp = new LspSession();
    }

    @AfterEach
    void stop() throws Exception {
        lsp.close();
    }

    private static String text(String text, Diagnostic d) {
        var lines = new dev.miglint.text.LineIndex(text);
        return text.substring(lines.offset(d.getRange().getStart().getLine(), d.getRange().getStart().getCharacter()),
                lines.offset(d.getRange().getEnd().getLine(), d.getRange().getEnd().getCharacter()));
    }

    @Test
    void aFindingInExecuteSqlLandsOnTheSqlInsideTheString() throws Exception {
        lsp.initializeWorkspace(root, false).open(uri, 1, REVISION);
        List<Diagnostic> ds = lsp.d(uri, 1);
        Diagnostic guarded = ds.stream().filter(d -> "require-guarded-constraint".equals(DiagnosticConverter.code(d)))
                .findFirst().orElseThrow(() -> new AssertionError(codes(ds)));
        assertEquals(SQL, text(REVISION, guarded));
        Diagnostic drop = ds.stream().filter(d -> "ban-drop-column".equals(DiagnosticConverter.code(d)))
                .findFirst().orElseThrow(() -> new AssertionError(codes(ds)));
        assertEquals("op.drop_column", text(REVISION, drop));
    }

    @Test
    void theHistoryOfTheVersionsFolderIsCheckedAsTheRevisionIsEdited() throws Exception {
        Path versions = root.resolve("alembic/versions");
        Files.writeString(versions.resolve("a1_root.py"), "revision = \"a1\"\ndown_revision = None\n\n\ndef upgrade():\n    pass\n\n\ndef downgrade():\n    pass\n");
        Files.writeString(versions.resolve("c3_other.py"), "revision = \"c3\"\ndown_revision = \"a1\"\n\n\ndef upgrade():\n    pass\n\n\ndef downgrade():\n    pass\n");
        lsp.initializeWorkspace(root, false).open(uri, 1, REVISION);
        List<Diagnostic> ds = lsp.d(uri, 1);
        Diagnostic heads = ds.stream().filter(d -> "alembic-multiple-heads".equals(DiagnosticConverter.code(d)))
                .findFirst().orElseThrow(() -> new AssertionError(codes(ds)));
        assertEquals(2, heads.getRange().getStart().getLine(), "on the revision = line");
        assertTrue(codes(ds).contains("alembic-empty-downgrade"), codes(ds).toString());
        // Pointing this revision after c3 joins the branches: one head again.
        lsp.change(uri, 2, new TextDocumentContentChangeEvent(REVISION.replace("down_revision = \"a1\"", "down_revision = \"c3\"")));
        assertFalse(codes(lsp.d(uri, 2)).contains("alembic-multiple-heads"));
    }

    @Test
    void editingAModelFieldNoMigrationBacksShowsTheDriftAndHoversShowTheMigratedColumn() throws Exception {
        Path versions = root.resolve("alembic/versions");
        Files.writeString(versions.resolve("a1_users.py"), """
                from alembic import op
                import sqlalchemy as sa

                revision = "a1"
                down_revision = None


                def upgrade():
                    op.create_table("users", sa.Column("id", sa.Uuid(), primary_key=True), sa.Column("email", sa.Text(), nullable=False))


                def downgrade():
                    op.drop_table("users")
                """);
        Files.createDirectories(root.resolve(".git"));
        Path modelsFile = Files.createDirectories(root.resolve("app")).resolve("models.py");
        String models = """
                import uuid
                from sqlmodel import Field, SQLModel


                class User(SQLModel, table=True):
                    __tablename__ = "users"
                    id: uuid.UUID = Field(default_factory=uuid.uuid4, primary_key=True)
                    email: str
                """;
        String modelsUri = LspSession.uri(Files.writeString(modelsFile, models));
        lsp.initializeWorkspace(root, false).open(modelsUri, 1, models);
        assertEquals(List.of(), codes(lsp.d(modelsUri, 1)), "the model matches its migrations");
        String edited = models + "    nickname: str | None = None\n";
        lsp.change(modelsUri, 2, new TextDocumentContentChangeEvent(edited));
        Diagnostic drift = lsp.d(modelsUri, 2).get(0);
        assertEquals("model-without-migration", DiagnosticConverter.code(drift));
        assertEquals("nickname", text(edited, drift));
        var hover = lsp.remote.getTextDocumentService().hover(new org.eclipse.lsp4j.HoverParams(
                new org.eclipse.lsp4j.TextDocumentIdentifier(modelsUri), new org.eclipse.lsp4j.Position(7, 6)))
                .get(LspSession.WAIT_MS, java.util.concurrent.TimeUnit.MILLISECONDS);
        String md = hover.getContents().getRight().getValue();
        assertTrue(md.contains("users.email") && md.contains("text NOT NULL") && md.contains("a1_users.py"), md);
    }

    @Test
    void ignoringAFindingWritesAPythonCommentAboveTheOpCall() throws Exception {
        lsp.initializeWorkspace(root, false).open(uri, 1, REVISION);
        List<Diagnostic> ds = lsp.d(uri, 1);
        Diagnostic drop = ds.stream().filter(d -> "ban-drop-column".equals(DiagnosticConverter.code(d))).findFirst().orElseThrow();
        CodeAction ignore = lsp.ca(uri, List.of(drop), List.of("quickfix")).stream()
                .filter(a -> a.getTitle().equals("Ignore ban-drop-column for this statement")).findFirst().orElseThrow();
        String ignored = LspSession.apply(REVISION, ignore);
        assertTrue(ignored.contains("    # miglint-ignore ban-drop-column: <reason>\n    op.drop_column(\"users\", \"legacy\")"), ignored);
        lsp.change(uri, 2, new TextDocumentContentChangeEvent(ignored.replace("<reason>", "legacy unused since v3")));
        assertFalse(codes(lsp.d(uri, 2)).contains("ban-drop-column"));
    }
}
