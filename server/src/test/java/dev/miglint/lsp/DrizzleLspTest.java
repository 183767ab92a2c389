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

/** A Drizzle project in the editor: schema.ts against its migrations, and the journal. */
class DrizzleLspTest {

    private static final String SCHEMA = """
            import { pgTable, uuid } from "drizzle-orm/pg-core";

            export const users = pgTable("users", {
              id: uuid("id").primaryKey().defaultRandom(),
            });
            """;

    @TempDir
    Path root;
    private LspSession lsp;

    @BeforeEach
    void start() throws Exception {
        Path drizzle = Files.createDirectories(root.resolve("drizzle/meta"));
        Files.writeString(root.resolve("package.json"), "{}");
        Files.writeString(drizzle.resolve("_journal.json"), """
                {"version": "7", "dialect": "postgresql", "entries": [
                  {"idx": 0, "version": "7", "when": 1700000000000, "tag": "0000_init", "breakpoints": true},
                  {"idx": 1, "version": "7", "when": 1600000000000, "tag": "0001_more", "breakpoints": true}
                ]}
                """);
        Files.writeString(root.resolve("drizzle/0000_init.sql"), "CREATE TABLE IF NOT EXISTS \"users\" (\"id\" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL);\n");
        Files.writeString(root.resolve("drizzle/0001_more.sql"), "SELECT 1;\n");
        lsp = new LspSession();
    }

    @AfterEach
    void stop() throws Exception {
        lsp.close();
    }

    @Test
    void aTextKeyTypedInTheSchemaShowsRequireUuidKeysWithAOneKeystrokeFix() throws Exception {
        Path file = Files.createDirectories(root.resolve("src")).resolve("schema.ts");
        String uri = LspSession.uri(Files.writeString(file, SCHEMA));
        lsp.initializeWorkspace(root, false).open(uri, 1, SCHEMA);
        assertEquals(List.of(), codes(lsp.d(uri, 1)));
        String edited = SCHEMA.replace("import { pgTable, uuid }", "import { pgTable, text, uuid }")
                .replace("uuid(\"id\").primaryKey().defaultRandom()", "text(\"id\").primaryKey()");
        lsp.change(uri, 2, new TextDocumentContentChangeEvent(edited));
        List<Diagnostic> ds = lsp.d(uri, 2);
        Diagnostic keys = ds.stream().filter(d -> "require-uuid-keys".equals(DiagnosticConverter.code(d))).findFirst()
                .orElseThrow(() -> new AssertionError(codes(ds)));
        List<CodeAction> actions = lsp.ca(uri, List.of(keys), null);
        CodeAction ignore = actions.stream().filter(a -> a.getTitle().equals("Ignore require-uuid-keys in this file"))
                .findFirst().orElseThrow();
        assertTrue(LspSession.apply(edited, ignore).startsWith("// miglint-ignore-file require-uuid-keys: <reason>\n"),
                "a TypeScript comment");
        CodeAction fix = actions.stream().filter(a -> Boolean.TRUE.equals(a.getIsPreferred())).findFirst().orElseThrow();
        String fixed = LspSession.apply(edited, fix);
        assertTrue(fixed.contains("id: uuid(\"id\").primaryKey().defaultRandom(),"), fixed);
        lsp.change(uri, 3, new TextDocumentContentChangeEvent(fixed));
        assertFalse(codes(lsp.d(uri, 3)).contains("require-uuid-keys"));
        var hover = lsp.remote.getTextDocumentService().hover(new org.eclipse.lsp4j.HoverParams(
                new org.eclipse.lsp4j.TextDocumentIdentifier(uri), new org.eclipse.lsp4j.Position(3, 3)))
                .get(LspSession.WAIT_MS, java.util.concurrent.TimeUnit.MILLISECONDS);
        String md = hover.getContents().getRight().getValue();
        assertTrue(md.contains("users.id") && md.contains("uuid") && md.contains("0000_init.sql"), md);
    }

    @Test
    void theJournalShowsItsFolderChecksOnTheEntry() throws Exception {
        Path journal = root.resolve("drizzle/meta/_journal.json");
        String text = Files.readString(journal);
        String uri = LspSession.uri(journal);
        lsp.initializeWorkspace(root, false).open(uri, 1, text);
        Diagnostic order = lsp.d(uri, 1).stream().filter(d -> "drizzle-journal-order".equals(DiagnosticConverter.code(d)))
                .findFirst().orElseThrow(() -> new AssertionError("no journal-order finding"));
        assertEquals(2, order.getRange().getStart().getLine());
    }
}
