package dev.miglint.project;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

class ProjectRootsTest {

    @TempDir
    Path dir;

    private Path file(String relative) throws Exception {
        Path f = dir.resolve(relative);
        Files.createDirectories(f.getParent());
        Files.writeString(f, "CREATE TABLE a (id int);\n");
        return f;
    }

    @Test
    void theNearestFolderWithAProjectMarkerIsTheRoot() throws Exception {
        Path migration = file("app/db/migrations/001_init.sql");
        Files.writeString(dir.resolve("app/package.json"), "{}");
        Files.createDirectories(dir.resolve("app/db/.git"));
        assertEquals(dir.resolve("app/db"), ProjectRoots.around(migration));
    }

    @Test
    void withoutAMarkerTheFolderAboveTheMigrationsFolderIsTheRoot() throws Exception {
        assertEquals(dir.resolve("svc"), ProjectRoots.around(file("svc/migrations/001_init.sql")));
    }

    @Test
    void aLoneSqlFileOrAnUnsavedOneHasNoRoot() throws Exception {
        assertNull(ProjectRoots.around(file("scratch/query.sql")));
        assertNull(ProjectRoots.around(dir.resolve("missing/migrations/001.sql")));
    }
}
