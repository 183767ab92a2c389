package dev.miglint.rules.conventions;

import dev.miglint.config.Runner;
import dev.miglint.config.Settings;
import dev.miglint.rules.Analyzer;
import dev.miglint.rules.FileContext;
import dev.miglint.rules.Finding;
import dev.miglint.rules.Fixes;
import dev.miglint.schema.SchemaModel;
import dev.miglint.sql.SqlFile;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The fixture harness applies first fixes only; the second fix of prefer-text keeps the length limit. */
class PreferTextTest {

    private static final FileContext ENABLED = new FileContext("", new Settings(Map.of("prefer-text", "warning"),
            null, 17, false, List.of(), List.of()), Runner.NONE, SchemaModel.EMPTY);

    private static List<Finding> findings(String sql) {
        return Analyzer.withAllRules().analyze(SqlFile.parse(sql), ENABLED).findings().stream()
                .filter(f -> f.rule().equals("prefer-text")).toList();
    }

    @Test
    void secondFixKeepsTheLengthLimitAsACheck() {
        String sql = "CREATE TABLE IF NOT EXISTS users (\"displayName\" varchar(64) NOT NULL);";
        Finding f = findings(sql).get(0);
        assertEquals(2, f.fixes().size());
        String fixed = Fixes.apply(sql, f.fixes().get(1).edits());
        assertEquals("CREATE TABLE IF NOT EXISTS users (\"displayName\" text CHECK (char_length(\"displayName\") <= 64) "
                + "NOT NULL);", fixed);
        assertTrue(findings(fixed).isEmpty());
    }

    @Test
    void arraysGetNoCheckFix() {
        Finding f = findings("ALTER TABLE users ADD COLUMN IF NOT EXISTS tags varchar(20)[];").get(0);
        assertEquals(1, f.fixes().size());
        assertEquals("Use text[] (drops the 20-character limit)", f.fixes().get(0).title());
    }
}
