package dev.miglint.cli;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
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
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * The SARIF the jar writes, checked by Microsoft's validator (tools/sarif, installed by .ci/run):
 * it must report no error. The validator exits 0 even then, so its {@code : error } lines count.
 * Without the validator the test is skipped on a developer machine and fails in CI.
 */
class SarifValidatorIT {

    private static final String BINARY = "node_modules/@microsoft/sarif-multitool-linux/Sarif.Multitool";

    private static Path validator;
    private static Path root;

    @TempDir
    Path dir;

    @BeforeAll
    static void locateValidator() {
        root = Path.of(System.getProperty("miglint.root", "..")).toAbsolutePath().normalize();
        List<Path> candidates = new ArrayList<>();
        if (System.getenv("SARIF_MULTITOOL") != null) {
            candidates.add(Path.of(System.getenv("SARIF_MULTITOOL")));
        }
        candidates.add(root.resolve("tools/sarif").resolve(BINARY));
        candidates.add(Path.of("/tmp/sarif").resolve(BINARY));
        validator = candidates.stream().filter(Files::isExecutable).findFirst().orElse(null);
        if (validator == null) {
            String message = "SARIF validator not installed (npm ci --prefix tools/sarif); looked at " + candidates;
            if (System.getenv("CI") != null) {
                fail(message);
            }
            Assumptions.abort(message);
        }
    }

    private String miglint(Path output, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-jar",
                System.getProperty("miglint.jar")));
        command.addAll(List.of(args));
        Path err = dir.resolve("miglint.err");
        Process process = new ProcessBuilder(command).directory(root.toFile())
                .redirectOutput(output.toFile()).redirectError(err.toFile()).start();
        assertTrue(process.waitFor(300, TimeUnit.SECONDS), "miglint did not finish");
        assertTrue(process.exitValue() <= 1, "miglint failed: " + Files.readString(err));
        return Files.readString(output);
    }

    /** The validator's error lines for one SARIF file. */
    private List<String> validate(Path sarif) throws IOException, InterruptedException {
        Path log = dir.resolve(sarif.getFileName() + ".log");
        ProcessBuilder builder = new ProcessBuilder(validator.toString(), "validate", "--max-file-size-in-kb", "1000000",
                sarif.toString())
                .redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().put("DOTNET_SYSTEM_GLOBALIZATION_INVARIANT", "1");
        Process process = builder.start();
        assertTrue(process.waitFor(300, TimeUnit.SECONDS), "the validator did not finish");
        String output = Files.readString(log);
        assertTrue(output.contains("Analysis completed successfully"), output);
        return output.lines().filter(l -> l.contains(": error ")).toList();
    }

    @Test
    void examplesGiveValidSarif() throws Exception {
        Path sarif = dir.resolve("examples.sarif");
        assertTrue(miglint(sarif, "check", "--format", "sarif", "examples").contains("\"fixes\""));

        assertEquals(List.of(), validate(sarif));
    }

    @Test
    void awkwardFilesGiveValidSarif() throws Exception {
        Path project = Files.createDirectories(dir.resolve("a project, with spaces/migrations ünï"));
        Files.writeString(project.resolve("V1 init.sql"), "CREATE SCHEMA app;\r\nALTER TABLE t ADD CONSTRAINT c "
                + "CHECK (x > 0);\r\n-- 😀\r\nCREATE TABLE t2 (id int);");
        Files.write(project.resolve("V2__latin1.sql"), "-- café\n".getBytes(StandardCharsets.ISO_8859_1));
        Files.writeString(project.resolve("V3__open.sql"), "SELECT 'never closed;\n");
        Path sarif = dir.resolve("awkward.sarif");
        miglint(sarif, "check", "--format", "sarif", project.toString());

        assertEquals(List.of(), validate(sarif));
    }

    @Test
    void corpusGivesValidSarif() throws Exception {
        Path corpus = root.resolveSibling("shared").resolve("corpus");
        Assumptions.assumeTrue(Files.isDirectory(corpus), "no corpus at " + corpus);
        Path sarif = dir.resolve("corpus.sarif");
        miglint(sarif, "check", "--format", "sarif", corpus.toString());

        List<String> errors = validate(sarif);
        assertEquals(List.of(), errors.stream().limit(20).toList(), errors.size() + " errors");
    }

    @Test
    void validatorCatchesABrokenFile() throws Exception {
        // Guards the test itself: an index pointing past the rules must be reported.
        Path sarif = dir.resolve("examples.sarif");
        String good = miglint(sarif, "check", "--format", "sarif", "examples");
        Path broken = dir.resolve("broken.sarif");
        Files.writeString(broken, good.replaceFirst("\"ruleIndex\":\\d+", "\"ruleIndex\":9999"));

        assertEquals(1, validate(broken).size());
    }
}
