package dev.miglint.rules.destructive;

import dev.miglint.config.Runner;
import dev.miglint.config.Settings;
import dev.miglint.rules.Analyzer;
import dev.miglint.rules.FileContext;
import dev.miglint.rules.Finding;
import dev.miglint.schema.SchemaModel;
import dev.miglint.sql.SqlFile;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Fixtures are analysed without a path, so the file-name half of down-migration detection is tested here. */
class DownMigrationTest {

    private static final String DESTRUCTIVE = """
            DROP TABLE invoices;
            ALTER TABLE users DROP COLUMN locale;
            ALTER TABLE users RENAME COLUMN email_address TO email;
            TRUNCATE sessions;
            DELETE FROM feature_flags;
            """;

    private static List<String> destructiveRulesFound(String path) {
        FileContext context = new FileContext(path, Settings.DEFAULTS, Runner.NONE, SchemaModel.EMPTY);
        return Analyzer.withAllRules().analyze(SqlFile.parse(DESTRUCTIVE), context).findings().stream()
                .map(Finding::rule).filter(id -> id.startsWith("ban-")).sorted().toList();
    }

    @Test
    void downFilesOfTheCommonRunnersAreNotReported() {
        for (String path : List.of("db/migrations/000004_drop_invoices.down.sql", "migrations/0004_x.DOWN.sql",
                "migrations/2024-05-01-120000_create_invoices/down.sql", "sql/U4__drop_invoices.sql",
                "C:\\repo\\db\\U1.2__undo.sql")) {
            assertEquals(List.of(), destructiveRulesFound(path), path);
        }
    }

    @Test
    void upFilesAndLookalikesAreReported() {
        List<String> all = List.of("ban-delete-without-where", "ban-drop-column", "ban-drop-table", "ban-rename",
                "ban-truncate");
        for (String path : List.of("db/migrations/000004_drop_invoices.up.sql", "sql/V4__drop_invoices.sql",
                "migrations/20240501_markdown.sql", "migrations/u4__lowercase_is_not_undo.sql",
                "db/down/0004_teardown.sql", "")) {
            assertEquals(all, destructiveRulesFound(path), path);
        }
    }

    @Test
    void isDownFileLooksAtTheFileNameOnly() {
        assertTrue(DownMigration.isDownFile("down.sql"));
        assertTrue(DownMigration.isDownFile("a/b/0001_init.down.sql"));
        assertFalse(DownMigration.isDownFile("down.sql/0001_init.up.sql"));
        assertFalse(DownMigration.isDownFile("lowdown.sql"));
        assertFalse(DownMigration.isDownFile(null));
    }

    @Test
    void aDownMarkerCoversOnlyWhatFollowsIt() {
        String text = """
                -- +goose Up
                DROP TABLE legacy_invoices;
                -- +goose Down
                DROP TABLE invoices;
                """;
        List<Finding> findings = Analyzer.withAllRules().analyze(text).findings().stream()
                .filter(f -> f.rule().equals("ban-drop-table")).toList();
        assertEquals(1, findings.size());
        assertTrue(findings.get(0).message().contains("legacy_invoices"), findings.get(0).message());
    }
}
