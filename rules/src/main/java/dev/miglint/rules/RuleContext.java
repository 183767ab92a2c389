package dev.miglint.rules;

import dev.miglint.change.Change;
import dev.miglint.change.Change.AddColumn;
import dev.miglint.change.Name;
import dev.miglint.config.Runner;
import dev.miglint.config.Settings;
import dev.miglint.schema.ColumnInfo;
import dev.miglint.schema.SchemaModel;
import dev.miglint.schema.TableInfo;
import dev.miglint.sql.SqlFile;
import dev.miglint.text.Span;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** What a rule sees of the file being analysed, and where it reports. One per rule and file. */
public final class RuleContext {

    private final FileFacts facts;
    private final RuleInfo info;
    private final Severity severity;
    private final List<Finding> sink;
    /** Index in {@link FileFacts#changes} of the change being checked. */
    private int current;

    RuleContext(FileFacts facts, RuleInfo info, Severity severity, List<Finding> sink) {
        this.facts = facts;
        this.info = info;
        this.severity = severity;
        this.sink = sink;
    }

    void moveTo(int index) {
        current = index;
    }

    // ---------------------------------------------------------------- the file

    public String text() {
        return facts.file().text();
    }

    public SqlFile file() {
        return facts.file();
    }

    public String path() {
        return facts.context().path();
    }

    public Settings settings() {
        return facts.context().settings();
    }

    /** Every change of the file in text order, DO block bodies included. */
    public List<Change> changes() {
        return facts.changes();
    }

    /** The changes that come before the one being checked. */
    public List<Change> before() {
        return facts.changes().subList(0, current);
    }

    // ---------------------------------------------------------------- schema

    /** The schema as the migrations built it up to (not including) the change being checked. */
    public SchemaModel schema() {
        return facts.schemaBefore(current);
    }

    /**
     * True when {@code table} was created earlier in this same file: locking rules let such a
     * table be changed freely, since no one else can be using it yet.
     */
    public boolean createdInThisFile(Name table) {
        return createdInThisFileBefore(table, current);
    }

    /**
     * True when a change before index {@code index} of {@link #changes()} created {@code table}: by
     * a CREATE TABLE in this file, or under a name the replay traces back to one (a rename).
     */
    public boolean createdInThisFileBefore(Name table, int index) {
        if (table == null || facts.changes().isEmpty()) {
            return false;
        }
        if (facts.createdBefore(table, index)) {
            return true;
        }
        TableInfo info = facts.schemaBefore(Math.min(index, facts.changes().size() - 1)).table(table);
        return index > 0 && info != null && info.origin().file().equals(path())
                && !facts.context().schemaAtStart().hasTable(table);
    }

    /** Index in {@link #changes()} of the change being checked. */
    public int index() {
        return current;
    }

    /**
     * A value derived once per file and shared by every change and rule, e.g. an index of the
     * file's CREATE INDEX statements by name: keeps rules linear on 15,000-statement schema dumps.
     */
    public <T> T perFile(Object key, java.util.function.Supplier<T> compute) {
        return facts.perFile(key, compute);
    }

    /**
     * True when {@code column} of {@code table} was added earlier in this same file (or came with a
     * table created here): no deployed code knows it yet.
     */
    public boolean addedInThisFile(Name table, String column) {
        TableInfo now = schema().table(table);
        if (now == null) {
            // A table the earlier migrations do not describe: an ADD COLUMN above still tells.
            return before().stream().anyMatch(c -> c instanceof AddColumn add && add.table().sameObject(table)
                    && add.column().name().equals(column));
        }
        ColumnInfo info = now.column(column);
        if (info == null || !info.origin().file().equals(path())) {
            return false;
        }
        TableInfo atStart = facts.context().schemaAtStart().table(table);
        return atStart == null || atStart.column(column) == null;
    }

    /** True when an earlier migration created {@code table}: it may hold rows and serve traffic. */
    public boolean existedBeforeThisFile(Name table) {
        return facts.context().schemaAtStart().hasTable(table);
    }

    /** True when the change being checked undoes an up migration: a down file or a down section. */
    public boolean inDownMigration() {
        return facts.inDownMigration(current);
    }

    // ---------------------------------------------------------------- transactions

    public Runner runner() {
        return facts.context().runner();
    }

    /** True when the runner wraps this whole file in a transaction it opened itself. */
    public boolean runnerWrapsFile() {
        return facts.runnerWrapsFile();
    }

    /** True inside BEGIN … COMMIT written in this file. */
    public boolean inExplicitTransaction() {
        return facts.inExplicitTransaction(current);
    }

    public boolean inTransaction() {
        return runnerWrapsFile() || inExplicitTransaction();
    }

    /** True when settings accept an unguarded statement because a transaction rolls it back. */
    public boolean acceptedAsTransactional() {
        return settings().acceptTransactional() && inTransaction();
    }

    // ---------------------------------------------------------------- reporting

    public void report(Change at, String message, Fix... fixes) {
        report(at.span(), message, Arrays.asList(fixes));
    }

    public void report(Span range, String message, List<Fix> fixes) {
        sink.add(new Finding(info.id(), severity, message, info.help(), range, new ArrayList<>(fixes)));
    }
}
