package dev.miglint.cli;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.miglint.rules.Rules;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ReportersTest {

    @TempDir
    Path dir;

    private Path write(String name, String text) throws IOException {
        Path file = dir.resolve(name);
        Files.createDirectories(file.getParent());
        Files.writeString(file, text, StandardCharsets.UTF_8);
        return file;
    }

    /** The SARIF report of {@code dir}, with URIs relative to {@code dir} as if miglint ran there. */
    private JsonObject sarifRun() throws SourceFiles.UsageError {
        List<FileResult> results = ProjectRun.analyze(List.of(dir.toString()), new dev.miglint.project.ProjectService(
                new dev.miglint.project.ConfigResolver(), dev.miglint.project.ProjectService.Mode.RUN));
        StringWriter out = new StringWriter();
        new SarifReporter(dir).report(results, new PrintWriter(out));
        JsonObject log = JsonParser.parseString(out.toString()).getAsJsonObject();
        assertEquals("2.1.0", log.get("version").getAsString());
        assertTrue(log.get("$schema").getAsString().contains("sarif-2.1.0"), log.get("$schema").toString());
        assertEquals(1, log.getAsJsonArray("runs").size());
        return log.getAsJsonArray("runs").get(0).getAsJsonObject();
    }

    private static JsonObject region(JsonObject result) {
        return result.getAsJsonArray("locations").get(0).getAsJsonObject()
                .getAsJsonObject("physicalLocation").getAsJsonObject("region");
    }

    @Test
    void sarifListsEveryRuleAndPointsEachResultAtItsDescriptor() throws Exception {
        write("V1.sql", "ALTER TABLE users DROP COLUMN email;\n");

        JsonObject run = sarifRun();

        JsonObject driver = run.getAsJsonObject("tool").getAsJsonObject("driver");
        assertEquals("miglint", driver.get("name").getAsString());
        assertEquals(Main.VERSION, driver.get("version").getAsString());
        JsonArray rules = driver.getAsJsonArray("rules");
        assertEquals(Rules.ALL.size(), rules.size());
        JsonObject result = run.getAsJsonArray("results").get(0).getAsJsonObject();
        assertEquals("ban-drop-column", result.get("ruleId").getAsString());
        JsonObject rule = rules.get(result.get("ruleIndex").getAsInt()).getAsJsonObject();
        assertEquals("ban-drop-column", rule.get("id").getAsString());
        assertEquals(Rules.byId("ban-drop-column").orElseThrow().info().summary(),
                rule.getAsJsonObject("shortDescription").get("text").getAsString());
        assertEquals("https://github.com/miglint/miglint/blob/main/docs/rules/ban-drop-column.md",
                rule.get("helpUri").getAsString());
        assertEquals("error", rule.getAsJsonObject("defaultConfiguration").get("level").getAsString());
        assertEquals("error", result.get("level").getAsString());
        assertFalse(result.has("fixes"), "ban-drop-column has no fix");
    }

    @Test
    void sarifRegionsAreOneBasedUtf16AndUrisRelativeAndPercentEncoded() throws Exception {
        write("a dir/V1 café.sql", "-- 😀 é\n  CREATE SCHEMA app;\n");

        JsonObject run = sarifRun();

        assertEquals("utf16CodeUnits", run.get("columnKind").getAsString());
        JsonObject result = run.getAsJsonArray("results").get(0).getAsJsonObject();
        JsonObject artifact = result.getAsJsonArray("locations").get(0).getAsJsonObject()
                .getAsJsonObject("physicalLocation").getAsJsonObject("artifactLocation");
        assertEquals("a%20dir/V1%20caf%C3%A9.sql", artifact.get("uri").getAsString());
        assertEquals("%SRCROOT%", artifact.get("uriBaseId").getAsString());
        JsonObject region = region(result);
        assertEquals(2, region.get("startLine").getAsInt());
        assertEquals(3, region.get("startColumn").getAsInt());
        assertEquals(2, region.get("endLine").getAsInt());
        assertEquals(21, region.get("endColumn").getAsInt());
        assertTrue(run.getAsJsonObject("originalUriBaseIds").getAsJsonObject("%SRCROOT%").get("uri").getAsString()
                .endsWith("/"));
    }

    @Test
    void sarifFixReplacesAnInsertionPointWithTheRuleText() throws Exception {
        write("V1.sql", "CREATE SCHEMA app;\n");

        JsonObject result = sarifRun().getAsJsonArray("results").get(0).getAsJsonObject();

        JsonObject change = result.getAsJsonArray("fixes").get(0).getAsJsonObject()
                .getAsJsonArray("artifactChanges").get(0).getAsJsonObject();
        assertEquals("V1.sql", change.getAsJsonObject("artifactLocation").get("uri").getAsString());
        JsonObject replacement = change.getAsJsonArray("replacements").get(0).getAsJsonObject();
        JsonObject deleted = replacement.getAsJsonObject("deletedRegion");
        assertEquals(1, deleted.get("startLine").getAsInt());
        assertEquals(deleted.get("startColumn"), deleted.get("endColumn"), "an insertion deletes nothing");
        assertTrue(replacement.getAsJsonObject("insertedContent").get("text").getAsString().contains("IF NOT EXISTS"));
    }

    @Test
    void sarifLinksTheDocsOfEveryRuleItReportsWhateverItsKind() throws Exception {
        write("alembic/env.py", "");
        String revision = "from alembic import op\n\nrevision = '%s'\ndown_revision = %s\n\n\ndef upgrade():\n    pass\n";
        write("alembic/versions/a1.py", revision.formatted("a1", "None"));
        write("alembic/versions/b2.py", revision.formatted("b2", "'a1'"));
        write("alembic/versions/c3.py", revision.formatted("c3", "'a1'"));
        write("drizzle/meta/_journal.json", "{\"version\":\"7\",\"dialect\":\"postgresql\",\"entries\":[]}");
        write("drizzle/0000_init.sql", "-- miglint-ignore no-such-rule: typo\nCREATE TABLE IF NOT EXISTS a (id uuid PRIMARY KEY);\n");

        JsonObject run = sarifRun();

        JsonArray rules = run.getAsJsonObject("tool").getAsJsonObject("driver").getAsJsonArray("rules");
        java.util.Set<String> reported = new java.util.TreeSet<>();
        run.getAsJsonArray("results").forEach(r -> reported.add(r.getAsJsonObject().get("ruleId").getAsString()));
        assertTrue(reported.containsAll(List.of("alembic-multiple-heads", "drizzle-journal-mismatch", "invalid-ignore")),
                reported.toString());
        for (var rule : rules) {
            JsonObject r = rule.getAsJsonObject();
            assertTrue(r.has("helpUri") && r.get("helpUri").getAsString().endsWith("/docs/rules/" + r.get("id").getAsString() + ".md"),
                    "no docs link for " + r.get("id"));
        }
        assertEquals(dev.miglint.rules.Rules.ALL.size(), rules.size(), "every rule of the catalogue is described");
    }

    @Test
    void sarifGivesFrontEndFindingsADescriptorToo() throws Exception {
        write("V1.sql", "SELECT 'never closed;\n");

        JsonObject run = sarifRun();

        JsonObject result = run.getAsJsonArray("results").get(0).getAsJsonObject();
        assertEquals("unterminated-literal", result.get("ruleId").getAsString());
        assertEquals("warning", result.get("level").getAsString());
        JsonObject rule = run.getAsJsonObject("tool").getAsJsonObject("driver").getAsJsonArray("rules")
                .get(result.get("ruleIndex").getAsInt()).getAsJsonObject();
        assertEquals("unterminated-literal", rule.get("id").getAsString());
    }

    @Test
    void githubAnnotationsCarryRangeRuleAndSeverity() throws IOException {
        Path file = write("V1.sql", "SELECT 1;\n  CREATE SCHEMA app;\nSELECT 'open;\n");

        CliRun run = CliRun.of("check", "--format", "github", file.toString());

        assertEquals(1, run.exitCode(), run.err());
        String path = GithubReporter.property(file.toString());
        assertEquals("::error file=" + path + ",line=2,col=3,endLine=2,endColumn=21,title=require-if-not-exists"
                + "::CREATE SCHEMA app fails when the migration runs again: add IF NOT EXISTS [require-if-not-exists]",
                run.outLines().get(0));
        assertTrue(run.outLines().get(1).startsWith("::warning file="), run.out());
        assertEquals("1 error, 1 warning, 0 infos in 1 file (3 statements)", run.outLines().get(2));
    }

    @Test
    void githubEscapesPercentNewlinesAndPropertySeparators() {
        assertEquals("100%25 a%0D%0Ab: c, d", GithubReporter.data("100% a\r\nb: c, d"));
        assertEquals("dir%2C x/a%3Ab%25.sql", GithubReporter.property("dir, x/a:b%.sql"));
    }
}
