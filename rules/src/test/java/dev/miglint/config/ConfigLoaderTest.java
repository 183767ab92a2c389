package dev.miglint.config;

import dev.miglint.rules.Rules;
import dev.miglint.rules.Severity;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ConfigLoaderTest {

    @TempDir
    Path dir;

    @Test
    void readsJsonWithCommentsAndTrailingCommas() {
        ConfigLoader.Loaded loaded = ConfigLoader.parse("""
                {
                  // our team's rules
                  "rules": { "ban-drop-column": "warning", /* reviewed */ },
                  "runner": "flyway",
                  "postgresVersion": "13.4",
                  "acceptTransactional": true,
                  "exclude": ["legacy/**",],
                }
                """, null);

        assertEquals(List.of(), loaded.problems());
        Settings s = loaded.settings();
        assertEquals(Runner.FLYWAY, s.runner());
        assertEquals(13, s.postgresVersion());
        assertTrue(s.acceptTransactional());
        assertEquals(List.of("legacy/**"), s.exclude());
        assertEquals(Optional.of(Severity.WARNING), dev.miglint.rules.Levels.of(s, Rules.byId("ban-drop-column").orElseThrow().info()));
    }

    @Test
    void brokenJsonNamesFileAndLineAndFallsBackToDefaults() throws IOException {
        Path file = dir.resolve(".miglint.json");
        Files.writeString(file, "{\n  \"rules\": {\n    \"ban-drop-column\": \"warning\"\n");

        ConfigLoader.Loaded loaded = ConfigLoader.load(file);

        assertEquals(Settings.DEFAULTS, loaded.settings());
        assertEquals(1, loaded.problems().size(), loaded.problems().toString());
        String problem = loaded.problems().get(0);
        assertTrue(problem.startsWith(file + ":"), problem);
        assertTrue(problem.contains("not valid JSON") && problem.endsWith("using the defaults"), problem);
    }

    @Test
    void unknownKeysBadLevelsAndRunnersAreReportedAndTheRestApplies() {
        ConfigLoader.Loaded loaded = ConfigLoader.parse("""
                {"rules": {"ban-drop-column": "loud", "require-if-not-exists": "off"}, "runner": "flywy", "colour": 1}
                """, Path.of("proj/.miglint.json"));

        assertEquals(3, loaded.problems().size(), loaded.problems().toString());
        assertTrue(loaded.problems().stream().anyMatch(p -> p.contains("\"loud\"")));
        assertTrue(loaded.problems().stream().anyMatch(p -> p.contains("flywy")));
        assertTrue(loaded.problems().stream().anyMatch(p -> p.contains("unknown key \"colour\"")));
        assertEquals(Optional.empty(),
                dev.miglint.rules.Levels.of(loaded.settings(), Rules.byId("require-if-not-exists").orElseThrow().info()));
    }

    @Test
    void findsTheNearestConfigAboveAFile() throws IOException {
        Path nested = Files.createDirectories(dir.resolve("db/migrations"));
        Path config = Files.writeString(dir.resolve(".miglint.json"), "{}");
        Path migration = Files.writeString(nested.resolve("001.sql"), "SELECT 1;");

        assertEquals(config.toAbsolutePath(), ConfigLoader.find(migration));
    }

    @Test
    void aCommaInsideAStringIsKept() {
        assertEquals("{\"a\": \"x,}\"  }", ConfigLoader.withoutTrailingCommas("{\"a\": \"x,}\", }"));
    }
}
