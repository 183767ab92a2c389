package dev.miglint.lsp;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import org.eclipse.lsp4j.CodeAction;
import org.eclipse.lsp4j.Diagnostic;
import org.eclipse.lsp4j.DiagnosticSeverity;
import org.eclipse.lsp4j.DidChangeConfigurationParams;
import org.eclipse.lsp4j.DocumentDiagnosticParams;
import org.eclipse.lsp4j.DocumentDiagnosticReport;
import org.eclipse.lsp4j.DocumentSymbolParams;
import org.eclipse.lsp4j.Hover;
import org.eclipse.lsp4j.HoverParams;
import org.eclipse.lsp4j.MessageType;
import org.eclipse.lsp4j.Position;
import org.eclipse.lsp4j.TextDocumentContentChangeEvent;
import org.eclipse.lsp4j.TextDocumentIdentifier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static dev.miglint.lsp.LspSession.WAIT_MS;
import static dev.miglint.lsp.LspSession.codes;
import static dev.miglint.lsp.LspSession.te;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class MiglintLanguageServerTest {

    private static final String CREATE = "CREATE TABLE notes (body text);\n";

    @TempDir
    Path dir;
    private LspSession lsp;
    private String uri;

    @BeforeEach
    void start() throws Exception {
        lsp = new LspSession();
        uri = LspSession.uri(dir.resolve("001_notes.sql"));
    }

    @AfterEach
    void stop() throws Exception {
        lsp.close();
    }

    @Test
    void diagnosticsOnOpenCarryRuleIdSourceDocsLinkAndFixes() throws Exception {
        lsp.initialize().open(uri, 1, CREATE);
        Diagnostic d = lsp.d(uri, 1).get(0);
        assertEquals("require-if-not-exists", DiagnosticConverter.code(d));
        assertEquals("miglint", d.getSource());
        assertEquals("https://github.com/miglint/miglint/blob/main/docs/rules/require-if-not-exists.md",
                d.getCodeDescription().getHref());
        assertEquals(DiagnosticSeverity.Error, d.getSeverity());
        assertEquals(0, d.getRange().getStart().getLine());
        JsonObject data = (JsonObject) d.getData();
        assertEquals(1, data.get("version").getAsInt());
        assertEquals(0, data.get("index").getAsInt(), "the finding's place in the version's analysis, which holds its fixes");
        assertFalse(data.has("fixes"), "fixes stay on the server: hundreds of diagnostics are resent on every keystroke");
        List<CodeAction> actions = lsp.ca(uri, List.of(d), List.of(org.eclipse.lsp4j.CodeActionKind.QuickFix));
        assertTrue(actions.get(0).getTitle().contains("IF NOT EXISTS"), actions.get(0).getTitle());
    }

    @Test
    void incrementalEditsAcrossLinesWithCrlfEndInDiagnosticsOfTheLatestVersion() throws Exception {
        lsp.initialize().open(uri, 1, "CREATE TABLE a (id int);\r\nCREATE TABLE b (id int);\r\n");
        lsp.change(uri, 2, te(1, 0, 1, 0, "CREATE TABLE c (id int);\r\n"));   // a, c, b
        lsp.change(uri, 3, te(0, 13, 1, 13, ""));                              // c, b: a delete across lines
        lsp.change(uri, 4, te(1, 13, 1, 14, "bb"));                            // c, bb
        List<Diagnostic> latest = lsp.d(uri, 4);
        assertEquals(List.of("require-if-not-exists", "require-if-not-exists"), codes(latest));
        assertTrue(latest.get(0).getMessage().getLeft().contains(" c "), latest.get(0).getMessage().getLeft());
        assertTrue(latest.get(1).getMessage().getLeft().contains(" bb "), latest.get(1).getMessage().getLeft());
        assertEquals(1, latest.get(1).getRange().getStart().getLine());
        assertEquals(25, latest.get(1).getRange().getEnd().getCharacter());
        Thread.sleep(200);
        var last = lsp.published.get(lsp.published.size() - 1);
        assertEquals(4, last.getVersion(), "nothing older is published after the latest version");
    }

    @Test
    void quickFixGuardsTheStatementAndClearsTheDiagnostic() throws Exception {
        lsp.initialize().open(uri, 1, CREATE);
        List<Diagnostic> ds = lsp.d(uri, 1);
        CodeAction fix = lsp.ca(uri, ds, null).stream().filter(a -> Boolean.TRUE.equals(a.getIsPreferred()))
                .findFirst().orElseThrow();
        assertEquals("quickfix", fix.getKind());
        assertEquals(1, fix.getEdit().getDocumentChanges().get(0).getLeft().getTextDocument().getVersion());
        String fixed = LspSession.apply(CREATE, fix);
        assertEquals("CREATE TABLE IF NOT EXISTS notes (body text);\n", fixed);
        lsp.change(uri, 2, new TextDocumentContentChangeEvent(fixed));
        assertFalse(codes(lsp.d(uri, 2)).contains("require-if-not-exists"));
    }

    @Test
    void ignoreForTheStatementKeepsItsIndentationAndSilencesTheFinding() throws Exception {
        String text = "DO $$ BEGIN PERFORM 1; END $$;\n  " + CREATE;
        lsp.initialize().open(uri, 1, text);
        List<Diagnostic> ds = lsp.d(uri, 1);
        CodeAction ignore = lsp.ca(uri, ds, List.of("quickfix")).stream()
                .filter(a -> a.getTitle().equals("Ignore require-if-not-exists for this statement")).findFirst().orElseThrow();
        String ignored = LspSession.apply(text, ignore);
        assertTrue(ignored.contains("\n  -- miglint-ignore require-if-not-exists: <reason>\n  CREATE TABLE notes"), ignored);
        lsp.change(uri, 2, new TextDocumentContentChangeEvent(ignored));
        List<String> after = codes(lsp.d(uri, 2));
        assertFalse(after.contains("require-if-not-exists"));
        assertTrue(after.contains("ignore-without-reason"), "the placeholder is noted until replaced: " + after);
    }

    @Test
    void aClientWithSnippetEditsGetsTheReasonAsAPlaceholderToTypeOver() throws Exception {
        lsp.snippetEdits = true;
        lsp.initialize().open(uri, 1, CREATE);
        CodeAction ignore = lsp.ca(uri, lsp.d(uri, 1), null).stream()
                .filter(a -> a.getTitle().equals("Ignore require-if-not-exists for this statement")).findFirst().orElseThrow();
        var edit = ignore.getEdit().getDocumentChanges().get(0).getLeft().getEdits().get(0);
        assertTrue(edit.isRight(), "a snippet edit");
        assertEquals("-- miglint-ignore require-if-not-exists: ${1:reason}\n", edit.getRight().getSnippet().getValue());
        assertEquals(0, edit.getRight().getRange().getStart().getLine());
    }

    @Test
    void actionsOfDiagnosticsFromAnOlderVersionAreLeftOut() throws Exception {
        lsp.initialize().open(uri, 1, CREATE);
        List<Diagnostic> old = lsp.d(uri, 1);
        lsp.change(uri, 2, te(0, 0, 0, 0, "\n\n"));
        lsp.d(uri, 2);
        assertEquals(List.of(), lsp.ca(uri, old, List.of("quickfix")).stream().map(CodeAction::getTitle).toList(),
                "their offsets belong to version 1");
    }

    @Test
    void ignoreInThisFileSilencesTheFinding() throws Exception {
        lsp.initialize().open(uri, 1, CREATE + CREATE.replace("notes", "tags"));
        List<Diagnostic> ds = lsp.d(uri, 1);
        CodeAction ignore = lsp.ca(uri, List.of(ds.get(0)), null).stream()
                .filter(a -> a.getTitle().equals("Ignore require-if-not-exists in this file")).findFirst().orElseThrow();
        String ignored = LspSession.apply(CREATE + CREATE.replace("notes", "tags"), ignore);
        assertTrue(ignored.startsWith("-- miglint-ignore-file require-if-not-exists: <reason>\n"), ignored);
        lsp.change(uri, 2, new TextDocumentContentChangeEvent(ignored));
        assertFalse(codes(lsp.d(uri, 2)).contains("require-if-not-exists"));
    }

    @Test
    void fixAllAppliesTheFirstFixOfEveryFindingAsOneEdit() throws Exception {
        String text = CREATE + "CREATE INDEX idx_notes_body ON notes (body);\n";
        lsp.initialize().open(uri, 7, text);
        lsp.d(uri, 7);
        List<CodeAction> actions = lsp.ca(uri, List.of(), List.of("source.fixAll"));
        assertEquals(1, actions.size());
        CodeAction fixAll = actions.get(0);
        assertEquals("source.fixAll.miglint", fixAll.getKind());
        assertEquals(7, fixAll.getEdit().getDocumentChanges().get(0).getLeft().getTextDocument().getVersion());
        assertEquals(1, fixAll.getEdit().getDocumentChanges().get(0).getLeft().getEdits().size());
        String fixed = LspSession.apply(text, fixAll);
        assertEquals("CREATE TABLE IF NOT EXISTS notes (body text);\nCREATE INDEX IF NOT EXISTS idx_notes_body ON notes (body);\n",
                fixed);
    }

    @Test
    void aClientThatPullsGetsDiagnosticsOnRequestAndNoPushes() throws Exception {
        lsp.initialize(true, null).open(uri, 1, CREATE);
        DocumentDiagnosticReport report = lsp.remote.getTextDocumentService()
                .diagnostic(new DocumentDiagnosticParams(new TextDocumentIdentifier(uri)))
                .get(WAIT_MS, TimeUnit.MILLISECONDS);
        List<Diagnostic> items = report.getRelatedFullDocumentDiagnosticReport().getItems();
        assertEquals(List.of("require-if-not-exists"), codes(items));
        lsp.change(uri, 2, te(0, 0, 0, 0, "-- miglint-ignore-file require-if-not-exists: a test\n"));
        report = lsp.remote.getTextDocumentService().diagnostic(new DocumentDiagnosticParams(new TextDocumentIdentifier(uri)))
                .get(WAIT_MS, TimeUnit.MILLISECONDS);
        assertEquals(List.of(), codes(report.getRelatedFullDocumentDiagnosticReport().getItems()));
        assertTrue(lsp.published.isEmpty(), "a pulling client is not pushed diagnostics too");
    }

    @Test
    void requestsThatArriveTogetherShareOneAnalysisOfTheirVersion() throws Exception {
        String big = CREATE.repeat(3000);   // long enough for the requests to overlap
        lsp.initialize(true, null).open(uri, 1, big);
        var text = lsp.remote.getTextDocumentService();
        TextDocumentIdentifier doc = new TextDocumentIdentifier(uri);
        text.diagnostic(new DocumentDiagnosticParams(doc)).get(WAIT_MS, TimeUnit.MILLISECONDS);
        for (int version = 2; version <= 6; version++) {
            lsp.change(uri, version, te(0, 0, 0, 0, "\n"));
            var pulled = text.diagnostic(new DocumentDiagnosticParams(doc));
            var symbols = text.documentSymbol(new DocumentSymbolParams(doc));
            var hover = text.hover(new HoverParams(doc, new Position(3, 3)));
            CompletableFuture.allOf(pulled, symbols, hover).get(WAIT_MS, TimeUnit.MILLISECONDS);
        }
        Thread.sleep(100); // nothing runs behind the requests' backs either
        assertEquals(6, lsp.server.analyses().runs(), "one analysis per version");
    }

    @Test
    void hoverOnAFlaggedRangeExplainsTheRuleWithALink() throws Exception {
        lsp.initialize().open(uri, 1, CREATE);
        lsp.d(uri, 1);
        Hover hover = lsp.remote.getTextDocumentService()
                .hover(new HoverParams(new TextDocumentIdentifier(uri), new Position(0, 5)))
                .get(WAIT_MS, TimeUnit.MILLISECONDS);
        String md = hover.getContents().getRight().getValue();
        assertTrue(md.startsWith("**miglint `require-if-not-exists`**: "), md);
        assertTrue(md.contains("(https://github.com/miglint/miglint/blob/main/docs/rules/require-if-not-exists.md)"), md);
        Hover none = lsp.remote.getTextDocumentService()
                .hover(new HoverParams(new TextDocumentIdentifier(uri), new Position(1, 0)))
                .get(WAIT_MS, TimeUnit.MILLISECONDS);
        assertNull(none);
    }

    @Test
    void changedSettingsRepublishWithTheRuleTurnedOff() throws Exception {
        lsp.initialize(false, JsonParser.parseString("{\"miglint\": {\"rules\": {\"require-if-not-exists\": \"warning\"}}}"))
                .open(uri, 1, CREATE);
        assertEquals(DiagnosticSeverity.Warning, lsp.d(uri, 1).get(0).getSeverity());
        lsp.remote.getWorkspaceService().didChangeConfiguration(new DidChangeConfigurationParams(
                JsonParser.parseString("{\"miglint\": {\"rules\": {\"require-if-not-exists\": \"off\"}}}")));
        lsp.await(uri, ds -> !codes(ds).contains("require-if-not-exists"));
        // A client that sends no settings is asked for them (workspace/configuration).
        lsp.configuration = JsonParser.parseString("{\"rules\": {\"require-if-not-exists\": \"info\"}}").getAsJsonObject();
        lsp.remote.getWorkspaceService().didChangeConfiguration(new DidChangeConfigurationParams(new JsonObject()));
        lsp.await(uri, ds -> ds.size() == 1 && ds.get(0).getSeverity() == DiagnosticSeverity.Information);
    }

    @Test
    void initializationOptionsMayBeTheSettingsThemselves() throws Exception {
        // Helix's `config` and Sublime's `initializationOptions` are sent bare, without the miglint key.
        lsp.initialize(false, JsonParser.parseString("{\"rules\": {\"require-if-not-exists\": \"warning\"}}"))
                .open(uri, 1, CREATE);
        assertEquals(DiagnosticSeverity.Warning, lsp.d(uri, 1).get(0).getSeverity());
    }

    @Test
    void aFeatureThatThrowsIsLoggedAnswersEmptyAndTheServerKeepsServing() throws Exception {
        lsp.initialize().open(uri, 1, CREATE);
        List<Diagnostic> ds = lsp.d(uri, 1);
        lsp.server.getTextDocumentService().addHoverParticipant((analysis, offset) -> {
            throw new IllegalStateException("boom");
        });
        Hover hover = lsp.remote.getTextDocumentService()
                .hover(new HoverParams(new TextDocumentIdentifier(uri), new Position(0, 5)))
                .get(WAIT_MS, TimeUnit.MILLISECONDS);
        assertNull(hover);
        assertTrue(lsp.logged.stream().anyMatch(m -> m.getType() == MessageType.Error && m.getMessage().contains("boom")));
        Diagnostic broken = ds.get(0);
        broken.setData(new JsonObject());   // a client that mangled our data
        assertEquals(List.of(), lsp.ca(uri, List.of(broken), List.of("quickfix")));
        lsp.change(uri, 2, new TextDocumentContentChangeEvent("DROP TABLE notes;\n"));
        assertTrue(codes(lsp.d(uri, 2)).contains("ban-drop-table"));
    }

    @Test
    void aHugeOrBinaryDocumentIsDeclinedWithOneInfoDiagnostic() throws Exception {
        lsp.initialize().open(uri, 1, "SELECT 1;\n".repeat(Analyses.MAX_CHARS / 10 + 1));
        List<Diagnostic> big = lsp.d(uri, 1);
        assertEquals(1, big.size());
        assertEquals(DiagnosticSeverity.Information, big.get(0).getSeverity());
        assertTrue(big.get(0).getMessage().getLeft().startsWith("not analysed: "), big.get(0).getMessage().getLeft());
        String binary = LspSession.uri(dir.resolve("blob.sql"));
        lsp.open(binary, 1, "CREATE TABLE x (\0);");
        assertTrue(lsp.d(binary, 1).get(0).getMessage().getLeft().contains("binary"));
    }

    @Test
    void shutdownThenExitEndsWithCodeZero() throws Exception {
        lsp.initialize();
        lsp.remote.shutdown().get(WAIT_MS, TimeUnit.MILLISECONDS);
        lsp.remote.exit();
        long until = System.currentTimeMillis() + WAIT_MS;
        while (lsp.exitCode.get() < 0 && System.currentTimeMillis() < until) {
            Thread.sleep(5);
        }
        assertEquals(0, lsp.exitCode.get());
        assertNotNull(lsp.server);
    }
}
