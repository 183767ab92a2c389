package dev.miglint.drizzle;

import dev.miglint.rules.Finding;
import dev.miglint.rules.drizzle.DrizzleChecks;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The folder layout of drizzle-kit 1.x, as a real folder under test resources. */
class DrizzleFolderTest {

    private static Path resource(String name) throws URISyntaxException {
        return Path.of(DrizzleFolderTest.class.getResource("/drizzle/" + name).toURI());
    }

    @Test
    void theFolderLayoutIsOrderedByFolderName() throws Exception {
        DrizzleFolder folder = DrizzleFolder.scan(resource("folders-v1"));
        assertEquals(DrizzleFolder.Layout.FOLDERS, folder.layout());
        assertEquals(List.of("20250301120000_init", "20250302120000_add_posts", "20250302120500_add_tags",
                "20250303090000_merge"), folder.migrations().stream().map(DrizzleFolder.Migration::tag).toList());
        assertEquals(folder.root().resolve("20250301120000_init/snapshot.json"),
                folder.snapshotOf("20250301120000_init"));
    }

    @Test
    void aParentThatWasDeletedIsReportedAndTheMergeIsNot() throws Exception {
        Path root = resource("folders-v1");
        Map<Path, List<Finding>> found = DrizzleChecks.check(root);
        Path tags = root.resolve("20250302120500_add_tags/snapshot.json");
        assertEquals(List.of(tags), List.copyOf(found.keySet()));
        Finding f = found.get(tags).get(0);
        assertEquals("drizzle-snapshot-chain", f.rule());
        assertEquals("[\n    \"6c1b7c2e-0000-4000-8000-0000000000ff\"\n  ]", f.range().text(read(tags)));
    }

    @Test
    void aFlatFolderSnapshotIsNamedByTheTagsNumber() {
        DrizzleFolder flat = new DrizzleFolder(Path.of("d"), DrizzleFolder.Layout.FLAT, Optional.empty(),
                List.of());
        assertEquals(Path.of("d/meta/0130_snapshot.json"), flat.snapshotOf("0130_perpetual_screwball"));
        assertEquals(Path.of("d/meta/20240101120000_snapshot.json"), flat.snapshotOf("20240101120000_init"));
        assertEquals(Path.of("d/0130_x.sql"), flat.sqlOf("0130_x"));
    }

    private static String read(Path p) throws IOException {
        return Files.readString(p);
    }
}
