package dev.miglint.corpus;

import dev.miglint.change.Change;
import dev.miglint.change.Change.CreateTable;
import dev.miglint.change.Change.DoBlock;
import dev.miglint.change.Change.PlStatement;
import dev.miglint.change.Change.Privilege;
import dev.miglint.change.Change.Truncate;
import dev.miglint.change.Change.Unrecognized;
import dev.miglint.rules.Analyzer;
import dev.miglint.rules.Finding;
import dev.miglint.sql.SqlFile;
import dev.miglint.sql.syntax.SqlLexer;
import dev.miglint.sql.syntax.Statement;
import dev.miglint.sql.syntax.Token;
import dev.miglint.sql.syntax.TokenKind;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The real-world corpus in ../shared/corpus as a test: see its SOURCES.md for what is in it. */
class CorpusTest {

    private static final Set<TokenKind> OPAQUE = Set.of(TokenKind.STRING, TokenKind.DOLLAR_STRING,
            TokenKind.LINE_COMMENT, TokenKind.BLOCK_COMMENT);

    private static Path corpus;
    /** Text of every .sql file, BOM stripped, in path order. */
    private static final Map<Path, String> texts = new LinkedHashMap<>();
    /** Files that parsed; a file whose parse throws is missing here and reported by its own test. */
    private static final Map<Path, SqlFile> parsed = new LinkedHashMap<>();

    @BeforeAll
    static void loadCorpus() throws IOException {
        corpus = locate();
        if (corpus == null) {
            String message = "corpus not found (system property miglint.corpus or ../shared/corpus): "
                    + "CorpusTest skipped";
            System.out.println(message);
            Assumptions.assumeTrue(false, message);
        }
        try (Stream<Path> walk = Files.walk(corpus)) {
            // One langfuse directory is itself named *.sql: regular files only.
            for (Path p : walk.filter(Files::isRegularFile).filter(p -> p.toString().endsWith(".sql")).sorted()
                    .toList()) {
                texts.put(p, read(p));
            }
        }
        texts.forEach((path, text) -> {
            try {
                parsed.put(path, SqlFile.parse(text));
            } catch (RuntimeException e) {
                // everyFileParsesAndAnalysesWithoutException names it
            }
        });
    }

    private static Path locate() {
        String property = System.getProperty("miglint.corpus");
        if (property != null && Files.isDirectory(Path.of(property))) {
            return Path.of(property).normalize();
        }
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.isRegularFile(dir.resolve("rules/pom.xml"))) {
                Path candidate = dir.resolve("../shared/corpus").normalize();
                return Files.isDirectory(candidate) ? candidate : null;
            }
        }
        return null;
    }

    private static String read(Path p) {
        try {
            String text = Files.readString(p);
            return !text.isEmpty() && text.charAt(0) == '\uFEFF' ? text.substring(1) : text;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String name(Path p) {
        return corpus.relativize(p).toString();
    }

    @Test
    void corpusHasTheSqlFilesSourcesMdLists() {
        assertEquals(1161, texts.size(), "SOURCES.md counts 1,161 .sql files");
    }

    @Test
    void everyFileParsesAndAnalysesWithoutException() {
        List<String> failures = new ArrayList<>();
        Analyzer analyzer = Analyzer.withAllRules();
        texts.forEach((path, text) -> {
            try {
                List<Finding> internal = analyzer.analyze(SqlFile.parse(text)).findings().stream()
                        .filter(f -> f.rule().equals(Analyzer.INTERNAL_ERROR)).toList();
                internal.forEach(f -> failures.add(name(path) + ": " + f.message()));
            } catch (RuntimeException | StackOverflowError e) {
                failures.add(name(path) + ": " + e);
            }
        });
        assertTrue(failures.isEmpty(), () -> failures.size() + " failures:\n" + String.join("\n", failures));
    }

    @Test
    void noUnterminatedLiteralIsReportedOnTheCorpus() {
        List<String> reported = new ArrayList<>();
        Analyzer analyzer = Analyzer.withAllRules();
        parsed.forEach((path, file) -> analyzer.analyze(file).findings().stream()
                .filter(f -> f.rule().equals(Analyzer.LEX_PROBLEM))
                .forEach(f -> reported.add(name(path) + " @" + f.range().start() + ": " + f.message())));
        assertTrue(reported.isEmpty(), () -> String.join("\n", reported));
    }

    @Test
    void noStatementBoundaryFallsInsideAStringCommentOrDollarQuote() {
        List<String> bad = new ArrayList<>();
        parsed.forEach((path, file) -> {
            List<Token> opaque = SqlLexer.lex(file.text()).tokens().stream()
                    .filter(t -> OPAQUE.contains(t.kind())).toList();
            for (Statement s : file.statements()) {
                for (int offset : new int[]{s.span().start(), s.span().end()}) {
                    Token inside = strictlyInside(opaque, offset);
                    if (inside != null) {
                        bad.add(name(path) + " @" + offset + " inside " + inside.kind() + " at " + inside.start());
                    }
                }
            }
        });
        assertTrue(bad.isEmpty(), () -> bad.size() + " boundaries:\n" + String.join("\n", bad));
    }

    /** The token (sorted, non-overlapping) with start < offset < end, or null. */
    private static Token strictlyInside(List<Token> tokens, int offset) {
        int lo = 0;
        int hi = tokens.size() - 1;
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            Token t = tokens.get(mid);
            if (t.end() <= offset) {
                lo = mid + 1;
            } else if (t.start() >= offset) {
                hi = mid - 1;
            } else {
                return t;
            }
        }
        return null;
    }

    @Test
    void aCommentAfterASemicolonOnTheSameLineIsNotALeadingComment() {
        List<String> bad = new ArrayList<>();
        parsed.forEach((path, file) -> {
            List<Statement> statements = file.statements();
            for (int i = 1; i < statements.size(); i++) {
                int previousEnd = statements.get(i - 1).span().end();
                for (Token c : statements.get(i).leadingComments()) {
                    String between = file.text().substring(previousEnd, c.start());
                    if (c.start() >= previousEnd && !between.contains("\n") && !between.contains("\r")) {
                        bad.add(name(path) + " @" + c.start());
                    }
                }
            }
        });
        assertTrue(bad.isEmpty(), () -> String.join("\n", bad));
    }

    @Test
    void fewerThanHalfAPercentOfStatementsAreUnrecognized() {
        int statements = 0;
        Map<String, List<String>> unrecognized = new TreeMap<>();
        for (Map.Entry<Path, SqlFile> entry : parsed.entrySet()) {
            Map<Statement, Boolean> understood = new IdentityHashMap<>();
            for (Change change : entry.getValue().allChanges()) {
                String reason = unrecognizedReason(change);
                boolean ok = reason == null;
                understood.merge(change.statement(), ok, Boolean::logicalAnd);
                if (!ok) {
                    unrecognized.computeIfAbsent(reason, r -> new ArrayList<>()).add(name(entry.getKey()));
                }
            }
            statements += understood.size();
        }
        int failed = unrecognized.values().stream().mapToInt(List::size).sum();
        double share = 100.0 * failed / statements;
        System.out.printf("corpus: %d files, %d statements (DO bodies included), %d unrecognized: "
                + "coverage %.2f %%%n", parsed.size(), statements, failed, 100 - share);
        unrecognized.forEach((reason, where) -> System.out.printf("  %4d  %s  (e.g. %s)%n", where.size(), reason,
                where.get(0)));
        assertTrue(share < 0.5, String.format("%.2f %% unrecognized", share));
    }

    private static String unrecognizedReason(Change change) {
        if (change instanceof Unrecognized u) {
            return u.reason();
        }
        if (change instanceof PlStatement p && p.command().startsWith("UNKNOWN")) {
            return "DO body: " + p.command();
        }
        return null;
    }

    // ---- facts from SOURCES.md, each counted without the code under test ----

    private static final Pattern GRANT_TRUNCATE = Pattern.compile("(?im)^\\s*grant\\s+truncate\\b");

    @Test
    void quivrGrantTruncateStatementsArePrivilegesNotTruncates() {
        int expected = 0;
        int privileges = 0;
        for (Map.Entry<Path, SqlFile> entry : filesUnder("supabase/quivr").entrySet()) {
            expected += (int) GRANT_TRUNCATE.matcher(entry.getValue().text()).results().count();
            for (Change c : entry.getValue().allChanges()) {
                boolean grantTruncate = GRANT_TRUNCATE.matcher(c.statement().text()).lookingAt();
                if (grantTruncate) {
                    assertInstanceOf(Privilege.class, c, () -> name(entry.getKey()) + ": " + c);
                    privileges++;
                }
                assertFalse(c instanceof Truncate && grantTruncate);
            }
        }
        assertTrue(expected > 0, "quivr has grant truncate statements");
        assertEquals(expected, privileges);
    }

    @Test
    void drizzleBreakpointFilesSplitIntoOneStatementPerChunk() {
        int files = 0;
        List<String> wrong = new ArrayList<>();
        for (Map.Entry<Path, SqlFile> entry : filesUnder("drizzle").entrySet()) {
            String text = entry.getValue().text();
            if (!text.contains("--> statement-breakpoint")) {
                continue;
            }
            files++;
            int expected = expectedDrizzleStatements(text);
            int actual = entry.getValue().statements().size();
            if (expected != actual) {
                wrong.add(name(entry.getKey()) + ": expected " + expected + ", got " + actual);
            }
        }
        assertEquals(85, files, "SOURCES.md: 85 files with breakpoints");
        assertTrue(wrong.isEmpty(), () -> String.join("\n", wrong));
    }

    private static final Pattern DOLLAR_BODY = Pattern.compile("(?s)\\$\\$.*?\\$\\$");

    /**
     * Per chunk between markers, one statement per line ending in ';' once $$ bodies are blanked out
     * (a few hand-written chunks hold several statements), and at least one.
     */
    private static int expectedDrizzleStatements(String text) {
        int count = 0;
        for (String chunk : text.split("--> statement-breakpoint")) {
            if (chunk.isBlank()) {
                continue;
            }
            String flat = DOLLAR_BODY.matcher(chunk).replaceAll("X");
            long ends = flat.lines().map(String::strip).filter(l -> !l.startsWith("--") && l.endsWith(";")).count();
            count += (int) Math.max(1, ends);
        }
        return count;
    }

    private static final Pattern HANDLER = Pattern.compile("(?i)\\bEXCEPTION\\s+WHEN\\b");

    @Test
    void drizzleDoBlocksAreRecognisedWithTheirInnerStatements() {
        Pattern doLine = Pattern.compile("(?im)^DO \\$\\$");
        int expected = 0;
        int blocks = 0;
        for (SqlFile file : filesUnder("drizzle").values()) {
            expected += (int) doLine.matcher(file.text()).results().count();
            for (Change c : file.changes()) {
                if (c instanceof DoBlock block) {
                    blocks++;
                    assertFalse(block.inner().isEmpty(), () -> "empty DO body: " + block.statement().text());
                    if (HANDLER.matcher(block.statement().text()).find()) {
                        assertTrue(block.handlers().contains("duplicate_object"), block.statement()::text);
                    }
                }
            }
        }
        assertTrue(expected > 0);
        assertEquals(expected, blocks);
    }

    @Test
    void onlyDeclarativePartitioningCountsAsPartitioning() {
        Pattern declarative = Pattern.compile("(?i)\\)\\s*PARTITION\\s+BY\\s+(RANGE|LIST|HASH)\\b");
        int expected = 0;
        int partitioned = 0;
        for (SqlFile file : parsed.values()) {
            expected += (int) declarative.matcher(file.text()).results().count();
            for (Change c : file.allChanges()) {
                if (c instanceof CreateTable t && t.partitionBy() != null) {
                    partitioned++;
                }
            }
        }
        assertEquals(5, expected, "SOURCES.md: gisia and lago; the langfuse hits are window functions");
        assertEquals(expected, partitioned);
    }

    @Test
    void crlfFileParsesLikeAnyOther() {
        List<Path> crlf = texts.entrySet().stream().filter(e -> e.getValue().contains("\r\n")).map(Map.Entry::getKey)
                .toList();
        assertEquals(1, crlf.size(), "SOURCES.md: one CRLF file (openremote)");
        SqlFile file = parsed.get(crlf.get(0));
        assertTrue(file.problems().isEmpty());
        for (Statement s : file.statements()) {
            assertFalse(s.text().endsWith("\r"), s::text);
        }
    }

    private static Map<Path, SqlFile> filesUnder(String folder) {
        Path root = corpus.resolve(folder);
        Map<Path, SqlFile> selected = new LinkedHashMap<>();
        parsed.forEach((path, file) -> {
            if (path.startsWith(root)) {
                selected.put(path, file);
            }
        });
        return Collections.unmodifiableMap(selected);
    }
}
