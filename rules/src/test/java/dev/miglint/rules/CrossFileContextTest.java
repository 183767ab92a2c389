package dev.miglint.rules;

import dev.miglint.change.Change;
import dev.miglint.change.Change.AddColumn;
import dev.miglint.config.Runner;
import dev.miglint.config.Settings;
import dev.miglint.schema.SchemaModel;
import dev.miglint.sql.SqlFile;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** What a rule learns about tables from the migrations before its file. */
class CrossFileContextTest {

    /** Reports, for each ADD COLUMN, what the context knows about the table. */
    @RuleInfo(id = "ban-drop-column", summary = "probe", category = Category.CONVENTIONS, severity = Severity.INFO,
            fixable = false, since = "test", help = "probe")
    static final class TableProbe implements StatementRule {
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
        SqlFile first = SqlFile.parse("CREATE TABLE users (id uuid);");
        SqlFile second = SqlFile.parse("""
                CREATE TABLE orders (id uuid);
                ALTER TABLE orders ADD COLUMN total int;
                ALTER TABLE users ADD COLUMN name text;
                ALTER TABLE ghosts ADD COLUMN boo text;
                """);
        FileContext firstContext = new FileContext("V1__users.sql", Settings.DEFAULTS, Runner.FLYWAY, SchemaModel.EMPTY);
        FileContext secondContext = new FileContext("V2__orders.sql", Settings.DEFAULTS, Runner.FLYWAY,
                Analyzer.replay(first, firstContext));

        List<String> messages = new Analyzer(List.of(new TableProbe())).analyze(second, secondContext).findings()
                .stream().map(Finding::message).toList();

        assertEquals(List.of(
                "orders created-here=true existed-before=false in-transaction=true",
                "users created-here=false existed-before=true in-transaction=true",
                "ghosts created-here=false existed-before=false in-transaction=true"), messages);
    }
}
