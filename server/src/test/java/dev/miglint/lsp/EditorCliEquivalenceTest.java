package dev.miglint.lsp;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.miglint.cli.Main;
import dev.miglint.project.ConfigResolver;
import dev.miglint.project.FileReport;
import dev.miglint.project.ProjectService;
import org.eclipse.lsp4j.Diagnostic;
import org.eclipse.lsp4j.DocumentDiagnosticParams;
import org.eclipse.lsp4j.DocumentDiagnosticReport;
import org.eclipse.lsp4j.TextDocumentIdentifier;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The editor and CI give the same findings for every file: for each project of the shared corpus,
 * {@code miglint check <project>} (the CLI, JSON) against the diagnostics an in-process pulling client
 * gets for every file it opens, and against {@code miglint check <that one file>} for a sample of
 * files ({@code -Dmiglint.equivalence.everyFile=true}: every file). {@code -Dmiglint.equivalence.extra=<folder>}
 * adds every sub-folder of that folder as a project (the unseen validation set).
 */
class EditorCliEquivalenceTest {

    /** Single-file checks replay the file's whole history each: a sample per project keeps the test quick. */
    private static final int SINGLE_FILE_SAMPLE = 12;

    @TestFactory
    Stream<DynamicTest> everyFileGetsTheSameFindingsFromTheEditorTheFolderCheckAndTheOneFileCheck() throws IOException {
        List<Path> projects = projects();
        Assumptions.assumeFalse(projects.isEmpty(), "no ../shared/corpus beside the checkout");
        return projects.stream().map(p -> DynamicTest.dynamicTest(p.getParent().getFileName() + "/" + p.getFileName(),
                () -> compare(p)));
    }

    private static List<Path> projects() throws IOException {
        List<Path> out = new ArrayList<>();
        Path corpus = corpus();
        if (corpus != null) {
            try (Stream<Path> kinds = Files.list(corpus)) {
                for (Path kind : kinds.filter(Files::isDirectory).sorted().toList()) {
                    try (Stream<Path> ps = Files.list(kind)) {
                        ps.filter(Files::isDirectory).sorted().forEach(out::add);
                    }
                }
            }
        }
        String extra = System.getProperty("miglint.equivalence.extra");
        if (extra != null) {
            try (Stream<Path> ps = Files.list(Path.of(extra))) {
                ps.filter(Files::isDirectory).sorted().forEach(out::add);
            }
        }
        return out;
    }

    private static Path corpus() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.isRegularFile(dir.resolve("rules/pom.xml"))) {
                Path candidate = dir.resolve("../shared/corpus").normalize();
                return Files.isDirectory(candidate) ? candidate : null;
            }
        }
        return null;
    }

    private static void compare(Path project) throws Exception {
        Map<Path, List<String>> folder = check(project.toString());
        List<Path> files = new ProjectService(new ConfigResolver(), ProjectService.Mode.RUN)
                .analyze(List.of(project)).stream().map(FileReport::path).toList();
        assertTrue(!files.isEmpty(), "no files found in " + project);

        List<String> differences = new ArrayList<>();
        try (LspSession lsp = new LspSession()) {
            lsp.initializePulling(project);
            for (Path file : files) {
                String uri = LspSession.uri(file);
                String text = Files.readString(file, StandardCharsets.UTF_8);
                if (text.startsWith("\uFEFF")) {
                    text = text.substring(1); // editors drop the BOM too
                }
                lsp.open(uri, 1, text);
                List<String> editor = keys(pull(lsp, uri));
                List<String> cli = folder.getOrDefault(file, List.of());
                if (!editor.equals(cli)) {
                    differences.add(project.relativize(file) + ": editor " + editor + " but check " + cli);
                }
                lsp.close(uri);
            }
        }
        boolean every = Boolean.getBoolean("miglint.equivalence.everyFile");
        int step = every ? 1 : Math.max(1, files.size() / SINGLE_FILE_SAMPLE);
        for (int i = 0; i < files.size(); i += step) {
            Path file = files.get(i);
            List<String> alone = check(file.toString()).getOrDefault(file, List.of());
            List<String> inFolder = folder.getOrDefault(file, List.of());
            if (!alone.equals(inFolder)) {
                differences.add(project.relativize(file) + ": check <file> " + alone + " but check <folder> " + inFolder);
            }
        }
        assertEquals(List.of(), differences, differences.size() + " of " + files.size() + " files differ");
    }

    /** What {@code miglint check --format json <path>} reports, by file, as comparable keys. */
    private static Map<Path, List<String>> check(String path) {
        StringWriter out = new StringWriter();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        try (PrintWriter writer = new PrintWriter(out);
             PrintStream errStream = new PrintStream(err, true, StandardCharsets.UTF_8)) {
            int code = Main.run(List.of("check", "--format", "json", path), writer, errStream);
            writer.flush();
            assertTrue(code == 0 || code == 1, "check " + path + " exited " + code + ": " + err);
        }
        Map<Path, List<String>> byFile = new TreeMap<>();
        JsonObject json = JsonParser.parseString(out.toString()).getAsJsonObject();
        for (JsonElement e : json.getAsJsonArray("findings")) {
            JsonObject f = e.getAsJsonObject();
            JsonObject range = f.getAsJsonObject("range");
            String key = f.get("rule").getAsString() + " " + f.get("severity").getAsString() + " "
                    + position(range.getAsJsonObject("start")) + "-" + position(range.getAsJsonObject("end")) + " "
                    + f.get("message").getAsString();
            byFile.computeIfAbsent(Path.of(f.get("file").getAsString()).toAbsolutePath().normalize(),
                    k -> new ArrayList<>()).add(key);
        }
        return byFile;
    }

    private static String position(JsonObject p) {
        return p.get("line").getAsInt() + ":" + p.get("character").getAsInt();
    }

    private static List<Diagnostic> pull(LspSession lsp, String uri) throws Exception {
        DocumentDiagnosticReport report = lsp.remote.getTextDocumentService()
                .diagnostic(new DocumentDiagnosticParams(new TextDocumentIdentifier(uri)))
                .get(LspSession.WAIT_MS, TimeUnit.MILLISECONDS);
        return report.getLeft().getItems();
    }

    private static List<String> keys(List<Diagnostic> diagnostics) {
        List<String> out = new ArrayList<>();
        for (Diagnostic d : diagnostics) {
            String severity = switch (d.getSeverity()) {
                case Error -> "error";
                case Warning -> "warning";
                default -> "info";
            };
            out.add(DiagnosticConverter.code(d) + " " + severity + " " + d.getRange().getStart().getLine() + ":"
                    + d.getRange().getStart().getCharacter() + "-" + d.getRange().getEnd().getLine() + ":"
                    + d.getRange().getEnd().getCharacter() + " " + (d.getMessage().isLeft() ? d.getMessage().getLeft() : d.getMessage().getRight().getValue()));
        }
        return out;
    }
}
