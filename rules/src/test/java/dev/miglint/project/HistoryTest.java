package dev.miglint.project;

import dev.miglint.change.Change;
import dev.miglint.change.Change.AddColumn;
import dev.miglint.config.Runner;
import dev.miglint.config.Settings;
import dev.miglint.rules.Analyzer;
import dev.miglint.rules.Category;
import dev.miglint.rules.FileContext;
import dev.miglint.rules.Finding;
import dev.miglint.rules.Rule;
import dev.miglint.rules.RuleContext;
import dev.miglint.rules.RuleInfo;
import dev.miglint.rules.Severity;
import dev.miglint.sql.SqlFile;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class HistoryTest {

    /** Reports, for each ADD COLUMN, what the context knows about the table. */
    @RuleInfo(id = "ban-drop-column", summary = "probe", category = Category.CONVENTIONS, severity = Severity.INFO,
            fixable = false, since = "test", help = "probe")
    static final class TableProbe implements Rule {
        @Override
        public void check(Change change, RuleContext ctx) {
            if (change instanceof AddColumn add) {
                ctx.report(change, add.table() + " created-here=" + ctx.createdInThisFile(add.table())
                        + " existed-before=" + ctx.existedBeforeThisFile(add.table())
                        + " in-transaction=" + ctx.inTransaction());
            }
        }
    }

    @Test
    void eachFileSeesTheSchemaTheEarlierFilesBuilt() {
        List<History.Entry> entries = List.of(
                entry("V1__users.sql", "CREATE TABLE users (id uuid);"),
                entry("V2__orders.sql", """
                        CREATE TABLE orders (id uuid);
                        ALTER TABLE orders ADD COLUMN total int;
                        ALTER TABLE users ADD COLUMN name text;
                        ALTER TABLE ghosts ADD COLUMN boo text;
                        """));

        List<FileContext> contexts = History.contexts(entries);
        Analyzer analyzer = new Analyzer(List.of(new TableProbe()));
        List<String> messages = new ArrayList<>();
        for (int i = 0; i < entries.size(); i++) {
            analyzer.analyze(entries.get(i).file(), contexts.get(i)).findings().stream()
                    .map(Finding::message).forEach(messages::add);
        }

        assertEquals(List.of(
                "orders created-here=true existed-before=false in-transaction=true",
                "users created-here=false existed-before=true in-transaction=true",
                "ghosts created-here=false existed-before=false in-transaction=true"), messages);
    }

    @Test
    void theConfiguredRunnerWinsOverTheDetectedOne() {
        History.Entry entry = new History.Entry("001.sql", SqlFile.parse("SELECT 1;"),
                Settings.DEFAULTS.withRunner(Runner.NONE), Runner.FLYWAY);

        assertEquals(Runner.NONE, History.contexts(List.of(entry)).get(0).runner());
    }

    private static History.Entry entry(String path, String sql) {
        return new History.Entry(path, SqlFile.parse(sql), Settings.DEFAULTS, Runner.FLYWAY);
    }
}
