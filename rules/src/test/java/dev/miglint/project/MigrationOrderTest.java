package dev.miglint.project;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class MigrationOrderTest {

    @TempDir
    Path dir;

    @Test
    void flywayVersionsCompareAsNumbersAndRepeatablesRunLast() {
        Path m = dir.resolve("db/migration");
        List<Path> sorted = MigrationOrder.sort(List.of(m.resolve("V1_10__c.sql"), m.resolve("R__views.sql"),
                m.resolve("V1_9__b.sql"), m.resolve("V2__d.sql"), m.resolve("V1_1__a.sql")));

        assertEquals(List.of("V1_1__a.sql", "V1_9__b.sql", "V1_10__c.sql", "V2__d.sql", "R__views.sql"), names(sorted));
    }

    @Test
    void numberedFoldersSortByValue() {
        List<Path> sorted = MigrationOrder.sort(List.of(dir.resolve("10/01_x.up.sql"), dir.resolve("9/02_y.up.sql"),
                dir.resolve("9/01_z.up.sql")));

        assertEquals(List.of(dir.resolve("9/01_z.up.sql"), dir.resolve("9/02_y.up.sql"), dir.resolve("10/01_x.up.sql")),
                sorted);
    }

    @Test
    void aDrizzleFolderFollowsItsJournalAndPutsUnlistedFilesLast() throws IOException {
        Path drizzle = Files.createDirectories(dir.resolve("drizzle/meta")).getParent();
        Files.writeString(drizzle.resolve("meta/_journal.json"), """
                {"version":"7","dialect":"postgresql","entries":[
                  {"idx":0,"version":"7","when":1,"tag":"0000_b_first","breakpoints":true},
                  {"idx":1,"version":"7","when":2,"tag":"0000_a_second","breakpoints":true}]}
                """);

        List<Path> sorted = MigrationOrder.sort(List.of(drizzle.resolve("0000_a_second.sql"),
                drizzle.resolve("0001_orphan.sql"), drizzle.resolve("0000_b_first.sql")));

        assertEquals(List.of("0000_b_first.sql", "0000_a_second.sql", "0001_orphan.sql"), names(sorted));
    }

    @Test
    void aBrokenJournalFallsBackToNameOrder() throws IOException {
        Path drizzle = Files.createDirectories(dir.resolve("drizzle/meta")).getParent();
        Files.writeString(drizzle.resolve("meta/_journal.json"), "{ not json");

        assertEquals(List.of("0000_a.sql", "0001_b.sql"),
                names(MigrationOrder.sort(List.of(drizzle.resolve("0001_b.sql"), drizzle.resolve("0000_a.sql")))));
    }

    @Test
    void versionNamedFoldersBelongToTheHistoryAboveThem() {
        Path prisma = dir.resolve("prisma/migrations");
        assertEquals(prisma, MigrationOrder.historyOf(prisma.resolve("20240101000000_init/migration.sql")));
        Path boundary = dir.resolve("schema/postgres");
        assertEquals(boundary, MigrationOrder.historyOf(boundary.resolve("9/01_x.up.sql")));
        Path flyway = dir.resolve("db/migration");
        assertEquals(flyway, MigrationOrder.historyOf(flyway.resolve("V1__init.sql")));
    }

    private static List<String> names(List<Path> paths) {
        return paths.stream().map(p -> p.getFileName().toString()).toList();
    }
}
