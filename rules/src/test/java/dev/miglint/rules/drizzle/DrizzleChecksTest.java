package dev.miglint.rules.drizzle;

import dev.miglint.drizzle.DrizzleSnapshot;
import dev.miglint.rules.Finding;
import dev.miglint.rules.Severity;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Small folders of both layouts, written to a temporary directory, one scenario per test. */
class DrizzleChecksTest {

    @TempDir
    Path dir;

    // ---- building folders

    private void write(String relative, String text) {
        try {
            Path p = dir.resolve(relative);
            Files.createDirectories(p.getParent());
            Files.writeString(p, text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String entry(int idx, long when, String tag) {
        return "    {\n      \"idx\": " + idx + ",\n      \"version\": \"7\",\n      \"when\": " + when
                + ",\n      \"tag\": \"" + tag + "\",\n      \"breakpoints\": true\n    }";
    }

    /** A journal with entries given as tag, when, tag, when … */
    private void journal(Object... tagsAndWhens) {
        List<String> entries = new ArrayList<>();
        for (int i = 0; i < tagsAndWhens.length; i += 2) {
            entries.add(entry(i / 2, ((Number) tagsAndWhens[i + 1]).longValue(), (String) tagsAndWhens[i]));
        }
        write("meta/_journal.json", "{\n  \"version\": \"7\",\n  \"dialect\": \"postgresql\",\n  \"entries\": [\n"
                + String.join(",\n", entries) + "\n  ]\n}");
    }

    private static String snapshot(String id, String prevKey, String prevValue) {
        return "{\n  \"id\": \"" + id + "\",\n  \"" + prevKey + "\": " + prevValue
                + ",\n  \"version\": \"7\",\n  \"dialect\": \"postgresql\",\n  \"tables\": {}\n}";
    }

    private void flatSnapshot(String number, String id, String prevId) {
        write("meta/" + number + "_snapshot.json", snapshot(id, "prevId", "\"" + prevId + "\""));
    }

    private void folderSnapshot(String tag, String id, String... prevIds) {
        String list = Arrays.stream(prevIds).map(p -> "\"" + p + "\"").collect(Collectors.joining(", "));
        write(tag + "/snapshot.json", snapshot(id, "prevIds", "[" + list + "]"));
    }

    private static final String ROOT = DrizzleSnapshot.ROOT_ID;

    /** A consistent 0.x folder of three migrations. */
    private void flatFolder() {
        write("0000_a.sql", "CREATE TABLE a (id int);\n");
        write("0001_b.sql", "CREATE TABLE b (id int);\n");
        write("0002_c.sql", "CREATE TABLE c (id int);\n");
        journal("0000_a", 100, "0001_b", 200, "0002_c", 300);
        flatSnapshot("0000", "id-a", ROOT);
        flatSnapshot("0001", "id-b", "id-a");
        flatSnapshot("0002", "id-c", "id-b");
    }

    // ---- reading findings

    /** Each finding as "file rule severity «text under its span»". */
    private List<String> findings() {
        List<String> out = new ArrayList<>();
        for (Map.Entry<Path, List<Finding>> e : DrizzleChecks.check(dir).entrySet()) {
            String text = read(e.getKey());
            for (Finding f : e.getValue()) {
                out.add(dir.relativize(e.getKey()).toString().replace('\\', '/') + " " + f.rule() + " "
                        + f.severity().label() + " «" + f.range().text(text) + "»");
            }
        }
        return out;
    }

    private List<Finding> all() {
        return DrizzleChecks.check(dir).values().stream().flatMap(List::stream).toList();
    }

    private static String read(Path p) {
        try {
            return Files.isRegularFile(p) ? Files.readString(p) : "";
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    // ---- 0.x layout

    @Test
    void aConsistentFlatFolderHasNoFinding() {
        flatFolder();
        assertEquals(List.of(), findings());
    }

    @Test
    void aSqlFileMissingFromTheJournalIsReportedOnItsFirstLine() {
        flatFolder();
        write("0003_d.sql", "CREATE TABLE d (id int);\n--> statement-breakpoint\nSELECT 1;\n");
        assertEquals(List.of("0003_d.sql drizzle-journal-mismatch error «CREATE TABLE d (id int);»"), findings());
        assertTrue(all().get(0).message().contains("meta/_journal.json"), all().get(0).message());
    }

    @Test
    void aJournalEntryWithoutItsFileIsReportedOnTheEntry() {
        flatFolder();
        journal("0000_a", 100, "0001_b", 200, "0002_c", 300, "0003_gone", 400);
        List<String> found = findings();
        assertEquals(1, found.size(), "its missing snapshot is not reported as well: " + found);
        assertTrue(found.get(0).startsWith("meta/_journal.json drizzle-journal-mismatch error «{\n      \"idx\": 3,"),
                found.get(0));
        assertTrue(found.get(0).endsWith("}»") && found.get(0).contains("0003_gone"), found.get(0));
    }

    @Test
    void twoFilesWithOneNumberEachNameTheOther() {
        flatFolder();
        write("0001_twin.sql", "ALTER TABLE a ADD COLUMN x int;\n");
        List<Finding> twin = DrizzleChecks.check(dir).get(dir.resolve("0001_twin.sql"));
        List<Finding> b = DrizzleChecks.check(dir).get(dir.resolve("0001_b.sql"));
        assertEquals(2, twin.size(), "not in the journal, and a duplicate: " + twin);
        assertEquals(1, b.size(), b.toString());
        assertTrue(b.get(0).message().contains("0001_twin.sql"), b.get(0).message());
        assertTrue(twin.stream().anyMatch(f -> f.message().contains("same number 0001 as 0001_b.sql")), twin.toString());
    }

    @Test
    void aWhenNotLaterThanTheLatestBeforeItIsReportedOnTheWhenValue() {
        flatFolder();
        write("0003_d.sql", "SELECT 1;\n");
        flatSnapshot("0003", "id-d", "id-c");
        // 0003's 300 is later than its neighbour's 200 but not than 0001's 300: still skipped by the migrator
        journal("0000_a", 100, "0001_b", 300, "0002_c", 200, "0003_d", 300);
        List<String> found = findings();
        assertEquals(List.of("meta/_journal.json drizzle-journal-order error «200»",
                "meta/_journal.json drizzle-journal-order error «300»"), found);
        assertTrue(all().get(1).message().contains("0001_b") && all().get(1).message().contains("0003_d"));
    }

    @Test
    void aPrevIdThatIsNotThePreviousSnapshotsIdIsReportedOnThePrevId() {
        flatFolder();
        flatSnapshot("0002", "id-c", "id-a");
        assertEquals(List.of("meta/0002_snapshot.json drizzle-snapshot-chain warning «\"id-a\"»"), findings());
        assertTrue(all().get(0).message().contains("0001_snapshot.json (id-b)"), all().get(0).message());
    }

    @Test
    void missingSnapshotsAreOneInfoOnTheJournalWhenTheLatestIsKept() throws IOException {
        flatFolder();
        write("0003_d.sql", "SELECT 1;\n");
        journal("0000_a", 100, "0001_b", 200, "0002_c", 300, "0003_d", 400);
        flatSnapshot("0003", "id-d", "id-x"); // its predecessor 0002 is gone: nothing to compare with
        Files.delete(dir.resolve("meta/0001_snapshot.json"));
        Files.delete(dir.resolve("meta/0002_snapshot.json"));
        List<String> found = findings();
        assertEquals(1, found.size(), found.toString());
        assertTrue(found.get(0).startsWith("meta/_journal.json drizzle-snapshot-chain info «{\n      \"idx\": 1,"),
                found.get(0));
        assertTrue(all().get(0).message().startsWith("2 of 4 migrations have no snapshot"), all().get(0).message());
    }

    @Test
    void aMalformedJournalIsOneFindingOnTheJournal() {
        flatFolder();
        write("meta/_journal.json", "{\n  \"entries\": [\n    {\"tag\": \"0000_a\",}\n  ]\n}");
        List<Finding> found = DrizzleChecks.check(dir).get(dir.resolve("meta/_journal.json"));
        assertEquals(1, found.size(), found.toString());
        assertEquals("drizzle-journal-mismatch", found.get(0).rule());
        assertTrue(found.get(0).message().contains("not valid JSON"), found.get(0).message());
        assertEquals(List.of(dir.resolve("meta/_journal.json")), List.copyOf(DrizzleChecks.check(dir).keySet()),
                "no file is called unlisted because of it");
    }

    @Test
    void aMalformedSnapshotIsAChainWarningOnIt() {
        flatFolder();
        write("meta/0001_snapshot.json", "{\"id\": \"id-b\", \"prevId\": }");
        List<String> found = findings();
        assertEquals(1, found.size(), found.toString());
        assertTrue(found.get(0).startsWith("meta/0001_snapshot.json drizzle-snapshot-chain warning «}»"),
                found.get(0));
    }

    @Test
    void aFlatFolderWithoutAJournalIsReportedOnce() {
        write("0000_a.sql", "SELECT 1;\n");
        write("0001_b.sql", "SELECT 2;\n");
        List<String> found = findings();
        assertEquals(List.of("0000_a.sql drizzle-journal-mismatch error «SELECT 1;»",
                "0000_a.sql drizzle-snapshot-chain warning «SELECT 1;»"), found);
        assertTrue(all().get(1).message().startsWith("2 of 2 migrations have no snapshot"), all().get(1).message());
    }

    // ---- folder layout

    /** A consistent newer-layout folder of three migrations, no journal. */
    private void folderLayout() {
        write("20250101000000_a/migration.sql", "CREATE TABLE a (id int);\n");
        write("20250102000000_b/migration.sql", "CREATE TABLE b (id int);\n");
        write("20250103000000_c/migration.sql", "CREATE TABLE c (id int);\n");
        folderSnapshot("20250101000000_a", "id-a", ROOT);
        folderSnapshot("20250102000000_b", "id-b", "id-a");
        folderSnapshot("20250103000000_c", "id-c", "id-b");
    }

    @Test
    void aConsistentFolderLayoutWithoutJournalHasNoFinding() {
        folderLayout();
        assertEquals(List.of(), findings());
    }

    @Test
    void aMergeWithTwoParentsAndParallelBranchesAreFine() {
        folderLayout();
        folderSnapshot("20250103000000_c", "id-c", "id-a"); // b and c both branch from a
        write("20250104000000_d/migration.sql", "SELECT 1;\n");
        folderSnapshot("20250104000000_d", "id-d", "id-b", "id-c");
        assertEquals(List.of(), findings());
    }

    @Test
    void aPrevIdNamingNoSnapshotOrALaterOneIsReported() {
        folderLayout();
        folderSnapshot("20250102000000_b", "id-b", "id-c");
        folderSnapshot("20250103000000_c", "id-c", "id-gone");
        assertEquals(List.of(
                "20250102000000_b/snapshot.json drizzle-snapshot-chain warning «[\"id-c\"]»",
                "20250103000000_c/snapshot.json drizzle-snapshot-chain warning «[\"id-gone\"]»"), findings());
    }

    @Test
    void missingFolderSnapshotsAreOneFindingOnTheFirstSuchMigration() throws IOException {
        folderLayout();
        Files.delete(dir.resolve("20250101000000_a/snapshot.json"));
        Files.delete(dir.resolve("20250102000000_b/snapshot.json"));
        // c names b, which is missing: unknown ids are not reported while snapshots are missing
        assertEquals(List.of("20250101000000_a/migration.sql drizzle-snapshot-chain info «CREATE TABLE a (id int);»"),
                findings());
    }

    @Test
    void aFolderLayoutWithAJournalIsCheckedAgainstIt() {
        folderLayout();
        journal("20250101000000_a", 100, "20250102000000_b", 200, "20250109000000_z", 50);
        List<String> found = findings();
        assertEquals(3, found.size(), found.toString());
        assertTrue(found.get(0).startsWith("20250103000000_c/migration.sql drizzle-journal-mismatch error"),
                found.get(0));
        assertTrue(found.stream().anyMatch(f -> f.startsWith("meta/_journal.json drizzle-journal-mismatch error «{")));
        assertTrue(found.stream().anyMatch(f -> f.equals("meta/_journal.json drizzle-journal-order error «50»")));
    }

    // ---- metadata

    @Test
    void theRulesAreListedWithTheirIdsAndLevels() {
        List<FolderRule> rules = dev.miglint.rules.Rules.ofType(FolderRule.class);
        assertEquals(List.of("drizzle-journal-mismatch", "drizzle-journal-order", "drizzle-snapshot-chain"),
                rules.stream().map(FolderRule::id).toList());
        assertEquals(List.of(Severity.ERROR, Severity.ERROR, Severity.WARNING),
                rules.stream().map(r -> r.info().severity()).toList());
        for (FolderRule r : rules) {
            assertTrue(!r.info().summary().endsWith(".") && r.info().help().endsWith("."), r.id());
        }
    }
}
