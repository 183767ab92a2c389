package dev.miglint.rules;

import dev.miglint.change.Change;
import dev.miglint.change.Change.CreateTable;
import dev.miglint.change.Change.Transaction;
import dev.miglint.change.Name;
import dev.miglint.config.Runner;
import dev.miglint.schema.SchemaModel;
import dev.miglint.sql.SqlFile;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What the analyzer works out once per file and every rule shares: the flattened changes, the
 * schema before each of them, and whether each runs inside a transaction.
 */
final class FileFacts {

    private final SqlFile file;
    private final FileContext context;
    private final List<Change> changes;
    private final SchemaModel[] schemaBefore;
    private final boolean[] inExplicitTransaction;
    private final boolean runnerWrapsFile;
    private final boolean[] inDownMigration;
    /** Table key → index of the first change of this file that creates it. */
    private final Map<String, Integer> firstCreate = new HashMap<>();
    /** Per-file values rules derive once (see {@link RuleContext#perFile}). */
    private final Map<Object, Object> memo = new HashMap<>();

    FileFacts(SqlFile file, FileContext context) {
        this.file = file;
        this.context = context;
        this.changes = file.allChanges();
        this.schemaBefore = new SchemaModel[changes.size()];
        this.inExplicitTransaction = new boolean[changes.size()];
        this.runnerWrapsFile = context.runner().wrapsFile(file.statements().size())
                && !(context.runner() == Runner.FLYWAY && changes.stream().anyMatch(
                        c -> !c.statement().guard().inDoBlock() && TransactionBlocks.refused(c)));
        this.inDownMigration = DownMigration.mark(context.path(), file, changes);
        SchemaModel schema = context.schemaAtStart();
        boolean open = false;
        for (int i = 0; i < changes.size(); i++) {
            Change change = changes.get(i);
            schemaBefore[i] = schema;
            if (change instanceof CreateTable t && (!t.ifNotExists() || !schema.hasTable(t.name()))) {
                // A plain CREATE TABLE proves the table did not exist then (it would fail otherwise),
                // whatever the replay of other files says: pg_dump --clean, alternative schema dumps.
                firstCreate.putIfAbsent(SchemaModel.key(t.name()), i);
            }
            if (!inDownMigration[i]) {
                schema = schema.apply(change, context.path());
            }
            if (change instanceof Transaction t && !change.statement().guard().inDoBlock()) {
                inExplicitTransaction[i] = open;
                open = opens(t, open);
            } else {
                inExplicitTransaction[i] = open;
            }
        }
    }

    /** Whether a transaction is open after {@code t}. */
    private static boolean opens(Transaction t, boolean open) {
        return switch (t.command()) {
            case "BEGIN" -> true;
            case "COMMIT", "ROLLBACK", "COMMIT PREPARED", "ROLLBACK PREPARED" -> false;
            default -> open; // SAVEPOINT, RELEASE, ROLLBACK TO SAVEPOINT
        };
    }

    SqlFile file() {
        return file;
    }

    FileContext context() {
        return context;
    }

    List<Change> changes() {
        return changes;
    }

    SchemaModel schemaBefore(int index) {
        return schemaBefore[index];
    }

    /** For a BEGIN: whether one was already open when it ran. */
    boolean inExplicitTransaction(int index) {
        return inExplicitTransaction[index];
    }

    boolean runnerWrapsFile() {
        return runnerWrapsFile;
    }

    /** True when a change before {@code index} in this file created {@code table}. */
    boolean createdBefore(Name table, int index) {
        Integer first = firstCreate.get(SchemaModel.key(table));
        return first != null && first < index;
    }

    @SuppressWarnings("unchecked")
    <T> T perFile(Object key, java.util.function.Supplier<T> compute) {
        Object value = memo.get(key);
        if (value == null) {
            value = compute.get();
            memo.put(key, value);
        }
        return (T) value;
    }

    boolean inDownMigration(int index) {
        return inDownMigration[index];
    }

    /** The schema after the last statement: what the next migration starts from. */
    SchemaModel schemaAfter() {
        int last = changes.size() - 1;
        if (last < 0) {
            return context.schemaAtStart();
        }
        return inDownMigration[last] ? schemaBefore[last] : schemaBefore[last].apply(changes.get(last), context.path());
    }
}
