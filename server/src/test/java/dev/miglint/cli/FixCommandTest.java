package dev.miglint.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class FixCommandTest {

    private static final FileTime LONG_AGO = FileTime.fromMillis(1_000_000_000_000L);

    @TempDir
    Path dir;

    private Path write(String name, String text) throws IOException {
        return Files.writeString(dir.resolve(name), text, StandardCharsets.UTF_8);
    }

    private List<String> filesInDir() throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    @Test
    void fixableFileIsRewrittenAndThenChecksClean() throws IOException {
        Path file = write("V1.sql", "CREATE SCHEMA app;\nCREATE TABLE app.t (id int);\n");

        CliRun run = CliRun.of("fix", dir.toString());

        assertEquals(0, run.exitCode(), run.out() + run.err());
        assertEquals("CREATE SCHEMA IF NOT EXISTS app;\nCREATE TABLE IF NOT EXISTS app.t (id int);\n",
                Files.readString(file));
        assertEquals(List.of("fixed " + file, "fixed 2 findings in 1 file; 0 findings have no automatic fix"),
                run.outLines());
        assertEquals(0, CliRun.of("check", dir.toString()).exitCode());
        assertEquals(List.of("V1.sql"), filesInDir(), "no temporary file is left behind");
    }

    @Test
    void fileWithoutFixesIsNotTouchedAndItsErrorStillFailsTheRun() throws IOException {
        Path unfixable = write("V1.sql", "ALTER TABLE IF EXISTS users DROP COLUMN IF EXISTS email;\n");
        Path clean = write("V2.sql", "CREATE SCHEMA IF NOT EXISTS app;\n");
        Files.setLastModifiedTime(unfixable, LONG_AGO);
        Files.setLastModifiedTime(clean, LONG_AGO);

        CliRun run = CliRun.of("fix", dir.toString());

        assertEquals(1, run.exitCode(), run.out() + run.err());
        assertEquals(List.of("fixed 0 findings in 0 files; 1 finding has no automatic fix"), run.outLines());
        assertEquals(LONG_AGO, Files.getLastModifiedTime(unfixable));
        assertEquals(LONG_AGO, Files.getLastModifiedTime(clean));
    }

    @Test
    void dryRunPrintsAUnifiedDiffAndWritesNothing() throws IOException {
        String text = "-- one\n-- two\n-- three\n-- four\nCREATE SCHEMA app;\n-- five\n-- six\n-- seven\n-- eight\n";
        Path file = write("V1.sql", text);
        Files.setLastModifiedTime(file, LONG_AGO);

        CliRun run = CliRun.of("fix", "--dry-run", file.toString());

        assertEquals(0, run.exitCode(), "nothing at error severity is left once fixed: " + run.err());
        String name = file.toString().replaceFirst("^/+", "");
        assertEquals("--- a/" + name + "\n+++ b/" + name + "\n"
                + "@@ -2,7 +2,7 @@\n"
                + " -- two\n -- three\n -- four\n"
                + "-CREATE SCHEMA app;\n+CREATE SCHEMA IF NOT EXISTS app;\n"
                + " -- five\n -- six\n -- seven\n", run.out());
        assertEquals(List.of("would fix 1 finding in 1 file; 0 findings have no automatic fix"), run.errLines());
        assertEquals(text, Files.readString(file));
        assertEquals(LONG_AGO, Files.getLastModifiedTime(file));
    }

    @Test
    void dryRunMarksAMissingFinalNewline() throws IOException {
        Path file = write("V1.sql", "CREATE SCHEMA app;");

        CliRun run = CliRun.of("fix", "--dry-run", file.toString());

        assertTrue(run.out().endsWith("@@ -1,1 +1,1 @@\n-CREATE SCHEMA app;\n\\ No newline at end of file\n"
                + "+CREATE SCHEMA IF NOT EXISTS app;\n\\ No newline at end of file\n"), run.out());
    }

    @Test
    void byteOrderMarkAndCrlfLineEndingsSurviveAMultiLineFix() throws IOException {
        byte[] bom = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
        String text = "CREATE SCHEMA app;\r\nALTER TABLE t ADD CONSTRAINT t_x_check CHECK (x > 0);\r\n";
        Path file = dir.resolve("V1.sql");
        Files.write(file, concat(bom, text.getBytes(StandardCharsets.UTF_8)));

        CliRun run = CliRun.of("fix", file.toString());

        assertEquals(0, run.exitCode(), run.out() + run.err());
        byte[] bytes = Files.readAllBytes(file);
        assertArrayEquals(bom, java.util.Arrays.copyOf(bytes, 3), "the BOM is kept");
        String fixed = new String(bytes, 3, bytes.length - 3, StandardCharsets.UTF_8);
        assertTrue(fixed.startsWith("CREATE SCHEMA IF NOT EXISTS app;\r\nDO $$ BEGIN\r\n"), fixed);
        assertFalse(fixed.replace("\r\n", "").contains("\n"), "every line ends in CRLF: " + fixed);
        assertFalse(fixed.contains("\uFEFF"), "the BOM is written once");
    }

    @Test
    void fileThatIsNotUtf8IsNeverWritten() throws IOException {
        Path latin1 = dir.resolve("V1.sql");
        byte[] bytes = "-- café\nCREATE SCHEMA app;\n".getBytes(StandardCharsets.ISO_8859_1);
        Files.write(latin1, bytes);
        Files.setLastModifiedTime(latin1, LONG_AGO);

        CliRun run = CliRun.of("fix", latin1.toString());

        assertEquals(1, run.exitCode(), "the unreadable-file error remains");
        assertArrayEquals(bytes, Files.readAllBytes(latin1));
        assertEquals(LONG_AGO, Files.getLastModifiedTime(latin1));
    }

    @Test
    void fixWithoutPathsOrWithAFormatIsAUsageError() {
        assertEquals(2, CliRun.of("fix").exitCode());
        assertEquals(2, CliRun.of("fix", "--format", "json", dir.toString()).exitCode());
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
