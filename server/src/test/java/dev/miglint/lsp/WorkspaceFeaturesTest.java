package dev.miglint.lsp;

import org.eclipse.lsp4j.DefinitionParams;
import org.eclipse.lsp4j.Diagnostic;
import org.eclipse.lsp4j.DidChangeWatchedFilesParams;
import org.eclipse.lsp4j.DidCloseTextDocumentParams;
import org.eclipse.lsp4j.DocumentSymbol;
import org.eclipse.lsp4j.DocumentSymbolParams;
import org.eclipse.lsp4j.FileChangeType;
import org.eclipse.lsp4j.FileEvent;
import org.eclipse.lsp4j.Hover;
import org.eclipse.lsp4j.HoverParams;
import org.eclipse.lsp4j.Location;
import org.eclipse.lsp4j.Position;
import org.eclipse.lsp4j.ProgressParams;
import org.eclipse.lsp4j.SymbolKind;
import org.eclipse.lsp4j.TextDocumentContentChangeEvent;
import org.eclipse.lsp4j.TextDocumentIdentifier;
import org.eclipse.lsp4j.WorkDoneProgressBegin;
import org.eclipse.lsp4j.WorkDoneProgressCreateParams;
import org.eclipse.lsp4j.WorkDoneProgressEnd;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static dev.miglint.lsp.LspSession.WAIT_MS;
import static dev.miglint.lsp.LspSession.codes;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Features that need the workspace index: hovers, definitions, outlines, watched files, scan progress. */
class WorkspaceFeaturesTest {

    private static final String FIRST = "CREATE TABLE IF NOT EXISTS accounts (id bigint PRIMARY KEY, email text);\n";
    private static final String SECOND = "ALTER TABLE accounts ADD COLUMN name text;\n";

    @TempDir
    Path root;
    private Path migrations;
    private LspSession lsp;

    @BeforeEach
    void start() throws Exception {
        migrations = Files.createDirectories(root.resolve("migrations"));
        lsp = new LspSession();
    }

    @AfterEach
    void stop() throws Exception {
        lsp.close();
    }

    private String write(String name, String text) throws Exception {
        return LspSession.uri(Files.writeString(migrations.resolve(name), text));
    }

    private String hover(String uri, int line, int character) throws Exception {
        Hover hover = lsp.remote.getTextDocumentService()
                .hover(new HoverParams(new TextDocumentIdentifier(uri), new Position(line, character)))
                .get(WAIT_MS, TimeUnit.MILLISECONDS);
        return hover == null ? null : hover.getContents().getRight().getValue();
    }

    /** Opens after the scan has indexed the workspace, and waits for the first diagnostics. */
    private List<Diagnostic> openIndexed(String uri, String text) throws Exception {
        LspSession.until(() -> lsp.server.indexedFiles() > 0, "the workspace is indexed");
        lsp.open(uri, 1, text);
        return lsp.d(uri, 1);
    }

    @Test
    void statementHoverShowsTheLockOfAnAlterTable() throws Exception {
        write("001_accounts.sql", FIRST);
        String second = write("002_name.sql", SECOND);
        lsp.initializeWorkspace(root, false);
        openIndexed(second, SECOND);
        String md = hover(second, 0, 2);   // on ALTER
        assertTrue(md.contains("ACCESS EXCLUSIVE"), md);
        assertTrue(md.contains("accounts"), md);
    }

    @Test
    void tableHoverInALaterFileShowsTheTableCreatedInAnEarlierOne() throws Exception {
        write("001_accounts.sql", FIRST);
        String second = write("002_name.sql", SECOND);
        lsp.initializeWorkspace(root, false);
        openIndexed(second, SECOND);
        String md = hover(second, 0, 14);  // on "accounts"
        assertTrue(md.contains("**accounts**"), md);
        assertTrue(md.contains("created in `001_accounts.sql`"), md);
        assertTrue(md.contains("email"), md);
    }

    @Test
    void aFileOpenedByAClientWithoutWorkspaceFoldersGetsItsProjectsHistory() throws Exception {
        Files.writeString(root.resolve(".miglint.json"), "{}");
        write("001_accounts.sql", FIRST);
        String second = write("002_name.sql", SECOND);
        lsp.initialize();
        lsp.open(second, 1, SECOND);
        LspSession.until(() -> lsp.server.indexedFiles() == 2, "the project around the file is indexed");
        LspSession.until(() -> {
            try {
                String md = hover(second, 0, 14);
                return md != null && md.contains("created in `001_accounts.sql`");
            } catch (Exception e) {
                throw new AssertionError(e);
            }
        }, "the hover knows the table from the earlier file");
    }

    @Test
    void findingHoverComesFirstThenTheStatementFacts() throws Exception {
        write("001_accounts.sql", FIRST);
        String text = "ALTER TABLE accounts ADD COLUMN name text NOT NULL;\n";
        String second = write("002_name.sql", text);
        lsp.initializeWorkspace(root, false);
        assertTrue(codes(openIndexed(second, text)).contains("ban-required-column"));
        String md = hover(second, 0, 40);  // on NOT NULL
        assertTrue(md.startsWith("**miglint `ban-required-column`**"), md);
        assertTrue(md.contains("ACCESS EXCLUSIVE"), md);
    }

    @Test
    void definitionJumpsToTheCreateTableInTheEarlierFile() throws Exception {
        String first = write("001_accounts.sql", "-- the accounts\n" + FIRST);
        String second = write("002_name.sql", SECOND);
        lsp.initializeWorkspace(root, false);
        openIndexed(second, SECOND);
        var result = lsp.remote.getTextDocumentService()
                .definition(new DefinitionParams(new TextDocumentIdentifier(second), new Position(0, 14)))
                .get(WAIT_MS, TimeUnit.MILLISECONDS);
        List<? extends Location> locations = result.getLeft();
        assertEquals(1, locations.size());
        assertEquals(first, locations.get(0).getUri());
        assertEquals(new Position(1, 0), locations.get(0).getRange().getStart());
        var none = lsp.remote.getTextDocumentService()
                .definition(new DefinitionParams(new TextDocumentIdentifier(second), new Position(0, 2)))
                .get(WAIT_MS, TimeUnit.MILLISECONDS);
        assertTrue(none.getLeft().isEmpty(), "ALTER names nothing to jump to");
    }

    @Test
    void documentSymbolsListTheStatementsWithTheTablesColumns() throws Exception {
        String text = FIRST + SECOND + "CREATE INDEX CONCURRENTLY IF NOT EXISTS accounts_email ON accounts (email);\n";
        String uri = write("001_accounts.sql", text);
        lsp.initializeWorkspace(root, false);
        openIndexed(uri, text);
        List<DocumentSymbol> symbols = lsp.remote.getTextDocumentService()
                .documentSymbol(new DocumentSymbolParams(new TextDocumentIdentifier(uri)))
                .get(WAIT_MS, TimeUnit.MILLISECONDS).stream().map(e -> e.getRight()).toList();
        assertEquals(3, symbols.size(), symbols.toString());
        assertTrue(symbols.get(0).getName().contains("accounts"), symbols.get(0).getName());
        assertEquals(SymbolKind.Struct, symbols.get(0).getKind());
        assertEquals(List.of(0, 1, 2), symbols.stream().map(s -> s.getRange().getStart().getLine()).toList());
        List<String> columns = symbols.get(0).getChildren().stream().map(DocumentSymbol::getName).toList();
        assertTrue(columns.stream().anyMatch(c -> c.startsWith("email")), columns.toString());
        assertEquals(SymbolKind.Key, symbols.get(2).getKind());
    }

    private static final String WIDEN = "ALTER TABLE accounts ALTER COLUMN email TYPE text;\n";
    private static final String CREATE_VARCHAR =
            "CREATE TABLE IF NOT EXISTS accounts (id bigint PRIMARY KEY, email varchar(100));\n";

    private static boolean typeChange(List<Diagnostic> ds) {
        return codes(ds).contains("ban-column-type-change");
    }

    @Test
    void aWatchedChangeOfAnEarlierMigrationRepublishesTheOpenLaterFile() throws Exception {
        write("001_accounts.sql", "SELECT 1;\n");
        String second = write("002_email.sql", WIDEN);
        lsp.initializeWorkspace(root, true);
        assertTrue(typeChange(openIndexed(second, WIDEN)), "the current type of email is unknown: reported");
        Path first = migrations.resolve("001_accounts.sql");
        Files.writeString(first, CREATE_VARCHAR);
        lsp.remote.getWorkspaceService().didChangeWatchedFiles(new DidChangeWatchedFilesParams(
                List.of(new FileEvent(LspSession.uri(first), FileChangeType.Changed))));
        lsp.await(second, ds -> !typeChange(ds));   // varchar(100) to text needs no rewrite
        Files.delete(first);
        int before = lsp.published.size(); // counted before the event: the answer may come at once
        lsp.remote.getWorkspaceService().didChangeWatchedFiles(new DidChangeWatchedFilesParams(
                List.of(new FileEvent(LspSession.uri(first), FileChangeType.Deleted))));
        LspSession.until(() -> lsp.published.subList(before, lsp.published.size()).stream()
                .anyMatch(p -> p.getUri().equals(second) && typeChange(p.getDiagnostics())), "reported again");
    }

    @Test
    void editingAnOpenEarlierMigrationRepublishesTheOpenLaterFile() throws Exception {
        String first = write("001_accounts.sql", "SELECT 1;\n");
        String second = write("002_email.sql", WIDEN);
        lsp.initializeWorkspace(root, false);
        assertTrue(typeChange(openIndexed(second, WIDEN)));
        lsp.open(first, 1, "SELECT 1;\n");
        lsp.d(first, 1);
        lsp.change(first, 2, new TextDocumentContentChangeEvent(CREATE_VARCHAR));   // unsaved: the editor's text wins
        lsp.await(second, ds -> !typeChange(ds));
        int before = lsp.published.size(); // counted before the event: the answer may come at once
        lsp.remote.getTextDocumentService().didClose(new DidCloseTextDocumentParams(new TextDocumentIdentifier(first)));
        LspSession.until(() -> lsp.published.subList(before, lsp.published.size()).stream()
                .anyMatch(p -> p.getUri().equals(second) && typeChange(p.getDiagnostics())), "closed: the disk counts again");
    }

    @Test
    void aWatchedConfigChangeRescansAndRechecks() throws Exception {
        write("001_accounts.sql", "SELECT 1;\n");
        String second = write("002_email.sql", WIDEN);
        lsp.initializeWorkspace(root, true);
        assertTrue(typeChange(openIndexed(second, WIDEN)));
        Path config = Files.writeString(root.resolve(".miglint.json"), "{\"rules\": {\"ban-column-type-change\": \"off\"}}");
        lsp.remote.getWorkspaceService().didChangeWatchedFiles(new DidChangeWatchedFilesParams(
                List.of(new FileEvent(LspSession.uri(config), FileChangeType.Created))));
        lsp.await(second, ds -> !typeChange(ds));
    }

    @Test
    void theScanReportsProgressAndFileWatchersAreRegistered() throws Exception {
        write("001_accounts.sql", FIRST);
        write("002_name.sql", SECOND);
        lsp.initializeWorkspace(root, true);
        LspSession.until(() -> lsp.progress.stream().anyMatch(p -> p instanceof ProgressParams pp
                && pp.getValue().getLeft() instanceof WorkDoneProgressEnd), "the scan's progress ends");
        assertTrue(lsp.progress.get(0) instanceof WorkDoneProgressCreateParams, lsp.progress.toString());
        Object token = ((WorkDoneProgressCreateParams) lsp.progress.get(0)).getToken();
        ProgressParams begin = (ProgressParams) lsp.progress.get(1);
        assertEquals(token, begin.getToken());
        assertTrue(begin.getValue().getLeft() instanceof WorkDoneProgressBegin);
        assertEquals(2, lsp.server.indexedFiles());
        LspSession.until(() -> !lsp.registrations.isEmpty(), "watchers registered");
        assertEquals("workspace/didChangeWatchedFiles", lsp.registrations.get(0).getMethod());
        String options = lsp.registrations.get(0).getRegisterOptions().toString();
        assertTrue(options.contains("**/*.sql") && options.contains("**/.miglint.json"), options);
    }

    @Test
    void aClientWithoutProgressSupportGetsNoProgress() throws Exception {
        write("001_accounts.sql", FIRST);
        lsp.initializeWorkspace(root, false);
        LspSession.until(() -> lsp.server.indexedFiles() == 1, "indexed");
        Thread.sleep(50);
        assertTrue(lsp.progress.isEmpty() && lsp.registrations.isEmpty());
    }
}
