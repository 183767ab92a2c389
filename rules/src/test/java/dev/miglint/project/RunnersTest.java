package dev.miglint.project;

import dev.miglint.config.Runner;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;

class RunnersTest {

    @TempDir
    Path dir;

    @Test
    void drizzleIsKnownByItsJournal() throws IOException {
        Files.createDirectories(dir.resolve("drizzle/meta"));
        Files.writeString(dir.resolve("drizzle/meta/_journal.json"), "{}");

        assertEquals(Runner.DRIZZLE, Runners.detect(dir.resolve("drizzle/0000_init.sql")));
        assertEquals(Runner.DRIZZLE, Runners.detect(dir.resolve("drizzle/20250101_init/migration.sql")));
    }

    @Test
    void flywayIsKnownByItsFileNames() {
        assertEquals(Runner.FLYWAY, Runners.detect(dir.resolve("V1_12_16__add_action___POSTGRESQL.sql")));
        assertEquals(Runner.NONE, Runners.detect(dir.resolve("001_init.sql")));
    }

    @Test
    void prismaIsKnownByItsMigrationLock() throws IOException {
        Files.createDirectories(dir.resolve("migrations/20240101000000_init"));
        Files.writeString(dir.resolve("migrations/migration_lock.toml"), "provider = \"postgresql\"");

        assertEquals(Runner.PRISMA, Runners.detect(dir.resolve("migrations/20240101000000_init/migration.sql")));
    }

    @Test
    void supabaseIsKnownByItsFolder() {
        assertEquals(Runner.SUPABASE, Runners.detect(dir.resolve("supabase/migrations/20240101_init.sql")));
    }
}
