package dev.miglint.clients;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The editor clients (Neovim, Emacs + eglot, VS Code in code-server) driven end to end against
 * this build's jar by {@code clients/run-tests.sh}. On a machine without an editor that one is
 * skipped by the script; in CI (CI=true) a missing editor fails.
 */
class EditorClientsIT {

    @Test
    void everyEditorShowsTheFindingItsHoverAndAppliesTheFix() throws IOException, InterruptedException {
        Path repo = Path.of("").toAbsolutePath().getParent();
        Path script = repo.resolve("clients/run-tests.sh");
        assertTrue(Files.isRegularFile(script), script + " exists");
        Path log = Files.createTempFile("miglint-editors", ".log");
        ProcessBuilder builder = new ProcessBuilder("bash", script.toString())
                .redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().put("MIGLINT_JAR", System.getProperty("miglint.jar"));
        Process run = builder.start();
        boolean ended = run.waitFor(20, TimeUnit.MINUTES);
        if (!ended) {
            run.descendants().forEach(ProcessHandle::destroyForcibly);
            run.destroyForcibly();
        }
        String output = Files.readString(log, StandardCharsets.UTF_8);
        System.out.println(output);
        assertTrue(ended, "the editor tests ended within 20 minutes:\n" + output);
        assertEquals(0, run.exitValue(), "every editor test passed:\n" + output);
    }
}
