package dev.miglint.cli;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The shaded jar as users run it: exit codes and clean stderr from a real process. */
class CliProcessIT {

    @TempDir
    Path dir;

    record Exit(int code, String out, String err) {
    }

    private Exit miglint(String... args) throws IOException, InterruptedException {
        String jar = System.getProperty("miglint.jar");
        assertTrue(jar != null && Files.isRegularFile(Path.of(jar)), "miglint.jar not built: " + jar);
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-jar", jar));
        command.addAll(List.of(args));
        Path out = dir.resolve("stdout.txt");
        Path err = dir.resolve("stderr.txt");
        Process process = new ProcessBuilder(command)
                .redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        assertTrue(process.waitFor(60, TimeUnit.SECONDS), "miglint did not finish");
        return new Exit(process.exitValue(), Files.readString(out), Files.readString(err));
    }

    private static void assertNoStackTrace(Exit exit) {
        assertFalse(exit.err().contains("at dev."), exit.err());
        assertFalse(exit.err().contains("Exception in thread"), exit.err());
        assertFalse(exit.err().contains("\tat "), exit.err());
    }

    private Path migrations() throws IOException {
        Path folder = Files.createDirectories(dir.resolve("migrations"));
        Files.writeString(folder.resolve("V1__init.sql"), "CREATE TABLE IF NOT EXISTS users (id int);\r\n"
                + "CREATE INDEX idx_users_id ON users (id);\r\n");
        Files.write(folder.resolve("V2__blob.sql"), new byte[] {(byte) 0x89, 'P', 'N', 'G', 0, 0});
        return folder;
    }

    @Test
    void checkOnAFolderExitsOneAndPrintsFindings() throws Exception {
        Path folder = migrations();

        Exit exit = miglint("check", folder.toString());

        assertEquals(1, exit.code(), exit.err());
        assertTrue(exit.out().contains(folder.resolve("V1__init.sql") + ":2:1: error: CREATE INDEX idx_users_id"),
                exit.out());
        assertTrue(exit.out().contains(folder.resolve("V2__blob.sql") + ":1:1: error: "), exit.out());
        assertTrue(exit.out().endsWith("2 errors, 0 warnings, 0 infos in 2 files (2 statements)"
                + System.lineSeparator()), exit.out());
        assertEquals("", exit.err());
    }

    @Test
    void checkJsonFromTheJarParses() throws Exception {
        Path folder = migrations();

        Exit exit = miglint("check", "--format", "json", folder.toString());

        assertEquals(1, exit.code(), exit.err());
        JsonObject summary = JsonParser.parseString(exit.out()).getAsJsonObject().getAsJsonObject("summary");
        assertEquals(2, summary.get("findings").getAsInt());
    }

    @Test
    void cleanFolderExitsZero() throws Exception {
        Path folder = Files.createDirectories(dir.resolve("clean"));
        Files.writeString(folder.resolve("V1.sql"), "CREATE SCHEMA IF NOT EXISTS app;\n", StandardCharsets.UTF_8);

        Exit exit = miglint("check", folder.toString());

        assertEquals(0, exit.code(), exit.out() + exit.err());
        assertEquals("", exit.err());
    }

    @Test
    void missingPathExitsTwoWithOneLineAndNoStackTrace() throws Exception {
        Exit exit = miglint("check", dir.resolve("does-not-exist").toString());

        assertEquals(2, exit.code());
        assertNoStackTrace(exit);
        assertEquals(List.of("miglint: no such file or directory: " + dir.resolve("does-not-exist")),
                exit.err().lines().toList());
    }

    @Test
    void badOptionExitsTwoWithNoStackTrace() throws Exception {
        Exit exit = miglint("check", "--format", "xml", dir.toString());

        assertEquals(2, exit.code());
        assertNoStackTrace(exit);
        assertEquals(1, exit.err().lines().count(), exit.err());
    }

    @Test
    void theLauncherWritesItsClassDataArchiveOnceAndThenPrintsOnlyWhatMiglintSays() throws Exception {
        Path launcher = Path.of(System.getProperty("miglint.jar")).getParent().getParent().getParent().resolve("miglint");
        Path cache = Files.createDirectories(dir.resolve("cache"));
        List<String> command = List.of("bash", launcher.toString(), "--version");
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().put("XDG_CACHE_HOME", cache.toString());
        builder.environment().put("MIGLINT_JAR", System.getProperty("miglint.jar"));
        builder.environment().remove("MIGLINT_CDS");

        Process first = builder.start();
        assertTrue(first.waitFor(60, TimeUnit.SECONDS));
        assertEquals("miglint " + Main.VERSION + "\n", new String(first.getInputStream().readAllBytes()));
        Path archives = cache.resolve("miglint");
        long deadline = System.currentTimeMillis() + 60_000;
        while (System.currentTimeMillis() < deadline) {
            List<String> names;
            try (var files = Files.list(archives)) {
                names = files.map(f -> f.getFileName().toString()).toList();
            }
            if (names.stream().anyMatch(n -> n.endsWith(".jsa")) && names.stream().noneMatch(n -> n.endsWith(".lock"))) {
                break;
            }
            Thread.sleep(100);
        }
        try (var files = Files.list(archives)) {
            assertEquals(1, files.filter(f -> f.toString().endsWith(".jsa")).count(), "one archive, written in the background");
        }

        Process second = builder.start();
        assertTrue(second.waitFor(60, TimeUnit.SECONDS));
        assertEquals("miglint " + Main.VERSION + "\n", new String(second.getInputStream().readAllBytes()),
                "mapping the archive prints nothing of its own");
        assertEquals(0, second.exitValue());
    }
}
